#pragma once

#include "bytes/payloadcodec.h"
#include "net/socketoption.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SocketLab {

// One line of a conversation script (`socketlab-cli talk --script`).
struct ScriptStep
{
    enum class Kind {
        Send,         // send TEXT (escapes as --send) or send-hex HEX
        Expect,       // expect TEXT: wait until TEXT has arrived since the last expectation was met
        ExpectRegex,  // expect-re REGEX
        ExpectClose,  // expect-close: wait for the peer's FIN
        Timeout,      // timeout MS: the wait of the expectations that follow
        Sleep,        // sleep MS
        ShutdownWrite,
        ShutdownBoth,
        Close,
        SetOption,    // sockopt NAME=VALUE: on the open socket, as --sockopt names it
    };
    Kind kind = Kind::Send;
    QByteArray bytes;   // Send, Expect
    QString pattern;    // ExpectRegex
    qint64 ms = 0;      // Timeout, Sleep
    SocketOptionSetting option;  // SetOption
    int line = 0;       // 1-based
};

// Why a script cannot run, and where: what the script reader reports, turned into a sentence by
// text/scripttext.h.
struct ScriptError
{
    enum class Kind {
        None,
        UnknownStep,       // the first word is no step; detail holds it
        MissingArgument,   // the step needs an argument (detail: the step)
        UnexpectedArgument, // the step takes none (detail: the step)
        BadText,           // codecError says what is wrong with the escapes or the hex
        BadRegex,          // detail: the regular expression engine's words
        BadNumber,         // a number of milliseconds that is not one (detail: the text)
        BadShutdown,       // shutdown takes wr or rdwr (detail: the text)
        BadOption,         // optionError says what is wrong with NAME=VALUE
        OptionTooLate,     // an option that only counts at bind() (optionError.name: the name)
    };
    Kind kind = Kind::None;
    int line = 0;      // 1-based
    int column = 0;    // 1-based, in characters of the line
    QString detail;
    PayloadCodec::ErrorKind codecError = PayloadCodec::ErrorKind::None;
    SocketOptionParseError optionError;

    bool isError() const { return kind != Kind::None; }
};

struct ScriptParse
{
    QList<ScriptStep> steps;
    ScriptError error;  // the first error; steps is then empty
};

// Reads a script's text, one step a line, `#` lines and blank lines skipped. The first error stops
// the reading: a script runs whole or not at all.
ScriptParse parseConversationScript(const QString &text);

// The wait of an expectation until a timeout step says otherwise.
constexpr qint64 DefaultExpectTimeoutMs = 5000;

} // namespace SocketLab
