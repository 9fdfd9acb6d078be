#pragma once

#include "conversation/conversationevent.h"
#include "conversation/conversationrequest.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace SocketLab {

class CancelToken;
class ConversationCommands;
class ConversationRecord;
class Socket;
class TlsStream;
class Trace;
struct ConversationCommand;

// Told of each recv() (or datagram) on the worker's thread, before the cap decides whether its bytes
// are kept: streamOffset counts every byte received before it, kept or not.
using ConversationReceiveTap = std::function<void(const ConversationEvent &event, qint64 streamOffset, const char *data)>;

// Keeps one conversation's socket open in the thread it was moved to: connects, then waits in one
// poll() on the socket, the cancel token and the command queue, so the peer's bytes are read the
// moment they come and the owner's sends, shutdowns and close() run in the order asked. Everything
// goes to the record and the trace; finished() once the socket is closed.
class ConversationWorker : public QObject
{
    Q_OBJECT
public:
    ConversationWorker(const ConversationRequest &request, std::shared_ptr<ConversationRecord> record,
                       std::shared_ptr<Trace> trace, std::shared_ptr<CancelToken> cancel,
                       std::shared_ptr<ConversationCommands> commands, ConversationReceiveTap tap);
    ~ConversationWorker() override;

public slots:
    void run();

signals:
    void finished();

private:
    bool openTcp(ConversationSetup &setup, Socket &socket);
    bool openUdp(ConversationSetup &setup, Socket &socket);
    void talk(Socket &socket);
    // Reads what is there, up to a burst of calls; false once the conversation is over.
    bool readBurst(Socket &socket);
    // false once the conversation is over.
    bool execute(const ConversationCommand &command, Socket &socket);
    bool send(const ConversationCommand &command, Socket &socket);
    void addEvent(ConversationEvent::Kind kind, int step);
    // A failure as its event (ECONNRESET is the peer's reset); the conversation is over.
    void fail(NetError error, int step);

    ConversationRequest m_request;
    std::shared_ptr<ConversationRecord> m_record;
    std::shared_ptr<Trace> m_trace;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<ConversationCommands> m_commands;
    ConversationReceiveTap m_tap;
    std::unique_ptr<TlsStream> m_tls;
    SocketAddress m_peer;           // connected to, or the UDP target
    bool m_reading = true;          // until the peer's FIN or our shutdown(SHUT_RDWR)
    bool m_moreToRead = false;      // a burst ended before the socket ran dry, or TLS holds bytes
    qint64 m_receivedTotal = 0;
    std::vector<char> m_scratch;    // where bytes past the cap are read, counted and let go
};

} // namespace SocketLab
