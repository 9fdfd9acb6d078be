#pragma once

#include <QtGlobal>

#include <optional>

namespace SocketLab {

class Socket;

// The datagrams the kernel dropped on one socket because its receive buffer was full. The kernel
// keeps a running count per socket, 32 bits that wrap. Each datagram read with
// Socket::receiveDatagram() carries the count as it stood when that datagram was queued, so a
// datagram queued before the last reading carries an older, smaller count: readings that go back
// are ignored, and only the distance forward (modulo 2^32) adds to the total.
class KernelDrops
{
public:
    // counterAtStart: the count when counting began; 0 for a socket just opened.
    explicit KernelDrops(quint32 counterAtStart = 0);

    // A reading of the count; returns by how much the total grew.
    qint64 observe(quint32 counter);
    // The count from a datagram's ancillary data; none means it was 0 when the datagram was queued,
    // which tells nothing new.
    qint64 observe(const std::optional<quint32> &counter) { return counter ? observe(*counter) : 0; }
    // The count read now from the socket (Socket::dropCounter()): what a datagram cannot carry,
    // drops after the last one queued. Returns by how much the total grew.
    qint64 settle(Socket &socket);

    qint64 dropped() const { return m_dropped; }

private:
    quint32 m_last;
    qint64 m_dropped = 0;
};

} // namespace SocketLab
