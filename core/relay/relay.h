#pragma once

#include "conversation/conversationevent.h"
#include "net/neterror.h"
#include "net/socketaddress.h"
#include "relay/relaysettings.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace SocketLab {

class CancelToken;
class ConversationRecord;
class RelayState;
class RelayWorker;
class Trace;

// One relayed connection's event, told on the relay's threads the moment it happens (see Relay::setTap).
struct RelayTapEvent
{
    quint64 connection = 0;
    SocketAddress client;
    SocketAddress target;      // the target address connected to; invalid until Connected
    // As a conversation seen from the client: Sent is one recv() from the client (its bytes then go
    // to the target), Received one recv() from the target; ShutdownWrite the client's FIN passed on
    // to the target, PeerClosed the target's FIN passed on to the client, PeerReset the target's
    // RST passed on, Failed the client's RST passed on or the target refused or timed out (the
    // error says which), Closed the end of both legs. Offsets count every byte of the direction.
    ConversationEvent event;
    const char *data = nullptr;  // Sent and Received: the event's bytes, valid during the call only
    // Bytes passed on so far: sent to the target, and to the client.
    qint64 toTarget = 0;
    qint64 toClient = 0;
    // Sent and Received, when their direction is delayed, capped or paused: the bytes of that
    // direction held in the relay once these arrived (these included); 0 when they go on at once.
    qint64 held = 0;
};
using RelayTap = std::function<void(const RelayTapEvent &)>;

// A relay listener: binds and listens like a Listener and, for each client, connects to the target
// and forwards both directions' bytes as they come, never waiting for a whole message. A FIN from
// one side is passed on as shutdown(SHUT_WR) to the other, a reset as a reset (SO_LINGER 0 and
// close()), each after the bytes that came before it, delays included; a target that refuses or does not answer closes the client with a reset, the reason
// recorded. Each connection is recorded as a conversation seen from the client (ConversationRecord:
// sent() holds what the client said, received() what the target answered, each recv() a segment)
// with the socket calls of both legs in one trace. UDP: each client address gets its own socket to
// the target, datagrams forwarded both ways with their sizes.
//
// Core's thread model: the accept loop (or the UDP loop) is a worker on a thread of its own, and
// each TCP connection runs on its own thread, where its connect(), TLS handshake and forwarding may
// wait without holding up the others. The owner's thread never waits: start() returns at once,
// what happened is read from the tables, and connectionChanged() comes at most every ~30 ms per
// connection. The forwarding never waits for the display: past the capture budget bytes are counted
// only.
class Relay : public QObject
{
    Q_OBJECT

public:
    struct Connection
    {
        enum class State { Connecting, Open, Closed };
        quint64 id = 0;
        SocketAddress client;
        SocketAddress target;            // the address connected to; invalid until connected
        State state = State::Connecting;
        qint64 fromClient = 0;           // bytes read from the client
        qint64 toTarget = 0;             // of those, sent on to the target
        qint64 fromTarget = 0;
        qint64 toClient = 0;
        qint64 queuedToTarget = 0;       // read from the client, not yet sent on (delay, cap, pause, full socket)
        qint64 queuedToClient = 0;
        qint64 datagramsFromClient = 0;  // UDP
        qint64 datagramsFromTarget = 0;
        qint64 datagramsDropped = 0;     // UDP: not passed on (a full queue, or sendto() failed)
        bool clientShut = false;         // the client sent FIN (passed on once the queue to the target is empty)
        bool targetShut = false;
        bool refused = false;            // accepted and closed at once: maxConnections were relayed already
        NetError error;                  // why it ended, when not by both sides closing
        QDateTime openedAt;              // UTC
        QDateTime closedAt;              // UTC; null while open
        bool bytesDropped = false;       // the capture budget ran out: not all its bytes are kept
    };

    struct Totals
    {
        qint64 connections = 0;  // accepted (refused ones included), or UDP client addresses seen
        qint64 open = 0;
        qint64 refused = 0;
        qint64 failed = 0;       // ended on an error: the target refused, timed out or reset, or the client reset
        qint64 toTarget = 0;     // bytes sent on to the target
        qint64 toClient = 0;
        qint64 datagramsToTarget = 0;
        qint64 datagramsToClient = 0;
    };

    explicit Relay(QObject *parent = nullptr);
    ~Relay() override;

    // Before start(): told of every event of every connection, on the relay's threads, while the
    // forwarding waits for it (a tap that writes to a slow terminal slows the relay, as socat -v does).
    void setTap(RelayTap tap);
    // Stops a previous run, resolves the target and binds on a new thread, and returns at once.
    // Settings that cannot work (no target, TLS over UDP) or a thread or eventfd the system will not
    // make are returned, and no signal follows; otherwise listening() or startFailed() (the target
    // unknown, the port busy) comes.
    NetError start(const RelaySettings &settings);
    // Ends every connection (both legs closed) and waits for the threads.
    void stop();
    bool isStarting() const { return m_runState == RunState::Starting; }
    bool isRunning() const { return m_runState == RunState::Running; }
    RelaySettings settings() const { return m_settings; }
    SocketAddress boundAddress() const { return m_boundAddress; }

    // Changes a direction's delay, bandwidth cap or pause for every connection, at once, while running.
    void setShaping(RelayDirection direction, const RelayShaping &shaping);
    RelayShaping shaping(RelayDirection direction) const;

    QList<Connection> connections() const;
    std::optional<Connection> connection(quint64 id) const;
    Totals totals() const;
    // A connection's record and calls; null for an unknown (or forgotten) id.
    std::shared_ptr<const ConversationRecord> record(quint64 id) const;
    std::shared_ptr<const Trace> trace(quint64 id) const;
    // The listening socket's calls: socket(), bind(), listen(), accept().
    const Trace &trace() const;

signals:
    void listening(const SocketLab::SocketAddress &bound);
    void startFailed(const SocketLab::NetError &error);
    // The relay ended by itself after its listening socket failed (errorOccurred() said why).
    void stopped();
    void errorOccurred(const SocketLab::NetError &error);
    void connectionOpened(quint64 id);
    // Bytes or an event since the last report; at most every ~30 ms for one connection.
    void connectionChanged(quint64 id);
    void connectionClosed(quint64 id);
    // A client came while maxConnections were relayed: it was accepted and closed at once.
    void connectionRefused(quint64 id);

private:
    enum class RunState { Stopped, Starting, Running };

    struct ThreadStopper
    {
        CancelToken *cancel = nullptr;
        void operator()(QThread *thread) const;
    };

    // Tells what the threads recorded since the last time: the rows opened, closed and changed.
    void deliverNews();

    RelaySettings m_settings;
    SocketAddress m_boundAddress;
    RunState m_runState = RunState::Stopped;
    quint64 m_run = 0;
    RelayTap m_tap;
    std::shared_ptr<RelayState> m_state;
    std::unique_ptr<CancelToken> m_cancel;
    std::unique_ptr<RelayWorker> m_worker;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    // Started when news come where there were none: one report per ~30 ms, never one per recv().
    QTimer m_newsTimer;
};

} // namespace SocketLab
