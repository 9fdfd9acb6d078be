#include "bytesourceslice.h"

namespace SocketLab {

ByteSourceSlice::ByteSourceSlice(std::shared_ptr<const ByteSource> source, qint64 offset, qint64 length)
    : m_source(std::move(source))
{
    const qint64 available = m_source ? m_source->size() : 0;
    m_offset = qBound<qint64>(0, offset, available);
    m_length = qBound<qint64>(0, length, available - m_offset);
}

QByteArray ByteSourceSlice::read(qint64 offset, qint64 len) const
{
    if (offset < 0 || len <= 0 || offset >= m_length)
        return {};
    return m_source->read(m_offset + offset, qMin(len, m_length - offset));
}

} // namespace SocketLab
