#include "freeport.h"
#include "bytes/bytestore.h"
#include "exchange/udpexchange.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "peerprocess.h"

#include <QTest>


using namespace SocketLab;

namespace {

struct Run
{
    UdpResult result;
    ByteStore store;
    Trace trace;
};

std::unique_ptr<Run> exchange(const UdpRequest &request)
{
    auto run = std::make_unique<Run>();
    CancelToken cancel;
    UdpExchange exchange(request, run->store, run->trace, cancel);
    run->result = exchange.run();
    return run;
}

UdpRequest loopback(quint16 port, const QByteArray &payload)
{
    UdpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(port);
    request.payload = payload;
    request.waitMs = 3000;
    request.maxDatagrams = 1;
    return request;
}

} // namespace

class TestUdpExchange : public QObject
{
    Q_OBJECT

private slots:
    void echo_data();
    void echo();
    void truncation();
    void waitWindowCollectsSeveral();
    void connectedModeReportsPortUnreachable();
    void unconnectedSendToClosedPortJustWaits();
    void bindPort();
    void unknownMulticastInterfaceIsRefusedBeforeSending();
    void ipv6();
    void phasesInOrder_data();
    void phasesInOrder();
    void sizeCapTruncatesTheDatagramThatReachesIt();
    void observersSeeEachDatagramBeforeItsBytes();
};

void TestUdpExchange::echo_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("notebook text") << QByteArrayLiteral("Test en classe");
    QTest::newRow("0-byte datagram") << QByteArray();
    QTest::newRow("65507 bytes, the IPv4 maximum") << QByteArray(65507, 'u');
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("all 256 byte values") << all;
}

void TestUdpExchange::echo()
{
    QFETCH(QByteArray, payload);
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), payload));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(run->result.sentBytes, payload.size());
    QCOMPARE(run->result.stop.reason, StopReason::DatagramCountReached);
    QCOMPARE(run->result.datagrams.size(), 1);
    const Datagram &datagram = run->result.datagrams.first();
    QCOMPARE(datagram.size, payload.size());
    QCOMPARE(datagram.kept, payload.size());
    QVERIFY(!datagram.truncated);
    QCOMPARE(datagram.from.toString(), QStringLiteral("127.0.0.1:%1").arg(peer.port()));
    QCOMPARE(run->store.toByteArray(), payload);
    QCOMPARE(run->store.segments().size(), 1);
    QCOMPARE(run->store.segments().first().length, payload.size());
}

void TestUdpExchange::truncation()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("big"), QStringLiteral("--size"), QStringLiteral("2000")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("?"));
    request.recvSize = 1024; // the notebook's recvfrom(1024)
    const auto run = exchange(request);
    QCOMPARE(run->result.datagrams.size(), 1);
    const Datagram &datagram = run->result.datagrams.first();
    QVERIFY(datagram.truncated);
    QCOMPARE(datagram.size, 2000);
    QCOMPARE(datagram.kept, 1024);
    QCOMPARE(run->store.size(), 1024);
    QCOMPARE(quint8(run->store.toByteArray().at(300)), quint8(300 % 251));
}

void TestUdpExchange::waitWindowCollectsSeveral()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("double")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("ping"));
    request.maxDatagrams = 0;
    request.waitMs = 500;
    const auto run = exchange(request);
    QVERIFY(!run->result.error.isError());
    QCOMPARE(run->result.stop.reason, StopReason::WaitElapsed);
    QCOMPARE(run->result.datagrams.size(), 2);
    QCOMPARE(run->store.toByteArray(), QByteArrayLiteral("pingagain:ping"));
    QCOMPARE(run->store.segments().at(1).offset, 4);
}

void TestUdpExchange::connectedModeReportsPortUnreachable()
{
    UdpRequest request = loopback(freeLoopbackPort(SOCK_DGRAM), QByteArrayLiteral("anyone?"));
    request.connected = true;
    const auto run = exchange(request);
    QCOMPARE(run->result.error.codeName(), QStringLiteral("ECONNREFUSED"));
    QCOMPARE(run->result.error.call, QStringLiteral("recvmsg"));
    QCOMPARE(run->result.stop.reason, StopReason::Error);
    QVERIFY(run->result.datagrams.isEmpty());
}

void TestUdpExchange::unconnectedSendToClosedPortJustWaits()
{
    UdpRequest request = loopback(freeLoopbackPort(SOCK_DGRAM), QByteArrayLiteral("anyone?"));
    request.waitMs = 200;
    const auto run = exchange(request);
    QVERIFY(!run->result.error.isError());
    QCOMPARE(run->result.stop.reason, StopReason::WaitElapsed);
    QVERIFY(run->result.datagrams.isEmpty());
}

void TestUdpExchange::bindPort()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("from a chosen port"));
    request.bindPort = freeLoopbackPort(SOCK_DGRAM);
    const auto run = exchange(request);
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(run->result.local.port(), request.bindPort);
    QCOMPARE(run->result.datagrams.size(), 1);
}

// A saved request names its multicast interface; one this machine lacks is refused when sending,
// before any datagram leaves, not sent through the default route.
void TestUdpExchange::unknownMulticastInterfaceIsRefusedBeforeSending()
{
    UdpRequest request = loopback(freeLoopbackPort(SOCK_DGRAM), QByteArrayLiteral("never sent"));
    request.waitMs = 200;
    request.multicast.interfaceName = QStringLiteral("nosuchif0");
    const auto run = exchange(request);
    QCOMPARE(run->result.error.codeName(), QStringLiteral("ENODEV"));
    QCOMPARE(run->result.error.detail, QStringLiteral("IP_MULTICAST_IF @nosuchif0"));
    QCOMPARE(run->result.sentBytes, 0);
}

void TestUdpExchange::ipv6()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("echo"), QStringLiteral("--family"), QStringLiteral("inet6")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("v6"));
    request.host = QStringLiteral("::1");
    const auto run = exchange(request);
    QVERIFY(!run->result.error.isError());
    QCOMPARE(run->result.datagrams.first().from.toString(), QStringLiteral("[::1]:%1").arg(peer.port()));
}

void TestUdpExchange::phasesInOrder_data()
{
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QList<ExchangePhase>>("phases");
    QTest::newRow("sendto") << false
                            << QList<ExchangePhase>{ExchangePhase::Resolving, ExchangePhase::Sending,
                                                    ExchangePhase::Receiving, ExchangePhase::Done};
    QTest::newRow("connected") << true
                               << QList<ExchangePhase>{ExchangePhase::Resolving, ExchangePhase::Connecting,
                                                       ExchangePhase::Sending, ExchangePhase::Receiving,
                                                       ExchangePhase::Done};
}

void TestUdpExchange::phasesInOrder()
{
    QFETCH(bool, connected);
    QFETCH(QList<ExchangePhase>, phases);
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("ping"));
    request.connected = connected;
    ByteStore store;
    Trace trace;
    CancelToken cancel;
    UdpExchange exchange(request, store, trace, cancel);
    QList<ExchangePhase> seen;
    const UdpResult result = exchange.run([&seen](ExchangePhase phase) { seen.append(phase); });
    QCOMPARE(result.datagrams.size(), 1);
    QCOMPARE(seen, phases);
}

void TestUdpExchange::sizeCapTruncatesTheDatagramThatReachesIt()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("double")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("ping"));
    request.maxDatagrams = 0;
    request.maxBytes = 7;
    const auto run = exchange(request);
    QVERIFY(!run->result.error.isError());
    QCOMPARE(run->result.stop.reason, StopReason::SizeCap);
    QCOMPARE(run->result.stop.limit, 7);
    QCOMPARE(run->store.toByteArray(), QByteArrayLiteral("pingaga"));
    QCOMPARE(run->result.datagrams.size(), 2);
    QVERIFY(!run->result.datagrams.at(0).truncated);
    QVERIFY(run->result.datagrams.at(1).truncated);
    QCOMPARE(run->result.datagrams.at(1).size, 10);
    QCOMPARE(run->result.datagrams.at(1).kept, 3);
}

void TestUdpExchange::observersSeeEachDatagramBeforeItsBytes()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("double")});
    QVERIFY(peer.port());
    UdpRequest request = loopback(peer.port(), QByteArrayLiteral("ping"));
    request.maxDatagrams = 2;
    ByteStore store;
    Trace trace;
    CancelToken cancel;
    UdpExchange exchange(request, store, trace, cancel);
    QStringList seen;
    exchange.setReceivingObserver([&](const UdpResult &soFar) {
        seen << QStringLiteral("receiving: sent %1, %2 bytes kept").arg(soFar.sentBytes).arg(store.size());
    });
    exchange.setDatagramObserver([&](const Datagram &datagram) {
        seen << QStringLiteral("datagram of %1, %2 bytes kept").arg(datagram.kept).arg(store.size());
    });
    const UdpResult result = exchange.run();
    QCOMPARE(result.datagrams.size(), 2);
    QCOMPARE(seen, (QStringList{QStringLiteral("receiving: sent 4, 0 bytes kept"), QStringLiteral("datagram of 4, 0 bytes kept"),
                                QStringLiteral("datagram of 10, 4 bytes kept")}));
}

QTEST_GUILESS_MAIN(TestUdpExchange)
#include "tst_udpexchange.moc"
