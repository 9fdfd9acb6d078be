#include "udprelay.h"

#include "relaystate.h"

#include "conversation/conversationrecord.h"
#include "net/canceltoken.h"
#include "net/socket.h"
#include "net/trace.h"

#include <algorithm>
#include <cerrno>

#include <poll.h>

namespace SocketLab {

namespace {

// The largest UDP payload over IPv4 and IPv6 without jumbograms: a datagram is never cut by the relay.
constexpr qint64 DatagramRoom = 65536;
// How many datagrams one wake-up takes from one socket before looking at the others.
constexpr int ReadsPerWake = 64;
// While datagrams wait on a paused or shaped direction, the loop looks at the shaping this often.
constexpr int ShapingTickMs = 100;
// Datagrams held per client and direction, whatever their sizes.
constexpr qint64 MaxHeldDatagrams = 4096;
// Client addresses refused for want of a slot, remembered so that each is one row, not one a datagram.
constexpr size_t MaxRefusedAddresses = 4096;

} // namespace

UdpRelay::UdpRelay(RelayState &state, const RelaySettings &settings, const CancelToken &cancel, const RelayTap &tap,
                   Socket &listening, const AddrInfoRow &target)
    : m_state(state)
    , m_settings(settings)
    , m_cancel(cancel)
    , m_tap(tap)
    , m_listening(listening)
    , m_target(target)
    , m_buffer(size_t(DatagramRoom))
{
    m_clock.start();
}

UdpRelay::~UdpRelay() = default;

qint64 UdpRelay::nowUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

NetError UdpRelay::run()
{
    NetError failure;
    while (!m_cancel.isCancelled()) {
        std::vector<pollfd> fds;
        std::vector<Client *> owners;
        fds.push_back({m_cancel.fd(), POLLIN, 0});
        fds.push_back({m_listening.fd(), POLLIN, 0});
        for (auto &[key, client] : m_clients) {
            fds.push_back({client->socket->fd(), POLLIN, 0});
            owners.push_back(client.get());
        }
        const int rc = ::poll(fds.data(), nfds_t(fds.size()), pollTimeoutMs());
        if (rc < 0 && errno != EINTR) {
            failure = NetError::fromErrno(errno, QStringLiteral("poll"));
            break;
        }
        if (m_cancel.isCancelled())
            break;
        if (fds[1].revents)
            readClients();
        for (size_t i = 0; i < owners.size(); ++i) {
            if (fds[i + 2].revents)
                readTarget(*owners[i]);
        }
        for (auto &[key, client] : m_clients) {
            release(*client, RelayDirection::ToTarget);
            release(*client, RelayDirection::ToClient);
        }
        closeIdle();
    }
    while (!m_clients.empty())
        close(*m_clients.begin()->second, {});
    return failure;
}

void UdpRelay::readClients()
{
    for (int i = 0; i < ReadsPerWake; ++i) {
        const ReceiveResult r = m_listening.receiveDatagram(m_buffer.data(), qint64(m_buffer.size()));
        if (r.status != ReceiveResult::Status::Data)
            return;  // nothing more queued; an ICMP error on the listening socket concerns no client
        Client *client = clientFor(r.from);
        if (!client)
            continue;
        client->fromClient += r.datagramSize;
        ++client->datagramsFromClient;
        client->lastActivityUs = nowUs();
        hold(*client, RelayDirection::ToTarget, m_buffer.data(), r.bytes);
        record(*client, ConversationEvent::Kind::Sent, m_buffer.data(), r.bytes, r.datagramSize > r.bytes);
        updateRow(*client);
    }
}

void UdpRelay::readTarget(Client &client)
{
    for (int i = 0; i < ReadsPerWake; ++i) {
        const ReceiveResult r = client.socket->receiveDatagram(m_buffer.data(), qint64(m_buffer.size()));
        if (r.status == ReceiveResult::Status::WouldBlock)
            return;
        if (r.status == ReceiveResult::Status::Failed) {
            // ECONNREFUSED: the target's port is closed (ICMP port unreachable). The client cannot
            // be told over UDP; the error is recorded and the relay keeps its socket for the next try.
            ConversationEvent event;
            event.kind = ConversationEvent::Kind::Failed;
            event.timeUs = client.trace->elapsedUs();
            event.error = r.error;
            event.error.detail = m_target.address.toString();
            client.record->add(event);
            if (m_tap)
                m_tap({client.id, client.address, m_target.address, event, nullptr, client.toTargetBytes, client.toClientBytes});
            m_state.update(client.id, [&r](Relay::Connection &row) { row.error = r.error; });
            return;
        }
        client.fromTarget += r.datagramSize;
        ++client.datagramsFromTarget;
        client.lastActivityUs = nowUs();
        hold(client, RelayDirection::ToClient, m_buffer.data(), r.bytes);
        record(client, ConversationEvent::Kind::Received, m_buffer.data(), r.bytes, r.datagramSize > r.bytes);
        updateRow(client);
    }
}

UdpRelay::Client *UdpRelay::clientFor(const SocketAddress &address)
{
    const QString key = address.toString();
    if (const auto it = m_clients.find(key); it != m_clients.end())
        return it->second.get();
    if (qsizetype(m_clients.size()) >= m_settings.maxConnections) {
        if (m_refused.size() >= MaxRefusedAddresses)
            m_refused.clear();
        if (m_refused.insert(key).second)
            m_state.addConnection(address, true);
        return nullptr;
    }
    auto client = std::make_unique<Client>();
    client->id = m_state.addConnection(address, false);
    client->address = address;
    client->record = m_state.record(client->id);
    client->trace = m_state.trace(client->id);
    client->socket = std::make_unique<Socket>(*client->trace, &m_cancel);
    client->lastActivityUs = nowUs();
    // A connected socket: the target's answers come to it alone, and an ICMP port unreachable is
    // reported (ECONNREFUSED) rather than lost.
    NetError error = client->socket->open(m_target.family, SocketKind::Datagram, 0);
    if (!error.isError())
        error = client->socket->connect(m_target.address, QDeadlineTimer(0));
    ConversationEvent event;
    event.timeUs = client->trace->elapsedUs();  // each client's clock starts at its first datagram
    event.peer = m_target.address;
    if (error.isError()) {
        event.kind = ConversationEvent::Kind::Failed;
        event.error = error;
        client->record->add(event);
        if (m_tap)
            m_tap({client->id, address, m_target.address, event, nullptr});
        m_state.close(client->id, error);
        return nullptr;
    }
    event.kind = ConversationEvent::Kind::Connected;
    client->record->add(event);
    m_state.update(client->id, [this](Relay::Connection &row) {
        row.state = Relay::Connection::State::Open;
        row.target = m_target.address;
    });
    if (m_tap)
        m_tap({client->id, address, m_target.address, event, nullptr});
    return m_clients.emplace(key, std::move(client)).first->second.get();
}

void UdpRelay::hold(Client &client, RelayDirection direction, const char *data, qint64 len)
{
    Queue &queue = direction == RelayDirection::ToTarget ? client.toTarget : client.toClient;
    const RelayShaping shaping = m_state.shaping(direction);
    // Each held datagram costs more than its bytes: empty ones must not queue without end.
    if (queue.bytes + len > m_settings.maxQueuedBytes || qint64(queue.held.size()) >= MaxHeldDatagrams) {
        // A full queue drops the datagram, as a full router would; its arrival is recorded.
        ++client.dropped;
        return;
    }
    queue.held.push_back({QByteArray(data, len), nowUs() + qint64(shaping.delayMs) * 1000});
    queue.bytes += len;
}

void UdpRelay::release(Client &client, RelayDirection direction)
{
    Queue &queue = direction == RelayDirection::ToTarget ? client.toTarget : client.toClient;
    const RelayShaping shaping = m_state.shaping(direction);
    while (!queue.held.empty() && !shaping.paused) {
        const Held &next = queue.held.front();
        const qint64 now = nowUs();
        if (next.releaseUs > now)
            break;
        if (shaping.bytesPerSecond > 0 && queue.rate.available(now, shaping.bytesPerSecond) <= 0)
            break;
        qint64 sent = 0;
        const NetError error = direction == RelayDirection::ToTarget
            ? client.socket->sendTo(next.bytes.constData(), next.bytes.size(), SocketAddress(), &sent)
            : m_listening.sendTo(next.bytes.constData(), next.bytes.size(), client.address, &sent);
        if (!error.isError()) {
            (direction == RelayDirection::ToTarget ? client.toTargetBytes : client.toClientBytes) += next.bytes.size();
            m_state.addForwarded(direction, next.bytes.size(), true);
        } else {
            ++client.dropped;
        }
        if (shaping.bytesPerSecond > 0)
            queue.rate.spend(next.bytes.size());
        queue.bytes -= next.bytes.size();
        queue.held.pop_front();
    }
    updateRow(client);
}

void UdpRelay::closeIdle()
{
    if (m_settings.udpIdleTimeoutMs <= 0)
        return;
    const qint64 limit = nowUs() - qint64(m_settings.udpIdleTimeoutMs) * 1000;
    std::vector<Client *> idle;
    for (auto &[key, client] : m_clients) {
        if (client->lastActivityUs < limit && client->toTarget.held.empty() && client->toClient.held.empty())
            idle.push_back(client.get());
    }
    for (Client *client : idle)
        close(*client, {});
}

void UdpRelay::close(Client &client, const NetError &error)
{
    client.socket->close();
    ConversationEvent event;
    event.kind = ConversationEvent::Kind::Closed;
    event.timeUs = client.trace->elapsedUs();
    client.record->add(event);
    if (m_tap)
        m_tap({client.id, client.address, m_target.address, event, nullptr, client.toTargetBytes, client.toClientBytes});
    updateRow(client);
    m_state.close(client.id, error);
    m_clients.erase(client.address.toString());
    // A slot is free: the addresses refused before may have it now.
    m_refused.clear();
}

void UdpRelay::record(Client &client, ConversationEvent::Kind kind, const char *data, qint64 size, bool truncated)
{
    ConversationEvent event;
    event.kind = kind;
    event.timeUs = client.trace->elapsedUs();
    event.offset = kind == ConversationEvent::Kind::Sent ? client.record->sentBytes() : client.record->receivedBytes();
    event.size = size;
    event.peer = kind == ConversationEvent::Kind::Sent ? client.address : m_target.address;
    event.truncated = truncated;
    ByteStore &store = kind == ConversationEvent::Kind::Sent ? client.record->sentStore() : client.record->receivedStore();
    client.keeping = client.keeping
                     && m_state.grant(client.id, size + qint64(sizeof(ConversationEvent)), client.record->keeps(store, size));
    if (client.keeping)
        store.append(data, size, event.timeUs);
    client.record->addData(event, client.keeping);
    if (m_tap) {
        const bool sent = kind == ConversationEvent::Kind::Sent;
        const RelayDirection direction = sent ? RelayDirection::ToTarget : RelayDirection::ToClient;
        const qint64 held = m_state.shaping(direction).isOff() ? 0 : (sent ? client.toTarget : client.toClient).bytes;
        m_tap({client.id, client.address, m_target.address, event, data, client.toTargetBytes, client.toClientBytes, held});
    }
}

void UdpRelay::updateRow(const Client &client)
{
    m_state.update(client.id, [&client](Relay::Connection &row) {
        row.fromClient = client.fromClient;
        row.toTarget = client.toTargetBytes;
        row.fromTarget = client.fromTarget;
        row.toClient = client.toClientBytes;
        row.queuedToTarget = client.toTarget.bytes;
        row.queuedToClient = client.toClient.bytes;
        row.datagramsFromClient = client.datagramsFromClient;
        row.datagramsFromTarget = client.datagramsFromTarget;
        row.datagramsDropped = client.dropped;
    });
}

int UdpRelay::pollTimeoutMs() const
{
    qint64 waitUs = -1;
    const auto consider = [&waitUs](qint64 w) { waitUs = waitUs < 0 ? w : std::min(waitUs, w); };
    const qint64 now = nowUs();
    for (const auto &[key, client] : m_clients) {
        for (const RelayDirection direction : {RelayDirection::ToTarget, RelayDirection::ToClient}) {
            const Queue &queue = direction == RelayDirection::ToTarget ? client->toTarget : client->toClient;
            if (queue.held.empty())
                continue;
            const RelayShaping shaping = m_state.shaping(direction);
            consider(ShapingTickMs * 1000);
            if (!shaping.paused) {
                consider(std::max<qint64>(0, queue.held.front().releaseUs - now));
                if (shaping.bytesPerSecond > 0)
                    consider(queue.rate.waitUs(now, shaping.bytesPerSecond, 1));
            }
        }
        if (m_settings.udpIdleTimeoutMs > 0 && client->toTarget.held.empty() && client->toClient.held.empty())
            consider(std::max<qint64>(0, client->lastActivityUs + qint64(m_settings.udpIdleTimeoutMs) * 1000 - now));
    }
    return waitUs < 0 ? -1 : int((waitUs + 999) / 1000);
}

} // namespace SocketLab
