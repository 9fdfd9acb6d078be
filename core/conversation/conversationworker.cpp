#include "conversationworker.h"

#include "conversation/conversationcommands.h"
#include "conversation/conversationevent.h"
#include "conversation/conversationrecord.h"
#include "exchange/resolvestep.h"
#include "exchange/tcpconnect.h"
#include "net/canceltoken.h"
#include "net/localbind.h"
#include "net/socket.h"
#include "net/trace.h"
#include "tls/tlscontext.h"
#include "tls/tlsstream.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>

namespace SocketLab {

namespace {

// recv() calls before the worker looks at its commands again: a peer that floods cannot keep a
// send or a close() waiting.
constexpr int ReadsPerBurst = 64;
// send() calls before the worker reads again: a peer that drains at once cannot keep its own bytes unread.
constexpr int WritesPerBurst = 64;
// Bytes asked to be sent that may wait for the peer to read; a send past them is refused.
constexpr qint64 MaxUnsentBytes = 64 * 1024 * 1024;
// UDP: how long the socket stays quiet before its own count of drops is read (see KernelDrops).
constexpr int SettleDropsMs = 30;
// TCP: when bytes come again this soon after a read, with nothing sent between, they are a stream,
// and the next read waits this long for more to gather, as a network card's interrupt moderation does. A peer pushing small
// messages would otherwise wake the worker for each one: tens of thousands of poll() wake-ups a
// second, each slowing the peer's send() (it must wake us) and taking a CPU from it on a small
// machine. A message after a quiet moment is read at once; in a stream, a byte waits at most this
// long; UDP never waits (a datagram the buffer has no room for is lost).
constexpr qint64 ReadHoldUs = 1000;

void appendTo(ByteStore &store, const char *data, qint64 len, qint64 timeUs)
{
    qint64 done = 0;
    while (done < len) {
        const std::span<char> room = store.writableSpan(len - done);
        const qint64 n = qMin<qint64>(qint64(room.size()), len - done);
        std::memcpy(room.data(), data + done, size_t(n));
        store.commit(n);
        done += n;
    }
    store.endSegment(timeUs);
}

} // namespace

ConversationWorker::ConversationWorker(const ConversationRequest &request, std::shared_ptr<ConversationRecord> record,
                                       std::shared_ptr<Trace> trace, std::shared_ptr<CancelToken> cancel,
                                       std::shared_ptr<ConversationCommands> commands, ConversationReceiveTap tap)
    : m_request(request)
    , m_record(std::move(record))
    , m_trace(std::move(trace))
    , m_cancel(std::move(cancel))
    , m_commands(std::move(commands))
    , m_tap(std::move(tap))
{
}

ConversationWorker::~ConversationWorker() = default;

void ConversationWorker::run()
{
    ConversationSetup setup;
    {
        Socket socket(*m_trace, m_cancel.get());
        const bool tcp = m_request.transport == ConversationRequest::Transport::Tcp;
        const bool opened = tcp ? openTcp(setup, socket) : openUdp(setup, socket);
        setup.timings.totalUs = m_trace->elapsedUs();
        m_record->setSetup(setup);
        if (opened) {
            addEvent(ConversationEvent::Kind::Connected, -1);
            talk(socket);
        } else {
            fail(setup.error, -1);
        }
        m_tls.reset();
        socket.close();
    }
    releaseTlsThreadState();
    m_record->markOver();
    emit finished();
}

bool ConversationWorker::openTcp(ConversationSetup &setup, Socket &socket)
{
    TcpRequest tcp;
    tcp.host = m_request.host;
    tcp.service = m_request.service;
    tcp.family = m_request.family;
    tcp.connectTimeoutMs = m_request.connectTimeoutMs;
    tcp.tls = m_request.tls;
    tcp.socketOptions = m_request.socketOptions;
    tcp.localAddress = m_request.localAddress;
    const QDeadlineTimer noDeadline(QDeadlineTimer::Forever);
    const ResolveResult resolved = resolveTarget(tcp.host, tcp.service, tcp.family, SocketKind::Stream, *m_trace, *m_cancel, noDeadline);
    setup.resolved = resolved.rows;
    setup.timings.resolvedUs = m_trace->elapsedUs();
    if (resolved.error.isError()) {
        setup.error = resolved.error;
        return false;
    }
    if (!connectAddresses(tcp, noDeadline, *m_trace, setup, socket))
        return false;
    m_peer = setup.connectedTo;
    if (!tcp.tls.enabled)
        return true;
    m_tls = std::make_unique<TlsStream>(socket, *m_trace);
    return startClientTls(tcp, noDeadline, *m_trace, setup, *m_tls);
}

bool ConversationWorker::openUdp(ConversationSetup &setup, Socket &socket)
{
    const ResolveResult resolved = resolveTarget(m_request.host, m_request.service, m_request.family, SocketKind::Datagram,
                                                 *m_trace, *m_cancel, QDeadlineTimer(QDeadlineTimer::Forever));
    setup.resolved = resolved.rows;
    setup.timings.resolvedUs = m_trace->elapsedUs();
    if (resolved.error.isError()) {
        setup.error = resolved.error;
        return false;
    }
    // Like Python's sendto() to a name: the first address getaddrinfo() gives (of the local address's
    // family when one is given).
    const AddrInfoRow *first = firstRowFitting(setup.resolved, m_request.localAddress);
    if (!first) {
        setup.error = localFamilyMismatch(m_request.localAddress);
        return false;
    }
    const AddrInfoRow &row = *first;
    m_peer = row.address;
    setup.connectedTo = row.address;
    if (NetError error = socket.open(row.family, row.socketType, row.protocol); error.isError()) {
        setup.error = error;
        return false;
    }
    if (NetError error = prepareClientSocket(socket, m_request.socketOptions, m_request.localAddress, row.family,
                                             SocketKind::Datagram, &setup.socketOptions);
        error.isError()) {
        setup.error = error;
        return false;
    }
    if (!socket.countDrops().isError()) {
        m_drops.emplace();
        m_record->startCountingDrops();
    }
    if (m_request.udpConnected) {
        if (NetError error = socket.connect(row.address, QDeadlineTimer(QDeadlineTimer::Forever)); error.isError()) {
            error.detail = row.address.toString();
            setup.error = error;
            return false;
        }
    }
    setup.local = socket.localAddress();
    setup.timings.connectedUs = m_trace->elapsedUs();
    return true;
}

void ConversationWorker::talk(Socket &socket)
{
    m_scratch.resize(size_t(m_request.recvSize));
    for (;;) {
        // After the peer's FIN the socket stays readable for ever: it is no longer watched for reading.
        const bool writing = !m_outbox.empty();
        const qint64 holdLeftUs = m_holdReadingUntilUs < 0 ? 0 : m_holdReadingUntilUs - m_trace->elapsedUs();
        // TLS that must read before it can write is not kept waiting.
        const bool holding = m_reading && !m_moreToRead && holdLeftUs > 0 && !(writing && m_writeWantsRead);
        const short events = short(((m_reading && !holding) || (writing && m_writeWantsRead) ? POLLIN : 0)
                                   | (writing && !m_writeWantsRead ? POLLOUT : 0));
        pollfd fds[3] = {{events != 0 ? socket.fd() : -1, events, 0},
                         {m_cancel->fd(), POLLIN, 0},
                         {m_commands->fd(), POLLIN, 0}};
        int timeoutMs = m_moreToRead ? 0 : -1;
        if (!m_moreToRead && m_dropsUnsettled)
            timeoutMs = int((m_settleDeadline.remainingTimeNSecs() + 999999) / 1000000);
        if (holding)
            timeoutMs = int((holdLeftUs + 999) / 1000);
        const int rc = ::poll(fds, 3, timeoutMs);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0) {
            const int err = errno;
            m_trace->record(QStringLiteral("poll"), QStringLiteral("[{fd=%1}], -1").arg(socket.fd()), rc, err);
            fail(NetError::fromErrno(err, QStringLiteral("poll")), -1);
            return;
        }
        if (m_cancel->isCancelled()) {
            if (m_dropsUnsettled)
                settleDrops(socket);
            fail(NetError::cancelled(), -1);
            return;
        }
        if (m_dropsUnsettled && rc == 0 && m_settleDeadline.hasExpired())
            settleDrops(socket);
        // The commands first: a send or a close() asked while the peer floods is not held up by the flood.
        bool asked = false;
        if (fds[2].revents & POLLIN) {
            for (ConversationCommand &command : m_commands->takeAll()) {
                if (!enqueue(std::move(command)))
                    return;
                asked = true;
            }
        }
        if (!m_outbox.empty() && (asked || fds[0].revents != 0)) {
            if (!flush(socket))
                return;
        }
        // The hold over, whatever gathered is read: poll() was not asked about it.
        const bool holdOver = holding && m_trace->elapsedUs() >= m_holdReadingUntilUs;
        if (holdOver)
            m_holdReadingUntilUs = -1;
        if (m_reading && (m_moreToRead || holdOver || (fds[0].revents & ~POLLOUT) != 0)) {
            if (!readBurst(socket))
                return;
        }
    }
}

bool ConversationWorker::readBurst(Socket &socket)
{
    const bool udp = m_request.transport == ConversationRequest::Transport::Udp;
    ByteStore &store = m_record->receivedStore();
    for (int i = 0; i < ReadsPerBurst; ++i) {
        const bool keep = m_record->keeps(store, m_request.recvSize);
        char *buffer = m_scratch.data();
        qint64 room = qint64(m_scratch.size());
        // A datagram goes whole into the scratch buffer, never cut at the end of a store's chunk.
        if (keep && !udp) {
            const std::span<char> span = store.writableSpan(m_request.recvSize);
            buffer = span.data();
            room = qint64(span.size());
        }
        const ReceiveResult outcome = udp ? socket.receiveDatagram(buffer, room)
                                          : m_tls ? m_tls->read(buffer, room) : socket.receive(buffer, room);
        switch (outcome.status) {
        case ReceiveResult::Status::WouldBlock:
            m_moreToRead = m_tls && m_tls->hasPending();
            if (i > 0)
                holdReadingIfStreaming();
            return true;
        case ReceiveResult::Status::Failed: {
            NetError error = outcome.error;
            if (error.detail.isEmpty())
                error.detail = m_peer.toString();
            fail(error, -1);
            return false;
        }
        case ReceiveResult::Status::Closed: {
            m_reading = false;
            m_moreToRead = false;
            ConversationEvent closed;
            closed.kind = ConversationEvent::Kind::PeerClosed;
            closed.timeUs = m_trace->elapsedUs();
            closed.closeNotifyMissing = m_tls && !m_tls->closeNotifyReceived();
            m_record->add(closed);
            return true;
        }
        case ReceiveResult::Status::Data:
            break;
        }
        ConversationEvent event;
        event.kind = ConversationEvent::Kind::Received;
        event.timeUs = m_trace->elapsedUs();
        event.size = outcome.bytes;
        if (udp) {
            event.peer = outcome.from;
            event.truncated = outcome.datagramSize > outcome.bytes;
            if (m_drops) {
                if (const qint64 dropped = m_drops->observe(outcome.dropCounter); dropped > 0)
                    m_record->addKernelDrops(dropped);
                m_dropsUnsettled = true;
                m_settleDeadline.setRemainingTime(SettleDropsMs);
            }
        }
        if (keep) {
            event.offset = store.size();
            if (udp) {
                appendTo(store, buffer, outcome.bytes, event.timeUs);
            } else {
                store.commit(outcome.bytes);
                store.endSegment(event.timeUs);
            }
        }
        if (m_tap)
            m_tap(event, m_receivedTotal, buffer);
        m_receivedTotal += outcome.bytes;
        m_record->addData(event, keep);
        // A plain TCP recv() that did not fill the buffer took all the kernel had: the next one would
        // be EAGAIN, so poll() instead (as nginx does). Not for TLS (one record per SSL_read) nor UDP
        // (one datagram per recvfrom()), where a short read says nothing of what is queued.
        if (!udp && !m_tls && outcome.bytes < room) {
            m_moreToRead = false;
            holdReadingIfStreaming();
            return true;
        }
    }
    m_moreToRead = true;
    return true;
}

void ConversationWorker::holdReadingIfStreaming()
{
    if (m_request.transport == ConversationRequest::Transport::Udp)
        return;
    const qint64 now = m_trace->elapsedUs();
    // Twice the hold: a stream read after a hold comes back a little over ReadHoldUs later.
    if (m_lastReadUs >= 0 && now - m_lastReadUs < 2 * ReadHoldUs)
        m_holdReadingUntilUs = now + ReadHoldUs;
    m_lastReadUs = now;
}

void ConversationWorker::settleDrops(Socket &socket)
{
    m_dropsUnsettled = false;
    if (const qint64 dropped = m_drops->settle(socket); dropped > 0)
        m_record->addKernelDrops(dropped);
}

bool ConversationWorker::enqueue(ConversationCommand command)
{
    if (command.kind == ConversationCommand::Kind::Send) {
        // One message alone is never refused: its bytes are the owner's already. Behind others, it
        // may not bring what waits past the cap. A byte stream cannot skip a message and go on
        // (what the peer reads would no longer be what was written), and a peer that leaves this
        // much unread is not reading: the conversation ends, everything recorded so far kept.
        if (m_unsent > 0 && m_unsent + command.bytes.size() > MaxUnsentBytes) {
            const bool sendto = m_request.transport == ConversationRequest::Transport::Udp && !m_request.udpConnected;
            fail(NetError::fromErrno(ENOBUFS, sendto ? QStringLiteral("sendto") : QStringLiteral("send"), m_peer.toString()),
                 command.step);
            return false;
        }
        m_unsent += command.bytes.size();
    }
    m_outbox.push_back(std::move(command));
    return true;
}

bool ConversationWorker::flush(Socket &socket)
{
    // Bounded like reading: a peer that drains as fast as we write cannot keep its bytes unread.
    for (int i = 0; i < WritesPerBurst && !m_outbox.empty(); ++i) {
        bool blocked = false;
        if (!execute(socket, &blocked))
            return false;
        if (blocked)
            return true;
    }
    return true;
}

bool ConversationWorker::writeHead(Socket &socket, bool *blocked)
{
    const ConversationCommand &head = m_outbox.front();
    const qint64 size = head.bytes.size();
    m_writeWantsRead = false;
    if (m_request.transport == ConversationRequest::Transport::Udp) {
        // A datagram leaves whole in one call, an empty one too: sendto(), or send() once connected.
        qint64 sent = 0;
        NetError error = socket.sendTo(head.bytes.constData(), size, m_request.udpConnected ? SocketAddress() : m_peer, &sent);
        if (error.kind == NetError::Kind::System && (error.systemCode == EAGAIN || error.systemCode == EWOULDBLOCK)) {
            *blocked = true;
            return true;
        }
        if (error.isError()) {
            if (error.detail.isEmpty())
                error.detail = m_peer.toString();
            fail(error, head.step);
            return false;
        }
        recordSent(head.bytes.constData(), sent, head.step);
        m_unsent -= size;
        m_commands->written(size);
    } else if (m_headWritten < size) {
        const char *data = head.bytes.constData() + m_headWritten;
        const SendResult result = m_tls ? m_tls->write(data, size - m_headWritten) : socket.sendSome(data, size - m_headWritten);
        switch (result.status) {
        case SendResult::Status::WouldBlock:
            m_writeWantsRead = m_tls && !m_tls->waitsForWrite();
            *blocked = true;
            return true;
        case SendResult::Status::Failed: {
            NetError error = result.error;
            if (error.detail.isEmpty())
                error.detail = m_peer.toString();
            fail(error, head.step);
            return false;
        }
        case SendResult::Status::Sent:
            break;
        }
        recordSent(data, result.bytes, head.step);
        m_headWritten += result.bytes;
        m_unsent -= result.bytes;
        m_commands->written(result.bytes);
        if (m_headWritten < size)
            return true;
    }
    // Whole: an empty message makes no call, and leaves nothing to record.
    m_headWritten = 0;
    m_outbox.pop_front();
    return true;
}

void ConversationWorker::recordSent(const char *data, qint64 size, int step)
{
    // What comes after a send is an answer, read the moment it comes: a request and its reply a
    // tenth of a millisecond apart, again and again, are not a stream to wait for.
    m_lastReadUs = -1;
    m_holdReadingUntilUs = -1;
    ByteStore &store = m_record->sentStore();
    const bool keep = m_record->keeps(store, size);
    ConversationEvent event;
    event.kind = ConversationEvent::Kind::Sent;
    event.timeUs = m_trace->elapsedUs();
    event.size = size;
    event.step = step;
    if (m_request.transport == ConversationRequest::Transport::Udp)
        event.peer = m_peer;
    if (keep) {
        event.offset = store.size();
        appendTo(store, data, size, event.timeUs);
    }
    m_record->addData(event, keep);
}

bool ConversationWorker::execute(Socket &socket, bool *blocked)
{
    if (m_outbox.front().kind == ConversationCommand::Kind::Send)
        return writeHead(socket, blocked);
    const ConversationCommand command = std::move(m_outbox.front());
    m_outbox.pop_front();
    if (command.kind == ConversationCommand::Kind::Close) {
        if (m_tls)
            m_tls->shutdown();
        m_tls.reset();
        socket.close();
        addEvent(ConversationEvent::Kind::Closed, command.step);
        return false;
    }
    if (command.kind == ConversationCommand::Kind::SetOption) {
        setOption(socket, command);
        return true;
    }
    const bool both = command.kind == ConversationCommand::Kind::ShutdownBoth;
    // TLS says it is done writing before TCP does: the peer reads close_notify, then the FIN.
    if (m_tls)
        m_tls->shutdown();
    if (NetError error = socket.shutdown(both ? SHUT_RDWR : SHUT_WR); error.isError()) {
        error.detail = m_peer.toString();
        fail(error, command.step);
        return false;
    }
    addEvent(both ? ConversationEvent::Kind::ShutdownBoth : ConversationEvent::Kind::ShutdownWrite, command.step);
    // After SHUT_RDWR recv() returns 0 at once: that is ours, not the peer's FIN.
    if (both) {
        m_reading = false;
        m_moreToRead = false;
    }
    return true;
}

void ConversationWorker::setOption(Socket &socket, const ConversationCommand &command)
{
    const bool udp = m_request.transport == ConversationRequest::Transport::Udp;
    const QList<SocketOptionOutcome> outcomes = SocketOptions::apply(socket, {command.option}, m_peer.family(),
                                                                     udp ? SocketKind::Datagram : SocketKind::Stream);
    ConversationEvent event;
    event.kind = ConversationEvent::Kind::OptionSet;
    event.timeUs = m_trace->elapsedUs();
    event.step = command.step;
    event.option = std::make_shared<const SocketOptionOutcome>(outcomes.constFirst());
    m_record->add(event);
}

void ConversationWorker::addEvent(ConversationEvent::Kind kind, int step)
{
    ConversationEvent event;
    event.kind = kind;
    event.timeUs = m_trace->elapsedUs();
    event.step = step;
    m_record->add(event);
}

void ConversationWorker::fail(NetError error, int step)
{
    ConversationEvent event;
    const bool reset = error.kind == NetError::Kind::System && error.systemCode == ECONNRESET;
    event.kind = reset ? ConversationEvent::Kind::PeerReset : ConversationEvent::Kind::Failed;
    event.timeUs = m_trace->elapsedUs();
    event.step = step;
    event.error = std::move(error);
    m_record->add(event);
}

} // namespace SocketLab
