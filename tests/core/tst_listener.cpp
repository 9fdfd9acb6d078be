#include "blockingclient.h"
#include "bytes/bytestore.h"
#include "net/trace.h"
#include "servers/listener.h"
#include "descriptorlimit.h"
#include "startandwait.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <poll.h>
#include <sys/resource.h>
#include <thread>
#include <tuple>

using namespace SocketLab;

namespace {

QByteArray patternBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + i / 251) & 0xff);
    return bytes;
}

// What the server sees as a UDP client's address: the client's socket is bound to 0.0.0.0.
SocketAddress udpSender(const BlockingClient &client)
{
    return Listener::loopback(client.localAddress().port());
}

// Whether the client can read something within the wait: for checking that nothing was sent.
bool readableWithin(const BlockingClient &client, int waitMs)
{
    pollfd fd{client.fd(), POLLIN, 0};
    return ::poll(&fd, 1, waitMs) > 0;
}

// Records a listener's signal with its arguments as they are typed, not as QVariants.
template<typename... Args>
class QueuedSpy : public QObject
{
public:
    QueuedSpy(Listener *listener, void (Listener::*signal)(Args...))
    {
        connect(listener, signal, this, [this](std::decay_t<Args>... args) { m_calls.append(std::make_tuple(args...)); });
    }
    qsizetype size() const { return m_calls.size(); }
    bool isEmpty() const { return m_calls.isEmpty(); }
    // The first argument of the i-th emission.
    auto value(qsizetype i) const { return std::get<0>(m_calls.at(i)); }

private:
    QList<std::tuple<std::decay_t<Args>...>> m_calls;
};

} // namespace

class TestListener : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tcpEchoRoundTrip();
    void tcpEchoStreamsMoreThanItBuffers();
    void tcpEchoClosesAfterTheClientDoes();
    void fixedReplyOncePerClient();
    void fixedReplyThenClose();
    void logOnlyNeverSends();
    void udpEcho_data();
    void udpEcho();
    void udpFixedReplyToEveryDatagram();
    void udpPeersAreClients();
    void udpBurstIsReadInBatches();
    void udpStopTakesWhatIsQueued();
    void busyPortIsAddressInUse_data();
    void busyPortIsAddressInUse();
    void reuseAddressStillRefusesASecondListener();
    void restartOnThePortOfAClosedRun();
    void httpOverUdpIsRefused();
    void ipv6Loopback();
    void stopWithClientsConnectedIsClean();
    void clientTableAndSignals();
    void captureBudgetKeepsCounting();
    void captureBudgetDropsOlderClientsFirst();
    void maxClientsRefusesTheNext();
    void closedClientsAreCapped();
    void traceRecordsTheCalls();
    void acceptFailureBacksOff();
    void startReturnsBeforeTheBind();
    void stoppedRunNeverAnswers();
    void noEventfdIsAnError();

private:
    NetError start(Listener::Mode mode, Listener::Transport transport = Listener::Transport::Tcp,
                   const QByteArray &reply = {});
    std::optional<Listener::Client> clientAt(const SocketAddress &peer) const;

    std::unique_ptr<Listener> m_listener;
};

void TestListener::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_listener = std::make_unique<Listener>();
}

void TestListener::cleanup()
{
    m_listener.reset();
}

NetError TestListener::start(Listener::Mode mode, Listener::Transport transport, const QByteArray &reply)
{
    Listener::Settings settings;
    settings.mode = mode;
    settings.transport = transport;
    settings.fixedReply = reply;
    return startAndWait(*m_listener, settings);
}

std::optional<Listener::Client> TestListener::clientAt(const SocketAddress &peer) const
{
    for (const Listener::Client &client : m_listener->clients()) {
        if (client.peer == peer)
            return client;
    }
    return std::nullopt;
}

void TestListener::tcpEchoRoundTrip()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QVERIFY(m_listener->isRunning());
    QCOMPARE(m_listener->boundAddress().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(m_listener->boundAddress().port() != 0);

    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("hello\r\n"));
    QCOMPARE(client.receiveExactly(7), QByteArray("hello\r\n"));
    QVERIFY(client.sendAll(QByteArray("\0\xff", 2)));
    QCOMPARE(client.receiveExactly(2), QByteArray("\0\xff", 2));
}

void TestListener::tcpEchoStreamsMoreThanItBuffers()
{
    // More than the server keeps queued for one client (1 MiB) plus the sockets' buffers: the
    // server must stop reading while the client is not reading, and resume.
    QVERIFY(!start(Listener::Mode::Echo).isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    const QByteArray payload = patternBytes(16 * 1024 * 1024);
    bool sentAll = false;
    std::thread sender([&] { sentAll = client.sendAll(payload); });
    const QByteArray echoed = client.receiveExactly(payload.size());
    sender.join();
    QVERIFY(sentAll);
    QCOMPARE(echoed.size(), payload.size());
    QVERIFY(echoed == payload);

    const auto record = clientAt(client.localAddress());
    QVERIFY(record);
    QTRY_COMPARE(m_listener->client(record->id)->bytesOut, payload.size());
    QCOMPARE(m_listener->client(record->id)->bytesIn, payload.size());
}

void TestListener::tcpEchoClosesAfterTheClientDoes()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QueuedSpy closed(m_listener.get(), &Listener::clientClosed);
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("last words"));
    client.shutdownWrite();
    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), QByteArray("last words"));
    QVERIFY(eof);
    QTRY_COMPARE(closed.size(), 1);
    const auto record = m_listener->client(closed.value(0));
    QVERIFY(record);
    QVERIFY(!record->open);
    QVERIFY(!record->error.isError());
}

void TestListener::fixedReplyOncePerClient()
{
    QVERIFY(!start(Listener::Mode::FixedReply, Listener::Transport::Tcp, "220 ready\r\n").isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(!readableWithin(client, 100));
    QVERIFY(client.sendAll("HELO\r\n"));
    QCOMPARE(client.receiveExactly(11), QByteArray("220 ready\r\n"));
    QVERIFY(client.sendAll("MORE\r\n"));
    const auto record = clientAt(client.localAddress());
    QVERIFY(record);
    QTRY_COMPARE(m_listener->client(record->id)->bytesIn, qint64(12));
    QVERIFY(!readableWithin(client, 100));
    QCOMPARE(m_listener->client(record->id)->bytesOut, qint64(11));
    QVERIFY(m_listener->client(record->id)->open);

    BlockingClient second;
    QVERIFY(second.connectTo(m_listener->boundAddress()));
    QVERIFY(second.sendAll("x"));
    QCOMPARE(second.receiveExactly(11), QByteArray("220 ready\r\n"));
}

void TestListener::fixedReplyThenClose()
{
    Listener::Settings settings;
    settings.mode = Listener::Mode::FixedReply;
    settings.fixedReply = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbye\n";
    settings.closeAfterReply = true;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("GET / HTTP/1.0\r\n\r\n"));
    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), settings.fixedReply);
    QVERIFY(eof);
}

void TestListener::logOnlyNeverSends()
{
    QVERIFY(!start(Listener::Mode::LogOnly).isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("abc"));
    QVERIFY(client.sendAll("def"));
    client.shutdownWrite();
    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), QByteArray());
    QVERIFY(eof);
    const auto record = clientAt(client.localAddress());
    QVERIFY(record);
    QTRY_VERIFY(!m_listener->client(record->id)->open);
    QCOMPARE(m_listener->client(record->id)->bytesIn, qint64(6));
    QCOMPARE(m_listener->client(record->id)->bytesOut, qint64(0));
    QCOMPARE(m_listener->received(record->id)->toByteArray(), QByteArray("abcdef"));
    QCOMPARE(m_listener->sent(record->id)->size(), qint64(0));
}

void TestListener::udpEcho_data()
{
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("notebook line") << QByteArray("Hello, UDP server!\n");
    QTest::newRow("empty datagram") << QByteArray();
    QTest::newRow("largest IPv4 datagram") << patternBytes(65507);
}

void TestListener::udpEcho()
{
    QFETCH(QByteArray, payload);

    QVERIFY(!start(Listener::Mode::Echo, Listener::Transport::Udp).isError());
    QueuedSpy datagrams(m_listener.get(), &Listener::datagramsReceived);
    BlockingClient client(SOCK_DGRAM);
    QVERIFY(client.sendTo(payload, m_listener->boundAddress()));
    SocketAddress from;
    qint64 size = -1;
    const QByteArray echoed = client.receiveFrom(&from, &size);
    QCOMPARE(size, payload.size());
    QVERIFY(echoed == payload);
    QVERIFY(from == m_listener->boundAddress());

    QTRY_COMPARE(datagrams.size(), 1);
    const QList<Listener::Datagram> list = m_listener->datagrams();
    QCOMPARE(list.size(), 1);
    const Listener::Datagram &datagram = list.first();
    QCOMPARE(datagram.size, payload.size());
    QCOMPARE(datagram.keptSize, payload.size());
    QVERIFY(!datagram.truncated);
    QVERIFY(datagram.sender == udpSender(client));
    QVERIFY(datagram.receivedAt.isValid());
    const auto received = m_listener->received(datagram.clientId);
    QVERIFY(received);
    QVERIFY(received->read(datagram.offset, datagram.keptSize) == payload);
    QCOMPARE(received->segments().size(), 1);
    QCOMPARE(received->segments().first().length, payload.size());
    QCOMPARE(m_listener->client(datagram.clientId)->bytesOut, payload.size());
}

void TestListener::udpFixedReplyToEveryDatagram()
{
    QVERIFY(!start(Listener::Mode::FixedReply, Listener::Transport::Udp, "PONG").isError());
    BlockingClient client(SOCK_DGRAM);
    for (const QByteArray &ping : {QByteArray("ping 1"), QByteArray("ping 2")}) {
        QVERIFY(client.sendTo(ping, m_listener->boundAddress()));
        qint64 size = -1;
        QCOMPARE(client.receiveFrom(nullptr, &size), QByteArray("PONG"));
    }
    const auto record = clientAt(udpSender(client));
    QVERIFY(record);
    QTRY_COMPARE(m_listener->client(record->id)->bytesOut, qint64(8));
    QCOMPARE(m_listener->sent(record->id)->segments().size(), 2);
}

void TestListener::udpPeersAreClients()
{
    QVERIFY(!start(Listener::Mode::LogOnly, Listener::Transport::Udp).isError());
    QueuedSpy connected(m_listener.get(), &Listener::clientConnected);
    BlockingClient first(SOCK_DGRAM);
    BlockingClient second(SOCK_DGRAM);
    QVERIFY(first.sendTo("a", m_listener->boundAddress()));
    QVERIFY(first.sendTo("bb", m_listener->boundAddress()));
    QVERIFY(second.sendTo("ccc", m_listener->boundAddress()));
    QTRY_COMPARE(m_listener->datagrams().size(), 3);
    QTRY_COMPARE(connected.size(), 2);
    const auto firstRecord = clientAt(udpSender(first));
    const auto secondRecord = clientAt(udpSender(second));
    QVERIFY(firstRecord && secondRecord);
    QVERIFY(firstRecord->id != secondRecord->id);
    QCOMPARE(firstRecord->bytesIn, qint64(3));
    QCOMPARE(secondRecord->bytesIn, qint64(3));
    QCOMPARE(m_listener->received(firstRecord->id)->segments().size(), 2);
    QCOMPARE(m_listener->datagrams().last().index, qint64(2));

    m_listener->stop();
    QVERIFY(!m_listener->client(firstRecord->id)->open);
    QVERIFY(m_listener->client(firstRecord->id)->closedAt.isValid());
}

void TestListener::udpStopTakesWhatIsQueued()
{
    // sendto() on loopback queues the datagram before it returns: all 100 are there when stop()
    // comes, and each is counted as received, however far the worker had got. (100 fit the default
    // receive buffer; 500 do not: each small datagram takes about a KiB of it.)
    QVERIFY(!start(Listener::Mode::LogOnly, Listener::Transport::Udp).isError());
    BlockingClient client(SOCK_DGRAM);
    constexpr int Count = 100;
    for (int i = 0; i < Count; ++i)
        QVERIFY(client.sendTo(QByteArray::number(i).rightJustified(4, '0'), m_listener->boundAddress()));
    m_listener->stop();
    QCOMPARE(m_listener->totals().kernelDrops.value_or(0), qint64(0));
    QCOMPARE(m_listener->totals().datagrams, qint64(Count));
}

void TestListener::udpBurstIsReadInBatches()
{
    Listener::Settings settings;
    settings.mode = Listener::Mode::LogOnly;
    settings.transport = Listener::Transport::Udp;
    settings.maxDatagrams = 100;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    QueuedSpy connected(m_listener.get(), &Listener::clientConnected);
    BlockingClient first(SOCK_DGRAM);
    BlockingClient second(SOCK_DGRAM);
    constexpr int PerSender = 600;
    // Interleaved, so a batch holds both senders and each datagram must find its own.
    for (int i = 0; i < PerSender; ++i) {
        QVERIFY(first.sendTo(QByteArray::number(i).rightJustified(4, '0'), m_listener->boundAddress()));
        QVERIFY(second.sendTo(QByteArray::number(i).rightJustified(4, '0'), m_listener->boundAddress()));
    }
    // Every datagram is received or counted as dropped, whatever the machine's speed.
    QTRY_COMPARE_WITH_TIMEOUT(m_listener->totals().datagrams + m_listener->totals().kernelDrops.value_or(0),
                              qint64(2 * PerSender), 10000);
    const Listener::Totals totals = m_listener->totals();
    QVERIFY(totals.datagrams > 0);
    QCOMPARE(totals.bytesIn, 4 * totals.datagrams);
    QTRY_COMPARE(connected.size(), 2);
    const auto firstRecord = clientAt(udpSender(first));
    const auto secondRecord = clientAt(udpSender(second));
    QVERIFY(firstRecord && secondRecord);
    QCOMPARE(firstRecord->bytesIn + secondRecord->bytesIn, totals.bytesIn);

    // The newest maxDatagrams records, indexes consecutive; datagramsFrom() gives the tail.
    const QList<Listener::Datagram> kept = m_listener->datagrams();
    QCOMPARE(kept.size(), qMin<qsizetype>(100, totals.datagrams));
    QCOMPARE(kept.last().index, totals.datagrams - 1);
    for (qsizetype i = 1; i < kept.size(); ++i)
        QCOMPARE(kept.at(i).index, kept.at(i - 1).index + 1);
    const QList<Listener::Datagram> tail = m_listener->datagramsFrom(kept.last().index - 9);
    QCOMPARE(tail.size(), qMin<qsizetype>(10, kept.size()));
    QCOMPARE(tail.last().index, kept.last().index);
    QCOMPARE(m_listener->datagramsFrom(kept.last().index + 1).size(), 0);
    const Listener::Datagram &last = kept.last();
    QCOMPARE(m_listener->received(last.clientId)->read(last.offset, last.keptSize).size(), 4);

    // Read with recvmmsg(), never a recvmsg() a datagram; successive calls fold into a few trace lines.
    qsizetype batchEntries = 0;
    qint64 batchBytes = 0;
    for (const TraceEntry &entry : m_listener->trace().entries()) {
        QVERIFY2(entry.call != QLatin1StringView("recvmsg"), qPrintable(entry.args));
        if (entry.call == QLatin1StringView("recvmmsg")) {
            ++batchEntries;
            batchBytes += entry.totalBytes;
        }
    }
    QVERIFY(batchEntries >= 1);
    QVERIFY2(batchEntries < 10, qPrintable(QString::number(batchEntries)));
    QCOMPARE(batchBytes, totals.bytesIn);

    // A restart with a smaller cap keeps the newest records, in order.
    m_listener->stop();
    settings.maxDatagrams = 10;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    const QList<Listener::Datagram> newest = m_listener->datagrams();
    QCOMPARE(newest.size(), qMin<qsizetype>(10, kept.size()));
    QCOMPARE(newest.last().index, kept.last().index);
    for (qsizetype i = 1; i < newest.size(); ++i)
        QCOMPARE(newest.at(i).index, newest.at(i - 1).index + 1);
}

void TestListener::busyPortIsAddressInUse_data()
{
    QTest::addColumn<Listener::Transport>("transport");
    QTest::newRow("TCP") << Listener::Transport::Tcp;
    QTest::newRow("UDP") << Listener::Transport::Udp;
}

void TestListener::busyPortIsAddressInUse()
{
    QFETCH(Listener::Transport, transport);

    QVERIFY(!start(Listener::Mode::Echo, transport).isError());
    Listener second;
    Listener::Settings settings;
    settings.transport = transport;
    settings.address = m_listener->boundAddress();
    const NetError error = startAndWait(second, settings);
    QCOMPARE(error.kind, NetError::Kind::System);
    QCOMPARE(error.systemCode, EADDRINUSE);
    QCOMPARE(error.codeName(), QStringLiteral("EADDRINUSE"));
    QCOMPARE(error.call, QStringLiteral("bind"));
    QCOMPARE(error.detail, m_listener->boundAddress().toString());
    QVERIFY(!second.isRunning());
    QVERIFY(!second.isStarting());
    QVERIFY(!second.boundAddress().isValid());
    QVERIFY(m_listener->isRunning());
}

void TestListener::reuseAddressStillRefusesASecondListener()
{
    // The listener sets SO_REUSEADDR; Linux still refuses a second socket on a port that one
    // listens on, even when that one sets SO_REUSEADDR too (only SO_REUSEPORT would share it).
    QVERIFY(!start(Listener::Mode::Echo).isError());
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    const int one = 1;
    QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
    const SocketAddress address = m_listener->boundAddress();
    const int rc = ::bind(fd, address.data(), address.size());
    const int err = errno;
    ::close(fd);
    QCOMPARE(rc, -1);
    QCOMPARE(err, EADDRINUSE);
}

void TestListener::restartOnThePortOfAClosedRun()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    const SocketAddress address = m_listener->boundAddress();
    {
        BlockingClient client;
        QVERIFY(client.connectTo(address));
        QVERIFY(client.sendAll("x"));
        QCOMPARE(client.receiveExactly(1), QByteArray("x"));
        // The server closes first, so its side of the connection sits in TIME_WAIT.
        m_listener->stop();
        bool eof = false;
        client.receiveUntilClosed(&eof);
        QVERIFY(eof);
    }
    Listener::Settings settings;
    settings.address = address;
    const NetError error = startAndWait(*m_listener, settings);
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
    QCOMPARE(m_listener->boundAddress(), address);
    BlockingClient client;
    QVERIFY(client.connectTo(address));
    QVERIFY(client.sendAll("y"));
    QCOMPARE(client.receiveExactly(1), QByteArray("y"));
    // The first run's client is still in the table.
    QTRY_COMPARE(m_listener->clients().size(), 2);
}

void TestListener::httpOverUdpIsRefused()
{
    const NetError error = start(Listener::Mode::HttpDemo, Listener::Transport::Udp);
    QCOMPARE(error.systemCode, EPROTONOSUPPORT);
    QVERIFY(!m_listener->isRunning());
}

void TestListener::ipv6Loopback()
{
    Listener::Settings settings;
    settings.address = Listener::loopback(0, IpFamily::V6);
    const NetError error = startAndWait(*m_listener, settings);
    if (error.systemCode == EADDRNOTAVAIL || error.systemCode == EAFNOSUPPORT)
        QSKIP("no IPv6 loopback here");
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
    QCOMPARE(m_listener->boundAddress().host(), QStringLiteral("::1"));
    BlockingClient client(SOCK_STREAM, AF_INET6);
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("six"));
    QCOMPARE(client.receiveExactly(3), QByteArray("six"));
}

void TestListener::stopWithClientsConnectedIsClean()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QueuedSpy connected(m_listener.get(), &Listener::clientConnected);
    // A client that sends without ever reading, until every buffer between them is full.
    const SocketAddress address = m_listener->boundAddress();
    BlockingClient stuck;
    QVERIFY(stuck.connectTo(address));
    const QByteArray block(64 * 1024, 'z');
    qint64 pushed = 0;
    while (pushed < 256 * 1024 * 1024) {
        const ssize_t n = ::send(stuck.fd(), block.constData(), size_t(block.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            pushed += n;
            continue;
        }
        pollfd fd{stuck.fd(), POLLOUT, 0};
        if (::poll(&fd, 1, 200) == 0)
            break;
    }
    QVERIFY2(pushed < 256 * 1024 * 1024, "the server kept reading a client that does not read its echo");
    BlockingClient idle;
    QVERIFY(idle.connectTo(address));
    QTRY_COMPARE(connected.size(), 2);
    QVERIFY(m_listener->isRunning());

    m_listener->stop();
    QVERIFY(!m_listener->isRunning());
    QVERIFY(!m_listener->boundAddress().isValid());
    for (const Listener::Client &client : m_listener->clients())
        QVERIFY(!client.open);
    bool eof = false;
    idle.receiveUntilClosed(&eof);
    QVERIFY(eof);
    // Nothing listens any more.
    BlockingClient late;
    QVERIFY(!late.connectTo(address));
}

void TestListener::clientTableAndSignals()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QueuedSpy connected(m_listener.get(), &Listener::clientConnected);
    QueuedSpy changed(m_listener.get(), &Listener::clientChanged);
    QueuedSpy closed(m_listener.get(), &Listener::clientClosed);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    BlockingClient a;
    BlockingClient b;
    QVERIFY(a.connectTo(m_listener->boundAddress()));
    QVERIFY(b.connectTo(m_listener->boundAddress()));
    QVERIFY(a.sendAll("1234"));
    QVERIFY(b.sendAll("123456789"));
    QCOMPARE(a.receiveExactly(4), QByteArray("1234"));
    QCOMPARE(b.receiveExactly(9), QByteArray("123456789"));
    QTRY_COMPARE(connected.size(), 2);
    QTRY_VERIFY(!changed.isEmpty());

    const auto recordA = clientAt(a.localAddress());
    const auto recordB = clientAt(b.localAddress());
    QVERIFY(recordA && recordB);
    QVERIFY(recordA->id != recordB->id);
    const QList<quint64> connectedIds = {connected.value(0), connected.value(1)};
    QVERIFY(connectedIds.contains(recordA->id) && connectedIds.contains(recordB->id));
    QTRY_COMPARE(m_listener->client(recordB->id)->bytesOut, qint64(9));
    QCOMPARE(m_listener->client(recordB->id)->bytesIn, qint64(9));
    QCOMPARE(m_listener->client(recordA->id)->bytesIn, qint64(4));
    QVERIFY(recordA->open);
    QVERIFY(recordA->connectedAt >= before.addSecs(-1));
    QVERIFY(!recordA->closedAt.isValid());
    QCOMPARE(m_listener->sent(recordB->id)->toByteArray(), QByteArray("123456789"));

    a.close();
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(closed.value(0), recordA->id);
    const auto closedA = m_listener->client(recordA->id);
    QVERIFY(!closedA->open);
    QVERIFY(closedA->closedAt >= closedA->connectedAt);
    QVERIFY(m_listener->client(recordB->id)->open);
    QVERIFY(!m_listener->client(12345));
    QVERIFY(!m_listener->received(12345));
}

void TestListener::captureBudgetKeepsCounting()
{
    Listener::Settings settings;
    settings.mode = Listener::Mode::LogOnly;
    settings.captureBudget = 1000;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    const QByteArray payload = patternBytes(5000);
    QVERIFY(client.sendAll(payload));
    client.shutdownWrite();
    bool eof = false;
    client.receiveUntilClosed(&eof);
    QVERIFY(eof);
    const auto record = clientAt(client.localAddress());
    QVERIFY(record);
    QTRY_COMPARE(m_listener->client(record->id)->bytesIn, qint64(5000));
    QCOMPARE(m_listener->received(record->id)->toByteArray(), payload.first(1000));
    QCOMPARE(m_listener->client(record->id)->keptIn, qint64(1000));
    QVERIFY(m_listener->client(record->id)->bytesDropped);
}

void TestListener::captureBudgetDropsOlderClientsFirst()
{
    // One budget for the whole listener: a second client's bytes push out the first one's, and
    // every count stays exact.
    Listener::Settings settings;
    settings.mode = Listener::Mode::LogOnly;
    settings.captureBudget = 10000;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    QueuedSpy closed(m_listener.get(), &Listener::clientClosed);
    const QByteArray first = patternBytes(6000);
    const QByteArray second = patternBytes(7000).mid(1000);
    quint64 ids[2] = {};
    for (int i = 0; i < 2; ++i) {
        BlockingClient client;
        QVERIFY(client.connectTo(m_listener->boundAddress()));
        QVERIFY(client.sendAll(i == 0 ? first : second));
        client.shutdownWrite();
        bool eof = false;
        client.receiveUntilClosed(&eof);
        QVERIFY(eof);
        QTRY_COMPARE(closed.size(), i + 1);
        ids[i] = closed.value(i);
    }
    const auto older = m_listener->client(ids[0]);
    const auto newer = m_listener->client(ids[1]);
    QVERIFY(older && newer);
    QCOMPARE(older->bytesIn, qint64(6000));
    QVERIFY(older->bytesDropped);
    QCOMPARE(older->keptIn, qint64(0));
    QCOMPARE(m_listener->received(ids[0])->size(), qint64(0));
    QCOMPARE(newer->bytesIn, qint64(6000));
    QVERIFY(!newer->bytesDropped);
    QCOMPARE(newer->keptIn, qint64(6000));
    QCOMPARE(m_listener->received(ids[1])->toByteArray(), second);
    QCOMPARE(m_listener->totals().bytesIn, qint64(12000));
    QCOMPARE(m_listener->totals().clients, qint64(2));
}

void TestListener::maxClientsRefusesTheNext()
{
    Listener::Settings settings;
    settings.maxClients = 2;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    QueuedSpy connected(m_listener.get(), &Listener::clientConnected);
    QueuedSpy refused(m_listener.get(), &Listener::clientRefused);
    QueuedSpy closed(m_listener.get(), &Listener::clientClosed);
    const SocketAddress address = m_listener->boundAddress();
    BlockingClient first;
    BlockingClient second;
    for (BlockingClient *client : {&first, &second}) {
        QVERIFY(client->connectTo(address));
        QVERIFY(client->sendAll("served"));
        QCOMPARE(client->receiveExactly(6), QByteArray("served"));
    }

    // The third is accepted and closed at once (it sends nothing: bytes unread at the close would
    // turn the FIN into a reset).
    BlockingClient third;
    QVERIFY(third.connectTo(address));
    bool eof = false;
    QCOMPARE(third.receiveUntilClosed(&eof), QByteArray());
    QVERIFY(eof);
    QTRY_COMPARE(refused.size(), 1);
    QCOMPARE(connected.size(), 2);
    const auto record = m_listener->client(refused.value(0));
    QVERIFY(record);
    QVERIFY(record->refused);
    QVERIFY(!record->open);
    QCOMPARE(record->peer, third.localAddress());
    QCOMPARE(record->bytesIn, qint64(0));
    Listener::Totals totals = m_listener->totals();
    QCOMPARE(totals.clients, qint64(3));
    QCOMPARE(totals.refused, qint64(1));
    QCOMPARE(totals.open, qint64(2));

    // A slot set free is taken by the next one.
    first.close();
    QTRY_COMPARE(closed.size(), 1);
    BlockingClient fourth;
    QVERIFY(fourth.connectTo(address));
    QVERIFY(fourth.sendAll("again"));
    QCOMPARE(fourth.receiveExactly(5), QByteArray("again"));
    QCOMPARE(refused.size(), 1);
    totals = m_listener->totals();
    QCOMPARE(totals.clients, qint64(4));
    QCOMPARE(totals.open, qint64(2));
}

void TestListener::closedClientsAreCapped()
{
    Listener::Settings settings;
    settings.maxClosedClients = 3;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    QueuedSpy closed(m_listener.get(), &Listener::clientClosed);
    for (int i = 0; i < 5; ++i) {
        BlockingClient client;
        QVERIFY(client.connectTo(m_listener->boundAddress()));
        client.close();
        QTRY_COMPARE(closed.size(), i + 1);
    }
    BlockingClient open;
    QVERIFY(open.connectTo(m_listener->boundAddress()));
    QTRY_COMPARE(m_listener->clients().size(), 4);
    const QList<Listener::Client> clients = m_listener->clients();
    QList<quint64> closedIds;
    for (const Listener::Client &client : clients) {
        if (!client.open)
            closedIds.append(client.id);
    }
    QCOMPARE(closedIds, QList<quint64>({closed.value(2), closed.value(3), closed.value(4)}));
    QVERIFY(!m_listener->received(closed.value(0)));
    // The table forgot two clients; the counts did not.
    const Listener::Totals totals = m_listener->totals();
    QCOMPARE(totals.clients, qint64(6));
    QCOMPARE(totals.open, qint64(1));
    QCOMPARE(totals.refused, qint64(0));
}

void TestListener::traceRecordsTheCalls()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QueuedSpy closed(m_listener.get(), &Listener::clientClosed);
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("trace me"));
    QCOMPARE(client.receiveExactly(8), QByteArray("trace me"));
    client.close();
    QTRY_COMPARE(closed.size(), 1);
    m_listener->stop();

    QStringList calls;
    for (const TraceEntry &entry : m_listener->trace().entries())
        calls.append(entry.call);
    for (const char *call : {"socket", "setsockopt", "bind", "listen", "getsockname", "accept4", "recv", "send", "close"})
        QVERIFY2(calls.contains(QLatin1String(call)), call);
    QVERIFY(calls.indexOf(QStringLiteral("bind")) < calls.indexOf(QStringLiteral("listen")));
    QVERIFY(calls.indexOf(QStringLiteral("listen")) < calls.indexOf(QStringLiteral("accept4")));
    const QList<TraceEntry> entries = m_listener->trace().entries();
    const auto send = std::find_if(entries.begin(), entries.end(), [](const TraceEntry &e) { return e.call == QLatin1String("send"); });
    QVERIFY(send->args.contains(QLatin1String("\"trace me\"")));
    QCOMPARE(send->result, qint64(8));
    // Two closes: the client's socket, then the listening one when the run ended.
    QCOMPARE(calls.count(QStringLiteral("close")), 2);
}

void TestListener::acceptFailureBacksOff()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QueuedSpy errors(m_listener.get(), &Listener::errorOccurred);
    QueuedSpy paused(m_listener.get(), &Listener::acceptPaused);
    QueuedSpy resumed(m_listener.get(), &Listener::acceptResumed);
    QueuedSpy connected(m_listener.get(), &Listener::clientConnected);
    const Trace &trace = m_listener->trace();
    const SocketAddress address = m_listener->boundAddress();
    // Failed accept4() calls, folded runs counted one by one.
    const auto failedAccepts = [&trace] {
        int count = 0;
        for (const TraceEntry &entry : trace.entries()) {
            if (entry.call == QLatin1String("accept4") && entry.errnoCode == EMFILE)
                count += entry.count;
        }
        return count;
    };
    BlockingClient client;

    // With no descriptor left, accept4() fails with EMFILE while the connection waits in the backlog.
    TestSupport::NoFreeDescriptor noDescriptor;
    QVERIFY(noDescriptor.isActive());
    const bool connectedOk = client.connectTo(address);
    // Not the event loop: it (and the sanitizers' checks) may need a descriptor. The worker's
    // trace is read instead, in short naps, until accept4() has failed.
    bool failed = false;
    for (int i = 0; i < 5000 && !failed; ++i) {
        failed = failedAccepts() > 0;
        if (!failed)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    // 1.5 s of failures: with pauses of 100, 200, 400 and 800 ms that is at most 5 calls (a fixed
    // 100 ms pause would make 15, no pause millions).
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const int attempts = failedAccepts();
    QVERIFY(noDescriptor.restore());

    QVERIFY(connectedOk);
    QVERIFY(failed);
    QVERIFY2(attempts >= 2 && attempts <= 6, qPrintable(QString::number(attempts)));
    // One notice for the whole streak, not one per attempt.
    QTRY_COMPARE(paused.size(), 1);
    const NetError error = paused.value(0);
    QCOMPARE(error.systemCode, EMFILE);
    QCOMPARE(error.call, QStringLiteral("accept"));
    // The worker takes the connection once it can, and says that it accepts again.
    QTRY_COMPARE(connected.size(), 1);
    QTRY_COMPARE(resumed.size(), 1);
    QCOMPARE(paused.size(), 1);
    QVERIFY(errors.isEmpty());
    QVERIFY(client.sendAll("late"));
    QCOMPARE(client.receiveExactly(4), QByteArray("late"));
}

void TestListener::startReturnsBeforeTheBind()
{
    QueuedSpy listening(m_listener.get(), &Listener::listening);
    Listener::Settings settings;
    QVERIFY(!m_listener->start(settings).isError());
    // The bind happens on the worker's thread; only the owner's event loop hears of it.
    QVERIFY(m_listener->isStarting());
    QVERIFY(!m_listener->isRunning());
    QVERIFY(!m_listener->boundAddress().isValid());
    QTRY_COMPARE(listening.size(), 1);
    QVERIFY(m_listener->isRunning());
    QVERIFY(!m_listener->isStarting());
    QCOMPARE(listening.value(0), m_listener->boundAddress());
    QVERIFY(listening.value(0).port() != 0);
}

void TestListener::stoppedRunNeverAnswers()
{
    // The first run binds before stop() cancels it, so its listening() is queued already; it
    // belongs to a run that is over and must not be taken for the second run's.
    QueuedSpy listening(m_listener.get(), &Listener::listening);
    QueuedSpy failed(m_listener.get(), &Listener::startFailed);
    Listener::Settings settings;
    QVERIFY(!m_listener->start(settings).isError());
    m_listener->stop();
    QVERIFY(!m_listener->isStarting());
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    QCOMPARE(listening.size(), 1);
    QCOMPARE(listening.value(0), m_listener->boundAddress());
    QVERIFY(failed.isEmpty());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("2"));
    QCOMPARE(client.receiveExactly(1), QByteArray("2"));
}

void TestListener::noEventfdIsAnError()
{
    // With no descriptor left, the cancel token's eventfd cannot be made: a worker nobody could
    // stop must not start, and the reason is the error start() returns.
    TestSupport::NoFreeDescriptor noDescriptor;
    QVERIFY(noDescriptor.isActive());
    const NetError error = m_listener->start(Listener::Settings{});
    const bool starting = m_listener->isStarting();
    QVERIFY(noDescriptor.restore());

    QCOMPARE(error.systemCode, EMFILE);
    QCOMPARE(error.call, QStringLiteral("eventfd"));
    QVERIFY(!starting);
    QVERIFY(!m_listener->isRunning());
    // With descriptors again, the same listener starts.
    QVERIFY(!startAndWait(*m_listener, Listener::Settings{}).isError());
}

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
