#include "conversationcode.h"

#include "codeliteral.h"
#include "codeparts.h"
#include "codetext.h"
#include "cprogram.h"
#include "exchangecode.h"
#include "pythonprogram.h"

namespace SocketLab::ConversationCode {

namespace {

bool uses(const QList<ScriptStep> &steps, ScriptStep::Kind kind)
{
    for (const ScriptStep &step : steps) {
        if (step.kind == kind)
            return true;
    }
    return false;
}

bool usesLinger(const ConversationRequest &request, const QList<ScriptStep> &steps)
{
    QList<SocketOptionSetting> settings = request.socketOptions;
    for (const ScriptStep &step : steps) {
        if (step.kind == ScriptStep::Kind::SetOption)
            settings << step.option;
    }
    return CodeParts::hasLinger(settings);
}

QString summary(const ConversationRequest &request)
{
    const bool udp = request.transport == ConversationRequest::Transport::Udp;
    const QString what = udp ? CodeText::tr("UDP conversation with %1, port %2: the script's steps, as SocketLab plays them.")
                         : request.tls.enabled
                             ? CodeText::tr("TLS conversation with %1, port %2: the script's steps, as SocketLab plays them.")
                             : CodeText::tr("TCP conversation with %1, port %2: the script's steps, as SocketLab plays them.");
    return what.arg(request.host, request.service) + QLatin1Char('\n')
           + CodeText::tr("An expectation reads until its bytes have come since the last one was met; the script's end "
                          "closes the socket.");
}

// The step's word as the script writes it: the code under the comment holds its argument.
QString stepWord(const ScriptStep &step)
{
    switch (step.kind) {
    case ScriptStep::Kind::Send: return QStringLiteral("send");
    case ScriptStep::Kind::Expect: return QStringLiteral("expect");
    case ScriptStep::Kind::ExpectRegex: return QStringLiteral("expect-re");
    case ScriptStep::Kind::ExpectClose: return QStringLiteral("expect-close");
    case ScriptStep::Kind::Timeout: return QStringLiteral("timeout");
    case ScriptStep::Kind::Sleep: return QStringLiteral("sleep");
    case ScriptStep::Kind::ShutdownWrite: return QStringLiteral("shutdown wr");
    case ScriptStep::Kind::ShutdownBoth: return QStringLiteral("shutdown rdwr");
    case ScriptStep::Kind::Close: return QStringLiteral("close");
    case ScriptStep::Kind::SetOption: return QStringLiteral("sockopt ") + SocketOptions::format(step.option);
    }
    return {};
}

QString stepComment(const ScriptStep &step)
{
    return CodeText::tr("Script line %1: %2").arg(step.line).arg(stepWord(step));
}

} // namespace

QString python(const ConversationRequest &request, const QList<ScriptStep> &steps)
{
    constexpr CodeLanguage Py = CodeLanguage::Python;
    const bool udp = request.transport == ConversationRequest::Transport::Udp;
    const bool tls = !udp && request.tls.enabled;
    const bool pinned = tls && !request.tls.pinSha256.isEmpty();
    const bool sendTo = udp && !request.udpConnected;
    const bool regex = uses(steps, ScriptStep::Kind::ExpectRegex);
    auto comment = [](const QString &text, const QString &indent = {}) { return CodeParts::comment(CodeLanguage::Python, text, indent); };
    auto trailing = [](const QString &text) { return CodeParts::trailingComment(CodeLanguage::Python, text); };
    auto message = [](const QString &text, const QStringList &args = {}) { return CodeParts::message(CodeLanguage::Python, text, args); };

    QStringList imports;
    if (regex)
        imports << QStringLiteral("re");
    imports << QStringLiteral("socket");
    if (tls)
        imports << QStringLiteral("ssl");
    if (pinned)
        imports << QStringLiteral("hashlib");
    if (usesLinger(request, steps))
        imports << QStringLiteral("struct");
    imports << QStringLiteral("sys") << QStringLiteral("time");
    QStringList lines = PythonProgram::header(summary(request), imports);

    const CodeParts::Target target = CodeParts::conversationTarget(request);
    lines << PythonProgram::targetConstants(target)
          << QStringLiteral("RECV_SIZE = %1  ").arg(qMax<qint64>(1, request.recvSize))
                 + trailing(udp ? CodeText::tr("the buffer given to each recvfrom(): a longer datagram is cut")
                               : CodeText::tr("the most each recv() asks for"))
          << QString() << QStringLiteral("received = bytearray()  ") + trailing(CodeText::tr("grows in place: each reply is added once")) << QStringLiteral("match_from = 0")
          << QStringLiteral("peer_closed = False")
          << QStringLiteral("expect_timeout = %1  ").arg(PythonProgram::seconds(DefaultExpectTimeoutMs))
                 + trailing(CodeText::tr("seconds each expectation waits, until a timeout step says otherwise"))
          << QString();

    lines << QStringLiteral("def receive(timeout):")
          << comment(udp ? CodeText::tr("Reads one datagram if one comes within timeout seconds, and writes it out.")
                         : CodeText::tr("Reads what comes within timeout seconds, and writes it out."),
                     QStringLiteral("    "))
          << QStringLiteral("    global received, peer_closed") << QStringLiteral("    s.settimeout(timeout)")
          << QStringLiteral("    try:");
    if (sendTo)
        lines << QStringLiteral("        answer, address = s.recvfrom(RECV_SIZE)");
    else
        lines << QStringLiteral("        answer = s.recv(RECV_SIZE)");
    lines << QStringLiteral("    except TimeoutError:") << QStringLiteral("        return");
    if (!udp)
        lines << QStringLiteral("    if answer == b'':") << QStringLiteral("        peer_closed = True")
              << QStringLiteral("        ") + message(CodeText::tr("The peer closed the connection."))
              << QStringLiteral("        return");
    if (sendTo)
        lines << QStringLiteral("    ") + message(CodeText::tr("Datagram of %1 bytes from %2."), {QStringLiteral("len(answer)"), QStringLiteral("address")});
    lines << QStringLiteral("    sys.stdout.buffer.write(answer)") << QStringLiteral("    sys.stdout.buffer.flush()")
          << QStringLiteral("    received += answer") << QString();

    lines << QStringLiteral("def unmet(line):") << QStringLiteral("    ") + message(CodeText::tr("Script line %1: the expectation was not met."), {QStringLiteral("line")})
          << QStringLiteral("    s.close()") << QStringLiteral("    sys.exit(1)") << QString();
    if (uses(steps, ScriptStep::Kind::Expect))
        lines << QStringLiteral("def expect(text, line):")
              << comment(CodeText::tr("Waits until text has come since the last expectation was met."), QStringLiteral("    "))
              << QStringLiteral("    global match_from") << QStringLiteral("    deadline = time.monotonic() + expect_timeout")
              << QStringLiteral("    while True:") << QStringLiteral("        at = received.find(text, match_from)")
              << QStringLiteral("        if at >= 0:") << QStringLiteral("            match_from = at + len(text)")
              << QStringLiteral("            return") << QStringLiteral("        left = deadline - time.monotonic()")
              << QStringLiteral("        if left <= 0 or peer_closed:") << QStringLiteral("            unmet(line)")
              << QStringLiteral("        receive(left)") << QString();
    if (regex)
        lines << QStringLiteral("def expect_re(pattern, line):")
              << comment(CodeText::tr("The same for a regular expression, over the bytes as Latin-1 text. Python's re "
                                      "and SocketLab's PCRE agree on common patterns, not on every one."),
                         QStringLiteral("    "))
              << QStringLiteral("    global match_from") << QStringLiteral("    deadline = time.monotonic() + expect_timeout")
              << QStringLiteral("    while True:")
              << QStringLiteral("        match = re.search(pattern, received[match_from:].decode('latin-1'))")
              << QStringLiteral("        if match:") << QStringLiteral("            match_from += match.end()")
              << QStringLiteral("            return") << QStringLiteral("        left = deadline - time.monotonic()")
              << QStringLiteral("        if left <= 0 or peer_closed:") << QStringLiteral("            unmet(line)")
              << QStringLiteral("        receive(left)") << QString();
    if (uses(steps, ScriptStep::Kind::ExpectClose))
        lines << QStringLiteral("def expect_close(line):")
              << comment(CodeText::tr("Waits for the peer to close its side."), QStringLiteral("    "))
              << QStringLiteral("    deadline = time.monotonic() + expect_timeout")
              << QStringLiteral("    while not peer_closed:") << QStringLiteral("        left = deadline - time.monotonic()")
              << QStringLiteral("        if left <= 0:") << QStringLiteral("            unmet(line)")
              << QStringLiteral("        receive(left)") << QString();
    if (uses(steps, ScriptStep::Kind::Sleep))
        lines << QStringLiteral("def pause(seconds):")
              << comment(CodeText::tr("Sleeps, reading what comes meanwhile."), QStringLiteral("    "))
              << QStringLiteral("    deadline = time.monotonic() + seconds") << QStringLiteral("    while True:")
              << QStringLiteral("        left = deadline - time.monotonic()") << QStringLiteral("        if left <= 0:")
              << QStringLiteral("            return") << QStringLiteral("        if peer_closed:")
              << QStringLiteral("            time.sleep(left)") << QStringLiteral("            return")
              << QStringLiteral("        receive(left)") << QString();

    lines << PythonProgram::connectLoop(target) << QString();
    for (const ScriptStep &step : steps) {
        lines << comment(stepComment(step));
        switch (step.kind) {
        case ScriptStep::Kind::Send:
            // receive() left its own short timeout on the socket: a send waits as long as it takes.
            lines << QStringLiteral("s.settimeout(None)");
            if (sendTo)
                lines << QStringLiteral("s.sendto(%1, sockaddr)").arg(bytesLiteral(Py, step.bytes));
            else if (udp)
                lines << QStringLiteral("s.send(%1)").arg(bytesLiteral(Py, step.bytes));
            else
                lines << QStringLiteral("s.sendall(%1)").arg(bytesLiteral(Py, step.bytes));
            break;
        case ScriptStep::Kind::Expect:
            lines << QStringLiteral("expect(%1, %2)").arg(bytesLiteral(Py, step.bytes)).arg(step.line);
            break;
        case ScriptStep::Kind::ExpectRegex:
            lines << QStringLiteral("expect_re(%1, %2)").arg(textLiteral(Py, step.pattern)).arg(step.line);
            break;
        case ScriptStep::Kind::ExpectClose:
            lines << QStringLiteral("expect_close(%1)").arg(step.line);
            break;
        case ScriptStep::Kind::Timeout:
            lines << QStringLiteral("expect_timeout = %1").arg(PythonProgram::seconds(step.ms));
            break;
        case ScriptStep::Kind::Sleep:
            lines << QStringLiteral("pause(%1)").arg(PythonProgram::seconds(step.ms));
            break;
        case ScriptStep::Kind::ShutdownWrite:
        case ScriptStep::Kind::ShutdownBoth: {
            const QString how = step.kind == ScriptStep::Kind::ShutdownWrite ? QStringLiteral("SHUT_WR") : QStringLiteral("SHUT_RDWR");
            if (tls)
                lines << comment(CodeText::tr("Python's ssl cannot send close_notify without waiting for the peer's: "
                                              "the TCP shutdown alone, where SocketLab sends close_notify first."))
                      << QStringLiteral("socket.socket.shutdown(s, socket.%1)").arg(how);
            else
                lines << QStringLiteral("s.shutdown(socket.%1)").arg(how);
            break;
        }
        case ScriptStep::Kind::Close:
            if (tls)
                lines << PythonProgram::tlsCloseLines();
            lines << QStringLiteral("s.close()") << QStringLiteral("sys.exit(0)");
            return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        case ScriptStep::Kind::SetOption:
            lines << CodeParts::socketOptionLines(Py, {step.option}, {}, QStringLiteral("s"), QStringLiteral("family"));
            break;
        }
    }
    lines << QString();
    if (tls)
        lines << PythonProgram::tlsCloseLines();
    lines << QStringLiteral("s.close()");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString c(const ConversationRequest &request, const QList<ScriptStep> &steps)
{
    constexpr CodeLanguage C = CodeLanguage::C;
    const bool udp = request.transport == ConversationRequest::Transport::Udp;
    const bool tls = !udp && request.tls.enabled;
    const bool sendTo = udp && !request.udpConnected;
    const bool regex = uses(steps, ScriptStep::Kind::ExpectRegex);
    auto comment = [](const QString &text, const QString &indent = {}) { return CodeParts::comment(CodeLanguage::C, text, indent); };
    auto trailing = [](const QString &text) { return CodeParts::trailingComment(CodeLanguage::C, text); };
    auto message = [](const QString &text, const QStringList &args = {}) { return CodeParts::message(CodeLanguage::C, text, args); };

    const CodeParts::Target target = CodeParts::conversationTarget(request);
    QStringList lines = CProgram::header(summary(request), codeFileName(C, CodeSubject::Conversation), target,
                                         regex ? QStringList{QStringLiteral("regex.h")} : QStringList());
    lines << QStringLiteral("#define RECV_SIZE %1 ").arg(qMax<qint64>(1, request.recvSize))
                 + trailing(udp ? CodeText::tr("the buffer given to each recvfrom(): a longer datagram is cut")
                               : CodeText::tr("the most each recv() asks for"))
          << QString() << QStringLiteral("static char *received = NULL;") << QStringLiteral("static size_t received_size = 0;")
          << QStringLiteral("static size_t match_from = 0;") << QStringLiteral("static int peer_closed = 0;")
          << QStringLiteral("static long long expect_timeout_ms = %1; ").arg(DefaultExpectTimeoutMs)
                 + trailing(CodeText::tr("each expectation's wait, until a timeout step says otherwise"))
          << QString() << CProgram::tcpFunctions(target);

    lines << comment(udp ? CodeText::tr("Reads one datagram if one comes within timeout_ms, and writes it out.")
                         : CodeText::tr("Reads what comes within timeout_ms, and writes it out."))
          << QStringLiteral("static void receive(int fd, long long timeout_ms)") << QStringLiteral("{")
          << QStringLiteral("    static char buffer[RECV_SIZE];") << QStringLiteral("    if (readable(fd, timeout_ms) <= 0)")
          << QStringLiteral("        return;") << QStringLiteral("    ssize_t n = read_some(fd, buffer, RECV_SIZE);");
    if (udp)
        lines << QStringLiteral("    if (n < 0) {");
    else
        lines << QStringLiteral("    if (n <= 0) {") << QStringLiteral("        if (n == 0)")
              << QStringLiteral("            ") + message(CodeText::tr("The peer closed the connection."));
    lines << QStringLiteral("        peer_closed = 1;") << QStringLiteral("        return;") << QStringLiteral("    }")
          << QStringLiteral("    fwrite(buffer, 1, (size_t)n, stdout);") << QStringLiteral("    fflush(stdout);")
          << QStringLiteral("    char *grown = realloc(received, received_size + (size_t)n + 1);")
          << QStringLiteral("    if (grown == NULL) {") << QStringLiteral("        perror(\"realloc\");")
          << QStringLiteral("        exit(1);") << QStringLiteral("    }") << QStringLiteral("    received = grown;")
          << QStringLiteral("    memcpy(received + received_size, buffer, (size_t)n);")
          << QStringLiteral("    received_size += (size_t)n;")
          << QStringLiteral("    received[received_size] = '\\0';") << QStringLiteral("}") << QString()
          << QStringLiteral("static void unmet(int fd, int line)") << QStringLiteral("{") << QStringLiteral("    fflush(stdout);")
          << QStringLiteral("    ") + message(CodeText::tr("Script line %1: the expectation was not met."), {QStringLiteral("d line")})
          << QStringLiteral("    close(fd);") << QStringLiteral("    exit(1);") << QStringLiteral("}") << QString()
          << comment(CodeText::tr("Waits until text has come since the last expectation was met."))
          << QStringLiteral("static void expect(int fd, const char *text, size_t size, int line)") << QStringLiteral("{")
          << QStringLiteral("    long long until = now_ms() + expect_timeout_ms;") << QStringLiteral("    for (;;) {")
          << QStringLiteral("        for (size_t at = match_from; size <= received_size && at <= received_size - size; ++at) {")
          << QStringLiteral("            if (memcmp(received + at, text, size) == 0) {")
          << QStringLiteral("                match_from = at + size;") << QStringLiteral("                return;")
          << QStringLiteral("            }") << QStringLiteral("        }")
          << QStringLiteral("        long long left = until - now_ms();") << QStringLiteral("        if (left <= 0 || peer_closed)")
          << QStringLiteral("            unmet(fd, line);") << QStringLiteral("        receive(fd, left);") << QStringLiteral("    }")
          << QStringLiteral("}") << QString()
          << comment(CodeText::tr("The same for a POSIX extended regular expression. SocketLab's are PCRE: common patterns "
                                  "agree, not every one; the match stops at a NUL byte received."))
          << QStringLiteral("static void expect_re(int fd, const char *pattern, int line)") << QStringLiteral("{")
          << QStringLiteral("    regex_t re;") << QStringLiteral("    if (regcomp(&re, pattern, REG_EXTENDED) != 0)")
          << QStringLiteral("        unmet(fd, line);") << QStringLiteral("    long long until = now_ms() + expect_timeout_ms;")
          << QStringLiteral("    for (;;) {") << QStringLiteral("        regmatch_t match;")
          << QStringLiteral("        if (received != NULL && regexec(&re, received + match_from, 1, &match, 0) == 0) {")
          << QStringLiteral("            match_from += (size_t)match.rm_eo;") << QStringLiteral("            regfree(&re);")
          << QStringLiteral("            return;") << QStringLiteral("        }")
          << QStringLiteral("        long long left = until - now_ms();") << QStringLiteral("        if (left <= 0 || peer_closed)")
          << QStringLiteral("            unmet(fd, line);") << QStringLiteral("        receive(fd, left);") << QStringLiteral("    }")
          << QStringLiteral("}") << QString() << comment(CodeText::tr("Waits for the peer to close its side."))
          << QStringLiteral("static void expect_close(int fd, int line)") << QStringLiteral("{")
          << QStringLiteral("    long long until = now_ms() + expect_timeout_ms;") << QStringLiteral("    while (!peer_closed) {")
          << QStringLiteral("        long long left = until - now_ms();") << QStringLiteral("        if (left <= 0)")
          << QStringLiteral("            unmet(fd, line);") << QStringLiteral("        receive(fd, left);") << QStringLiteral("    }")
          << QStringLiteral("}") << QString() << comment(CodeText::tr("Sleeps, reading what comes meanwhile."))
          << QStringLiteral("static void pause_ms(int fd, long long ms)") << QStringLiteral("{")
          << QStringLiteral("    long long until = now_ms() + ms;") << QStringLiteral("    for (;;) {")
          << QStringLiteral("        long long left = until - now_ms();") << QStringLiteral("        if (left <= 0)")
          << QStringLiteral("            return;") << QStringLiteral("        if (peer_closed) {")
          << QStringLiteral("            struct timespec rest = {left / 1000, left % 1000 * 1000000};")
          << QStringLiteral("            nanosleep(&rest, NULL);") << QStringLiteral("            return;")
          << QStringLiteral("        }") << QStringLiteral("        receive(fd, left);") << QStringLiteral("    }")
          << QStringLiteral("}") << QString();

    const QString in = QStringLiteral("    ");
    lines << QStringLiteral("int main(void)") << QStringLiteral("{") << CProgram::connectLoop(target) << QString();
    bool closed = false;
    bool notified = false;
    for (const ScriptStep &step : steps) {
        lines << comment(stepComment(step), in);
        const QString name = QStringLiteral("line_%1").arg(step.line);
        switch (step.kind) {
        case ScriptStep::Kind::Send:
        case ScriptStep::Kind::Expect:
            lines << in + QLatin1Char('{') << in + QStringLiteral("    static const char %1[] = %2;").arg(name, bytesLiteral(C, step.bytes));
            if (step.kind == ScriptStep::Kind::Expect)
                lines << in + QStringLiteral("    expect(fd, %1, sizeof %1 - 1, %2);").arg(name).arg(step.line);
            else if (sendTo)
                lines << in + QStringLiteral("    if (sendto(fd, %1, sizeof %1 - 1, 0, ai->ai_addr, ai->ai_addrlen) < 0)").arg(name)
                      << in + QStringLiteral("        perror(\"sendto\");");
            else if (udp)
                lines << in + QStringLiteral("    if (send(fd, %1, sizeof %1 - 1, 0) < 0)").arg(name)
                      << in + QStringLiteral("        perror(\"send\");");
            else
                lines << in + QStringLiteral("    if (send_all(fd, %1, sizeof %1 - 1) < 0)").arg(name)
                      << in + QStringLiteral("        return 1;");
            lines << in + QLatin1Char('}');
            break;
        case ScriptStep::Kind::ExpectRegex:
            lines << in + QStringLiteral("expect_re(fd, %1, %2);").arg(textLiteral(C, step.pattern)).arg(step.line);
            break;
        case ScriptStep::Kind::ExpectClose:
            lines << in + QStringLiteral("expect_close(fd, %1);").arg(step.line);
            break;
        case ScriptStep::Kind::Timeout:
            lines << in + QStringLiteral("expect_timeout_ms = %1;").arg(step.ms);
            break;
        case ScriptStep::Kind::Sleep:
            lines << in + QStringLiteral("pause_ms(fd, %1);").arg(step.ms);
            break;
        case ScriptStep::Kind::ShutdownWrite:
        case ScriptStep::Kind::ShutdownBoth:
            if (tls && !notified)
                lines << in + QStringLiteral("SSL_shutdown(ssl);");
            notified = true;
            lines << in + QStringLiteral("if (shutdown(fd, %1) < 0)")
                              .arg(step.kind == ScriptStep::Kind::ShutdownWrite ? QStringLiteral("SHUT_WR") : QStringLiteral("SHUT_RDWR"))
                  << in + QStringLiteral("    perror(\"shutdown\");");
            break;
        case ScriptStep::Kind::Close:
            closed = true;
            break;
        case ScriptStep::Kind::SetOption:
            lines << CodeParts::socketOptionLines(C, {step.option}, in, QStringLiteral("fd"), QStringLiteral("ai->ai_family"));
            break;
        }
        if (closed)
            break;
    }
    lines << QString() << in + QStringLiteral("fflush(stdout);");
    if (tls && !notified)
        lines << comment(CodeText::tr("close_notify, as SocketLab sends it, without waiting for the peer's."), in)
              << in + QStringLiteral("SSL_shutdown(ssl);");
    if (tls)
        lines << in + QStringLiteral("SSL_free(ssl);") << in + QStringLiteral("SSL_CTX_free(context);");
    lines << in + QStringLiteral("close(fd);") << in + QStringLiteral("free(received);")
          << in + QStringLiteral("freeaddrinfo(addresses);") << in + QStringLiteral("return 0;") << QStringLiteral("}");
    return CProgram::finish(lines);
}

} // namespace SocketLab::ConversationCode
