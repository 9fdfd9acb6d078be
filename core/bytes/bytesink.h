#pragma once

#include "segment.h"

#include <QList>

#include <span>

namespace SocketLab {

// Where an exchange puts what it receives. recv() writes straight into writableSpan(), commit()
// keeps those bytes, endSegment() marks where that recv() (or datagram) ended: no copy between the
// kernel and the store.
class ByteSink
{
public:
    virtual ~ByteSink() = default;

    // Room for at least 1 and at most `want` bytes, valid until the next commit().
    virtual std::span<char> writableSpan(qint64 want) = 0;
    // The first n bytes of the last span belong to the current segment. False if they could not be
    // kept (a file sink whose write failed: lastErrno() says why).
    virtual bool commit(qint64 n) = 0;
    // Closes the current segment, which may be empty (a 0-byte datagram is a datagram).
    virtual void endSegment(qint64 timeUs) = 0;

    virtual qint64 size() const = 0;
    virtual QList<Segment> segments() const = 0;
    virtual int lastErrno() const { return 0; }

    // Copies bytes that are already in memory (a datagram buffer) as one segment.
    bool append(const char *data, qint64 n, qint64 timeUs);
};

} // namespace SocketLab
