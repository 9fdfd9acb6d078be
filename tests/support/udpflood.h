#pragma once

// For the tests of the kernel's drop count: a flood of datagrams, and a way into a socket of this
// process that the code under test owns, to shrink its receive buffer as a person would with a
// debugger, so that a flood overflows it at once.

#include "net/socketaddress.h"

#include <QDir>
#include <QStringList>

#include <sys/socket.h>
#include <unistd.h>

namespace UdpFlood {

// The fd of this process's UDP socket bound to address's port (on that address or on any), or -1.
inline int socketBoundTo(const SocketLab::SocketAddress &address)
{
    const QStringList entries = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    for (const QString &entry : entries) {
        const int fd = entry.toInt();
        int type = 0;
        socklen_t typeSize = sizeof type;
        sockaddr_storage storage{};
        socklen_t size = sizeof storage;
        if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &typeSize) == 0 && type == SOCK_DGRAM
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &size) == 0) {
            const SocketLab::SocketAddress bound(reinterpret_cast<sockaddr *>(&storage), size);
            if (bound.family() == address.family() && bound.port() == address.port())
                return fd;
        }
    }
    return -1;
}

// Room for a few small datagrams only; false if there is no such socket.
inline bool shrinkReceiveBuffer(const SocketLab::SocketAddress &address)
{
    const int fd = socketBoundTo(address);
    const int small = 2048;
    return fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small) == 0;
}

// Sends count 64-byte datagrams from fd to to as fast as sendto() goes; how many left.
inline int sendFrom(int fd, const SocketLab::SocketAddress &to, int count)
{
    char datagram[64] = {};
    int sent = 0;
    for (int i = 0; i < count; ++i) {
        if (::sendto(fd, datagram, sizeof datagram, 0, to.data(), to.size()) == sizeof datagram)
            ++sent;
    }
    return sent;
}

// The same from a socket of its own.
inline int send(const SocketLab::SocketAddress &to, int count)
{
    const int fd = ::socket(int(to.family()), SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    const int sent = sendFrom(fd, to, count);
    ::close(fd);
    return sent;
}

} // namespace UdpFlood
