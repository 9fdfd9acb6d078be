#pragma once

#include "net/neterror.h"
#include "net/socketaddress.h"

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
class ListenerState;
class ListenerWorker;
class Trace;

// A TCP or UDP server socket on its own thread: bind, listen, accept, and per client echo, a fixed
// reply, the HTTP demo site, or silence. One poll() serves the listening fd, every client and the
// cancel token, so a slow client never holds up the others and stop() is immediate.
// start(), stop() and the settings belong to the owner's thread; the tables and the trace may be
// read from any thread while the worker fills them. Signals are emitted from the worker thread, so
// they reach receivers in other threads queued; clientChanged() is coalesced (~30 ms).
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
        qint64 captureLimit = 16 * 1024 * 1024;  // bytes kept per client and direction; all are counted
        int maxClosedClients = 1000;       // older closed clients (or UDP peers) are forgotten
        int maxDatagrams = 10000;          // older datagram records are forgotten
        int backlog = 128;
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
        NetError error;          // set when the connection ended on an error (ECONNRESET...)
    };

    struct Datagram
    {
        qint64 index = 0;        // counts up from 0 over the listener's life
        quint64 clientId = 0;
        SocketAddress sender;
        qint64 size = 0;         // its real size, even when truncated
        qint64 offset = -1;      // where its kept bytes start in received(clientId), -1 if none kept
        qint64 keptSize = 0;
        bool truncated = false;  // larger than the receive buffer (MSG_TRUNC)
        QDateTime receivedAt;    // UTC
    };

    explicit Listener(QObject *parent = nullptr);
    ~Listener() override;

    // Stops a previous run, then binds and listens on the worker thread; returns once the socket is
    // listening or has failed (EADDRINUSE from bind for a busy port). The tables and the trace
    // carry on from earlier runs.
    NetError start(const Settings &settings);
    // Cancels the worker and waits for it: every client is closed when it returns.
    void stop();
    bool isRunning() const;
    Settings settings() const { return m_settings; }
    // While running, the address the socket is bound to, with the port the system chose for port 0.
    SocketAddress boundAddress() const { return m_boundAddress; }

    QList<Client> clients() const;
    std::optional<Client> client(quint64 id) const;
    // What the client sent, each recv() (or datagram) a segment; null for an unknown id.
    std::shared_ptr<const ByteStore> received(quint64 id) const;
    // What was sent to it, each send() (or reply datagram) a segment.
    std::shared_ptr<const ByteStore> sent(quint64 id) const;
    QList<Datagram> datagrams() const;
    const Trace &trace() const;

    // 127.0.0.1 (or ::1 for IpFamily::V6) and a port.
    static SocketAddress loopback(quint16 port = 0, IpFamily family = IpFamily::V4);

signals:
    void clientConnected(quint64 id);
    void clientChanged(quint64 id);
    void clientClosed(quint64 id);
    // One or more datagrams were added to datagrams().
    void datagramsReceived();
    void errorOccurred(const SocketLab::NetError &error);

private:
    struct ThreadStopper
    {
        CancelToken *cancel = nullptr;
        void operator()(QThread *thread) const;
    };

    Settings m_settings;
    SocketAddress m_boundAddress;
    std::unique_ptr<ListenerState> m_state;
    // Declared in this order so the thread is stopped before the worker and the token it uses go.
    std::unique_ptr<CancelToken> m_cancel;
    std::unique_ptr<ListenerWorker> m_worker;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
};

} // namespace SocketLab
