#pragma once

#include "neterror.h"
#include "socketaddress.h"

#include <QString>

#include <optional>

namespace SocketLab {

class Socket;

// A group to join on an interface, from any source or (source-specific) from one only.
// Written "GROUP", "GROUP@IFACE" or "SOURCE>GROUP@IFACE": "239.1.2.3@eth0", "ff12::1@eth0",
// "10.0.0.5>232.1.1.1@eth0".
struct MulticastGroup
{
    SocketAddress group;      // port 0
    SocketAddress source;     // invalid: any source
    QString interfaceName;    // empty: the kernel picks the interface from its routes
    unsigned interfaceIndex = 0;

    bool isSourceSpecific() const { return source.isValid(); }
    // Back in the syntax above.
    QString toString() const;
    bool operator==(const MulticastGroup &) const = default;
};

// Why a group or an interface given as text was refused; text/multicasttext.h says it in a sentence.
struct MulticastParseError
{
    enum class Kind {
        None,
        Empty,
        NotAnAddress,     // part is not a numeric IPv4 or IPv6 address
        NotMulticast,     // part is an address, but not in 224.0.0.0/4 or ff00::/8
        SourceMulticast,  // the source of a source-specific join is itself a multicast address
        FamilyMismatch,   // source and group are of different families
        UnknownInterface, // no interface of that name or index on this machine
    };

    Kind kind = Kind::None;
    QString text;   // what was given, whole
    QString part;   // the piece at fault: the address or the interface name

    bool isError() const { return kind != Kind::None; }
};

// How datagrams this socket sends to a group leave: hops, loopback, interface. Unset values keep the
// system's default (TTL 1, loopback on, the interface of the route).
struct MulticastSendSettings
{
    int hops = -1;           // IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS, 0 to 255; -1: unset
    int loop = -1;           // IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP, 0 or 1; -1: unset
    QString interfaceName;   // IP_MULTICAST_IF / IPV6_MULTICAST_IF; empty: unset
    unsigned interfaceIndex = 0; // 0 with a name: looked up when the datagram is sent

    bool isSet() const { return hops >= 0 || loop >= 0 || interfaceIndex != 0 || !interfaceName.isEmpty(); }
    bool operator==(const MulticastSendSettings &) const = default;
};

// Every call here goes to the socket's trace with its arguments and result. A failed call comes
// back as a NetError whose call is "setsockopt" (or "getsockopt") and whose detail is the option's
// C name, a space, and the group or interface in the syntax above ("IP_ADD_MEMBERSHIP 239.1.2.3@eth0"):
// text/errortext.h turns EADDRINUSE, ENODEV, EINVAL... into a sentence about that group.
namespace Multicast {

// 224.0.0.0/4 or ff00::/8.
bool isMulticast(const SocketAddress &address);
// "GROUP[@IFACE]" or "SOURCE>GROUP@IFACE" (the interface may be a name or an index); the interface
// must exist now.
std::optional<MulticastGroup> parseGroup(const QString &text, MulticastParseError *error);
// An interface by name or index, for --multicast-if; nullopt (UnknownInterface) if there is none.
std::optional<unsigned> interfaceIndex(const QString &nameOrIndex, MulticastParseError *error);

// IP_ADD_MEMBERSHIP (an ip_mreqn, by interface index) or IPV6_JOIN_GROUP; MCAST_JOIN_SOURCE_GROUP for a
// source-specific join, in both families (it takes the interface's index, as the others do).
NetError join(Socket &socket, const MulticastGroup &group);
// IP_DROP_MEMBERSHIP, IPV6_LEAVE_GROUP or MCAST_LEAVE_SOURCE_GROUP.
NetError leave(Socket &socket, const MulticastGroup &group);

// Each set value with its setsockopt(), for a socket of this family, stopping at the first failure.
NetError applySendSettings(Socket &socket, IpFamily family, const MulticastSendSettings &settings);
// getsockopt() of IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS and of the loop option.
NetError hops(Socket &socket, IpFamily family, int *value);
NetError loop(Socket &socket, IpFamily family, int *value);

} // namespace Multicast

} // namespace SocketLab
