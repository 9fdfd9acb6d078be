#include "bytestore.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace SocketLab {

// Only the writer thread changes m_size and m_chunks, so it may read them without the lock; it
// locks when it changes them, which is what publishes the bytes it wrote into its span to readers.
// Readers never look past m_size, so the writer's unlocked writes into the span race with nothing.

namespace {

constexpr size_t SmallChunkCount = size_t(ByteStore::SmallRegionSize / ByteStore::SmallChunkSize);

size_t chunkIndexOf(qint64 offset)
{
    if (offset < ByteStore::SmallRegionSize)
        return size_t(offset / ByteStore::SmallChunkSize);
    return SmallChunkCount + size_t((offset - ByteStore::SmallRegionSize) / ByteStore::LargeChunkSize);
}

qint64 chunkStart(size_t index)
{
    if (index < SmallChunkCount)
        return qint64(index) * ByteStore::SmallChunkSize;
    return ByteStore::SmallRegionSize + qint64(index - SmallChunkCount) * ByteStore::LargeChunkSize;
}

qint64 chunkLength(size_t index)
{
    return index < SmallChunkCount ? ByteStore::SmallChunkSize : ByteStore::LargeChunkSize;
}

} // namespace

void ByteStore::ChunkDeleter::operator()(char *chunk) const
{
    if (large)
        LargeChunkPool::release(chunk);
    else
        delete[] chunk;
}

ByteStore::Chunk ByteStore::allocateChunk(size_t index)
{
    const qint64 length = chunkLength(index);
    if (length == LargeChunkSize) {
        if (char *mapped = LargeChunkPool::instance().take())
            return Chunk(mapped, ChunkDeleter{true});
    }
    // Uninitialised on purpose: zeroing would touch every page a second time, and no reader sees a
    // byte before the writer has written and committed it.
    return Chunk(new char[size_t(length)], ChunkDeleter{false});
}

qint64 ByteStore::size() const
{
    std::lock_guard locker(m_mutex);
    return m_size;
}

QByteArray ByteStore::read(qint64 offset, qint64 len) const
{
    std::lock_guard locker(m_mutex);
    if (offset < 0 || len <= 0 || offset >= m_size)
        return {};
    len = qMin(len, m_size - offset);
    QByteArray out(len, Qt::Uninitialized);
    qint64 done = 0;
    while (done < len) {
        const qint64 at = offset + done;
        const size_t index = chunkIndexOf(at);
        const qint64 inChunk = at - chunkStart(index);
        const qint64 take = qMin(len - done, chunkLength(index) - inChunk);
        std::memcpy(out.data() + done, m_chunks[index].get() + inChunk, size_t(take));
        done += take;
    }
    return out;
}

std::span<char> ByteStore::writableSpan(qint64 want)
{
    if (m_size == chunkStart(m_chunks.size())) {
        Chunk chunk = allocateChunk(m_chunks.size());
        std::lock_guard locker(m_mutex);
        m_chunks.push_back(std::move(chunk));
    }
    const size_t index = m_chunks.size() - 1;
    const qint64 inChunk = m_size - chunkStart(index);
    const qint64 room = qMin(qMax<qint64>(want, 1), chunkLength(index) - inChunk);
    return {m_chunks.back().get() + inChunk, size_t(room)};
}

bool ByteStore::commit(qint64 n)
{
    const qint64 allocated = chunkStart(m_chunks.size());
    n = qBound<qint64>(0, n, allocated - m_size);
    if (n == 0)
        return true;
    std::lock_guard locker(m_mutex);
    m_size += n;
    return true;
}

void ByteStore::endSegment(qint64 timeUs)
{
    std::lock_guard locker(m_mutex);
    m_segments.append(Segment{m_segmentStart, m_size - m_segmentStart, timeUs});
    m_segmentStart = m_size;
}

QList<Segment> ByteStore::segments() const
{
    std::lock_guard locker(m_mutex);
    return m_segments;
}

qsizetype ByteStore::segmentIndexAt(qint64 offset) const
{
    std::lock_guard locker(m_mutex);
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
    std::lock_guard locker(m_mutex);
    m_chunks.clear();
    m_size = 0;
    m_segmentStart = 0;
    m_segments.clear();
}

} // namespace SocketLab
