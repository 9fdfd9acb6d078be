#include "relayworker.h"

#include "relayconnection.h"
#include "relaystate.h"
#include "udprelay.h"

#include "exchange/resolvestep.h"
#include "net/canceltoken.h"
#include "net/socket.h"
#include "threads/workerthread.h"

#include <QThread>

#include <algorithm>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

namespace SocketLab {

namespace {

constexpr int ReapIntervalMs = 1000;

} // namespace

void RelayWorker::ThreadStopper::operator()(QThread *thread) const
{
    // The connection's loop polls the relay's cancel token: once it is cancelled the thread ends.
    stopWorkerThread(*thread);
    delete thread;
}

RelayWorker::RelayWorker(std::shared_ptr<RelayState> state, const RelaySettings &settings, CancelToken &cancel,
                         const RelayTap &tap)
    : m_state(std::move(state))
    , m_settings(settings)
    , m_cancel(cancel)
    , m_tap(tap)
{
}

RelayWorker::~RelayWorker() = default;

void RelayWorker::run()
{
    const bool tcp = m_settings.transport == RelaySettings::Transport::Tcp;
    Trace &trace = m_state->listenerTrace();
    // Resolved once: a target that cannot be found is said before anyone connects, and each
    // connection then tries the same addresses in the same order.
    const ResolveResult resolved = resolveTarget(m_settings.targetHost, m_settings.targetService, m_settings.targetFamily,
                                                 tcp ? SocketKind::Stream : SocketKind::Datagram, trace, m_cancel,
                                                 QDeadlineTimer(QDeadlineTimer::Forever));
    if (m_cancel.isCancelled()) {
        emit finished();
        return;
    }
    if (resolved.error.isError() || resolved.rows.isEmpty()) {
        emit startFailed(resolved.error.isError() ? resolved.error : NetError::fromEai(EAI_NONAME, 0));
        emit finished();
        return;
    }
    Socket socket(trace, &m_cancel);
    SocketAddress bound;
    if (const NetError error = bindListening(socket, &bound); error.isError()) {
        emit startFailed(error);
        emit finished();
        return;
    }
    emit listening(bound);
    if (tcp) {
        serveTcp(socket, resolved.rows);
    } else {
        UdpRelay udp(*m_state, m_settings, m_cancel, m_tap, socket, resolved.rows.first());
        if (const NetError error = udp.run(); error.isError())
            emit errorOccurred(error);
    }
    emit finished();
}

NetError RelayWorker::bindListening(Socket &socket, SocketAddress *bound)
{
    const bool tcp = m_settings.transport == RelaySettings::Transport::Tcp;
    const SocketAddress address = m_settings.listenAddress;
    if (NetError error = socket.open(address.family(), tcp ? SocketKind::Stream : SocketKind::Datagram, 0); error.isError())
        return error;
    if (tcp) {
        // A relay restarted on its port must not wait for the last run's TIME_WAIT connections.
        if (NetError error = socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR"); error.isError())
            return error;
    }
    if (NetError error = socket.bind(address); error.isError())
        return error;
    if (tcp) {
        if (NetError error = socket.listen(m_settings.backlog); error.isError())
            return error;
    }
    *bound = socket.localAddress();
    return {};
}

void RelayWorker::serveTcp(Socket &listening, const QList<AddrInfoRow> &targets)
{
    while (!m_cancel.isCancelled()) {
        pollfd fds[2] = {};
        fds[0].fd = m_cancel.fd();
        fds[0].events = POLLIN;
        const bool accepting = m_acceptBackoff.isAccepting();
        fds[1].fd = accepting ? listening.fd() : -1;
        fds[1].events = POLLIN;
        // While connection threads run, a look now and then joins the ended ones (and frees their
        // rings) even when no client comes.
        int timeout = m_threads.empty() ? -1 : ReapIntervalMs;
        if (!accepting)
            timeout = int(std::max<qint64>(1, m_acceptBackoff.resumeAt().remainingTime()));
        const int rc = ::poll(fds, 2, timeout);
        if (rc < 0 && errno != EINTR) {
            emit errorOccurred(NetError::fromErrno(errno, QStringLiteral("poll")));
            // The relay ends: its connections end with it rather than hold the worker.
            m_cancel.cancel();
            break;
        }
        if (m_cancel.isCancelled())
            break;
        if (fds[1].revents)
            acceptClient(listening, targets);
        reapThreads();
    }
    // Each connection's loop sees the cancelled token and closes its legs; their threads are joined here.
    m_threads.clear();
}

void RelayWorker::acceptClient(Socket &listening, const QList<AddrInfoRow> &targets)
{
    SocketAddress peer;
    NetError error;
    const int fd = listening.accept(QDeadlineTimer(0), &peer, &error);
    if (fd < 0) {
        if (error.kind == NetError::Kind::System && m_acceptBackoff.failed())
            emit errorOccurred(error);
        return;
    }
    m_acceptBackoff.succeeded();
    if (m_state->totals().open >= m_settings.maxConnections) {
        // Accepted only to be closed: left in the backlog it would be relayed after its client may
        // have given up.
        Socket refused(m_state->listenerTrace(), &m_cancel);
        refused.adopt(fd);
        m_state->addConnection(peer, true);
        return;
    }
    const quint64 id = m_state->addConnection(peer, false);
    auto connection = std::make_shared<RelayConnection>(*m_state, id, listening.fd(), fd, peer, m_settings, targets, m_cancel, m_tap);
    std::unique_ptr<QThread, ThreadStopper> thread(QThread::create([connection] { connection->run(); }));
    if (const NetError threadError = startWorkerThread(*thread); threadError.isError()) {
        // No thread for it: the client is told at once rather than left waiting.
        thread.reset();
        connection.reset();
        m_state->close(id, threadError);
        return;
    }
    m_threads.push_back(std::move(thread));
}

void RelayWorker::reapThreads()
{
    m_threads.erase(std::remove_if(m_threads.begin(), m_threads.end(), [](const auto &thread) { return thread->isFinished(); }),
                    m_threads.end());
}

} // namespace SocketLab
