// socketlab-cli's hexdump written as the bytes arrive, and the bounds on what --format json holds.
#include "clitestsupport.h"
#include "hexdumpcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace CliTest;
using namespace Qt::StringLiterals;

namespace {

const QString Request = uR"(GET / HTTP/1.0\r\n\r\n)"_s;

QStringList lines(const QByteArray &text)
{
    QStringList list = QString::fromUtf8(text).split(u'\n');
    if (!list.isEmpty() && list.constLast().isEmpty())
        list.removeLast();
    return list;
}

QByteArray pattern251(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        bytes[i] = char(i % 251);
    return bytes;
}

QJsonObject jsonOf(const Result &result)
{
    return QJsonDocument::fromJson(result.out).object();
}

const QRegularExpression &recvLabel()
{
    static const QRegularExpression label(u"^# recv #(?<n>\\d+): (?<bytes>[0-9,]+) bytes? at [0-9.,]+ ms$"_s);
    return label;
}

} // namespace

class TestCliStream : public QObject
{
    Q_OBJECT

private slots:
    void hexDumpStreamsAsBytesArrive();
    void hexDumpOfALongReply_data();
    void hexDumpOfALongReply();
    void hexDumpSizeCap();
    void hexDumpWriteErrorStopsReading();
    void jsonCapInHelp_data();
    void jsonCapInHelp();
    void udpJsonCap();
};

void TestCliStream::hexDumpStreamsAsBytesArrive()
{
    // The peer sends 5,000 bytes and keeps the connection open: the dump shows them while the CLI waits.
    const Peer peer(u"misbehaving_peer.py"_s, {u"never-close"_s, u"--bytes"_s, u"5000"_s, u"--hold"_s, u"30"_s, u"--once"_s});
    QVERIFY(peer.port());
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(cliPath(), {u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, Request});
    QVERIFY(process.waitForStarted(10000));
    QByteArray out;
    QByteArray bytes;
    const QDeadlineTimer deadline(20000);
    while (bytes.size() < 5000 && process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        QList<DumpSegment> segments;
        bytes = parseHexDump(lines(out), recvLabel(), &segments);
    }
    QCOMPARE(bytes, QByteArray(5000, 'y'));
    QCOMPARE(process.state(), QProcess::Running);
    // The connection is stated before its bytes, not after the exchange.
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("* Connected to 127.0.0.1:" + peer.service().toLatin1()), err.constData());
    QVERIFY2(err.contains("* Sent 18 bytes\n"), err.constData());

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 130);
    // Nothing more after the interruption: the bytes were written once.
    out += process.readAllStandardOutput();
    QList<DumpSegment> segments;
    QCOMPARE(parseHexDump(lines(out), recvLabel(), &segments), QByteArray(5000, 'y'));
}

void TestCliStream::hexDumpOfALongReply_data()
{
    QTest::addColumn<QString>("recvSize");
    // 1,000 is no multiple of 16: each recv() ends mid-row, and the next one's rows start at its first byte.
    QTest::newRow("recv 1000") << u"1000"_s;
    QTest::newRow("recv 65536") << u"65536"_s;
}

void TestCliStream::hexDumpOfALongReply()
{
    QFETCH(QString, recvSize);
    constexpr int Size = 3'000'000;
    const Peer peer(u"misbehaving_peer.py"_s, {u"pattern"_s, u"--bytes"_s, QString::number(Size), u"--once"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, Request, u"--recv-size"_s, recvSize});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    // Every row as the tests' own formatter writes it from the whole reply in memory, offsets counted
    // from the reply's start across every recv().
    QList<DumpSegment> segments;
    QVERIFY(parseHexDump(lines(result.out), recvLabel(), &segments) == pattern251(Size));
    QVERIFY(segments.size() > 1);
    for (qsizetype i = 0; i < segments.size(); ++i)
        QCOMPARE(recvLabel().match(segments.at(i).label).captured(u"n"_s).toInt(), int(i + 1));
    if (recvSize == "1000"_L1) {
        QVERIFY(segments.size() >= Size / 1000);
        for (const DumpSegment &segment : std::as_const(segments))
            QVERIFY(segment.length <= 1000);
    }
    QVERIFY2(result.err.endsWith("* The server closed the connection after 3,000,000 bytes.\n"), result.err.constData());
}

void TestCliStream::hexDumpSizeCap()
{
    // A peer that never stops sending: --max-bytes ends the dump at exactly that many bytes.
    const Peer peer(u"misbehaving_peer.py"_s, {u"endless"_s, u"--hold"_s, u"30"_s, u"--once"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, Request, u"--max-bytes"_s, u"100000"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QList<DumpSegment> segments;
    QCOMPARE(parseHexDump(lines(result.out), recvLabel(), &segments), QByteArray(100000, 'z'));
    QVERIFY2(result.err.endsWith("* The size cap of 100,000 bytes was reached: the rest was not read.\n"),
             result.err.constData());
}

void TestCliStream::hexDumpWriteErrorStopsReading()
{
    // stdout on a full disk: the CLI stops reading at once and says why, rather than read for ever.
    const Peer peer(u"misbehaving_peer.py"_s, {u"endless"_s, u"--hold"_s, u"30"_s, u"--once"_s});
    QVERIFY(peer.port());
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setStandardOutputFile(u"/dev/full"_s);
    process.start(cliPath(), {u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, Request});
    QVERIFY(process.waitForStarted(10000));
    QVERIFY2(process.waitForFinished(10000), "still reading after stdout failed");
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 3);
    QVERIFY2(err.contains("ENOSPC"), err.constData());
}

void TestCliStream::jsonCapInHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("tcp") << u"tcp"_s;
    QTest::newRow("udp") << u"udp"_s;
}

void TestCliStream::jsonCapInHelp()
{
    QFETCH(QString, command);
    const Result result = cli({command, u"--help"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QString help = QString::fromUtf8(result.out).simplified();
    QVERIFY2(help.contains(u"--max-bytes <N>"_s), qPrintable(help));
    QVERIFY2(help.contains(u"With --format json, which holds every byte, the default is 256 MiB"_s), qPrintable(help));
}

void TestCliStream::udpJsonCap()
{
    // Two replies of 14 and 20 bytes; a cap of 20 keeps the first whole and 6 bytes of the second.
    const Peer peer(u"udp_peer.py"_s, {u"double"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"Test en classe"_s,
                               u"--max-bytes"_s, u"20"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 20);
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"size_cap"_s);
    QCOMPARE(report.value("stop"_L1)["detail"_L1].toString(), u"The size cap of 20 bytes was reached: the rest was not read."_s);
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    QCOMPARE(datagrams.size(), 2);
    QCOMPARE(QByteArray::fromBase64(datagrams.at(0)["data_base64"_L1].toString().toLatin1()), "Test en classe"_ba);
    QCOMPARE(QByteArray::fromBase64(datagrams.at(1)["data_base64"_L1].toString().toLatin1()), "again:"_ba);
    QCOMPARE(datagrams.at(1)["kept"_L1].toInt(), 6);
    QCOMPARE(datagrams.at(1)["size"_L1].toInt(), 20);
    QCOMPARE(datagrams.at(1)["truncated"_L1].toBool(), true);
}

QTEST_GUILESS_MAIN(TestCliStream)
#include "tst_clistream.moc"
