#include "net/canceltoken.h"
#include "net/socket.h"
#include "net/trace.h"
#include "servers/listener.h"

#include <QTest>

#include <algorithm>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace SocketLab;

namespace {

// A connected pair: the Socket owns one end, the test writes and closes the other.
struct StreamPair
{
    Trace trace;
    Socket socket{trace, nullptr};
    int peer = -1;

    bool open()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
            return false;
        socket.adopt(fds[0]);
        peer = fds[1];
        return true;
    }
    ~StreamPair()
    {
        if (peer >= 0)
            ::close(peer);
    }
};

// A UDP socket bound to an ephemeral loopback port.
bool openBoundUdp(Socket &socket, SocketAddress *bound)
{
    if (socket.open(IpFamily::V4, SocketKind::Datagram, 0).isError()
        || socket.bind(Listener::loopback(0)).isError())
        return false;
    *bound = socket.localAddress();
    return bound->isValid();
}

// A bound UDP socket that counts drops, with room for a few datagrams only: the rest of a burst
// that nobody reads is dropped.
bool openDroppingReceiver(Socket &receiver, SocketAddress *bound)
{
    return openBoundUdp(receiver, bound) && !receiver.countDrops().isError()
           && !receiver.setOption(SOL_SOCKET, SO_RCVBUF, 2048, "SO_RCVBUF").isError();
}

// Sends `count` 16-byte datagrams to `to`, as fast as sendto() takes them.
bool sendBurst(Socket &sender, const SocketAddress &to, int count)
{
    for (int i = 0; i < count; ++i) {
        qint64 sent = 0;
        if (sender.sendTo("0123456789abcdef", 16, to, &sent).isError())
            return false;
    }
    return true;
}

} // namespace

class TestSocket : public QObject
{
    Q_OBJECT
private slots:
    void receiveData();
    void receiveWouldBlock();
    void receiveClosed();
    void receiveFailed();
    void receiveDatagramEmpty();
    void receiveDatagramTruncates();
    void receiveDatagramWouldBlock();
    void receiveDatagramDestination_data();
    void receiveDatagramDestination();
    void receiveDatagramCountsDrops();
    void receiveDatagramsReadsABatch();
    void receiveDatagramsCountsDropsPerDatagram();
    void addressFamily();
    void namesAsTheHeadersSpellThem();
};

void TestSocket::receiveData()
{
    StreamPair pair;
    QVERIFY(pair.open());
    QCOMPARE(::write(pair.peer, "hello", 5), 5);
    char buffer[16] = {};
    const ReceiveResult got = pair.socket.receive(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::Data);
    QCOMPARE(got.bytes, qint64(5));
    QCOMPARE(QByteArray(buffer, 5), QByteArray("hello"));
    QVERIFY(!got.error.isError());
    QCOMPARE(pair.trace.entries().last().call, QStringLiteral("recv"));
    QCOMPARE(pair.trace.entries().last().result, qint64(5));
}

void TestSocket::receiveWouldBlock()
{
    StreamPair pair;
    QVERIFY(pair.open());
    const qsizetype before = pair.trace.entries().size();
    char buffer[16];
    const ReceiveResult got = pair.socket.receive(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::WouldBlock);
    QCOMPARE(got.bytes, qint64(0));
    QVERIFY(!got.error.isError());
    // A poll-then-recv loop meets EAGAIN all the time: it is not a call worth a line of the trace.
    QCOMPARE(pair.trace.entries().size(), before);
}

void TestSocket::receiveClosed()
{
    StreamPair pair;
    QVERIFY(pair.open());
    ::close(pair.peer);
    pair.peer = -1;
    char buffer[16];
    const ReceiveResult got = pair.socket.receive(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::Closed);
    QCOMPARE(got.bytes, qint64(0));
    QVERIFY(!got.error.isError());
    QCOMPARE(pair.trace.entries().last().result, qint64(0));
}

void TestSocket::receiveFailed()
{
    // recv() on a descriptor that is no socket: a failure the trace and the result both report.
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    ::close(fds[1]);
    Trace trace;
    Socket socket(trace, nullptr);
    socket.adopt(fds[0]);
    char buffer[16];
    const ReceiveResult got = socket.receive(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::Failed);
    QCOMPARE(got.bytes, qint64(0));
    QCOMPARE(got.error.kind, NetError::Kind::System);
    QCOMPARE(got.error.systemCode, ENOTSOCK);
    QCOMPARE(got.error.call, QStringLiteral("recv"));
    QCOMPARE(trace.entries().last().errnoCode, ENOTSOCK);
}

void TestSocket::receiveDatagramEmpty()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    Socket sender(trace, nullptr);
    SocketAddress receiverAddress;
    SocketAddress senderAddress;
    QVERIFY(openBoundUdp(receiver, &receiverAddress));
    QVERIFY(openBoundUdp(sender, &senderAddress));
    qint64 sent = -1;
    QVERIFY(!sender.sendTo("", 0, receiverAddress, &sent).isError());
    NetError waitError;
    QCOMPARE(receiver.wait(false, QDeadlineTimer(10000), &waitError), Socket::Wait::Ready);
    char buffer[16];
    const ReceiveResult got = receiver.receiveDatagram(buffer, sizeof buffer);
    // UDP has no end of stream: an empty datagram is data, not a close.
    QCOMPARE(got.status, ReceiveResult::Status::Data);
    QCOMPARE(got.bytes, qint64(0));
    QCOMPARE(got.datagramSize, qint64(0));
    QCOMPARE(got.from, senderAddress);
}

void TestSocket::receiveDatagramTruncates()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    Socket sender(trace, nullptr);
    SocketAddress receiverAddress;
    SocketAddress senderAddress;
    QVERIFY(openBoundUdp(receiver, &receiverAddress));
    QVERIFY(openBoundUdp(sender, &senderAddress));
    const QByteArray datagram(2000, 'd');
    qint64 sent = -1;
    QVERIFY(!sender.sendTo(datagram.constData(), datagram.size(), receiverAddress, &sent).isError());
    NetError waitError;
    QCOMPARE(receiver.wait(false, QDeadlineTimer(10000), &waitError), Socket::Wait::Ready);
    char buffer[1024];
    const ReceiveResult got = receiver.receiveDatagram(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::Data);
    QCOMPARE(got.bytes, qint64(1024));
    QCOMPARE(got.datagramSize, qint64(2000));
    QCOMPARE(got.from.toString(), senderAddress.toString());
}

void TestSocket::receiveDatagramWouldBlock()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    SocketAddress receiverAddress;
    QVERIFY(openBoundUdp(receiver, &receiverAddress));
    char buffer[16];
    const ReceiveResult got = receiver.receiveDatagram(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::WouldBlock);
    QVERIFY(!got.from.isValid());
}

void TestSocket::receiveDatagramDestination_data()
{
    QTest::addColumn<IpFamily>("family");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("option");
    QTest::newRow("IPv4, IP_PKTINFO") << IpFamily::V4 << int(IPPROTO_IP) << int(IP_PKTINFO);
    QTest::newRow("IPv6, IPV6_RECVPKTINFO") << IpFamily::V6 << int(IPPROTO_IPV6) << int(IPV6_RECVPKTINFO);
}

void TestSocket::receiveDatagramDestination()
{
    QFETCH(IpFamily, family);
    QFETCH(int, level);
    QFETCH(int, option);
    Trace trace;
    Socket receiver(trace, nullptr);
    Socket sender(trace, nullptr);
    QVERIFY(!receiver.open(family, SocketKind::Datagram, 0).isError());
    QVERIFY(!receiver.setOption(level, option, 1, "PKTINFO").isError());
    QVERIFY(!receiver.bind(Listener::loopback(0, family)).isError());
    const SocketAddress receiverAddress = receiver.localAddress();
    QVERIFY(!sender.open(family, SocketKind::Datagram, 0).isError());
    qint64 sent = -1;
    QVERIFY(!sender.sendTo("hi", 2, receiverAddress, &sent).isError());
    NetError waitError;
    QCOMPARE(receiver.wait(false, QDeadlineTimer(10000), &waitError), Socket::Wait::Ready);
    char buffer[16];
    const ReceiveResult got = receiver.receiveDatagram(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::Data);
    QCOMPARE(got.bytes, qint64(2));
    // The sender is bound to any address; the datagram came from loopback.
    QCOMPARE(got.from.host(), receiverAddress.host());
    QCOMPARE(got.from.port(), sender.localAddress().port());
    QVERIFY(got.destination.has_value());
    QCOMPARE(got.destination->host(), receiverAddress.host());
    QCOMPARE(got.destination->family(), family);
    // Nothing dropped: the counter is not in the ancillary data.
    QVERIFY(!got.dropCounter.has_value());
    const QList<TraceEntry> entries = trace.entries();
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const TraceEntry &entry) {
        return entry.call == QLatin1StringView("recvmsg") && entry.args.contains(QLatin1StringView("PKTINFO={"));
    }));
}

void TestSocket::receiveDatagramCountsDrops()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    SocketAddress receiverAddress;
    QVERIFY(openDroppingReceiver(receiver, &receiverAddress));
    QCOMPARE(receiver.dropCounter(), std::optional<quint32>(0));
    Socket sender(trace, nullptr);
    SocketAddress senderAddress;
    QVERIFY(openBoundUdp(sender, &senderAddress));
    constexpr int Burst = 500;
    QVERIFY(sendBurst(sender, receiverAddress, Burst));
    int firstReceived = 0;
    char buffer[64];
    while (receiver.receiveDatagram(buffer, sizeof buffer).status == ReceiveResult::Status::Data)
        ++firstReceived;
    const std::optional<quint32> afterFirst = receiver.dropCounter();
    QVERIFY(afterFirst.has_value());
    QVERIFY2(*afterFirst > 0, "the burst should overflow a 2 KiB receive buffer");
    QCOMPARE(qint64(firstReceived) + *afterFirst, qint64(Burst));

    // The datagrams queued after the drops carry the count as it was when they were queued.
    QVERIFY(sendBurst(sender, receiverAddress, Burst));
    const ReceiveResult first = receiver.receiveDatagram(buffer, sizeof buffer);
    QCOMPARE(first.status, ReceiveResult::Status::Data);
    QCOMPARE(first.dropCounter, afterFirst);
    int secondReceived = 1;
    while (receiver.receiveDatagram(buffer, sizeof buffer).status == ReceiveResult::Status::Data)
        ++secondReceived;
    QCOMPARE(qint64(firstReceived + secondReceived) + *receiver.dropCounter(), qint64(2 * Burst));
    const QList<TraceEntry> entries = trace.entries();
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const TraceEntry &entry) {
        return entry.call == QLatin1StringView("setsockopt") && entry.args.contains(QLatin1StringView("SO_RXQ_OVFL"));
    }));
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const TraceEntry &entry) {
        return entry.call == QLatin1StringView("recvmsg") && entry.args.contains(QLatin1StringView("SO_RXQ_OVFL="));
    }));
}

void TestSocket::receiveDatagramsReadsABatch()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    Socket first(trace, nullptr);
    Socket second(trace, nullptr);
    SocketAddress receiverAddress, firstAddress, secondAddress;
    QVERIFY(openBoundUdp(receiver, &receiverAddress));
    QVERIFY(openBoundUdp(first, &firstAddress));
    QVERIFY(openBoundUdp(second, &secondAddress));
    const QByteArray large(2000, 'L');
    qint64 sent = -1;
    // On loopback sendto() queues the datagram before it returns: all four wait when reading starts.
    QVERIFY(!first.sendTo("one", 3, receiverAddress, &sent).isError());
    QVERIFY(!second.sendTo(large.constData(), large.size(), receiverAddress, &sent).isError());
    QVERIFY(!first.sendTo("", 0, receiverAddress, &sent).isError());
    QVERIFY(!second.sendTo("four", 4, receiverAddress, &sent).isError());

    DatagramBatch batch(3, 1024);
    QCOMPARE(batch.capacity(), 3);
    QVERIFY(!receiver.receiveDatagrams(batch).isError());
    QCOMPARE(batch.size(), 3);
    QCOMPARE(batch.result(0).status, ReceiveResult::Status::Data);
    QCOMPARE(batch.result(0).from, firstAddress);
    QCOMPARE(batch.result(0).bytes, qint64(3));
    QCOMPARE(batch.result(0).datagramSize, qint64(3));
    QCOMPARE(QByteArray(batch.data(0), 3), QByteArray("one"));
    // Larger than its room: cut, with its real size (MSG_TRUNC for this datagram alone).
    QCOMPARE(batch.result(1).from, secondAddress);
    QCOMPARE(batch.result(1).bytes, qint64(1024));
    QCOMPARE(batch.result(1).datagramSize, qint64(2000));
    QCOMPARE(QByteArray(batch.data(1), 1024), large.left(1024));
    // An empty datagram is one too.
    QCOMPARE(batch.result(2).from, firstAddress);
    QCOMPARE(batch.result(2).bytes, qint64(0));
    QCOMPARE(batch.result(2).datagramSize, qint64(0));
    for (int i = 0; i < batch.size(); ++i) {
        QVERIFY(!batch.result(i).dropCounter.has_value());
        QVERIFY(!batch.result(i).destination.has_value());
    }

    // The rest, then nothing: no error, no datagram.
    QVERIFY(!receiver.receiveDatagrams(batch).isError());
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.result(0).from, secondAddress);
    QCOMPARE(batch.result(0).datagramSize, qint64(4));
    QCOMPARE(QByteArray(batch.data(0), 4), QByteArray("four"));
    QVERIFY(!receiver.receiveDatagrams(batch).isError());
    QCOMPARE(batch.size(), 0);

    // Two calls, one trace entry: its result is the first call's count, its bytes those of both.
    const QList<TraceEntry> entries = trace.entries();
    const auto calls = std::count_if(entries.cbegin(), entries.cend(), [](const TraceEntry &entry) {
        return entry.call == QLatin1StringView("recvmmsg");
    });
    QCOMPARE(calls, qsizetype(1));
    const TraceEntry &entry = *std::find_if(entries.cbegin(), entries.cend(), [](const TraceEntry &e) {
        return e.call == QLatin1StringView("recvmmsg");
    });
    QCOMPARE(entry.result, qint64(3));
    QCOMPARE(entry.count, 2);
    QCOMPARE(entry.totalBytes, qint64(3 + 1024 + 0 + 4));
    QVERIFY2(entry.args.contains(firstAddress.toString()) && entry.args.contains(QLatin1StringView("MSG_TRUNC")),
             qPrintable(entry.args));
}

void TestSocket::receiveDatagramsCountsDropsPerDatagram()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    SocketAddress receiverAddress;
    QVERIFY(openDroppingReceiver(receiver, &receiverAddress));
    Socket sender(trace, nullptr);
    SocketAddress senderAddress;
    QVERIFY(openBoundUdp(sender, &senderAddress));
    constexpr int Burst = 500;
    DatagramBatch batch(64, 64);
    // A 2 KiB buffer holds a few datagrams, far fewer than a batch: one call empties it.
    QVERIFY(sendBurst(sender, receiverAddress, Burst));
    QVERIFY(!receiver.receiveDatagrams(batch).isError());
    const int firstReceived = batch.size();
    QVERIFY(firstReceived > 0 && firstReceived < batch.capacity());
    // Queued before any drop: the count was 0, so none is carried.
    for (int i = 0; i < batch.size(); ++i)
        QVERIFY(!batch.result(i).dropCounter.has_value());
    const std::optional<quint32> afterFirst = receiver.dropCounter();
    QVERIFY(afterFirst.has_value());
    QCOMPARE(qint64(firstReceived) + *afterFirst, qint64(Burst));

    // Each datagram of the next batch carries, in its own control buffer, the count as it was
    // when it was queued: all were queued after the first burst's drops, before the second's.
    QVERIFY(sendBurst(sender, receiverAddress, Burst));
    QVERIFY(!receiver.receiveDatagrams(batch).isError());
    const int secondReceived = batch.size();
    QVERIFY(secondReceived > 1);
    for (int i = 0; i < batch.size(); ++i) {
        QCOMPARE(batch.result(i).dropCounter, afterFirst);
        QCOMPARE(batch.result(i).datagramSize, qint64(16));
    }
    QCOMPARE(qint64(firstReceived + secondReceived) + *receiver.dropCounter(), qint64(2 * Burst));
}

void TestSocket::addressFamily()
{
    QCOMPARE(SocketAddress().family(), IpFamily::Any);
    QCOMPARE(Listener::loopback(80).family(), IpFamily::V4);
    QCOMPARE(Listener::loopback(80, IpFamily::V6).family(), IpFamily::V6);
    QCOMPARE(SocketAddress::fromNumeric(QStringLiteral("::1"), 7)->family(), IpFamily::V6);
    // The enums carry the C library's numbers, so a socket call gets them unchanged.
    QCOMPARE(int(IpFamily::V4), AF_INET);
    QCOMPARE(int(IpFamily::V6), AF_INET6);
    QCOMPARE(int(SocketKind::Stream), SOCK_STREAM);
    QCOMPARE(int(SocketKind::SeqPacket), SOCK_SEQPACKET);
}

void TestSocket::namesAsTheHeadersSpellThem()
{
    QCOMPARE(familyName(IpFamily::Any), QStringLiteral("AF_UNSPEC"));
    QCOMPARE(familyName(IpFamily::V6), QStringLiteral("AF_INET6"));
    QCOMPARE(familyName(IpFamily(AF_UNIX)), QStringLiteral("AF_UNIX"));
    QCOMPARE(familyName(IpFamily(12345)), QStringLiteral("12345"));
    QCOMPARE(socketTypeName(SocketKind::Any), QStringLiteral("0"));
    QCOMPARE(socketTypeName(SocketKind::Raw), QStringLiteral("SOCK_RAW"));
    QCOMPARE(socketTypeName(SocketKind(9)), QStringLiteral("9"));
    const QStringList families{QStringLiteral("AF_UNSPEC"), QStringLiteral("AF_INET"), QStringLiteral("AF_INET6")};
    QStringList shown;
    for (const IpFamily family : hintFamilies())
        shown << familyName(family);
    QCOMPARE(shown, families);
    shown.clear();
    for (const SocketKind kind : hintSocketTypes())
        shown << socketTypeName(kind);
    QCOMPARE(shown, (QStringList{QStringLiteral("0"), QStringLiteral("SOCK_STREAM"), QStringLiteral("SOCK_DGRAM"),
                                 QStringLiteral("SOCK_RAW"), QStringLiteral("SOCK_SEQPACKET")}));
}

QTEST_GUILESS_MAIN(TestSocket)
#include "tst_socket.moc"
