// "Show code" end to end: for each stop rule, over TCP, TLS and UDP, socketlab-cli makes the exchange,
// then prints its Python and C programs (--code), which are run against the same server: the bytes
// they write on standard output must be the very bytes SocketLab received. The servers are SocketLab's
// own (serve) and independent peers (tests/peers/), on loopback.
#include "clitestsupport.h"
#include "testcertificates.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;
using CliTest::Result;

namespace {

// The demo site dates its replies: a second may pass between two runs, so the Date field's value is
// set aside (its length kept) before comparing.
QByteArray withoutDate(QByteArray bytes)
{
    static const QRegularExpression date(u"Date: [^\r]*\r\n"_s);
    const QString latin = QString::fromLatin1(bytes);
    QRegularExpressionMatchIterator it = date.globalMatch(latin);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        bytes.replace(match.capturedStart() + 6, match.capturedLength() - 8, QByteArray(match.capturedLength() - 8, '*'));
    }
    return bytes;
}

// Every byte value, as --send escapes.
QString everyByte()
{
    QString text;
    for (int b = 0; b < 256; ++b)
        text += u"\\x%1"_s.arg(b, 2, 16, QLatin1Char('0'));
    return text;
}

} // namespace

class TestCliCode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameBytes_data();
    void sameBytes();
    void httpMalformed_data();
    void httpMalformed();
    void udpWaitEnds();
    void httpLargeReply();
    void tlsCloseNotify();
    void tlsHandshakeTimeout();
    void conversationSlowReader();
    void conversation_data();
    void conversation();
    void unmetExpectation();
    void compiles_data();
    void compiles();
    void badLanguage();
    void runOnlyOptionsAreRefused();

private:
    // The server a row names, started; its host's port, or 0.
    quint16 start(const QString &server, std::unique_ptr<CliTest::Background> *process);
    Result runProgram(const QString &code, bool python, bool tls, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;
    TestCertificates::Issued m_server;
};

void TestCliCode::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(CliTest::cliPath()), "SOCKETLAB_CLI must name socketlab-cli");
    m_certs = std::make_unique<TestCertificates>(m_dir.path());
    m_server = m_certs->signedByCa(u"server"_s);
}

quint16 TestCliCode::start(const QString &server, std::unique_ptr<CliTest::Background> *process)
{
    const QStringList words = server.split(u' ');
    const QString kind = words.constFirst();
    const QStringList rest = words.mid(1);
    if (kind == u"serve"_s) {
        QStringList arguments = rest;
        if (arguments.contains(u"--tls"_s))
            arguments << u"--cert"_s << m_server.certPath << u"--key"_s << m_server.keyPath;
        auto serve = std::make_unique<CliTest::Server>(arguments);
        const quint16 port = serve->port();
        *process = std::move(serve);
        return port;
    }
    QStringList arguments = rest;
    if (kind == u"tls_peer.py"_s)
        arguments << u"--cert"_s << m_server.certPath << u"--key"_s << m_server.keyPath;
    auto peer = std::make_unique<CliTest::Peer>(kind, arguments);
    const quint16 port = peer->port();
    *process = std::move(peer);
    return port;
}

Result TestCliCode::runProgram(const QString &code, bool python, bool tls, const QString &name)
{
    const QString source = m_dir.filePath(name + (python ? u".py"_s : u".c"_s));
    QFile file(source);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(code.toUtf8());
    file.close();
    if (python)
        return CliTest::python({source});
    const QString binary = m_dir.filePath(name);
    QStringList gcc{u"-Wall"_s, u"-Wextra"_s, u"-Werror"_s, u"-o"_s, binary, source};
    if (tls)
        gcc << u"-lssl"_s << u"-lcrypto"_s;
    const Result compiled = CliTest::run(u"gcc"_s, gcc);
    if (!compiled.finished || compiled.exitCode != 0) {
        Result failed = compiled;
        failed.exitCode = compiled.exitCode == 0 ? -1 : compiled.exitCode;
        failed.err.prepend("gcc: ");
        return failed;
    }
    return CliTest::run(binary, {});
}

void TestCliCode::sameBytes_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("arguments");
    // What the programs say on stderr as they stop: the stop rule took effect in them too, and did not
    // merely get the same bytes by waiting for the close.
    QTest::addColumn<QString>("reason");

    const QString get10 = u"GET / HTTP/1.0\\r\\n\\r\\n"_s;
    const QString get11 = u"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s;
    const QString chunked11 = u"GET /chunked HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s;
    const QString until = u"--until"_s;
    const QString send = u"--send"_s;

    // SocketLab's own servers.
    QTest::newRow("demo eof") << u"serve http"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, get10} << u"closed the connection"_s;
    QTest::newRow("demo http content-length") << u"serve http"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, get11, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("demo http chunked") << u"serve http"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, chunked11, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("demo http head") << u"serve http"_s << u"tcp"_s << u"127.0.0.1"_s
                                    << QStringList{send, u"HEAD / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("echo bytes, every byte") << u"serve echo"_s << u"tcp"_s << u"127.0.0.1"_s
                                            << QStringList{send, everyByte(), until, u"bytes:256"_s, u"--recv-size"_s, u"100"_s} << u"256 bytes read, as asked"_s;
    QTest::newRow("demo eof, options, local address, total timeout")
        << u"serve http"_s << u"tcp"_s << u"127.0.0.1"_s
        << QStringList{send, get10, u"--sockopt"_s, u"nodelay=1"_s, u"--sockopt"_s, u"linger=5"_s, u"--sockopt"_s,
                       u"ttl=32"_s, u"--local"_s, u"127.0.0.1:0"_s, u"--timeout"_s, u"20000"_s, u"-4"_s} << u"closed the connection"_s;
    // An independent peer.
    QTest::newRow("peer eof") << u"code_peer.py close"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, get10} << u"closed the connection"_s;
    QTest::newRow("peer http until close") << u"code_peer.py close"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, get10, until, u"http"_s} << u"closed the connection"_s;
    QTest::newRow("peer http content-length after 100") << u"code_peer.py length"_s << u"tcp"_s << u"127.0.0.1"_s
                                                        << QStringList{send, get11, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("peer http chunked") << u"code_peer.py chunked"_s << u"tcp"_s << u"127.0.0.1"_s
                                       << QStringList{send, get11, until, u"http"_s, u"--recv-size"_s, u"7"_s} << u"The HTTP response is complete"_s;
    // The framing as SocketLab's parser follows it: a tunnel ends at its header section, a
    // Transfer-Encoding other than chunked reads until the close whatever Content-Length says, a
    // Content-Length list of one value is that value, 204 and 304 have no body.
    QTest::newRow("peer http CONNECT 200, tunnel kept open")
        << u"code_peer.py connect"_s << u"tcp"_s << u"127.0.0.1"_s
        << QStringList{send, u"CONNECT example.org:443 HTTP/1.1\\r\\nHost: example.org:443\\r\\n\\r\\n"_s, until, u"http"_s}
        << u"The HTTP response is complete"_s;
    QTest::newRow("peer http gzip with a length") << u"code_peer.py gzip"_s << u"tcp"_s << u"127.0.0.1"_s
                                                  << QStringList{send, get11, until, u"http"_s} << u"closed the connection"_s;
    QTest::newRow("peer http length list") << u"code_peer.py list"_s << u"tcp"_s << u"127.0.0.1"_s
                                           << QStringList{send, get11, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("peer http 204") << u"code_peer.py 204"_s << u"tcp"_s << u"127.0.0.1"_s
                                   << QStringList{send, get11, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("peer http 304") << u"code_peer.py 304"_s << u"tcp"_s << u"127.0.0.1"_s
                                   << QStringList{send, get11, until, u"http"_s} << u"The HTTP response is complete"_s;
    // Nothing to send: the connect timeout must not outlive the connection.
    QTest::newRow("peer speaks after 2 s, empty request, connect timeout 1 s")
        << u"code_peer.py late"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{u"--connect-timeout"_s, u"1000"_s}
        << u"closed the connection"_s;
    QTest::newRow("peer bytes") << u"code_peer.py bytes"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, get10, until, u"bytes:70000"_s} << u"70000 bytes read, as asked"_s;
    QTest::newRow("peer idle") << u"code_peer.py idle"_s << u"tcp"_s << u"127.0.0.1"_s << QStringList{send, get10, until, u"idle:800"_s} << u"Nothing came for 800 ms"_s;
    QTest::newRow("peer size cap") << u"code_peer.py bytes"_s << u"tcp"_s << u"127.0.0.1"_s
                                   << QStringList{send, get10, u"--max-bytes"_s, u"5000"_s} << u"Size cap of 5000 bytes reached"_s;
    QTest::newRow("peer eof over IPv6") << u"code_peer.py close --family inet6"_s << u"tcp"_s << u"::1"_s
                                        << QStringList{send, get10, u"-6"_s} << u"closed the connection"_s;
    // TLS: SocketLab's server, then Python's ssl as an independent one.
    QTest::newRow("tls demo eof, by name") << u"serve --tls http"_s << u"tcp"_s << u"localhost"_s
                                           << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath, send, get10} << u"closed the connection"_s;
    QTest::newRow("tls demo http chunked, by address")
        << u"serve --tls http"_s << u"tcp"_s << u"127.0.0.1"_s
        << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath, send, chunked11, until, u"http"_s, u"--tls-min"_s, u"1.2"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("tls peer eof without close_notify, pinned")
        << u"tls_peer.py no-close-notify"_s << u"tcp"_s << u"127.0.0.1"_s
        << QStringList{u"--tls"_s, u"--pin"_s, QString::fromLatin1(m_server.sha256.toHex()), send, get10} << u"closed the connection"_s;
    QTest::newRow("tls peer http content-length") << u"tls_peer.py content-length --hold 1 --alpn http/1.1"_s << u"tcp"_s
                                                  << u"localhost"_s
                                                  << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath, send,
                                                                 get11, until, u"http"_s} << u"The HTTP response is complete"_s;
    QTest::newRow("tls peer http until close") << u"tls_peer.py close-notify"_s << u"tcp"_s << u"localhost"_s
                                               << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath, send,
                                                              get10, until, u"http"_s}
                                               << u"closed the connection"_s;
    QTest::newRow("tls peer bytes") << u"tls_peer.py bytes --bytes 50000"_s << u"tcp"_s << u"127.0.0.1"_s
                                    << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath, send, get10, until,
                                                   u"bytes:30000"_s} << u"30000 bytes read, as asked"_s;
    QTest::newRow("tls peer idle") << u"tls_peer.py chunked --hold 1"_s << u"tcp"_s << u"localhost"_s
                                   << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath, u"--servername"_s,
                                                  u"localhost"_s, send, get11, until, u"idle:400"_s} << u"Nothing came for 400 ms"_s;
    // UDP.
    QTest::newRow("udp echo, every byte") << u"serve udp-echo"_s << u"udp"_s << u"127.0.0.1"_s
                                          << QStringList{send, everyByte(), u"--wait"_s, u"300"_s} << u"The wait is over"_s;
    QTest::newRow("udp peer, two replies, connected") << u"udp_peer.py double"_s << u"udp"_s << u"127.0.0.1"_s
                                                      << QStringList{send, u"ping\\r\\n"_s, u"--wait"_s, u"2000"_s, u"--connect"_s, u"--count"_s, u"2"_s}
                                                      << u"2 datagrams received, as asked"_s;
    QTest::newRow("udp peer, cut datagrams, cap") << u"udp_peer.py big --size 3000"_s << u"udp"_s << u"127.0.0.1"_s
                                                  << QStringList{send, u"x"_s, u"--wait"_s, u"300"_s, u"--recv-size"_s,
                                                                 u"1000"_s, u"--max-bytes"_s, u"600"_s} << u"Size cap of 600 bytes reached"_s;
}

void TestCliCode::sameBytes()
{
    QFETCH(QString, server);
    QFETCH(QString, command);
    QFETCH(QString, host);
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);

    std::unique_ptr<CliTest::Background> process;
    const quint16 port = start(server, &process);
    QVERIFY2(port != 0, qPrintable(server));
    const QStringList exchange = QStringList{command, host, QString::number(port)} + arguments;
    const bool tls = arguments.contains(u"--tls"_s);

    const Result socketlab = CliTest::cli(exchange + QStringList{u"--format"_s, u"raw"_s});
    QVERIFY2(socketlab.finished && (socketlab.exitCode == 0 || socketlab.exitCode == 4), socketlab.describe().constData());
    QVERIFY2(!socketlab.out.isEmpty(), socketlab.describe().constData());
    const bool dated = server.endsWith(u"http"_s);
    const QByteArray expected = dated ? withoutDate(socketlab.out) : socketlab.out;

    for (const bool python : {true, false}) {
        const Result code = CliTest::cli(exchange + QStringList{u"--code"_s, python ? u"python"_s : u"c"_s});
        QVERIFY2(code.finished && code.exitCode == 0 && !code.out.isEmpty(), code.describe().constData());
        const Result program = runProgram(QString::fromUtf8(code.out), python, tls, u"exchange"_s);
        QVERIFY2(program.finished && program.exitCode == 0, (program.describe() + "\nprogram:\n" + code.out).constData());
        const QByteArray received = dated ? withoutDate(program.out) : program.out;
        if (received != expected) {
            qWarning().noquote() << (python ? "Python" : "C") << "received" << received.size() << "bytes, SocketLab"
                                 << expected.size() << "\nstderr:" << program.err;
        }
        QVERIFY2(received == expected, python ? "Python" : "C");
        QVERIFY2(program.err.contains(reason.toUtf8()), program.describe().constData());
    }
}

void TestCliCode::httpMalformed_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("request");
    QTest::newRow("not HTTP (an echo)") << u"serve echo"_s << u"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s;
    QTest::newRow("chunk size not hex") << u"code_peer.py badchunk"_s << u"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s;
}

void TestCliCode::httpMalformed()
{
    // A reply that breaks HTTP's framing stops SocketLab (EMALFORMED): the programs stop at the same
    // byte and fail, instead of waiting for the close.
    QFETCH(QString, server);
    QFETCH(QString, request);
    std::unique_ptr<CliTest::Background> process;
    const quint16 port = start(server, &process);
    QVERIFY(port != 0);
    const QStringList exchange{u"tcp"_s, u"127.0.0.1"_s, QString::number(port), u"--send"_s, request, u"--until"_s, u"http"_s};
    const Result socketlab = CliTest::cli(exchange + QStringList{u"--format"_s, u"raw"_s});
    QVERIFY2(socketlab.finished && socketlab.exitCode != 0 && socketlab.err.contains("EMALFORMED"), socketlab.describe().constData());
    for (const bool python : {true, false}) {
        const Result code = CliTest::cli(exchange + QStringList{u"--code"_s, python ? u"python"_s : u"c"_s});
        QVERIFY2(code.finished && code.exitCode == 0, code.describe().constData());
        const Result program = runProgram(QString::fromUtf8(code.out), python, false, u"malformed"_s);
        QVERIFY2(program.finished && program.exitCode == 1, (program.describe() + "\nprogram:\n" + code.out).constData());
        QVERIFY2(program.err.contains("not well-formed HTTP"), program.describe().constData());
        QCOMPARE(program.out, socketlab.out);
    }
}

void TestCliCode::httpLargeReply()
{
    // 64 MB in 16 KiB chunks: the Python program reads each byte once (it took minutes when it parsed
    // the whole reply again after each recv()).
    std::unique_ptr<CliTest::Background> peer;
    const quint16 port = start(u"code_peer.py huge --bytes 67108864"_s, &peer);
    QVERIFY(port != 0);
    const Result code = CliTest::cli({u"tcp"_s, u"127.0.0.1"_s, QString::number(port), u"--send"_s,
                                      u"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s, u"--until"_s, u"http"_s,
                                      u"--code"_s, u"python"_s});
    QVERIFY2(code.finished && code.exitCode == 0, code.describe().constData());
    const QString source = m_dir.filePath(u"large.py"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(code.out);
    file.close();
    QElapsedTimer timer;
    timer.start();
    const Result program = CliTest::run(CliTest::pythonPath(), {source}, 30000);
    QVERIFY2(program.finished && program.exitCode == 0, program.err.constData());
    QVERIFY2(program.err.contains("The HTTP response is complete"), program.err.constData());
    QVERIFY(program.out.size() > 67108864);
    qInfo("64 MB chunked reply read by the Python program in %lld ms", timer.elapsed());
    // Under a second here; the quadratic reading took 24 s.
    QVERIFY2(timer.elapsed() < 10000, "the Python program reads the reply in quadratic time");
}

void TestCliCode::udpWaitEnds()
{
    // Datagrams larger than the pipe, their reader away: the wait ends while the program is blocked
    // writing them out; once they are written it must stop, not wait again without a limit.
    CliTest::Peer peer(u"udp_peer.py"_s, {u"flood"_s, u"--count"_s, u"40"_s, u"--size"_s, u"60000"_s});
    QVERIFY(peer.port() != 0);
    for (const bool python : {true, false}) {
        const Result code = CliTest::cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"go"_s, u"--wait"_s,
                                          u"300"_s, u"--recv-size"_s, u"65536"_s, u"--code"_s, python ? u"python"_s : u"c"_s});
        QVERIFY2(code.finished && code.exitCode == 0, code.describe().constData());
        const QString name = python ? u"slowout.py"_s : u"slowout"_s;
        const QString source = m_dir.filePath(python ? name : name + u".c"_s);
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(code.out);
        file.close();
        QString program = CliTest::pythonPath();
        QStringList arguments{source};
        if (!python) {
            const Result compiled = CliTest::run(u"gcc"_s, {u"-Wall"_s, u"-Wextra"_s, u"-Werror"_s, u"-o"_s, m_dir.filePath(name), source});
            QVERIFY2(compiled.exitCode == 0, compiled.describe().constData());
            program = m_dir.filePath(name);
            arguments.clear();
        }
        QProcess process;
        process.start(program, arguments);
        QVERIFY(process.waitForStarted());
        // No event loop: standard output is not read for a second, past the wait.
        QThread::msleep(1000);
        QVERIFY2(process.waitForFinished(10000), python ? "Python" : "C");
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().contains("The wait is over"));
        QVERIFY(process.readAllStandardOutput().size() >= 60000);
    }
}

void TestCliCode::tlsCloseNotify()
{
    // SocketLab ends its TLS side with close_notify; so do the programs, over TCP and in a conversation.
    std::unique_ptr<CliTest::Background> peer;
    const quint16 port = start(u"tls_peer.py await-close"_s, &peer);
    QVERIFY(port != 0);
    const QStringList tls{u"127.0.0.1"_s, QString::number(port), u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath};
    const QStringList tcp = QStringList{u"tcp"_s} + tls
                            + QStringList{u"--send"_s, u"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n"_s, u"--until"_s, u"http"_s};
    const QString script = m_dir.filePath(u"tls-script.txt"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("send GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n\nexpect Hello over TLS\n");
    file.close();
    const QStringList talk = QStringList{u"talk"_s} + tls + QStringList{u"--script"_s, script};
    auto verdict = [&peer]() {
        QProcess &process = peer->process();
        const QDeadlineTimer deadline(15000);
        while (!process.canReadLine() && !deadline.hasExpired())
            process.waitForReadyRead(200);
        return process.readLine().trimmed();
    };
    for (const QStringList &exchange : {tcp, talk}) {
        const Result socketlab = CliTest::cli(exchange + (exchange == tcp ? QStringList{u"--format"_s, u"raw"_s} : QStringList{}));
        QVERIFY2(socketlab.finished && socketlab.exitCode == 0, socketlab.describe().constData());
        QCOMPARE(verdict(), QByteArray("close_notify"));
        for (const bool python : {true, false}) {
            const Result code = CliTest::cli(exchange + QStringList{u"--code"_s, python ? u"python"_s : u"c"_s});
            QVERIFY2(code.finished && code.exitCode == 0, code.describe().constData());
            const Result program = runProgram(QString::fromUtf8(code.out), python, true, u"notify"_s);
            QVERIFY2(program.finished && program.exitCode == 0, (program.describe() + "\nprogram:\n" + code.out).constData());
            QCOMPARE(program.out, socketlab.out);
            QVERIFY2(verdict() == "close_notify", python ? "Python" : "C");
        }
    }
}

void TestCliCode::tlsHandshakeTimeout()
{
    // A server that never answers the handshake: the C program says the time ran out, not "ok".
    std::unique_ptr<CliTest::Background> peer;
    const quint16 port = start(u"code_peer.py late"_s, &peer);
    QVERIFY(port != 0);
    const Result code = CliTest::cli({u"tcp"_s, u"127.0.0.1"_s, QString::number(port), u"--tls"_s, u"--connect-timeout"_s,
                                      u"500"_s, u"--code"_s, u"c"_s});
    QVERIFY2(code.finished && code.exitCode == 0, code.describe().constData());
    const Result program = runProgram(QString::fromUtf8(code.out), false, true, u"handshake"_s);
    QVERIFY2(program.finished && program.exitCode == 1, program.describe().constData());
    QVERIFY2(program.err.contains("TLS handshake failed: no reply within the connect timeout."), program.describe().constData());
}

void TestCliCode::conversationSlowReader()
{
    // receive() leaves a short timeout on the socket: the 8 MB send after a sleep must not inherit it
    // while the peer takes 1.5 s to start reading.
    std::unique_ptr<CliTest::Background> peer;
    const quint16 port = start(u"code_peer.py slowread"_s, &peer);
    QVERIFY(port != 0);
    const QString script = m_dir.filePath(u"slow.txt"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sleep 100\nsend " + QByteArray(8 * 1024 * 1024, 'a') + "\nshutdown wr\ntimeout 10000\nexpect-close\n");
    file.close();
    const QStringList exchange{u"talk"_s, u"127.0.0.1"_s, QString::number(port), u"--script"_s, script};
    const Result socketlab = CliTest::cli(exchange);
    QVERIFY2(socketlab.finished && socketlab.exitCode == 0, socketlab.describe().constData());
    QCOMPARE(socketlab.out, QByteArray("read 8388608\n"));
    for (const bool python : {true, false}) {
        const Result code = CliTest::cli(exchange + QStringList{u"--code"_s, python ? u"python"_s : u"c"_s});
        QVERIFY2(code.finished && code.exitCode == 0, code.describe().left(2000).constData());
        const Result program = runProgram(QString::fromUtf8(code.out), python, false, u"slow"_s);
        QVERIFY2(program.finished && program.exitCode == 0, program.describe().left(4000).constData());
        QCOMPARE(program.out, socketlab.out);
    }
}

void TestCliCode::conversation_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("script");
    const QByteArray tcpScript = "# a conversation\nsend hello\\r\\n\nexpect hello\ntimeout 2000\nsend-hex 00 ff 7f\n"
                                 "expect \\x00\\xff\nsleep 100\nsockopt nodelay=1\nsend world\nexpect-re w.r\nshutdown wr\n"
                                 "expect-close\n";
    QTest::newRow("tcp echo") << u"serve echo"_s << QStringList{} << tcpScript;
    QTest::newRow("tls echo") << u"serve --tls echo"_s << QStringList{u"--tls"_s, u"--ca-file"_s, m_certs->ca().certPath}
                              << tcpScript;
    QTest::newRow("udp echo") << u"serve udp-echo"_s << QStringList{u"--udp"_s}
                              << QByteArray("send ping\nexpect ping\nsend-hex 00 ff\nexpect \\x00\\xff\nsleep 100\n");
}

void TestCliCode::conversation()
{
    // A script against an echo server: what the programs write is what talk itself received.
    QFETCH(QString, server);
    QFETCH(QStringList, options);
    QFETCH(QByteArray, script);
    std::unique_ptr<CliTest::Background> process;
    const quint16 port = start(server, &process);
    QVERIFY(port != 0);
    const QString path = m_dir.filePath(u"script.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script);
    file.close();
    const QStringList talk = QStringList{u"talk"_s, u"127.0.0.1"_s, QString::number(port)} + options
                             + QStringList{u"--script"_s, path};
    const Result socketlab = CliTest::cli(talk);
    QVERIFY2(socketlab.finished && socketlab.exitCode == 0 && !socketlab.out.isEmpty(), socketlab.describe().constData());
    for (const bool python : {true, false}) {
        const Result code = CliTest::cli(talk + QStringList{u"--code"_s, python ? u"python"_s : u"c"_s});
        QVERIFY2(code.finished && code.exitCode == 0, code.describe().constData());
        const Result program = runProgram(QString::fromUtf8(code.out), python, options.contains(u"--tls"_s), u"conversation"_s);
        QVERIFY2(program.finished && program.exitCode == 0, (program.describe() + "\nprogram:\n" + code.out).constData());
        QCOMPARE(program.out, socketlab.out);
    }
}

void TestCliCode::unmetExpectation()
{
    // An expectation that is never met ends the program with an error, as talk's does.
    const CliTest::Server echo({u"echo"_s});
    QVERIFY(echo.port() != 0);
    const QString script = m_dir.filePath(u"unmet.txt"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("send ping\ntimeout 300\nexpect pong\n");
    file.close();
    for (const bool python : {true, false}) {
        const Result code = CliTest::cli({u"talk"_s, u"127.0.0.1"_s, echo.service(), u"--script"_s, script, u"--code"_s,
                                          python ? u"python"_s : u"c"_s});
        const Result program = runProgram(QString::fromUtf8(code.out), python, false, u"unmet"_s);
        QVERIFY2(program.finished && program.exitCode == 1, program.describe().constData());
        QVERIFY2(program.err.contains("Script line 3"), program.describe().constData());
    }
}

void TestCliCode::compiles_data()
{
    // Every setting that changes the program, run nowhere: the C compiles without a warning, the
    // Python compiles.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("script");

    const QString get10 = u"GET / HTTP/1.0\\r\\n\\r\\n"_s;
    // A path the literals must quote.
    const QString oddCaFile = m_dir.filePath(u"it's \"here\" \\ é.pem"_s);
    QFile::copy(m_certs->ca().certPath, oddCaFile);
    QTest::newRow("tcp, every socket option") << QStringList{u"tcp"_s, u"localhost"_s, u"http"_s, u"--send"_s, get10,
                                                              u"--sockopt"_s, u"ttl=9"_s, u"--sockopt"_s, u"tos=16"_s,
                                                              u"--sockopt"_s, u"v6only=1"_s, u"--sockopt"_s, u"linger=off"_s,
                                                              u"--sockopt"_s, u"reuseaddr=1"_s, u"--sockopt"_s, u"reuseport=1"_s,
                                                              u"--sockopt"_s, u"keepalive=1"_s, u"--sockopt"_s, u"keepidle=5"_s,
                                                              u"--sockopt"_s, u"keepintvl=2"_s, u"--sockopt"_s, u"keepcnt=3"_s,
                                                              u"--sockopt"_s, u"rcvbuf=100000"_s, u"--sockopt"_s, u"sndbuf=100000"_s,
                                                              u"--sockopt"_s, u"nodelay=1"_s, u"--local"_s, u"[::1]:0"_s,
                                                              u"--connect-timeout"_s, u"0"_s}
                                              << QString();
    QTest::newRow("tcp, empty request, every limit") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"7"_s, u"--until"_s, u"idle:100"_s,
                                                                     u"--timeout"_s, u"3000"_s, u"--max-bytes"_s, u"10"_s,
                                                                     u"--recv-size"_s, u"1"_s}
                                                     << QString();
    QTest::newRow("tls, every option") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"443"_s, u"--tls"_s, u"--servername"_s,
                                                      u"example.org"_s, u"--alpn"_s, u"h2,http/1.1"_s, u"--tls-min"_s, u"1.3"_s,
                                                      u"--pin"_s, QString(64, u'a'),
                                                      u"--timeout"_s, u"5000"_s, u"--until"_s, u"bytes:10"_s, u"--send"_s, get10}
                                       << QString();
    QTest::newRow("tls, no ALPN, no connect timeout, http") << QStringList{u"tcp"_s, u"localhost"_s, u"443"_s, u"--tls"_s, u"--alpn"_s,
                                                                           u""_s, u"--ca-file"_s, oddCaFile,
                                                                           u"--connect-timeout"_s, u"0"_s, u"--until"_s,
                                                                           u"http"_s, u"--timeout"_s, u"100"_s, u"--send"_s, get10}
                                                            << QString();
    QTest::newRow("udp, every option") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"9"_s, u"--bind"_s, u"5555"_s,
                                                      u"--multicast-ttl"_s, u"3"_s, u"--multicast-loop"_s, u"0"_s,
                                                      u"--multicast-if"_s, u"lo"_s, u"--broadcast"_s, u"--count"_s, u"3"_s,
                                                      u"--max-bytes"_s, u"100"_s, u"--sockopt"_s, u"ttl=4"_s, u"-4"_s}
                                       << QString();
    QTest::newRow("udp, local address, connected") << QStringList{u"udp"_s, u"::1"_s, u"9"_s, u"--local"_s, u"[::1]:0"_s,
                                                                  u"--connect"_s, u"--send"_s, u""_s}
                                                   << QString();
    const QString everyStep = u"send a\\x00b\nsend-hex ff 00\nexpect ok\nexpect-re ^[0-9]+ \"x\"\nexpect-close\n"
                              "timeout 100\nsleep 10\nsockopt ttl=3\nshutdown wr\nshutdown rdwr\nclose\n"_s;
    QTest::newRow("talk tcp, every step") << QStringList{u"talk"_s, u"localhost"_s, u"7"_s, u"--sockopt"_s, u"nodelay=1"_s}
                                          << everyStep;
    QTest::newRow("talk tls, every step") << QStringList{u"talk"_s, u"localhost"_s, u"7"_s, u"--tls"_s, u"--pin"_s, QString(64, u'b')}
                                          << everyStep;
    QTest::newRow("talk udp") << QStringList{u"talk"_s, u"127.0.0.1"_s, u"7"_s, u"--udp"_s, u"--local"_s, u"127.0.0.1:0"_s}
                              << u"send x\nexpect y\nsleep 10\n"_s;
    // A helper's name inside a payload or a script is no call to it: the unused helper still goes.
    const QString names = u"now_ms wait_for address_text bind_to time_left connect_within readable read_some send_all "
                          "ssl head_end line_end chunks_complete field response_complete http_feed deadline unmet "
                          "expect expect_re expect_close pause_ms receive received match_from peer_closed"_s;
    QTest::newRow("tcp, helper names in the payload") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"7"_s, u"--send"_s, names}
                                                      << QString();
    QTest::newRow("tls, helper names in the payload")
        << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"7"_s, u"--tls"_s, u"--send"_s, names, u"--until"_s, u"bytes:3"_s} << QString();
    QTest::newRow("udp, helper names in the payload") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"7"_s, u"--send"_s, names}
                                                      << QString();
    QTest::newRow("talk, helper names in a send") << QStringList{u"talk"_s, u"127.0.0.1"_s, u"7"_s}
                                                  << u"send "_s + names + u"\n"_s;
    QTest::newRow("talk, sends only") << QStringList{u"talk"_s, u"127.0.0.1"_s, u"7"_s} << u"send x\n"_s;
}

void TestCliCode::compiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, script);
    const bool tls = arguments.contains(u"--tls"_s);
    if (!script.isEmpty()) {
        const QString path = m_dir.filePath(u"steps.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.toUtf8());
        file.close();
        arguments << u"--script"_s << path;
    }
    const Result python = CliTest::cli(arguments + QStringList{u"--code"_s, u"python"_s});
    QVERIFY2(python.finished && python.exitCode == 0, python.describe().constData());
    const QString source = m_dir.filePath(u"compiled.py"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(python.out);
    file.close();
    const Result pyCompiled = CliTest::python({u"-m"_s, u"py_compile"_s, source});
    QVERIFY2(pyCompiled.exitCode == 0, (pyCompiled.describe() + "\nprogram:\n" + python.out).constData());

    const Result c = CliTest::cli(arguments + QStringList{u"--code"_s, u"c"_s});
    QVERIFY2(c.finished && c.exitCode == 0, c.describe().constData());
    // The build line in the header names the file Show code saves it as.
    const QString command = arguments.constFirst();
    const QString base = command == u"talk"_s ? u"conversation"_s
                         : command == u"udp"_s ? u"udp_exchange"_s
                         : tls                 ? u"tls_exchange"_s
                                               : u"tcp_exchange"_s;
    QVERIFY2(c.out.contains(u"gcc -Wall -Wextra -Werror -o %1 %1.c"_s.arg(base).toUtf8()), c.out.left(600).constData());
    const QString cSource = m_dir.filePath(u"compiled.c"_s);
    QFile cFile(cSource);
    QVERIFY(cFile.open(QIODevice::WriteOnly));
    cFile.write(c.out);
    cFile.close();
    QStringList gcc{u"-Wall"_s, u"-Wextra"_s, u"-Werror"_s, u"-o"_s, m_dir.filePath(u"compiled"_s), cSource};
    if (tls)
        gcc << u"-lssl"_s << u"-lcrypto"_s;
    const Result cCompiled = CliTest::run(u"gcc"_s, gcc);
    QVERIFY2(cCompiled.exitCode == 0, (cCompiled.describe() + "\nprogram:\n" + c.out).constData());
}

void TestCliCode::badLanguage()
{
    const Result result = CliTest::cli({u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--code"_s, u"rust"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("Unknown --code \"rust\": use python or c."), result.describe().constData());
    QVERIFY(result.out.isEmpty());
    const Result talk = CliTest::cli({u"talk"_s, u"127.0.0.1"_s, u"80"_s, u"--code"_s, u"c"_s});
    QCOMPARE(talk.exitCode, 2);
    QVERIFY2(talk.err.contains("--script"), talk.describe().constData());
}

void TestCliCode::runOnlyOptionsAreRefused()
{
    // A capture, a report or an explanation needs the exchange to run: beside --code, said, not dropped.
    const QString pcap = m_dir.filePath(u"never.pcapng"_s);
    const QList<QStringList> cases = {
        {u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--code"_s, u"python"_s, u"--pcap"_s, pcap},
        {u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--explain"_s, u"--code"_s, u"c"_s},
        {u"udp"_s, u"127.0.0.1"_s, u"7"_s, u"--code"_s, u"python"_s, u"--report"_s, pcap},
        {u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--code"_s, u"python"_s, u"--format"_s, u"raw"_s},
    };
    for (const QStringList &arguments : cases) {
        const Result result = CliTest::cli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("--code prints a program and runs nothing"), result.describe().constData());
        QVERIFY(result.out.isEmpty());
    }
    QVERIFY(!QFile::exists(pcap));
}

QTEST_GUILESS_MAIN(TestCliCode)
#include "tst_clicode.moc"
