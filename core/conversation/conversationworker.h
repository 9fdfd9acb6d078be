#pragma once

#include "conversation/conversationcommands.h"
#include "conversation/conversationevent.h"
#include "conversation/conversationrequest.h"
#include "net/kerneldrops.h"

#include <QDeadlineTimer>

#include <QObject>

#include <deque>
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

// Told of each recv() (or datagram) on the worker's thread, before the cap decides whether its bytes
// are kept: streamOffset counts every byte received before it, kept or not.
using ConversationReceiveTap = std::function<void(const ConversationEvent &event, qint64 streamOffset, const char *data)>;

// Keeps one conversation's socket open in the thread it was moved to: connects, then waits in one
// poll() on the socket, the cancel token and the command queue, so the peer's bytes are read the
// moment they come and the owner's sends, shutdowns and close() run in the order asked. A send
// never waits for the peer to read: what the socket does not take at once waits in an outbox,
// written as the socket makes room (POLLOUT) while reading and taking commands go on; a shutdown or
// close() asked after it waits its turn there. Everything goes to the record and the trace;
// finished() once the socket is closed.
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
    void holdReadingIfStreaming();
    // Reads the kernel's drop count from the socket, for the drops no datagram read has told.
    void settleDrops(Socket &socket);
    // Into the outbox, or refused when too much already waits; false once the conversation is over.
    bool enqueue(ConversationCommand command);
    // Writes what the socket takes and runs the commands whose turn comes; false once the
    // conversation is over.
    bool flush(Socket &socket);
    // The outbox's first command, or as much of its bytes as one send() (SSL_write(), datagram)
    // takes; blocked when the socket has no room. false once the conversation is over.
    bool execute(Socket &socket, bool *blocked);
    bool writeHead(Socket &socket, bool *blocked);
    void recordSent(const char *data, qint64 size, int step);
    // setsockopt() and getsockopt() on the open socket; the outcome as an OptionSet event.
    void setOption(Socket &socket, const ConversationCommand &command);
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
    // TCP: while bytes stream in, reading waits until then (see ReadHoldUs); -1: read at once.
    qint64 m_holdReadingUntilUs = -1;
    qint64 m_lastReadUs = -1;       // when the last burst that took bytes ended
    qint64 m_receivedTotal = 0;
    std::vector<char> m_scratch;    // where bytes past the cap are read, counted and let go
    std::deque<ConversationCommand> m_outbox;  // asked, not yet done, oldest first
    qint64 m_headWritten = 0;       // bytes of the outbox's first message the socket took
    qint64 m_unsent = 0;            // bytes of all the messages in the outbox not yet taken
    bool m_writeWantsRead = false;  // TLS must read a record before it can write again
    // UDP, when the system counts drops: datagrams tell the count as it was when they were queued;
    // once none has come for a while, the socket's own count is read.
    std::optional<KernelDrops> m_drops;
    bool m_dropsUnsettled = false;
    QDeadlineTimer m_settleDeadline;
};

} // namespace SocketLab
