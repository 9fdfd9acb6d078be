#pragma once

#include "bytesink.h"
#include "bytesource.h"
#include "largechunkpool.h"

#include <mutex>

#include <memory>
#include <vector>

namespace SocketLab {

// The received bytes of an exchange: append-only, in chunks so an append is O(1) and a 1 GiB
// reply is never copied whole. One thread appends while others read (the hex view).
//
// The first 2 MiB come in 64 KiB heap chunks, so a small reply costs little memory; past that,
// chunks are LargeChunkPool's 2 MiB mappings aligned for transparent huge pages. Touching a fresh
// 4 KiB page costs a page fault, and for a 1 GiB reply those 262,144 faults took more time than
// the transfer itself; with huge pages they are 512, and the pool takes them ahead of time.
class ByteStore final : public ByteSource, public ByteSink
{
public:
    static constexpr qint64 SmallChunkSize = 64 * 1024;
    static constexpr qint64 LargeChunkSize = LargeChunkPool::ChunkSize;
    // Where the small chunks end and the large ones begin.
    static constexpr qint64 SmallRegionSize = 2 * 1024 * 1024;

    ByteStore() = default;
    ByteStore(const ByteStore &) = delete;
    ByteStore &operator=(const ByteStore &) = delete;

    // ByteSource
    qint64 size() const override;
    QByteArray read(qint64 offset, qint64 len) const override;

    // ByteSink
    std::span<char> writableSpan(qint64 want) override;
    bool commit(qint64 n) override;
    void endSegment(qint64 timeUs) override;
    QList<Segment> segments() const override;

    // The segment holding offset, or -1.
    qsizetype segmentIndexAt(qint64 offset) const;
    // Everything as one array: for small replies and tests only.
    QByteArray toByteArray() const;
    void clear();

private:
    // Frees a chunk the way it was allocated: heap for small ones, the pool for large ones.
    struct ChunkDeleter
    {
        bool large = false;
        void operator()(char *chunk) const;
    };
    using Chunk = std::unique_ptr<char[], ChunkDeleter>;

    static Chunk allocateChunk(size_t index);

    mutable std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    std::vector<Chunk> m_chunks;
    qint64 m_size = 0;
    qint64 m_segmentStart = 0;
    QList<Segment> m_segments;
};

} // namespace SocketLab
