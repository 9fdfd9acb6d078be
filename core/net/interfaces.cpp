#include "interfaces.h"

#include <QMap>

#include <algorithm>
#include <cerrno>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace SocketLab {

namespace {

int prefixOf(const sockaddr *netmask)
{
    if (!netmask)
        return 0;
    const unsigned char *bytes = nullptr;
    int size = 0;
    if (netmask->sa_family == AF_INET) {
        bytes = reinterpret_cast<const unsigned char *>(&reinterpret_cast<const sockaddr_in *>(netmask)->sin_addr);
        size = 4;
    } else if (netmask->sa_family == AF_INET6) {
        bytes = reinterpret_cast<const unsigned char *>(&reinterpret_cast<const sockaddr_in6 *>(netmask)->sin6_addr);
        size = 16;
    }
    int bits = 0;
    for (int i = 0; i < size; ++i)
        bits += __builtin_popcount(bytes[i]);
    return bits;
}

quint32 sockaddrSize(const sockaddr *addr)
{
    return addr->sa_family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
}

} // namespace

bool NetworkInterface::hasFamily(IpFamily family) const
{
    return std::any_of(addresses.cbegin(), addresses.cend(),
                       [family](const InterfaceAddress &a) { return a.address.family() == family; });
}

namespace Interfaces {

QList<NetworkInterface> list(NetError *error)
{
    ifaddrs *head = nullptr;
    if (::getifaddrs(&head) != 0) {
        if (error)
            *error = NetError::fromErrno(errno, QStringLiteral("getifaddrs"));
        return {};
    }
    // getifaddrs() gives one entry per address (and one AF_PACKET entry per interface): gathered by index.
    QMap<unsigned, NetworkInterface> byIndex;
    for (const ifaddrs *entry = head; entry; entry = entry->ifa_next) {
        const unsigned index = ::if_nametoindex(entry->ifa_name);
        if (index == 0)
            continue;
        NetworkInterface &iface = byIndex[index];
        iface.name = QString::fromLocal8Bit(entry->ifa_name);
        iface.index = index;
        iface.up = entry->ifa_flags & IFF_UP;
        iface.running = entry->ifa_flags & IFF_RUNNING;
        iface.loopback = entry->ifa_flags & IFF_LOOPBACK;
        iface.multicast = entry->ifa_flags & IFF_MULTICAST;
        iface.broadcast = entry->ifa_flags & IFF_BROADCAST;
        const sockaddr *addr = entry->ifa_addr;
        if (!addr || (addr->sa_family != AF_INET && addr->sa_family != AF_INET6))
            continue;
        InterfaceAddress address;
        address.address = SocketAddress(addr, sockaddrSize(addr));
        address.prefixLength = prefixOf(entry->ifa_netmask);
        if (addr->sa_family == AF_INET && (entry->ifa_flags & IFF_BROADCAST) && entry->ifa_broadaddr)
            address.broadcast = SocketAddress(entry->ifa_broadaddr, sizeof(sockaddr_in));
        iface.addresses.append(address);
    }
    ::freeifaddrs(head);
    QList<NetworkInterface> result = byIndex.values();
    for (NetworkInterface &iface : result) {
        std::stable_sort(iface.addresses.begin(), iface.addresses.end(), [](const InterfaceAddress &a, const InterfaceAddress &b) {
            return a.address.family() == IpFamily::V4 && b.address.family() != IpFamily::V4;
        });
    }
    return result;
}

std::optional<NetworkInterface> find(const QString &nameOrIndex)
{
    bool numeric = false;
    const uint index = nameOrIndex.toUInt(&numeric);
    const QList<NetworkInterface> all = list();
    const auto found = std::find_if(all.cbegin(), all.cend(), [&](const NetworkInterface &iface) {
        return numeric ? iface.index == index : iface.name == nameOrIndex;
    });
    if (found == all.cend())
        return std::nullopt;
    return *found;
}

} // namespace Interfaces

} // namespace SocketLab
