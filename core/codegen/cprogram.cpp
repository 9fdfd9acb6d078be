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

QStringList splitLines(const QString &block)
{
    QStringList lines = block.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

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

QString finish(QStringList lines)
{
    // The helpers are written for every program; those this one never calls go, so that
    // -Wunused-function has nothing to say (nor -Wunused-variable of a static variable). A helper is a
    // "static TYPE name(...)" line at column 0, its body up to the "}" at column 0, and the comment
    // lines just above it; a static variable is one line.
    static const QRegularExpression definition(QStringLiteral("^static [^=;]*?\\b(\\w+)\\("));
    static const QRegularExpression variable(QStringLiteral("^static [^(]*?\\b(\\w+)(\\[\\])?( = .*)?;$"));
    for (bool removed = true; removed;) {
        removed = false;
        for (qsizetype i = 0; i < lines.size() && !removed; ++i) {
            const QString code = lines.at(i).section(QLatin1String(" //"), 0, 0);
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
                used = (j < begin || j > end) && call.match(lines.at(j).section(QLatin1String("//"), 0, 0)).hasMatch();
            if (used)
                continue;
            if (end + 1 < lines.size() && lines.at(end + 1).isEmpty())
                ++end;
            lines.remove(begin, end - begin + 1);
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
    lines << in + QStringLiteral("if (SSL_connect(ssl) != 1) {")
          << in + QStringLiteral("    ") + message(CodeText::tr("TLS handshake failed: %1."),
                                                     {QStringLiteral("s X509_verify_cert_error_string(SSL_get_verify_result(ssl))")})
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
                     + trailing(CodeText::tr("for the whole exchange (the name's resolution aside)"));
    if (request.maxBytes > 0)
        lines << QStringLiteral("#define MAX_BYTES %1LL ").arg(request.maxBytes)
                     + trailing(CodeText::tr("the size cap: reading stops there"));
    if (rule.kind == StopRule::Kind::Bytes)
        lines << QStringLiteral("#define BYTE_COUNT %1LL").arg(rule.value);
    if (idle)
        lines << QStringLiteral("#define IDLE_TIMEOUT_MS %1 ").arg(rule.value)
                     + trailing(CodeText::tr("of silence that end the reply"));
    lines << QString() << requestLines(request.payload) << QString() << tcpFunctions(target);
    if (http) {
        lines << comment(CodeText::tr("Just past the blank line that ends the header section, or 0 until it has come."))
              << splitLines(QStringLiteral(R"(static size_t head_end(const char *reply, size_t size, size_t start)
{
    for (size_t i = start; i < size; ++i) {
        if (reply[i] != '\n')
            continue;
        if (i + 1 < size && reply[i + 1] == '\n')
            return i + 2;
        if (i + 2 < size && reply[i + 1] == '\r' && reply[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

static long long line_end(const char *reply, size_t size, size_t pos)
{
    const char *lf = pos < size ? memchr(reply + pos, '\n', size - pos) : NULL;
    return lf ? lf - reply : -1;
}

)"))
              << comment(CodeText::tr("Whether the chunked body from pos has come up to its last chunk and its trailers."))
              << splitLines(QStringLiteral(R"(static int chunks_complete(const char *reply, size_t size, size_t pos)
{
    for (;;) {
        long long eol = line_end(reply, size, pos);
        if (eol < 0)
            return 0;
        unsigned long long chunk = strtoull(reply + pos, NULL, 16);
        pos = (size_t)eol + 1;
        if (chunk == 0) {
            for (;;) {
                eol = line_end(reply, size, pos);
                if (eol < 0)
                    return 0;
                if ((size_t)eol == pos || ((size_t)eol == pos + 1 && reply[pos] == '\r'))
                    return 1;
                pos = (size_t)eol + 1;
            }
        }
        if (chunk > size - pos)
            return 0;
        eol = line_end(reply, size, pos + (size_t)chunk);
        if (eol < 0)
            return 0;
        pos = (size_t)eol + 1;
    }
}

)"))
              << comment(CodeText::tr("The value of a header field (its name in lower case, with the colon) in the head "
                                      "[start, end), or NULL; *length: its length, without the blanks around it."))
              << splitLines(QStringLiteral(R"(static const char *field(const char *reply, size_t start, size_t end, const char *name, size_t *length)
{
    size_t n = strlen(name);
    for (size_t pos = start; pos < end;) {
        const char *lf = memchr(reply + pos, '\n', end - pos);
        size_t eol = lf ? (size_t)(lf - reply) : end;
        if (eol - pos >= n && strncasecmp(reply + pos, name, n) == 0) {
            size_t from = pos + n, to = eol;
            while (from < to && (reply[from] == ' ' || reply[from] == '\t'))
                ++from;
            while (to > from && (reply[to - 1] == '\r' || reply[to - 1] == ' ' || reply[to - 1] == '\t'))
                --to;
            *length = to - from;
            return reply + from;
        }
        pos = eol + 1;
    }
    return NULL;
}

)"))
              << comment(CodeText::tr("Whether the HTTP response is whole by its own framing: Content-Length, the last "
                                      "chunk, or (neither) only the server's close."))
              << splitLines(QStringLiteral(R"(static int response_complete(const char *reply, size_t size)
{
    size_t start = 0;
    for (;;) {
        while (start < size && (reply[start] == '\n' || (reply[start] == '\r' && start + 1 < size && reply[start + 1] == '\n')))
            start += reply[start] == '\n' ? 1 : 2;
        size_t end = head_end(reply, size, start);
        if (end == 0)
            return 0;
        const char *space = memchr(reply + start, ' ', end - start);
        int code = space ? atoi(space + 1) : 0;
        if (code >= 100 && code < 200 && code != 101) {
            start = end;
            continue;
        }
        if (strncmp(request, "HEAD ", 5) == 0 || code == 101 || code == 204 || code == 304)
            return 1;
        size_t length = 0;
        const char *value = field(reply, start, end, "transfer-encoding:", &length);
        if (value && length >= 7 && strncasecmp(value + length - 7, "chunked", 7) == 0
            && (length == 7 || value[length - 8] == ',' || value[length - 8] == ' ' || value[length - 8] == '\t'))
            return chunks_complete(reply, size, end);
        value = field(reply, start, end, "content-length:", &length);
        if (value)
            return size >= end + strtoull(value, NULL, 10);
        return 0;
    }
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
    if (http)
        lines << in + QStringLiteral("char *reply = NULL;");
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
    lines << in + QStringLiteral("    ssize_t n = read_some(fd, buffer, want);") << in + QStringLiteral("    if (n < 0)")
          << in + QStringLiteral("        break;") << in + QStringLiteral("    if (n == 0) {")
          << in + QStringLiteral("        ") + message(CodeText::tr("The server closed the connection after %1 bytes."),
                                                         {QStringLiteral("lld received")})
          << in + QStringLiteral("        break;") << in + QStringLiteral("    }")
          << in + QStringLiteral("    fwrite(buffer, 1, (size_t)n, stdout);") << in + QStringLiteral("    received += n;");
    if (http)
        lines << in + QStringLiteral("    char *grown = realloc(reply, (size_t)received);") << in + QStringLiteral("    if (grown == NULL) {")
              << in + QStringLiteral("        perror(\"realloc\");") << in + QStringLiteral("        break;")
              << in + QStringLiteral("    }") << in + QStringLiteral("    reply = grown;")
              << in + QStringLiteral("    memcpy(reply + received - n, buffer, (size_t)n);")
              << in + QStringLiteral("    if (response_complete(reply, (size_t)received)) {")
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
    if (http)
        lines << in + QStringLiteral("free(reply);");
    if (request.tls.enabled)
        lines << in + QStringLiteral("SSL_free(ssl);") << in + QStringLiteral("SSL_CTX_free(context);");
    lines << in + QStringLiteral("close(fd);") << in + QStringLiteral("freeaddrinfo(addresses);") << in + QStringLiteral("return 0;")
          << QStringLiteral("}");
    return finish(lines);
}

QString udp(const UdpRequest &request)
{
    IpFamily family = request.family;
    if (request.localAddress.isValid() && family == IpFamily::Any)
        family = request.localAddress.family();
    const Target target{request.host, request.service, family, 0, false, {}, request.socketOptions, request.localAddress};
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
    lines << QStringLiteral("int main(void)") << QStringLiteral("{") << in + QStringLiteral("struct addrinfo hints, *addresses;")
          << in + QStringLiteral("memset(&hints, 0, sizeof hints);")
          << in + QStringLiteral("hints.ai_family = %1;").arg(CodeParts::familyConstant(family))
          << in + QStringLiteral("hints.ai_socktype = SOCK_DGRAM;")
          << in + QStringLiteral("int rc = getaddrinfo(HOST, PORT, &hints, &addresses);") << in + QStringLiteral("if (rc != 0) {")
          << in + QStringLiteral("    fprintf(stderr, \"getaddrinfo: %s\\n\", gai_strerror(rc));") << in + QStringLiteral("    return 1;")
          << in + QStringLiteral("}") << comment(CodeText::tr("The first address getaddrinfo() gives."), in)
          << in + QStringLiteral("struct addrinfo *ai = addresses;")
          << in + QStringLiteral("int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);")
          << in + QStringLiteral("if (fd < 0) {") << in + QStringLiteral("    perror(\"socket\");") << in + QStringLiteral("    return 1;")
          << in + QStringLiteral("}")
          << CodeParts::socketOptionLines(C, request.socketOptions, in, QStringLiteral("fd"), QStringLiteral("ai->ai_family"));
    if (request.localAddress.isValid())
        lines << in + QStringLiteral("if (bind_to(fd, ai->ai_family, %1, \"%2\") < 0)")
                          .arg(lit(request.localAddress.host()))
                          .arg(request.localAddress.port())
              << in + QStringLiteral("    return 1;");
    else if (request.bindPort != 0)
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
          << in + QStringLiteral("for (;;) {") << in + QStringLiteral("    if (wait_for(fd, POLLIN, deadline - now_ms()) <= 0) {")
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
