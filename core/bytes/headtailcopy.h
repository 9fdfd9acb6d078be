#pragma once

#include "bytes/bytesource.h"

#include <QByteArray>

namespace SocketLab {

// The first headBytes and the last tailBytes of a run of bytes appended piece by piece, its size
// counted whole: what a report of a reply of any size needs, in bounded memory. read() serves the
// kept ranges, across both when they meet; it stops short where the bytes between them were let go.
class HeadTailCopy final : public ByteSource
{
public:
    HeadTailCopy(qint64 headBytes, qint64 tailBytes);

    void append(const char *data, qint64 len);

    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override;

private:
    qint64 m_headBytes;
    qint64 m_tailBytes;
    qint64 m_size = 0;
    QByteArray m_head;
    // The last bytes appended, at most twice tailBytes before it is trimmed back to tailBytes, so a
    // trim (a copy) happens once per tailBytes appended.
    QByteArray m_tail;
};

} // namespace SocketLab
