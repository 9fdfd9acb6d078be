#include "clitestsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace CliTest;

namespace {

Result talk(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 30000)
{
    return run(cliPath(), QStringList{QStringLiteral("talk")} + arguments, timeoutMs, input);
}

class ScriptFile
{
public:
    explicit ScriptFile(const QByteArray &text)
    {
        QFile file(m_dir.filePath(QStringLiteral("talk.script")));
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        m_path = file.fileName();
    }
    QString path() const { return m_path; }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace

class TestCliTalk : public QObject
{
    Q_OBJECT

private slots:
    void interactiveSendsLinesAndHalfClosesAtEndOfInput();
    void crlfTurnsLineEndsIntoCrlf();
    void hexdumpPrintsEachRecvAsRows();
    void scriptExpectationsHold();
    void scriptExpectationTimesOut();
    void scriptExpectationFailsWhenThePeerCloses();
    void scriptSyntaxErrorNamesLineAndColumn();
    void networkErrorsExitThree();
    void jsonReport();
    void udpScript();
    void largeInputWaitsForASlowPeer();
};

void TestCliTalk::interactiveSendsLinesAndHalfClosesAtEndOfInput()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const Result result = talk({QStringLiteral("127.0.0.1"), peer.service()}, "one\ntwo\nlast");
    QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    // The last line without its LF is sent at the end of the input too, then the half-close
    // brings the goodbye, then the peer's close ends talk.
    QCOMPARE(result.out, QByteArrayLiteral("HELLO chat\nECHO one\nECHO two\nBYE 2\n"));
    QVERIFY2(result.err.contains("shutdown(SHUT_WR)"), result.describe());
    QVERIFY2(result.err.contains("The peer closed its side (FIN)"), result.describe());
}

void TestCliTalk::crlfTurnsLineEndsIntoCrlf()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const Result result = talk({QStringLiteral("--crlf"), QStringLiteral("127.0.0.1"), peer.service()}, "one\n");
    QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    QCOMPARE(result.out, QByteArrayLiteral("HELLO chat\nECHO one\r\nBYE 1\n"));
}

void TestCliTalk::hexdumpPrintsEachRecvAsRows()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const Result result = talk({QStringLiteral("--hexdump"), QStringLiteral("127.0.0.1"), peer.service()}, "hi\n");
    QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    QVERIFY2(QRegularExpression(QStringLiteral("^# recv #1: \\d+ bytes at [0-9.]+ ms\n")).match(QString::fromUtf8(result.out)).hasMatch(),
             result.describe());
    QVERIFY2(result.out.contains("00000000  48 45 4c 4c 4f 20 63 68  61 74 0a"), result.describe());
    QVERIFY2(result.out.contains("|HELLO chat.|") || result.out.contains("|HELLO chat.ECHO"), result.describe());
    QVERIFY2(!result.out.contains("HELLO chat\n"), result.describe());
}

void TestCliTalk::scriptExpectationsHold()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const ScriptFile script("# a greeting, an echo, a goodbye\n"
                            "expect HELLO chat\\n\n"
                            "send hi\\n\n"
                            "expect-re ECHO h.\n"
                            "send-hex 62 79 65 0a\n"
                            "expect ECHO bye\n"
                            "shutdown wr\n"
                            "expect BYE 2\n"
                            "expect-close\n");
    const Result result = talk({QStringLiteral("--script"), script.path(), QStringLiteral("127.0.0.1"), peer.service()});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    QCOMPARE(result.out, QByteArrayLiteral("HELLO chat\nECHO hi\nECHO bye\nBYE 2\n"));
}

void TestCliTalk::scriptExpectationTimesOut()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const ScriptFile script("expect HELLO\n"
                            "send hi\\n\n"
                            "timeout 300\n"
                            "expect NOPE\\r\\n\n"
                            "send never\\n\n");
    QElapsedTimer clock;
    clock.start();
    const Result result = talk({QStringLiteral("--script"), script.path(), QStringLiteral("127.0.0.1"), peer.service()});
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(result.finished && result.exitCode == 4, result.describe());
    QVERIFY2(result.err.contains("line 4: expected \"NOPE\\r\\n\" within 300 ms; the last bytes that arrived: \" chat\\nECHO hi\\n\""),
             result.describe());
    QVERIFY2(elapsed >= 300 && elapsed < 5000, QByteArray::number(elapsed));
    QVERIFY(!result.out.contains("never"));
}

void TestCliTalk::scriptExpectationFailsWhenThePeerCloses()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const ScriptFile script("shutdown wr\n"
                            "expect NEVER\n");
    QElapsedTimer clock;
    clock.start();
    const Result result = talk({QStringLiteral("--script"), script.path(), QStringLiteral("127.0.0.1"), peer.service()});
    QVERIFY2(result.finished && result.exitCode == 4, result.describe());
    // Said as soon as the FIN came, not after the 5 s default wait.
    QVERIFY2(clock.elapsed() < 4000, QByteArray::number(clock.elapsed()));
    QVERIFY2(result.err.contains("line 2: expected \"NEVER\", but the peer closed the connection first"), result.describe());
}

void TestCliTalk::scriptSyntaxErrorNamesLineAndColumn()
{
    const ScriptFile script("send a\n"
                            "timeout 5s\n");
    const Result result = talk({QStringLiteral("--script"), script.path(), QStringLiteral("127.0.0.1"), QStringLiteral("9")});
    QVERIFY2(result.finished && result.exitCode == 2, result.describe());
    QVERIFY2(result.err.contains("talk.script: line 2, column 9: \"5s\" is not a number of milliseconds"), result.describe());
    // Checked before any connection: nothing about one is said.
    QVERIFY2(!result.err.contains("onnect"), result.describe());
}

void TestCliTalk::networkErrorsExitThree()
{
    quint16 closedPort = 0;
    {
        Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
        closedPort = peer.port();
    }
    QVERIFY(closedPort);
    const Result refused = talk({QStringLiteral("127.0.0.1"), QString::number(closedPort)});
    QVERIFY2(refused.finished && refused.exitCode == 3, refused.describe());
    QVERIFY2(refused.err.contains("ECONNREFUSED"), refused.describe());

    Peer resetting(QStringLiteral("chat_peer.py"), {QStringLiteral("reset")});
    QVERIFY(resetting.port());
    const ScriptFile script("send x\\n\n"
                            "expect-close\n");
    const Result reset = talk({QStringLiteral("--script"), script.path(), QStringLiteral("127.0.0.1"), resetting.service()});
    QVERIFY2(reset.finished && reset.exitCode == 3, reset.describe());
    QVERIFY2(reset.err.contains("ECONNRESET"), reset.describe());
    // What came before the reset was printed.
    QCOMPARE(reset.out, QByteArrayLiteral("HELLO chat\nECHO x\n"));
}

void TestCliTalk::jsonReport()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    const ScriptFile script("expect HELLO chat\\n\n"
                            "send hi\\n\n"
                            "expect ECHO hi\\n\n"
                            "close\n");
    const Result result = talk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--script"), script.path(),
                                QStringLiteral("127.0.0.1"), peer.service()});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    QJsonParseError parseError;
    const QJsonObject report = QJsonDocument::fromJson(result.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, result.describe());
    for (const char *key : {"transport", "resolved", "attempts", "connected_to", "local", "sent_bytes", "received_bytes",
                            "messages", "stop", "error", "trace", "tls", "timings"})
        QVERIFY2(report.contains(QLatin1StringView(key)), key);
    QCOMPARE(report.value(QStringLiteral("transport")).toString(), QStringLiteral("tcp"));
    QCOMPARE(report.value(QStringLiteral("connected_to")).toObject().value(QStringLiteral("port")).toInt(), int(peer.port()));
    QVERIFY(report.value(QStringLiteral("error")).isNull());
    QCOMPARE(report.value(QStringLiteral("stop")).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("closed"));
    const QJsonArray messages = report.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), qsizetype(3));
    const QList<std::pair<QString, QByteArray>> expected{{QStringLiteral("received"), "HELLO chat\n"},
                                                         {QStringLiteral("sent"), "hi\n"},
                                                         {QStringLiteral("received"), "ECHO hi\n"}};
    double lastMs = -1;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        QCOMPARE(message.value(QStringLiteral("direction")).toString(), expected.at(i).first);
        QCOMPARE(QByteArray::fromBase64(message.value(QStringLiteral("data_base64")).toString().toLatin1()), expected.at(i).second);
        QVERIFY(message.value(QStringLiteral("t_ms")).toDouble() >= lastMs);
        lastMs = message.value(QStringLiteral("t_ms")).toDouble();
    }
    QCOMPARE(messages.at(1).toObject().value(QStringLiteral("step")).toInt(), 2);
    QVERIFY(messages.at(0).toObject().value(QStringLiteral("step")).isNull());
    QStringList calls;
    for (const QJsonValue &entry : report.value(QStringLiteral("trace")).toArray())
        calls.append(entry.toObject().value(QStringLiteral("call")).toString());
    for (const char *call : {"getaddrinfo", "socket", "connect", "send", "recv", "close"})
        QVERIFY2(calls.contains(QLatin1StringView(call)), qPrintable(calls.join(u' ')));
}

void TestCliTalk::udpScript()
{
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("udp")});
    QVERIFY(peer.port());
    const ScriptFile script("send ping\n"
                            "expect ECHO ping\n"
                            "send pong\n"
                            "expect ECHO pong\n");
    const Result result = talk({QStringLiteral("--udp"), QStringLiteral("--hexdump"), QStringLiteral("--script"), script.path(),
                                QStringLiteral("127.0.0.1"), peer.service()});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    QVERIFY2(result.out.contains("# datagram #1 from 127.0.0.1:" + peer.service().toLatin1() + ": 9 bytes"), result.describe());
    QVERIFY2(result.out.contains("# datagram #2 from 127.0.0.1:"), result.describe());
}

void TestCliTalk::largeInputWaitsForASlowPeer()
{
    // The peer reads nothing for 3 s: standard input must wait for it rather than pile up more
    // than a conversation lets wait unsent (64 MiB), then every byte goes, in order.
    Peer peer(QStringLiteral("chat_peer.py"), {QStringLiteral("bytes"), QStringLiteral("--wait"), QStringLiteral("3000")});
    QVERIFY(peer.port());
    QByteArray input;
    const QByteArray line = QByteArray(16 * 1024 - 1, 'x') + '\n';
    while (input.size() < 80 * 1024 * 1024)
        input += line;
    const Result result = talk({QStringLiteral("127.0.0.1"), peer.service()}, input, 120000);
    QVERIFY2(result.finished && result.exitCode == 0, qPrintable(QString::fromUtf8(result.err.right(2000))));
    QCOMPARE(result.out.size(), qsizetype(11) + input.size() + QByteArray("GOT " + QByteArray::number(input.size()) + "\n").size());
    QVERIFY(result.out == "HELLO chat\n" + input + "GOT " + QByteArray::number(input.size()) + "\n");
    // Nothing but talk's own lines: after a transfer this big the byte store's page thread was busy,
    // and stopping it at exit once printed Qt's "QEventLoop: Cannot be used without QApplication"
    // (in about a third of the runs).
    for (const QByteArray &errorLine : result.err.trimmed().split('\n'))
        QVERIFY2(errorLine.startsWith("* "), errorLine.constData());
}

QTEST_GUILESS_MAIN(TestCliTalk)
#include "tst_clitalk.moc"
