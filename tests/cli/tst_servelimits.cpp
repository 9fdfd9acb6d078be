#include "clitestsupport.h"

#include "../core/blockingclient.h"

#include <QDir>
#include <QTest>

#include <csignal>
#include <set>
#include <sys/resource.h>

using namespace CliTest;
using namespace Qt::StringLiterals;

// socketlab-cli serve bounds what clients can make it hold: --max-clients refuses the one too many
// (accepted, closed at once, logged), and a process out of descriptors backs off from accept()
// with one line in the log instead of spinning, then serves the waiting client once it can.

namespace {

// Reads the server's log until a line contains `text`; every line read so far, in *log.
bool waitForLine(QProcess &process, const QString &text, QStringList *log, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (process.canReadLine()) {
            log->append(QString::fromLocal8Bit(process.readLine()).trimmed());
            if (log->constLast().contains(text))
                return true;
        }
        if (deadline.hasExpired() || process.state() != QProcess::Running)
            return false;
        process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

SocketLab::SocketAddress loopback(quint16 port)
{
    return *SocketLab::SocketAddress::fromNumeric(u"127.0.0.1"_s, port);
}

// The descriptor the process would get next: its soft RLIMIT_NOFILE set there, it gets none.
int lowestFreeDescriptor(qint64 pid)
{
    std::set<int> used;
    const QStringList entries = QDir(u"/proc/%1/fd"_s.arg(pid)).entryList(QDir::Files | QDir::System);
    for (const QString &entry : entries)
        used.insert(entry.toInt());
    int fd = 0;
    while (used.count(fd))
        ++fd;
    return fd;
}

} // namespace

class TestServeLimits : public QObject
{
    Q_OBJECT

private slots:
    void maxClientsRefusesTheNextOne();
    void maxClientsMustBePositive();
    void acceptBacksOffWithoutDescriptors();
};

void TestServeLimits::maxClientsRefusesTheNextOne()
{
    Server server({u"echo"_s, u"--max-clients"_s, u"1"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    BlockingClient served;
    QVERIFY(served.connectTo(loopback(server.port())));
    QVERIFY(served.sendAll("one"));
    QCOMPARE(served.receiveExactly(3), QByteArray("one"));

    BlockingClient refused;
    QVERIFY(refused.connectTo(loopback(server.port())));
    bool eof = false;
    QCOMPARE(refused.receiveUntilClosed(&eof), QByteArray());
    QVERIFY(eof);
    QStringList log;
    const QString line = u"client 2 from 127.0.0.1:%1 refused: the --max-clients limit (1) is reached"_s
                             .arg(refused.localAddress().port());
    QVERIFY2(waitForLine(server.process(), line, &log), qPrintable(log.join(u'\n')));
    // The one served still is.
    QVERIFY(served.sendAll("two"));
    QCOMPARE(served.receiveExactly(3), QByteArray("two"));
    QCOMPARE(server.stop(SIGTERM), 0);
}

void TestServeLimits::maxClientsMustBePositive()
{
    const Result result = cli({u"serve"_s, u"echo"_s, u"--max-clients"_s, u"0"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--max-clients"), result.describe().constData());
}

void TestServeLimits::acceptBacksOffWithoutDescriptors()
{
    Server server({u"echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    const qint64 pid = server.process().processId();
    rlimit saved{};
    QCOMPARE(::prlimit(pid_t(pid), RLIMIT_NOFILE, nullptr, &saved), 0);
    rlimit tight = saved;
    tight.rlim_cur = rlim_t(lowestFreeDescriptor(pid));
    QCOMPARE(::prlimit(pid_t(pid), RLIMIT_NOFILE, &tight, nullptr), 0);

    // The connection completes in the kernel's backlog; the server cannot take it.
    BlockingClient client;
    QVERIFY(client.connectTo(loopback(server.port())));
    QStringList log;
    const bool paused = waitForLine(server.process(), u"Cannot accept new clients"_s, &log);
    // While it lasts, accept() fails again and again: the log says so once, not once per try.
    QTest::qWait(1500);
    while (server.process().canReadLine() || server.process().waitForReadyRead(100))
        log.append(QString::fromLocal8Bit(server.process().readLine()).trimmed());
    QCOMPARE(::prlimit(pid_t(pid), RLIMIT_NOFILE, &saved, nullptr), 0);

    QVERIFY2(paused, qPrintable(log.join(u'\n')));
    const QStringList notices = log.filter(u"Cannot accept"_s);
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.constFirst().contains(u"EMFILE"_s), qPrintable(notices.constFirst()));
    QVERIFY2(waitForLine(server.process(), u"Accepting new clients again."_s, &log), qPrintable(log.join(u'\n')));
    QVERIFY(client.sendAll("late"));
    QCOMPARE(client.receiveExactly(4), QByteArray("late"));
    QCOMPARE(server.stop(SIGTERM), 0);
}

QTEST_GUILESS_MAIN(TestServeLimits)
#include "tst_servelimits.moc"
