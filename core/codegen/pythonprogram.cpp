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

using CodeParts::splitLines;


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

// The HTTP framing as SocketLab's parser reads it, in its order (RFC 9112 section 6.3): blank lines
// before the status line skipped, 1xx responses before the final one, 101 and a CONNECT's 2xx end at
// the header section, no body for HEAD, 204 and 304, any Transfer-Encoding (chunked last: chunked,
// otherwise until the close, whatever Content-Length says), Content-Length ("5, 5" is 5), or the
// close. A reply that breaks the framing stops it, as SocketLab stops. The bytes are read as they
// come, once: only the line being read is kept, never the body.
QStringList httpFunctions()
{
    QStringList lines;
    lines << splitLines(QStringLiteral(R"(class Malformed(Exception):
    pass


)"))
          << comment(CodeText::tr("Reads the response line by line as it comes; the body is counted, not kept."))
          << splitLines(QStringLiteral(R"(class Framing:
    def __init__(self, method):
        self.method = method
        self.pending = bytearray()
        self.state = 'status'
        self.remaining = 0
        self.new_section()

    def new_section(self):
        self.code = 0
        self.content_length = None
        self.transfer_encoding = False
        self.chunked = False
        self.last_field = None

)"))
          << comment(CodeText::tr("True once the response is complete; Malformed when it breaks the framing."), QStringLiteral("    "))
          << splitLines(QStringLiteral(R"(    def feed(self, data):
        self.pending += data
        while self.state not in ('done', 'close'):
            if self.state in ('length', 'chunk-data'):
                take = min(self.remaining, len(self.pending))
                del self.pending[:take]
                self.remaining -= take
                if self.remaining > 0:
                    return False
                self.state = 'done' if self.state == 'length' else 'chunk-end'
                continue
            eol = self.pending.find(b'\n')
            if eol < 0:
                if len(self.pending) > MAX_LINE:
                    raise Malformed()
                return False
            line = bytes(self.pending[:eol])
            del self.pending[:eol + 1]
            if line.endswith(b'\r'):
                line = line[:-1]
            self.line(line)
        if self.state == 'close':
            self.pending.clear()
        return self.state == 'done'

    def line(self, line):
        if self.state == 'status':
            if line == b'':
                return
            status = re.fullmatch(rb'[A-Z]+/[0-9]\.[0-9] ([0-9]{3})( .*)?', line, re.DOTALL)
            if status is None or not 100 <= int(status.group(1)) <= 599:
                raise Malformed()
            self.code = int(status.group(1))
            self.state = 'head'
        elif self.state in ('head', 'trailers'):
            if line == b'':
                self.end_section()
            elif line[:1] in (b' ', b'\t'):
                self.continuation(line)
            else:
                self.field(line)
        elif self.state == 'chunk-size':
            size = re.fullmatch(rb'([0-9A-Fa-f]{1,16})[ \t]*(;[^\r]*)?', line, re.DOTALL)
            if size is None:
                raise Malformed()
            self.remaining = int(size.group(1), 16)
            self.state = 'chunk-data' if self.remaining > 0 else 'trailers'
        elif self.state == 'chunk-end':
            if line != b'':
                raise Malformed()
            self.state = 'chunk-size'

    def field(self, line):
        name, colon, value = line.partition(b':')
        if not colon or re.fullmatch(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name) is None:
            raise Malformed()
        if self.state == 'trailers':
            self.last_field = b''
            return
        self.last_field = name.lower()
        value = value.replace(b'\0', b' ').strip(b' \t')
        if self.last_field == b'content-length':
            for item in value.split(b','):
                item = item.strip(b' \t')
                if re.fullmatch(rb'[0-9]+', item) is None:
                    raise Malformed()
                if self.content_length not in (None, int(item)):
                    raise Malformed()
                self.content_length = int(item)
        elif self.last_field == b'transfer-encoding':
            self.transfer_encoding = True
            self.codings(value)

    def codings(self, value):
        for coding in value.split(b','):
            coding = coding.strip(b' \t')
            if coding:
                self.chunked = coding.lower() == b'chunked'

)"))
          << comment(CodeText::tr("An obsolete folded line continues the field above it (a Content-Length may not be folded); joined with a space, its text lengthens a Transfer-Encoding's last coding, which is then no longer \"chunked\"."), QStringLiteral("    "))
          << splitLines(QStringLiteral(R"(    def continuation(self, line):
        if self.last_field is None or self.last_field == b'content-length':
            raise Malformed()
        if self.state == 'head' and self.last_field == b'transfer-encoding' and line.strip(b' \t\0'):
            self.chunked = False
            self.codings(b'x' + line.replace(b'\0', b' ').strip(b' \t'))

    def end_section(self):
        if self.state == 'trailers':
            self.state = 'done'
        elif 100 <= self.code < 200 and self.code != 101:
            self.state = 'status'
            self.new_section()
        elif self.code == 101 or (self.method == b'CONNECT' and 200 <= self.code < 300):
            self.state = 'done'
        elif self.method == b'HEAD' or self.code in (204, 304):
            self.state = 'done'
        elif self.transfer_encoding:
            self.state = 'chunk-size' if self.chunked else 'close'
        elif self.content_length is not None:
            self.remaining = self.content_length
            self.state = 'length' if self.remaining > 0 else 'done'
        else:
            self.state = 'close'


)"));
    return lines;
}

} // namespace

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 12);
}

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

QStringList tlsCloseLines()
{
    QStringList lines;
    lines << comment(CodeText::tr("close_notify, as SocketLab sends it. unwrap() would then wait for the peer's, which "
                                  "SocketLab does not: without blocking, it sends ours and gives up on theirs."))
          << QStringLiteral("s.setblocking(False)") << QStringLiteral("try:") << QStringLiteral("    s.unwrap()")
          << QStringLiteral("except OSError:") << QStringLiteral("    pass");
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
    if (CodeParts::hasLinger(request.socketOptions))
        imports << QStringLiteral("struct");
    imports << QStringLiteral("sys");
    if (http)
        imports << QStringLiteral("re");
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
                     + trailing(CodeText::tr("seconds for the whole exchange, the name's resolution included"));
    if (request.maxBytes > 0)
        lines << QStringLiteral("MAX_BYTES = %1  ").arg(request.maxBytes)
                     + trailing(CodeText::tr("the size cap: reading stops there"));
    if (rule.kind == StopRule::Kind::Bytes)
        lines << QStringLiteral("BYTE_COUNT = %1").arg(rule.value);
    if (http)
        lines << QStringLiteral("MAX_LINE = 65536  ")
                     + trailing(CodeText::tr("the longest line of a head or chunk size SocketLab reads"));
    if (idle)
        lines << QStringLiteral("IDLE_TIMEOUT = %1  ").arg(seconds(rule.value))
                     + trailing(CodeText::tr("seconds of silence that end the reply"));
    lines << QString() << requestLines(request.payload) << QString();
    if (total)
        lines << timeLeftFunction();
    if (http)
        lines << httpFunctions();

    lines << connectLoop(target) << QString();

    // CONNECT_TIMEOUT was for connecting: the exchange has none, or the total's, even with nothing to send.
    lines << QStringLiteral("s.settimeout(%1)").arg(total ? QStringLiteral("time_left()") : QStringLiteral("None"));
    if (request.payload.isEmpty())
        lines << comment(CodeText::tr("The request is empty: nothing is sent."));
    else
        lines << QStringLiteral("s.sendall(request)");
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
        lines << QStringLiteral("framing = Framing(request.split(b' ', 1)[0] if b' ' in request else b'')");
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
        lines << indent + QStringLiteral("try:") << indent + QStringLiteral("    complete = framing.feed(answer)")
              << indent + QStringLiteral("except Malformed:")
              << indent + QStringLiteral("    ") + message(CodeText::tr("The reply is not well-formed HTTP: SocketLab stops there too."))
              << indent + QStringLiteral("    sys.stdout.flush()") << indent + QStringLiteral("    sys.exit(1)")
              << indent + QStringLiteral("if complete:")
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
    lines << QString();
    if (request.tls.enabled)
        lines << tlsCloseLines();
    lines << QStringLiteral("s.close()");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString udp(const UdpRequest &request)
{
    const bool linger = CodeParts::hasLinger(request.socketOptions);
    QStringList imports{QStringLiteral("socket")};
    if (linger)
        imports << QStringLiteral("struct");
    imports << QStringLiteral("sys") << QStringLiteral("time");
    const QString summary = CodeText::tr("UDP exchange with %1, port %2, as SocketLab makes it: one datagram sent, the "
                                         "replies collected for %3 ms.")
                                .arg(request.host, request.service)
                                .arg(request.waitMs);
    QStringList lines = header(summary, imports);
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

    Target target;
    target.host = request.host;
    target.service = request.service;
    target.family = request.family;
    target.socketOptions = request.socketOptions;
    target.localAddress = request.localAddress;
    target.datagram = true;
    target.connect = false;
    lines << connectLoop(target);
    if (!request.localAddress.isValid() && request.bindPort != 0)
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
          << QStringLiteral("        data, address = s.recvfrom(%1)").arg(size)
          << QStringLiteral("    except TimeoutError:") << QStringLiteral("        ") + message(CodeText::tr("The wait is over."))
          << QStringLiteral("        break");
    if (request.connected)
        lines << QStringLiteral("    except ConnectionRefusedError as error:")
              << QStringLiteral("        ") + message(CodeText::tr("recv(): %1 (ICMP port unreachable)."), {QStringLiteral("error")})
              << QStringLiteral("        sys.exit(1)");
    lines << QStringLiteral("    sys.stdout.buffer.write(data)")
          << QStringLiteral("    ") + message(CodeText::tr("Datagram of %1 bytes from %2."), {QStringLiteral("len(data)"), QStringLiteral("address")})
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
