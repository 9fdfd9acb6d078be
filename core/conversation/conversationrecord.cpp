#include "conversationrecord.h"

namespace SocketLab {

ConversationRecord::ConversationRecord(qint64 maxKeptBytes, qsizetype maxKeptEvents)
    : m_maxKeptBytes(maxKeptBytes)
    , m_maxKeptEvents(maxKeptEvents)
{
}

QList<ConversationEvent> ConversationRecord::events(qsizetype from) const
{
    std::lock_guard lock(m_mutex);
    return m_events.mid(from);
}

qsizetype ConversationRecord::keptEventCount() const
{
    std::lock_guard lock(m_mutex);
    return m_events.size();
}

ConversationSetup ConversationRecord::setup() const
{
    std::lock_guard lock(m_mutex);
    return m_setup;
}

bool ConversationRecord::keeps(const ByteStore &store, qint64 bytes) const
{
    if (store.size() + bytes > m_maxKeptBytes)
        return false;
    std::lock_guard lock(m_mutex);
    return m_events.size() < m_maxKeptEvents;
}

void ConversationRecord::addData(const ConversationEvent &event, bool kept)
{
    const bool sent = event.kind == ConversationEvent::Kind::Sent;
    std::atomic<qint64> &total = sent ? m_sentBytes : m_receivedBytes;
    std::atomic<qint64> &messages = sent ? m_sentMessages : m_receivedMessages;
    if (kept) {
        std::lock_guard lock(m_mutex);
        m_events.append(event);
    } else {
        m_dropped.fetch_add(1, std::memory_order_release);
    }
    // Released after the event and its bytes: a reader that sees the count sees them too.
    total.fetch_add(event.size, std::memory_order_release);
    messages.fetch_add(1, std::memory_order_release);
    m_eventCount.fetch_add(1, std::memory_order_release);
}

void ConversationRecord::add(const ConversationEvent &event)
{
    {
        std::lock_guard lock(m_mutex);
        m_events.append(event);
    }
    m_eventCount.fetch_add(1, std::memory_order_release);
}

void ConversationRecord::setSetup(const ConversationSetup &setup)
{
    std::lock_guard lock(m_mutex);
    m_setup = setup;
}

void ConversationRecord::markOver()
{
    m_over.store(true, std::memory_order_release);
}

void ConversationRecord::setCounts(qint64 dropped, qint64 sentBytes, qint64 receivedBytes, qint64 sentMessages,
                                   qint64 receivedMessages)
{
    m_dropped.store(dropped, std::memory_order_release);
    m_sentBytes.store(sentBytes, std::memory_order_release);
    m_receivedBytes.store(receivedBytes, std::memory_order_release);
    m_sentMessages.store(sentMessages, std::memory_order_release);
    m_receivedMessages.store(receivedMessages, std::memory_order_release);
    m_eventCount.store(keptEventCount() + dropped, std::memory_order_release);
}

std::optional<qint64> ConversationRecord::kernelDrops() const
{
    const qint64 drops = m_kernelDrops.load(std::memory_order_acquire);
    return drops < 0 ? std::nullopt : std::optional<qint64>(drops);
}

void ConversationRecord::startCountingDrops()
{
    qint64 none = -1;
    m_kernelDrops.compare_exchange_strong(none, 0, std::memory_order_acq_rel);
}

void ConversationRecord::addKernelDrops(qint64 n)
{
    m_kernelDrops.fetch_add(n, std::memory_order_acq_rel);
}

} // namespace SocketLab
