#include "scripttext.h"

#include "bytes/payloadcodec.h"
#include "text/codectext.h"
#include "text/socketoptiontext.h"

#include <QCoreApplication>

namespace SocketLab {

namespace {

struct ScriptText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::ScriptText)
};

QString reason(const ScriptError &error)
{
    switch (error.kind) {
    case ScriptError::Kind::None:
        break;
    case ScriptError::Kind::UnknownStep:
        return ScriptText::tr("unknown step \"%1\"; the steps are send, send-hex, expect, expect-re, expect-close, "
                              "timeout, sleep, shutdown, close, sockopt")
            .arg(error.detail);
    case ScriptError::Kind::MissingArgument:
        return ScriptText::tr("%1 needs an argument").arg(error.detail);
    case ScriptError::Kind::UnexpectedArgument:
        return ScriptText::tr("%1 takes no argument").arg(error.detail);
    case ScriptError::Kind::BadText:
        return describeCodecError(error.codecError);
    case ScriptError::Kind::BadRegex:
        return ScriptText::tr("invalid regular expression (%1)").arg(error.detail);
    case ScriptError::Kind::BadNumber:
        return ScriptText::tr("\"%1\" is not a number of milliseconds").arg(error.detail);
    case ScriptError::Kind::BadShutdown:
        return ScriptText::tr("shutdown takes wr or rdwr, not \"%1\"").arg(error.detail);
    case ScriptError::Kind::BadOption: {
        // The sentence's own period would end this one early.
        QString problem = describeOptionProblem(error.optionError);
        if (problem.endsWith(QLatin1Char('.')))
            problem.chop(1);
        return problem;
    }
    case ScriptError::Kind::OptionTooLate: {
        QString problem = describeOptionTooLate(*SocketOptions::fromCliName(error.detail));
        if (problem.endsWith(QLatin1Char('.')))
            problem.chop(1);
        return problem;
    }
    }
    return {};
}

// The end of what arrived, enough to see why an expectation failed without flooding a terminal.
constexpr qsizetype ShownBytes = 80;

} // namespace

QString describeScriptError(const ScriptError &error)
{
    return ScriptText::tr("line %1, column %2: %3").arg(error.line).arg(error.column).arg(reason(error));
}

QString describeScriptFailure(const ScriptFailure &failure)
{
    QString expected;
    switch (failure.kind) {
    case ScriptStep::Kind::Expect:
        expected = QStringLiteral("\"%1\"").arg(PayloadCodec::encodeEscaped(failure.bytes));
        break;
    case ScriptStep::Kind::ExpectRegex:
        expected = ScriptText::tr("a match of /%1/").arg(failure.pattern);
        break;
    default:
        expected = ScriptText::tr("the peer to close the connection");
        break;
    }
    const QString arrived = failure.lastBytes.isEmpty()
        ? ScriptText::tr("nothing arrived")
        : ScriptText::tr("the last bytes that arrived: \"%1\"").arg(PayloadCodec::encodeEscaped(failure.lastBytes.right(ShownBytes)));
    if (failure.peerClosed)
        return ScriptText::tr("line %1: expected %2, but the peer closed the connection first; %3.")
            .arg(failure.line)
            .arg(expected, arrived);
    return ScriptText::tr("line %1: expected %2 within %3 ms; %4.").arg(failure.line).arg(expected).arg(failure.waitedMs).arg(arrived);
}

} // namespace SocketLab
