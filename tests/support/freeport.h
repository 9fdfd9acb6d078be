#pragma once

#include <QtGlobal>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// A loopback port that nobody listens on right now: bound, read back, closed. The kernel refuses
// connections to it (and answers datagrams with ICMP port unreachable); each test runs in a network
// namespace of its own, so nobody else takes it meanwhile.
inline quint16 freeLoopbackPort(int type = SOCK_STREAM, int family = AF_INET)
{
    const int fd = ::socket(family, type, 0);
    sockaddr_storage storage{};
    socklen_t len;
    if (family == AF_INET6) {
        auto *address = reinterpret_cast<sockaddr_in6 *>(&storage);
        address->sin6_family = AF_INET6;
        address->sin6_addr = in6addr_loopback;
        len = sizeof *address;
    } else {
        auto *address = reinterpret_cast<sockaddr_in *>(&storage);
        address->sin_family = AF_INET;
        address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof *address;
    }
    ::bind(fd, reinterpret_cast<sockaddr *>(&storage), len);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &len);
    ::close(fd);
    return family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port)
                              : ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
}
