// core/capture: the pcapng file of a TCP or UDP exchange, read back by Debian's tshark.
#include "bytes/bytestore.h"
#include "capture/conversationcapture.h"
#include "capture/tcpcapture.h"
#include "conversation/conversationrecord.h"
#include "capture/udpcapture.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "tshark.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace SocketLab;

namespace {

SocketAddress address(const char *host, quint16 port)
{
    return *SocketAddress::fromNumeric(QString::fromLatin1(host), port);
}

// A reply of `sizes` bytes, one recv() each, 10 ms apart; its bytes count 0..250 over and over.
struct Reply
{
    ByteStore store;
    QByteArray bytes;

    explicit Reply(const QList<qint64> &sizes)
    {
        qint64 time = 2000;
        for (const qint64 size : sizes) {
            QByteArray part;
            for (qint64 i = 0; i < size; ++i)
                part.append(char((bytes.size() + i) % 251));
            store.append(part.constData(), part.size(), time);
            bytes += part;
            time += 10000;
        }
    }
};

TcpResult connectedResult(const char *client, const char *server, qint64 sent)
{
    TcpResult result;
    result.local = address(client, 40000);
    result.connectedTo = address(server, 8080);
    result.timings.connectedUs = 1000;
    result.timings.totalUs = 90000;
    result.sentBytes = sent;
    return result;
}

ConnectAttempt attempt(const char *host, quint16 port, const NetError &error, qint64 startUs, qint64 endUs)
{
    return ConnectAttempt{address(host, port), error, startUs, endUs};
}

// One message of a conversation: its bytes into its direction's store, its event into the record.
void message(ConversationRecord &record, bool sent, const QByteArray &bytes, qint64 timeUs)
{
    ByteStore &store = sent ? record.sentStore() : record.receivedStore();
    ConversationEvent event;
    event.kind = sent ? ConversationEvent::Kind::Sent : ConversationEvent::Kind::Received;
    event.timeUs = timeUs;
    event.offset = store.size();
    event.size = bytes.size();
    store.append(bytes.constData(), bytes.size(), timeUs);
    record.addData(event, true);
}

void control(ConversationRecord &record, ConversationEvent::Kind kind, qint64 timeUs)
{
    ConversationEvent event;
    event.kind = kind;
    event.timeUs = timeUs;
    record.add(event);
}

QString save(const PcapngFile &file, const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    const NetError error = file.save(path);
    return error.isError() ? QString() : path;
}

} // namespace

class TestPcapng : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!Tshark::available())
            QFAIL("tshark is missing: scripts/install-deps.sh installs it");
    }

    void tcpEndings_data()
    {
        QTest::addColumn<QByteArray>("client");
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<int>("ending");  // 0: the peer closed, 1: the peer reset, 2: the client stopped reading
        QTest::addColumn<QByteArray>("lastFlags");
        QTest::addColumn<bool>("lastFromServer");
        QTest::newRow("IPv4 peer closed") << QByteArray("127.0.0.1") << QByteArray("127.0.0.2") << 0 << QByteArray("A") << true;
        QTest::newRow("IPv4 reset") << QByteArray("127.0.0.1") << QByteArray("127.0.0.2") << 1 << QByteArray("R") << true;
        QTest::newRow("IPv6 client stopped") << QByteArray("::1") << QByteArray("::2") << 2 << QByteArray("A") << true;
    }

    // A reply in three recv() of which one is larger than a packet: the stream comes back whole, no
    // complaint, and the end is the one the exchange had.
    void tcpEndings()
    {
        QFETCH(QByteArray, client);
        QFETCH(QByteArray, server);
        QFETCH(int, ending);
        QFETCH(QByteArray, lastFlags);
        QFETCH(bool, lastFromServer);
        QTemporaryDir dir;
        const QByteArray request = QByteArrayLiteral("HELLO\r\n");
        Reply reply({100, 70000, 5});
        TcpResult result = connectedResult(client.constData(), server.constData(), request.size());
        if (ending == 1)
            result.error = NetError::fromErrno(ECONNRESET, QStringLiteral("recv"));
        else if (ending == 2)
            result.stop.reason = StopReason::ByteCountReached;
        const QString path = save(tcpCapture({&result, request, &reply.store, reply.store.segments(), {}, 1700000000000000}),
                                  dir, QStringLiteral("tcp.pcapng"));
        QVERIFY(!path.isEmpty());
        // Wireshark warns of every reset: that one, and nothing else.
        QCOMPARE(Tshark::complaints(path), ending == 1 ? QByteArray("1 Sequence TCP Connection reset (RST)\n") : QByteArray());
        const Tshark::Stream stream = Tshark::followTcp(path);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, request);
        QCOMPARE(stream.fromServer, reply.bytes);

        const QList<QByteArray> flags = Tshark::fields(path, QStringLiteral("tcp.flags.str"));
        const QList<QByteArray> ports = Tshark::fields(path, QStringLiteral("tcp.srcport"));
        QVERIFY(!flags.isEmpty());
        QVERIFY2(flags.constLast().contains(lastFlags), flags.constLast());
        QCOMPARE(ports.constLast() == "8080", lastFromServer);
        const auto count = [&flags](char flag) {
            return std::count_if(flags.cbegin(), flags.cend(), [flag](const QByteArray &f) { return f.contains(flag); });
        };
        QCOMPARE(count('R'), ending == 1 ? 1 : 0);
        QCOMPARE(count('F'), ending == 0 ? 2 : ending == 1 ? 0 : 1);
        // The first packet of the 70000-byte recv() is 65495 bytes, its rest another.
        QVERIFY(Tshark::fields(path, QStringLiteral("tcp.len")).contains("65495"));
        QCOMPARE(Tshark::fields(path, QStringLiteral("frame.time_epoch")).constFirst().left(10), QByteArray("1700000000"));
    }

    // The application bytes of a TLS exchange go as plain payload, the file and each such packet saying so.
    void tlsComment()
    {
        QTemporaryDir dir;
        Reply reply({20});
        TcpResult result = connectedResult("127.0.0.1", "127.0.0.1", 4);
        result.tls = TlsInfo{};
        const QString path = save(tcpCapture({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), {}, 0}),
                                  dir, QStringLiteral("tls.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::complaints(path), QByteArray());
        const QList<QByteArray> comments = Tshark::fields(path, QStringLiteral("frame.comment"));
        QCOMPARE(std::count_if(comments.cbegin(), comments.cend(), [](const QByteArray &c) { return c.contains("TLS"); }), 2);
        const Tshark::Output section = Tshark::run(path, {QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("expert")});
        QVERIFY2(section.out.contains("TLS application data"), section.out);
        QCOMPARE(Tshark::followTcp(path).fromClient, QByteArray("ping"));
    }

    void udpDatagrams()
    {
        QTemporaryDir dir;
        UdpResult result;
        result.local = address("0.0.0.0", 40001);
        result.target = address("127.0.0.1", 9999);
        result.sentBytes = 3;
        ByteStore store;
        store.append("pong", 4, 500);
        store.append("", 0, 700);
        result.datagrams = {Datagram{result.target, 4, 4, false, 500}, Datagram{result.target, 0, 0, false, 700}};
        const QString path = save(udpCapture({&result, QByteArrayLiteral("pin"), &store, store.segments(), {}, 0}), dir,
                                  QStringLiteral("udp.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::complaints(path), QByteArray());
        QCOMPARE(Tshark::fields(path, QStringLiteral("udp.length")), (QList<QByteArray>{"11", "12", "8"}));
        QCOMPARE(Tshark::fields(path, QStringLiteral("data")), (QList<QByteArray>{"70696e", "706f6e67", ""}));
        // The wildcard the socket was bound to shows as the loopback address the target had.
        QCOMPARE(Tshark::fields(path, QStringLiteral("ip.src")).constFirst(), QByteArray("127.0.0.1"));
    }

    // Two connect() that failed before the one that connected: each its own stream, the refused one
    // answered by the peer's RST/ACK, the one that timed out a SYN alone; the third carries the bytes.
    void failedAttemptsEachTheirStream()
    {
        QTemporaryDir dir;
        Reply reply({12});
        TcpResult result = connectedResult("127.0.0.1", "127.0.0.1", 4);
        result.attempts = {attempt("127.0.0.2", 8080, NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect")), 100, 200),
                           attempt("127.0.0.3", 8080, NetError::timeout(QStringLiteral("connect")), 300, 900),
                           attempt("127.0.0.1", 8080, {}, 950, 1000)};
        const QString path = save(tcpCapture({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), {}, 0}),
                                  dir, QStringLiteral("attempts.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::complaints(path), QByteArray("1 Sequence TCP Connection reset (RST)\n"));
        const QList<QByteArray> streams = Tshark::fields(path, QStringLiteral("tcp.stream"));
        QCOMPARE(streams.mid(0, 3), (QList<QByteArray>{"0", "0", "1"}));
        QCOMPARE(streams.constLast(), QByteArray("2"));
        const QList<QByteArray> flags = Tshark::fields(path, QStringLiteral("tcp.flags.str"));
        QVERIFY2(flags.at(0).contains('S') && !flags.at(0).contains('A'), flags.at(0));
        QVERIFY2(flags.at(1).contains('R') && flags.at(1).contains('A'), flags.at(1));
        QVERIFY2(flags.at(2).contains('S') && !flags.at(2).contains('A'), flags.at(2));
        QCOMPARE(Tshark::fields(path, QStringLiteral("ip.dst")).mid(0, 3), (QList<QByteArray>{"127.0.0.2", "127.0.0.1", "127.0.0.3"}));
        const QList<QByteArray> comments = Tshark::fields(path, QStringLiteral("frame.comment"));
        QVERIFY2(comments.at(0).contains("attempt 1 of 3") && comments.at(0).contains("ECONNREFUSED"), comments.at(0));
        QVERIFY2(comments.at(2).contains("attempt 2 of 3") && comments.at(2).contains("made up"), comments.at(2));
        const Tshark::Stream stream = Tshark::followTcp(path, 2);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, QByteArray("ping"));
        QCOMPARE(stream.fromServer, reply.bytes);
    }

    // Refused with nothing else tried: the SYN and the RST, no handshake.
    void refusedConnectAlone()
    {
        QTemporaryDir dir;
        TcpResult result;
        result.attempts = {attempt("::1", 9, NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect")), 10, 50)};
        result.error = result.attempts.constFirst().error;
        ByteStore none;
        const QString path = save(tcpCapture({&result, QByteArrayLiteral("x"), &none, {}, {}, 0}), dir, QStringLiteral("refused.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::fields(path, QStringLiteral("tcp.flags.str")).size(), 2);
        QCOMPARE(Tshark::fields(path, QStringLiteral("ipv6.src")), (QList<QByteArray>{"::1", "::1"}));
        QCOMPARE(Tshark::fields(path, QStringLiteral("tcp.srcport")).constLast(), QByteArray("9"));
    }

    // A failure before connect() (socket(), bind()) sent nothing.
    void failureBeforeConnectShowsNothing()
    {
        TcpResult result;
        result.attempts = {attempt("127.0.0.1", 9, NetError::fromErrno(EADDRINUSE, QStringLiteral("bind")), 10, 20)};
        ByteStore none;
        QCOMPARE(tcpCapture({&result, {}, &none, {}, {}, 0}).bytes(), PcapngFile().bytes());
    }

    // Several sends and recv() both ways, one longer than a packet, a half-close, the peer's FIN:
    // one stream that tshark follows back to exactly what went each way, in the order it went.
    void tcpConversation()
    {
        QTemporaryDir dir;
        ConversationRecord record(1 << 30, 1000);
        ConversationSetup setup = connectedResult("127.0.0.1", "127.0.0.1", 0);
        setup.attempts = {attempt("127.0.0.1", 8080, {}, 500, 1000)};
        record.setSetup(setup);
        control(record, ConversationEvent::Kind::Connected, 1000);
        QByteArray big(70000, 'z');
        message(record, false, "HELLO chat\n", 2000);
        message(record, true, "one\n", 3000);
        message(record, false, "ECHO one\n", 4000);
        message(record, true, big, 5000);
        message(record, false, "ECHO ", 6000);
        message(record, false, big, 6500);
        control(record, ConversationEvent::Kind::ShutdownWrite, 7000);
        message(record, false, "BYE 2\n", 8000);
        control(record, ConversationEvent::Kind::PeerClosed, 9000);
        control(record, ConversationEvent::Kind::Closed, 9500);
        record.markOver();
        const QString path = save(conversationCapture({&record, false, 1700000000000000}), dir, QStringLiteral("talk.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::complaints(path), QByteArray());
        const Tshark::Stream stream = Tshark::followTcp(path);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, "one\n" + big);
        QCOMPARE(stream.fromServer, "HELLO chat\nECHO one\nECHO " + big + "BYE 2\n");
        // In order: the payload-carrying packets' first bytes, as the conversation had them.
        QList<QByteArray> firsts;
        for (const QByteArray &data : Tshark::fields(path, QStringLiteral("tcp.payload"))) {
            if (!data.isEmpty())
                firsts.append(QByteArray::fromHex(data.left(8)));
        }
        QCOMPARE(firsts, (QList<QByteArray>{"HELL", "one\n", "ECHO", "zzzz", "zzzz", "ECHO", "zzzz", "zzzz", "BYE "}));
        const QList<QByteArray> flags = Tshark::fields(path, QStringLiteral("tcp.flags.str"));
        QCOMPARE(std::count_if(flags.cbegin(), flags.cend(), [](const QByteArray &f) { return f.contains('F'); }), 2);
    }

    // The peer's reset ends the stream; a UDP conversation is its datagrams with their senders.
    void conversationResetAndUdp()
    {
        QTemporaryDir dir;
        ConversationRecord tcp(1 << 20, 100);
        tcp.setSetup(connectedResult("::1", "::1", 0));
        message(tcp, true, "a", 2000);
        NetError reset = NetError::fromErrno(ECONNRESET, QStringLiteral("recv"));
        ConversationEvent event;
        event.kind = ConversationEvent::Kind::PeerReset;
        event.timeUs = 3000;
        event.error = reset;
        tcp.add(event);
        const QString tcpPath = save(conversationCapture({&tcp, false, 0}), dir, QStringLiteral("reset.pcapng"));
        QCOMPARE(Tshark::complaints(tcpPath), QByteArray("1 Sequence TCP Connection reset (RST)\n"));
        QVERIFY(Tshark::fields(tcpPath, QStringLiteral("tcp.flags.str")).constLast().contains('R'));

        ConversationRecord udp(1 << 20, 100);
        ConversationSetup setup;
        setup.local = address("0.0.0.0", 40002);
        setup.connectedTo = address("127.0.0.1", 9999);
        udp.setSetup(setup);
        message(udp, true, "ping", 100);
        message(udp, false, "pong!", 200);
        const QString udpPath = save(conversationCapture({&udp, true, 0}), dir, QStringLiteral("udp.pcapng"));
        QCOMPARE(Tshark::complaints(udpPath), QByteArray());
        QCOMPARE(Tshark::fields(udpPath, QStringLiteral("data")), (QList<QByteArray>{"70696e67", "706f6e6721"}));
        QCOMPARE(Tshark::fields(udpPath, QStringLiteral("udp.srcport")), (QList<QByteArray>{"40002", "9999"}));
        QCOMPARE(Tshark::fields(udpPath, QStringLiteral("ip.src")).constFirst(), QByteArray("127.0.0.1"));
    }

    void saveErrorNamesTheFile()
    {
        const QString path = QStringLiteral("/nonexistent-socketlab-dir/x.pcapng");
        const NetError error = PcapngFile().save(path);
        QCOMPARE(error.kind, NetError::Kind::File);
        QCOMPARE(error.systemCode, ENOENT);
        QCOMPARE(error.call, QStringLiteral("open"));
        QCOMPARE(error.detail, path);
    }
};

QTEST_GUILESS_MAIN(TestPcapng)
#include "tst_pcapng.moc"
