#include "conversation/conversationrecord.h"
#include "conversation/conversationscript.h"
#include "conversation/recordedscript.h"
#include "conversationtesting.h"
#include "text/recordedscripttext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTest>


using namespace SocketLab;
using Kind = ConversationEvent::Kind;

namespace {

// A record written by hand, as a conversation's worker writes one.
class RecordBuilder
{
public:
    explicit RecordBuilder(qint64 maxKeptBytes = 64 * 1024 * 1024) : m_record(maxKeptBytes, 100000)
    {
        ConversationTesting::addEvent(m_record, Kind::Connected, 0);
    }

    RecordBuilder &sent(const QByteArray &bytes, qint64 timeUs)
    {
        ConversationTesting::addData(m_record, Kind::Sent, timeUs, bytes);
        return *this;
    }
    RecordBuilder &received(const QByteArray &bytes, qint64 timeUs)
    {
        ConversationTesting::addData(m_record, Kind::Received, timeUs, bytes);
        return *this;
    }
    RecordBuilder &event(Kind kind, qint64 timeUs)
    {
        ConversationTesting::addEvent(m_record, kind, timeUs);
        return *this;
    }
    RecordBuilder &option(const QString &text, qint64 timeUs)
    {
        SocketOptionParseError problem;
        auto outcome = std::make_shared<SocketOptionOutcome>();
        outcome->asked = *SocketOptions::parse(text, SocketKind::Any, &problem);
        ConversationEvent event;
        event.kind = Kind::OptionSet;
        event.timeUs = timeUs;
        event.option = outcome;
        m_record.add(event);
        return *this;
    }
    ConversationRecord &record() { return m_record; }

private:
    ConversationRecord m_record;
};

QByteArray everyByte()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes.append(char(b));
    return bytes;
}

// The script's text read back as the CLI and the window read it.
QList<ScriptStep> stepsOf(const QString &text)
{
    const ScriptParse parse = parseConversationScript(text);
    if (parse.error.isError())
        qWarning() << "line" << parse.error.line << "column" << parse.error.column << parse.error.detail;
    return parse.steps;
}

QByteArray sentBy(const QList<ScriptStep> &steps)
{
    QByteArray bytes;
    for (const ScriptStep &step : steps) {
        if (step.kind == ScriptStep::Kind::Send)
            bytes += step.bytes;
    }
    return bytes;
}

QList<ScriptStep::Kind> kindsOf(const QList<ScriptStep> &steps)
{
    QList<ScriptStep::Kind> kinds;
    for (const ScriptStep &step : steps)
        kinds << step.kind;
    return kinds;
}

} // namespace

class TestRecordedScript : public QObject
{
    Q_OBJECT
private slots:
    void everySentByteIsSentAgain();
    void aGreetingIsWaitedForBeforeTheFirstSend();
    void aSlowAnswerGetsATimeoutLongEnough();
    void optionsShutdownsAndClosesAreSteps();
    void aLargeSendIsWrittenOverSeveralLines();
    void aWaitForMoreThanARegexRepeatHoldsTheExactCount();
    void whatCannotBeSentExactlyIsRefused();
};

void TestRecordedScript::everySentByteIsSentAgain()
{
    RecordBuilder builder;
    const QByteArray text = "GET /a\\b HTTP/1.0\r\nX: caf\xc3\xa9\t1 \r\n\r\n";
    const QByteArray trailingSpace = "ends with a space ";
    const QByteArray noBreakSpace = "Prix\xc2\xa0: 10 \xe2\x82\xac";
    builder.sent(text, 1000).received("HTTP/1.0 200 OK\r\n", 2000).sent(everyByte(), 3000).sent(trailingSpace, 4000).sent(noBreakSpace, 5000);
    const RecordedScript script = recordScript(builder.record());
    QVERIFY(script.ok());
    const QString written = writeRecordedScript(script, QStringLiteral("127.0.0.1:7"));
    const QList<ScriptStep> steps = stepsOf(written);
    QCOMPARE(sentBy(steps), text + everyByte() + trailingSpace + noBreakSpace);
    QCOMPARE(kindsOf(steps), (QList<ScriptStep::Kind>{ScriptStep::Kind::Send, ScriptStep::Kind::ExpectRegex,
                                                      ScriptStep::Kind::Send, ScriptStep::Kind::Send, ScriptStep::Kind::Send}));
    // Text stays readable, binary goes as hex; a space at a line's end survives an editor.
    const QStringList lines = written.split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral("send GET /a\\\\b HTTP/1.0\\r\\nX: café\\t1 \\r\\n\\r\\n")));
    QVERIFY(lines.contains(QStringLiteral("send ends with a space\\x20")));
    // A no-break space is written out: an editor would make it a plain one.
    QVERIFY(lines.contains(QStringLiteral("send Prix\\xc2\\xa0: 10 €")));
    QVERIFY(lines.contains(QStringLiteral("send-hex 00 01 02") + PayloadCodec::encodeHex(everyByte()).mid(8)));
    // What the peer said is a comment above the wait for as many bytes.
    QVERIFY(written.contains(QStringLiteral("# the peer sent 17 bytes in 1 recv(): HTTP/1.0 200 OK\\r\\n\nexpect-re (?s)\\A.{17}\n")));
}

void TestRecordedScript::aGreetingIsWaitedForBeforeTheFirstSend()
{
    RecordBuilder builder;
    builder.received("HELLO ", 500).received("chat\n", 600).sent("hi\n", 900).received("ECHO hi\n", 1000);
    const RecordedScript script = recordScript(builder.record());
    const QList<ScriptStep> steps = stepsOf(writeRecordedScript(script, QStringLiteral("h:1")));
    QCOMPARE(kindsOf(steps), (QList<ScriptStep::Kind>{ScriptStep::Kind::ExpectRegex, ScriptStep::Kind::Send,
                                                      ScriptStep::Kind::ExpectRegex}));
    QCOMPARE(steps[0].pattern, QStringLiteral("(?s)\\A.{11}"));
    QCOMPARE(steps[2].pattern, QStringLiteral("(?s)\\A.{8}"));
    QCOMPARE(script.steps[0].recvCalls, 2);
    QCOMPARE(script.steps[0].bytes, QByteArray("HELLO chat\n"));
}

void TestRecordedScript::aSlowAnswerGetsATimeoutLongEnough()
{
    RecordBuilder builder;
    // 1 s, then 8.2 s, then 3 s: only the second needs more than the default 5 s, and gets twice its wait.
    builder.sent("a", 0).received("1", 1000000).sent("b", 1100000).received("2", 9300000).sent("c", 9400000).received("3", 12400000);
    const QList<ScriptStep> steps = stepsOf(writeRecordedScript(recordScript(builder.record()), QStringLiteral("h:1")));
    QCOMPARE(kindsOf(steps), (QList<ScriptStep::Kind>{ScriptStep::Kind::Send, ScriptStep::Kind::ExpectRegex,
                                                      ScriptStep::Kind::Send, ScriptStep::Kind::Timeout,
                                                      ScriptStep::Kind::ExpectRegex, ScriptStep::Kind::Send,
                                                      ScriptStep::Kind::ExpectRegex}));
    QCOMPARE(steps[3].ms, 17000);
}

void TestRecordedScript::optionsShutdownsAndClosesAreSteps()
{
    RecordBuilder builder;
    builder.option(QStringLiteral("nodelay=1"), 10)
        .sent("x", 20)
        .event(Kind::ShutdownWrite, 30)
        .received("BYE 1\n", 40)
        .event(Kind::PeerClosed, 50)
        .event(Kind::Closed, 60);
    const QString written = writeRecordedScript(recordScript(builder.record()), QStringLiteral("h:1"));
    const QList<ScriptStep> steps = stepsOf(written);
    QCOMPARE(kindsOf(steps), (QList<ScriptStep::Kind>{ScriptStep::Kind::SetOption, ScriptStep::Kind::Send,
                                                      ScriptStep::Kind::ShutdownWrite, ScriptStep::Kind::ExpectRegex,
                                                      ScriptStep::Kind::ExpectClose, ScriptStep::Kind::Close}));
    QCOMPARE(SocketOptions::format(steps[0].option), QStringLiteral("nodelay=1"));
}

void TestRecordedScript::aLargeSendIsWrittenOverSeveralLines()
{
    QByteArray big;
    for (int i = 0; i < 10000; ++i)
        big.append(char('a' + i % 26));
    RecordBuilder builder;
    builder.sent(big, 10);
    const QString written = writeRecordedScript(recordScript(builder.record()), QStringLiteral("h:1"));
    const QList<ScriptStep> steps = stepsOf(written);
    QCOMPARE(steps.size(), 3);
    QCOMPARE(sentBy(steps), big);
    QVERIFY(written.contains(QStringLiteral("# one send() of %1 bytes, written over several lines").arg(QLocale().toString(10000))));
}

void TestRecordedScript::aWaitForMoreThanARegexRepeatHoldsTheExactCount()
{
    const qint64 size = 3 * 65535 + 7;
    RecordBuilder builder;
    builder.sent("GET", 10).received(QByteArray(size, '\n'), 20);
    const QList<ScriptStep> steps = stepsOf(writeRecordedScript(recordScript(builder.record()), QStringLiteral("h:1")));
    QCOMPARE(steps.size(), 2);
    const QRegularExpression wait(steps[1].pattern);
    QVERIFY(wait.isValid());
    // Latin-1, one character a byte, as the script runner matches.
    const QRegularExpressionMatch all = wait.match(QString::fromLatin1(QByteArray(size + 5, '\x80')));
    QVERIFY(all.hasMatch());
    QCOMPARE(all.capturedEnd(0), size);
    QVERIFY(!wait.match(QString::fromLatin1(QByteArray(size - 1, '\n'))).hasMatch());
}

void TestRecordedScript::whatCannotBeSentExactlyIsRefused()
{
    {
        RecordBuilder builder;
        builder.received("HELLO\n", 10);
        const RecordedScript script = recordScript(builder.record());
        QCOMPARE(script.problem, RecordedScript::Problem::NothingSent);
        QVERIFY(!describeRecordedScriptProblem(script).isEmpty());
    }
    {
        // A cap of 8 bytes: the second send's bytes were let go.
        RecordBuilder builder(8);
        builder.sent("12345", 10).sent("67890", 20);
        const RecordedScript script = recordScript(builder.record());
        QCOMPARE(script.problem, RecordedScript::Problem::SentNotKept);
        QCOMPARE(script.sentKept, 5);
        QCOMPARE(script.sentTotal, 10);
        QCOMPARE(describeRecordedScriptProblem(script),
                 QStringLiteral("Only 5 of the 10 bytes the conversation sent were kept: a script of it would not send the same bytes."));
    }
    {
        RecordBuilder builder;
        builder.sent(QByteArray(RecordedScript::MaxSentBytes + 1, 'x'), 10);
        QCOMPARE(recordScript(builder.record()).problem, RecordedScript::Problem::TooLarge);
    }
}

QTEST_GUILESS_MAIN(TestRecordedScript)
#include "tst_recordedscript.moc"
