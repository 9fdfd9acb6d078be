#include "cprogram.h"

#include "codeliteral.h"
#include "codeparts.h"
#include "exchangecode.h"
#include "codetext.h"

#include <QRegularExpression>

namespace SocketLab::CProgram {

namespace {

constexpr CodeLanguage C = CodeLanguage::C;

QString lit(const QString &text)
{
    return textLiteral(C, text);
}

QStringList comment(const QString &text, const QString &indent = {})
{
    return CodeParts::comment(C, text, indent);
}

QString trailing(const QString &text)
{
    return CodeParts::trailingComment(C, text);
}

QString message(const QString &text, const QStringList &args = {})
{
    return CodeParts::message(C, text, args);
}

using CodeParts::splitLines;

QStringList requestLines(const QByteArray &payload)
{
    const QStringList literals = bytesLiteralLines(C, payload);
    QStringList lines;
    if (literals.size() == 1)
        lines << QStringLiteral("static const char request[] = %1;").arg(literals.constFirst());
    else
        lines << QStringLiteral("static const char request[] =");
    for (qsizetype i = 0; literals.size() > 1 && i < literals.size(); ++i)
        lines << QStringLiteral("    ") + literals.at(i) + (i + 1 == literals.size() ? QStringLiteral(";") : QString());
    lines << comment(CodeText::tr("Its length without the terminating NUL the compiler adds: the request may hold NULs of its own."))
          << QStringLiteral("static const size_t request_size = sizeof request - 1;");
    return lines;
}

bool isNumericHost(const QString &name)
{
    return SocketAddress::fromNumeric(name, 0).has_value();
}

// The ALPN list in its wire format: each protocol preceded by its length.
QByteArray alpnWire(const QList<QByteArray> &protocols)
{
    QByteArray wire;
    for (const QByteArray &protocol : protocols) {
        if (protocol.isEmpty() || protocol.size() > 255)
            continue;
        wire += char(protocol.size());
        wire += protocol;
    }
    return wire;
}


QStringList commonFunctions()
{
    QStringList lines;
    lines << QStringLiteral("static long long now_ms(void)") << QStringLiteral("{")
          << QStringLiteral("    struct timespec now;") << QStringLiteral("    clock_gettime(CLOCK_MONOTONIC, &now);")
          << QStringLiteral("    return now.tv_sec * 1000LL + now.tv_nsec / 1000000;") << QStringLiteral("}") << QString();
    lines << comment(CodeText::tr("Waits until fd is ready for events, at most timeout_ms (-1: no limit): 1 ready, 0 "
                                  "timed out, -1 failed."))
          << splitLines(QStringLiteral(R"(static int wait_for(int fd, short events, long long timeout_ms)
{
    long long until = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    for (;;) {
        struct pollfd ready = {fd, events, 0};
        long long left = until < 0 ? -1 : until - now_ms();
        if (until >= 0 && left < 0)
            left = 0;
        int rc = poll(&ready, 1, left > 2000000000 ? 2000000000 : (int)left);
        if (rc < 0 && errno == EINTR)
            continue;
        return rc < 0 ? -1 : rc > 0;
    }
}

)"));
    lines << comment(CodeText::tr("An address as text, \"host port\", for the messages."))
          << splitLines(QStringLiteral(R"(static const char *address_text(const struct sockaddr *address, socklen_t length)
{
    static char text[NI_MAXHOST + NI_MAXSERV + 2];
    char host[NI_MAXHOST], port[NI_MAXSERV];
    if (getnameinfo(address, length, host, sizeof host, port, sizeof port, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return "?";
    snprintf(text, sizeof text, "%s %s", host, port);
    return text;
}

)"));
    lines << comment(CodeText::tr("bind() to a numeric address and port; a NULL host is the family's wildcard address."))
          << splitLines(QStringLiteral(R"(static int bind_to(int fd, int family, const char *host, const char *port)
{
    struct addrinfo hints, *local;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
    int rc = getaddrinfo(host, port, &hints, &local);
    if (rc != 0) {
        fprintf(stderr, "getaddrinfo(%s): %s\n", host ? host : "*", gai_strerror(rc));
        return -1;
    }
    rc = bind(fd, local->ai_addr, local->ai_addrlen);
    if (rc < 0)
        perror("bind");
    freeaddrinfo(local);
    return rc;
}

)"));
    return lines;
}

} // namespace

// A line's code alone: its string and character literals emptied and its // comment gone, so that
// a payload or a script that holds a helper's name does not count as a call to it.
QString codeOf(const QString &line)
{
    QString code;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == quote) {
                code += c;
                quote = QChar();
            }
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('/'))
            break;
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            quote = c;
        code += c;
    }
    while (code.endsWith(QLatin1Char(' ')))
        code.chop(1);
    return code;
}

QString finish(QStringList lines)
{
    // The helpers are written for every program; those this one never calls go, so that
    // -Wunused-function has nothing to say (nor -Wunused-variable of a static variable). A helper is a
    // "static TYPE name(...)" line at column 0, its body up to the "}" at column 0, and the comment
    // lines just above it; a static variable is one line. Only code counts as a use: the words
    // inside literals and comments do not.
    static const QRegularExpression definition(QStringLiteral("^static [^=;]*?\\b(\\w+)\\("));
    static const QRegularExpression variable(QStringLiteral("^static [^(]*?\\b(\\w+)(\\[\\])?( = .*)?;$"));
    QStringList codes;
    for (const QString &line : lines)
        codes << codeOf(line);
    for (bool removed = true; removed;) {
        removed = false;
        for (qsizetype i = 0; i < lines.size() && !removed; ++i) {
            const QString &code = codes.at(i);
            QRegularExpressionMatch match = definition.match(code);
            qsizetype end = i;
            if (match.hasMatch() && !code.endsWith(QLatin1Char(';'))) {
                while (end < lines.size() && lines.at(end) != QLatin1String("}"))
                    ++end;
            } else {
                match = variable.match(code);
                if (!match.hasMatch())
                    continue;
            }
            qsizetype begin = i;
            while (begin > 0 && lines.at(begin - 1).startsWith(QLatin1String("//")))
                --begin;
            const QRegularExpression call(QStringLiteral("\\b%1\\b").arg(match.captured(1)));
            bool used = false;
            for (qsizetype j = 0; j < lines.size() && !used; ++j)
                used = (j < begin || j > end) && call.match(codes.at(j)).hasMatch();
            if (used)
                continue;
            if (end + 1 < lines.size() && lines.at(end + 1).isEmpty())
                ++end;
            lines.remove(begin, end - begin + 1);
            codes.remove(begin, end - begin + 1);
            removed = true;
        }
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QStringList header(const QString &summary, const QString &fileName, const Target &target, const QStringList &extraIncludes)
{
    const QString binary = fileName.section(QLatin1Char('.'), 0, 0);
    QStringList lines;
    lines << comment(summary)
          << comment(CodeText::tr("Standard output: the bytes received, exactly. Standard error: what happened."))
          << comment(QStringLiteral("gcc -Wall -Wextra -Werror -o %1 %2%3")
                         .arg(binary, fileName, target.tls.enabled ? QStringLiteral(" -lssl -lcrypto") : QString()))
          << QString();
    QStringList includes{QStringLiteral("errno.h"), QStringLiteral("fcntl.h"), QStringLiteral("net/if.h"),
                         QStringLiteral("netdb.h"), QStringLiteral("netinet/in.h"), QStringLiteral("netinet/tcp.h"),
                         QStringLiteral("poll.h"), QStringLiteral("stdio.h"), QStringLiteral("stdlib.h"),
                         QStringLiteral("string.h"), QStringLiteral("strings.h"), QStringLiteral("sys/socket.h"),
                         QStringLiteral("sys/types.h"), QStringLiteral("time.h"), QStringLiteral("unistd.h")};
    if (target.tls.enabled)
        includes << QStringLiteral("openssl/err.h") << QStringLiteral("openssl/evp.h") << QStringLiteral("openssl/ssl.h")
                 << QStringLiteral("openssl/x509v3.h");
    includes << extraIncludes;
    for (const QString &include : includes)
        lines << QStringLiteral("#include <%1>").arg(include);
    lines << QString() << QStringLiteral("static const char HOST[] = ") + lit(target.host) + QLatin1Char(';')
          << QStringLiteral("static const char PORT[] = ") + lit(target.service) + QLatin1Char(';');
    if (target.connectTimeoutMs > 0)
        lines << QStringLiteral("#define CONNECT_TIMEOUT_MS %1 ").arg(target.connectTimeoutMs)
                     + trailing(target.tls.enabled ? CodeText::tr("for each address tried, and as long again for the TLS handshake")
                                                  : CodeText::tr("for each address tried"));
    const TlsOptions &tls = target.tls;
    if (tls.enabled) {
        lines << QStringLiteral("static const char SERVER_NAME[] = ")
                     + lit(tls.serverName.isEmpty() ? target.host : tls.serverName) + QLatin1Char(';');
        if (!tls.caFile.isEmpty())
            lines << QStringLiteral("static const char CA_FILE[] = ") + lit(tls.caFile) + QLatin1Char(';');
        if (!tls.pinSha256.isEmpty())
            lines << QStringLiteral("static const unsigned char PIN_SHA256[] = ") + bytesLiteral(C, tls.pinSha256)
                         + QLatin1Char(';');
    }
    return lines;
}

QStringList tcpFunctions(const Target &target)
{
    QStringList lines = commonFunctions();
    if (target.totalTimeout) {
        lines << QStringLiteral("static long long deadline;") << QString()
              << comment(CodeText::tr("The milliseconds left before the total timeout; past it, the program ends."))
              << QStringLiteral("static long long time_left(void)") << QStringLiteral("{")
              << QStringLiteral("    long long left = deadline - now_ms();") << QStringLiteral("    if (left <= 0) {")
              << QStringLiteral("        fflush(stdout);")
              << QStringLiteral("        ") + message(CodeText::tr("Total timeout: the exchange took too long."))
              << QStringLiteral("        exit(1);") << QStringLiteral("    }") << QStringLiteral("    return left;")
              << QStringLiteral("}") << QString();
    }
    lines << comment(CodeText::tr("connect() with a time limit (-1: none): non-blocking, then poll() until it is done."))
          << splitLines(QStringLiteral(R"(static int connect_within(int fd, const struct sockaddr *address, socklen_t length, long long timeout_ms)
{
    int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int rc = connect(fd, address, length);
    if (rc < 0 && errno == EINPROGRESS) {
        int ready = wait_for(fd, POLLOUT, timeout_ms);
        int error = ready == 0 ? ETIMEDOUT : errno;
        if (ready > 0) {
            socklen_t size = sizeof error;
            if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) < 0)
                error = errno;
        }
        rc = error == 0 ? 0 : -1;
        errno = error;
    }
    int saved = errno;
    fcntl(fd, F_SETFL, flags);
    errno = saved;
    return rc;
}

)"));
    const bool tls = target.tls.enabled;
    if (!tls) {
        lines << comment(CodeText::tr("Whether bytes can be read within timeout_ms (-1: no limit)."))
              << splitLines(QStringLiteral(R"(static int readable(int fd, long long timeout_ms)
{
    return wait_for(fd, POLLIN, timeout_ms);
}

)"))
              << comment(CodeText::tr("recv(), again when a signal interrupted it: 0 when the server closed, -1 on an error."))
              << splitLines(QStringLiteral(R"(static ssize_t read_some(int fd, char *buffer, size_t size)
{
    for (;;) {
        ssize_t n = recv(fd, buffer, size, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            perror("recv");
        return n;
    }
}

)"));
        lines << comment(CodeText::tr("send() until every byte has gone: the kernel may take fewer at a time."))
              << QStringLiteral("static int send_all(int fd, const char *bytes, size_t size)") << QStringLiteral("{")
              << QStringLiteral("    size_t sent = 0;") << QStringLiteral("    while (sent < size) {");
        if (target.totalTimeout)
            lines << QStringLiteral("        if (wait_for(fd, POLLOUT, time_left()) == 0)")
                  << QStringLiteral("            continue;");
        lines << QStringLiteral("        ssize_t n = send(fd, bytes + sent, size - sent, MSG_NOSIGNAL);")
              << QStringLiteral("        if (n < 0 && errno == EINTR)") << QStringLiteral("            continue;")
              << QStringLiteral("        if (n < 0) {") << QStringLiteral("            perror(\"send\");")
              << QStringLiteral("            return -1;") << QStringLiteral("        }")
              << QStringLiteral("        sent += (size_t)n;") << QStringLiteral("    }") << QStringLiteral("    return 0;")
              << QStringLiteral("}") << QString();
        return lines;
    }
    lines << QStringLiteral("static SSL *ssl;") << QString()
          << comment(CodeText::tr("Whether bytes can be read within timeout_ms (-1: no limit): OpenSSL may hold some "
                                  "already, which poll() cannot see."))
          << splitLines(QStringLiteral(R"(static int readable(int fd, long long timeout_ms)
{
    if (SSL_has_pending(ssl))
        return 1;
    return wait_for(fd, POLLIN, timeout_ms);
}

)"))
          << comment(CodeText::tr("SSL_read(): 0 when the server closed (close_notify, or the TCP connection alone)."))
          << splitLines(QStringLiteral(R"(static ssize_t read_some(int fd, char *buffer, size_t size)
{
    (void)fd;
    for (;;) {
        int n = SSL_read(ssl, buffer, size > 1073741824 ? 1073741824 : (int)size);
        if (n > 0)
            return n;
        int error = SSL_get_error(ssl, n);
        if (error == SSL_ERROR_ZERO_RETURN)
            return 0;
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            continue;
        fprintf(stderr, "SSL_read: %d\n", error);
        ERR_print_errors_fp(stderr);
        return -1;
    }
}

)"));
    lines << comment(CodeText::tr("SSL_write() until every byte has gone."))
          << QStringLiteral("static int send_all(int fd, const char *bytes, size_t size)") << QStringLiteral("{")
          << QStringLiteral("    (void)fd;") << QStringLiteral("    size_t sent = 0;") << QStringLiteral("    while (sent < size) {");
    if (target.totalTimeout)
        lines << QStringLiteral("        time_left();");
    lines << QStringLiteral("        size_t part = size - sent > 1073741824 ? 1073741824 : size - sent;")
          << QStringLiteral("        int n = SSL_write(ssl, bytes + sent, (int)part);") << QStringLiteral("        if (n <= 0) {")
          << QStringLiteral("            fprintf(stderr, \"SSL_write: %d\\n\", SSL_get_error(ssl, n));")
          << QStringLiteral("            ERR_print_errors_fp(stderr);") << QStringLiteral("            return -1;")
          << QStringLiteral("        }") << QStringLiteral("        sent += (size_t)n;") << QStringLiteral("    }")
          << QStringLiteral("    return 0;") << QStringLiteral("}") << QString();
    return lines;
}

QStringList connectLoop(const Target &target)
{
    const IpFamily family = target.localAddress.isValid() && target.family == IpFamily::Any
                                ? target.localAddress.family()
                                : target.family;
    QString timeout = QStringLiteral("-1");
    if (target.connectTimeoutMs > 0 && target.totalTimeout)
        timeout = QStringLiteral("time_left() < CONNECT_TIMEOUT_MS ? time_left() : CONNECT_TIMEOUT_MS");
    else if (target.connectTimeoutMs > 0)
        timeout = QStringLiteral("CONNECT_TIMEOUT_MS");
    else if (target.totalTimeout)
        timeout = QStringLiteral("time_left()");

    QStringList lines;
    const QString in = QStringLiteral("    ");
    if (target.totalTimeout)
        lines << in + QStringLiteral("deadline = now_ms() + TOTAL_TIMEOUT_MS;");
    lines << in + QStringLiteral("struct addrinfo hints, *addresses, *ai;") << in + QStringLiteral("memset(&hints, 0, sizeof hints);")
          << in + QStringLiteral("hints.ai_family = %1;").arg(CodeParts::familyConstant(family))
          << in + QStringLiteral("hints.ai_socktype = %1;").arg(target.datagram ? QStringLiteral("SOCK_DGRAM") : QStringLiteral("SOCK_STREAM"))
          << in + QStringLiteral("int rc = getaddrinfo(HOST, PORT, &hints, &addresses);") << in + QStringLiteral("if (rc != 0) {")
          << in + QStringLiteral("    fprintf(stderr, \"getaddrinfo: %s\\n\", gai_strerror(rc));") << in + QStringLiteral("    return 1;")
          << in + QStringLiteral("}");
    if (!target.connect) {
        lines << comment(CodeText::tr("The first address getaddrinfo() gives."), in) << in + QStringLiteral("ai = addresses;")
              << in + QStringLiteral("int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);")
              << in + QStringLiteral("if (fd < 0) {") << in + QStringLiteral("    perror(\"socket\");")
              << in + QStringLiteral("    return 1;") << in + QStringLiteral("}")
              << CodeParts::socketOptionLines(C, target.socketOptions, in, QStringLiteral("fd"), QStringLiteral("ai->ai_family"));
        if (target.localAddress.isValid())
            lines << in + QStringLiteral("if (bind_to(fd, ai->ai_family, %1, \"%2\") < 0)")
                              .arg(lit(target.localAddress.host()))
                              .arg(target.localAddress.port())
                  << in + QStringLiteral("    return 1;");
        return lines;
    }
    lines << comment(target.localAddress.isValid()
                         ? CodeText::tr("Every address getaddrinfo() gives of the local address's family, in its order, "
                                        "until one connects.")
                         : CodeText::tr("Every address getaddrinfo() gives, in its order, until one connects."),
                     in)
          << in + QStringLiteral("int fd = -1;") << in + QStringLiteral("for (ai = addresses; ai != NULL; ai = ai->ai_next) {")
          << in + QStringLiteral("    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);")
          << in + QStringLiteral("    if (fd < 0) {") << in + QStringLiteral("        perror(\"socket\");")
          << in + QStringLiteral("        continue;") << in + QStringLiteral("    }");
    lines << CodeParts::socketOptionLines(C, target.socketOptions, in + in, QStringLiteral("fd"), QStringLiteral("ai->ai_family"));
    QString condition;
    if (target.localAddress.isValid())
        condition = QStringLiteral("bind_to(fd, ai->ai_family, %1, \"%2\") == 0 && ")
                        .arg(lit(target.localAddress.host()))
                        .arg(target.localAddress.port());
    lines << in + QStringLiteral("    if (%1connect_within(fd, ai->ai_addr, ai->ai_addrlen, %2) == 0)").arg(condition, timeout)
          << in + QStringLiteral("        break;")
          << in + QStringLiteral("    ") + message(CodeText::tr("connect() to %1: %2"),
                                                     {QStringLiteral("s address_text(ai->ai_addr, ai->ai_addrlen)"),
                                                      QStringLiteral("s strerror(errno)")})
          << in + QStringLiteral("    close(fd);") << in + QStringLiteral("    fd = -1;") << in + QStringLiteral("}")
          << in + QStringLiteral("if (fd < 0) {") << in + QStringLiteral("    ") + message(CodeText::tr("No address could be connected."))
          << in + QStringLiteral("    return 1;") << in + QStringLiteral("}")
          << in + message(CodeText::tr("Connected to %1."), {QStringLiteral("s address_text(ai->ai_addr, ai->ai_addrlen)")});

    const TlsOptions &tls = target.tls;
    if (!tls.enabled)
        return lines;
    const bool pinned = !tls.pinSha256.isEmpty();
    lines << QString()
          << comment(pinned ? CodeText::tr("TLS on the connected socket. The server is trusted by the SHA-256 of its "
                                           "certificate alone, checked after the handshake.")
                            : CodeText::tr("TLS on the connected socket, the certificate verified against the "
                                           "system's authorities and the name checked."),
                     in)
          << in + QStringLiteral("SSL_CTX *context = SSL_CTX_new(TLS_client_method());")
          << in + QStringLiteral("SSL_CTX_set_verify(context, %1, NULL);").arg(pinned ? QStringLiteral("SSL_VERIFY_NONE")
                                                                                        : QStringLiteral("SSL_VERIFY_PEER"))
          << in + QStringLiteral("SSL_CTX_set_default_verify_paths(context);");
    if (!tls.caFile.isEmpty())
        lines << in + QStringLiteral("if (SSL_CTX_load_verify_locations(context, CA_FILE, NULL) != 1)")
              << in + QStringLiteral("    ERR_print_errors_fp(stderr);");
    if (tls.minVersion == TlsVersion::Tls12)
        lines << in + QStringLiteral("SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);");
    else if (tls.minVersion == TlsVersion::Tls13)
        lines << in + QStringLiteral("SSL_CTX_set_min_proto_version(context, TLS1_3_VERSION);");
    const QByteArray alpn = alpnWire(tls.alpn);
    if (!alpn.isEmpty())
        lines << comment(CodeText::tr("ALPN, in its wire format: each protocol after its length."), in)
              << in + QStringLiteral("static const unsigned char alpn[] = %1;").arg(bytesLiteral(C, alpn))
              << in + QStringLiteral("SSL_CTX_set_alpn_protos(context, alpn, sizeof alpn - 1);");
    lines << comment(CodeText::tr("A server that closes without close_notify ends the reply, as in SocketLab."), in)
          << in + QStringLiteral("SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);")
          << in + QStringLiteral("ssl = SSL_new(context);") << in + QStringLiteral("SSL_set_fd(ssl, fd);");
    const QString name = tls.serverName.isEmpty() ? target.host : tls.serverName;
    if (isNumericHost(name)) {
        lines << comment(CodeText::tr("An IP address is checked against the certificate but never sent as SNI (RFC 6066)."), in);
        if (!pinned)
            lines << in + QStringLiteral("X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), SERVER_NAME);");
    } else {
        lines << in + QStringLiteral("SSL_set_tlsext_host_name(ssl, SERVER_NAME);");
        if (!pinned)
            lines << in + QStringLiteral("SSL_set1_host(ssl, SERVER_NAME);");
    }
    if (target.connectTimeoutMs > 0)
        lines << comment(CodeText::tr("The handshake gets as long as connect() had: a receive and send timeout meanwhile."), in)
              << in + QStringLiteral("struct timeval handshake = {CONNECT_TIMEOUT_MS / 1000, CONNECT_TIMEOUT_MS % 1000 * 1000};")
              << in + QStringLiteral("setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &handshake, sizeof handshake);")
              << in + QStringLiteral("setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &handshake, sizeof handshake);");
    lines << in + QStringLiteral("if (SSL_connect(ssl) != 1) {") << in + QStringLiteral("    int saved = errno;")
          << comment(CodeText::tr("The certificate's verdict if it was refused, else OpenSSL's reason, else the "
                                  "socket's: a receive timeout is EAGAIN."),
                     in + in)
          << in + QStringLiteral("    long verified = SSL_get_verify_result(ssl);")
          << in + QStringLiteral("    unsigned long reason = ERR_peek_error();")
          << in + QStringLiteral("    if (verified != X509_V_OK)")
          << in + QStringLiteral("        ") + message(CodeText::tr("TLS handshake failed: %1."),
                                                         {QStringLiteral("s X509_verify_cert_error_string(verified)")})
          << in + QStringLiteral("    else if (reason != 0)")
          << in + QStringLiteral("        ") + message(CodeText::tr("TLS handshake failed: %1."),
                                                         {QStringLiteral("s ERR_reason_error_string(reason)")})
          << in + QStringLiteral("    else if (saved == EAGAIN || saved == EWOULDBLOCK)")
          << in + QStringLiteral("        ") + message(CodeText::tr("TLS handshake failed: no reply within the connect timeout."))
          << in + QStringLiteral("    else if (saved != 0)")
          << in + QStringLiteral("        ") + message(CodeText::tr("TLS handshake failed: %1."), {QStringLiteral("s strerror(saved)")})
          << in + QStringLiteral("    else")
          << in + QStringLiteral("        ") + message(CodeText::tr("TLS handshake failed: the server closed the connection."))
          << in + QStringLiteral("    ERR_print_errors_fp(stderr);") << in + QStringLiteral("    return 1;")
          << in + QStringLiteral("}");
    if (target.connectTimeoutMs > 0)
        lines << in + QStringLiteral("struct timeval none = {0, 0};")
              << in + QStringLiteral("setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &none, sizeof none);")
              << in + QStringLiteral("setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &none, sizeof none);");
    if (pinned)
        lines << in + QStringLiteral("X509 *certificate = SSL_get1_peer_certificate(ssl);")
              << in + QStringLiteral("unsigned char digest[EVP_MAX_MD_SIZE];") << in + QStringLiteral("unsigned int digest_size = 0;")
              << in + QStringLiteral("if (certificate == NULL || X509_digest(certificate, EVP_sha256(), digest, &digest_size) != 1")
              << in + QStringLiteral("    || digest_size != sizeof PIN_SHA256 - 1 || memcmp(digest, PIN_SHA256, digest_size) != 0) {")
              << in + QStringLiteral("    ") + message(CodeText::tr("The server's certificate is not the pinned one."))
              << in + QStringLiteral("    return 1;") << in + QStringLiteral("}") << in + QStringLiteral("X509_free(certificate);");
    lines << in + QStringLiteral("const unsigned char *protocol = NULL;") << in + QStringLiteral("unsigned int protocol_size = 0;")
          << in + QStringLiteral("SSL_get0_alpn_selected(ssl, &protocol, &protocol_size);")
          << in + QStringLiteral("char alpn_text[256];")
          << in + QStringLiteral("snprintf(alpn_text, sizeof alpn_text, \"%.*s\", (int)protocol_size, protocol ? (const char *)protocol : \"\");")
          << in + message(CodeText::tr("TLS: %1, ALPN %2."), {QStringLiteral("s SSL_get_version(ssl)"), QStringLiteral("s alpn_text")});
    return lines;
}

QString tcp(const TcpRequest &request)
{
    const StopRule &rule = request.stopRule;
    const bool total = request.totalTimeoutMs > 0;
    const bool idle = rule.kind == StopRule::Kind::Idle;
    const bool http = rule.kind == StopRule::Kind::Http;
    const Target target{request.host, request.service, request.family, request.connectTimeoutMs, total,
                        request.tls, request.socketOptions, request.localAddress};
    const QString summary = (request.tls.enabled ? CodeText::tr("TLS exchange with %1, port %2, as SocketLab makes it.")
                                                 : CodeText::tr("TCP exchange with %1, port %2, as SocketLab makes it."))
                                .arg(request.host, request.service)
                            + QLatin1Char('\n') + CodeParts::stopRuleSentence(rule);
    QStringList lines = header(summary, codeFileName(C, codeSubject(request)), target);
    lines << QStringLiteral("#define RECV_SIZE %1 ").arg(request.recvSize)
                 + trailing(CodeText::tr("the most each recv() asks for"));
    if (total)
        lines << QStringLiteral("#define TOTAL_TIMEOUT_MS %1 ").arg(request.totalTimeoutMs)
                     + trailing(CodeText::tr("for the whole exchange, the name's resolution included"));
    if (request.maxBytes > 0)
        lines << QStringLiteral("#define MAX_BYTES %1LL ").arg(request.maxBytes)
                     + trailing(CodeText::tr("the size cap: reading stops there"));
    if (rule.kind == StopRule::Kind::Bytes)
        lines << QStringLiteral("#define BYTE_COUNT %1LL").arg(rule.value);
    if (http)
        lines << QStringLiteral("#define MAX_LINE 65536 ")
                     + trailing(CodeText::tr("the longest line of a head or chunk size SocketLab reads"));
    if (idle)
        lines << QStringLiteral("#define IDLE_TIMEOUT_MS %1 ").arg(rule.value)
                     + trailing(CodeText::tr("of silence that end the reply"));
    lines << QString() << requestLines(request.payload) << QString() << tcpFunctions(target);
    if (http) {
        lines << comment(CodeText::tr("The HTTP framing as SocketLab's parser reads it, in its order (RFC 9112 section "
                                      "6.3): blank lines before the status line skipped, 1xx responses before the "
                                      "final one, 101 and a CONNECT's 2xx end at the header section, no body for "
                                      "HEAD, 204 and 304, any Transfer-Encoding (chunked last: chunked, otherwise "
                                      "until the close, whatever Content-Length says), Content-Length (\"5, 5\" is "
                                      "5), or the close. The bytes are read once as they come: only the line being "
                                      "read is kept, never the body."))
              << comment(CodeText::tr("The parser's state. last_field: 0 none yet, 1 another field, 2 Content-Length, 3 Transfer-Encoding; content_length: -1 when there is none."))
              << splitLines(QStringLiteral(R"(enum { HTTP_STATUS, HTTP_HEAD, HTTP_LENGTH, HTTP_CHUNK_SIZE, HTTP_CHUNK_DATA, HTTP_CHUNK_END, HTTP_TRAILERS, HTTP_CLOSE, HTTP_DONE };

static struct {
    int state, code, transfer_encoding, chunked, last_field;
    long long content_length; // -1: none
    unsigned long long remaining;
    char line[MAX_LINE];
    size_t line_size;
} http = {HTTP_STATUS, 0, 0, 0, 0, -1, 0, {0}, 0};

)"))
              << splitLines(QStringLiteral(R"(static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int is_token(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static void new_section(void)
{
    http.code = 0;
    http.transfer_encoding = 0;
    http.chunked = 0;
    http.last_field = 0;
    http.content_length = -1;
}

)"))
              << comment(CodeText::tr("The codings of a Transfer-Encoding value, [from, to): whether the last one is \"chunked\"."))
              << splitLines(QStringLiteral(R"(static void codings(const char *value, size_t from, size_t to)
{
    while (from < to) {
        size_t end = from;
        while (end < to && value[end] != ',')
            ++end;
        size_t a = from, b = end;
        while (a < b && is_blank(value[a]))
            ++a;
        while (b > a && is_blank(value[b - 1]))
            --b;
        if (b > a)
            http.chunked = b - a == 7 && strncasecmp(value + a, "chunked", 7) == 0;
        from = end + 1;
    }
}

)"))
              << comment(CodeText::tr("Every item of a Content-Length list must be the same number: -1 otherwise."))
              << splitLines(QStringLiteral(R"(static int content_length(const char *value, size_t from, size_t to)
{
    for (;;) {
        while (from < to && is_blank(value[from]))
            ++from;
        size_t start = from;
        long long length = 0;
        while (from < to && value[from] >= '0' && value[from] <= '9') {
            if (length > (0x7fffffffffffffffLL - (value[from] - '0')) / 10)
                return -1;
            length = length * 10 + (value[from] - '0');
            ++from;
        }
        if (from == start)
            return -1;
        while (from < to && is_blank(value[from]))
            ++from;
        if (from < to && value[from] != ',')
            return -1;
        if (http.content_length >= 0 && http.content_length != length)
            return -1;
        http.content_length = length;
        if (from == to)
            return 0;
        ++from;
    }
}

static int end_section(void)
{
    if (http.state == HTTP_TRAILERS)
        http.state = HTTP_DONE;
    else if (http.code >= 100 && http.code < 200 && http.code != 101) {
        http.state = HTTP_STATUS;
        new_section();
    } else if (http.code == 101 || (strncmp(request, "CONNECT ", 8) == 0 && http.code >= 200 && http.code < 300))
        http.state = HTTP_DONE;
    else if (strncmp(request, "HEAD ", 5) == 0 || http.code == 204 || http.code == 304)
        http.state = HTTP_DONE;
    else if (http.transfer_encoding)
        http.state = http.chunked ? HTTP_CHUNK_SIZE : HTTP_CLOSE;
    else if (http.content_length > 0) {
        http.remaining = (unsigned long long)http.content_length;
        http.state = HTTP_LENGTH;
    } else
        http.state = http.content_length == 0 ? HTTP_DONE : HTTP_CLOSE;
    return 0;
}

)"))
              << comment(CodeText::tr("A line of the head or the trailers, without its end: -1 when it is not a field. An obsolete folded line continues the field above it (a Content-Length may not be folded); joined with a space, its text lengthens a Transfer-Encoding's last coding, which is then no longer \"chunked\"."))
              << splitLines(QStringLiteral(R"(static int field_line(const char *line, size_t size)
{
    if (is_blank(line[0])) {
        if (http.last_field == 0 || http.last_field == 2)
            return -1;
        size_t from = 1;
        while (from < size && (is_blank(line[from]) || line[from] == '\0'))
            ++from;
        if (http.state == HTTP_HEAD && http.last_field == 3 && from < size) {
            http.chunked = 0;
            for (size_t comma = from; comma < size; ++comma) {
                if (line[comma] == ',') {
                    codings(line, comma + 1, size);
                    break;
                }
            }
        }
        return 0;
    }
    size_t colon = 0;
    while (colon < size && is_token(line[colon]))
        ++colon;
    if (colon == 0 || colon == size || line[colon] != ':')
        return -1;
    http.last_field = 1;
    if (http.state == HTTP_TRAILERS)
        return 0;
    size_t from = colon + 1, to = size;
    while (from < to && (is_blank(line[from]) || line[from] == '\0'))
        ++from;
    while (to > from && (is_blank(line[to - 1]) || line[to - 1] == '\0'))
        --to;
    if (colon == 14 && strncasecmp(line, "content-length", 14) == 0) {
        http.last_field = 2;
        return content_length(line, from, to);
    }
    if (colon == 17 && strncasecmp(line, "transfer-encoding", 17) == 0) {
        http.last_field = 3;
        http.transfer_encoding = 1;
        codings(line, from, to);
    }
    return 0;
}

static int status_line(const char *line, size_t size)
{
    size_t i = 0;
    while (i < size && line[i] >= 'A' && line[i] <= 'Z')
        ++i;
    if (i == 0 || size < i + 9 || line[i] != '/' || line[i + 1] < '0' || line[i + 1] > '9' || line[i + 2] != '.'
        || line[i + 3] < '0' || line[i + 3] > '9' || line[i + 4] != ' ')
        return -1;
    int code = 0;
    for (size_t d = i + 5; d < i + 8; ++d) {
        if (line[d] < '0' || line[d] > '9')
            return -1;
        code = code * 10 + (line[d] - '0');
    }
    if (code < 100 || code > 599 || (size > i + 8 && line[i + 8] != ' '))
        return -1;
    http.code = code;
    http.state = HTTP_HEAD;
    return 0;
}

)"))
              << comment(CodeText::tr("The size line of a chunk: hex digits, blanks, an extension after \";\"."))
              << splitLines(QStringLiteral(R"(static int chunk_size_line(const char *line, size_t size)
{
    size_t i = 0;
    unsigned long long chunk = 0;
    while (i < size && hex_value(line[i]) >= 0) {
        if (i == 16)
            return -1;
        chunk = chunk * 16 + (unsigned long long)hex_value(line[i]);
        ++i;
    }
    if (i == 0)
        return -1;
    while (i < size && is_blank(line[i]))
        ++i;
    if (i < size && line[i] != ';')
        return -1;
    if (memchr(line, '\r', size) != NULL)
        return -1;
    http.remaining = chunk;
    http.state = chunk > 0 ? HTTP_CHUNK_DATA : HTTP_TRAILERS;
    return 0;
}

static int http_line(const char *line, size_t size)
{
    switch (http.state) {
    case HTTP_STATUS:
        return size == 0 ? 0 : status_line(line, size);
    case HTTP_HEAD:
    case HTTP_TRAILERS:
        return size == 0 ? end_section() : field_line(line, size);
    case HTTP_CHUNK_SIZE:
        return chunk_size_line(line, size);
    case HTTP_CHUNK_END:
        http.state = HTTP_CHUNK_SIZE;
        return size == 0 ? 0 : -1;
    }
    return 0;
}

)"))
              << comment(CodeText::tr("Reads the bytes received: 1 once the response is complete, 0 until then, -1 when it "
                                      "breaks the framing."))
              << splitLines(QStringLiteral(R"(static int http_feed(const char *data, size_t size)
{
    size_t i = 0;
    while (i < size && http.state != HTTP_DONE && http.state != HTTP_CLOSE) {
        if (http.state == HTTP_LENGTH || http.state == HTTP_CHUNK_DATA) {
            size_t take = size - i < http.remaining ? size - i : (size_t)http.remaining;
            http.remaining -= take;
            i += take;
            if (http.remaining == 0)
                http.state = http.state == HTTP_LENGTH ? HTTP_DONE : HTTP_CHUNK_END;
            continue;
        }
        char c = data[i++];
        if (c != '\n') {
            if (http.line_size == sizeof http.line)
                return -1;
            http.line[http.line_size++] = c;
            continue;
        }
        size_t length = http.line_size;
        http.line_size = 0;
        if (length > 0 && http.line[length - 1] == '\r')
            --length;
        if (http_line(http.line, length) < 0)
            return -1;
    }
    return http.state == HTTP_DONE;
}

)"));
    }

    const QString in = QStringLiteral("    ");
    lines << QStringLiteral("int main(void)") << QStringLiteral("{") << connectLoop(target) << QString();
    if (request.payload.isEmpty())
        lines << comment(CodeText::tr("The request is empty: nothing is sent."), in);
    else
        lines << in + QStringLiteral("if (send_all(fd, request, request_size) < 0)") << in + QStringLiteral("    return 1;");
    lines << QString() << in + QStringLiteral("static char buffer[RECV_SIZE];") << in + QStringLiteral("long long received = 0;");
    lines << in + QStringLiteral("for (;;) {");
    if (idle || total) {
        const QString timeout = idle && total ? QStringLiteral("time_left() < IDLE_TIMEOUT_MS ? time_left() : IDLE_TIMEOUT_MS")
                                              : idle ? QStringLiteral("IDLE_TIMEOUT_MS") : QStringLiteral("time_left()");
        const QString idleMessage = message(CodeText::tr("Nothing came for %1 ms: the reply is over.").arg(rule.value));
        const QString totalMessage = message(CodeText::tr("Total timeout: the exchange took too long."));
        lines << in + QStringLiteral("    if (readable(fd, %1) == 0) {").arg(timeout);
        if (idle && total)
            lines << in + QStringLiteral("        if (now_ms() < deadline)") << in + QStringLiteral("            ") + idleMessage
                  << in + QStringLiteral("        else") << in + QStringLiteral("            ") + totalMessage;
        else
            lines << in + QStringLiteral("        ") + (idle ? idleMessage : totalMessage);
        lines << in + QStringLiteral("        break;") << in + QStringLiteral("    }");
    }
    lines << in + QStringLiteral("    size_t want = RECV_SIZE;");
    if (rule.kind == StopRule::Kind::Bytes)
        lines << in + QStringLiteral("    if (BYTE_COUNT - received < (long long)want)")
              << in + QStringLiteral("        want = (size_t)(BYTE_COUNT - received);");
    if (request.maxBytes > 0)
        lines << in + QStringLiteral("    if (MAX_BYTES - received < (long long)want)")
              << in + QStringLiteral("        want = (size_t)(MAX_BYTES - received);");
    lines << in + QStringLiteral("    ssize_t n = read_some(fd, buffer, want);") << in + QStringLiteral("    if (n < 0) {")
          << comment(CodeText::tr("read_some() said why: the exchange failed, as in SocketLab."), in + in + in)
          << in + QStringLiteral("        fflush(stdout);") << in + QStringLiteral("        return 1;")
          << in + QStringLiteral("    }") << in + QStringLiteral("    if (n == 0) {")
          << in + QStringLiteral("        ") + message(CodeText::tr("The server closed the connection after %1 bytes."),
                                                         {QStringLiteral("lld received")})
          << in + QStringLiteral("        break;") << in + QStringLiteral("    }")
          << in + QStringLiteral("    fwrite(buffer, 1, (size_t)n, stdout);") << in + QStringLiteral("    received += n;");
    if (http)
        lines << in + QStringLiteral("    int complete = http_feed(buffer, (size_t)n);") << in + QStringLiteral("    if (complete < 0) {")
              << in + QStringLiteral("        ") + message(CodeText::tr("The reply is not well-formed HTTP: SocketLab stops there too."))
              << in + QStringLiteral("        fflush(stdout);") << in + QStringLiteral("        return 1;")
              << in + QStringLiteral("    }")
              << in + QStringLiteral("    if (complete) {")
              << in + QStringLiteral("        ") + message(CodeText::tr("The HTTP response is complete (%1 bytes)."),
                                                             {QStringLiteral("lld received")})
              << in + QStringLiteral("        break;") << in + QStringLiteral("    }");
    if (rule.kind == StopRule::Kind::Bytes)
        lines << in + QStringLiteral("    if (received >= BYTE_COUNT) {")
              << in + QStringLiteral("        ") + message(CodeText::tr("%1 bytes read, as asked."), {QStringLiteral("lld received")})
              << in + QStringLiteral("        break;") << in + QStringLiteral("    }");
    if (request.maxBytes > 0)
        lines << in + QStringLiteral("    if (received >= MAX_BYTES) {")
              << in + QStringLiteral("        ") + message(CodeText::tr("Size cap of %1 bytes reached."), {QStringLiteral("lld MAX_BYTES")})
              << in + QStringLiteral("        break;") << in + QStringLiteral("    }");
    lines << in + QStringLiteral("}") << in + QStringLiteral("fflush(stdout);");
    if (request.tls.enabled)
        lines << comment(CodeText::tr("close_notify, as SocketLab sends it, without waiting for the server's."), in)
              << in + QStringLiteral("SSL_shutdown(ssl);") << in + QStringLiteral("SSL_free(ssl);")
              << in + QStringLiteral("SSL_CTX_free(context);");
    lines << in + QStringLiteral("close(fd);") << in + QStringLiteral("freeaddrinfo(addresses);") << in + QStringLiteral("return 0;")
          << QStringLiteral("}");
    return finish(lines);
}

QString udp(const UdpRequest &request)
{
    IpFamily family = request.family;
    if (request.localAddress.isValid() && family == IpFamily::Any)
        family = request.localAddress.family();
    Target target{request.host, request.service, family, 0, false, {}, request.socketOptions, request.localAddress};
    target.datagram = true;
    target.connect = false;
    const QString summary = CodeText::tr("UDP exchange with %1, port %2, as SocketLab makes it: one datagram sent, the "
                                         "replies collected for %3 ms.")
                                .arg(request.host, request.service)
                                .arg(request.waitMs);
    QStringList lines = header(summary, codeFileName(C, CodeSubject::Udp), target);
    lines << QStringLiteral("#define RECV_SIZE %1 ").arg(qMax<qint64>(1, request.recvSize))
                 + trailing(CodeText::tr("the buffer given to each recvfrom(): a longer datagram is cut"))
          << QStringLiteral("#define WAIT_MS %1 ").arg(request.waitMs)
                 + trailing(CodeText::tr("to collect replies after sending"));
    if (request.maxDatagrams > 0)
        lines << QStringLiteral("#define MAX_DATAGRAMS %1").arg(request.maxDatagrams);
    if (request.maxBytes > 0)
        lines << QStringLiteral("#define MAX_BYTES %1LL ").arg(request.maxBytes)
                     + trailing(CodeText::tr("the size cap: the datagram that reaches it is cut"));
    lines << QString() << requestLines(request.payload) << QString()
          << commonFunctions();

    const QString in = QStringLiteral("    ");
    lines << QStringLiteral("int main(void)") << QStringLiteral("{") << connectLoop(target);
    if (!request.localAddress.isValid() && request.bindPort != 0)
        lines << in + QStringLiteral("if (bind_to(fd, ai->ai_family, NULL, \"%1\") < 0)").arg(request.bindPort)
              << in + QStringLiteral("    return 1;");
    const MulticastSendSettings &multicast = request.multicast;
    auto both = [&](const QString &v6, const QString &v4, const QString &value) {
        lines << in + QLatin1Char('{') << in + QStringLiteral("    int value = %1;").arg(value)
              << in + QStringLiteral("    if (ai->ai_family == AF_INET6)")
              << in + QStringLiteral("        setsockopt(fd, IPPROTO_IPV6, %1, &value, sizeof value);").arg(v6)
              << in + QStringLiteral("    else") << in + QStringLiteral("        setsockopt(fd, IPPROTO_IP, %1, &value, sizeof value);").arg(v4)
              << in + QLatin1Char('}');
    };
    if (multicast.hops >= 0)
        both(QStringLiteral("IPV6_MULTICAST_HOPS"), QStringLiteral("IP_MULTICAST_TTL"), QString::number(multicast.hops));
    if (multicast.loop >= 0)
        both(QStringLiteral("IPV6_MULTICAST_LOOP"), QStringLiteral("IP_MULTICAST_LOOP"), QString::number(multicast.loop));
    if (!multicast.interfaceName.isEmpty() || multicast.interfaceIndex != 0) {
        const QString index = multicast.interfaceName.isEmpty()
                                  ? QString::number(multicast.interfaceIndex)
                                  : QStringLiteral("(int)if_nametoindex(%1)").arg(lit(multicast.interfaceName));
        lines << comment(CodeText::tr("The interface multicast datagrams leave by (an ip_mreqn by index for IPv4)."), in)
              << in + QStringLiteral("if (ai->ai_family == AF_INET6) {") << in + QStringLiteral("    int index = %1;").arg(index)
              << in + QStringLiteral("    setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &index, sizeof index);")
              << in + QStringLiteral("} else {") << in + QStringLiteral("    struct ip_mreqn interface;")
              << in + QStringLiteral("    memset(&interface, 0, sizeof interface);")
              << in + QStringLiteral("    interface.imr_ifindex = %1;").arg(index)
              << in + QStringLiteral("    setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &interface, sizeof interface);")
              << in + QStringLiteral("}");
    }
    if (request.connected)
        lines << comment(CodeText::tr("Connected UDP: replies from the target only, and an ICMP \"port unreachable\" "
                                      "comes back as ECONNREFUSED."),
                         in)
              << in + QStringLiteral("if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0 || send(fd, request, request_size, 0) < 0) {");
    else
        lines << in + QStringLiteral("if (sendto(fd, request, request_size, 0, ai->ai_addr, ai->ai_addrlen) < 0) {");
    lines << in + QStringLiteral("    perror(\"send\");") << in + QStringLiteral("    return 1;") << in + QStringLiteral("}")
          << in + message(CodeText::tr("%1 bytes sent to %2."),
                          {QStringLiteral("zu request_size"), QStringLiteral("s address_text(ai->ai_addr, ai->ai_addrlen)")})
          << in + QStringLiteral("freeaddrinfo(addresses);") << QString()
          << in + QStringLiteral("static char buffer[RECV_SIZE];") << in + QStringLiteral("long long deadline = now_ms() + WAIT_MS;")
          << in + QStringLiteral("long long received = 0;") << in + QStringLiteral("int datagrams = 0;")
          << in + QStringLiteral("for (;;) {") << comment(CodeText::tr("Past the deadline, the wait is over: wait_for() takes a negative time as no limit."), in + in)
          << in + QStringLiteral("    long long left = deadline - now_ms();")
          << in + QStringLiteral("    if (left <= 0 || wait_for(fd, POLLIN, left) <= 0) {")
          << in + QStringLiteral("        ") + message(CodeText::tr("The wait is over."))
          << in + QStringLiteral("        break;") << in + QStringLiteral("    }")
          << in + QStringLiteral("    size_t want = RECV_SIZE;");
    if (request.maxBytes > 0)
        lines << in + QStringLiteral("    if (MAX_BYTES - received < (long long)want)")
              << in + QStringLiteral("        want = (size_t)(MAX_BYTES - received);");
    lines << in + QStringLiteral("    struct sockaddr_storage from;") << in + QStringLiteral("    socklen_t from_size = sizeof from;")
          << in + QStringLiteral("    ssize_t n = recvfrom(fd, buffer, want, 0, (struct sockaddr *)&from, &from_size);")
          << in + QStringLiteral("    if (n < 0 && errno == EINTR)") << in + QStringLiteral("        continue;")
          << in + QStringLiteral("    if (n < 0) {") << in + QStringLiteral("        perror(\"recvfrom\");")
          << in + QStringLiteral("        return 1;") << in + QStringLiteral("    }")
          << in + QStringLiteral("    fwrite(buffer, 1, (size_t)n, stdout);")
          << in + QStringLiteral("    ") + message(CodeText::tr("Datagram of %1 bytes from %2."),
                                                     {QStringLiteral("zd n"), QStringLiteral("s address_text((struct sockaddr *)&from, from_size)")})
          << in + QStringLiteral("    received += n;") << in + QStringLiteral("    ++datagrams;");
    if (request.maxDatagrams > 0)
        lines << in + QStringLiteral("    if (datagrams >= MAX_DATAGRAMS) {")
              << in + QStringLiteral("        ") + message(CodeText::tr("%1 datagrams received, as asked."), {QStringLiteral("d datagrams")})
              << in + QStringLiteral("        break;") << in + QStringLiteral("    }");
    if (request.maxBytes > 0)
        lines << in + QStringLiteral("    if (received >= MAX_BYTES) {")
              << in + QStringLiteral("        ") + message(CodeText::tr("Size cap of %1 bytes reached."), {QStringLiteral("lld MAX_BYTES")})
              << in + QStringLiteral("        break;") << in + QStringLiteral("    }");
    lines << in + QStringLiteral("}") << in + QStringLiteral("fflush(stdout);")
          << in + message(CodeText::tr("%1 bytes received in %2 datagrams."), {QStringLiteral("lld received"), QStringLiteral("d datagrams")})
          << in + QStringLiteral("close(fd);") << in + QStringLiteral("return 0;") << QStringLiteral("}");
    return finish(lines);
}

} // namespace SocketLab::CProgram
