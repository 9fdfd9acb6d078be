#pragma once

// For the tests of the kernel's drop count: a flood of datagrams, and a way into a socket of this
// process that the code under test owns, to shrink its receive buffer as a person would with a
// debugger, so that a flood overflows it at once.

#include "net/socketaddress.h"

#include <QDir>
#include <QStringList>

#include <atomic>
#include <thread>

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

// A UDP socket on loopback that answers the first datagram with count datagrams from itself (a
// connected asker takes only those), as fast as it can, after shrinking the asker's receive buffer
// (the asker is in this process).
class FloodingPeer
{
public:
    explicit FloodingPeer(int count)
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const SocketLab::SocketAddress any = *SocketLab::SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 0);
        ::bind(m_fd, any.data(), any.size());
        sockaddr_storage storage{};
        socklen_t size = sizeof storage;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &size);
        m_address = SocketLab::SocketAddress(reinterpret_cast<sockaddr *>(&storage), size);
        m_thread = std::thread([this, count] {
            char request[64];
            sockaddr_storage from{};
            socklen_t fromSize = sizeof from;
            if (::recvfrom(m_fd, request, sizeof request, 0, reinterpret_cast<sockaddr *>(&from), &fromSize) < 0)
                return;
            const SocketLab::SocketAddress to(reinterpret_cast<sockaddr *>(&from), fromSize);
            if (shrinkReceiveBuffer(to))
                m_sent = sendFrom(m_fd, to, count);
        });
    }
    ~FloodingPeer()
    {
        // Wakes a thread still waiting for its first datagram.
        ::shutdown(m_fd, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_fd);
    }
    quint16 port() const { return m_address.port(); }
    // Once the flood is over.
    int sent()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_sent;
    }

private:
    int m_fd = -1;
    SocketLab::SocketAddress m_address;
    std::thread m_thread;
    std::atomic<int> m_sent{0};
};


} // namespace UdpFlood
