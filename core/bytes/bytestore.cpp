#include "bytestore.h"

#include <QMutexLocker>

#include <algorithm>
#include <cstring>
#include <limits>

namespace SocketLab {

// Only the writer thread changes m_size and m_chunks, so it may read them without the lock; it
// locks when it changes them, which is what publishes the bytes it wrote into its span to readers.
// Readers never look past m_size, so the writer's unlocked writes into the span race with nothing.

qint64 ByteStore::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_size;
}

QByteArray ByteStore::read(qint64 offset, qint64 len) const
{
    QMutexLocker locker(&m_mutex);
    if (offset < 0 || len <= 0 || offset >= m_size)
        return {};
    len = qMin(len, m_size - offset);
    QByteArray out(len, Qt::Uninitialized);
    qint64 done = 0;
    while (done < len) {
        const qint64 at = offset + done;
        const qint64 inChunk = at % ChunkSize;
        const qint64 take = qMin(len - done, ChunkSize - inChunk);
        std::memcpy(out.data() + done, m_chunks[size_t(at / ChunkSize)].get() + inChunk, size_t(take));
        done += take;
    }
    return out;
}

std::span<char> ByteStore::writableSpan(qint64 want)
{
    const qint64 inChunk = m_size % ChunkSize;
    if (m_size == qint64(m_chunks.size()) * ChunkSize) {
        // Uninitialised on purpose: zeroing would touch every page a second time, and no reader
        // sees a byte before the writer has written and committed it.
        auto chunk = std::make_unique_for_overwrite<char[]>(size_t(ChunkSize));
        QMutexLocker locker(&m_mutex);
        m_chunks.push_back(std::move(chunk));
    }
    const qint64 room = qMin(qMax<qint64>(want, 1), ChunkSize - inChunk);
    return {m_chunks.back().get() + inChunk, size_t(room)};
}

bool ByteStore::commit(qint64 n)
{
    const qint64 allocated = qint64(m_chunks.size()) * ChunkSize;
    n = qBound<qint64>(0, n, allocated - m_size);
    if (n == 0)
        return true;
    QMutexLocker locker(&m_mutex);
    m_size += n;
    return true;
}

void ByteStore::endSegment(qint64 timeUs)
{
    QMutexLocker locker(&m_mutex);
    m_segments.append(Segment{m_segmentStart, m_size - m_segmentStart, timeUs});
    m_segmentStart = m_size;
}

QList<Segment> ByteStore::segments() const
{
    QMutexLocker locker(&m_mutex);
    return m_segments;
}

qsizetype ByteStore::segmentIndexAt(qint64 offset) const
{
    QMutexLocker locker(&m_mutex);
    // Segments tile [0, m_segmentStart) in order, so the only candidate is the last one starting
    // at or before offset; an empty segment there holds nothing, and neither does any before it.
    const auto after = std::upper_bound(m_segments.cbegin(), m_segments.cend(), offset,
                                        [](qint64 value, const Segment &s) { return value < s.offset; });
    if (after == m_segments.cbegin())
        return -1;
    const auto candidate = after - 1;
    if (offset >= candidate->offset + candidate->length)
        return -1;
    return candidate - m_segments.cbegin();
}

QByteArray ByteStore::toByteArray() const
{
    return read(0, std::numeric_limits<qint64>::max());
}

void ByteStore::clear()
{
    QMutexLocker locker(&m_mutex);
    m_chunks.clear();
    m_size = 0;
    m_segmentStart = 0;
    m_segments.clear();
}

} // namespace SocketLab
