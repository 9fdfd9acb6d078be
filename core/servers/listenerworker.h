#pragma once

#include "httpdemosite.h"
#include "listener.h"

#include <QDeadlineTimer>
#include <QSet>

#include <deque>
#include <future>
#include <optional>
#include <vector>

namespace SocketLab {

class ListenerState;
class Socket;

// The body of a listener's thread: one poll() loop over the listening socket, every client and
// the cancel token. Everything is non-blocking: a client is read only while what it is owed stays
// small, and is written to only as fast as it reads.
class ListenerWorker
{
public:
    struct Outcome
    {
        NetError error;
        SocketAddress bound;
    };

    ListenerWorker(Listener *listener, ListenerState &state, const Listener::Settings &settings,
                   const CancelToken &cancel);
    ~ListenerWorker();
    ListenerWorker(const ListenerWorker &) = delete;
    ListenerWorker &operator=(const ListenerWorker &) = delete;

    // Fulfilled by run() once the socket is listening (or bound, for UDP) or has failed.
    std::future<Outcome> outcome() { return m_outcome.get_future(); }
    void run();

private:
    struct Connection;

    NetError setUp(Socket &socket, SocketAddress *bound);
    void serveTcp(Socket &listening);
    void serveUdp(Socket &socket);

    void acceptClient(Socket &listening);
    bool wantsRead(const Connection &connection) const;
    void readFrom(Connection &connection);
    void writeTo(Connection &connection);
    void answerHttp(Connection &connection);
    void settle(Connection &connection);
    // One non-blocking send() on a client, traced the way Socket traces: bytes sent, 0 when the
    // send buffer is full, -1 on an error.
    qint64 sendSome(Connection &connection, const char *data, qint64 len);
    void replyTo(Socket &socket, quint64 id, const SocketAddress &to, const char *data, qint64 len);

    void markChanged(quint64 id);
    void flushChanges();
    int pollTimeoutMs() const;

    Listener *m_listener;
    ListenerState &m_state;
    const Listener::Settings m_settings;
    const CancelToken &m_cancel;
    std::promise<Outcome> m_outcome;
    std::optional<HttpDemoSite> m_site;  // built only for HttpDemo: it renders the PNG

    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<char> m_receiveBuffer;
    std::vector<char> m_sendBuffer;
    QSet<quint64> m_changed;
    bool m_datagramsArrived = false;
    QDeadlineTimer m_flushDeadline;
    QDeadlineTimer m_acceptPause;
};

} // namespace SocketLab
