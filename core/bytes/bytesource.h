#pragma once

#include <QByteArray>

namespace SocketLab {

// Read access to a run of bytes too large to hold as one QByteArray: what the hex view paints from.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    virtual qint64 size() const = 0;
    // At most len bytes from offset; fewer at the end, none past it.
    virtual QByteArray read(qint64 offset, qint64 len) const = 0;
};

} // namespace SocketLab
