#include "net/canceltoken.h"
#include "net/socket.h"
#include "net/trace.h"
#include "servers/listener.h"

#include <QTest>

#include <cerrno>
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

} // namespace

class TestSocket : public QObject
{
    Q_OBJECT
private slots:
    void receiveData();
    void receiveWouldBlock();
    void receiveClosed();
    void receiveFailed();
    void receiveFromEmptyDatagram();
    void receiveFromTruncates();
    void receiveFromWouldBlock();
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

void TestSocket::receiveFromEmptyDatagram()
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
    const ReceiveResult got = receiver.receiveFrom(buffer, sizeof buffer);
    // UDP has no end of stream: an empty datagram is data, not a close.
    QCOMPARE(got.status, ReceiveResult::Status::Data);
    QCOMPARE(got.bytes, qint64(0));
    QCOMPARE(got.datagramSize, qint64(0));
    QCOMPARE(got.from, senderAddress);
}

void TestSocket::receiveFromTruncates()
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
    const ReceiveResult got = receiver.receiveFrom(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::Data);
    QCOMPARE(got.bytes, qint64(1024));
    QCOMPARE(got.datagramSize, qint64(2000));
    QCOMPARE(got.from.toString(), senderAddress.toString());
}

void TestSocket::receiveFromWouldBlock()
{
    Trace trace;
    Socket receiver(trace, nullptr);
    SocketAddress receiverAddress;
    QVERIFY(openBoundUdp(receiver, &receiverAddress));
    char buffer[16];
    const ReceiveResult got = receiver.receiveFrom(buffer, sizeof buffer);
    QCOMPARE(got.status, ReceiveResult::Status::WouldBlock);
    QVERIFY(!got.from.isValid());
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
