#include "kerneldrops.h"

#include "socket.h"

namespace SocketLab {

KernelDrops::KernelDrops(quint32 counterAtStart)
    : m_last(counterAtStart)
{
}

qint64 KernelDrops::observe(quint32 counter)
{
    // Serial number arithmetic (RFC 1982): a step of less than half the range is forward, even
    // across the wrap at 2^32; a larger one is a reading from before the last.
    const quint32 step = counter - m_last;
    if (step >= 0x80000000u)
        return 0;
    m_last = counter;
    m_dropped += step;
    return step;
}

qint64 KernelDrops::settle(Socket &socket)
{
    const std::optional<quint32> counter = socket.dropCounter();
    return counter ? observe(*counter) : 0;
}

} // namespace SocketLab
