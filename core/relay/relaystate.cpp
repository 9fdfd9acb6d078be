#include "relaystate.h"

#include "conversation/conversationrecord.h"
#include "net/trace.h"

namespace SocketLab {

namespace {

// Events kept for the display per connection; past them a connection's events are counted only.
constexpr qsizetype MaxKeptEvents = 200000;

} // namespace

void RelayState::setNotifier(std::function<void()> notifier)
{
    std::lock_guard lock(m_mutex);
    m_notifier = std::move(notifier);
}

void RelayState::startRun(const RelaySettings &settings)
{
    std::lock_guard lock(m_mutex);
    m_toTarget = settings.toTarget;
    m_toClient = settings.toClient;
    m_budget = settings.captureBudget;
    m_maxKeptBytes = settings.captureBudget;
    m_maxClosed = settings.maxClosedConnections;
}

quint64 RelayState::addConnection(const SocketAddress &client, bool refused)
{
    std::lock_guard lock(m_mutex);
    const quint64 id = m_nextId++;
    Entry entry;
    entry.row.id = id;
    entry.row.client = client;
    entry.row.openedAt = QDateTime::currentDateTimeUtc();
    entry.row.refused = refused;
    entry.record = std::make_shared<ConversationRecord>(std::max<qint64>(m_maxKeptBytes, 0), MaxKeptEvents);
    entry.trace = std::make_shared<Trace>();
    entry.trace->setFoldsAlternatingCalls(true);
    ++m_totals.connections;
    if (refused) {
        ++m_totals.refused;
        entry.row.state = Relay::Connection::State::Closed;
        entry.row.closedAt = entry.row.openedAt;
        entry.record->markOver();
        m_closedOrder.push_back(id);
    } else {
        ++m_totals.open;
    }
    m_entries.emplace(id, std::move(entry));
    noteLocked(refused ? News::Kind::Refused : News::Kind::Opened, id);
    forgetOldLocked();
    return id;
}

std::shared_ptr<ConversationRecord> RelayState::record(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.record;
}

std::shared_ptr<Trace> RelayState::trace(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : it->second.trace;
}

bool RelayState::update(quint64 id, const std::function<void(Relay::Connection &)> &change)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return false;
    change(it->second.row);
    markChangedLocked(id);
    return true;
}

void RelayState::addForwarded(RelayDirection direction, qint64 bytes, bool datagram)
{
    std::lock_guard lock(m_mutex);
    if (direction == RelayDirection::ToTarget) {
        m_totals.toTarget += bytes;
        m_totals.datagramsToTarget += datagram ? 1 : 0;
    } else {
        m_totals.toClient += bytes;
        m_totals.datagramsToClient += datagram ? 1 : 0;
    }
}

void RelayState::close(quint64 id, const NetError &error)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || it->second.row.state == Relay::Connection::State::Closed)
        return;
    Relay::Connection &row = it->second.row;
    row.state = Relay::Connection::State::Closed;
    row.closedAt = QDateTime::currentDateTimeUtc();
    // A UDP client's socket closes without an error of its own after an ICMP error was recorded.
    if (error.isError())
        row.error = error;
    --m_totals.open;
    if (row.error.isError())
        ++m_totals.failed;
    it->second.record->markOver();
    m_closedOrder.push_back(id);
    noteLocked(News::Kind::Closed, id);
    forgetOldLocked();
}

bool RelayState::grant(quint64 id, qint64 n, bool recordHasRoom)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || it->second.row.bytesDropped)
        return false;
    if (!recordHasRoom || m_budgetUsed + n > m_budget) {
        // What is kept of a connection stays the first bytes of each direction: once one is let
        // go, none after it is kept.
        it->second.row.bytesDropped = true;
        markChangedLocked(id);
        return false;
    }
    m_budgetUsed += n;
    it->second.kept += n;
    return true;
}

RelayShaping RelayState::shaping(RelayDirection direction) const
{
    std::lock_guard lock(m_mutex);
    return direction == RelayDirection::ToTarget ? m_toTarget : m_toClient;
}

void RelayState::setShaping(RelayDirection direction, const RelayShaping &shaping)
{
    std::lock_guard lock(m_mutex);
    (direction == RelayDirection::ToTarget ? m_toTarget : m_toClient) = shaping;
}

RelayState::News RelayState::takeNews()
{
    std::lock_guard lock(m_mutex);
    News news = std::move(m_news);
    m_news = {};
    news.changed.assign(m_changed.begin(), m_changed.end());
    m_changed.clear();
    return news;
}

QList<Relay::Connection> RelayState::connections() const
{
    std::lock_guard lock(m_mutex);
    QList<Relay::Connection> rows;
    rows.reserve(qsizetype(m_entries.size()));
    for (const auto &[id, entry] : m_entries)
        rows.append(entry.row);
    return rows;
}

std::optional<Relay::Connection> RelayState::connection(quint64 id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second.row;
}

Relay::Totals RelayState::totals() const
{
    std::lock_guard lock(m_mutex);
    return m_totals;
}

void RelayState::noteLocked(News::Kind kind, quint64 id)
{
    const bool first = m_news.events.empty() && m_changed.empty();
    m_news.events.emplace_back(kind, id);
    if (first && m_notifier)
        m_notifier();
}

void RelayState::markChangedLocked(quint64 id)
{
    const bool first = m_news.events.empty() && m_changed.empty();
    m_changed.insert(id);
    if (first && m_notifier)
        m_notifier();
}

void RelayState::forgetOldLocked()
{
    while (m_closedOrder.size() - m_closedForgotten > size_t(std::max(m_maxClosed, 0))) {
        const quint64 id = m_closedOrder[m_closedForgotten++];
        if (const auto it = m_entries.find(id); it != m_entries.end()) {
            m_budgetUsed -= it->second.kept;
            m_entries.erase(it);
        }
        m_changed.erase(id);
    }
    // The forgotten ids' slots are reclaimed now and then, not at each one.
    if (m_closedForgotten > 1024 && m_closedForgotten * 2 > m_closedOrder.size()) {
        m_closedOrder.erase(m_closedOrder.begin(), m_closedOrder.begin() + qsizetype(m_closedForgotten));
        m_closedForgotten = 0;
    }
}

} // namespace SocketLab
