#pragma once

#include "bytes/bytesource.h"

#include <memory>

namespace SocketLab {

// Bytes [offset, offset + length) of another source, seen from 0: one datagram of a UDP exchange's
// store, so the byte views show that datagram alone without copying it out of the store.
class ByteSourceSlice final : public ByteSource
{
public:
    // The range is clamped to what the source holds now; a store only grows, so it stays valid.
    ByteSourceSlice(std::shared_ptr<const ByteSource> source, qint64 offset, qint64 length);

    qint64 size() const override { return m_length; }
    QByteArray read(qint64 offset, qint64 len) const override;

    qint64 offset() const { return m_offset; }

private:
    std::shared_ptr<const ByteSource> m_source;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace SocketLab
