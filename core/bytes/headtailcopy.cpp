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
    len = qMin(len, m_size - offset);
    if (offset + len <= m_head.size())
        return m_head.mid(offset, len);
    const qint64 tailStart = m_size - m_tail.size();
    if (offset >= tailStart)
        return m_tail.mid(offset - tailStart, len);
    return {};
}

} // namespace SocketLab
