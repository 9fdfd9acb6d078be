#include "clitestsupport.h"
#include "freeport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace CliTest;
using namespace Qt::StringLiterals;

// --sockopt and --local on tcp, udp, talk and serve, against the Python peers.
namespace {

QByteArray nextLine(Background &process)
{
    const QDeadlineTimer deadline(20000);
    while (!process.process().canReadLine() && process.process().state() == QProcess::Running && !deadline.hasExpired())
        process.process().waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    return process.process().readLine().trimmed();
}

QJsonObject jsonOf(const Result &result)
{
    return QJsonDocument::fromJson(result.out).object();
}

qint64 rmemMax()
{
    QFile file(u"/proc/sys/net/core/rmem_max"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : -1;
}

} // namespace

class TestCliSockopt : public QObject
{
    Q_OBJECT

private slots:
    void lingerZeroResetsTheConnection();
    void localPortIsTheSourcePort();
    void receiveBufferLineGivesTheReason();
    void jsonHasSockopts();
    void udpLocalPortAndJson();
    void talkJsonHasSockopts();
    void talkScriptSetsAnOptionMidConversation();
    void serveSaysTheListenerOptions();
    void badOptionIsAUsageError_data();
    void badOptionIsAUsageError();
    void helpListsTheNames_data();
    void helpListsTheNames();
};

void TestCliSockopt::lingerZeroResetsTheConnection()
{
    const QStringList once{u"--send"_s, u"x"_s, u"--until"_s, u"idle:100"_s};
    {
        Peer peer(u"close_peer.py"_s, {});
        QVERIFY(peer.port() != 0);
        const Result result = cli(QStringList{u"tcp"_s, u"127.0.0.1"_s, peer.service()} + once);
        QVERIFY2(result.exitCode == 0, result.describe());
        QVERIFY(nextLine(peer).startsWith("from "));
        QCOMPARE(nextLine(peer), "FIN"_ba);
    }
    Peer peer(u"close_peer.py"_s, {});
    QVERIFY(peer.port() != 0);
    const Result result = cli(QStringList{u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--sockopt"_s, u"linger=0"_s} + once);
    QVERIFY2(result.exitCode == 0, result.describe());
    QVERIFY2(result.err.contains("SO_LINGER: on, 0 s → on, 0 s"), result.describe());
    QVERIFY(nextLine(peer).startsWith("from "));
    QCOMPARE(nextLine(peer), "RST"_ba);
}

void TestCliSockopt::localPortIsTheSourcePort()
{
    Peer peer(u"close_peer.py"_s, {});
    QVERIFY(peer.port() != 0);
    const quint16 local = freeLoopbackPort();
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--local"_s, u"127.0.0.1:%1"_s.arg(local),
                               u"--send"_s, u"x"_s, u"--until"_s, u"idle:100"_s});
    QVERIFY2(result.exitCode == 0, result.describe());
    QCOMPARE(nextLine(peer), "from " + QByteArray::number(local));
    QVERIFY2(result.err.contains("from 127.0.0.1:" + QByteArray::number(local)), result.describe());
}

void TestCliSockopt::receiveBufferLineGivesTheReason()
{
    Peer peer(u"close_peer.py"_s, {});
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--sockopt"_s, u"rcvbuf=4194304"_s,
                               u"--sockopt"_s, u"nodelay=1"_s, u"--send"_s, u"x"_s, u"--until"_s, u"idle:100"_s});
    QVERIFY2(result.exitCode == 0, result.describe());
    const qint64 limit = rmemMax();
    QVERIFY(limit > 0);
    // The numbers as the C locale writes them in the CLI's sentences: with group separators.
    QLocale c = QLocale::c();
    c.setNumberOptions({});
    const QByteArray expected = limit >= 4194304
        ? "SO_RCVBUF: 4,194,304 bytes → 8,388,608 bytes (Linux doubles the size asked, for its own bookkeeping)"
        : "SO_RCVBUF: 4,194,304 bytes → " + c.toString(2 * limit).toUtf8()
            + " bytes (above net.core.rmem_max (" + c.toString(limit).toUtf8()
            + " bytes), so capped at it, then doubled by Linux)";
    QVERIFY2(result.err.contains(expected), result.describe() + "\nexpected: " + expected);
    QVERIFY2(result.err.contains("TCP_NODELAY: on → on\n"), result.describe());
}

void TestCliSockopt::jsonHasSockopts()
{
    Peer peer(u"close_peer.py"_s, {});
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--format"_s, u"json"_s, u"--sockopt"_s,
                               u"nodelay=1"_s, u"--sockopt"_s, u"rcvbuf=65536"_s, u"--send"_s, u"x"_s, u"--until"_s,
                               u"idle:100"_s});
    QVERIFY2(result.exitCode == 0, result.describe());
    const QJsonArray sockopts = jsonOf(result).value("sockopts"_L1).toArray();
    QCOMPARE(sockopts.size(), 2);
    const QJsonObject nodelay = sockopts.at(0).toObject();
    QCOMPARE(nodelay.value("name"_L1).toString(), u"nodelay"_s);
    QCOMPARE(nodelay.value("system_name"_L1).toString(), u"TCP_NODELAY"_s);
    QCOMPARE(nodelay.value("asked"_L1).toInt(), 1);
    QCOMPARE(nodelay.value("effective"_L1).toInt(), 1);
    QCOMPARE(nodelay.value("adjustment"_L1).toString(), u"none"_s);
    QVERIFY(nodelay.value("reason"_L1).isNull());
    QVERIFY(nodelay.value("error"_L1).isNull());
    const QJsonObject rcvbuf = sockopts.at(1).toObject();
    QCOMPARE(rcvbuf.value("effective"_L1).toInt(), 131072);
    QCOMPARE(rcvbuf.value("adjustment"_L1).toString(), u"doubled"_s);
    QVERIFY(rcvbuf.value("reason"_L1).toString().contains("doubles"_L1));
}

void TestCliSockopt::udpLocalPortAndJson()
{
    Peer peer(u"udp_peer.py"_s, {u"sender"_s});
    QVERIFY(peer.port() != 0);
    const quint16 local = freeLoopbackPort(SOCK_DGRAM);
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--local"_s, u"127.0.0.1:%1"_s.arg(local),
                               u"--sockopt"_s, u"ttl=5"_s, u"--send"_s, u"port?"_s, u"--count"_s, u"1"_s, u"--format"_s,
                               u"json"_s});
    QVERIFY2(result.exitCode == 0, result.describe());
    const QJsonObject report = jsonOf(result);
    const QJsonObject datagram = report.value("datagrams"_L1).toArray().at(0).toObject();
    QCOMPARE(QByteArray::fromBase64(datagram.value("data_base64"_L1).toString().toLatin1()), QByteArray::number(local));
    const QJsonArray sockopts = report.value("sockopts"_L1).toArray();
    QCOMPARE(sockopts.size(), 1);
    QCOMPARE(sockopts.at(0).toObject().value("system_name"_L1).toString(), u"IP_TTL"_s);
    QCOMPARE(sockopts.at(0).toObject().value("effective"_L1).toInt(), 5);

    // --bind is the older way to say the local port: both at once is a usage error.
    const Result both = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--local"_s, u"127.0.0.1"_s, u"--bind"_s, u"4000"_s});
    QCOMPARE(both.exitCode, 2);
}

void TestCliSockopt::talkJsonHasSockopts()
{
    Peer peer(u"close_peer.py"_s, {});
    QVERIFY(peer.port() != 0);
    const quint16 local = freeLoopbackPort();
    const Result result = run(cliPath(), {u"talk"_s, u"127.0.0.1"_s, peer.service(), u"--format"_s, u"json"_s,
                                          u"--sockopt"_s, u"keepalive=1"_s, u"--local"_s, u"127.0.0.1:%1"_s.arg(local)},
                              60000, "hi\n");
    QVERIFY2(result.exitCode == 0, result.describe());
    QCOMPARE(nextLine(peer), "from " + QByteArray::number(local));
    const QJsonObject report = jsonOf(result);
    const QJsonArray sockopts = report.value("sockopts"_L1).toArray();
    QCOMPARE(sockopts.size(), 1);
    QCOMPARE(sockopts.at(0).toObject().value("system_name"_L1).toString(), u"SO_KEEPALIVE"_s);
    QCOMPARE(sockopts.at(0).toObject().value("effective"_L1).toInt(), 1);
    QCOMPARE(report.value("local"_L1).toObject().value("port"_L1).toInt(), int(local));
}

void TestCliSockopt::talkScriptSetsAnOptionMidConversation()
{
    Peer peer(u"chat_peer.py"_s, {u"echo"_s});
    QVERIFY(peer.port() != 0);
    QTemporaryDir dir;
    const QString script = dir.filePath(u"nodelay.script"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("expect HELLO chat\\n\nsockopt nodelay=1\nsend one\\n\nexpect ECHO one\\n\nclose\n");
    file.close();

    const Result text = cli({u"talk"_s, u"127.0.0.1"_s, peer.service(), u"--script"_s, script, u"--trace"_s});
    QVERIFY2(text.exitCode == 0, text.describe());
    QVERIFY2(text.err.contains("* setsockopt() at "), text.describe());
    QVERIFY2(text.err.contains("ms: TCP_NODELAY: on → on\n"), text.describe());
    QVERIFY2(text.err.contains("setsockopt") && text.err.contains("TCP_NODELAY, [1]"), text.describe());

    const Result json = cli({u"talk"_s, u"127.0.0.1"_s, peer.service(), u"--script"_s, script, u"--format"_s, u"json"_s});
    QVERIFY2(json.exitCode == 0, json.describe());
    const QJsonArray changes = jsonOf(json).value("sockopt_changes"_L1).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).toObject().value("system_name"_L1).toString(), u"TCP_NODELAY"_s);
    QCOMPARE(changes.at(0).toObject().value("effective"_L1).toInt(), 1);
    QCOMPARE(changes.at(0).toObject().value("step"_L1).toInt(), 2);
}

void TestCliSockopt::serveSaysTheListenerOptions()
{
    Server server({u"echo"_s, u"--sockopt"_s, u"rcvbuf=65536"_s});
    QVERIFY2(server.port() != 0, qPrintable(server.firstLine()));
    QCOMPARE(nextLine(server), "SO_RCVBUF: 65,536 bytes → 131,072 bytes (Linux doubles the size asked, for its own bookkeeping)"_ba);
    QCOMPARE(server.stop(SIGTERM), 0);
}

void TestCliSockopt::badOptionIsAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sentence");
    const QStringList tcp{u"tcp"_s, u"127.0.0.1"_s, u"80"_s};
    const QStringList udp{u"udp"_s, u"127.0.0.1"_s, u"53"_s};
    QTest::newRow("tcp value") << tcp + QStringList{u"--sockopt"_s, u"rcvbuf=lots"_s}
                               << u"--sockopt \"rcvbuf=lots\": the value of rcvbuf must be a whole number."_s;
    QTest::newRow("tcp name") << tcp + QStringList{u"--sockopt"_s, u"nagle=1"_s}
                              << u"--sockopt \"nagle=1\": no socket option is named \"nagle\""_s;
    QTest::newRow("udp tcp-only") << udp + QStringList{u"--sockopt"_s, u"nodelay=1"_s}
                                  << u"--sockopt \"nodelay=1\": nodelay is for TCP sockets only."_s;
    QTest::newRow("talk range") << QStringList{u"talk"_s, u"127.0.0.1"_s, u"80"_s, u"--sockopt"_s, u"ttl=300"_s}
                                << u"--sockopt \"ttl=300\": ttl goes from 1 to 255."_s;
    QTest::newRow("talk udp tcp-only") << QStringList{u"talk"_s, u"--udp"_s, u"127.0.0.1"_s, u"80"_s, u"--sockopt"_s, u"linger=0"_s}
                                       << u"--sockopt \"linger=0\": linger is for TCP sockets only."_s;
    QTest::newRow("serve no equals") << QStringList{u"serve"_s, u"echo"_s, u"--sockopt"_s, u"nodelay"_s}
                                     << u"--sockopt \"nodelay\": a socket option is written NAME=VALUE, as nodelay=1."_s;
    QTest::newRow("tcp local") << tcp + QStringList{u"--local"_s, u"localhost:80"_s}
                               << u"--local \"localhost:80\": give a numeric address"_s;
    QTest::newRow("tcp local port") << tcp + QStringList{u"--local"_s, u"[::1]:99999"_s} << u"--local \"[::1]:99999\""_s;
}

void TestCliSockopt::badOptionIsAUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, sentence);
    const Result result = cli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(sentence), result.describe());
}

void TestCliSockopt::helpListsTheNames_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("local");
    QTest::newRow("tcp") << u"tcp"_s << true;
    QTest::newRow("udp") << u"udp"_s << true;
    QTest::newRow("talk") << u"talk"_s << true;
    QTest::newRow("serve") << u"serve"_s << false;
}

void TestCliSockopt::helpListsTheNames()
{
    QFETCH(QString, command);
    QFETCH(bool, local);
    const Result result = cli({command, u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    for (const char *line : {"nodelay=0|1", "rcvbuf=1-", "linger=off|0-65535", "ttl=1-255", "v6only=0|1", "SO_REUSEPORT"})
        QVERIFY2(result.out.contains(line), result.describe());
    QCOMPARE(result.out.contains("--local"), local);
}

QTEST_GUILESS_MAIN(TestCliSockopt)
#include "tst_clisockopt.moc"
