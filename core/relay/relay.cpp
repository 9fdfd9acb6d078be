#include "relay.h"

#include "relaystate.h"
#include "relayworker.h"

#include "net/canceltoken.h"
#include "net/trace.h"
#include "threads/workerthread.h"

#include <QThread>

#include <cerrno>

namespace SocketLab {

namespace {

constexpr int NewsIntervalMs = 30;

} // namespace

void Relay::ThreadStopper::operator()(QThread *thread) const
{
    cancel->cancel();
    stopWorkerThread(*thread);
    delete thread;
}

Relay::Relay(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<RelayState>())
    , m_thread(nullptr, ThreadStopper{})
{
    m_newsTimer.setSingleShot(true);
    m_newsTimer.setInterval(NewsIntervalMs);
    connect(&m_newsTimer, &QTimer::timeout, this, &Relay::deliverNews);
    // Called on the relay's threads, under the state's lock: it only asks this thread for a look.
    m_state->setNotifier([this] {
        QMetaObject::invokeMethod(this, [this] {
            if (!m_newsTimer.isActive())
                m_newsTimer.start();
        }, Qt::QueuedConnection);
    });
}

Relay::~Relay()
{
    stop();
    m_state->setNotifier({});
}

void Relay::setTap(RelayTap tap)
{
    m_tap = std::move(tap);
}

NetError Relay::start(const RelaySettings &settings)
{
    stop();
    RelaySettings effective = settings;
    if (!effective.listenAddress.isValid())
        effective.listenAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 0);
    if (effective.targetHost.trimmed().isEmpty() || effective.targetService.trimmed().isEmpty())
        return NetError::fromErrno(EDESTADDRREQ, QStringLiteral("connect"));
    // TLS needs a stream: DTLS is another protocol.
    if (effective.transport == RelaySettings::Transport::Udp && effective.tlsToTarget.enabled)
        return NetError::fromErrno(EPROTONOSUPPORT, QStringLiteral("SSL_connect"), effective.targetHost);
    effective.maxQueuedBytes = qMax<qint64>(effective.maxQueuedBytes, 64 * 1024);
    m_settings = effective;
    m_state->startRun(effective);

    auto cancel = std::make_unique<CancelToken>();
    if (cancel->error().isError())
        return cancel->error();
    m_cancel = std::move(cancel);
    m_worker = std::make_unique<RelayWorker>(m_state, effective, *m_cancel, m_tap);
    m_thread = std::unique_ptr<QThread, ThreadStopper>(new QThread, ThreadStopper{m_cancel.get()});
    m_thread->setObjectName(QStringLiteral("SocketLab relay"));
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::started, m_worker.get(), &RelayWorker::run);

    // Each report is checked against the run it belongs to: one queued before stop() arrives after it.
    const quint64 run = m_run;
    const auto current = [this, run] { return run == m_run; };
    connect(m_worker.get(), &RelayWorker::listening, this, [this, current](const SocketAddress &bound) {
        if (!current())
            return;
        m_boundAddress = bound;
        m_runState = RunState::Running;
        emit listening(bound);
    }, Qt::QueuedConnection);
    connect(m_worker.get(), &RelayWorker::startFailed, this, [this, current](const NetError &error) {
        if (!current())
            return;
        stop();
        emit startFailed(error);
    }, Qt::QueuedConnection);
    connect(m_worker.get(), &RelayWorker::errorOccurred, this, [this, current](const NetError &error) {
        if (current())
            emit errorOccurred(error);
    }, Qt::QueuedConnection);
    connect(m_worker.get(), &RelayWorker::finished, this, [this, current] {
        if (!current() || m_runState != RunState::Running)
            return;
        // Only a running relay's worker ends by itself: its poll() failed.
        stop();
        emit stopped();
    }, Qt::QueuedConnection);

    m_runState = RunState::Starting;
    if (NetError error = startWorkerThread(*m_thread); error.isError()) {
        stop();
        return error;
    }
    return {};
}

void Relay::stop()
{
    ++m_run;
    m_thread.reset();
    m_worker.reset();
    m_cancel.reset();
    m_runState = RunState::Stopped;
    m_boundAddress = {};
}

void Relay::setShaping(RelayDirection direction, const RelayShaping &shaping)
{
    (direction == RelayDirection::ToTarget ? m_settings.toTarget : m_settings.toClient) = shaping;
    m_state->setShaping(direction, shaping);
}

RelayShaping Relay::shaping(RelayDirection direction) const
{
    return m_state->shaping(direction);
}

QList<Relay::Connection> Relay::connections() const
{
    return m_state->connections();
}

std::optional<Relay::Connection> Relay::connection(quint64 id) const
{
    return m_state->connection(id);
}

Relay::Totals Relay::totals() const
{
    return m_state->totals();
}

std::shared_ptr<const ConversationRecord> Relay::record(quint64 id) const
{
    return m_state->record(id);
}

std::shared_ptr<const Trace> Relay::trace(quint64 id) const
{
    return m_state->trace(id);
}

const Trace &Relay::trace() const
{
    return m_state->listenerTrace();
}

void Relay::deliverNews()
{
    const RelayState::News news = m_state->takeNews();
    for (const auto &[kind, id] : news.events) {
        switch (kind) {
        case RelayState::News::Kind::Opened: emit connectionOpened(id); break;
        case RelayState::News::Kind::Closed: emit connectionClosed(id); break;
        case RelayState::News::Kind::Refused: emit connectionRefused(id); break;
        }
    }
    for (const quint64 id : news.changed)
        emit connectionChanged(id);
}

} // namespace SocketLab
