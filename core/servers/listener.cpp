#include "listener.h"

#include "listenercommands.h"
#include "listenerstate.h"
#include "listenerworker.h"
#include "net/canceltoken.h"
#include "threads/workerthread.h"

#include <QThread>

#include <cerrno>
#include <netinet/in.h>

namespace SocketLab {

void Listener::ThreadStopper::operator()(QThread *thread) const
{
    cancel->cancel();
    stopWorkerThread(*thread);
    delete thread;
}

Listener::Listener(QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<ListenerState>())
    , m_commands(std::make_unique<ListenerCommands>())
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
    // TLS needs a stream: DTLS is another protocol.
    if (effective.transport == Transport::Udp && effective.tls)
        return NetError::fromErrno(EPROTONOSUPPORT, QStringLiteral("SSL_accept"), effective.address.toString());
    m_settings = effective;
    m_state->configure(effective.captureBudget, effective.maxClosedClients, effective.maxDatagrams);

    // A worker whose poll() cannot be woken could never be stopped: without an eventfd, no worker.
    if (m_commands->error().isError())
        return m_commands->error();
    // Commands left from the last run name its clients, all closed now.
    m_commands->takeAll();
    auto cancel = std::make_unique<CancelToken>();
    if (cancel->error().isError())
        return cancel->error();
    m_cancel = std::move(cancel);
    m_worker = std::make_unique<ListenerWorker>(*m_state, effective, *m_cancel, *m_commands);
    m_thread = std::unique_ptr<QThread, ThreadStopper>(new QThread, ThreadStopper{m_cancel.get()});
    m_thread->setObjectName(QStringLiteral("SocketLab listener"));
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::started, m_worker.get(), &ListenerWorker::run);
    relay(m_worker.get());
    m_runState = RunState::Starting;
    if (NetError error = startWorkerThread(*m_thread); error.isError()) {
        stop();
        return error;
    }
    return {};
}

void Listener::relay(ListenerWorker *worker)
{
    // Each report is checked against the run it belongs to: one queued before stop() arrives after
    // it, and must not make a stopped listener (or its next run) look as if it were listening.
    const quint64 run = m_run;
    const auto current = [this, run] { return run == m_run; };
    connect(worker, &ListenerWorker::listening, this, [this, current](const SocketAddress &bound) {
        if (!current())
            return;
        m_boundAddress = bound;
        m_certificateSha256 = m_state->certificateSha256();
        m_runState = RunState::Running;
        emit listening(bound);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::startFailed, this, [this, current](const NetError &error) {
        if (!current())
            return;
        stop();
        emit startFailed(error);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::finished, this, [this, current] {
        if (!current())
            return;
        // Only a running listener's worker ends by itself: its poll() failed.
        stop();
        emit stopped();
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::clientConnected, this, [this, current](quint64 id) {
        if (current())
            emit clientConnected(id);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::clientChanged, this, [this, current](quint64 id) {
        if (current())
            emit clientChanged(id);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::clientClosed, this, [this, current](quint64 id) {
        if (current())
            emit clientClosed(id);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::clientRefused, this, [this, current](quint64 id) {
        if (current())
            emit clientRefused(id);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::acceptPaused, this, [this, current](const NetError &error) {
        if (current())
            emit acceptPaused(error);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::acceptResumed, this, [this, current] {
        if (current())
            emit acceptResumed();
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::datagramsReceived, this, [this, current] {
        if (current())
            emit datagramsReceived();
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::errorOccurred, this, [this, current](const NetError &error) {
        if (current())
            emit errorOccurred(error);
    }, Qt::QueuedConnection);
    connect(worker, &ListenerWorker::callFailed, this, [this, current](quint64 id, const NetError &error) {
        if (current())
            emit callFailed(id, error);
    }, Qt::QueuedConnection);
}

void Listener::stop()
{
    ++m_run;
    m_runState = RunState::Stopped;
    m_boundAddress = {};
    // Assigned rather than clear(): the last reference goes in code ThreadSanitizer sees (see
    // workerthread.h), after the worker that made these bytes dropped its own.
    m_certificateSha256 = QByteArray();
    m_thread.reset();
    m_worker.reset();
    m_cancel.reset();
}

NetError Listener::send(quint64 id, const QByteArray &bytes)
{
    if (NetError error = m_state->reserveSend(id, bytes.size(), MaxQueuedPerClient); error.isError())
        return error;
    m_commands->push({ListenerCommand::Kind::Send, id, bytes});
    return {};
}

NetError Listener::shutdownWrite(quint64 id)
{
    if (NetError error = m_state->shutWriteSide(id, QStringLiteral("shutdown")); error.isError())
        return error;
    m_commands->push({ListenerCommand::Kind::ShutdownWrite, id, {}});
    return {};
}

NetError Listener::closeClient(quint64 id)
{
    if (NetError error = m_state->shutWriteSide(id, QStringLiteral("close")); error.isError())
        return error;
    m_commands->push({ListenerCommand::Kind::Close, id, {}});
    return {};
}

QList<Listener::Client> Listener::clients() const
{
    return m_state->clients();
}

Listener::Totals Listener::totals() const
{
    return m_state->totals();
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

QList<Listener::Datagram> Listener::datagramsFrom(qint64 index) const
{
    return m_state->datagramsFrom(index);
}

const Trace &Listener::trace() const
{
    return m_state->trace();
}

QList<SocketOptionOutcome> Listener::socketOptions() const
{
    return m_state->socketOptions();
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
