#include "headtailcopy.h"

namespace SocketLab {

HeadTailCopy::HeadTailCopy(qint64 headBytes, qint64 tailBytes)
    : m_headBytes(headBytes)
    , m_tailBytes(tailBytes)
{
}

void HeadTailCopy::append(const char *data, qint64 len)
{
    const qint64 toHead = qMin(len, m_headBytes - m_head.size());
    if (toHead > 0)
        m_head.append(data, toHead);
    m_size += len;
    // The tail keeps the last bytes whatever the head holds: ranges may overlap, read() prefers the head.
    if (len >= m_tailBytes) {
        m_tail = QByteArray(data + len - m_tailBytes, m_tailBytes);
        return;
    }
    m_tail.append(data, len);
    if (m_tail.size() > 2 * m_tailBytes)
        m_tail.remove(0, m_tail.size() - m_tailBytes);
}

QByteArray HeadTailCopy::read(qint64 offset, qint64 len) const
{
    if (offset < 0 || offset >= m_size || len <= 0)
        return {};
    const qint64 end = offset + qMin(len, m_size - offset);
    QByteArray bytes;
    if (offset < m_head.size())
        bytes = m_head.mid(offset, qMin<qint64>(end, m_head.size()) - offset);
    // The rest from the tail, when it goes on from there with no gap.
    const qint64 from = offset + bytes.size();
    const qint64 tailStart = m_size - m_tail.size();
    if (from < end && from >= tailStart)
        bytes += m_tail.mid(from - tailStart, end - from);
    return bytes;
}

} // namespace SocketLab
