#pragma once

#include "bytesink.h"
#include "bytesource.h"

#include <QMutex>

#include <memory>
#include <vector>

namespace SocketLab {

// The received bytes of an exchange: append-only, in fixed chunks so an append is O(1) and a
// 1 GiB reply is never copied whole. One thread appends while others read (the hex view).
class ByteStore final : public ByteSource, public ByteSink
{
public:
    static constexpr qint64 ChunkSize = 64 * 1024;

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
    mutable QMutex m_mutex;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    qint64 m_size = 0;
    qint64 m_segmentStart = 0;
    QList<Segment> m_segments;
};

} // namespace SocketLab
