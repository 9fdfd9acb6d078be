#include "bytes/bytestore.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "freeport.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "text/errortext.h"

#include <QFile>
#include <QTest>

#include <cerrno>

using namespace SocketLab;

// The socket options and the local address of a request, on the sockets of TCP and UDP exchanges,
// as an independent peer (tests/peers/) sees them.
namespace {

// One exchange of either kind run to its end, with what it kept.
template<typename Exchange, typename Request>
struct Run
{
    explicit Run(const Request &request)
    {
        CancelToken cancel;
        Exchange exchange(request, store, trace, cancel);
        result = exchange.run();
    }

    ByteStore store;
    Trace trace;
    decltype(std::declval<Exchange &>().run()) result;
};

std::unique_ptr<Run<TcpExchange, TcpRequest>> runTcp(const TcpRequest &request)
{
    return std::make_unique<Run<TcpExchange, TcpRequest>>(request);
}

// Sends one byte and stops at once: the client closes while the peer reads, its receive buffer empty.
TcpRequest oneByte(const QString &host, quint16 port, const QList<SocketOptionSetting> &options = {})
{
    TcpRequest request;
    request.host = host;
    request.service = QString::number(port);
    request.payload = "x";
    request.stopRule = StopRule{StopRule::Kind::Idle, 100};
    request.totalTimeoutMs = 20000;
    request.socketOptions = options;
    return request;
}

SocketOptionSetting option(SocketOptionName name, int value)
{
    return SocketOptionSetting{name, value};
}

QStringList calls(const Trace &trace)
{
    QStringList names;
    for (const TraceEntry &entry : trace.entries())
        names << entry.call;
    return names;
}

qint64 rmemMax()
{
    QFile file(QStringLiteral("/proc/sys/net/core/rmem_max"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : -1;
}

} // namespace

class TestExchangeOptions : public QObject
{
    Q_OBJECT

private slots:
    void lingerZeroMakesCloseSendRst();
    void localPortIsTheSourcePortThePeerSees();
    void optionsAreSetBeforeBindAndConnect();
    void receiveBufferIsExplained();
    void localAddressOfTheWrongFamilyIsASentence();
    void busyLocalPortNamesTheAddress();
    void udpLocalPortAndOptions();
    void udpLocalOfTheWrongFamilyIsRefused();
};

void TestExchangeOptions::lingerZeroMakesCloseSendRst()
{
    {
        PeerProcess peer(QStringLiteral("close_peer.py"), {});
        QVERIFY(peer.port() != 0);
        const auto run = runTcp(oneByte(QStringLiteral("127.0.0.1"), peer.port()));
        QVERIFY2(!run->result.error.isError(), qPrintable(ErrorText::describe(run->result.error)));
        QVERIFY(run->result.socketOptions.isEmpty());
        QVERIFY(peer.readLine().startsWith("from "));
        QCOMPARE(peer.readLine(), QByteArray("FIN"));
    }
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    const auto run = runTcp(oneByte(QStringLiteral("127.0.0.1"), peer.port(), {option(SocketOptionName::Linger, 0)}));
    QVERIFY2(!run->result.error.isError(), qPrintable(ErrorText::describe(run->result.error)));
    QCOMPARE(run->result.socketOptions.size(), 1);
    const SocketOptionOutcome &linger = run->result.socketOptions.constFirst();
    QCOMPARE(linger.systemName, QStringLiteral("SO_LINGER"));
    QVERIFY(linger.readBack);
    QCOMPARE(linger.effective, 0);
    QVERIFY(peer.readLine().startsWith("from "));
    QCOMPARE(peer.readLine(), QByteArray("RST"));
}

void TestExchangeOptions::localPortIsTheSourcePortThePeerSees()
{
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    const quint16 localPort = freeLoopbackPort();
    TcpRequest request = oneByte(QStringLiteral("localhost"), peer.port());
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), localPort);
    const auto run = runTcp(request);
    QVERIFY2(!run->result.error.isError(), qPrintable(ErrorText::describe(run->result.error)));
    QCOMPARE(run->result.local.port(), localPort);
    // localhost may resolve to ::1 first: a socket bound to 127.0.0.1 only tries the IPv4 address.
    QCOMPARE(run->result.attempts.size(), 1);
    QCOMPARE(run->result.connectedTo.family(), IpFamily::V4);
    QCOMPARE(peer.readLine(), QByteArray("from ") + QByteArray::number(localPort));
}

void TestExchangeOptions::optionsAreSetBeforeBindAndConnect()
{
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    TcpRequest request = oneByte(QStringLiteral("127.0.0.1"), peer.port(),
                                 {option(SocketOptionName::NoDelay, 1), option(SocketOptionName::KeepAlive, 1),
                                  option(SocketOptionName::KeepIdle, 30)});
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 0);
    const auto run = runTcp(request);
    QVERIFY2(!run->result.error.isError(), qPrintable(ErrorText::describe(run->result.error)));
    QCOMPARE(run->result.socketOptions.size(), 3);
    for (const SocketOptionOutcome &outcome : run->result.socketOptions) {
        QVERIFY(!outcome.error.isError());
        QVERIFY(outcome.readBack);
        QCOMPARE(outcome.effective, outcome.asked.value);
        QCOMPARE(outcome.adjustment, SocketOptionAdjustment::None);
    }
    QCOMPARE(run->result.socketOptions.constFirst().systemName, QStringLiteral("TCP_NODELAY"));
    QVERIFY(run->result.local.port() != 0);
    const QStringList names = calls(run->trace);
    const qsizetype socketCall = names.indexOf(QStringLiteral("socket"));
    const qsizetype firstSet = names.indexOf(QStringLiteral("setsockopt"));
    const qsizetype firstGet = names.indexOf(QStringLiteral("getsockopt"));
    const qsizetype bind = names.indexOf(QStringLiteral("bind"));
    const qsizetype connect = names.indexOf(QStringLiteral("connect"));
    QVERIFY2(socketCall >= 0 && socketCall < firstSet && firstSet < firstGet && firstGet < bind && bind < connect,
             qPrintable(names.join(QLatin1Char(' '))));
    QCOMPARE(names.count(QStringLiteral("setsockopt")), 3);
}

void TestExchangeOptions::receiveBufferIsExplained()
{
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    constexpr int Asked = 4194304;
    const auto run = runTcp(oneByte(QStringLiteral("127.0.0.1"), peer.port(), {option(SocketOptionName::ReceiveBuffer, Asked)}));
    QVERIFY2(!run->result.error.isError(), qPrintable(ErrorText::describe(run->result.error)));
    QCOMPARE(run->result.socketOptions.size(), 1);
    const SocketOptionOutcome &outcome = run->result.socketOptions.constFirst();
    const qint64 limit = rmemMax();
    QVERIFY(limit > 0);
    if (limit >= Asked) {
        QCOMPARE(outcome.adjustment, SocketOptionAdjustment::Doubled);
        QCOMPARE(outcome.effective, 2 * Asked);
    } else {
        QCOMPARE(outcome.adjustment, SocketOptionAdjustment::CappedThenDoubled);
        QCOMPARE(outcome.systemLimit, limit);
        QCOMPARE(qint64(outcome.effective), 2 * limit);
    }

    // Above the limit whatever this machine's is: capped at rmem_max, then doubled.
    PeerProcess second(QStringLiteral("close_peer.py"), {});
    QVERIFY(second.port() != 0);
    const int above = int(qMin<qint64>(2 * limit, SocketOptions::maximum(SocketOptionName::ReceiveBuffer)));
    QVERIFY(above > limit);
    const auto capped = runTcp(oneByte(QStringLiteral("127.0.0.1"), second.port(), {option(SocketOptionName::ReceiveBuffer, above)}));
    QVERIFY2(!capped->result.error.isError(), qPrintable(ErrorText::describe(capped->result.error)));
    QCOMPARE(capped->result.socketOptions.size(), 1);
    const SocketOptionOutcome &cappedOutcome = capped->result.socketOptions.constFirst();
    QCOMPARE(cappedOutcome.adjustment, SocketOptionAdjustment::CappedThenDoubled);
    QCOMPARE(cappedOutcome.systemLimit, limit);
    QCOMPARE(qint64(cappedOutcome.effective), 2 * limit);
}

void TestExchangeOptions::localAddressOfTheWrongFamilyIsASentence()
{
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    TcpRequest request = oneByte(QStringLiteral("127.0.0.1"), peer.port());
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("::1"), 0);
    const auto run = runTcp(request);
    QCOMPARE(run->result.error.systemCode, EAFNOSUPPORT);
    QVERIFY(run->result.attempts.isEmpty());
    QVERIFY(!calls(run->trace).contains(QStringLiteral("connect")));
    const QString sentence = ErrorText::describe(run->result.error);
    QVERIFY2(sentence.contains(QStringLiteral("[::1]:0")) && sentence.contains(QStringLiteral("local address")), qPrintable(sentence));
}

void TestExchangeOptions::busyLocalPortNamesTheAddress()
{
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    // The peer's own port is taken on 127.0.0.1: bind() refuses it before any connect().
    TcpRequest request = oneByte(QStringLiteral("127.0.0.1"), peer.port());
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), peer.port());
    const auto run = runTcp(request);
    QCOMPARE(run->result.error.systemCode, EADDRINUSE);
    QCOMPARE(run->result.error.call, QStringLiteral("bind"));
    QVERIFY(!calls(run->trace).contains(QStringLiteral("connect")));
    const QString sentence = ErrorText::describe(run->result.error);
    QVERIFY2(sentence.contains(QStringLiteral("127.0.0.1:%1").arg(peer.port())), qPrintable(sentence));

    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("192.0.2.1"), 0);
    const auto elsewhere = runTcp(request);
    QCOMPARE(elsewhere->result.error.systemCode, EADDRNOTAVAIL);
    QVERIFY(ErrorText::describe(elsewhere->result.error).contains(QStringLiteral("192.0.2.1:0")));
}

void TestExchangeOptions::udpLocalPortAndOptions()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("sender")});
    QVERIFY(peer.port() != 0);
    const quint16 localPort = freeLoopbackPort(SOCK_DGRAM);
    UdpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = peer.service();
    request.payload = "who am I?";
    request.waitMs = 5000;
    request.maxDatagrams = 1;
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), localPort);
    request.socketOptions = {option(SocketOptionName::Ttl, 5), option(SocketOptionName::Broadcast, 1)};
    const Run<UdpExchange, UdpRequest> run(request);
    const UdpResult &result = run.result;
    QVERIFY2(!result.error.isError(), qPrintable(ErrorText::describe(result.error)));
    QCOMPARE(run.store.toByteArray(), QByteArray::number(localPort));
    QCOMPARE(result.socketOptions.size(), 2);
    QCOMPARE(result.socketOptions.at(0).systemName, QStringLiteral("IP_TTL"));
    QCOMPARE(result.socketOptions.at(0).effective, 5);
    QCOMPARE(result.socketOptions.at(1).systemName, QStringLiteral("SO_BROADCAST"));
    QCOMPARE(result.socketOptions.at(1).effective, 1);
    const QStringList names = calls(run.trace);
    QVERIFY(names.indexOf(QStringLiteral("setsockopt")) < names.indexOf(QStringLiteral("bind")));
}

void TestExchangeOptions::udpLocalOfTheWrongFamilyIsRefused()
{
    UdpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QStringLiteral("9");
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("::1"), 0);
    const Run<UdpExchange, UdpRequest> run(request);
    QCOMPARE(run.result.error.systemCode, EAFNOSUPPORT);
    QVERIFY(!calls(run.trace).contains(QStringLiteral("sendto")));
}

QTEST_GUILESS_MAIN(TestExchangeOptions)
#include "tst_exchangeoptions.moc"
