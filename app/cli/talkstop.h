#pragma once

#include "conversation/conversationscriptrunner.h"
#include "net/neterror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace SocketLab {
class ConversationRecord;
}

namespace SocketLab::Cli {

// How `talk` ended, for its exit code, its last line and the JSON report's `stop`.
struct TalkStop
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TalkStop)
public:
    enum class Reason {
        PeerClosed,     // the peer closed (FIN), then talk closed
        Closed,         // talk closed first: the script's close, or its end
        PeerReset,      // RST: a network error
        ExpectTimeout,  // an expectation of the script was not met
        Error,          // any other failure, error says which
        Cancelled,      // SIGINT or SIGTERM
    };
    Reason reason = Reason::Closed;
    NetError error;
    // ExpectTimeout: the expectation that was not met.
    ScriptFailure expectation;
    // PeerClosed over TLS: the FIN came without close_notify (ConversationEvent::closeNotifyMissing).
    bool closeNotifyMissing = false;

    // From the record's last events, once the conversation is over (not for ExpectTimeout).
    static TalkStop fromRecord(const ConversationRecord &record);

    int exitCode() const;
    // "peer_closed", "closed", "peer_reset", "expect_timeout", "error", "cancelled".
    QString code() const;
    // One sentence for a person.
    QString sentence(qint64 receivedBytes, qint64 sentBytes) const;
};

} // namespace SocketLab::Cli
