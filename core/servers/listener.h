#pragma once

#include "net/multicast.h"
#include "net/neterror.h"
#include "net/socketaddress.h"
#include "net/socketoption.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace SocketLab {

class ByteStore;
class CancelToken;
class ListenerCommands;
class ListenerState;
class ListenerWorker;
class Trace;

// A TCP or UDP server socket on its own thread: bind, listen, accept, and per client echo, a fixed
// reply, the HTTP demo site, or silence. One poll() serves the listening fd, every client and the
// cancel token, so a slow client never holds up the others and stop() is immediate.
//
// Core's thread model (threads/workerthread.h): a ListenerWorker moved to a QThread of its own,
// owned here by a unique_ptr whose deleter cancels, quits and waits. start() never waits for the
// bind: the outcome comes as listening() or startFailed(). The worker's signals are relayed queued,
// so every signal of a Listener is emitted on its owner's thread, where isRunning() and
// boundAddress() change just before. start(), stop() and the settings belong to the owner's
// thread; the tables and the trace may be read from any thread while the worker fills them.
// clientChanged() is coalesced (~30 ms). send(), shutdownWrite() and closeClient() may be called
// from any thread: they hand a command to the worker, whose poll() wakes for it at once.
class Listener : public QObject
{
    Q_OBJECT

public:
    enum class Transport { Tcp, Udp };
    Q_ENUM(Transport)
    enum class Mode {
        Echo,        // sends back what arrives
        FixedReply,  // TCP: once per client, after its first bytes; UDP: to every datagram
        HttpDemo,    // TCP only: the pages of HttpDemoSite
        LogOnly,     // receives, never sends
    };
    Q_ENUM(Mode)

    struct Settings
    {
        Transport transport = Transport::Tcp;
        SocketAddress address;             // invalid: 127.0.0.1 on any free port
        Mode mode = Mode::Echo;
        QByteArray fixedReply;
        bool closeAfterReply = false;      // TCP FixedReply: close once the reply is sent
        // Bytes kept for display over all clients, the oldest clients' dropped first (CaptureBudget);
        // all are counted.
        qint64 captureBudget = 64 * 1024 * 1024;
        // TCP: connections served at once; the next is accepted and closed at once, and listed as refused.
        int maxClients = 64;
        int maxClosedClients = 1000;       // older closed clients (or UDP peers) are forgotten
        int maxDatagrams = 10000;          // older datagram records are forgotten
        int backlog = 128;
        // TCP only: every client speaks TLS; the bytes recorded are the application bytes.
        bool tls = false;
        QString certPath;                  // PEM chain; empty with keyPath: the self-signed localhost one
        QString keyPath;
        QString certificateDir;            // where that one is kept; empty: QStandardPaths::AppDataLocation
        int tlsHandshakeTimeoutMs = 10000; // a silent client must not hold its slot for ever
        // Set on the listening socket before bind(), and inherited by the connections it accepts.
        // SO_REUSEADDR is on for TCP unless this sets reuseaddr; v6only acts on IPv6 listeners only.
        QList<SocketOptionSetting> socketOptions;
        // UDP: groups joined after bind() and left at stop(). The address must be a wildcard (or
        // the group's) for the group's datagrams to reach the socket.
        QList<MulticastGroup> groups;
    };

    // A TCP connection, or for UDP one sender address.
    struct Client
    {
        quint64 id = 0;
        SocketAddress peer;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        bool open = true;
        QDateTime connectedAt;   // UTC; for UDP the first datagram
        QDateTime closedAt;      // UTC; null while open
        QDateTime lastDatagramAt;  // UTC; UDP only: a sender has no connection, only its last datagram
        NetError error;          // set when the connection ended on an error (ECONNRESET...)
        bool refused = false;    // accepted and closed at once: maxClients were connected already
        // The sizes of received() and sent(): what is kept of bytesIn and bytesOut.
        qint64 keptIn = 0;
        qint64 keptOut = 0;
        // The capture budget went to newer clients, or ran out: this client's bytes were dropped,
        // or its later ones not kept. Its counts stay exact.
        bool bytesDropped = false;
        // Bytes handed to send() that have not left yet: they wait while the client does not read.
        qint64 queuedOut = 0;
        // shutdown(SHUT_WR) or close() was asked, or the mode shut the write side after its reply:
        // nothing more may be sent to it.
        bool writeShut = false;
    };

    // Over the listener's life, forgotten clients included: the table keeps only some of them.
    struct Totals
    {
        qint64 clients = 0;      // connections accepted (refused ones included), or UDP senders seen
        qint64 refused = 0;
        qint64 open = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        qint64 datagrams = 0;    // UDP: datagrams received
        // UDP: datagrams the kernel dropped because the receive buffer was full (SO_RXQ_OVFL),
        // counted while the worker reads; none when the system keeps no count.
        std::optional<qint64> kernelDrops;
        qint64 receiveBufferBytes = 0;  // UDP: SO_RCVBUF of the last run's socket, 0 if unknown
    };

    struct Datagram
    {
        qint64 index = 0;        // counts up from 0 over the listener's life
        quint64 clientId = 0;
        SocketAddress sender;
        SocketAddress destination;  // the address it was sent to (a group's), port 0; invalid unless the listener joined groups
        qint64 size = 0;         // its real size, even when truncated
        qint64 offset = -1;      // where its kept bytes start in received(clientId), -1 if none kept
        qint64 keptSize = 0;
        bool truncated = false;  // larger than the receive buffer (MSG_TRUNC)
        QDateTime receivedAt;    // UTC
    };

    // The most bytes send() lets wait for one client: one that never reads cannot make the
    // listener hold more than this for it.
    static constexpr qint64 MaxQueuedPerClient = 16 * 1024 * 1024;

    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    // Stops a previous run, then starts binding and listening on a new worker thread, and returns
    // at once. What is known at once is returned: settings that cannot work (HTTP over UDP), or no
    // eventfd or thread to be had; no signal follows such an error. Otherwise listening() or
    // startFailed() (EADDRINUSE from bind for a busy port) follows. The tables and the trace carry
    // on from earlier runs.
    NetError start(const Settings &settings);
    // Cancels the worker and waits for it: every client is closed when it returns. The outcome of
    // a start it interrupts never comes.
    void stop();
    // Between start() and its outcome.
    bool isStarting() const { return m_runState == RunState::Starting; }
    // From listening() until stop(), or until the worker ends on an error (errorOccurred, stopped).
    bool isRunning() const { return m_runState == RunState::Running; }
    Settings settings() const { return m_settings; }
    // While running, the address the socket is bound to, with the port the system chose for port 0.
    SocketAddress boundAddress() const { return m_boundAddress; }
    // While running with TLS, the SHA-256 of the certificate the clients are shown (DER).
    QByteArray certificateSha256() const { return m_certificateSha256; }

    // Hands bytes to the worker, which sends them to the TCP client id, after what the mode queued
    // for it and only as fast as it reads (through TLS on a TLS listener), or as one datagram to
    // the UDP sender id. They are recorded in sent(id), each send() a segment, and counted in
    // bytesOut, like the mode's own replies. An error, and nothing sent, when the client is unknown
    // or closed (ENOTCONN), its write side is shut (ESHUTDOWN), or the bytes waiting for it would
    // pass MaxQueuedPerClient (ENOBUFS). A client that closes before the worker reaches the bytes,
    // or a sendto() that fails, is reported by callFailed().
    NetError send(quint64 id, const QByteArray &bytes);
    // TCP: shutdown(SHUT_WR) (after close_notify on TLS) once the bytes queued before it have left:
    // the client reads end of file, and the listener reads on until the client closes. An error
    // for an unknown or closed client (ENOTCONN) or a UDP sender (EOPNOTSUPP).
    NetError shutdownWrite(quint64 id);
    // TCP: close() at once (after close_notify on TLS): bytes still waiting for the client are
    // dropped. Errors as for shutdownWrite().
    NetError closeClient(quint64 id);

    QList<Client> clients() const;
    Totals totals() const;
    std::optional<Client> client(quint64 id) const;
    // What the client sent, each recv() (or datagram) a segment; null for an unknown id.
    std::shared_ptr<const ByteStore> received(quint64 id) const;
    // What was sent to it, each send() (or reply datagram) a segment.
    std::shared_ptr<const ByteStore> sent(quint64 id) const;
    QList<Datagram> datagrams() const;
    // The datagrams kept whose index is at least index: what came since a reader's last look,
    // without copying the whole table.
    QList<Datagram> datagramsFrom(qint64 index) const;
    const Trace &trace() const;
    // What became of Settings::socketOptions on the listening socket, from its latest start on
    // (before listening() or startFailed()); empty when none were asked.
    QList<SocketOptionOutcome> socketOptions() const;

    // 127.0.0.1 (or ::1 for IpFamily::V6) and a port.
    static SocketAddress loopback(quint16 port = 0, IpFamily family = IpFamily::V4);

signals:
    // The socket is bound (and listening, for TCP) at bound: isRunning() is now true.
    void listening(const SocketLab::SocketAddress &bound);
    // The worker could not bind or listen; it has ended.
    void startFailed(const SocketLab::NetError &error);
    // The worker ended by itself after a running listener's poll() failed (errorOccurred() said why).
    void stopped();
    void clientConnected(quint64 id);
    void clientChanged(quint64 id);
    void clientClosed(quint64 id);
    // A connection came while maxClients were connected: it was accepted and closed at once.
    void clientRefused(quint64 id);
    // accept() failed for want of a resource (EMFILE...): new connections wait in the backlog while
    // accepting pauses, longer after each failure in a row (AcceptBackoff). Once per streak.
    void acceptPaused(const SocketLab::NetError &error);
    // A connection was accepted again after acceptPaused().
    void acceptResumed();
    // One or more datagrams were added to datagrams(), or totals().kernelDrops grew.
    void datagramsReceived();
    void errorOccurred(const SocketLab::NetError &error);
    // A send(), shutdownWrite() or closeClient() that was accepted could not be done: the client
    // had gone by then (ENOTCONN), or the call failed. error.call says which.
    void callFailed(quint64 id, const SocketLab::NetError &error);

private:
    enum class RunState { Stopped, Starting, Running };

    struct ThreadStopper
    {
        CancelToken *cancel = nullptr;
        void operator()(QThread *thread) const;
    };

    void relay(ListenerWorker *worker);

    Settings m_settings;
    SocketAddress m_boundAddress;
    QByteArray m_certificateSha256;
    RunState m_runState = RunState::Stopped;
    // Counts start() calls: a worker's report queued before stop() names a run that is over.
    quint64 m_run = 0;
    std::unique_ptr<ListenerState> m_state;
    // One queue for the listener's life, so send() never meets one being replaced.
    std::unique_ptr<ListenerCommands> m_commands;
    // Declared in this order so the thread is stopped before the worker and the token it uses go.
    std::unique_ptr<CancelToken> m_cancel;
    std::unique_ptr<ListenerWorker> m_worker;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
};

} // namespace SocketLab

Q_DECLARE_METATYPE(SocketLab::Listener::Settings)
