#pragma once

#include "net/socketoption.h"

#include <QByteArray>
#include <QList>

namespace SocketLab {

class ConversationRecord;

// One line of a script recorded from a conversation: what was done, in the order it was done.
struct RecordedStep
{
    enum class Kind {
        Send,          // one send() that wrote bytes: bytes
        Received,      // what came before the next step: a comment, then a wait for as many bytes
        Timeout,       // the peer took longer than an expectation's default wait: ms
        SetOption,     // option
        ShutdownWrite,
        ShutdownBoth,
        Close,
        ExpectClose,   // the peer closed
    };
    Kind kind = Kind::Send;
    QByteArray bytes;     // Send: all of them; Received: the first ones, at most PreviewBytes
    qint64 size = 0;      // Received: how many bytes came
    qint64 recvCalls = 0; // Received: in how many recv()
    qint64 ms = 0;        // Timeout
    SocketOptionSetting option;

    static constexpr qsizetype PreviewBytes = 60;
};

// A conversation as a script that does it again: each send() a send line, each option set a sockopt,
// the shutdowns and the close; where the peer answered before the next step, a line that waits for
// as many bytes as came, so the script keeps the conversation's turns without insisting on words a
// server may change the next time (a date, a port). Refused when the script could not send exactly
// what was sent.
struct RecordedScript
{
    enum class Problem {
        None,
        NothingSent,     // no send() wrote a byte
        SentNotKept,     // the record's caps let some sent bytes go: sentKept of sentTotal
        TooLarge,        // more than MaxSentBytes were sent
    };
    QList<RecordedStep> steps;
    Problem problem = Problem::None;
    qint64 sentKept = 0;
    qint64 sentTotal = 0;

    // A script is text a person reads and edits in the window; beyond this it is no longer one.
    static constexpr qint64 MaxSentBytes = 1024 * 1024;
    bool ok() const { return problem == Problem::None; }
};

RecordedScript recordScript(const ConversationRecord &record);

} // namespace SocketLab
