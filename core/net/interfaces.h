#pragma once

#include "neterror.h"
#include "socketaddress.h"

#include <QList>
#include <QString>

#include <optional>

namespace SocketLab {

// One address of an interface, with its prefix length ("10.213.0.1/24").
struct InterfaceAddress
{
    SocketAddress address;   // port 0; an IPv6 link-local one carries the interface as its scope
    int prefixLength = 0;
    SocketAddress broadcast; // IPv4 on a broadcast-capable interface: where a broadcast to the subnet goes

    bool operator==(const InterfaceAddress &) const = default;
};

// A network interface of this machine, as getifaddrs() and if_nametoindex() see it: what the
// multicast calls take (its index) and what a person picks it by (its name and addresses).
struct NetworkInterface
{
    QString name;          // "lo", "eth0"
    unsigned index = 0;    // if_nametoindex(): what IP_ADD_MEMBERSHIP and IPV6_JOIN_GROUP take
    bool up = false;       // IFF_UP
    bool running = false;  // IFF_RUNNING: the link is there
    bool loopback = false; // IFF_LOOPBACK
    bool multicast = false;  // IFF_MULTICAST: the interface can join groups
    bool broadcast = false;  // IFF_BROADCAST
    QList<InterfaceAddress> addresses;  // IPv4 first, then IPv6, each in the system's order

    bool hasFamily(IpFamily family) const;
};

namespace Interfaces {

// Every interface, in index order. error: getifaddrs() failed (the list is then empty).
QList<NetworkInterface> list(NetError *error = nullptr);
// The interface of that name, or of that index given as a number ("2"); nullopt if none.
std::optional<NetworkInterface> find(const QString &nameOrIndex);

} // namespace Interfaces

} // namespace SocketLab
