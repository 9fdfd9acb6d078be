#pragma once

#include "acceptbackoff.h"
#include "httpdemosite.h"
#include "listener.h"
#include "net/kerneldrops.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QSet>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace SocketLab {

class DatagramBatch;
class ListenerCommands;
class ListenerState;
class Socket;
struct ListenerCommand;
class TlsServerContext;

// A listener's worker, moved to the listener's own QThread (core's model, threads/workerthread.h):
// run() is one poll() loop over the listening socket, every client, the owner's commands and the
// cancel token, until the token is cancelled. Everything is non-blocking: a client is read only while what it is owed stays
// small, and is written to only as fast as it reads. It reports by its own signals, which reach
// the Listener queued.
class ListenerWorker : public QObject
{
    Q_OBJECT

public:
    ListenerWorker(ListenerState &state, const Listener::Settings &settings, const CancelToken &cancel,
                   ListenerCommands &commands);
    ~ListenerWorker() override;

    // Binds (and listens, for TCP), says which with listening() or startFailed(), then serves until
    // cancelled or a poll() error; finished() comes last either way.
    void run();

signals:
    // The TLS certificate's fingerprint is in the state by then (ListenerState::certificateSha256()).
    void listening(const SocketLab::SocketAddress &bound);
    void startFailed(const SocketLab::NetError &error);
    void clientConnected(quint64 id);
    void clientChanged(quint64 id);
    void clientClosed(quint64 id);
    void clientRefused(quint64 id);
    void acceptPaused(const SocketLab::NetError &error);
    void acceptResumed();
    void datagramsReceived();
    void errorOccurred(const SocketLab::NetError &error);
    void callFailed(quint64 id, const SocketLab::NetError &error);
    void finished();

private:
    struct Connection;

    NetError setUp(Socket &socket, SocketAddress *bound);
    NetError loadTlsContext();
    void stepHandshake(Connection &connection);
    short pollEvents(const Connection &connection) const;
    void serveTcp(Socket &listening);
    void serveUdp(Socket &socket);
    // The datagrams one receiveDatagrams() read: counted, recorded, and answered as the mode says.
    void takeDatagrams(Socket &socket, const DatagramBatch &batch);
    // UDP: SO_RXQ_OVFL on, and the receive buffer's size read, before the listener says it listens.
    void countDrops(Socket &socket);
    // Reads the kernel's drop count from the socket, for the drops no datagram read has told.
    void settleDrops(Socket &socket);
    void leaveGroups(Socket &socket);

    void acceptClient(Socket &listening);
    bool wantsRead(const Connection &connection) const;
    void readFrom(Connection &connection);
    void readOnce(Connection &connection);
    void writeTo(Connection &connection);
    void answerHttp(Connection &connection);
    void settle(Connection &connection);
    void shutWrite(Connection &connection);
    void sendCloseNotify(Connection &connection);
    void runTcpCommands();
    void queueSend(Connection &connection, const ListenerCommand &command);
    void sendDatagram(Socket &socket, const ListenerCommand &command);
    void replyTo(Socket &socket, quint64 id, const SocketAddress &to, const char *data, qint64 len);

    void markChanged(quint64 id);
    void flushChanges();
    int pollTimeoutMs() const;

    ListenerState &m_state;
    const Listener::Settings m_settings;
    const CancelToken &m_cancel;
    ListenerCommands &m_commands;
    std::shared_ptr<TlsServerContext> m_tls;  // set when the settings ask for TLS
    std::optional<HttpDemoSite> m_site;  // built only for HttpDemo: it renders the PNG

    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<char> m_receiveBuffer;
    std::vector<char> m_sendBuffer;
    QSet<quint64> m_changed;
    bool m_datagramsArrived = false;
    std::vector<quint64> m_batchClients;  // UDP: the client of each datagram of the batch being taken
    QDeadlineTimer m_flushDeadline;
    AcceptBackoff m_acceptBackoff;
    // UDP, when the system counts drops. Datagrams tell the count as it was when they were queued;
    // once none has come for a while, the socket's own count is read (m_settleDeadline).
    std::optional<KernelDrops> m_drops;
    bool m_dropsUnsettled = false;
    QDeadlineTimer m_settleDeadline;
    QList<MulticastGroup> m_joined;  // UDP: the groups to leave at the end
};

} // namespace SocketLab
