#include "talkstop.h"

#include "exitcode.h"

#include "conversation/conversationrecord.h"
#include "text/errortext.h"
#include "text/scripttext.h"
#include "text/stoptext.h"

namespace SocketLab::Cli {

TalkStop TalkStop::fromRecord(const ConversationRecord &record)
{
    TalkStop stop;
    bool peerClosed = false;
    for (const ConversationEvent &event : record.events()) {
        switch (event.kind) {
        case ConversationEvent::Kind::PeerClosed:
            peerClosed = true;
            stop.closeNotifyMissing = event.closeNotifyMissing;
            break;
        case ConversationEvent::Kind::PeerReset:
            stop.reason = Reason::PeerReset;
            stop.error = event.error;
            return stop;
        case ConversationEvent::Kind::Failed:
            stop.reason = event.error.kind == NetError::Kind::Cancelled ? Reason::Cancelled : Reason::Error;
            stop.error = event.error;
            return stop;
        default:
            break;
        }
    }
    stop.reason = peerClosed ? Reason::PeerClosed : Reason::Closed;
    return stop;
}

int TalkStop::exitCode() const
{
    switch (reason) {
    case Reason::PeerClosed:
    case Reason::Closed: return Success;
    case Reason::ExpectTimeout: return TimedOut;
    case Reason::PeerReset: return NetworkError;
    case Reason::Error:
    case Reason::Cancelled: return exitCodeFor(error);
    }
    return NetworkError;
}

QString TalkStop::code() const
{
    switch (reason) {
    case Reason::PeerClosed: return QStringLiteral("peer_closed");
    case Reason::Closed: return QStringLiteral("closed");
    case Reason::PeerReset: return QStringLiteral("peer_reset");
    case Reason::ExpectTimeout: return QStringLiteral("expect_timeout");
    case Reason::Error: return QStringLiteral("error");
    case Reason::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QString TalkStop::sentence(qint64 receivedBytes, qint64 sentBytes) const
{
    switch (reason) {
    case Reason::PeerClosed: {
        const QString closed = tr("The peer closed the connection; %1 received, %2 sent.").arg(byteCount(receivedBytes), byteCount(sentBytes));
        return closeNotifyMissing ? closed + QLatin1Char(' ') + describeCloseNotifyMissing() : closed;
    }
    case Reason::Closed:
        return tr("Closed; %1 received, %2 sent.").arg(byteCount(receivedBytes), byteCount(sentBytes));
    case Reason::PeerReset:
        return tr("%1; the %2 received before it are kept.").arg(ErrorText::describe(error), byteCount(receivedBytes));
    case Reason::ExpectTimeout:
        return describeScriptFailure(expectation);
    case Reason::Error:
        return ErrorText::describe(error);
    case Reason::Cancelled:
        return tr("Interrupted; %1 received, %2 sent.").arg(byteCount(receivedBytes), byteCount(sentBytes));
    }
    return {};
}

} // namespace SocketLab::Cli
