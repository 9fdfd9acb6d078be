// core/capture: the pcapng file of a TCP or UDP exchange, read back by Debian's tshark.
#include "bytes/bytestore.h"
#include "capture/tcpcapture.h"
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
        const QString path = save(tcpCapture({&result, request, &reply.store, reply.store.segments(), nullptr, 1700000000000000}),
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
        const QString path = save(tcpCapture({&result, QByteArrayLiteral("ping"), &reply.store, reply.store.segments(), nullptr, 0}),
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
        const QString path = save(udpCapture({&result, QByteArrayLiteral("pin"), &store, store.segments(), nullptr, 0}), dir,
                                  QStringLiteral("udp.pcapng"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(Tshark::complaints(path), QByteArray());
        QCOMPARE(Tshark::fields(path, QStringLiteral("udp.length")), (QList<QByteArray>{"11", "12", "8"}));
        QCOMPARE(Tshark::fields(path, QStringLiteral("data")), (QList<QByteArray>{"70696e", "706f6e67", ""}));
        // The wildcard the socket was bound to shows as the loopback address the target had.
        QCOMPARE(Tshark::fields(path, QStringLiteral("ip.src")).constFirst(), QByteArray("127.0.0.1"));
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
