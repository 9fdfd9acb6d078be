#include "conversationworker.h"

#include "conversation/conversationcommands.h"
#include "conversation/conversationevent.h"
#include "conversation/conversationrecord.h"
#include "exchange/resolvestep.h"
#include "exchange/tcpconnect.h"
#include "net/canceltoken.h"
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
    // Like Python's sendto() to a name: the first address getaddrinfo() gives.
    const AddrInfoRow &row = setup.resolved.constFirst();
    m_peer = row.address;
    setup.connectedTo = row.address;
    if (NetError error = socket.open(row.family, row.socketType, row.protocol); error.isError()) {
        setup.error = error;
        return false;
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
        // After the peer's FIN the socket stays readable for ever: it is no longer watched.
        pollfd fds[3] = {{m_reading ? socket.fd() : -1, POLLIN, 0},
                         {m_cancel->fd(), POLLIN, 0},
                         {m_commands->fd(), POLLIN, 0}};
        const int rc = ::poll(fds, 3, m_moreToRead ? 0 : -1);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0) {
            const int err = errno;
            m_trace->record(QStringLiteral("poll"), QStringLiteral("[{fd=%1}], -1").arg(socket.fd()), rc, err);
            fail(NetError::fromErrno(err, QStringLiteral("poll")), -1);
            return;
        }
        if (m_cancel->isCancelled()) {
            fail(NetError::cancelled(), -1);
            return;
        }
        // The commands first: a close() asked while the peer floods is not held up by the flood.
        if (fds[2].revents & POLLIN) {
            for (const ConversationCommand &command : m_commands->takeAll()) {
                if (!execute(command, socket))
                    return;
            }
        }
        if (m_reading && (m_moreToRead || fds[0].revents != 0)) {
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
        const ReceiveResult outcome = udp ? socket.receiveFrom(buffer, room)
                                          : m_tls ? m_tls->read(buffer, room) : socket.receive(buffer, room);
        switch (outcome.status) {
        case ReceiveResult::Status::WouldBlock:
            m_moreToRead = m_tls && m_tls->hasPending();
            return true;
        case ReceiveResult::Status::Failed: {
            NetError error = outcome.error;
            if (error.detail.isEmpty())
                error.detail = m_peer.toString();
            fail(error, -1);
            return false;
        }
        case ReceiveResult::Status::Closed:
            m_reading = false;
            m_moreToRead = false;
            addEvent(ConversationEvent::Kind::PeerClosed, -1);
            return true;
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
    }
    m_moreToRead = true;
    return true;
}

bool ConversationWorker::execute(const ConversationCommand &command, Socket &socket)
{
    switch (command.kind) {
    case ConversationCommand::Kind::Send:
        return send(command, socket);
    case ConversationCommand::Kind::ShutdownWrite:
    case ConversationCommand::Kind::ShutdownBoth: {
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
    case ConversationCommand::Kind::Close:
        if (m_tls)
            m_tls->shutdown();
        m_tls.reset();
        socket.close();
        addEvent(ConversationEvent::Kind::Closed, command.step);
        return false;
    }
    return true;
}

bool ConversationWorker::send(const ConversationCommand &command, Socket &socket)
{
    const QByteArray &bytes = command.bytes;
    qint64 sent = 0;
    NetError error;
    // A datagram leaves whole in one call, an empty one too: sendto(), or send() once connected.
    if (m_request.transport == ConversationRequest::Transport::Udp)
        error = socket.sendTo(bytes.constData(), bytes.size(), m_request.udpConnected ? SocketAddress() : m_peer, &sent);
    else if (m_tls)
        error = m_tls->writeAll(bytes.constData(), bytes.size(), QDeadlineTimer(QDeadlineTimer::Forever), &sent);
    else
        error = socket.sendAll(bytes.constData(), bytes.size(), QDeadlineTimer(QDeadlineTimer::Forever), &sent);
    // What left before a failure was sent all the same: the peer may have read it.
    if (sent > 0 || !error.isError()) {
        ByteStore &store = m_record->sentStore();
        const bool keep = m_record->keeps(store, sent);
        ConversationEvent event;
        event.kind = ConversationEvent::Kind::Sent;
        event.timeUs = m_trace->elapsedUs();
        event.size = sent;
        event.step = command.step;
        if (m_request.transport == ConversationRequest::Transport::Udp)
            event.peer = m_peer;
        if (keep) {
            event.offset = store.size();
            appendTo(store, bytes.constData(), sent, event.timeUs);
        }
        m_record->addData(event, keep);
    }
    if (error.isError()) {
        if (error.detail.isEmpty())
            error.detail = m_peer.toString();
        fail(error, command.step);
        return false;
    }
    return true;
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
