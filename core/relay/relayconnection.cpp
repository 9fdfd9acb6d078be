#include "relayconnection.h"

#include "relaystate.h"

#include "conversation/conversationrecord.h"
#include "exchange/tcpconnect.h"
#include "exchange/tcpexchange.h"
#include "net/canceltoken.h"
#include "net/socket.h"
#include "net/trace.h"
#include "tls/tlsstream.h"

#include <algorithm>
#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/sockios.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace SocketLab {

namespace {

// The most one recv() reads: large enough for a loopback flood, small enough that one busy
// direction does not keep the other waiting.
constexpr qint64 ReadChunk = 256 * 1024;
// While a direction is paused or shaped and holds bytes, the loop looks at the shaping this often,
// so a change made in the window takes effect without a byte having to arrive.
constexpr int ShapingTickMs = 100;
// How long a reset waits for the bytes before it to leave the kernel, and how often it looks.
constexpr int DrainLimitMs = 5000;
constexpr int DrainPollMs = 10;

bool isReset(const NetError &error)
{
    return error.kind == NetError::Kind::System && (error.systemCode == ECONNRESET || error.systemCode == EPIPE);
}

} // namespace

RelayConnection::RelayConnection(RelayState &state, quint64 id, int listeningFd, int clientFd, const SocketAddress &client,
                                 const RelaySettings &settings, const QList<AddrInfoRow> &resolved,
                                 const CancelToken &cancel, const RelayTap &tap)
    : m_state(state)
    , m_id(id)
    , m_clientAddress(client)
    , m_settings(settings)
    , m_resolved(resolved)
    , m_cancel(cancel)
    , m_tap(tap)
    , m_record(state.record(id))
    , m_trace(state.trace(id))
    , m_client(std::make_unique<Socket>(*m_trace, &cancel))
    , m_target(std::make_unique<Socket>(*m_trace, &cancel))
    , m_toTarget(settings.maxQueuedBytes)
    , m_toClient(settings.maxQueuedBytes)
{
    // The listener's thread made this call; it heads the connection's calls so that the client's
    // leg (this fd) and the target's (the connect() below) can be told apart.
    m_trace->record(QStringLiteral("accept"), QStringLiteral("%1, {%2}").arg(listeningFd).arg(client.toString()), clientFd);
    m_client->adopt(clientFd);
}

RelayConnection::~RelayConnection() = default;

qint64 RelayConnection::nowUs() const
{
    return m_trace->elapsedUs();
}

void RelayConnection::run()
{
    if (!connectTarget())
        return;
    forward();
}

bool RelayConnection::connectTarget()
{
    TcpRequest request;
    request.host = m_settings.targetHost;
    request.service = m_settings.targetService;
    request.family = m_settings.targetFamily;
    request.connectTimeoutMs = m_settings.connectTimeoutMs;
    request.tls = m_settings.tlsToTarget;
    TcpResult result;
    result.resolved = m_resolved;
    bool ok = connectAddresses(request, QDeadlineTimer(QDeadlineTimer::Forever), *m_trace, result, *m_target);
    if (ok) {
        // Each recv() goes on as one send() at once: Nagle would hold a small one back until the
        // last is acknowledged, and the relay would change the timing it is there to show.
        m_client->setOption(IPPROTO_TCP, TCP_NODELAY, 1, "TCP_NODELAY");
        m_target->setOption(IPPROTO_TCP, TCP_NODELAY, 1, "TCP_NODELAY");
    }
    if (ok && request.tls.enabled) {
        m_tls = std::make_unique<TlsStream>(*m_target, *m_trace);
        ok = startClientTls(request, QDeadlineTimer(QDeadlineTimer::Forever), *m_trace, result, *m_tls);
    }
    m_record->setSetup(result);
    if (ok) {
        m_targetAddress = result.connectedTo;
        m_state.update(m_id, [this](Relay::Connection &row) {
            row.state = Relay::Connection::State::Open;
            row.target = m_targetAddress;
        });
        recordEvent(ConversationEvent::Kind::Connected);
        return true;
    }
    m_target->close();
    if (result.error.kind == NetError::Kind::Cancelled) {
        m_client->close();
        recordEvent(ConversationEvent::Kind::Closed);
        m_state.close(m_id, {});
        return false;
    }
    // The client would have met the refusal itself: a reset says so, where a FIN would read as an
    // empty answer.
    recordEvent(ConversationEvent::Kind::Failed, result.error);
    m_client->setLinger(true, 0);
    m_client->close();
    recordEvent(ConversationEvent::Kind::Closed);
    m_state.close(m_id, result.error);
    return false;
}

short RelayConnection::clientEvents(qint64 nowUs)
{
    short events = 0;
    if (!m_clientEof && !m_toTarget.room(1).empty())
        events |= POLLIN;
    if (!m_clientShut && !m_toClient.ready(nowUs, m_shapeToClient).empty())
        events |= POLLOUT;
    return events;
}

short RelayConnection::targetEvents(qint64 nowUs)
{
    short events = 0;
    if (!m_targetEof && !m_toClient.room(1).empty())
        events |= m_readWantsWrite ? POLLOUT : POLLIN;
    if (!m_targetShut && !m_toTarget.ready(nowUs, m_shapeToTarget).empty())
        events |= m_writeWantsRead ? POLLIN : POLLOUT;
    if (m_closeNotifyWaits)
        events |= POLLOUT;
    return events;
}

int RelayConnection::pollTimeoutMs(qint64 nowUs)
{
    qint64 waitUs = -1;
    for (const auto &[pipe, shaping] : {std::pair{&m_toTarget, &m_shapeToTarget}, std::pair{&m_toClient, &m_shapeToClient}}) {
        const qint64 w = pipe->waitUs(nowUs, *shaping);
        if (w >= 0)
            waitUs = waitUs < 0 ? w : std::min(waitUs, w);
        if (!shaping->isOff() && (!pipe->isEmpty() || pipe->endPending()))
            waitUs = waitUs < 0 ? ShapingTickMs * 1000 : std::min<qint64>(waitUs, ShapingTickMs * 1000);
    }
    if (m_closeNotifyWaits) {
        const qint64 giveUpUs = std::max<qint64>(0, m_closeNotifySinceUs + TlsStream::CloseNotifyWaitMs * 1000 - nowUs);
        waitUs = waitUs < 0 ? giveUpUs : std::min(waitUs, giveUpUs);
    }
    if (tlsBytesWaiting())
        return 0;
    return waitUs < 0 ? -1 : int((waitUs + 999) / 1000);
}

bool RelayConnection::tlsBytesWaiting()
{
    // SSL_has_pending() is true for a partial record too (read-ahead): once SSL_read() has said it
    // needs more, only POLLIN can change that. And with no room, nothing may be read anyway.
    return m_tls && !m_tlsReadBlocked && !m_targetEof && m_tls->hasPending() && !m_toClient.room(1).empty();
}

void RelayConnection::forward()
{
    while (true) {
        m_shapeToTarget = m_state.shaping(RelayDirection::ToTarget);
        m_shapeToClient = m_state.shaping(RelayDirection::ToClient);
        const qint64 now = nowUs();
        pollfd fds[3] = {};
        fds[0].fd = m_cancel.fd();
        fds[0].events = POLLIN;
        fds[1].events = clientEvents(now);
        fds[1].fd = fds[1].events ? m_client->fd() : -1;
        fds[2].events = targetEvents(now);
        fds[2].fd = fds[2].events ? m_target->fd() : -1;
        const int timeout = pollTimeoutMs(now);
        const int rc = ::poll(fds, 3, timeout);
        if (rc < 0 && errno != EINTR) {
            endWithReset(ConversationEvent::Kind::Failed, NetError::fromErrno(errno, QStringLiteral("poll")), false);
            return;
        }
        // A change of shaping made while poll() waited applies to what it woke for.
        m_shapeToTarget = m_state.shaping(RelayDirection::ToTarget);
        m_shapeToClient = m_state.shaping(RelayDirection::ToClient);
        if (m_cancel.isCancelled()) {
            // The relay stops: both legs close as a program that ends would close them.
            m_client->close();
            m_target->close();
            recordEvent(ConversationEvent::Kind::Closed);
            updateRow();
            m_state.close(m_id, {});
            return;
        }
        const qint64 after = nowUs();
        constexpr short Readable = POLLIN | POLLERR | POLLHUP;
        if (fds[2].revents & Readable)
            m_tlsReadBlocked = false;
        const bool targetReadable = (fds[2].revents & Readable) || tlsBytesWaiting()
                                    || (m_readWantsWrite && (fds[2].revents & POLLOUT));
        if ((fds[1].revents & Readable) && readClient(after) == Outcome::Ended)
            return;
        if (targetReadable && readTarget(after) == Outcome::Ended)
            return;
        // What one side said may go to the other at once, without another poll(); a write with
        // nothing ready makes no call.
        const bool targetWritable = fds[2].revents & (POLLOUT | POLLERR | POLLHUP);
        if (writeTarget(after, targetWritable) == Outcome::Ended || writeClient(after) == Outcome::Ended)
            return;
        updateRow();
        if (isDone()) {
            m_client->close();
            m_target->close();
            recordEvent(ConversationEvent::Kind::Closed);
            m_state.close(m_id, {});
            return;
        }
    }
}

RelayConnection::Outcome RelayConnection::readClient(qint64 nowUs)
{
    if (m_clientEof)
        return Outcome::Going;
    const std::span<char> room = m_toTarget.room(ReadChunk);
    if (room.empty())
        return Outcome::Going;
    const ReceiveResult r = m_client->receive(room.data(), qint64(room.size()));
    switch (r.status) {
    case ReceiveResult::Status::Data:
        m_toTarget.commit(r.bytes, nowUs);
        recordBytes(ConversationEvent::Kind::Sent, m_fromClient, room.data(), r.bytes, nowUs,
                    m_shapeToTarget.isOff() ? 0 : m_toTarget.queued());
        m_fromClient += r.bytes;
        break;
    case ReceiveResult::Status::Closed:
        if (m_clientSendFailed)
            return legFailed(*m_clientSendFailed, true);
        m_clientEof = true;
        m_toTarget.markEnd(nowUs);
        m_state.update(m_id, [](Relay::Connection &row) { row.clientShut = true; });
        break;
    case ReceiveResult::Status::Failed:
        return legFailed(m_clientSendFailed.value_or(r.error), true);
    case ReceiveResult::Status::WouldBlock:
        break;
    }
    return Outcome::Going;
}

RelayConnection::Outcome RelayConnection::legFailed(const NetError &error, bool fromClient)
{
    if (!isReset(error))
        return endWithReset(ConversationEvent::Kind::Failed, error, fromClient);
    // The other side was given its FIN already: nothing more goes to it, so the reset follows now.
    if (fromClient && m_targetShut)
        return endWithReset(ConversationEvent::Kind::Failed, error, true);
    if (!fromClient && m_clientShut)
        return endWithReset(ConversationEvent::Kind::PeerReset, error, false);
    // Its side will neither read nor say more: nothing is read from the other side for it, and
    // what waits for it is dropped, as the kernel drops it.
    const qint64 now = nowUs();
    if (fromClient) {
        m_clientReset = error;
        m_clientEof = m_clientShut = true;
        m_client->close();
        m_toClient.discard();
        m_toTarget.markEnd(now);
        m_state.update(m_id, [](Relay::Connection &row) { row.clientShut = true; });
    } else {
        m_targetReset = error;
        m_targetEof = m_targetShut = true;
        m_target->close();
        m_toTarget.discard();
        m_toClient.markEnd(now);
        m_state.update(m_id, [](Relay::Connection &row) { row.targetShut = true; });
    }
    return Outcome::Going;
}

RelayConnection::Outcome RelayConnection::sendFailed(const NetError &error, bool toClient)
{
    // The reset goes on now when its side already said all it had, or when the other side is gone
    // too (nothing read could go anywhere).
    const bool eof = toClient ? m_clientEof : m_targetEof;
    const bool otherGone = toClient ? m_targetSendFailed.has_value() : m_clientSendFailed.has_value();
    if (!isReset(error) || eof || otherGone)
        return legFailed(error, toClient);
    // Otherwise what that side said before its reset may still wait in the socket, unread while the
    // other direction was full. Nothing more goes to it; its bytes are read on, and the reset is
    // passed on when its recv() ends (with 0, once send() has taken the error).
    if (toClient) {
        m_clientSendFailed = error;
        m_clientShut = true;
        m_toClient.discard();
    } else {
        m_targetSendFailed = error;
        m_targetShut = true;
        m_toTarget.discard();
    }
    return Outcome::Going;
}

RelayConnection::Outcome RelayConnection::readTarget(qint64 nowUs)
{
    if (m_targetEof)
        return Outcome::Going;
    const std::span<char> room = m_toClient.room(ReadChunk);
    if (room.empty())
        return Outcome::Going;
    m_writeWantsRead = false;
    ReceiveResult r;
    if (m_tls) {
        r = m_tls->read(room.data(), qint64(room.size()));
        m_readWantsWrite = r.status == ReceiveResult::Status::WouldBlock && m_tls->waitsForWrite();
        m_tlsReadBlocked = r.status == ReceiveResult::Status::WouldBlock;
    } else {
        r = m_target->receive(room.data(), qint64(room.size()));
    }
    switch (r.status) {
    case ReceiveResult::Status::Data:
        m_toClient.commit(r.bytes, nowUs);
        recordBytes(ConversationEvent::Kind::Received, m_fromTarget, room.data(), r.bytes, nowUs,
                    m_shapeToClient.isOff() ? 0 : m_toClient.queued());
        m_fromTarget += r.bytes;
        break;
    case ReceiveResult::Status::Closed:
        if (m_targetSendFailed)
            return legFailed(*m_targetSendFailed, false);
        m_targetEof = true;
        m_toClient.markEnd(nowUs);
        m_state.update(m_id, [](Relay::Connection &row) { row.targetShut = true; });
        break;
    case ReceiveResult::Status::Failed:
        return legFailed(m_targetSendFailed.value_or(r.error), false);
    case ReceiveResult::Status::WouldBlock:
        break;
    }
    return Outcome::Going;
}

RelayConnection::Outcome RelayConnection::writeTarget(qint64 nowUs, bool writable)
{
    if (m_targetShut)
        return Outcome::Going;
    const std::span<const char> ready = m_toTarget.ready(nowUs, m_shapeToTarget);
    // OpenSSL wants an SSL_write() that waited retried with at least as many bytes: a rate lowered
    // meanwhile waits until that many may go.
    if (!ready.empty() && qint64(ready.size()) >= m_tlsRetryLength) {
        m_readWantsWrite = false;
        SendResult s;
        if (m_tls) {
            s = m_tls->write(ready.data(), qint64(ready.size()));
            m_writeWantsRead = s.status == SendResult::Status::WouldBlock && !m_tls->waitsForWrite();
            m_tlsRetryLength = s.status == SendResult::Status::WouldBlock ? qint64(ready.size()) : 0;
        } else {
            s = m_target->sendSome(ready.data(), qint64(ready.size()));
        }
        if (s.status == SendResult::Status::Failed)
            return sendFailed(s.error, false);
        if (s.status == SendResult::Status::Sent) {
            m_toTarget.consume(s.bytes, m_shapeToTarget);
            m_sentToTarget += s.bytes;
            m_state.addForwarded(RelayDirection::ToTarget, s.bytes, false);
        }
    }
    if (m_toTarget.endReady(nowUs, m_shapeToTarget) && m_clientReset)
        return endWithReset(ConversationEvent::Kind::Failed, *m_clientReset, true);
    if (m_toTarget.endReady(nowUs, m_shapeToTarget)) {
        // close_notify first, so the target can tell the end from a cut; a full socket holds the
        // FIN back until the alert has found room (tried again once the socket is writable), for
        // as long as TlsStream::shutdown() would wait, then the alert is given up.
        if (m_tls && (!m_closeNotifyWaits || writable)) {
            const bool full = m_tls->shutdownStep() == TlsStream::Step::WantWrite;
            if (full && !m_closeNotifyWaits)
                m_closeNotifySinceUs = nowUs;
            m_closeNotifyWaits = full;
        }
        if (m_closeNotifyWaits && nowUs - m_closeNotifySinceUs < TlsStream::CloseNotifyWaitMs * 1000)
            return Outcome::Going;
        m_closeNotifyWaits = false;
        m_toTarget.takeEnd();
        m_target->shutdown(SHUT_WR);
        m_targetShut = true;
        recordEvent(ConversationEvent::Kind::ShutdownWrite);
    }
    return Outcome::Going;
}

RelayConnection::Outcome RelayConnection::writeClient(qint64 nowUs)
{
    if (m_clientShut)
        return Outcome::Going;
    const std::span<const char> ready = m_toClient.ready(nowUs, m_shapeToClient);
    if (!ready.empty()) {
        const SendResult s = m_client->sendSome(ready.data(), qint64(ready.size()));
        if (s.status == SendResult::Status::Failed)
            return sendFailed(s.error, true);
        if (s.status == SendResult::Status::Sent) {
            m_toClient.consume(s.bytes, m_shapeToClient);
            m_sentToClient += s.bytes;
            m_state.addForwarded(RelayDirection::ToClient, s.bytes, false);
        }
    }
    if (m_toClient.endReady(nowUs, m_shapeToClient) && m_targetReset)
        return endWithReset(ConversationEvent::Kind::PeerReset, *m_targetReset, false);
    if (m_toClient.endReady(nowUs, m_shapeToClient)) {
        m_toClient.takeEnd();
        m_client->shutdown(SHUT_WR);
        m_clientShut = true;
        // The client reads a plain FIN, which cannot say what TLS did: the record says it.
        ConversationEvent closed;
        closed.kind = ConversationEvent::Kind::PeerClosed;
        closed.closeNotifyMissing = m_tls && !m_tls->closeNotifyReceived();
        recordEvent(closed);
    }
    return Outcome::Going;
}

bool RelayConnection::isDone() const
{
    return m_clientEof && m_targetEof && m_targetShut && m_clientShut;
}

RelayConnection::Outcome RelayConnection::endWithReset(ConversationEvent::Kind kind, NetError error, bool fromClient)
{
    if (fromClient && error.detail.isEmpty())
        error.detail = QStringLiteral("client %1").arg(m_clientAddress.toString());
    else if (!fromClient && error.detail.isEmpty())
        error.detail = m_targetAddress.toString();
    Socket &other = fromClient ? *m_target : *m_client;
    // A side whose send() met its own reset is gone: the kernel will never send what it holds.
    if (isReset(error) && !(fromClient ? m_targetSendFailed : m_clientSendFailed))
        drainSendQueue(other);
    other.setLinger(true, 0);
    other.close();
    (fromClient ? *m_client : *m_target).close();
    recordEvent(kind, error, fromClient ? m_clientAddress : m_targetAddress);
    recordEvent(ConversationEvent::Kind::Closed);
    updateRow();
    m_state.close(m_id, error);
    return Outcome::Ended;
}

void RelayConnection::drainSendQueue(Socket &socket)
{
    // A reset drops what the kernel still holds for the peer: bytes the relay took from the other
    // side (and the other side saw acknowledged) would be lost, which no direct connection loses.
    // So the reset waits until they left, or until the peer has had DrainLimitMs to read them.
    QDeadlineTimer deadline(DrainLimitMs);
    while (socket.isOpen() && !deadline.hasExpired() && !m_cancel.isCancelled()) {
        int unsent = 0;
        if (::ioctl(socket.fd(), SIOCOUTQ, &unsent) < 0 || unsent == 0)
            return;
        pollfd cancel{m_cancel.fd(), POLLIN, 0};
        ::poll(&cancel, 1, DrainPollMs);
    }
}

void RelayConnection::recordBytes(ConversationEvent::Kind kind, qint64 offset, const char *data, qint64 n, qint64 nowUs,
                                  qint64 held)
{
    ConversationEvent event;
    event.kind = kind;
    event.timeUs = nowUs;
    event.offset = offset;
    event.size = n;
    ByteStore &store = kind == ConversationEvent::Kind::Sent ? m_record->sentStore() : m_record->receivedStore();
    // The event that tells where the bytes are costs memory too: a flood of one-byte sends must
    // not keep more than the budget says.
    m_keeping = m_keeping && m_state.grant(m_id, n + qint64(sizeof(ConversationEvent)), m_record->keeps(store, n));
    if (m_keeping)
        store.append(data, n, nowUs);
    m_record->addData(event, m_keeping);
    if (m_tap)
        m_tap({m_id, m_clientAddress, m_targetAddress, event, data, m_sentToTarget, m_sentToClient, held});
}

void RelayConnection::recordEvent(ConversationEvent::Kind kind, const NetError &error, const SocketAddress &peer)
{
    ConversationEvent event;
    event.kind = kind;
    event.error = error;
    event.peer = peer;
    recordEvent(event);
}

void RelayConnection::recordEvent(ConversationEvent event)
{
    event.timeUs = nowUs();
    m_record->add(event);
    if (m_tap)
        m_tap({m_id, m_clientAddress, m_targetAddress, event, nullptr, m_sentToTarget, m_sentToClient});
}

void RelayConnection::updateRow()
{
    m_state.update(m_id, [this](Relay::Connection &row) {
        row.fromClient = m_fromClient;
        row.toTarget = m_sentToTarget;
        row.fromTarget = m_fromTarget;
        row.toClient = m_sentToClient;
        row.queuedToTarget = m_toTarget.queued();
        row.queuedToClient = m_toClient.queued();
    });
}

} // namespace SocketLab
