#include "conversationscript.h"

#include <QRegularExpression>
#include <QStringList>

namespace SocketLab {

namespace {

struct StepName
{
    const char *name;
    ScriptStep::Kind kind;
    bool takesArgument;
};

constexpr StepName StepNames[] = {
    {"send", ScriptStep::Kind::Send, true},
    {"send-hex", ScriptStep::Kind::Send, true},
    {"expect", ScriptStep::Kind::Expect, true},
    {"expect-re", ScriptStep::Kind::ExpectRegex, true},
    {"expect-close", ScriptStep::Kind::ExpectClose, false},
    {"timeout", ScriptStep::Kind::Timeout, true},
    {"sleep", ScriptStep::Kind::Sleep, true},
    {"shutdown", ScriptStep::Kind::ShutdownWrite, true},
    {"close", ScriptStep::Kind::Close, false},
    {"sockopt", ScriptStep::Kind::SetOption, true},
};

ScriptError errorAt(ScriptError::Kind kind, int line, qsizetype column, const QString &detail = {})
{
    ScriptError error;
    error.kind = kind;
    error.line = line;
    error.column = int(column) + 1;
    error.detail = detail;
    return error;
}

// One line; false with *error set. `at` is where the step's name starts.
bool readStep(const QString &line, int lineNumber, qsizetype at, ScriptStep *step, ScriptError *error)
{
    qsizetype nameEnd = at;
    while (nameEnd < line.size() && !line.at(nameEnd).isSpace())
        ++nameEnd;
    const QString name = line.mid(at, nameEnd - at);
    const StepName *known = nullptr;
    for (const StepName &candidate : StepNames) {
        if (name == QLatin1StringView(candidate.name))
            known = &candidate;
    }
    if (!known) {
        *error = errorAt(ScriptError::Kind::UnknownStep, lineNumber, at, name);
        return false;
    }
    // One blank separates the step from its argument: the rest is the argument as written, so
    // "send  x" sends a space before the x.
    const qsizetype argumentAt = qMin(nameEnd + 1, line.size());
    const QString argument = line.mid(argumentAt);
    step->kind = known->kind;
    step->line = lineNumber;
    if (!known->takesArgument) {
        qsizetype extra = nameEnd;
        while (extra < line.size() && line.at(extra).isSpace())
            ++extra;
        if (extra < line.size()) {
            *error = errorAt(ScriptError::Kind::UnexpectedArgument, lineNumber, extra, name);
            return false;
        }
        return true;
    }
    if (argument.isEmpty()) {
        *error = errorAt(ScriptError::Kind::MissingArgument, lineNumber, nameEnd, name);
        return false;
    }
    switch (known->kind) {
    case ScriptStep::Kind::Send:
    case ScriptStep::Kind::Expect: {
        const bool hex = name == QLatin1StringView("send-hex");
        const PayloadCodec::DecodeResult decoded = hex ? PayloadCodec::decodeHex(argument) : PayloadCodec::decodeEscaped(argument);
        if (!decoded.ok()) {
            *error = errorAt(ScriptError::Kind::BadText, lineNumber, argumentAt + decoded.column);
            error->codecError = decoded.error;
            return false;
        }
        step->bytes = decoded.bytes;
        return true;
    }
    case ScriptStep::Kind::ExpectRegex: {
        const QRegularExpression regex(argument);
        if (!regex.isValid()) {
            *error = errorAt(ScriptError::Kind::BadRegex, lineNumber, argumentAt + regex.patternErrorOffset(), regex.errorString());
            return false;
        }
        step->pattern = argument;
        return true;
    }
    case ScriptStep::Kind::Timeout:
    case ScriptStep::Kind::Sleep: {
        bool ok = false;
        const QString number = argument.trimmed();
        step->ms = number.toLongLong(&ok);
        if (!ok || step->ms < 0 || step->ms > INT_MAX) {
            *error = errorAt(ScriptError::Kind::BadNumber, lineNumber, argumentAt, argument);
            return false;
        }
        return true;
    }
    case ScriptStep::Kind::ShutdownWrite:
    case ScriptStep::Kind::ShutdownBoth: {
        const QString how = argument.trimmed();
        if (how == QLatin1StringView("wr")) {
            step->kind = ScriptStep::Kind::ShutdownWrite;
        } else if (how == QLatin1StringView("rdwr")) {
            step->kind = ScriptStep::Kind::ShutdownBoth;
        } else {
            *error = errorAt(ScriptError::Kind::BadShutdown, lineNumber, argumentAt, argument);
            return false;
        }
        return true;
    }
    case ScriptStep::Kind::SetOption: {
        // The script does not know whether it will talk over TCP or UDP: an option for the other
        // kind is reported by the socket, as not for it.
        SocketOptionParseError problem;
        const std::optional<SocketOptionSetting> setting = SocketOptions::parse(argument.trimmed(), SocketKind::Any, &problem);
        if (!setting) {
            *error = errorAt(ScriptError::Kind::BadOption, lineNumber, argumentAt);
            error->optionError = problem;
            return false;
        }
        if (!SocketOptions::settableWhenOpen(setting->name)) {
            *error = errorAt(ScriptError::Kind::OptionTooLate, lineNumber, argumentAt, SocketOptions::cliName(setting->name));
            return false;
        }
        step->option = *setting;
        return true;
    }
    case ScriptStep::Kind::ExpectClose:
    case ScriptStep::Kind::Close:
        break;
    }
    return true;
}

} // namespace

ScriptParse parseConversationScript(const QString &text)
{
    ScriptParse parse;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        // A script written on Windows: its CR ends the line, it is no byte to send.
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        qsizetype at = 0;
        while (at < line.size() && line.at(at).isSpace())
            ++at;
        if (at == line.size() || line.at(at) == QLatin1Char('#'))
            continue;
        ScriptStep step;
        if (!readStep(line, int(i) + 1, at, &step, &parse.error)) {
            parse.steps.clear();
            return parse;
        }
        parse.steps.append(step);
    }
    return parse;
}

} // namespace SocketLab
