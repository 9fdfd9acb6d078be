// core/capture: the pcapng file of a TCP or UDP exchange, read back by Debian's tshark.
#include "bytes/bytestore.h"
#include "bytes/namedfilesource.h"
#include "capture/conversationcapture.h"
#include "capture/packetframes.h"
#include "capture/tcpcapture.h"
#include "conversation/conversationrecord.h"
#include "capture/udpcapture.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "tshark.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>

#include <sys/resource.h>

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

// A capture as it is made, written to its output.
using Make = std::function<int(const CaptureOutput &)>;

Make tcpFile(const TcpCaptureInput &input)
{
    return [input](const CaptureOutput &output) { return tcpCapture(input, output); };
}

Make udpFile(const UdpCaptureInput &input)
{
    return [input](const CaptureOutput &output) { return udpCapture(input, output); };
}

Make conversationFile(const ConversationCaptureInput &input)
{
    return [input](const CaptureOutput &output) { return conversationCapture(input, output); };
}

QString save(const Make &make, const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    const NetError error = writeToFile(path, make);
    return error.isError() ? QString() : path;
}

QByteArray inMemory(const Make &make)
{
    QByteArray bytes;
    make([&bytes](const char *data, qint64 size) {
        bytes.append(data, size);
        return 0;
    });
    return bytes;
}

// A source that says how much its largest read asked for.
class WatchedSource final : public ByteSource
{
public:
    explicit WatchedSource(const ByteSource &inner)
        : m_inner(inner)
    {
    }
    qint64 size() const override { return m_inner.size(); }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        m_largestRead = std::max(m_largestRead, len);
        return m_inner.read(offset, len);
    }
    qint64 largestRead() const { return m_largestRead; }

private:
    const ByteSource &m_inner;
    mutable qint64 m_largestRead = 0;
};

// The process's peak resident size so far, in KiB.
long peakKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

TraceEntry traced(const char *call, qint64 timeUs, qint64 result, int errnoCode = 0)
{
    TraceEntry entry;
    entry.call = QString::fromLatin1(call);
    entry.timeUs = timeUs;
    entry.lastTimeUs = timeUs;
    entry.result = result;
    entry.errnoCode = errnoCode;
    entry.totalBytes = result > 0 ? result : 0;
    return entry;
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
        const QString path = save(tcpFile({&result, request, &reply.store, reply.store.segments(), {}, 1700000000000000}),
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
        const QString path = save(tcpFile({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), {}, 0}),
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
        const QString path = save(udpFile({&result, QByteArrayLiteral("pin"), &store, store.segments(), {}, 0}), dir,
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
        const QString path = save(tcpFile({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), {}, 0}),
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
        const QString path = save(tcpFile({&result, QByteArrayLiteral("x"), &none, {}, {}, 0}), dir, QStringLiteral("refused.pcapng"));
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
        QCOMPARE(inMemory(tcpFile({&result, {}, &none, {}, {}, 0})),
                 inMemory([](const CaptureOutput &output) { return PcapngFile(output).error(); }));
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
        const QString path = save(conversationFile({&record, false, 1700000000000000}), dir, QStringLiteral("talk.pcapng"));
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
        const QString tcpPath = save(conversationFile({&tcp, false, 0}), dir, QStringLiteral("reset.pcapng"));
        QCOMPARE(Tshark::complaints(tcpPath), QByteArray("1 Sequence TCP Connection reset (RST)\n"));
        QVERIFY(Tshark::fields(tcpPath, QStringLiteral("tcp.flags.str")).constLast().contains('R'));

        ConversationRecord udp(1 << 20, 100);
        ConversationSetup setup;
        setup.local = address("0.0.0.0", 40002);
        setup.connectedTo = address("127.0.0.1", 9999);
        udp.setSetup(setup);
        message(udp, true, "ping", 100);
        message(udp, false, "pong!", 200);
        const QString udpPath = save(conversationFile({&udp, true, 0}), dir, QStringLiteral("udp.pcapng"));
        QCOMPARE(Tshark::complaints(udpPath), QByteArray());
        QCOMPARE(Tshark::fields(udpPath, QStringLiteral("data")), (QList<QByteArray>{"70696e67", "706f6e6721"}));
        QCOMPARE(Tshark::fields(udpPath, QStringLiteral("udp.srcport")), (QList<QByteArray>{"40002", "9999"}));
        QCOMPARE(Tshark::fields(udpPath, QStringLiteral("ip.src")).constFirst(), QByteArray("127.0.0.1"));
    }

    // A 64 MiB reply kept in a file, in one recv(): streamed to the capture a packet's worth at a
    // time, never held whole (twice, before), and tshark follows it back to the same bytes.
    void largeFileReplyStreamed()
    {
        QTemporaryDir dir;
        constexpr qint64 size = 64 * 1024 * 1024;
        const QString replyPath = dir.filePath(QStringLiteral("reply.bin"));
        {
            QFile file(replyPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray piece(1024 * 1024, '\0');
            for (qint64 at = 0; at < size; at += piece.size()) {
                for (qsizetype i = 0; i < piece.size(); ++i)
                    piece[i] = char(((at + i) * 7 + (at + i) / 251) % 256);
                QCOMPARE(file.write(piece), piece.size());
            }
        }
        const NamedFileSource named(replyPath, size);
        const WatchedSource source(named);
        TcpResult result = connectedResult("127.0.0.1", "127.0.0.1", 4);
        result.stop.reason = StopReason::PeerClosed;
        const QList<Segment> segments{{0, size, 5000}};
        const long before = peakKiB();
        const QString path = save(tcpFile({&result, QByteArrayLiteral("ping"), &source, segments, {}, 0}), dir,
                                  QStringLiteral("large.pcapng"));
        const long grewKiB = peakKiB() - before;
        qInfo("64 MiB reply: peak resident size grew by %ld KiB, largest read %lld bytes", grewKiB, source.largestRead());
        QVERIFY(!path.isEmpty());
        QVERIFY2(source.largestRead() <= MaxFramePayload, qPrintable(QString::number(source.largestRead())));
#ifndef __SANITIZE_ADDRESS__
        // ASan keeps freed memory in its quarantine (256 MiB by default): the resident size says
        // nothing there; the bounded reads above still do.
        QVERIFY2(grewKiB < 16 * 1024, qPrintable(QStringLiteral("peak grew by %1 KiB").arg(grewKiB)));
#endif
        QVERIFY(QFileInfo(path).size() > size);
        const Tshark::Stream stream = Tshark::followTcp(path);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, QByteArray("ping"));
        QCOMPARE(stream.fromServer.size(), size);
        QVERIFY(stream.fromServer == named.read(0, size));
    }

    // SO_LINGER on with 0 s: close() resets the connection, so the client's last packet is an RST,
    // not a FIN; the peer's FIN before it stays.
    void lingerZeroClosesWithReset()
    {
        QTemporaryDir dir;
        Reply reply({10});
        TcpResult result = connectedResult("127.0.0.1", "127.0.0.2", 4);
        result.stop.reason = StopReason::PeerClosed;
        SocketOptionOutcome linger;
        linger.asked = {SocketOptionName::Linger, 0};
        linger.readBack = true;
        linger.effective = 0;
        result.socketOptions = {linger};
        const QString path = save(tcpFile({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), {}, 0}),
                                  dir, QStringLiteral("linger.pcapng"));
        QVERIFY(!path.isEmpty());
        const QList<QByteArray> flags = Tshark::fields(path, QStringLiteral("tcp.flags.str"));
        QVERIFY2(flags.constLast().contains('R'), flags.constLast());
        QCOMPARE(Tshark::fields(path, QStringLiteral("tcp.srcport")).constLast(), QByteArray("40000"));
        QCOMPARE(std::count_if(flags.cbegin(), flags.cend(), [](const QByteArray &f) { return f.contains('F'); }), 1);
        QCOMPARE(Tshark::followTcp(path).fromServer, reply.bytes);

        // Linger with a time, or off: the FIN as before.
        result.socketOptions.first().effective = 5;
        const QString lingering = save(tcpFile({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), {}, 0}),
                                       dir, QStringLiteral("linger5.pcapng"));
        const QList<QByteArray> fin = Tshark::fields(lingering, QStringLiteral("tcp.flags.str"));
        QCOMPARE(std::count_if(fin.cbegin(), fin.cend(), [](const QByteArray &f) { return f.contains('R'); }), 0);
    }

    // A request sent in three send() calls (the socket's buffer full in between): three packets at
    // the three times, which tshark puts back together.
    void partialSendsEachAPacket()
    {
        QTemporaryDir dir;
        const QByteArray request(30000, 'q');
        Reply reply({10});
        TcpResult result = connectedResult("127.0.0.1", "127.0.0.2", request.size());
        const QList<TraceEntry> trace{traced("connect", 1000, 0),
                                      traced("send", 1100, 10000),
                                      traced("send", 1150, -1, EAGAIN),
                                      traced("poll", 1300, 1),
                                      traced("send", 1400, 15000),
                                      traced("send", 1450, -1, EAGAIN),
                                      traced("poll", 1600, 1),
                                      traced("send", 1700, 5000)};
        const QString path = save(tcpFile({&result, request, &reply.store, reply.store.segments(), trace, 1700000000000000}),
                                  dir, QStringLiteral("sends.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::complaints(path), QByteArray());
        const QList<QByteArray> lengths = Tshark::fields(path, QStringLiteral("tcp.len"));
        const QList<QByteArray> ports = Tshark::fields(path, QStringLiteral("tcp.srcport"));
        const QList<QByteArray> times = Tshark::fields(path, QStringLiteral("frame.time_epoch"));
        QList<QByteArray> sentLengths;
        QList<QByteArray> sentTimes;
        for (qsizetype i = 0; i < lengths.size(); ++i) {
            if (ports.at(i) == "40000" && lengths.at(i) != "0") {
                sentLengths.append(lengths.at(i));
                sentTimes.append(times.at(i).mid(times.at(i).indexOf('.') + 1, 4));
            }
        }
        QCOMPARE(sentLengths, (QList<QByteArray>{"10000", "15000", "5000"}));
        QCOMPARE(sentTimes, (QList<QByteArray>{"0011", "0014", "0017"}));
        QCOMPARE(Tshark::followTcp(path).fromClient, request);
    }

    // An empty datagram shows only when the trace has a send that succeeded.
    void emptyDatagramOnlyWhenSent()
    {
        QTemporaryDir dir;
        UdpResult result;
        result.local = address("127.0.0.1", 40001);
        result.target = address("127.0.0.1", 9999);
        result.timings.totalUs = 5000;
        ByteStore none;
        const QString failed = save(udpFile({&result, {}, &none, {}, {traced("sendto", 100, -1, ENETUNREACH)}, 0}), dir,
                                    QStringLiteral("failed.pcapng"));
        QVERIFY(!failed.isEmpty());
        QCOMPARE(Tshark::fields(failed, QStringLiteral("udp.length")), QList<QByteArray>());
        const QString sent = save(udpFile({&result, {}, &none, {}, {traced("sendto", 100, 0)}, 0}), dir,
                                  QStringLiteral("sent.pcapng"));
        QCOMPARE(Tshark::fields(sent, QStringLiteral("udp.length")), QList<QByteArray>{"8"});
    }

    void saveErrorNamesTheFile()
    {
        const QString path = QStringLiteral("/nonexistent-socketlab-dir/x.pcapng");
        const NetError error = writeToFile(path, [](const CaptureOutput &output) { return PcapngFile(output).error(); });
        QCOMPARE(error.kind, NetError::Kind::File);
        QCOMPARE(error.systemCode, ENOENT);
        QCOMPARE(error.call, QStringLiteral("open"));
        QCOMPARE(error.detail, path);
    }
};

QTEST_GUILESS_MAIN(TestPcapng)
#include "tst_pcapng.moc"
