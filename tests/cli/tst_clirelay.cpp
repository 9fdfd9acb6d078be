#include "clitestsupport.h"
#include "freeport.h"
#include "hexdumpcheck.h"
#include "nginxprocess.h"
#include "testcertificates.h"

#include "../core/blockingclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <random>

using namespace CliTest;
using namespace Qt::StringLiterals;

// socketlab-cli relay between peers SocketLab's code has no part in: the Python clients and servers
// of tests/peers/relay_peer.py, plain blocking sockets, and curl in front of nginx. What goes through
// must come out byte for byte, a FIN as a FIN, a reset as a reset, and what the CLI prints must add
// up to what went through.

namespace {

// Bytes no text could pass for: every byte value first, then a seeded random run.
QByteArray binary(qsizetype size, unsigned seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    std::mt19937 random(seed);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i < 256 ? i : random() & 0xff);
    return bytes;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

SocketLab::SocketAddress loopback(quint16 port)
{
    return *SocketLab::SocketAddress::fromNumeric(u"127.0.0.1"_s, port);
}

// The next line a peer prints, trimmed; empty if none comes in time.
QByteArray nextLine(QProcess &process, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine() && process.state() == QProcess::Running && !deadline.hasExpired())
        process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    return process.readLine().trimmed();
}

// How one recv() on a blocking socket ended: 0 at EOF, the errno of a failure (EAGAIN: the timeout),
// or -1 when bytes came.
int recvOutcome(int fd)
{
    char byte;
    ssize_t n;
    do {
        n = ::recv(fd, &byte, 1, 0);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? errno : n == 0 ? 0 : -1;
}

// Closes with a reset: SO_LINGER on with a zero timeout.
void resetClose(BlockingClient &client)
{
    const linger hard{1, 0};
    ::setsockopt(client.fd(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    client.close();
}

// Whether a byte arrives within timeoutMs.
bool readable(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, timeoutMs) > 0;
}

// The text format's C escapes undone: \r \n \t \0 \\ \" \xNN; every other byte stands for itself.
// Empty with *ok false on an escape the format does not have; *bareQuote tells a '"' left unescaped.
QByteArray unescape(const QByteArray &text, bool *ok, bool *bareQuote)
{
    QByteArray bytes;
    *ok = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '\\') {
            if (c == '"')
                *bareQuote = true;
            bytes += c;
            continue;
        }
        if (++i >= text.size()) {
            *ok = false;
            return {};
        }
        switch (text.at(i)) {
        case 'r': bytes += '\r'; break;
        case 'n': bytes += '\n'; break;
        case 't': bytes += '\t'; break;
        case '0': bytes += '\0'; break;
        case '\\': bytes += '\\'; break;
        case '"': bytes += '"'; break;
        case 'x': {
            const QByteArray digits = text.mid(i + 1, 2);
            bool hex = false;
            const int value = digits.toInt(&hex, 16);
            if (digits.size() != 2 || !hex) {
                *ok = false;
                return {};
            }
            bytes += char(value);
            i += 2;
            break;
        }
        default:
            *ok = false;
            return {};
        }
    }
    return bytes;
}

// One direction of one connection as the text (or hexdump) output tells it: its byte chunks in
// order, each at the offset where the previous one ended, their times never going back.
struct Flow
{
    QByteArray bytes;     // the chunks' bytes put together (text format: unescaped; hexdump: from the rows)
    qint64 sizes = 0;     // the sizes the lines claim, added up
    int chunks = 0;
    qsizetype rows = 0;   // hexdump: the rows read
    QString problem;      // the first line that does not add up; empty if all do
    bool bareQuote = false;  // text: a '"' byte printed as is, not as \" (the bytes still read back)
};

const QRegularExpression &dataLinePattern()
{
    static const QRegularExpression pattern(
        uR"re(^#(\d+) (-->|<--) @(\d+) \+(\d+(?:\.\d+)?) ms (datagram of )?([\d,]+) bytes?(?: "(.*)")?$)re"_s);
    return pattern;
}

const QRegularExpression &hexRowPattern()
{
    static const QRegularExpression pattern(u"^[0-9a-f]{8}  "_s);
    return pattern;
}

// lines: the CLI's stdout; text: the bytes are the quoted part of each line; else the hex rows after it.
Flow flowOf(const QList<QByteArray> &lines, int connection, const QString &arrow, bool text = true)
{
    Flow flow;
    double lastTime = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromLatin1(lines.at(i));
        const QRegularExpressionMatch match = dataLinePattern().match(line);
        if (!match.hasMatch() || match.captured(1).toInt() != connection || match.captured(2) != arrow)
            continue;
        const qint64 offset = match.captured(3).toLongLong();
        const double time = match.captured(4).toDouble();
        const qint64 size = match.captured(6).remove(u',').toLongLong();
        if (offset != flow.sizes && flow.problem.isEmpty())
            flow.problem = u"offset %1 where %2 bytes went before: %3"_s.arg(offset).arg(flow.sizes).arg(line.left(200));
        if (time < lastTime && flow.problem.isEmpty())
            flow.problem = u"time goes back: %1"_s.arg(line.left(200));
        lastTime = time;
        QByteArray chunk;
        if (text) {
            bool ok = false;
            chunk = unescape(match.captured(7).toLatin1(), &ok, &flow.bareQuote);
            if (!ok && flow.problem.isEmpty())
                flow.problem = u"not the format's escapes: %1"_s.arg(line.left(200));
        } else {
            QStringList rows;
            while (i + 1 < lines.size() && hexRowPattern().match(QString::fromLatin1(lines.at(i + 1))).hasMatch())
                rows.append(QString::fromLatin1(lines.at(++i)));
            // The rows' offsets count the direction's bytes, starting at this chunk's.
            for (const QString &row : std::as_const(rows)) {
                const QByteArray rowBytes = QByteArray::fromHex(row.mid(10, 49).toLatin1());
                if (row != hexRow(offset + chunk.size(), rowBytes) && flow.problem.isEmpty())
                    flow.problem = u"hex row not as hexdump -C writes it at offset %1: %2"_s.arg(offset + chunk.size()).arg(row);
                chunk += rowBytes;
            }
            flow.rows += rows.size();
        }
        if (chunk.size() != size && flow.problem.isEmpty())
            flow.problem = u"%1 bytes shown for %2: %3"_s.arg(chunk.size()).arg(size).arg(line.left(200));
        flow.bytes += chunk;
        flow.sizes += size;
        ++flow.chunks;
    }
    return flow;
}

// socketlab-cli relay ARGS, its stdout and stderr in files of their own: it never waits for the test
// to read a pipe, whatever it prints, and the test may block in a socket call meanwhile.
class RelayCli
{
public:
    explicit RelayCli(const QStringList &arguments)
    {
        m_out.setFileName(m_dir.filePath(u"stdout"_s));
        m_process.setProcessEnvironment(environment());
        m_process.setStandardOutputFile(m_out.fileName());
        m_process.setStandardErrorFile(m_dir.filePath(u"stderr"_s));
        m_process.start(cliPath(), QStringList{u"relay"_s} + arguments);
        if (!m_process.waitForStarted(10000))
            return;
        static const QRegularExpression address(uR"re(^Relaying 127\.0\.0\.1:(\d+) to |"address":"127\.0\.0\.1:(\d+)")re"_s);
        if (waitForLine(uR"re(^Relaying |"event":"listening")re"_s, 20000)) {
            const QRegularExpressionMatch match = address.match(QString::fromLatin1(m_lines.constFirst()));
            m_port = quint16((match.captured(1) + match.captured(2)).toUInt());
        }
    }

    ~RelayCli()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    RelayCli(const RelayCli &) = delete;
    RelayCli &operator=(const RelayCli &) = delete;

    quint16 port() const { return m_port; }
    QString service() const { return QString::number(m_port); }
    qint64 pid() const { return m_process.processId(); }

    // Every whole line so far.
    const QList<QByteArray> &lines()
    {
        readNew();
        return m_lines;
    }

    // Waits for a line matching pattern (searched from the first line each call); its match.
    QRegularExpressionMatch waitForMatch(const QString &pattern, int timeoutMs = 10000)
    {
        const QRegularExpression expression(pattern);
        const QDeadlineTimer deadline(timeoutMs);
        qsizetype searched = 0;
        for (;;) {
            readNew();
            for (; searched < m_lines.size(); ++searched) {
                QRegularExpressionMatch match = expression.match(QString::fromLatin1(m_lines.at(searched)));
                if (match.hasMatch())
                    return match;
            }
            if (deadline.hasExpired() || m_process.state() != QProcess::Running)
                return {};
            m_process.waitForFinished(20);
        }
    }
    bool waitForLine(const QString &pattern, int timeoutMs = 10000) { return waitForMatch(pattern, timeoutMs).hasMatch(); }

    // Sends the signal and waits: the exit code, or -1 if it crashed or did not end.
    int stop(int signal = SIGINT)
    {
        if (m_process.state() != QProcess::Running)
            return -1;
        ::kill(pid_t(m_process.processId()), signal);
        const bool ended = m_process.waitForFinished(20000) && m_process.exitStatus() == QProcess::NormalExit;
        readNew();
        return ended ? m_process.exitCode() : -1;
    }

    QByteArray errors() const
    {
        QFile file(m_dir.filePath(u"stderr"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // For failure messages: the output's first and last lines, and stderr.
    QByteArray describe()
    {
        readNew();
        const qsizetype n = m_lines.size();
        QList<QByteArray> shown = n <= 40 ? m_lines : m_lines.mid(0, 20) + QList<QByteArray>{"..."} + m_lines.mid(n - 20);
        for (QByteArray &line : shown)
            line.truncate(300);
        return "stdout:\n" + shown.join('\n') + "\nstderr:\n" + errors().left(2000);
    }

private:
    void readNew()
    {
        if (!m_out.isOpen() && !m_out.open(QIODevice::ReadOnly))
            return;
        m_pending += m_out.readAll();
        qsizetype start = 0;
        for (qsizetype end; (end = m_pending.indexOf('\n', start)) >= 0; start = end + 1)
            m_lines.append(m_pending.mid(start, end - start));
        m_pending.remove(0, start);
    }

    QTemporaryDir m_dir;
    QFile m_out;
    QProcess m_process;
    QByteArray m_pending;
    QList<QByteArray> m_lines;
    quint16 m_port = 0;
};

// A count as a pattern: the CLI writes counts for people, grouped by thousands ("127,973 bytes").
QString count(qint64 n)
{
    QString digits = QString::number(n);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u",?"_s);
    return digits;
}

// The totals line after SIGINT, "Stopped. 3 connections (1 refused, 1 failed); 36 bytes to targets,
// 240 to clients.", as a pattern (a second "bytes" let through: it reads as well).
QString totalsPattern(int connections, int refused, int failed, qint64 toTargets, qint64 toClients)
{
    return uR"re(^Stopped\. %1 connections? \(%2 refused, %3 failed\); %4 bytes? to targets, %5(?: bytes?)? to clients\.$)re"_s
        .arg(count(connections), count(refused), count(failed), count(toTargets), count(toClients));
}

// The end of a connection, whatever the line counts.
QString closedPattern(int connection)
{
    return uR"re(^#%1 closed: )re"_s.arg(connection);
}

// Whether the object has every one of the spec's keys (a comma-separated list); more are let through.
bool hasKeys(const QJsonObject &object, const QString &keys)
{
    for (const QString &key : keys.split(u','))
        if (!object.contains(key))
            return false;
    return true;
}

} // namespace

class TestCliRelay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void bytesExactBothWays();
    void bothWaysAtOnce();
    void halfClosePassedOn();
    void targetHalfClosesFirst();
    void resetFromTargetPassedOn();
    void resetFromClientPassedOn();
    void targetRefused();
    void fiftyConcurrentConnections();
    void delay_data();
    void delay();
    void pauseToClient();
    void pauseToTarget();
    void closedLineCountsWhatWentOn_data();
    void closedLineCountsWhatWentOn();
    void rateToTarget();
    void rateToClient();
    void finWaitsForDelayedBytes();
    void targetTimesOut();
    void maxConnections();
    void udpRelay();
    void udpEmptyDatagram();
    void udpTargetUnreachable();
    void jsonFormat();
    void jsonTargetRefused();
    void tlsTargetWithoutCloseNotify();
    void hexdumpFormat();
    void nginxBehindRelay();

private:
    QTemporaryDir m_dir;
};

void TestCliRelay::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "SOCKETLAB_CLI is not set: run this test through CTest");
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    QVERIFY(QFileInfo::exists(peerScript(u"relay_peer.py"_s)));
    QVERIFY(m_dir.isValid());
}

void TestCliRelay::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");

    QTest::newRow("no target port") << QStringList{u"0"_s, u"127.0.0.1"_s} << QString();
    QTest::newRow("--max-connections 0") << QStringList{u"0"_s, u"127.0.0.1"_s, u"9"_s, u"--max-connections"_s, u"0"_s}
                                         << u"--max-connections"_s;
    QTest::newRow("--format xml") << QStringList{u"0"_s, u"127.0.0.1"_s, u"9"_s, u"--format"_s, u"xml"_s} << u"--format"_s;
    QTest::newRow("--rate-to-target -1") << QStringList{u"0"_s, u"127.0.0.1"_s, u"9"_s, u"--rate-to-target"_s, u"-1"_s}
                                         << u"--rate-to-target"_s;
    QTest::newRow("--udp --tls-to-target") << QStringList{u"0"_s, u"127.0.0.1"_s, u"9"_s, u"--udp"_s, u"--tls-to-target"_s}
                                           << QString();
}

// Exit 2, one sentence on stderr naming the option, and nothing relayed.
void TestCliRelay::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Result result = cli(QStringList{u"relay"_s} + arguments, 20000);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(!result.err.trimmed().isEmpty() && !result.err.trimmed().contains('\n'), result.describe().constData());
    if (!named.isEmpty())
        QVERIFY2(result.err.contains(named.toUtf8()), result.describe().constData());
    QVERIFY2(!result.out.contains("Relaying"), result.describe().constData());
}

// A few MB each way, every byte value, through the relay: the server gets exactly what the client
// sent, the client exactly what the server answered; the text lines' offsets and sizes add up to
// both, their escaped bytes are those bytes, and the closed and totals lines say the same.
void TestCliRelay::bytesExactBothWays()
{
    const QByteArray request = binary(3 * 1024 * 1024 + 17, 1);
    const QByteArray reply = binary(1024 * 1024 + 5, 2);
    const QString requestFile = m_dir.filePath(u"exact-request"_s);
    const QString replyFile = m_dir.filePath(u"exact-reply"_s);
    QVERIFY(writeFile(requestFile, request));
    QVERIFY(writeFile(replyFile, reply));

    Peer server(u"relay_peer.py"_s, {u"sink"_s, u"--reply-file"_s, replyFile});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service()});
    QVERIFY2(relay.port(), relay.describe().constData());
    QVERIFY2(relay.lines().constFirst() == "Relaying 127.0.0.1:" + relay.service().toLatin1() + " to 127.0.0.1:"
                 + server.service().toLatin1() + " (TCP). Stop with Ctrl+C.",
             relay.describe().constData());

    const Result client = python({peerScript(u"relay_peer.py"_s), u"client"_s, relay.service(), u"--send-file"_s, requestFile});
    QVERIFY2(client.finished && client.exitCode == 0, client.describe().constData());
    QCOMPARE(client.out, "sent " + QByteArray::number(request.size()) + ' ' + sha256(request) + "\nreceived "
                             + QByteArray::number(reply.size()) + ' ' + sha256(reply) + '\n');
    QCOMPARE(nextLine(server.process()), "conn 1 received " + QByteArray::number(request.size()) + ' ' + sha256(request));

    const QRegularExpressionMatch connected = relay.waitForMatch(uR"re(^#1 client 127\.0\.0\.1:(\d+) connected to target 127\.0\.0\.1:%1$)re"_s.arg(server.port()));
    QVERIFY2(connected.hasMatch(), relay.describe().constData());
    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 0, request.size(), reply.size())), relay.describe().constData());

    const Flow toTarget = flowOf(relay.lines(), 1, u"-->"_s);
    QVERIFY2(toTarget.problem.isEmpty(), qPrintable(toTarget.problem));
    QCOMPARE(toTarget.sizes, qint64(request.size()));
    QVERIFY2(toTarget.bytes == request, "the --> lines' bytes are not the request");
    const Flow toClient = flowOf(relay.lines(), 1, u"<--"_s);
    QVERIFY2(toClient.problem.isEmpty(), qPrintable(toClient.problem));
    QCOMPARE(toClient.sizes, qint64(reply.size()));
    QVERIFY2(toClient.bytes == reply, "the <-- lines' bytes are not the reply");
    QVERIFY2(relay.lines().contains("#1 --> FIN: shutdown(SHUT_WR) passed on to the target"), relay.describe().constData());
    QVERIFY2(relay.lines().contains("#1 <-- FIN: shutdown(SHUT_WR) passed on to the client"), relay.describe().constData());
    // Both carry 0x22: the spec escapes it.
    QVERIFY2(!toTarget.bareQuote && !toClient.bareQuote, "a \" byte (0x22) is printed bare inside the quotes, not as \\\"");
}

// Both ways at once: an echo server sends 4 MB back while the client is still sending them; every
// byte comes back in order, and the printed lines of both ways add up to them.
void TestCliRelay::bothWaysAtOnce()
{
    const QByteArray bytes = binary(4 * 1024 * 1024, 11);
    const QString file = m_dir.filePath(u"echo-bytes"_s);
    QVERIFY(writeFile(file, bytes));
    Peer server(u"relay_peer.py"_s, {u"echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service()});
    QVERIFY2(relay.port(), relay.describe().constData());

    const Result client = python({peerScript(u"relay_peer.py"_s), u"client"_s, relay.service(), u"--send-file"_s, file});
    QVERIFY2(client.finished && client.exitCode == 0, client.describe().constData());
    const QByteArray expected = QByteArray::number(bytes.size()) + ' ' + sha256(bytes);
    QCOMPARE(client.out, "sent " + expected + "\nreceived " + expected + '\n');
    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 0, bytes.size(), bytes.size())), relay.describe().constData());
    for (const QString &arrow : {u"-->"_s, u"<--"_s}) {
        const Flow flow = flowOf(relay.lines(), 1, arrow);
        QVERIFY2(flow.problem.isEmpty(), qPrintable(flow.problem));
        QVERIFY2(flow.bytes == bytes, qPrintable(arrow));
    }
}

// The client's FIN reaches the server as EOF; the server answers only then, and the answer still
// reaches the client, followed by the server's own FIN.
void TestCliRelay::halfClosePassedOn()
{
    const QByteArray reply = "answer after your FIN";
    const QString replyFile = m_dir.filePath(u"halfclose-reply"_s);
    QVERIFY(writeFile(replyFile, reply));
    Peer server(u"relay_peer.py"_s, {u"sink"_s, u"--reply-file"_s, replyFile});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service()});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll("question"));
    client.shutdownWrite();
    QCOMPARE(nextLine(server.process()), "conn 1 received 8 " + sha256("question"));
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), reply);
    QVERIFY2(closed, "the server's FIN did not reach the client");

    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    const QList<QByteArray> lines = relay.lines();
    const qsizetype finIn = lines.indexOf("#1 --> FIN: shutdown(SHUT_WR) passed on to the target");
    const qsizetype finOut = lines.indexOf("#1 <-- FIN: shutdown(SHUT_WR) passed on to the client");
    qsizetype answer = -1;
    for (qsizetype i = 0; i < lines.size() && answer < 0; ++i) {
        if (lines.at(i).startsWith("#1 <-- @0 "))
            answer = i;
    }
    QVERIFY2(finIn >= 0 && answer > finIn && finOut > answer, relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
}

// The server's FIN comes first: the client reads EOF, yet may still send, and the server gets it.
void TestCliRelay::targetHalfClosesFirst()
{
    Peer server(u"relay_peer.py"_s, {u"first"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service()});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), QByteArray("bye"));
    QVERIFY2(closed, "the server's FIN did not reach the client");
    QVERIFY(client.sendAll("still talking"));
    client.shutdownWrite();
    QCOMPARE(nextLine(server.process()), "conn 1 received 13 " + sha256("still talking"));
    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    QVERIFY2(relay.lines().contains("#1 <-- FIN: shutdown(SHUT_WR) passed on to the client"), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
}

// The server resets after five bytes: the client's next recv() fails with ECONNRESET.
void TestCliRelay::resetFromTargetPassedOn()
{
    Peer server(u"relay_peer.py"_s, {u"reset"_s, u"--after"_s, u"5"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service()});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll("hello"));
    QCOMPARE(nextLine(server.process()), QByteArray("conn 1 reset after 5"));
    QCOMPARE(recvOutcome(client.fd()), ECONNRESET);
    QVERIFY2(relay.waitForLine(u"^#1 <-- RST from the target: passed on to the client$"_s), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
}

// The client resets after three bytes: the server's recv() fails with ECONNRESET.
void TestCliRelay::resetFromClientPassedOn()
{
    Peer server(u"relay_peer.py"_s, {u"watch"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service()});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll("abc"));
    // Once the bytes went on, the target's leg is open: the reset has somewhere to go.
    QVERIFY2(relay.waitForLine(uR"re(^#1 --> @0 .* 3 bytes "abc"$)re"_s), relay.describe().constData());
    resetClose(client);
    QCOMPARE(nextLine(server.process()), QByteArray("conn 1 RST 3"));
    QVERIFY2(relay.waitForLine(u"^#1 --> RST from the client: passed on to the target$"_s), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
}

// Nobody listens at the target: the client is reset, the CLI says why, and SIGINT still ends it
// with its totals and status 0.
void TestCliRelay::targetRefused()
{
    const quint16 nobody = freeLoopbackPort();
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, QString::number(nobody)});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QCOMPARE(recvOutcome(client.fd()), ECONNRESET);
    const QRegularExpressionMatch failed = relay.waitForMatch(u"^#1 target failed: (.+); the client was reset$"_s);
    QVERIFY2(failed.hasMatch(), relay.describe().constData());
    QVERIFY2(failed.captured(1).contains(u"ECONNREFUSED"_s), qPrintable(failed.captured(0)));
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 1, 0, 0)), relay.describe().constData());
}

// 50 clients at once, each with bytes of its own, all open through the relay together (the echo
// server saw 50 at once); every one gets its own bytes back.
void TestCliRelay::fiftyConcurrentConnections()
{
    Peer server(u"relay_peer.py"_s, {u"echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--quiet"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    const int count = 50;
    const int size = 20000;
    const Result clients = python({peerScript(u"relay_peer.py"_s), u"clients"_s, relay.service(), u"--count"_s,
                                   QString::number(count), u"--size"_s, QString::number(size)});
    QVERIFY2(clients.finished && clients.exitCode == 0, clients.describe().constData());
    QVERIFY2(clients.out.endsWith("done 50 0\n"), clients.describe().constData());
    QByteArray highest;
    for (QByteArray line; !(line = nextLine(server.process(), 2000)).isEmpty();) {
        if (line.startsWith("open "))
            highest = line;
    }
    QCOMPARE(highest, QByteArray("open 50"));

    const qint64 total = qint64(count) * size + count * (count - 1) / 2;
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(count, 0, 0, total, total)), relay.describe().constData());
    int closedLines = 0;
    for (const QByteArray &line : relay.lines()) {
        QVERIFY2(!dataLinePattern().match(QString::fromLatin1(line)).hasMatch(), "--quiet printed bytes");
        closedLines += QRegularExpression(uR"re(^#\d+ closed: )re"_s).match(QString::fromLatin1(line)).hasMatch() ? 1 : 0;
    }
    QCOMPARE(closedLines, count);
}

void TestCliRelay::delay_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--delay-to-client") << u"--delay-to-client"_s;
    QTest::newRow("--delay-to-target") << u"--delay-to-target"_s;
}

// A 500 ms delay on either way: the answer to "ping" comes no sooner than 500 ms after it was sent
// (the server answers at once). A lower bound only: the machine may be slow.
void TestCliRelay::delay()
{
    QFETCH(QString, option);
    const int delayMs = 500;
    Peer server(u"relay_peer.py"_s, {u"answer"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), option, QString::number(delayMs)});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    // The target's leg opens with the first client; this round trip is measured without its connect().
    QVERIFY2(relay.waitForLine(u"^#1 client .* connected to target "_s), relay.describe().constData());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.sendAll("ping"));
    QCOMPARE(client.receiveExactly(4), QByteArray("pong"));
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= delayMs, qPrintable(u"the answer came after %1 ms"_s.arg(elapsed)));
    QCOMPARE(relay.stop(SIGINT), 0);
}

// Paused towards the client: the server answered, but nothing reaches the client; the bytes stay
// queued and are counted as never sent on.
void TestCliRelay::pauseToClient()
{
    Peer server(u"relay_peer.py"_s, {u"answer"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--pause-to-client"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll("ping"));
    QCOMPARE(nextLine(server.process()), QByteArray("conn 1 request 4"));
    QVERIFY2(!readable(client.fd(), 1500), "bytes reached the client through a paused direction");
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 0, 4, 0)), relay.describe().constData());
}

// Paused towards the target: the server never hears the request, the client never gets an answer.
void TestCliRelay::pauseToTarget()
{
    Peer server(u"relay_peer.py"_s, {u"answer"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--pause-to-target"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll("ping"));
    // Printed as it arrived, and said to be held.
    QVERIFY2(relay.waitForLine(uR"re(^#1 --> @0 .* 4 bytes \(held: 4 bytes waiting\) "ping"$)re"_s), relay.describe().constData());
    QCOMPARE(nextLine(server.process(), 1500), QByteArray());
    QVERIFY2(!readable(client.fd(), 100), "an answer came to a request that was never sent on");
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 0, 0, 0)), relay.describe().constData());
}

void TestCliRelay::closedLineCountsWhatWentOn_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("text") << u"text"_s;
    QTest::newRow("json") << u"json"_s;
}

// The closed line counts what went on to each side (as the totals do): with the way to the client
// paused, the server's answer was read but never reached the client, so "0 bytes to the client".
void TestCliRelay::closedLineCountsWhatWentOn()
{
    QFETCH(QString, format);
    Peer server(u"relay_peer.py"_s, {u"answer"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--pause-to-client"_s, u"--format"_s, format});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll("ping"));
    QCOMPARE(nextLine(server.process()), QByteArray("conn 1 request 4"));
    QVERIFY2(relay.waitForLine(format == u"json" ? uR"re("direction":"to_client")re"_s : u"^#1 <-- @0 "_s),
             relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
    if (format == u"text") {
        QVERIFY2(relay.waitForLine(u"^#1 closed: 4 bytes to the target, 0 bytes to the client$"_s), relay.describe().constData());
        return;
    }
    const QRegularExpressionMatch closed = relay.waitForMatch(uR"re(^\{.*"event":"closed".*\}$)re"_s);
    QVERIFY2(closed.hasMatch(), relay.describe().constData());
    const QJsonObject event = QJsonDocument::fromJson(closed.captured(0).toUtf8()).object();
    QVERIFY2(hasKeys(event, u"connection,event,time_us,to_client,to_target"_s), closed.captured(0).toUtf8().constData());
    QCOMPARE(event.value(u"to_target"_s).toInteger(), qint64(4));
    QCOMPARE(event.value(u"to_client"_s).toInteger(), qint64(0));
}

// 20 KB at 10000 bytes/s to the target takes at least 1.5 s (2 s at the cap, less a first burst);
// a lower bound only, never an upper one. The bytes arrive exact.
void TestCliRelay::rateToTarget()
{
    Peer server(u"relay_peer.py"_s, {u"sink"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--rate-to-target"_s, u"10000"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    const QByteArray bytes = binary(20000, 3);
    BlockingClient client(SOCK_STREAM, AF_INET, 30000);
    QVERIFY(client.connectTo(loopback(relay.port())));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.sendAll(bytes));
    client.shutdownWrite();
    QCOMPARE(nextLine(server.process(), 30000), "conn 1 received 20000 " + sha256(bytes));
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 1500, qPrintable(u"20000 bytes at 10000 B/s took %1 ms"_s.arg(elapsed)));
    QCOMPARE(relay.stop(SIGINT), 0);
}

// 20 KB at 10000 bytes/s to the client: the whole answer takes at least 1.5 s to arrive (a lower
// bound only), and arrives exact.
void TestCliRelay::rateToClient()
{
    const QByteArray reply = binary(20000, 9);
    const QString replyFile = m_dir.filePath(u"rate-reply"_s);
    QVERIFY(writeFile(replyFile, reply));
    Peer server(u"relay_peer.py"_s, {u"sink"_s, u"--reply-file"_s, replyFile});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--rate-to-client"_s, u"10000"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client(SOCK_STREAM, AF_INET, 30000);
    QVERIFY(client.connectTo(loopback(relay.port())));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.sendAll("go"));
    client.shutdownWrite();
    bool closed = false;
    QVERIFY2(client.receiveUntilClosed(&closed) == reply, "the answer came through changed");
    const qint64 elapsed = clock.elapsed();
    QVERIFY(closed);
    QVERIFY2(elapsed >= 1500, qPrintable(u"20000 bytes at 10000 B/s took %1 ms"_s.arg(elapsed)));
    QCOMPARE(relay.stop(SIGINT), 0);
}

// A FIN is passed on only once the bytes before it left: with a 300 ms delay to the target, the
// client's 200 KB and its FIN sent at once, the server still gets all 200 KB before its EOF, and no
// sooner than the delay.
void TestCliRelay::finWaitsForDelayedBytes()
{
    Peer server(u"relay_peer.py"_s, {u"sink"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--delay-to-target"_s, u"300"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    const QByteArray bytes = binary(200000, 10);
    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.sendAll(bytes));
    client.shutdownWrite();
    QCOMPARE(nextLine(server.process()), "conn 1 received 200000 " + sha256(bytes));
    QVERIFY2(clock.elapsed() >= 300, qPrintable(u"EOF after %1 ms"_s.arg(clock.elapsed())));
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), QByteArray());
    QVERIFY(closed);
    QCOMPARE(relay.stop(SIGINT), 0);
}

// A target that never answers the SYN (a listener whose accept queue is full drops it): after
// --connect-timeout the client is reset and the CLI says it timed out; SIGTERM ends it like SIGINT.
void TestCliRelay::targetTimesOut()
{
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), len), 0);
    QCOMPARE(::listen(listener, 0), 0);
    QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &len), 0);
    const quint16 port = ntohs(address.sin_port);
    // Never accepted: these fill the queue, so the next SYN is dropped.
    QList<int> fillers;
    for (int i = 0; i < 3; ++i) {
        fillers.append(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        ::connect(fillers.constLast(), reinterpret_cast<sockaddr *>(&address), len);
    }
    QTest::qWait(200);

    RelayCli relay({u"0"_s, u"127.0.0.1"_s, QString::number(port), u"--connect-timeout"_s, u"500"_s});
    QVERIFY2(relay.port(), relay.describe().constData());
    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QElapsedTimer clock;
    clock.start();
    const int outcome = recvOutcome(client.fd());
    const qint64 elapsed = clock.elapsed();
    for (const int fd : std::as_const(fillers))
        ::close(fd);
    ::close(listener);
    QCOMPARE(outcome, ECONNRESET);
    QVERIFY2(elapsed >= 400, qPrintable(u"reset after %1 ms"_s.arg(elapsed)));
    const QRegularExpressionMatch failed = relay.waitForMatch(u"^#1 target failed: (.+); the client was reset$"_s);
    QVERIFY2(failed.hasMatch(), relay.describe().constData());
    QVERIFY2(failed.captured(1).contains(u"timed out"_s) || failed.captured(1).contains(u"ETIMEDOUT"_s),
             qPrintable(failed.captured(0)));
    QCOMPARE(relay.stop(SIGTERM), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 1, 0, 0)), relay.describe().constData());
}

// Two relayed at once with --max-connections 2: the third is accepted and closed at once, and
// listed; once one ends, a fourth is relayed again.
void TestCliRelay::maxConnections()
{
    Peer server(u"relay_peer.py"_s, {u"echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--max-connections"_s, u"2"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient first, second, third;
    QVERIFY(first.connectTo(loopback(relay.port())));
    QVERIFY(first.sendAll("one"));
    QCOMPARE(first.receiveExactly(3), QByteArray("one"));
    QVERIFY(second.connectTo(loopback(relay.port())));
    QVERIFY(second.sendAll("two"));
    QCOMPARE(second.receiveExactly(3), QByteArray("two"));

    QVERIFY(third.connectTo(loopback(relay.port())));
    const int outcome = recvOutcome(third.fd());
    QVERIFY2(outcome == 0 || outcome == ECONNRESET, qPrintable(u"the refused client's recv(): %1"_s.arg(outcome)));
    QVERIFY2(relay.waitForLine(uR"re(^#3 client 127\.0\.0\.1:%1 refused: the --max-connections limit \(2\) is reached$)re"_s
                                   .arg(third.localAddress().port())),
             relay.describe().constData());

    first.shutdownWrite();
    bool closed = false;
    QCOMPARE(first.receiveUntilClosed(&closed), QByteArray());
    QVERIFY(closed);
    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    BlockingClient fourth;
    QVERIFY(fourth.connectTo(loopback(relay.port())));
    QVERIFY(fourth.sendAll("four"));
    QCOMPARE(fourth.receiveExactly(4), QByteArray("four"));
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(4, 1, 0, 10, 10)), relay.describe().constData());
}

// Datagrams both ways with their sizes, up to the largest UDP carries; each client address its own
// socket to the target (the server sees two source ports, neither the relay's listening port).
void TestCliRelay::udpRelay()
{
    Peer server(u"relay_peer.py"_s, {u"udp-echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--udp"_s});
    QVERIFY2(relay.port(), relay.describe().constData());
    QVERIFY2(relay.lines().constFirst().endsWith(" (UDP). Stop with Ctrl+C."), relay.describe().constData());

    BlockingClient a(SOCK_DGRAM), b(SOCK_DGRAM);
    const QList<qsizetype> sizesA{1, 1472, 9000, 65507};
    const QList<qsizetype> sizesB{5, 300};
    QSet<QByteArray> portsA, portsB;
    qint64 total = 0;
    for (int round = 0; round < 2; ++round) {
        BlockingClient &client = round == 0 ? a : b;
        const QList<qsizetype> &sizes = round == 0 ? sizesA : sizesB;
        for (const qsizetype size : sizes) {
            const QByteArray datagram = binary(size, unsigned(size));
            QVERIFY(client.sendTo(datagram, loopback(relay.port())));
            qint64 received = -1;
            SocketLab::SocketAddress from;
            QCOMPARE(client.receiveFrom(&from, &received), datagram);
            QCOMPARE(received, qint64(size));
            QCOMPARE(from.port(), relay.port());
            const QList<QByteArray> fields = nextLine(server.process()).split(' ');
            QCOMPARE(fields.size(), 4);
            QCOMPARE(fields.at(2), QByteArray::number(size));
            QCOMPARE(fields.at(3), sha256(datagram));
            (round == 0 ? portsA : portsB).insert(fields.at(1));
            total += size;
        }
    }
    QCOMPARE(portsA.size(), 1);
    QCOMPARE(portsB.size(), 1);
    QVERIFY(*portsA.cbegin() != *portsB.cbegin());
    QVERIFY(portsA.cbegin()->toUShort() != relay.port());

    // The CLI: a datagram line for each, both ways, for two connections.
    const QList<qsizetype> *perConnection[] = {&sizesA, &sizesB};
    for (int connection = 1; connection <= 2; ++connection) {
        for (const QString &arrow : {u"-->"_s, u"<--"_s}) {
            const QRegularExpression datagramLine(uR"re(^#%1 %2 @\d+ \+\d+(\.\d+)? ms datagram of ([\d,]+) bytes?)re"_s.arg(connection).arg(arrow));
            QVERIFY2(relay.waitForLine(datagramLine.pattern()), relay.describe().constData());
            QList<qsizetype> seen;
            for (const QByteArray &line : relay.lines()) {
                const QRegularExpressionMatch match = datagramLine.match(QString::fromLatin1(line));
                if (match.hasMatch())
                    seen.append(match.captured(2).remove(u',').toLongLong());
            }
            QCOMPARE(seen, *perConnection[connection - 1]);
        }
    }
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(2, 0, 0, total, total)), relay.describe().constData());
}

// A datagram of no bytes is a datagram too: forwarded both ways.
void TestCliRelay::udpEmptyDatagram()
{
    Peer server(u"relay_peer.py"_s, {u"udp-echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--udp"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client(SOCK_DGRAM, AF_INET, 5000);
    QVERIFY(client.sendTo(QByteArray(), loopback(relay.port())));
    QCOMPARE(nextLine(server.process(), 5000).split(' ').value(2), QByteArray("0"));
    qint64 received = -1;
    client.receiveFrom(nullptr, &received);
    QCOMPARE(received, qint64(0));
    QCOMPARE(relay.stop(SIGINT), 0);
}

// UDP to a port nobody listens on: the ICMP refusal is told, the client's address keeps its socket,
// and once the target is there the next datagram reaches it and its answer comes back. The closed
// line then counts every byte the client sent, those before the refusal too.
void TestCliRelay::udpTargetUnreachable()
{
    const quint16 port = freeLoopbackPort(SOCK_DGRAM);
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, QString::number(port), u"--udp"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client(SOCK_DGRAM, AF_INET, 5000);
    QVERIFY(client.sendTo("hello", loopback(relay.port())));
    const QRegularExpressionMatch failed = relay.waitForMatch(u"^#1 target failed: (.+)$"_s);
    QVERIFY2(failed.hasMatch(), relay.describe().constData());
    QVERIFY2(failed.captured(1).contains(u"ECONNREFUSED"_s), qPrintable(failed.captured(0)));

    BlockingClient target(SOCK_DGRAM, AF_INET, 5000);
    const SocketLab::SocketAddress targetAddress = loopback(port);
    QCOMPARE(::bind(target.fd(), targetAddress.data(), targetAddress.size()), 0);
    QVERIFY(client.sendTo("again", loopback(relay.port())));
    SocketLab::SocketAddress from;
    qint64 size = -1;
    QCOMPARE(target.receiveFrom(&from, &size), QByteArray("again"));
    QVERIFY(target.sendTo("back", from));
    QCOMPARE(client.receiveFrom(nullptr, &size), QByteArray("back"));
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(u"^#1 closed: 10 bytes"_s), relay.describe().constData());
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 0, 10, 4)) || relay.waitForLine(totalsPattern(1, 0, 1, 10, 4)),
             relay.describe().constData());
}

// --format json: every line one JSON object with the spec's keys; the data events' bytes, put
// together, are what went through, at the offsets they claim; the totals add up.
void TestCliRelay::jsonFormat()
{
    const QByteArray request = binary(100000, 4);
    const QByteArray reply = binary(70000, 5);
    const QString replyFile = m_dir.filePath(u"json-reply"_s);
    QVERIFY(writeFile(replyFile, reply));
    Peer server(u"relay_peer.py"_s, {u"sink"_s, u"--reply-file"_s, replyFile});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--format"_s, u"json"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    const quint16 clientPort = client.localAddress().port();
    QVERIFY(client.sendAll(request));
    client.shutdownWrite();
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), reply);
    QVERIFY(closed);
    QVERIFY2(relay.waitForLine(uR"re("event":"closed")re"_s), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(uR"re("event":"totals")re"_s), relay.describe().constData());

    QByteArray toTarget, toClient;
    QSet<QString> fins;
    QList<QJsonObject> events;
    for (const QByteArray &line : relay.lines()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), line.left(300).constData());
        events.append(document.object());
    }
    QVERIFY(!events.isEmpty());
    const QJsonObject listening = events.constFirst();
    QVERIFY2(hasKeys(listening, u"address,event,target,transport"_s), qPrintable(listening.keys().join(u',')));
    QCOMPARE(listening.value(u"event"_s).toString(), u"listening"_s);
    QCOMPARE(listening.value(u"address"_s).toString(), u"127.0.0.1:%1"_s.arg(relay.port()));
    QCOMPARE(listening.value(u"target"_s).toString(), u"127.0.0.1:%1"_s.arg(server.port()));
    QCOMPARE(listening.value(u"transport"_s).toString(), u"tcp"_s);
    QCOMPARE(events.constLast().value(u"event"_s).toString(), u"totals"_s);
    bool sawConnected = false, sawClosed = false;
    for (const QJsonObject &event : std::as_const(events).mid(1)) {
        const QString name = event.value(u"event"_s).toString();
        const QByteArray shown = QJsonDocument(event).toJson(QJsonDocument::Compact);
        if (name == u"connected") {
            QVERIFY2(hasKeys(event, u"client,connection,event,target,time_us"_s), shown.constData());
            QCOMPARE(event.value(u"client"_s).toString(), u"127.0.0.1:%1"_s.arg(clientPort));
            QCOMPARE(event.value(u"target"_s).toString(), u"127.0.0.1:%1"_s.arg(server.port()));
            sawConnected = true;
        } else if (name == u"data") {
            QVERIFY2(hasKeys(event, u"bytes_base64,connection,direction,event,offset,size,time_us"_s), shown.constData());
            QCOMPARE(event.value(u"connection"_s).toInteger(), qint64(1));
            const QString direction = event.value(u"direction"_s).toString();
            QVERIFY2(direction == u"to_target" || direction == u"to_client", shown.constData());
            QByteArray &flow = direction == u"to_target" ? toTarget : toClient;
            const QByteArray bytes = QByteArray::fromBase64(event.value(u"bytes_base64"_s).toString().toLatin1());
            QVERIFY2(event.value(u"offset"_s).toInteger() == flow.size(), shown.constData());
            QVERIFY2(event.value(u"size"_s).toInteger() == bytes.size(), shown.constData());
            flow += bytes;
        } else if (name == u"fin") {
            QVERIFY2(hasKeys(event, u"connection,direction,event,time_us"_s), shown.constData());
            fins.insert(event.value(u"direction"_s).toString());
        } else if (name == u"closed") {
            // Its counts: closedLineCountsWhatWentOn.
            QVERIFY2(hasKeys(event, u"connection,event,time_us"_s), shown.constData());
            sawClosed = true;
        } else if (name == u"totals") {
            QVERIFY2(hasKeys(event, u"connections,event,failed,refused,to_client,to_target"_s), shown.constData());
            QCOMPARE(event.value(u"connections"_s).toInteger(), qint64(1));
            QCOMPARE(event.value(u"refused"_s).toInteger(), qint64(0));
            QCOMPARE(event.value(u"failed"_s).toInteger(), qint64(0));
            QCOMPARE(event.value(u"to_target"_s).toInteger(), qint64(request.size()));
            QCOMPARE(event.value(u"to_client"_s).toInteger(), qint64(reply.size()));
        } else {
            QFAIL(shown.constData());
        }
    }
    QVERIFY(sawConnected && sawClosed);
    QVERIFY2(toTarget == request, "the to_target events' bytes are not the request");
    QVERIFY2(toClient == reply, "the to_client events' bytes are not the reply");
    QCOMPARE(fins, (QSet<QString>{u"to_target"_s, u"to_client"_s}));
}

void TestCliRelay::jsonTargetRefused()
{
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, QString::number(freeLoopbackPort()), u"--format"_s, u"json"_s});
    QVERIFY2(relay.port(), relay.describe().constData());
    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QCOMPARE(recvOutcome(client.fd()), ECONNRESET);
    const QRegularExpressionMatch failed = relay.waitForMatch(uR"re(^\{.*"event":"failed".*\}$)re"_s);
    QVERIFY2(failed.hasMatch(), relay.describe().constData());
    const QJsonObject event = QJsonDocument::fromJson(failed.captured(0).toUtf8()).object();
    QCOMPARE(event.value(u"errno"_s).toString(), u"ECONNREFUSED"_s);
    QCOMPARE(event.value(u"connection"_s).toInteger(), qint64(1));
    QVERIFY(!event.value(u"error"_s).toString().isEmpty());
    QCOMPARE(relay.stop(SIGINT), 0);
    const QRegularExpressionMatch totals = relay.waitForMatch(uR"re(^\{.*"event":"totals".*\}$)re"_s);
    QVERIFY2(totals.hasMatch(), relay.describe().constData());
    const QJsonObject t = QJsonDocument::fromJson(totals.captured(0).toUtf8()).object();
    QCOMPARE(t.value(u"connections"_s).toInteger(), qint64(1));
    QCOMPARE(t.value(u"failed"_s).toInteger(), qint64(1));
    QCOMPARE(t.value(u"to_target"_s).toInteger(), qint64(0));
}

// The client reads a plain FIN whether or not the TLS target sent close_notify first: the CLI says
// which, in text and in JSON.
void TestCliRelay::tlsTargetWithoutCloseNotify()
{
    TestCertificates certificates(m_dir.path());
    const TestCertificates::Issued self = certificates.selfSigned(u"relay-target"_s);
    for (const bool missing : {true, false}) {
        Peer target(u"tls_peer.py"_s, {missing ? u"no-close-notify"_s : u"close-notify"_s, u"--cert"_s, self.certPath,
                                       u"--key"_s, self.keyPath});
        QVERIFY2(target.port(), qPrintable(target.firstLine()));
        for (const QString &format : {u"text"_s, u"json"_s}) {
            RelayCli relay({u"0"_s, u"127.0.0.1"_s, target.service(), u"--tls-to-target"_s, u"--pin"_s,
                            QString::fromLatin1(self.sha256.toHex()), u"--format"_s, format});
            QVERIFY2(relay.port(), relay.describe().constData());
            BlockingClient client;
            QVERIFY(client.connectTo(loopback(relay.port())));
            QVERIFY(client.sendAll("GET / HTTP/1.0\r\n\r\n"));
            QByteArray answer;
            int outcome;
            while ((outcome = recvOutcome(client.fd())) == -1)
                ;
            QCOMPARE(outcome, 0);  // a FIN either way
            const QRegularExpressionMatch fin = relay.waitForMatch(format == u"json" ? uR"re(^\{.*"event":"fin".*\}$)re"_s
                                                                                     : u"^#1 <-- FIN.*$"_s);
            QVERIFY2(fin.hasMatch(), relay.describe().constData());
            if (format == u"json") {
                const QJsonObject event = QJsonDocument::fromJson(fin.captured(0).toUtf8()).object();
                QCOMPARE(event.value(u"direction"_s).toString(), u"to_client"_s);
                QCOMPARE(event.value(u"close_notify_missing"_s).toBool(), missing);
            } else {
                QVERIFY2(fin.captured(0).contains(u"No TLS close_notify"_s) == missing, qPrintable(fin.captured(0)));
            }
            QCOMPARE(relay.stop(SIGINT), 0);
        }
    }
}

// --format hexdump: each chunk's line is followed by its rows as hexdump -C writes them, the rows'
// offsets counting the direction's bytes; read back, they are what went through.
void TestCliRelay::hexdumpFormat()
{
    const QByteArray request = binary(50000, 6);
    const QByteArray reply = binary(30001, 7);
    const QString replyFile = m_dir.filePath(u"hexdump-reply"_s);
    QVERIFY(writeFile(replyFile, reply));
    Peer server(u"relay_peer.py"_s, {u"sink"_s, u"--reply-file"_s, replyFile});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    RelayCli relay({u"0"_s, u"127.0.0.1"_s, server.service(), u"--format"_s, u"hexdump"_s});
    QVERIFY2(relay.port(), relay.describe().constData());

    BlockingClient client;
    QVERIFY(client.connectTo(loopback(relay.port())));
    QVERIFY(client.sendAll(request));
    client.shutdownWrite();
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), reply);
    QVERIFY(closed);
    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);

    const Flow toTarget = flowOf(relay.lines(), 1, u"-->"_s, false);
    QVERIFY2(toTarget.problem.isEmpty(), qPrintable(toTarget.problem));
    QVERIFY2(toTarget.chunks > 0 && toTarget.bytes == request, relay.describe().constData());
    const Flow toClient = flowOf(relay.lines(), 1, u"<--"_s, false);
    QVERIFY2(toClient.problem.isEmpty(), qPrintable(toClient.problem));
    QVERIFY2(toClient.chunks > 0 && toClient.bytes == reply, relay.describe().constData());
    // Every row belongs to a chunk: none left over.
    qsizetype rows = 0;
    for (const QByteArray &line : relay.lines())
        rows += hexRowPattern().match(QString::fromLatin1(line)).hasMatch() ? 1 : 0;
    QCOMPARE(rows, toTarget.rows + toClient.rows);
}

// nginx behind the relay, curl in front: two files over one kept-alive connection, each byte exact,
// the relay's counts equal to what curl got (headers and bodies).
void TestCliRelay::nginxBehindRelay()
{
    const QString binaryPath = nginxBinary();
    if (binaryPath.isEmpty())
        QSKIP("nginx is not installed; install nginx-light to run this check");
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"www"_s));
    const QByteArray big = binary(3 * 1024 * 1024 + 3, 8);
    const QByteArray page = "<html><body>relayed</body></html>\n";
    QVERIFY(writeFile(dir.filePath(u"www/big.bin"_s), big));
    QVERIFY(writeFile(dir.filePath(u"www/index.html"_s), page));
    const quint16 port = freeLoopbackPort();
    const NginxProcess nginx(binaryPath, dir.path(),
                             "    types { text/html html; }\n"
                             "    default_type application/octet-stream;\n"
                             "    server {\n"
                             "        listen 127.0.0.1:" + QByteArray::number(port) + ";\n"
                             "        root " + dir.path().toUtf8() + "/www;\n"
                             "    }\n");
    QTRY_VERIFY_WITH_TIMEOUT(nginx.listening() || !nginx.running(), 20000);
    QVERIFY2(nginx.listening() && nginx.running(), nginx.errors().constData());

    RelayCli relay({u"0"_s, u"127.0.0.1"_s, QString::number(port), u"--quiet"_s});
    QVERIFY2(relay.port(), relay.describe().constData());
    const QString base = u"http://127.0.0.1:%1/"_s.arg(relay.port());
    const Result fetched = run(curl, {u"-sS"_s, u"--fail"_s, base + u"big.bin"_s, u"-o"_s, dir.filePath(u"got-big"_s),
                                      base + u"index.html"_s, u"-o"_s, dir.filePath(u"got-page"_s), u"-w"_s,
                                      u"%{size_header} %{size_download} %{size_request}\\n"_s});
    QVERIFY2(fetched.finished && fetched.exitCode == 0, fetched.describe().constData());
    QFile gotBig(dir.filePath(u"got-big"_s)), gotPage(dir.filePath(u"got-page"_s));
    QVERIFY(gotBig.open(QIODevice::ReadOnly) && gotPage.open(QIODevice::ReadOnly));
    QVERIFY2(gotBig.readAll() == big, "big.bin came through changed");
    QCOMPARE(gotPage.readAll(), page);

    qint64 toClient = 0, toTarget = 0;
    for (const QByteArray &line : fetched.out.trimmed().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        QCOMPARE(fields.size(), 3);
        toClient += fields.at(0).toLongLong() + fields.at(1).toLongLong();
        toTarget += fields.at(2).toLongLong();
    }
    // One connection for both requests: the relay kept it open between them.
    QVERIFY2(relay.waitForLine(closedPattern(1)), relay.describe().constData());
    for (const QByteArray &line : relay.lines())
        QVERIFY2(!line.startsWith("#2 "), relay.describe().constData());
    QCOMPARE(relay.stop(SIGINT), 0);
    QVERIFY2(relay.waitForLine(totalsPattern(1, 0, 0, toTarget, toClient)), relay.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliRelay)
#include "tst_clirelay.moc"
