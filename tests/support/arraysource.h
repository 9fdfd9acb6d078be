#pragma once

#include "bytes/bytesource.h"

#include <QByteArray>

#include <algorithm>

namespace TestSupport {

// A reply held in one array, as the byte store would serve it, that may grow as a reply arriving
// does, and counts its reads: a test can check that a decoder reads in bounded pieces rather than
// the whole reply at once.
class ArraySource final : public SocketLab::ByteSource
{
public:
    explicit ArraySource(QByteArray bytes = {})
        : m_bytes(std::move(bytes))
    {
    }
    void append(const QByteArray &bytes) { m_bytes.append(bytes); }
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (offset < 0 || len <= 0 || offset >= m_bytes.size())
            return {};
        ++m_reads;
        m_largestRead = std::max(m_largestRead, len);
        return m_bytes.mid(offset, len);
    }
    int reads() const { return m_reads; }
    qint64 largestRead() const { return m_largestRead; }

private:
    QByteArray m_bytes;
    mutable int m_reads = 0;
    mutable qint64 m_largestRead = 0;
};

} // namespace TestSupport
