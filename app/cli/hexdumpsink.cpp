#include "hexdumpsink.h"

#include <cstring>

namespace SocketLab::Cli {

HexDumpSink::HexDumpSink(std::FILE *out, Label label)
    : m_writer(out)
    , m_label(std::move(label))
{
}

std::span<char> HexDumpSink::writableSpan(qint64 want)
{
    // The segment so far stays in front: a datagram may come in several commits.
    want = qMax<qint64>(1, want);
    if (m_pending + want > m_capacity) {
        const qint64 capacity = qMax(m_pending + want, 2 * m_capacity);
        auto buffer = std::make_unique_for_overwrite<char[]>(size_t(capacity));
        if (m_pending > 0)
            std::memcpy(buffer.get(), m_buffer.get(), size_t(m_pending));
        m_buffer = std::move(buffer);
        m_capacity = capacity;
    }
    return {m_buffer.get() + m_pending, size_t(want)};
}

bool HexDumpSink::commit(qint64 n)
{
    if (m_writer.lastErrno() != 0)
        return false;
    n = qBound<qint64>(0, n, m_capacity - m_pending);
    m_pending += n;
    m_size += n;
    return true;
}

void HexDumpSink::endSegment(qint64 timeUs)
{
    const Segment segment{m_segmentStart, m_pending, timeUs};
    m_writer.label(m_label(m_segmentCount++, segment).toUtf8());
    m_writer.rows(m_segmentStart, m_buffer.get(), m_pending);
    // Flushed at each segment so a person watching a slow reply sees every recv() as it returns.
    m_writer.flush();
    m_segmentStart += m_pending;
    // The bytes stay in the buffer until the next writableSpan(): the exchange still reads them.
    m_pending = 0;
}

bool HexDumpSink::finish()
{
    if (m_pending > 0) {
        m_writer.rows(m_segmentStart, m_buffer.get(), m_pending);
        m_segmentStart += m_pending;
        m_pending = 0;
    }
    return m_writer.flush();
}

} // namespace SocketLab::Cli
