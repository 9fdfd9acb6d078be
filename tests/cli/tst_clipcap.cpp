// socketlab-cli tcp|udp --pcap FILE: the capture it writes, read back by Debian's tshark.
#include "clitestsupport.h"
#include "tshark.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace CliTest;

namespace {

const QByteArray Request = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");

// What tests/peers/segments_peer.py answers.
QByteArray segmentsReply()
{
    QByteArray counting;
    for (int i = 0; i < 200000; ++i)
        counting.append(char(i % 256));
    return QByteArray(1000, 'A') + QByteArray(1000, 'B') + QByteArray(1000, 'C') + counting;
}

} // namespace

class TestCliPcap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!Tshark::available())
            QFAIL("tshark is missing: scripts/install-deps.sh installs it");
    }

    void tcpStreamBothWays_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("host");
        QTest::newRow("IPv4") << "inet" << "127.0.0.1";
        QTest::newRow("IPv6") << "inet6" << "::1";
    }

    // Several recv() segments and one more than a 64 KiB packet holds: tshark reads the file without
    // a complaint (checksums checked) and follows the stream back to exactly what went each way.
    void tcpStreamBothWays()
    {
        QFETCH(QString, family);
        QFETCH(QString, host);
        QTemporaryDir dir;
        Peer peer(QStringLiteral("segments_peer.py"), {QStringLiteral("--family"), family});
        QVERIFY(peer.port() != 0);
        const QString pcap = dir.filePath(QStringLiteral("exchange.pcapng"));
        const QString out = dir.filePath(QStringLiteral("reply.bin"));
        const Result result = cli({QStringLiteral("tcp"), host, peer.service(), QStringLiteral("--send"),
                                   QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n"), QStringLiteral("--format"),
                                   QStringLiteral("raw"), QStringLiteral("--out"), out, QStringLiteral("--pcap"), pcap});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QFile reply(out);
        QVERIFY(reply.open(QIODevice::ReadOnly));
        QCOMPARE(reply.readAll(), segmentsReply());

        QCOMPARE(Tshark::complaints(pcap), QByteArray());
        const Tshark::Stream stream = Tshark::followTcp(pcap);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, Request);
        QCOMPARE(stream.fromServer, segmentsReply());
        // The handshake, the server's FIN (it closed), and the client's after it.
        const QList<QByteArray> flags = Tshark::fields(pcap, QStringLiteral("tcp.flags.str"));
        QVERIFY2(flags.size() >= 10, QByteArray::number(flags.size()));
        QVERIFY2(flags.at(0).contains('S') && !flags.at(0).contains('A'), flags.at(0));
        QCOMPARE(std::count_if(flags.cbegin(), flags.cend(), [](const QByteArray &f) { return f.contains('F'); }), 2);
        QVERIFY(Tshark::fields(pcap, QStringLiteral("tcp.len")).contains("65495"));
    }

    void udpDatagrams_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("IPv4") << "127.0.0.1";
        QTest::newRow("IPv6") << "::1";
    }

    // The datagram sent and the echo received, as tshark sees their payloads.
    void udpDatagrams()
    {
        QFETCH(QString, host);
        QTemporaryDir dir;
        Server echo({QStringLiteral("udp-echo"), QStringLiteral("--bind"), host});
        QVERIFY2(echo.port() != 0, qPrintable(echo.firstLine()));
        const QString pcap = dir.filePath(QStringLiteral("udp.pcapng"));
        const Result result = cli({QStringLiteral("udp"), host, echo.service(), QStringLiteral("--send"),
                                   QStringLiteral("hello\\x00udp\\xff"), QStringLiteral("--count"), QStringLiteral("1"),
                                   QStringLiteral("--pcap"), pcap});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QCOMPARE(Tshark::complaints(pcap), QByteArray());
        const QByteArray sent = QByteArrayLiteral("hello\0udp\xff").toHex();
        QCOMPARE(Tshark::fields(pcap, QStringLiteral("data")), (QList<QByteArray>{sent, sent}));
        const QList<QByteArray> ports = Tshark::fields(pcap, QStringLiteral("udp.srcport"));
        QCOMPARE(ports.size(), 2);
        QCOMPARE(ports.at(1), echo.service().toLatin1());
    }

    // A capture that cannot be written is an error of its own, naming the file, exit code 3.
    void writeErrorNamesTheFile()
    {
        Server echo({QStringLiteral("udp-echo")});
        QVERIFY(echo.port() != 0);
        const QString pcap = QStringLiteral("/nonexistent-socketlab-dir/x.pcapng");
        const Result result = cli({QStringLiteral("udp"), echo.host(), echo.service(), QStringLiteral("--send"),
                                   QStringLiteral("x"), QStringLiteral("--count"), QStringLiteral("1"),
                                   QStringLiteral("--pcap"), pcap});
        QVERIFY2(result.finished && result.exitCode == 3, result.describe());
        QVERIFY2(result.err.contains("Could not write the capture to " + pcap.toUtf8()), result.describe());
        QVERIFY2(result.err.contains("ENOENT"), result.describe());
    }
};

QTEST_GUILESS_MAIN(TestCliPcap)
#include "tst_clipcap.moc"
