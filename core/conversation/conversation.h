#pragma once

#include "conversation/conversationcommands.h"
#include "conversation/conversationrequest.h"
#include "conversation/conversationworker.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace SocketLab {

class CancelToken;
class ConversationRecord;
class Trace;

// A connection (or a UDP socket) kept open on a worker thread of its own: the owner sends at any
// time, the peer's bytes arrive at any time, each recv() one event with its boundary kept;
// shutdown(SHUT_WR), shutdown(SHUT_RDWR) and close() on demand; the peer's FIN and RST recorded the
// moment they come. The owner's thread never makes a socket call and never waits: the calls below
// are queued to the worker, and what happened is read from record(), with progress() at most every
// ~30 ms, never one queued signal per recv(). One conversation per object.
class Conversation : public QObject
{
    Q_OBJECT
public:
    explicit Conversation(QObject *parent = nullptr);
    // Ends a running conversation at once (its socket closed) and waits for its thread.
    ~Conversation() override;

    // Before start(): told of every recv() on the worker thread, kept or not (see ConversationReceiveTap).
    void setReceiveTap(ConversationReceiveTap tap);
    // Resolves, connects (and TLS) and keeps talking on a new thread. An eventfd or a thread the
    // system will not make is the error returned, and nothing runs; so is a second start().
    NetError start(const ConversationRequest &request);

    // Queued to the worker and done in this order. step: the script line that asks, or -1.
    void send(const QByteArray &bytes, int step = -1);
    void shutdownWrite(int step = -1);
    void shutdownBoth(int step = -1);
    void close(int step = -1);
    // Sets one socket option on the open socket, in its turn after what was asked before; an
    // OptionSet event tells what the system made of it. An option that only acts before bind() or
    // connect() (SocketOptions::settableWhenOpen()) is refused: false, and nothing is queued.
    bool setOption(const SocketOptionSetting &setting, int step = -1);
    // Ends the conversation at once, whatever the worker waits on; finished() follows.
    void cancel();

    // Bytes of the sends asked that the socket has not taken yet: a peer that reads slowly makes them
    // wait, and a sender that can wait (standard input) waits while they are many.
    qint64 unsentBytes() const { return m_commands ? m_commands->unsent() : 0; }

    bool isRunning() const { return m_thread != nullptr; }
    // What happened so far; null before start().
    std::shared_ptr<const ConversationRecord> record() const { return m_record; }
    std::shared_ptr<const Trace> trace() const { return m_trace; }

signals:
    // Something new was recorded since the last progress(): an event, or bytes.
    void progress();
    // The socket is closed and the worker gone; the record holds the last event (Closed, PeerReset,
    // Failed). progress() for the last events comes just before.
    void finished();

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    void pollProgress();
    void push(ConversationCommand command);

    ConversationReceiveTap m_tap;
    std::shared_ptr<ConversationRecord> m_record;
    std::shared_ptr<Trace> m_trace;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<ConversationCommands> m_commands;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    QTimer m_progressTimer;
    qint64 m_lastEvents = 0;
    qint64 m_lastBytes = 0;
};

} // namespace SocketLab
