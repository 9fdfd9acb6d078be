#include "listenerstate.h"

#include "bytes/bytestore.h"
#include "net/socket.h"

#include <algorithm>
#include <cerrno>

namespace SocketLab {

namespace {

QByteArray addressKey(const SocketAddress &address)
{
    return QByteArray(reinterpret_cast<const char *>(address.data()), address.size());
}

} // namespace

void ListenerState::configure(qint64 captureBudget, int maxClosedClients, int maxDatagrams)
{
    std::lock_guard lock(m_mutex);
    m_budget.setLimit(captureBudget);
    m_maxClosedClients = qMax(0, maxClosedClients);
    m_maxDatagrams = qMax(0, maxDatagrams);
    // The ring in order, the newest kept.
    std::rotate(m_datagrams.begin(), m_datagrams.begin() + qsizetype(m_oldestDatagram), m_datagrams.end());
    m_oldestDatagram = 0;
    if (m_datagrams.size() > size_t(m_maxDatagrams))
        m_datagrams.erase(m_datagrams.begin(), m_datagrams.end() - m_maxDatagrams);
}

void ListenerState::setSocketOptions(const QList<SocketOptionOutcome> &outcomes)
{
    std::lock_guard lock(m_mutex);
    m_socketOptions = outcomes;
}

QList<SocketOptionOutcome> ListenerState::socketOptions() const
{
    std::lock_guard lock(m_mutex);
    return m_socketOptions;
}

quint64 ListenerState::openClient(const SocketAddress &peer)
{
    std::lock_guard lock(m_mutex);
    ++m_totals.open;
    return addClient(peer);
}

quint64 ListenerState::refuseClient(const SocketAddress &peer)
{
    std::lock_guard lock(m_mutex);
    const quint64 id = addClient(peer);
    Listener::Client &info = m_clients[id].info;
    info.open = false;
    info.refused = true;
    info.closedAt = info.connectedAt;
    ++m_totals.refused;
    m_closedOrder.push_back(id);
    pruneClosed();
    return id;
}

quint64 ListenerState::addClient(const SocketAddress &peer)
{
    ++m_totals.clients;
    const quint64 id = m_nextId++;
    Record &record = m_clients[id];
    record.info.id = id;
    record.info.peer = peer;
    record.info.connectedAt = QDateTime::currentDateTimeUtc();
    record.in = std::make_shared<ByteStore>();
    record.out = std::make_shared<ByteStore>();
    return id;
}

quint64 ListenerState::udpPeerLocked(const SocketAddress &sender, bool *created)
{
    const QByteArray key = addressKey(sender);
    const auto found = m_udpPeers.constFind(key);
    *created = found == m_udpPeers.cend();
    if (!*created)
        return *found;
    ++m_totals.open;
    const quint64 id = addClient(sender);
    Record &record = m_clients[id];
    // Its first datagram is its last until another comes: never a sender without a time.
    record.info.lastDatagramAt = record.info.connectedAt;
    record.udp = true;
    m_udpPeers.insert(key, id);
    m_udpPeerOrder.push_back(id);
    // UDP peers stay open while the listener runs, so they count against the closed clients' cap.
    while (m_udpPeerOrder.size() > size_t(qMax(1, m_maxClosedClients))) {
        const quint64 oldest = m_udpPeerOrder.front();
        m_udpPeerOrder.pop_front();
        forget(oldest);
    }
    return id;
}

qint64 ListenerState::capture(Record &record, Direction direction, const char *data, qint64 n, qint64 timeUs)
{
    const CaptureBudget::Grant grant = m_budget.request(record.info.id, n);
    for (const quint64 id : grant.dropped)
        dropBytes(id);
    record.info.bytesDropped = m_budget.hasDropped(record.info.id);
    // An empty datagram costs nothing and is still a segment, unless the client keeps nothing more.
    if (grant.keep <= 0 && (n > 0 || record.info.bytesDropped))
        return -1;
    ByteStore &store = direction == Direction::In ? *record.in : *record.out;
    const qint64 offset = store.size();
    store.append(data, grant.keep, timeUs);
    (direction == Direction::In ? record.info.keptIn : record.info.keptOut) = store.size();
    return offset;
}

void ListenerState::dropBytes(quint64 id)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    // New stores rather than clear(): a view reading the old ones keeps them until it lets go.
    Record &record = it->second;
    record.in = std::make_shared<ByteStore>();
    record.out = std::make_shared<ByteStore>();
    record.info.keptIn = 0;
    record.info.keptOut = 0;
    record.info.bytesDropped = true;
    for (Listener::Datagram &datagram : m_datagrams) {
        if (datagram.clientId == id) {
            datagram.offset = -1;
            datagram.keptSize = 0;
        }
    }
}

void ListenerState::recordIn(quint64 id, const char *data, qint64 n)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    it->second.info.bytesIn += n;
    m_totals.bytesIn += n;
    capture(it->second, Direction::In, data, n, m_trace.elapsedUs());
}

void ListenerState::recordOut(quint64 id, const char *data, qint64 n, qint64 released)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    it->second.info.bytesOut += n;
    it->second.info.queuedOut = qMax<qint64>(0, it->second.info.queuedOut - released);
    m_totals.bytesOut += n;
    capture(it->second, Direction::Out, data, n, m_trace.elapsedUs());
}

std::vector<quint64> ListenerState::recordDatagrams(const DatagramBatch &batch, std::vector<quint64> *clientOf)
{
    std::vector<quint64> created;
    clientOf->resize(size_t(batch.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowUs = m_trace.elapsedUs();
    std::lock_guard lock(m_mutex);
    const SocketAddress *lastSender = nullptr;
    quint64 lastId = 0;
    for (int i = 0; i < batch.size(); ++i) {
        const ReceiveResult &received = batch.result(i);
        // A flood comes mostly from one sender: its client is looked up once a batch. The one kept
        // is always the client just looked up or made, which nothing has forgotten since.
        quint64 id = lastId;
        if (!lastSender || !(received.from == *lastSender)) {
            bool isNew = false;
            id = udpPeerLocked(received.from, &isNew);
            if (isNew)
                created.push_back(id);
            lastSender = &received.from;
            lastId = id;
        }
        (*clientOf)[size_t(i)] = id;

        ++m_totals.datagrams;
        qint64 offset = -1;
        qint64 keptSize = 0;
        const auto it = m_clients.find(id);
        if (it != m_clients.end()) {
            it->second.info.bytesIn += received.datagramSize;
            m_totals.bytesIn += received.datagramSize;
            it->second.info.lastDatagramAt = now;
            offset = capture(it->second, Direction::In, batch.data(i), received.bytes, nowUs);
            if (offset >= 0)
                keptSize = it->second.in->size() - offset;
        }
        const qint64 index = m_nextDatagram++;
        if (m_maxDatagrams == 0)
            continue;
        // Every field set: the slot may hold the record it replaces.
        Listener::Datagram &datagram = nextDatagramSlot();
        datagram.index = index;
        datagram.clientId = id;
        datagram.sender = received.from;
        datagram.destination = received.destination.value_or(SocketAddress());
        datagram.size = received.datagramSize;
        datagram.offset = offset;
        datagram.keptSize = keptSize;
        datagram.truncated = received.datagramSize > received.bytes;
        datagram.receivedAt = now;
    }
    return created;
}

Listener::Datagram &ListenerState::nextDatagramSlot()
{
    if (m_datagrams.size() < size_t(m_maxDatagrams))
        return m_datagrams.emplace_back();
    Listener::Datagram &oldest = m_datagrams[m_oldestDatagram];
    m_oldestDatagram = (m_oldestDatagram + 1) % m_datagrams.size();
    return oldest;
}

NetError ListenerState::clientError(quint64 id, int err, const QString &call) const
{
    std::lock_guard lock(m_mutex);
    return clientErrorLocked(id, err, call);
}

NetError ListenerState::clientErrorLocked(quint64 id, int err, const QString &call) const
{
    const auto it = m_clients.find(id);
    return NetError::fromErrno(err, call, it == m_clients.end() ? QString() : it->second.info.peer.toString());
}

NetError ListenerState::reserveSend(quint64 id, qint64 n, qint64 cap)
{
    const QString call = QStringLiteral("send");
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    if (it == m_clients.end() || !it->second.info.open)
        return clientErrorLocked(id, ENOTCONN, call);
    Listener::Client &info = it->second.info;
    if (info.writeShut)
        return clientErrorLocked(id, ESHUTDOWN, call);
    if (info.queuedOut + n > cap)
        return clientErrorLocked(id, ENOBUFS, call);
    info.queuedOut += n;
    return {};
}

void ListenerState::releaseSend(quint64 id, qint64 n)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_clients.find(id); it != m_clients.end())
        it->second.info.queuedOut = qMax<qint64>(0, it->second.info.queuedOut - n);
}

NetError ListenerState::shutWriteSide(quint64 id, const QString &call)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    if (it == m_clients.end() || !it->second.info.open)
        return clientErrorLocked(id, ENOTCONN, call);
    if (it->second.udp)
        return clientErrorLocked(id, EOPNOTSUPP, call);
    it->second.info.writeShut = true;
    return {};
}

void ListenerState::closeClient(quint64 id, const NetError &error)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    if (it == m_clients.end() || !it->second.info.open)
        return;
    it->second.info.open = false;
    it->second.info.queuedOut = 0;
    --m_totals.open;
    it->second.info.closedAt = QDateTime::currentDateTimeUtc();
    it->second.info.error = error;
    m_closedOrder.push_back(id);
    pruneClosed();
}

void ListenerState::closeAll()
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto &[id, record] : m_clients) {
        if (!record.info.open)
            continue;
        record.info.open = false;
        record.info.queuedOut = 0;
        --m_totals.open;
        record.info.closedAt = now;
        m_closedOrder.push_back(id);
    }
    m_udpPeers.clear();
    m_udpPeerOrder.clear();
    pruneClosed();
}

void ListenerState::forget(quint64 id)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    const QByteArray key = addressKey(it->second.info.peer);
    if (m_udpPeers.value(key) == id)
        m_udpPeers.remove(key);
    if (it->second.info.open)
        --m_totals.open;
    m_budget.forget(id);
    m_clients.erase(it);
}

void ListenerState::pruneClosed()
{
    while (m_closedOrder.size() > size_t(m_maxClosedClients)) {
        forget(m_closedOrder.front());
        m_closedOrder.pop_front();
    }
}

QList<Listener::Client> ListenerState::clients() const
{
    std::lock_guard lock(m_mutex);
    QList<Listener::Client> list;
    list.reserve(qsizetype(m_clients.size()));
    for (const auto &[id, record] : m_clients)
        list.append(record.info);
    return list;
}

void ListenerState::setCertificateSha256(const QByteArray &sha256)
{
    std::lock_guard lock(m_mutex);
    m_certificateSha256 = sha256;
}

QByteArray ListenerState::certificateSha256() const
{
    std::lock_guard lock(m_mutex);
    return m_certificateSha256;
}

void ListenerState::startCountingDrops(qint64 receiveBuffer)
{
    std::lock_guard lock(m_mutex);
    m_totals.kernelDrops = m_totals.kernelDrops.value_or(0);
    m_totals.receiveBufferBytes = receiveBuffer;
}

void ListenerState::addKernelDrops(qint64 n)
{
    std::lock_guard lock(m_mutex);
    m_totals.kernelDrops = m_totals.kernelDrops.value_or(0) + n;
}

Listener::Totals ListenerState::totals() const
{
    std::lock_guard lock(m_mutex);
    return m_totals;
}

std::optional<Listener::Client> ListenerState::client(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return std::nullopt;
    return it->second.info;
}

std::shared_ptr<const ByteStore> ListenerState::received(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    return it == m_clients.end() ? nullptr : it->second.in;
}

std::shared_ptr<const ByteStore> ListenerState::sent(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clients.find(id);
    return it == m_clients.end() ? nullptr : it->second.out;
}

QList<Listener::Datagram> ListenerState::datagrams() const
{
    return datagramsFrom(0);
}

QList<Listener::Datagram> ListenerState::datagramsFrom(qint64 from) const
{
    std::lock_guard lock(m_mutex);
    QList<Listener::Datagram> list;
    if (m_datagrams.empty())
        return list;
    const size_t count = m_datagrams.size();
    const size_t skip = size_t(qBound<qint64>(0, from - m_datagrams[m_oldestDatagram].index, qint64(count)));
    list.reserve(qsizetype(count - skip));
    for (size_t i = skip; i < count; ++i)
        list.append(m_datagrams[(m_oldestDatagram + i) % count]);
    return list;
}

} // namespace SocketLab
