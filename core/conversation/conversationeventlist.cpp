#include "conversationeventlist.h"

namespace SocketLab {

void ConversationEventList::append(const ConversationEvent &event)
{
    if (m_size % ChunkSize == 0) {
        m_chunks.emplace_back();
        m_chunks.back().reserve(size_t(ChunkSize));
    }
    m_chunks.back().push_back(event);
    ++m_size;
}

void ConversationEventList::append(const QList<ConversationEvent> &events)
{
    for (const ConversationEvent &event : events)
        append(event);
}

QList<ConversationEvent> ConversationEventList::mid(qsizetype from) const
{
    QList<ConversationEvent> events;
    if (from < 0)
        from = 0;
    if (from >= m_size)
        return events;
    events.reserve(m_size - from);
    for (qsizetype i = from; i < m_size; ++i)
        events.append(at(i));
    return events;
}

void ConversationEventList::clear()
{
    m_chunks.clear();
    m_size = 0;
}

} // namespace SocketLab
