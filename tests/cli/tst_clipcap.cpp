// socketlab-cli tcp|udp --pcap FILE: the capture it writes, read back by Debian's tshark.
#include "clitestsupport.h"
#include "tshark.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

// A loopback IPv4 port with nothing behind it: bound, then closed.
quint16 closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), len);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &len);
    ::close(fd);
    return ntohs(address.sin_port);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

    // talk --script: the conversation as one TCP stream, every send and recv() at its place, the
    // half-close and the peer's FIN; --report beside it holds the messages as hex rows.
    void talkConversation()
    {
        QTemporaryDir dir;
        Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
        QVERIFY(peer.port() != 0);
        QFile script(dir.filePath(QStringLiteral("talk.script")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("expect HELLO chat\\n\n"
                     "send one\\n\n"
                     "expect ECHO one\\n\n"
                     "send-hex 74 77 6f 00 ff 0a\n"
                     "expect ECHO two\n"
                     "shutdown wr\n"
                     "expect BYE 2\n"
                     "expect-close\n");
        script.close();
        const QString pcap = dir.filePath(QStringLiteral("talk.pcapng"));
        const QString report = dir.filePath(QStringLiteral("talk.txt"));
        const Result result = cli({QStringLiteral("talk"), QStringLiteral("--script"), script.fileName(), QStringLiteral("127.0.0.1"),
                                   peer.service(), QStringLiteral("--pcap"), pcap, QStringLiteral("--report"), report});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QCOMPARE(Tshark::complaints(pcap), QByteArray());
        const Tshark::Stream stream = Tshark::followTcp(pcap);
        QVERIFY(stream.ok);
        QCOMPARE(stream.fromClient, QByteArray("one\ntwo\0\xff\n", 10));
        QCOMPARE(stream.fromServer, QByteArray("HELLO chat\nECHO one\nECHO two\0\xff\nBYE 2\n", 37));
        // Each message in its turn: the greeting, a line, its echo, the next line, its echo, the goodbye.
        QList<QByteArray> firsts;
        for (const QByteArray &data : Tshark::fields(pcap, QStringLiteral("tcp.payload"))) {
            if (!data.isEmpty())
                firsts.append(QByteArray::fromHex(data.left(6)));
        }
        QCOMPARE(firsts, (QList<QByteArray>{"HEL", "one", "ECH", "two", "ECH", "BYE"}));
        const QList<QByteArray> flags = Tshark::fields(pcap, QStringLiteral("tcp.flags.str"));
        QCOMPARE(std::count_if(flags.cbegin(), flags.cend(), [](const QByteArray &f) { return f.contains('F'); }), 2);

        const QByteArray text = readFile(report);
        QVERIFY2(text.startsWith("SocketLab report: TCP conversation\n"), text);
        QVERIFY2(text.contains("00000000  74 77 6f 00 ff 0a"), text);
        QVERIFY2(text.contains("connect("), text);
    }

    // A refused connect(): its SYN and the peer's RST/ACK, nothing more; the report says why.
    void refusedConnect()
    {
        QTemporaryDir dir;
        const QString port = QString::number(closedPort());
        const QString pcap = dir.filePath(QStringLiteral("refused.pcapng"));
        const QString report = dir.filePath(QStringLiteral("refused.txt"));
        const Result result = cli({QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), port, QStringLiteral("--send"),
                                   QStringLiteral("x"), QStringLiteral("--pcap"), pcap, QStringLiteral("--report"), report});
        QVERIFY2(result.finished && result.exitCode == 3, result.describe());
        QCOMPARE(Tshark::complaints(pcap), QByteArray("1 Sequence TCP Connection reset (RST)\n"));
        const QList<QByteArray> flags = Tshark::fields(pcap, QStringLiteral("tcp.flags.str"));
        QCOMPARE(flags.size(), 2);
        QVERIFY2(flags.at(0).contains('S'), flags.at(0));
        QVERIFY2(flags.at(1).contains('R'), flags.at(1));
        QCOMPARE(Tshark::fields(pcap, QStringLiteral("tcp.srcport")).constLast(), port.toLatin1());
        const QByteArray text = readFile(report);
        QVERIFY2(text.contains("ECONNREFUSED"), text);
        QVERIFY2(text.contains("connect() to 127.0.0.1:" + port.toLatin1() + " failed"), text);
    }

    // --report alone keeps the reply's first and last 16 KiB only, and dumps them with the bytes left
    // out between them counted.
    void tcpReportCutsALargeReply()
    {
        QTemporaryDir dir;
        Peer peer(QStringLiteral("segments_peer.py"), {QStringLiteral("--family"), QStringLiteral("inet")});
        QVERIFY(peer.port() != 0);
        const QString report = dir.filePath(QStringLiteral("report.txt"));
        const Result result = cli({QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), peer.service(), QStringLiteral("--send"),
                                   QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n"), QStringLiteral("--format"), QStringLiteral("raw"),
                                   QStringLiteral("--out"), dir.filePath(QStringLiteral("reply.bin")), QStringLiteral("--report"), report});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        const QByteArray text = readFile(report);
        const qint64 size = segmentsReply().size();
        const qint64 tailStart = (size - 16384) / 16 * 16;
        QVERIFY2(text.contains("Reply (" + QLocale(QLocale::English).toString(size).toUtf8() + " bytes in "), text.left(3000));
        QVERIFY2(text.contains("00000000  41 41 41 41"), text.left(3000));
        QVERIFY2(text.contains("\n… " + QLocale(QLocale::English).toString(tailStart - 16384).toUtf8() + " bytes left out …\n"
                               + QByteArray::number(tailStart, 16).rightJustified(8, '0') + "  "),
                 text.left(3000));
        const QByteArray last = segmentsReply().right(size - tailStart).right(size % 16 ? size % 16 : 16);
        QVERIFY2(text.contains(QByteArray::number(size - last.size(), 16).rightJustified(8, '0') + "  " + last.left(1).toHex()), text.right(3000));
    }

    // The same file for --pcap and --report is a usage error.
    void reportAndPcapNeedTwoFiles()
    {
        const Result result = cli({QStringLiteral("udp"), QStringLiteral("127.0.0.1"), QStringLiteral("9"), QStringLiteral("--pcap"),
                                   QStringLiteral("same"), QStringLiteral("--report"), QStringLiteral("same")});
        QVERIFY2(result.finished && result.exitCode == 2, result.describe());
        QVERIFY2(result.err.contains("--report names the same file"), result.describe());
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
