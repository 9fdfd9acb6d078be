#pragma once

#include "conversation/conversationevent.h"

#include <QList>

#include <vector>

namespace SocketLab {

// A conversation's events in time order, kept in chunks of a fixed capacity: an append never moves
// the events already there. A QList of 200 000 events (nearly 300 bytes each) copies itself whole
// each time it grows, tens of milliseconds on the thread that appends, and the window's list, its
// ladder and the record each hold one; this grows a chunk at a time, whatever its length.
class ConversationEventList
{
public:
    static constexpr qsizetype ChunkSize = 4096;

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const ConversationEvent &at(qsizetype index) const
    {
        return m_chunks[size_t(index / ChunkSize)][size_t(index % ChunkSize)];
    }
    const ConversationEvent &constLast() const { return at(m_size - 1); }

    void append(const ConversationEvent &event);
    void append(const QList<ConversationEvent> &events);
    // The events from index `from` on (none when from >= size()).
    QList<ConversationEvent> mid(qsizetype from) const;
    void clear();

private:
    // Each chunk is reserved whole when it starts: filling it never reallocates, and growing the
    // outer vector moves chunks, not events.
    std::vector<std::vector<ConversationEvent>> m_chunks;
    qsizetype m_size = 0;
};

} // namespace SocketLab
