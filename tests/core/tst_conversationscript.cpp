#include "conversation/conversationscript.h"
#include "text/scripttext.h"

#include <QTest>

using namespace SocketLab;
using Kind = ScriptStep::Kind;
using ErrorKind = ScriptError::Kind;

class TestConversationScript : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryStep();
    void syntaxErrors_data();
    void syntaxErrors();
    void sentenceNamesLineAndColumn();
};

void TestConversationScript::readsEveryStep()
{
    const ScriptParse parse = parseConversationScript(QStringLiteral(
        "# a login\n"
        "\n"
        "  expect HELLO\n"
        "timeout 250\n"
        "send USER bob\\r\\n\n"
        "send-hex 51 55 49 54 0a\r\n"
        "expect-re ^\\d{3} \n"
        "sleep 10\n"
        "send  two spaces\n"
        "shutdown wr\n"
        "shutdown rdwr\n"
        "expect-close\n"
        "sockopt nodelay=1\n"
        "close\n"));
    QVERIFY(!parse.error.isError());
    QCOMPARE(parse.steps.size(), qsizetype(12));
    const QList<Kind> kinds{Kind::Expect,        Kind::Timeout,      Kind::Send,        Kind::Send,
                            Kind::ExpectRegex,   Kind::Sleep,        Kind::Send,        Kind::ShutdownWrite,
                            Kind::ShutdownBoth,  Kind::ExpectClose,  Kind::SetOption,   Kind::Close};
    for (qsizetype i = 0; i < kinds.size(); ++i)
        QCOMPARE(parse.steps.at(i).kind, kinds.at(i));
    QCOMPARE(parse.steps.at(0).bytes, QByteArrayLiteral("HELLO"));
    QCOMPARE(parse.steps.at(0).line, 3);
    QCOMPARE(parse.steps.at(1).ms, qint64(250));
    QCOMPARE(parse.steps.at(2).bytes, QByteArrayLiteral("USER bob\r\n"));
    // A script saved with CRLF line ends: the CR is no byte of the step.
    QCOMPARE(parse.steps.at(3).bytes, QByteArrayLiteral("QUIT\n"));
    QCOMPARE(parse.steps.at(4).pattern, QStringLiteral("^\\d{3} "));
    QCOMPARE(parse.steps.at(5).ms, qint64(10));
    QCOMPARE(parse.steps.at(6).bytes, QByteArrayLiteral(" two spaces"));
    QCOMPARE(parse.steps.at(10).option, (SocketOptionSetting{SocketOptionName::NoDelay, 1}));
    QCOMPARE(parse.steps.at(11).line, 14);
}

void TestConversationScript::syntaxErrors_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("unknown step") << QStringLiteral("send a\nsned b\n") << ErrorKind::UnknownStep << 2 << 1;
    QTest::newRow("bad option") << QStringLiteral("sockopt rcvbuf=lots\n") << ErrorKind::BadOption << 1 << 9;
    QTest::newRow("option only at bind") << QStringLiteral("send a\n sockopt reuseaddr=1\n") << ErrorKind::OptionTooLate << 2 << 10;
    QTest::newRow("indented unknown step") << QStringLiteral("# c\n   wait 5\n") << ErrorKind::UnknownStep << 2 << 4;
    QTest::newRow("send without text") << QStringLiteral("send") << ErrorKind::MissingArgument << 1 << 5;
    QTest::newRow("expect without text") << QStringLiteral("expect\n") << ErrorKind::MissingArgument << 1 << 7;
    QTest::newRow("expect and a blank") << QStringLiteral("expect ") << ErrorKind::MissingArgument << 1 << 7;
    QTest::newRow("close with argument") << QStringLiteral("close now") << ErrorKind::UnexpectedArgument << 1 << 7;
    QTest::newRow("expect-close with argument") << QStringLiteral("\nexpect-close  x") << ErrorKind::UnexpectedArgument << 2 << 15;
    QTest::newRow("unknown escape") << QStringLiteral("send ab\\qc") << ErrorKind::BadText << 1 << 8;
    QTest::newRow("lone backslash") << QStringLiteral("expect x\\") << ErrorKind::BadText << 1 << 9;
    QTest::newRow("bad hex") << QStringLiteral("send-hex 41 4G") << ErrorKind::BadText << 1 << 14;
    QTest::newRow("odd hex") << QStringLiteral("send-hex 414") << ErrorKind::BadText << 1 << 12;
    QTest::newRow("bad regex") << QStringLiteral("expect-re ab(c") << ErrorKind::BadRegex << 1 << 15;
    QTest::newRow("timeout not a number") << QStringLiteral("timeout 5s") << ErrorKind::BadNumber << 1 << 9;
    QTest::newRow("negative sleep") << QStringLiteral("sleep -1") << ErrorKind::BadNumber << 1 << 7;
    QTest::newRow("shutdown how") << QStringLiteral("shutdown rd") << ErrorKind::BadShutdown << 1 << 10;
    QTest::newRow("shutdown alone") << QStringLiteral("shutdown") << ErrorKind::MissingArgument << 1 << 9;
}

void TestConversationScript::syntaxErrors()
{
    QFETCH(QString, script);
    QFETCH(ErrorKind, kind);
    QFETCH(int, line);
    QFETCH(int, column);
    const ScriptParse parse = parseConversationScript(script);
    QCOMPARE(parse.error.kind, kind);
    QCOMPARE(parse.error.line, line);
    QCOMPARE(parse.error.column, column);
    QVERIFY(parse.steps.isEmpty());
}

void TestConversationScript::sentenceNamesLineAndColumn()
{
    QCOMPARE(describeScriptError(parseConversationScript(QStringLiteral("sockopt reuseaddr=1")).error),
             QStringLiteral("line 1, column 9: SO_REUSEADDR only counts at bind(): set it before the conversation connects"));
    QCOMPARE(describeScriptError(parseConversationScript(QStringLiteral("sockopt ttl=0")).error),
             QStringLiteral("line 1, column 9: \"ttl=0\": ttl goes from 1 to 255"));
    const ScriptParse parse = parseConversationScript(QStringLiteral("send a\nsned b\n"));
    QCOMPARE(describeScriptError(parse.error), QStringLiteral("line 2, column 1: unknown step \"sned\"; the steps are send, "
                                                              "send-hex, expect, expect-re, expect-close, timeout, sleep, "
                                                              "shutdown, close, sockopt"));
}

QTEST_GUILESS_MAIN(TestConversationScript)
#include "tst_conversationscript.moc"
