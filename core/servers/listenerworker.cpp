#include "listenerworker.h"

#include "http/requesthead.h"
#include "listenercommands.h"
#include "listenerstate.h"
#include "net/canceltoken.h"
#include "net/socket.h"
#include "net/trace.h"
#include "tls/selfsignedcertificate.h"
#include "tls/tlscontext.h"
#include "tls/tlsstream.h"

#include <QStandardPaths>

#include <algorithm>

#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

namespace SocketLab {

namespace {

// Also each datagram's room in a batch: the largest datagram is kept whole (65,507 fits). A batch
// is 4 MiB of address space, resident only as far as datagrams have written into it.
constexpr qint64 ReceiveBufferSize = 64 * 1024;
constexpr qint64 SendBufferSize = 256 * 1024;
constexpr qint64 SendBudgetPerTurn = 4 * 1024 * 1024;  // so one fast reader cannot starve the others
constexpr qint64 MaxEchoBacklog = 1024 * 1024;          // stop reading a client that does not read its echo
constexpr size_t MaxQueuedResponses = 16;               // pipelined requests answered ahead
constexpr int DatagramsPerCall = 64;  // recvmmsg()'s batch
constexpr int CallsPerTurn = 4;       // then the commands and the cancel token are polled again
// At a stop, recvmmsg() calls at most to take the datagrams already queued (256 calls: 16,384
// datagrams, more than a 4 MiB buffer holds of small ones): a flood that goes on cannot hold it up.
constexpr int CallsAtStop = 256;
constexpr int FlushIntervalMs = 30;
constexpr int DrainMs = 2000;   // how long a connection we shut down waits for the client to close its side
// poll()'s first entries in serveTcp(); the clients follow.
constexpr size_t CancelEntry = 0;
constexpr size_t CommandsEntry = 1;
constexpr size_t ListeningEntry = 2;
constexpr size_t FirstClientEntry = 3;

} // namespace

struct ListenerWorker::Connection
{
    quint64 id = 0;
    std::unique_ptr<Socket> socket;
    std::unique_ptr<TlsStream> tls;  // after socket: it uses the socket until it goes
    bool handshaking = false;
    TlsStream::Step handshakeWait = TlsStream::Step::WantRead;
    QDeadlineTimer handshakeDeadline;
    std::deque<ResponseStream> output;
    qint64 outputOffset = 0;     // into output.front()
    qint64 outputBacklog = 0;    // bytes queued and not yet sent
    QByteArray input;            // HTTP: bytes not yet taken as requests
    qsizetype searchedUpTo = 0;  // HTTP: where the search for the end of the head may resume
    qint64 bodyToSkip = 0;       // HTTP: the rest of a request body the demo site ignores
    bool replied = false;        // FixedReply: the reply is queued
    bool peerClosed = false;     // recv() returned 0
    bool finishing = false;      // nothing more will be queued: close once the output is sent
    bool draining = false;       // shutdown(SHUT_WR) done: reading until the peer closes
    bool shutWritePending = false;  // Listener::shutdownWrite(): once the output has left
    bool writeShut = false;      // shutdown(SHUT_WR) done; nothing more is queued
    bool done = false;
    QDeadlineTimer drainDeadline;
    NetError error;
};

ListenerWorker::ListenerWorker(ListenerState &state, const Listener::Settings &settings, const CancelToken &cancel,
                               ListenerCommands &commands)
    : m_state(state)
    , m_settings(settings)
    , m_cancel(cancel)
    , m_commands(commands)
{
    if (m_settings.mode == Listener::Mode::HttpDemo)
        m_site.emplace();
    // UDP reads into serveUdp()'s batch.
    if (m_settings.transport == Listener::Transport::Tcp) {
        m_receiveBuffer.resize(size_t(ReceiveBufferSize));
        m_sendBuffer.resize(size_t(SendBufferSize));
    }
}

ListenerWorker::~ListenerWorker() = default;

void ListenerWorker::run()
{
    Socket socket(m_state.trace(), &m_cancel);
    SocketAddress bound;
    if (const NetError error = setUp(socket, &bound); error.isError()) {
        releaseTlsThreadState();
        emit startFailed(error);
        emit finished();
        return;
    }
    if (m_settings.transport == Listener::Transport::Udp)
        countDrops(socket);
    m_state.setCertificateSha256(m_tls ? m_tls->certificateSha256() : QByteArray());
    emit listening(bound);
    if (m_settings.transport == Listener::Transport::Tcp) {
        serveTcp(socket);
    } else {
        serveUdp(socket);
        leaveGroups(socket);
    }
    m_connections.clear();
    m_state.closeAll();
    releaseTlsThreadState();
    emit finished();
}

NetError ListenerWorker::setUp(Socket &socket, SocketAddress *bound)
{
    const bool tcp = m_settings.transport == Listener::Transport::Tcp;
    m_state.setSocketOptions({});
    if (NetError error = socket.open(m_settings.address.family(), tcp ? SocketKind::Stream : SocketKind::Datagram, 0); error.isError())
        return error;
    const auto asksReuseAddress = [this] {
        return std::any_of(m_settings.socketOptions.cbegin(), m_settings.socketOptions.cend(),
                           [](const SocketOptionSetting &s) { return s.name == SocketOptionName::ReuseAddress; });
    };
    if (tcp && !asksReuseAddress()) {
        // Restarting a server must not wait for the last run's TIME_WAIT connections; a port that
        // another socket listens on is still refused. A person who sets reuseaddr decides instead.
        if (NetError error = socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR"); error.isError())
            return error;
    }
    const SocketKind kind = tcp ? SocketKind::Stream : SocketKind::Datagram;
    m_state.setSocketOptions(SocketOptions::apply(socket, m_settings.socketOptions, m_settings.address.family(), kind));
    if (NetError error = socket.bind(m_settings.address); error.isError())
        return error;
    if (!tcp) {
        for (const MulticastGroup &group : m_settings.groups) {
            if (NetError error = Multicast::join(socket, group); error.isError())
                return error;
            m_joined.append(group);
        }
        // With groups, each datagram says which address it was sent to: a group's, or this host's.
        if (!m_settings.groups.isEmpty()) {
            const bool v4 = m_settings.address.family() == IpFamily::V4;
            if (NetError error = socket.setOption(v4 ? IPPROTO_IP : IPPROTO_IPV6, v4 ? IP_PKTINFO : IPV6_RECVPKTINFO, 1,
                                                  v4 ? "IP_PKTINFO" : "IPV6_RECVPKTINFO");
                error.isError())
                return error;
        }
    }
    if (tcp) {
        if (NetError error = socket.listen(m_settings.backlog); error.isError())
            return error;
    }
    *bound = socket.localAddress();
    return loadTlsContext();
}

NetError ListenerWorker::loadTlsContext()
{
    if (!m_settings.tls)
        return {};
    QString certPath = m_settings.certPath;
    QString keyPath = m_settings.keyPath;
    if (certPath.isEmpty() && keyPath.isEmpty()) {
        const QString dir = m_settings.certificateDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : m_settings.certificateDir;
        NetError error;
        const CertificateFiles files = localhostCertificate(dir, &error);
        if (error.isError())
            return error;
        certPath = files.certPath;
        keyPath = files.keyPath;
    }
    NetError error;
    m_tls = TlsServerContext::fromFiles(certPath, keyPath, &error);
    return error;
}

void ListenerWorker::serveTcp(Socket &listening)
{
    std::vector<pollfd> fds;
    for (;;) {
        fds.clear();
        fds.push_back({m_cancel.fd(), POLLIN, 0});
        fds.push_back({m_commands.fd(), POLLIN, 0});
        const bool accepting = m_acceptBackoff.isAccepting();
        fds.push_back({listening.fd(), short(accepting ? POLLIN : 0), 0});
        for (const auto &connection : m_connections)
            fds.push_back({connection->socket->fd(), pollEvents(*connection), 0});

        const int rc = ::poll(fds.data(), nfds_t(fds.size()), pollTimeoutMs());
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0) {
            const int err = errno;
            m_state.trace().record(QStringLiteral("poll"), QStringLiteral("[%1 fds], -1").arg(fds.size()), rc, err);
            emit errorOccurred(NetError::fromErrno(err, QStringLiteral("poll")));
            return;
        }
        if (fds[CancelEntry].revents || m_cancel.isCancelled())
            return;
        if (accepting && (fds[ListeningEntry].revents & POLLIN))
            acceptClient(listening);
        if (fds[CommandsEntry].revents & POLLIN)
            runTcpCommands();

        // acceptClient() appended after the polled ones: only the first ones have revents.
        for (size_t i = 0; i + FirstClientEntry < fds.size(); ++i) {
            Connection &connection = *m_connections[i];
            // A command may have closed it already.
            if (connection.done)
                continue;
            const short revents = fds[i + FirstClientEntry].revents;
            const bool failed = revents & (POLLERR | POLLHUP);
            if (connection.handshaking) {
                if (revents)
                    stepHandshake(connection);
                else if (connection.handshakeDeadline.hasExpired()) {
                    connection.error = NetError::timeout(QStringLiteral("SSL_accept"));
                    connection.done = true;
                }
                continue;
            }
            // A TLS write that must read first, or a read that must write first, waits on the
            // other event: both directions are tried whenever the socket is ready.
            const bool crossed = connection.tls && connection.tls->waitsForWrite();
            if ((revents & POLLOUT) || (crossed && revents & POLLIN) || (failed && !connection.output.empty()))
                writeTo(connection);
            if (!connection.done && ((revents & POLLIN) || (failed && connection.output.empty())))
                readFrom(connection);
            if (!connection.done && connection.draining && connection.drainDeadline.hasExpired())
                connection.done = true;
            settle(connection);
        }

        for (auto it = m_connections.begin(); it != m_connections.end();) {
            if (!(*it)->done) {
                ++it;
                continue;
            }
            const quint64 id = (*it)->id;
            const NetError error = (*it)->error;
            it = m_connections.erase(it);
            m_changed.remove(id);
            m_state.closeClient(id, error);
            emit clientClosed(id);
        }
        flushChanges();
    }
}

void ListenerWorker::acceptClient(Socket &listening)
{
    SocketAddress peer;
    NetError error;
    // poll() said a connection is waiting: an expired deadline makes accept() give up rather than
    // wait if the client has gone meanwhile.
    const int fd = listening.accept(QDeadlineTimer(0), &peer, &error);
    if (fd < 0) {
        // EMFILE and friends: the connection stays queued, so polling again at once would spin.
        if (error.kind == NetError::Kind::System && m_acceptBackoff.failed())
            emit acceptPaused(error);
        return;
    }
    if (m_acceptBackoff.succeeded())
        emit acceptResumed();
    if (m_connections.size() >= size_t(qMax(0, m_settings.maxClients))) {
        // Accepted only to be closed: left in the backlog it would be served later, after its
        // client may have given up, and a flood would fill the backlog for everyone.
        Socket refused(m_state.trace(), &m_cancel);
        refused.adopt(fd);
        emit clientRefused(m_state.refuseClient(peer));
        return;
    }
    auto connection = std::make_unique<Connection>();
    connection->socket = std::make_unique<Socket>(m_state.trace(), &m_cancel);
    connection->socket->adopt(fd);
    if (m_settings.mode == Listener::Mode::HttpDemo) {
        // The chunks of /chunked leave in separate send() calls; Nagle would merge them.
        connection->socket->setOption(IPPROTO_TCP, TCP_NODELAY, 1, "TCP_NODELAY");
    }
    connection->id = m_state.openClient(peer);
    const quint64 id = connection->id;
    if (m_tls) {
        connection->tls = std::make_unique<TlsStream>(*connection->socket, m_state.trace());
        if (NetError error = connection->tls->startServer(m_tls); error.isError()) {
            connection->error = error;
            connection->done = true;
        }
        connection->handshaking = true;
        connection->handshakeDeadline.setRemainingTime(m_settings.tlsHandshakeTimeoutMs);
    }
    m_connections.push_back(std::move(connection));
    emit clientConnected(id);
}

short ListenerWorker::pollEvents(const Connection &connection) const
{
    if (connection.done)
        return 0;
    if (connection.handshaking)
        return connection.handshakeWait == TlsStream::Step::WantWrite ? POLLOUT : POLLIN;
    short events = 0;
    if (wantsRead(connection))
        events |= POLLIN;
    if (!connection.output.empty())
        events |= POLLOUT;
    if (connection.tls && connection.tls->waitsForWrite() && events)
        events |= POLLOUT;
    return events;
}

void ListenerWorker::stepHandshake(Connection &connection)
{
    NetError error;
    const TlsStream::Step step = connection.tls->handshakeStep(&error);
    switch (step) {
    case TlsStream::Step::Done:
        connection.handshaking = false;
        markChanged(connection.id);
        // The client's first records may have come with its Finished and been decrypted already.
        if (connection.tls->hasPending())
            readFrom(connection);
        break;
    case TlsStream::Step::WantRead:
    case TlsStream::Step::WantWrite:
        connection.handshakeWait = step;
        break;
    case TlsStream::Step::Failed:
        connection.error = error;
        connection.done = true;
        break;
    }
}

bool ListenerWorker::wantsRead(const Connection &connection) const
{
    if (connection.draining)
        return true;
    if (connection.finishing || connection.peerClosed)
        return false;
    switch (m_settings.mode) {
    case Listener::Mode::Echo:
        return connection.outputBacklog < MaxEchoBacklog;
    case Listener::Mode::HttpDemo:
        return connection.output.size() < MaxQueuedResponses;
    case Listener::Mode::FixedReply:
    case Listener::Mode::LogOnly:
        return true;
    }
    return true;
}

void ListenerWorker::readFrom(Connection &connection)
{
    readOnce(connection);
    // Decrypted bytes already taken from the socket would never wake poll(): read them now.
    while (connection.tls && !connection.done && connection.tls->hasPending() && wantsRead(connection))
        readOnce(connection);
}

void ListenerWorker::readOnce(Connection &connection)
{
    char *buffer = m_receiveBuffer.data();
    const ReceiveResult received = connection.tls ? connection.tls->read(buffer, ReceiveBufferSize)
                                                  : connection.socket->receive(buffer, ReceiveBufferSize);
    const qint64 n = received.bytes;
    if (received.status == ReceiveResult::Status::WouldBlock)
        return;
    if (received.status == ReceiveResult::Status::Failed) {
        connection.error = received.error;
        connection.done = true;
        return;
    }
    if (received.status == ReceiveResult::Status::Closed) {
        connection.peerClosed = true;
        connection.finishing = true;
        if (connection.draining)
            connection.done = true;
        return;
    }
    m_state.recordIn(connection.id, buffer, n);
    markChanged(connection.id);
    if (connection.draining || connection.finishing || connection.writeShut || connection.shutWritePending)
        return;

    switch (m_settings.mode) {
    case Listener::Mode::Echo:
        connection.output.emplace_back(QByteArray(buffer, n));
        connection.outputBacklog += n;
        break;
    case Listener::Mode::FixedReply:
        if (!connection.replied) {
            connection.replied = true;
            if (!m_settings.fixedReply.isEmpty()) {
                connection.output.emplace_back(m_settings.fixedReply);
                connection.outputBacklog += m_settings.fixedReply.size();
            }
            if (m_settings.closeAfterReply)
                connection.finishing = true;
        }
        break;
    case Listener::Mode::HttpDemo:
        connection.input.append(buffer, n);
        answerHttp(connection);
        break;
    case Listener::Mode::LogOnly:
        break;
    }
}

void ListenerWorker::answerHttp(Connection &connection)
{
    const auto fail = [&](int status, const QByteArray &reason) {
        connection.output.push_back(m_site->errorResponse(status, reason, QDateTime::currentDateTimeUtc()));
        connection.finishing = true;
        connection.input.clear();
    };

    while (!connection.finishing && connection.output.size() < MaxQueuedResponses) {
        if (connection.bodyToSkip > 0) {
            const qint64 skip = qMin<qint64>(connection.bodyToSkip, connection.input.size());
            connection.input.remove(0, skip);
            connection.bodyToSkip -= skip;
            if (connection.bodyToSkip > 0)
                return;
        }
        if (const qsizetype blank = RequestHead::blankPrefixLength(connection.input); blank > 0) {
            connection.input.remove(0, blank);
            connection.searchedUpTo = 0;
        }
        const qsizetype length = RequestHead::headLength(connection.input, connection.searchedUpTo);
        if (length > RequestHead::MaxSize || (length < 0 && connection.input.size() >= RequestHead::MaxSize)) {
            fail(431, "The request head is larger than 64 KiB.");
            return;
        }
        if (length < 0) {
            // The terminator is at most 3 bytes ("\n\r\n"): resume just before the old end.
            connection.searchedUpTo = qMax<qsizetype>(0, connection.input.size() - 3);
            return;
        }
        const RequestHead request = RequestHead::read(QByteArrayView(connection.input).first(length));
        if (const HttpDemoSite::Refusal refusal = HttpDemoSite::refusal(request); refusal.status != 0) {
            fail(refusal.status, refusal.reason);
            return;
        }
        connection.input.remove(0, length);
        connection.searchedUpTo = 0;
        connection.bodyToSkip = request.contentLength;
        ResponseStream response = m_site->respond(request, QDateTime::currentDateTimeUtc());
        if (response.closesConnection) {
            connection.finishing = true;
            connection.input.clear();
        }
        connection.output.push_back(std::move(response));
    }
}

void ListenerWorker::writeTo(Connection &connection)
{
    qint64 budget = SendBudgetPerTurn;
    char *buffer = m_sendBuffer.data();
    while (!connection.output.empty() && budget > 0) {
        const ResponseStream &front = connection.output.front();
        const bool fromSend = front.fromSend;
        const qint64 n = front.read(connection.outputOffset, buffer, SendBufferSize);
        if (n == 0) {
            connection.output.pop_front();
            connection.outputOffset = 0;
            continue;
        }
        const SendResult result = connection.tls ? connection.tls->write(buffer, n) : connection.socket->sendSome(buffer, n);
        if (result.status == SendResult::Status::Failed) {
            connection.error = result.error;
            connection.done = true;
            return;
        }
        if (result.status == SendResult::Status::WouldBlock)
            break;
        const qint64 sent = result.bytes;
        m_state.recordOut(connection.id, buffer, sent, fromSend ? sent : 0);
        markChanged(connection.id);
        connection.outputOffset += sent;
        // The echo's own measure of what it owes: the bytes of send() are counted by the state.
        if (!fromSend)
            connection.outputBacklog = qMax<qint64>(0, connection.outputBacklog - sent);
        budget -= sent;
        if (connection.outputOffset == front.size()) {
            connection.output.pop_front();
            connection.outputOffset = 0;
        }
    }
    // Pipelined requests may be waiting for room in the queue.
    if (m_settings.mode == Listener::Mode::HttpDemo && !connection.finishing && !connection.input.isEmpty())
        answerHttp(connection);
}

void ListenerWorker::settle(Connection &connection)
{
    if (connection.done || !connection.output.empty())
        return;
    if (connection.shutWritePending) {
        connection.shutWritePending = false;
        shutWrite(connection);
    }
    if (!connection.finishing || connection.draining)
        return;
    if (connection.peerClosed) {
        if (connection.tls)
            sendCloseNotify(connection);
        connection.done = true;
        return;
    }
    // Closing with unread bytes would send a reset that can destroy the response in flight: send
    // FIN first (after close_notify, so a TLS client knows the reply is whole), then read until
    // the client closes too.
    shutWrite(connection);
    m_state.shutWriteSide(connection.id, QStringLiteral("shutdown"));
    connection.draining = true;
    connection.drainDeadline.setRemainingTime(DrainMs);
}

void ListenerWorker::sendCloseNotify(Connection &connection)
{
    // This thread serves every client: one whose socket is full gets a short wait for room, not
    // the second an exchange gives, and past it the alert is lost as an abrupt close would lose it.
    constexpr int CloseNotifyWaitMs = 50;
    connection.tls->shutdown(QDeadlineTimer(CloseNotifyWaitMs));
}

void ListenerWorker::shutWrite(Connection &connection)
{
    if (connection.writeShut)
        return;
    connection.writeShut = true;
    // Its row says it is half-closed.
    markChanged(connection.id);
    if (connection.tls)
        sendCloseNotify(connection);
    connection.socket->shutdown(SHUT_WR);
}

void ListenerWorker::runTcpCommands()
{
    for (const ListenerCommand &command : m_commands.takeAll()) {
        const auto found = std::find_if(m_connections.begin(), m_connections.end(), [&](const auto &connection) {
            return connection->id == command.clientId;
        });
        Connection *connection = found == m_connections.end() || (*found)->done ? nullptr : found->get();
        switch (command.kind) {
        case ListenerCommand::Kind::Send:
            if (connection) {
                queueSend(*connection, command);
            } else {
                m_state.releaseSend(command.clientId, command.bytes.size());
                emit callFailed(command.clientId, m_state.clientError(command.clientId, ENOTCONN, QStringLiteral("send")));
            }
            break;
        case ListenerCommand::Kind::ShutdownWrite:
            if (connection) {
                // After the bytes queued before it, as a blocking send() then shutdown() would.
                connection->shutWritePending = true;
                if (!connection->handshaking)
                    settle(*connection);
            } else {
                emit callFailed(command.clientId, m_state.clientError(command.clientId, ENOTCONN, QStringLiteral("shutdown")));
            }
            break;
        case ListenerCommand::Kind::Close:
            if (connection) {
                if (connection->tls)
                    sendCloseNotify(*connection);
                // Erased, and its socket closed, at the end of this turn of the loop.
                connection->done = true;
            } else {
                emit callFailed(command.clientId, m_state.clientError(command.clientId, ENOTCONN, QStringLiteral("close")));
            }
            break;
        }
    }
}

void ListenerWorker::queueSend(Connection &connection, const ListenerCommand &command)
{
    // The mode shut the write side since the bytes were accepted (FixedReply's close after reply).
    if (connection.writeShut || connection.draining) {
        m_state.releaseSend(connection.id, command.bytes.size());
        emit callFailed(connection.id, m_state.clientError(connection.id, ESHUTDOWN, QStringLiteral("send")));
        return;
    }
    ResponseStream stream(command.bytes);
    stream.fromSend = true;
    connection.output.push_back(std::move(stream));
    // Now rather than at the next POLLOUT, so that bytes sent just before a close() leave first;
    // what the socket does not take now waits for POLLOUT.
    if (!connection.handshaking)
        writeTo(connection);
}

void ListenerWorker::serveUdp(Socket &socket)
{
    DatagramBatch batch(DatagramsPerCall, ReceiveBufferSize);
    for (;;) {
        pollfd fds[3] = {{m_cancel.fd(), POLLIN, 0}, {socket.fd(), POLLIN, 0}, {m_commands.fd(), POLLIN, 0}};
        const int rc = ::poll(fds, 3, pollTimeoutMs());
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0) {
            const int err = errno;
            m_state.trace().record(QStringLiteral("poll"), QStringLiteral("[3 fds], -1"), rc, err);
            emit errorOccurred(NetError::fromErrno(err, QStringLiteral("poll")));
            return;
        }
        if (fds[0].revents || m_cancel.isCancelled()) {
            // What arrived before the stop is counted as received, not left unread in the queue
            // (neither received nor dropped); so are the last drops of a flood that just ended.
            for (int call = 0; call < CallsAtStop; ++call) {
                if (socket.receiveDatagrams(batch).isError() || batch.size() == 0)
                    break;
                takeDatagrams(socket, batch);
                if (batch.size() < batch.capacity())
                    break;
            }
            // The kernel's own count, whatever was read: drops after the last datagram read show
            // in no datagram's counter.
            if (m_drops)
                settleDrops(socket);
            flushChanges();
            return;
        }
        if (m_drops && fds[1].revents) {
            m_dropsUnsettled = true;
            m_settleDeadline.setRemainingTime(FlushIntervalMs);
        }
        for (int call = 0; fds[1].revents && call < CallsPerTurn; ++call) {
            if (const NetError error = socket.receiveDatagrams(batch); error.isError()) {
                emit errorOccurred(error);
                break;
            }
            if (batch.size() == 0)
                break;
            takeDatagrams(socket, batch);
            // A batch not filled emptied the queue: asking again would only meet EAGAIN.
            if (batch.size() < batch.capacity())
                break;
        }
        if (fds[2].revents & POLLIN) {
            for (const ListenerCommand &command : m_commands.takeAll()) {
                // Listener refuses shutdown and close for a sender: it has no connection.
                if (command.kind == ListenerCommand::Kind::Send)
                    sendDatagram(socket, command);
            }
        }
        if (m_dropsUnsettled && !fds[1].revents && m_settleDeadline.hasExpired())
            settleDrops(socket);
        flushChanges();
    }
}

void ListenerWorker::takeDatagrams(Socket &socket, const DatagramBatch &batch)
{
    if (m_drops) {
        qint64 dropped = 0;
        for (int i = 0; i < batch.size(); ++i)
            dropped += m_drops->observe(batch.result(i).dropCounter);
        if (dropped > 0)
            m_state.addKernelDrops(dropped);
    }
    for (const quint64 id : m_state.recordDatagrams(batch, &m_batchClients))
        emit clientConnected(id);
    quint64 marked = 0;
    for (int i = 0; i < batch.size(); ++i) {
        const quint64 id = m_batchClients[size_t(i)];
        if (id != marked) {
            markChanged(id);
            marked = id;
        }
        const ReceiveResult &received = batch.result(i);
        if (m_settings.mode == Listener::Mode::Echo)
            replyTo(socket, id, received.from, batch.data(i), received.bytes);
        else if (m_settings.mode == Listener::Mode::FixedReply)
            replyTo(socket, id, received.from, m_settings.fixedReply.constData(), m_settings.fixedReply.size());
    }
    // After markChanged(), which starts the flush interval when nothing was pending.
    m_datagramsArrived = true;
}

void ListenerWorker::countDrops(Socket &socket)
{
    // The kernel counts from the socket's creation: asking after bind() misses nothing.
    if (socket.countDrops().isError())
        return;
    int receiveBuffer = 0;
    socket.option(SOL_SOCKET, SO_RCVBUF, &receiveBuffer, "SO_RCVBUF");
    m_state.startCountingDrops(receiveBuffer);
    m_drops.emplace();
}

void ListenerWorker::settleDrops(Socket &socket)
{
    m_dropsUnsettled = false;
    if (const qint64 dropped = m_drops->settle(socket); dropped > 0) {
        m_state.addKernelDrops(dropped);
        // The panel's count moves with the datagrams' signal.
        m_datagramsArrived = true;
    }
}

// Closing the socket would leave them too; leaving each one by name puts it in the trace.
void ListenerWorker::leaveGroups(Socket &socket)
{
    for (const MulticastGroup &group : std::exchange(m_joined, {})) {
        if (NetError error = Multicast::leave(socket, group); error.isError())
            emit errorOccurred(error);
    }
}

void ListenerWorker::replyTo(Socket &socket, quint64 id, const SocketAddress &to, const char *data, qint64 len)
{
    qint64 sent = 0;
    const NetError error = socket.sendTo(data, len, to, &sent);
    if (!error.isError()) {
        m_state.recordOut(id, data, sent);
        return;
    }
    // A full send buffer drops the reply, as the network would; anything else is worth telling.
    if (error.systemCode != EAGAIN && error.systemCode != EWOULDBLOCK)
        emit errorOccurred(error);
}

void ListenerWorker::sendDatagram(Socket &socket, const ListenerCommand &command)
{
    const quint64 id = command.clientId;
    const qint64 size = command.bytes.size();
    const std::optional<Listener::Client> client = m_state.client(id);
    if (!client || !client->open) {
        m_state.releaseSend(id, size);
        emit callFailed(id, m_state.clientError(id, ENOTCONN, QStringLiteral("sendto")));
        return;
    }
    qint64 sent = 0;
    const NetError error = socket.sendTo(command.bytes.constData(), size, client->peer, &sent);
    if (error.isError()) {
        // A full send buffer included: the person asked for this datagram, and is told it did not go.
        m_state.releaseSend(id, size);
        emit callFailed(id, error);
        return;
    }
    m_state.recordOut(id, command.bytes.constData(), sent, size);
    markChanged(id);
}

void ListenerWorker::markChanged(quint64 id)
{
    if (m_changed.isEmpty() && !m_datagramsArrived)
        m_flushDeadline.setRemainingTime(FlushIntervalMs);
    m_changed.insert(id);
}

void ListenerWorker::flushChanges()
{
    if ((m_changed.isEmpty() && !m_datagramsArrived) || !m_flushDeadline.hasExpired())
        return;
    const QSet<quint64> changed = std::exchange(m_changed, {});
    for (const quint64 id : changed)
        emit clientChanged(id);
    if (std::exchange(m_datagramsArrived, false))
        emit datagramsReceived();
}

int ListenerWorker::pollTimeoutMs() const
{
    QDeadlineTimer next(QDeadlineTimer::Forever);
    if (!m_changed.isEmpty() || m_datagramsArrived)
        next = m_flushDeadline;
    if (m_dropsUnsettled && m_settleDeadline < next)
        next = m_settleDeadline;
    if (!m_acceptBackoff.isAccepting() && m_acceptBackoff.resumeAt() < next)
        next = m_acceptBackoff.resumeAt();
    for (const auto &connection : m_connections) {
        if (connection->draining && connection->drainDeadline < next)
            next = connection->drainDeadline;
        if (connection->handshaking && connection->handshakeDeadline < next)
            next = connection->handshakeDeadline;
    }
    if (next.isForever())
        return -1;
    // Rounded up, so the loop never wakes a hair early and spins once more.
    return int((next.remainingTimeNSecs() + 999999) / 1000000);
}

} // namespace SocketLab
