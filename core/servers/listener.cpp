#include "listener.h"

#include "listenerstate.h"
#include "listenerworker.h"
#include "net/canceltoken.h"

#include <QThread>

#include <cerrno>
#include <netinet/in.h>

namespace SocketLab {

void Listener::ThreadStopper::operator()(QThread *thread) const
{
    cancel->cancel();
    thread->wait();
    delete thread;
}

Listener::Listener(QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<ListenerState>())
    , m_thread(nullptr, ThreadStopper{})
{
}

Listener::~Listener()
{
    stop();
}

NetError Listener::start(const Settings &settings)
{
    stop();
    Settings effective = settings;
    if (!effective.address.isValid())
        effective.address = loopback();
    if (effective.transport == Transport::Udp && effective.mode == Mode::HttpDemo)
        return NetError::fromErrno(EPROTONOSUPPORT, QStringLiteral("socket"), effective.address.toString());
    m_settings = effective;
    m_state->configure(effective.captureLimit, effective.maxClosedClients, effective.maxDatagrams);

    m_cancel = std::make_unique<CancelToken>();
    m_worker = std::make_unique<ListenerWorker>(this, *m_state, effective, *m_cancel);
    std::future<ListenerWorker::Outcome> outcome = m_worker->outcome();
    QThread *thread = QThread::create([worker = m_worker.get()] { worker->run(); });
    thread->setObjectName(QStringLiteral("SocketLab listener"));
    m_thread = std::unique_ptr<QThread, ThreadStopper>(thread, ThreadStopper{m_cancel.get()});
    m_thread->start();
    // A thread that could not be created is neither running nor finished, and would never answer.
    if (!m_thread->isRunning() && !m_thread->isFinished()) {
        stop();
        return NetError::fromErrno(EAGAIN, QStringLiteral("pthread_create"));
    }

    const ListenerWorker::Outcome result = outcome.get();
    if (result.error.isError()) {
        stop();
        return result.error;
    }
    m_boundAddress = result.bound;
    return {};
}

void Listener::stop()
{
    m_boundAddress = {};
    m_thread.reset();
    m_worker.reset();
    m_cancel.reset();
}

bool Listener::isRunning() const
{
    return m_thread && !m_thread->isFinished();
}

QList<Listener::Client> Listener::clients() const
{
    return m_state->clients();
}

std::optional<Listener::Client> Listener::client(quint64 id) const
{
    return m_state->client(id);
}

std::shared_ptr<const ByteStore> Listener::received(quint64 id) const
{
    return m_state->received(id);
}

std::shared_ptr<const ByteStore> Listener::sent(quint64 id) const
{
    return m_state->sent(id);
}

QList<Listener::Datagram> Listener::datagrams() const
{
    return m_state->datagrams();
}

const Trace &Listener::trace() const
{
    return m_state->trace();
}

SocketAddress Listener::loopback(quint16 port, IpFamily family)
{
    if (family == IpFamily::V6) {
        sockaddr_in6 address{};
        address.sin6_family = AF_INET6;
        address.sin6_addr = in6addr_loopback;
        address.sin6_port = htons(port);
        return SocketAddress(reinterpret_cast<const sockaddr *>(&address), sizeof address);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    return SocketAddress(reinterpret_cast<const sockaddr *>(&address), sizeof address);
}

} // namespace SocketLab
