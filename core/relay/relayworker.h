#pragma once

#include "net/resolver.h"
#include "relay/relay.h"
#include "servers/acceptbackoff.h"

#include <QObject>

#include <memory>
#include <vector>

class QThread;

namespace SocketLab {

class CancelToken;
class RelayState;
class Socket;

// A relay's worker, moved to the relay's own QThread (core's model, threads/workerthread.h): run()
// resolves the target once, binds, and then for TCP accepts clients in a poll() loop, each relayed
// on a thread of its own (RelayConnection), or for UDP runs the datagram loop (UdpRelay). It ends
// when the cancel token is cancelled, once every connection's thread has ended.
class RelayWorker : public QObject
{
    Q_OBJECT

public:
    // cancel: the relay's token, which the worker also cancels itself when its listening socket
    // fails, so that the connections end with it.
    RelayWorker(std::shared_ptr<RelayState> state, const RelaySettings &settings, CancelToken &cancel,
                const RelayTap &tap);
    ~RelayWorker() override;

    void run();

signals:
    void listening(const SocketLab::SocketAddress &bound);
    void startFailed(const SocketLab::NetError &error);
    void errorOccurred(const SocketLab::NetError &error);
    void finished();

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    NetError bindListening(Socket &socket, SocketAddress *bound);
    void serveTcp(Socket &listening, const QList<AddrInfoRow> &targets);
    void acceptClient(Socket &listening, const QList<AddrInfoRow> &targets);
    // Joins the connection threads that have ended, so a long run holds only the live ones.
    void reapThreads();

    std::shared_ptr<RelayState> m_state;
    const RelaySettings m_settings;
    CancelToken &m_cancel;
    const RelayTap &m_tap;
    AcceptBackoff m_acceptBackoff;
    std::vector<std::unique_ptr<QThread, ThreadStopper>> m_threads;
};

} // namespace SocketLab
