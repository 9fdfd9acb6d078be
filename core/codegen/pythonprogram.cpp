#include "pythonprogram.h"

#include "codeliteral.h"
#include "codeparts.h"
#include "codetext.h"

namespace SocketLab::PythonProgram {

namespace {

constexpr CodeLanguage Py = CodeLanguage::Python;

QString py(const QString &text)
{
    return textLiteral(Py, text);
}

QStringList comment(const QString &text, const QString &indent = {})
{
    return CodeParts::comment(Py, text, indent);
}

QString trailing(const QString &text)
{
    return CodeParts::trailingComment(Py, text);
}

QString message(const QString &text, const QStringList &args = {})
{
    return CodeParts::message(Py, text, args);
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 12);
}

bool hasLinger(const QList<SocketOptionSetting> &settings)
{
    for (const SocketOptionSetting &setting : settings) {
        if (setting.name == SocketOptionName::Linger)
            return true;
    }
    return false;
}

QStringList requestLines(const QByteArray &payload)
{
    QStringList lines;
    const QStringList literals = bytesLiteralLines(Py, payload);
    for (qsizetype i = 0; i < literals.size(); ++i)
        lines << (i == 0 ? QStringLiteral("request = ") : QStringLiteral("request += ")) + literals.at(i);
    return lines;
}

QStringList timeLeftFunction()
{
    QStringList lines;
    lines << QStringLiteral("deadline = time.monotonic() + TOTAL_TIMEOUT") << QString()
          << QStringLiteral("def time_left():")
          << comment(CodeText::tr("The seconds left before the total timeout; past it, the program ends."),
                     QStringLiteral("    "))
          << QStringLiteral("    left = deadline - time.monotonic()") << QStringLiteral("    if left <= 0:")
          << QStringLiteral("        ") + message(CodeText::tr("Total timeout: the exchange took too long."))
          << QStringLiteral("        sys.exit(1)") << QStringLiteral("    return left") << QString();
    return lines;
}

// Where an HTTP response is complete by its own framing, as SocketLab's parser decides it: blank
// lines before the status line skipped, 1xx responses before the final one, no body for HEAD, 1xx,
// 204 and 304, then chunked (the last coding), Content-Length, or the server's close.
QStringList httpFunctions()
{
    QStringList lines;
    lines << QStringLiteral("def head_end(reply, start):")
          << comment(CodeText::tr("Just past the blank line that ends the header section, or -1 until it has come."),
                     QStringLiteral("    "))
          << QStringLiteral("    i = reply.find(b'\\n', start)") << QStringLiteral("    while i >= 0:")
          << QStringLiteral("        if reply.startswith(b'\\n', i + 1):") << QStringLiteral("            return i + 2")
          << QStringLiteral("        if reply.startswith(b'\\r\\n', i + 1):") << QStringLiteral("            return i + 3")
          << QStringLiteral("        i = reply.find(b'\\n', i + 1)") << QStringLiteral("    return -1") << QString()
          << QStringLiteral("def chunks_complete(reply, pos):")
          << comment(CodeText::tr("Whether the chunked body from pos has come up to its last chunk and its trailers."),
                     QStringLiteral("    "))
          << QStringLiteral("    while True:") << QStringLiteral("        eol = reply.find(b'\\n', pos)")
          << QStringLiteral("        if eol < 0:") << QStringLiteral("            return False")
          << QStringLiteral("        size = int(reply[pos:eol].split(b';')[0].strip(), 16)")
          << QStringLiteral("        pos = eol + 1") << QStringLiteral("        if size == 0:")
          << QStringLiteral("            while True:") << QStringLiteral("                eol = reply.find(b'\\n', pos)")
          << QStringLiteral("                if eol < 0:") << QStringLiteral("                    return False")
          << QStringLiteral("                if reply[pos:eol].strip(b'\\r') == b'':")
          << QStringLiteral("                    return True") << QStringLiteral("                pos = eol + 1")
          << QStringLiteral("        pos += size") << QStringLiteral("        eol = reply.find(b'\\n', pos)")
          << QStringLiteral("        if eol < 0:") << QStringLiteral("            return False")
          << QStringLiteral("        pos = eol + 1") << QString() << QStringLiteral("def response_complete(reply):")
          << comment(CodeText::tr("Whether the HTTP response is whole by its own framing: Content-Length, the last "
                                  "chunk, or (neither) only the server's close."),
                     QStringLiteral("    "))
          << QStringLiteral("    start = 0") << QStringLiteral("    while True:")
          << QStringLiteral("        while reply.startswith(b'\\n', start) or reply.startswith(b'\\r\\n', start):")
          << QStringLiteral("            start += 1 if reply.startswith(b'\\n', start) else 2")
          << QStringLiteral("        end = head_end(reply, start)") << QStringLiteral("        if end < 0:")
          << QStringLiteral("            return False")
          << QStringLiteral("        head = reply[start:end].decode('latin-1').replace('\\r', '').split('\\n')")
          << QStringLiteral("        status = head[0].split()")
          << QStringLiteral("        code = int(status[1]) if len(status) > 1 and status[1].isdigit() else 0")
          << QStringLiteral("        if 100 <= code < 200 and code != 101:") << QStringLiteral("            start = end")
          << QStringLiteral("            continue")
          << QStringLiteral("        if request.startswith(b'HEAD ') or code in (101, 204, 304):")
          << QStringLiteral("            return True") << QStringLiteral("        fields = {}")
          << QStringLiteral("        for line in head[1:]:") << QStringLiteral("            name, colon, value = line.partition(':')")
          << QStringLiteral("            if colon:") << QStringLiteral("                fields[name.strip().lower()] = value.strip()")
          << QStringLiteral("        codings = fields.get('transfer-encoding', '').lower().split(',')")
          << QStringLiteral("        if codings[-1].strip() == 'chunked':") << QStringLiteral("            return chunks_complete(reply, end)")
          << QStringLiteral("        if 'content-length' in fields:")
          << QStringLiteral("            return len(reply) >= end + int(fields['content-length'])")
          << QStringLiteral("        return False") << QString();
    return lines;
}

} // namespace

QStringList header(const QString &summary, const QStringList &imports)
{
    QStringList lines{QStringLiteral("#!/usr/bin/env python3")};
    lines << comment(summary)
          << comment(CodeText::tr("Standard output: the bytes received, exactly. Standard error: what happened."))
          << QString();
    for (const QString &module : imports)
        lines << QStringLiteral("import ") + module;
    lines << QString();
    return lines;
}

QStringList targetConstants(const Target &target)
{
    QStringList lines;
    lines << QStringLiteral("HOST = ") + py(target.host) << QStringLiteral("PORT = ") + CodeParts::pythonPort(target.service);
    if (target.connectTimeoutMs > 0)
        lines << QStringLiteral("CONNECT_TIMEOUT = %1  ").arg(seconds(target.connectTimeoutMs))
                     + trailing(target.tls.enabled ? CodeText::tr("seconds, for each address tried, and as long again for the TLS handshake")
                                                  : CodeText::tr("seconds, for each address tried"));
    if (target.tls.enabled) {
        if (!target.tls.serverName.isEmpty())
            lines << QStringLiteral("SERVER_NAME = ") + py(target.tls.serverName);
        if (!target.tls.caFile.isEmpty())
            lines << QStringLiteral("CA_FILE = ") + py(target.tls.caFile);
        if (!target.tls.pinSha256.isEmpty())
            lines << QStringLiteral("PIN_SHA256 = bytes.fromhex('%1')").arg(QString::fromLatin1(target.tls.pinSha256.toHex()));
    }
    return lines;
}

QStringList connectLoop(const Target &target)
{
    const IpFamily family = target.localAddress.isValid() && target.family == IpFamily::Any
                                ? target.localAddress.family()
                                : target.family;
    QString timeout = QStringLiteral("None");
    if (target.connectTimeoutMs > 0 && target.totalTimeout)
        timeout = QStringLiteral("min(CONNECT_TIMEOUT, time_left())");
    else if (target.connectTimeoutMs > 0)
        timeout = QStringLiteral("CONNECT_TIMEOUT");
    else if (target.totalTimeout)
        timeout = QStringLiteral("time_left()");

    const QString kind = target.datagram ? QStringLiteral("SOCK_DGRAM") : QStringLiteral("SOCK_STREAM");
    QStringList lines;
    if (!target.connect) {
        lines << comment(CodeText::tr("The first address getaddrinfo() gives."))
              << QStringLiteral("family, type, proto, canonname, sockaddr = socket.getaddrinfo(HOST, PORT, socket.%1, "
                                "socket.%2)[0]")
                     .arg(CodeParts::familyConstant(family), kind)
              << QStringLiteral("s = socket.socket(family, type, proto)")
              << CodeParts::socketOptionLines(Py, target.socketOptions, {}, QStringLiteral("s"), QStringLiteral("family"));
        if (target.localAddress.isValid())
            lines << QStringLiteral("s.bind(%1)").arg(target.localAddress.toPythonTuple());
        return lines;
    }
    lines << comment(target.localAddress.isValid()
                         ? CodeText::tr("Every address getaddrinfo() gives of the local address's family, in its order, "
                                        "until one connects.")
                         : CodeText::tr("Every address getaddrinfo() gives, in its order, until one connects."))
          << QStringLiteral("s = None")
          << QStringLiteral("for family, type, proto, canonname, sockaddr in socket.getaddrinfo(HOST, PORT, socket.%1, "
                            "socket.%2):")
                 .arg(CodeParts::familyConstant(family), kind)
          << QStringLiteral("    s = socket.socket(family, type, proto)");
    lines << CodeParts::socketOptionLines(Py, target.socketOptions, QStringLiteral("    "), QStringLiteral("s"),
                                          QStringLiteral("family"));
    lines << QStringLiteral("    try:");
    if (target.localAddress.isValid())
        lines << QStringLiteral("        s.bind(%1)").arg(target.localAddress.toPythonTuple());
    lines << QStringLiteral("        s.settimeout(%1)").arg(timeout) << QStringLiteral("        s.connect(sockaddr)")
          << QStringLiteral("        break") << QStringLiteral("    except OSError as error:")
          << QStringLiteral("        ") + message(CodeText::tr("connect() to %1: %2"), {QStringLiteral("sockaddr"), QStringLiteral("error")})
          << QStringLiteral("        s.close()") << QStringLiteral("        s = None") << QStringLiteral("if s is None:")
          << QStringLiteral("    ") + message(CodeText::tr("No address could be connected."))
          << QStringLiteral("    sys.exit(1)")
          << message(CodeText::tr("Connected to %1 from %2."), {QStringLiteral("s.getpeername()"), QStringLiteral("s.getsockname()")});

    const TlsOptions &tls = target.tls;
    if (!tls.enabled)
        return lines;
    lines << QString();
    const bool pinned = !tls.pinSha256.isEmpty();
    lines << comment(pinned ? CodeText::tr("TLS on the connected socket. The server is trusted by the SHA-256 of its "
                                           "certificate alone, checked after the handshake.")
                            : CodeText::tr("TLS on the connected socket, the certificate verified against the "
                                           "system's authorities and the name checked."))
          << QStringLiteral("context = ssl.create_default_context()");
    if (!tls.caFile.isEmpty())
        lines << QStringLiteral("context.load_verify_locations(cafile=CA_FILE)");
    if (pinned)
        lines << QStringLiteral("context.check_hostname = False") << QStringLiteral("context.verify_mode = ssl.CERT_NONE");
    if (tls.minVersion == TlsVersion::Tls12)
        lines << QStringLiteral("context.minimum_version = ssl.TLSVersion.TLSv1_2");
    else if (tls.minVersion == TlsVersion::Tls13)
        lines << QStringLiteral("context.minimum_version = ssl.TLSVersion.TLSv1_3");
    if (!tls.alpn.isEmpty()) {
        QStringList protocols;
        for (const QByteArray &protocol : tls.alpn)
            protocols << py(QString::fromLatin1(protocol));
        lines << QStringLiteral("context.set_alpn_protocols([%1])").arg(protocols.join(QLatin1String(", ")));
    }
    lines << comment(CodeText::tr("A server that closes without close_notify ends the reply, as in SocketLab."))
          << QStringLiteral("context.options |= ssl.OP_IGNORE_UNEXPECTED_EOF");
    if (tls.serverName.isEmpty())
        lines << comment(CodeText::tr("The host is the name sent (SNI) and checked; an IP address is checked but not sent."));
    lines << QStringLiteral("s = context.wrap_socket(s, server_hostname=%1)")
                 .arg(tls.serverName.isEmpty() ? QStringLiteral("HOST") : QStringLiteral("SERVER_NAME"));
    if (pinned) {
        lines << QStringLiteral("if hashlib.sha256(s.getpeercert(binary_form=True)).digest() != PIN_SHA256:")
              << QStringLiteral("    ") + message(CodeText::tr("The server's certificate is not the pinned one."))
              << QStringLiteral("    s.close()") << QStringLiteral("    sys.exit(1)");
    }
    lines << message(CodeText::tr("TLS: %1, ALPN %2."), {QStringLiteral("s.version()"), QStringLiteral("s.selected_alpn_protocol()")});
    return lines;
}

QString tcp(const TcpRequest &request)
{
    const StopRule &rule = request.stopRule;
    const bool total = request.totalTimeoutMs > 0;
    const bool idle = rule.kind == StopRule::Kind::Idle;
    const bool http = rule.kind == StopRule::Kind::Http;
    const bool pinned = request.tls.enabled && !request.tls.pinSha256.isEmpty();

    QStringList imports{QStringLiteral("socket")};
    if (request.tls.enabled)
        imports << QStringLiteral("ssl");
    if (pinned)
        imports << QStringLiteral("hashlib");
    if (hasLinger(request.socketOptions))
        imports << QStringLiteral("struct");
    imports << QStringLiteral("sys");
    if (total)
        imports << QStringLiteral("time");

    const QString summary = (request.tls.enabled ? CodeText::tr("TLS exchange with %1, port %2, as SocketLab makes it.")
                                                 : CodeText::tr("TCP exchange with %1, port %2, as SocketLab makes it."))
                                .arg(request.host, request.service)
                            + QLatin1Char('\n') + CodeParts::stopRuleSentence(rule);
    QStringList lines = header(summary, imports);

    Target target{request.host, request.service, request.family, request.connectTimeoutMs, total,
                  request.tls, request.socketOptions, request.localAddress};
    lines << targetConstants(target);
    lines << QStringLiteral("RECV_SIZE = %1  ").arg(request.recvSize)
                 + trailing(CodeText::tr("the most each recv() asks for"));
    if (total)
        lines << QStringLiteral("TOTAL_TIMEOUT = %1  ").arg(seconds(request.totalTimeoutMs))
                     + trailing(CodeText::tr("seconds for the whole exchange (the name's resolution aside)"));
    if (request.maxBytes > 0)
        lines << QStringLiteral("MAX_BYTES = %1  ").arg(request.maxBytes)
                     + trailing(CodeText::tr("the size cap: reading stops there"));
    if (rule.kind == StopRule::Kind::Bytes)
        lines << QStringLiteral("BYTE_COUNT = %1").arg(rule.value);
    if (idle)
        lines << QStringLiteral("IDLE_TIMEOUT = %1  ").arg(seconds(rule.value))
                     + trailing(CodeText::tr("seconds of silence that end the reply"));
    lines << QString() << requestLines(request.payload) << QString();
    if (total)
        lines << timeLeftFunction();
    if (http)
        lines << httpFunctions();

    lines << connectLoop(target) << QString();

    if (request.payload.isEmpty()) {
        lines << comment(CodeText::tr("The request is empty: nothing is sent."));
    } else {
        lines << QStringLiteral("s.settimeout(%1)").arg(total ? QStringLiteral("time_left()") : QStringLiteral("None"))
              << QStringLiteral("s.sendall(request)");
    }
    lines << QString();

    QStringList limits{QStringLiteral("RECV_SIZE")};
    if (rule.kind == StopRule::Kind::Bytes)
        limits << QStringLiteral("BYTE_COUNT - received");
    if (request.maxBytes > 0)
        limits << QStringLiteral("MAX_BYTES - received");
    const QString size = limits.size() == 1 ? limits.constFirst()
                                            : QStringLiteral("min(%1)").arg(limits.join(QLatin1String(", ")));
    lines << QStringLiteral("received = 0");
    if (http)
        lines << QStringLiteral("reply = b''");
    lines << QStringLiteral("while True:");
    QString indent = QStringLiteral("    ");
    if (idle || total) {
        const QString timeout = idle && total ? QStringLiteral("min(IDLE_TIMEOUT, time_left())")
                                              : idle ? QStringLiteral("IDLE_TIMEOUT") : QStringLiteral("time_left()");
        lines << QStringLiteral("    s.settimeout(%1)").arg(timeout) << QStringLiteral("    try:")
              << QStringLiteral("        answer = s.recv(%1)").arg(size) << QStringLiteral("    except TimeoutError:");
        const QString idleMessage = message(CodeText::tr("Nothing came for %1 ms: the reply is over.").arg(rule.value));
        const QString totalMessage = message(CodeText::tr("Total timeout: the exchange took too long."));
        if (idle && total)
            lines << QStringLiteral("        if time.monotonic() < deadline:") << QStringLiteral("            ") + idleMessage
                  << QStringLiteral("        else:") << QStringLiteral("            ") + totalMessage;
        else
            lines << QStringLiteral("        ") + (idle ? idleMessage : totalMessage);
        lines << QStringLiteral("        break");
    } else {
        lines << QStringLiteral("    answer = s.recv(%1)").arg(size);
    }
    lines << indent + QStringLiteral("if answer == b'':")
          << indent + QStringLiteral("    ")
                 + message(CodeText::tr("The server closed the connection after %1 bytes."), {QStringLiteral("received")})
          << indent + QStringLiteral("    break") << indent + QStringLiteral("sys.stdout.buffer.write(answer)")
          << indent + QStringLiteral("received += len(answer)");
    if (http)
        lines << indent + QStringLiteral("reply += answer") << indent + QStringLiteral("if response_complete(reply):")
              << indent + QStringLiteral("    ")
                     + message(CodeText::tr("The HTTP response is complete (%1 bytes)."), {QStringLiteral("received")})
              << indent + QStringLiteral("    break");
    if (rule.kind == StopRule::Kind::Bytes)
        lines << indent + QStringLiteral("if received >= BYTE_COUNT:")
              << indent + QStringLiteral("    ") + message(CodeText::tr("%1 bytes read, as asked."), {QStringLiteral("received")})
              << indent + QStringLiteral("    break");
    if (request.maxBytes > 0)
        lines << indent + QStringLiteral("if received >= MAX_BYTES:")
              << indent + QStringLiteral("    ") + message(CodeText::tr("Size cap of %1 bytes reached."), {QStringLiteral("MAX_BYTES")})
              << indent + QStringLiteral("    break");
    lines << QString() << QStringLiteral("s.close()");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString udp(const UdpRequest &request)
{
    const bool linger = hasLinger(request.socketOptions);
    QStringList imports{QStringLiteral("socket")};
    if (linger)
        imports << QStringLiteral("struct");
    imports << QStringLiteral("sys") << QStringLiteral("time");
    const QString summary = CodeText::tr("UDP exchange with %1, port %2, as SocketLab makes it: one datagram sent, the "
                                         "replies collected for %3 ms.")
                                .arg(request.host, request.service)
                                .arg(request.waitMs);
    QStringList lines = header(summary, imports);
    IpFamily family = request.family;
    if (request.localAddress.isValid() && family == IpFamily::Any)
        family = request.localAddress.family();
    lines << QStringLiteral("HOST = ") + py(request.host) << QStringLiteral("PORT = ") + CodeParts::pythonPort(request.service)
          << QStringLiteral("RECV_SIZE = %1  ").arg(qMax<qint64>(1, request.recvSize))
                 + trailing(CodeText::tr("the buffer given to each recvfrom(): a longer datagram is cut"))
          << QStringLiteral("WAIT = %1  ").arg(seconds(request.waitMs))
                 + trailing(CodeText::tr("seconds to collect replies after sending"));
    if (request.maxDatagrams > 0)
        lines << QStringLiteral("MAX_DATAGRAMS = %1").arg(request.maxDatagrams);
    if (request.maxBytes > 0)
        lines << QStringLiteral("MAX_BYTES = %1  ").arg(request.maxBytes)
                     + trailing(CodeText::tr("the size cap: the datagram that reaches it is cut"));
    lines << QString() << requestLines(request.payload) << QString();

    lines << comment(CodeText::tr("The first address getaddrinfo() gives."))
          << QStringLiteral("family, type, proto, canonname, sockaddr = socket.getaddrinfo(HOST, PORT, socket.%1, "
                            "socket.SOCK_DGRAM)[0]")
                 .arg(CodeParts::familyConstant(family))
          << QStringLiteral("s = socket.socket(family, type, proto)")
          << CodeParts::socketOptionLines(Py, request.socketOptions, {}, QStringLiteral("s"), QStringLiteral("family"));
    if (request.localAddress.isValid())
        lines << QStringLiteral("s.bind(%1)").arg(request.localAddress.toPythonTuple());
    else if (request.bindPort != 0)
        lines << QStringLiteral("s.bind(('::' if family == socket.AF_INET6 else '0.0.0.0', %1))").arg(request.bindPort);
    const MulticastSendSettings &multicast = request.multicast;
    if (multicast.hops >= 0)
        lines << QStringLiteral("if family == socket.AF_INET6:")
              << QStringLiteral("    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, %1)").arg(multicast.hops)
              << QStringLiteral("else:")
              << QStringLiteral("    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, %1)").arg(multicast.hops);
    if (multicast.loop >= 0)
        lines << QStringLiteral("if family == socket.AF_INET6:")
              << QStringLiteral("    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, %1)").arg(multicast.loop)
              << QStringLiteral("else:")
              << QStringLiteral("    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, %1)").arg(multicast.loop);
    if (!multicast.interfaceName.isEmpty() || multicast.interfaceIndex != 0) {
        const QString index = multicast.interfaceName.isEmpty()
                                  ? QString::number(multicast.interfaceIndex)
                                  : QStringLiteral("socket.if_nametoindex(%1)").arg(py(multicast.interfaceName));
        lines << comment(CodeText::tr("The interface multicast datagrams leave by (an ip_mreqn by index for IPv4)."))
              << QStringLiteral("if family == socket.AF_INET6:")
              << QStringLiteral("    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, %1)").arg(index)
              << QStringLiteral("else:")
              << QStringLiteral("    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, "
                                "bytes(8) + %1.to_bytes(4, sys.byteorder))")
                     .arg(index);
    }
    QString receive;
    if (request.connected) {
        lines << comment(CodeText::tr("Connected UDP: replies from the target only, and an ICMP \"port unreachable\" "
                                      "comes back as ConnectionRefusedError."))
              << QStringLiteral("s.connect(sockaddr)") << QStringLiteral("s.send(request)");
    } else {
        lines << QStringLiteral("s.sendto(request, sockaddr)");
    }
    lines << message(CodeText::tr("%1 bytes sent to %2 from %3."),
                     {QStringLiteral("len(request)"), QStringLiteral("sockaddr"), QStringLiteral("s.getsockname()")})
          << QString();
    const QString size = request.maxBytes > 0 ? QStringLiteral("min(RECV_SIZE, MAX_BYTES - received)")
                                              : QStringLiteral("RECV_SIZE");
    lines << QStringLiteral("deadline = time.monotonic() + WAIT") << QStringLiteral("received = 0")
          << QStringLiteral("datagrams = 0") << QStringLiteral("while True:")
          << QStringLiteral("    left = deadline - time.monotonic()") << QStringLiteral("    if left <= 0:")
          << QStringLiteral("        ") + message(CodeText::tr("The wait is over."))
          << QStringLiteral("        break") << QStringLiteral("    s.settimeout(left)") << QStringLiteral("    try:")
          << QStringLiteral("        data, adresse = s.recvfrom(%1)").arg(size)
          << QStringLiteral("    except TimeoutError:") << QStringLiteral("        ") + message(CodeText::tr("The wait is over."))
          << QStringLiteral("        break");
    if (request.connected)
        lines << QStringLiteral("    except ConnectionRefusedError as error:")
              << QStringLiteral("        ") + message(CodeText::tr("recv(): %1 (ICMP port unreachable)."), {QStringLiteral("error")})
              << QStringLiteral("        sys.exit(1)");
    lines << QStringLiteral("    sys.stdout.buffer.write(data)")
          << QStringLiteral("    ") + message(CodeText::tr("Datagram of %1 bytes from %2."), {QStringLiteral("len(data)"), QStringLiteral("adresse")})
          << QStringLiteral("    received += len(data)") << QStringLiteral("    datagrams += 1");
    if (request.maxDatagrams > 0)
        lines << QStringLiteral("    if datagrams >= MAX_DATAGRAMS:")
              << QStringLiteral("        ") + message(CodeText::tr("%1 datagrams received, as asked."), {QStringLiteral("datagrams")})
              << QStringLiteral("        break");
    if (request.maxBytes > 0)
        lines << QStringLiteral("    if received >= MAX_BYTES:")
              << QStringLiteral("        ") + message(CodeText::tr("Size cap of %1 bytes reached."), {QStringLiteral("MAX_BYTES")})
              << QStringLiteral("        break");
    lines << QString() << message(CodeText::tr("%1 bytes received in %2 datagrams."), {QStringLiteral("received"), QStringLiteral("datagrams")})
          << QStringLiteral("s.close()");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace SocketLab::PythonProgram
