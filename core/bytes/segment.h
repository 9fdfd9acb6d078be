#pragma once

#include <QtGlobal>

namespace SocketLab {

// Where one recv() (or one datagram) ended up in the received bytes, and when it arrived.
struct Segment
{
    qint64 offset = 0;
    qint64 length = 0;
    qint64 timeUs = 0; // microseconds since the start of the exchange

    bool operator==(const Segment &) const = default;
};

} // namespace SocketLab
