#include "blockingclient.h"
#include "bytes/bytestore.h"
#include "exchange/exchangerunner.h"
#include "servers/listener.h"
#include "startandwait.h"
#include "threads/blockingcallpool.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace SocketLab;

// Starting and cancelling exchanges and listeners many times leaves no descriptor and no thread
// behind: every worker thread is joined, every socket and wake-up fd closed.
class TestWorkerCycles : public QObject
{
    Q_OBJECT

private slots:
    void exchangeCyclesLeaveNothingBehind();
    void listenerCyclesLeaveNothingBehind();
};

namespace {

constexpr int Cycles = 1000;
constexpr int WarmUpCycles = 20;

int openDescriptors()
{
    // The listing's own descriptor is counted each time alike.
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

// The threads of the process, except BlockingCallPool's: a lane keeps a finished task's thread idle
// for 30 s to serve the next look-up, so how many are alive at a given moment depends on how many
// look-ups overlapped, not on a leak. They are counted apart, bounded by
// the pool's own maximum, and gone after the expiry.
struct Threads
{
    int workers = 0;  // every thread but the pools'
    int pooled = 0;
    QByteArrayList names;  // of the workers, for the failure message
};

Threads threads()
{
    Threads count;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        const QByteArray name = comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed() : QByteArray();
        // Linux keeps 15 bytes of a thread's name: "SocketLab looku", "SocketLab file ".
        if (name.startsWith("SocketLab looku") || name.startsWith("SocketLab file"))
            ++count.pooled;
        else {
            ++count.workers;
            count.names.append(name);
        }
    }
    return count;
}

// The echo listener is in this process: its side of each connection closes once it sees the end.
bool allClosed(const Listener &listener)
{
    const QList<Listener::Client> clients = listener.clients();
    return std::none_of(clients.begin(), clients.end(), [](const Listener::Client &client) { return client.open; });
}

TcpRequest requestTo(const SocketAddress &address)
{
    TcpRequest request;
    request.host = address.host();
    request.service = QString::number(address.port());
    request.payload = QByteArrayLiteral("ping");
    request.totalTimeoutMs = 10000;
    return request;
}

// One exchange, cancelled at once on even cycles and once it has been answered on odd ones, so that
// both the ends during connect and those during receive are gone through.
bool exchangeCycle(ExchangeRunner &runner, const SocketAddress &echo, int cycle)
{
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    auto store = std::make_shared<ByteStore>();
    if (!runner.startTcp(requestTo(echo), store))
        return false;
    if (cycle % 2 == 1 && !QTest::qWaitFor([&] { return store->size() > 0 || !finished.isEmpty(); }, 10000))
        return false;
    runner.cancel();
    return QTest::qWaitFor([&] { return !finished.isEmpty(); }, 10000);
}

// One listener run: stopped before its bind is reported on even cycles, with a client on odd ones.
bool listenerCycle(Listener &listener, int cycle)
{
    if (cycle % 2 == 0) {
        if (listener.start(Listener::Settings{}).isError())
            return false;
        listener.stop();
        return true;
    }
    if (startAndWait(listener, Listener::Settings{}).isError())
        return false;
    BlockingClient client;
    if (!client.connectTo(listener.boundAddress()))
        return false;
    QSignalSpy connected(&listener, &Listener::clientConnected);
    if (!connected.wait(10000))
        return false;
    listener.stop();
    return true;
}

} // namespace

void TestWorkerCycles::exchangeCyclesLeaveNothingBehind()
{
    Listener echo;
    QVERIFY(!startAndWait(echo, Listener::Settings{}).isError());
    ExchangeRunner runner;
    // The warm-up starts what lives for the whole process: the look-up pool's first threads, the
    // large-chunk pool's thread, Qt's own.
    for (int cycle = 0; cycle < WarmUpCycles; ++cycle)
        QVERIFY2(exchangeCycle(runner, echo.boundAddress(), cycle), qPrintable(QString::number(cycle)));
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::Lookup, 10000));
    QTRY_VERIFY(allClosed(echo));
    QTRY_VERIFY(!threads().names.contains("SocketLab excha"));
    const int descriptors = openDescriptors();
    const Threads before = threads();

    for (int cycle = 0; cycle < Cycles; ++cycle)
        QVERIFY2(exchangeCycle(runner, echo.boundAddress(), cycle), qPrintable(QString::number(cycle)));
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::Lookup, 10000));
    QTRY_VERIFY(allClosed(echo));

    QCOMPARE(openDescriptors(), descriptors);
    // QThread::wait() returns as the thread's last code runs; Qt's threads are detached, so the
    // kernel task of the last one may still be listed for a moment.
    QTRY_VERIFY2(threads().workers == before.workers, (before.names.join(',') + " -> " + threads().names.join(',')).constData());
    const Threads after = threads();
    // The look-ups of two cycles may overlap (a cancelled one's thread finishing as the next starts),
    // never many more.
    QVERIFY2(after.pooled <= before.pooled + 2, qPrintable(QStringLiteral("%1 -> %2").arg(before.pooled).arg(after.pooled)));
}

void TestWorkerCycles::listenerCyclesLeaveNothingBehind()
{
    Listener listener;
    for (int cycle = 0; cycle < WarmUpCycles; ++cycle)
        QVERIFY2(listenerCycle(listener, cycle), qPrintable(QString::number(cycle)));
    // The warm-up's last thread, already waited for, may still be listed for a moment (see below):
    // counted now, it would be missed at the end.
    QTRY_VERIFY(!threads().names.contains("SocketLab liste"));
    const int descriptors = openDescriptors();
    const Threads before = threads();

    for (int cycle = 0; cycle < Cycles; ++cycle)
        QVERIFY2(listenerCycle(listener, cycle), qPrintable(QString::number(cycle)));

    QCOMPARE(openDescriptors(), descriptors);
    // QThread::wait() returns as the thread's last code runs; Qt's threads are detached, so the
    // kernel task of the last one may still be listed for a moment.
    QTRY_VERIFY2(threads().workers == before.workers, (before.names.join(',') + " -> " + threads().names.join(',')).constData());
    // Listeners make no look-ups; the exchange test's idle look-up threads may expire meanwhile
    // (30 s, as a slow run under ThreadSanitizer takes), never come back.
    const Threads after = threads();
    QVERIFY2(after.pooled <= before.pooled, qPrintable(QStringLiteral("%1 -> %2").arg(before.pooled).arg(after.pooled)));
}

QTEST_GUILESS_MAIN(TestWorkerCycles)
#include "tst_workercycles.moc"
