#include "freeport.h"
#include "blockingclient.h"
#include "servers/httpdemosite.h"
#include "servers/localservers.h"
#include "startandwait.h"
#include "bytes/bytestore.h"
#include "exchange/tcpexchange.h"
#include "net/canceltoken.h"
#include "net/trace.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace SocketLab;

class TestLocalServers : public QObject
{
    Q_OBJECT

private slots:
    // The HTTPS server's certificate is made in the test's own data folder, never the person's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void startsTheFourServers();
    void startReturnsBeforeTheyListen();
    void startsOnChosenPorts();
    void busyPortFailsAndStopsTheOthers();
    void stopReleasesThePorts();
    void destructorClosesClients();
};

void TestLocalServers::startsTheFourServers()
{
    LocalServers servers;
    const NetError error = startAndWait(servers);
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
    QVERIFY(servers.isRunning());
    QCOMPARE(servers.http()->settings().mode, Listener::Mode::HttpDemo);
    QCOMPARE(servers.https()->settings().mode, Listener::Mode::HttpDemo);
    QVERIFY(servers.https()->settings().tls);
    QVERIFY(!servers.http()->settings().tls);
    QCOMPARE(servers.tcpEcho()->settings().transport, Listener::Transport::Tcp);
    QCOMPARE(servers.udpEcho()->settings().transport, Listener::Transport::Udp);
    for (const SocketAddress &address : {servers.httpAddress(), servers.httpsAddress(), servers.tcpEchoAddress(),
                                         servers.udpEchoAddress()}) {
        QCOMPARE(address.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(address.port() != 0);
    }
    QVERIFY(servers.httpAddress().port() != servers.tcpEchoAddress().port());

    BlockingClient http;
    QVERIFY(http.connectTo(servers.httpAddress()));
    QVERIFY(http.sendAll("GET / HTTP/1.0\r\n\r\n"));
    bool eof = false;
    const QByteArray page = http.receiveUntilClosed(&eof);
    QVERIFY(eof);
    QVERIFY(page.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(page.endsWith(HttpDemoSite::indexPage()));

    // The HTTPS demo answers the same page over TLS, with the certificate it says it has.
    TcpRequest request;
    request.host = QStringLiteral("localhost");
    request.service = QString::number(servers.httpsAddress().port());
    request.family = IpFamily::V4;
    request.payload = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
    request.totalTimeoutMs = 20000;
    request.tls.enabled = true;
    request.tls.pinSha256 = servers.https()->certificateSha256();
    QCOMPARE(request.tls.pinSha256.size(), 32);
    ByteStore store;
    Trace trace;
    CancelToken cancel;
    const TcpResult result = TcpExchange(request, store, trace, cancel).run();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName() + result.error.message));
    QVERIFY(result.tls && result.tls->verify.pinned);
    QVERIFY(result.tls->chain.first().subjectAltNames.contains(QStringLiteral("localhost")));
    QVERIFY(store.toByteArray().startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(store.toByteArray().endsWith(HttpDemoSite::indexPage()));

    BlockingClient tcp;
    QVERIFY(tcp.connectTo(servers.tcpEchoAddress()));
    QVERIFY(tcp.sendAll("ping\n"));
    QCOMPARE(tcp.receiveExactly(5), QByteArray("ping\n"));

    BlockingClient udp(SOCK_DGRAM);
    QVERIFY(udp.sendTo("datagram", servers.udpEchoAddress()));
    qint64 size = -1;
    SocketAddress from;
    QCOMPARE(udp.receiveFrom(&from, &size), QByteArray("datagram"));
    QVERIFY(from == servers.udpEchoAddress());
}

void TestLocalServers::startReturnsBeforeTheyListen()
{
    LocalServers servers;
    QSignalSpy started(&servers, &LocalServers::started);
    QVERIFY(!servers.start().isError());
    // Each binds on its own thread: only the event loop brings the news.
    QVERIFY(servers.isStarting());
    QVERIFY(!servers.isRunning());
    QVERIFY(!servers.httpAddress().isValid());
    QVERIFY(started.wait(StartTimeoutMs));
    QCOMPARE(started.size(), 1);
    QVERIFY(servers.isRunning());
    QVERIFY(!servers.isStarting());
    QVERIFY(servers.httpAddress().isValid());
    QVERIFY(servers.tcpEchoAddress().isValid());
    QVERIFY(servers.udpEchoAddress().isValid());
}

void TestLocalServers::startsOnChosenPorts()
{
    // The two TCP ports are reserved together, so the system cannot hand out the same one twice;
    // the test's network namespace is its own, so nobody takes them once they are let go.
    LocalServers::Ports ports;
    {
        BlockingClient http;
        BlockingClient tcpEcho;
        const SocketAddress any = Listener::loopback(0);
        QCOMPARE(::bind(http.fd(), any.data(), any.size()), 0);
        QCOMPARE(::bind(tcpEcho.fd(), any.data(), any.size()), 0);
        ports.http = http.localAddress().port();
        ports.tcpEcho = tcpEcho.localAddress().port();
    }
    ports.udpEcho = freeLoopbackPort(SOCK_DGRAM);
    QVERIFY(ports.http && ports.tcpEcho && ports.udpEcho);
    QVERIFY(ports.http != ports.tcpEcho);

    LocalServers servers;
    const NetError error = startAndWait(servers, ports);
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
    QCOMPARE(servers.httpAddress().port(), ports.http);
    QCOMPARE(servers.tcpEchoAddress().port(), ports.tcpEcho);
    QCOMPARE(servers.udpEchoAddress().port(), ports.udpEcho);
}

void TestLocalServers::busyPortFailsAndStopsTheOthers()
{
    BlockingClient squatter;
    const SocketAddress any = Listener::loopback(0);
    QCOMPARE(::bind(squatter.fd(), any.data(), any.size()), 0);
    QCOMPARE(::listen(squatter.fd(), 1), 0);
    LocalServers::Ports ports;
    ports.tcpEcho = squatter.localAddress().port();

    LocalServers servers;
    QSignalSpy failed(&servers, &LocalServers::startFailed);
    const NetError error = startAndWait(servers, ports);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(error.systemCode, EADDRINUSE);
    QCOMPARE(error.call, QStringLiteral("bind"));
    QCOMPARE(error.detail, Listener::loopback(ports.tcpEcho).toString());
    QVERIFY(!servers.isRunning());
    QVERIFY(!servers.http()->isRunning());
    QVERIFY(!servers.udpEcho()->isRunning());
    QVERIFY(!servers.httpAddress().isValid());
    QVERIFY(!servers.isStarting());

    // Started again with the system's choice, all three run.
    QVERIFY(!startAndWait(servers).isError());
    QVERIFY(servers.isRunning());
}

void TestLocalServers::stopReleasesThePorts()
{
    LocalServers servers;
    QVERIFY(!startAndWait(servers).isError());
    const SocketAddress http = servers.httpAddress();
    const SocketAddress udp = servers.udpEchoAddress();
    servers.stop();
    QVERIFY(!servers.isRunning());

    BlockingClient refused;
    QVERIFY(!refused.connectTo(http));
    QCOMPARE(errno, ECONNREFUSED);
    BlockingClient rebound(SOCK_DGRAM);
    QCOMPARE(::bind(rebound.fd(), udp.data(), udp.size()), 0);
}

void TestLocalServers::destructorClosesClients()
{
    SocketAddress address;
    BlockingClient idle;
    {
        LocalServers servers;
        QVERIFY(!startAndWait(servers).isError());
        address = servers.tcpEchoAddress();
        QVERIFY(idle.connectTo(address));
        QVERIFY(idle.sendAll("x"));
        QCOMPARE(idle.receiveExactly(1), QByteArray("x"));
    }
    bool eof = false;
    idle.receiveUntilClosed(&eof);
    QVERIFY(eof);
    BlockingClient late;
    QVERIFY(!late.connectTo(address));
}

QTEST_GUILESS_MAIN(TestLocalServers)
#include "tst_localservers.moc"
