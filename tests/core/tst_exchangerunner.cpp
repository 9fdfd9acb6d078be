#include "bytes/bytestore.h"
#include "exchange/exchangerunner.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "startandwait.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace SocketLab;

namespace {

TcpRequest endlessRequest(quint16 port)
{
    TcpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(port);
    request.payload = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
    request.totalTimeoutMs = 60000;
    return request;
}

} // namespace

class TestExchangeRunner : public QObject
{
    Q_OBJECT

private slots:
    void runsOffTheCallingThreadAndReports();
    void cancelMidTransferKeepsBytes();
    void progressIsCoalesced();
    void destroyingMidTransferIsClean();
    void udpExchange();
    void refusesASecondStartWhileRunning();
    void keepAliveHttpReplyIsReportedComplete_data();
    void keepAliveHttpReplyIsReportedComplete();
    void silentServerIsReported();
};

void TestExchangeRunner::runsOffTheCallingThreadAndReports()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook")});
    QVERIFY(peer.port());
    ExchangeRunner runner;
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    auto store = std::make_shared<ByteStore>();
    QVERIFY(runner.startTcp(endlessRequest(peer.port()), store));
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(20000));
    QVERIFY(!runner.isRunning());
    const auto result = finished.first().first().value<TcpResult>();
    QCOMPARE(result.stop.reason, StopReason::PeerClosed);
    QCOMPARE(result.receivedBytes, store->size());
    QVERIFY(store->toByteArray().startsWith("HTTP/1.1 200 OK"));
    QVERIFY(runner.trace()->size() > 3);
}

void TestExchangeRunner::cancelMidTransferKeepsBytes()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("endless")});
    QVERIFY(peer.port());
    ExchangeRunner runner;
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    QSignalSpy progress(&runner, &ExchangeRunner::progress);
    auto store = std::make_shared<ByteStore>();
    QVERIFY(runner.startTcp(endlessRequest(peer.port()), store));
    QTRY_VERIFY_WITH_TIMEOUT(store->size() > 1024 * 1024, 20000);
    runner.cancel();
    QVERIFY(finished.wait(5000));
    const auto result = finished.first().first().value<TcpResult>();
    QCOMPARE(result.stop.reason, StopReason::Cancelled);
    QVERIFY(result.receivedBytes > 1024 * 1024);
    QCOMPARE(store->size(), result.receivedBytes);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), result.receivedBytes);
    QCOMPARE(progress.last().at(1).value<ExchangePhase>(), ExchangePhase::Done);
}

void TestExchangeRunner::progressIsCoalesced()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("endless")});
    QVERIFY(peer.port());
    ExchangeRunner runner;
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    QSignalSpy progress(&runner, &ExchangeRunner::progress);
    auto store = std::make_shared<ByteStore>();
    TcpRequest request = endlessRequest(peer.port());
    request.stopRule = StopRule{StopRule::Kind::Bytes, 256LL * 1024 * 1024};
    request.recvSize = 4096;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(runner.startTcp(request, store));
    QVERIFY(finished.wait(60000));
    // Tens of thousands of recv() calls, at most one progress report per 30 ms tick (and a last one).
    QVERIFY(store->segments().size() > 10000);
    QVERIFY2(progress.size() <= clock.elapsed() / 30 + 3,
             qPrintable(QStringLiteral("%1 reports in %2 ms").arg(progress.size()).arg(clock.elapsed())));
}

void TestExchangeRunner::destroyingMidTransferIsClean()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("endless")});
    QVERIFY(peer.port());
    auto store = std::make_shared<ByteStore>();
    {
        ExchangeRunner runner;
        QVERIFY(runner.startTcp(endlessRequest(peer.port()), store));
        QTRY_VERIFY_WITH_TIMEOUT(store->size() > 0, 20000);
    }
    // The store outlives the runner and still holds what arrived.
    QVERIFY(store->size() > 0);
}

void TestExchangeRunner::udpExchange()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    ExchangeRunner runner;
    QSignalSpy finished(&runner, &ExchangeRunner::udpFinished);
    UdpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = peer.service();
    request.payload = QByteArrayLiteral("Test en classe");
    request.maxDatagrams = 1;
    auto store = std::make_shared<ByteStore>();
    QVERIFY(runner.startUdp(request, store));
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<UdpResult>();
    QCOMPARE(result.datagrams.size(), 1);
    QCOMPARE(store->toByteArray(), QByteArrayLiteral("Test en classe"));
}

void TestExchangeRunner::refusesASecondStartWhileRunning()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("silent")});
    QVERIFY(peer.port());
    ExchangeRunner runner;
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    QVERIFY(runner.startTcp(endlessRequest(peer.port()), std::make_shared<ByteStore>()));
    QVERIFY(!runner.startTcp(endlessRequest(peer.port()), std::make_shared<ByteStore>()));
    runner.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
}

void TestExchangeRunner::keepAliveHttpReplyIsReportedComplete_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<HttpFraming>("framing");
    QTest::newRow("Content-Length") << QByteArray("/") << HttpFraming::ContentLength;
    QTest::newRow("chunked") << QByteArray("/chunked") << HttpFraming::Chunked;
}

// An HTTP/1.1 request without "Connection: close", read until the server closes: the demo server
// keeps the connection open, and the runner says at once that the reply is complete; Stop now then
// ends the exchange with every byte and no error.
void TestExchangeRunner::keepAliveHttpReplyIsReportedComplete()
{
    QFETCH(QByteArray, path);
    QFETCH(HttpFraming, framing);
    LocalServers servers;
    QVERIFY(!startAndWait(servers).isError());
    ExchangeRunner runner;
    QSignalSpy complete(&runner, &ExchangeRunner::httpReplyComplete);
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    auto store = std::make_shared<ByteStore>();
    TcpRequest request = endlessRequest(servers.httpAddress().port());
    request.payload = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QVERIFY(runner.startTcp(request, store));
    // Well before the server's keep-alive timeout.
    QVERIFY(complete.wait(5000));
    QVERIFY(finished.isEmpty());
    const auto completion = complete.first().first().value<HttpCompletion>();
    QCOMPARE(completion.framing, framing);
    QCOMPARE(completion.messageEnd, store->size());
    if (framing == HttpFraming::ContentLength)
        QVERIFY(completion.contentLength > 0);

    runner.stop();
    QVERIFY(finished.wait(5000));
    const auto result = finished.first().first().value<TcpResult>();
    QCOMPARE(result.stop.reason, StopReason::Stopped);
    QVERIFY(result.stop.httpComplete);
    QCOMPARE(result.stop.framing, framing);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.receivedBytes, completion.messageEnd);
    QCOMPARE(store->size(), result.receivedBytes);
    QCOMPARE(complete.size(), 1);
}

void TestExchangeRunner::silentServerIsReported()
{
    LocalServers servers;
    QVERIFY(!startAndWait(servers).isError());
    ExchangeRunner runner;
    runner.setSilenceThresholdMs(300);
    QSignalSpy silence(&runner, &ExchangeRunner::silence);
    QSignalSpy complete(&runner, &ExchangeRunner::httpReplyComplete);
    QSignalSpy finished(&runner, &ExchangeRunner::tcpFinished);
    auto store = std::make_shared<ByteStore>();
    TcpRequest request = endlessRequest(servers.tcpEchoAddress().port());
    request.payload = "hello\n";
    QElapsedTimer clock;
    clock.start();
    QVERIFY(runner.startTcp(request, store));
    QVERIFY(silence.wait(5000));
    QVERIFY(clock.elapsed() >= 300);
    QVERIFY(silence.first().first().toLongLong() >= 300);
    QCOMPARE(store->toByteArray(), QByteArray("hello\n"));
    // Said again as the seconds go by.
    QVERIFY(silence.wait(3000));
    QVERIFY(silence.last().first().toLongLong() >= 1000);
    runner.stop();
    QVERIFY(finished.wait(5000));
    const auto result = finished.first().first().value<TcpResult>();
    QCOMPARE(result.stop.reason, StopReason::Stopped);
    QVERIFY(!result.stop.httpComplete);
    QVERIFY(!result.error.isError());
    QCOMPARE(result.receivedBytes, 6);
    QVERIFY(complete.isEmpty());
}

QTEST_GUILESS_MAIN(TestExchangeRunner)
#include "tst_exchangerunner.moc"
