#include "multicast.h"

#include "interfaces.h"
#include "socket.h"

#include <arpa/inet.h>
#include <cstring>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace SocketLab {

namespace {

const in_addr &ipv4(const SocketAddress &address)
{
    return reinterpret_cast<const sockaddr_in *>(address.data())->sin_addr;
}

const in6_addr &ipv6(const SocketAddress &address)
{
    return reinterpret_cast<const sockaddr_in6 *>(address.data())->sin6_addr;
}

// The address alone, as the trace shows a struct's member: inet_addr("239.1.2.3").
QString addressArg(const SocketAddress &address)
{
    return address.family() == IpFamily::V4 ? QStringLiteral("inet_addr(\"%1\")").arg(address.host())
                                            : QStringLiteral("inet_pton(AF_INET6, \"%1\")").arg(address.host());
}

// What a failed multicast call's NetError carries in its detail (multicast.h).
NetError withDetail(NetError error, const char *option, const QString &what)
{
    if (error.isError())
        error.detail = what.isEmpty() ? QString::fromLatin1(option) : QStringLiteral("%1 %2").arg(QLatin1StringView(option), what);
    return error;
}

NetError setMembership(Socket &socket, const MulticastGroup &g, bool joining)
{
    const IpFamily family = g.group.family();
    if (g.isSourceSpecific()) {
        const char *name = joining ? "MCAST_JOIN_SOURCE_GROUP" : "MCAST_LEAVE_SOURCE_GROUP";
        group_source_req request{};
        request.gsr_interface = g.interfaceIndex;
        std::memcpy(&request.gsr_group, g.group.data(), g.group.size());
        std::memcpy(&request.gsr_source, g.source.data(), g.source.size());
        const int level = family == IpFamily::V4 ? IPPROTO_IP : IPPROTO_IPV6;
        const QString text = QStringLiteral("{gsr_interface=%1, gsr_group=%2, gsr_source=%3}")
                                 .arg(g.interfaceIndex).arg(addressArg(g.group), addressArg(g.source));
        return withDetail(socket.setOptionBytes(level, joining ? MCAST_JOIN_SOURCE_GROUP : MCAST_LEAVE_SOURCE_GROUP,
                                                &request, sizeof request, name, text),
                          name, g.toString());
    }
    if (family == IpFamily::V4) {
        const char *name = joining ? "IP_ADD_MEMBERSHIP" : "IP_DROP_MEMBERSHIP";
        ip_mreqn request{};
        request.imr_multiaddr = ipv4(g.group);
        request.imr_address.s_addr = htonl(INADDR_ANY);
        request.imr_ifindex = int(g.interfaceIndex);
        const QString text = QStringLiteral("{imr_multiaddr=%1, imr_address=inet_addr(\"0.0.0.0\"), imr_ifindex=%2}")
                                 .arg(addressArg(g.group)).arg(g.interfaceIndex);
        return withDetail(socket.setOptionBytes(IPPROTO_IP, joining ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &request,
                                                sizeof request, name, text),
                          name, g.toString());
    }
    const char *name = joining ? "IPV6_JOIN_GROUP" : "IPV6_LEAVE_GROUP";
    ipv6_mreq request{};
    request.ipv6mr_multiaddr = ipv6(g.group);
    request.ipv6mr_interface = g.interfaceIndex;
    const QString text = QStringLiteral("{ipv6mr_multiaddr=%1, ipv6mr_interface=%2}").arg(addressArg(g.group)).arg(g.interfaceIndex);
    return withDetail(socket.setOptionBytes(IPPROTO_IPV6, joining ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, &request,
                                            sizeof request, name, text),
                      name, g.toString());
}

std::optional<SocketAddress> parseAddress(const QString &text)
{
    // A scope ("%eth0") belongs to the interface part here, never to the address.
    if (text.isEmpty() || text.contains(QLatin1Char('%')))
        return std::nullopt;
    return SocketAddress::fromNumeric(text, 0);
}

bool fail(MulticastParseError *error, MulticastParseError::Kind kind, const QString &text, const QString &part)
{
    if (error)
        *error = {kind, text, part};
    return false;
}

} // namespace

QString MulticastGroup::toString() const
{
    QString text = group.host();
    if (source.isValid())
        text = source.host() + QLatin1Char('>') + text;
    if (!interfaceName.isEmpty())
        text += QLatin1Char('@') + interfaceName;
    return text;
}

namespace Multicast {

bool isMulticast(const SocketAddress &address)
{
    if (address.family() == IpFamily::V4)
        return IN_MULTICAST(ntohl(ipv4(address).s_addr));
    if (address.family() == IpFamily::V6)
        return IN6_IS_ADDR_MULTICAST(&ipv6(address));
    return false;
}

std::optional<unsigned> interfaceIndex(const QString &nameOrIndex, MulticastParseError *error)
{
    if (nameOrIndex.isEmpty()) {
        fail(error, MulticastParseError::Kind::Empty, nameOrIndex, nameOrIndex);
        return std::nullopt;
    }
    const std::optional<NetworkInterface> found = Interfaces::find(nameOrIndex);
    if (!found) {
        fail(error, MulticastParseError::Kind::UnknownInterface, nameOrIndex, nameOrIndex);
        return std::nullopt;
    }
    return found->index;
}

std::optional<MulticastGroup> parseGroup(const QString &text, MulticastParseError *error)
{
    using Kind = MulticastParseError::Kind;
    if (text.trimmed().isEmpty()) {
        fail(error, Kind::Empty, text, text);
        return std::nullopt;
    }
    MulticastGroup result;
    QString addresses = text;
    if (const qsizetype at = text.lastIndexOf(QLatin1Char('@')); at >= 0) {
        addresses = text.left(at);
        const QString iface = text.mid(at + 1);
        const std::optional<NetworkInterface> found = iface.isEmpty() ? std::nullopt : Interfaces::find(iface);
        if (!found) {
            fail(error, Kind::UnknownInterface, text, iface);
            return std::nullopt;
        }
        result.interfaceName = found->name;
        result.interfaceIndex = found->index;
    }
    QString groupText = addresses;
    if (const qsizetype gt = addresses.indexOf(QLatin1Char('>')); gt >= 0) {
        const QString sourceText = addresses.left(gt);
        groupText = addresses.mid(gt + 1);
        const std::optional<SocketAddress> source = parseAddress(sourceText);
        if (!source) {
            fail(error, Kind::NotAnAddress, text, sourceText);
            return std::nullopt;
        }
        if (isMulticast(*source)) {
            fail(error, Kind::SourceMulticast, text, sourceText);
            return std::nullopt;
        }
        result.source = *source;
    }
    const std::optional<SocketAddress> group = parseAddress(groupText);
    if (!group) {
        fail(error, Kind::NotAnAddress, text, groupText);
        return std::nullopt;
    }
    if (!isMulticast(*group)) {
        fail(error, Kind::NotMulticast, text, groupText);
        return std::nullopt;
    }
    if (result.source.isValid() && result.source.family() != group->family()) {
        fail(error, Kind::FamilyMismatch, text, groupText);
        return std::nullopt;
    }
    result.group = *group;
    if (error)
        *error = {};
    return result;
}

NetError join(Socket &socket, const MulticastGroup &group)
{
    return setMembership(socket, group, true);
}

NetError leave(Socket &socket, const MulticastGroup &group)
{
    return setMembership(socket, group, false);
}

NetError applySendSettings(Socket &socket, IpFamily family, const MulticastSendSettings &settings)
{
    const bool v4 = family == IpFamily::V4;
    if (settings.hops >= 0) {
        const char *name = v4 ? "IP_MULTICAST_TTL" : "IPV6_MULTICAST_HOPS";
        if (NetError e = socket.setOption(v4 ? IPPROTO_IP : IPPROTO_IPV6, v4 ? IP_MULTICAST_TTL : IPV6_MULTICAST_HOPS,
                                          settings.hops, name);
            e.isError())
            return withDetail(e, name, QString::number(settings.hops));
    }
    if (settings.loop >= 0) {
        const char *name = v4 ? "IP_MULTICAST_LOOP" : "IPV6_MULTICAST_LOOP";
        if (NetError e = socket.setOption(v4 ? IPPROTO_IP : IPPROTO_IPV6, v4 ? IP_MULTICAST_LOOP : IPV6_MULTICAST_LOOP,
                                          settings.loop, name);
            e.isError())
            return withDetail(e, name, QString::number(settings.loop));
    }
    // A request read from a file names its interface; the index is the running system's, looked up
    // now, and an interface this machine lacks is refused here rather than when the file was read.
    unsigned index = settings.interfaceIndex;
    if (index == 0 && !settings.interfaceName.isEmpty()) {
        index = interfaceIndex(settings.interfaceName, nullptr).value_or(0);
        if (index == 0) {
            const char *name = v4 ? "IP_MULTICAST_IF" : "IPV6_MULTICAST_IF";
            return withDetail(NetError::fromErrno(ENODEV, QStringLiteral("setsockopt")), name,
                              QLatin1Char('@') + settings.interfaceName);
        }
    }
    if (index != 0) {
        const QString where = QLatin1Char('@') + settings.interfaceName;
        if (v4) {
            // ip_mreqn rather than an in_addr: the interface by its index, as for the joins.
            ip_mreqn request{};
            request.imr_ifindex = int(index);
            const QString text = QStringLiteral("{imr_multiaddr=inet_addr(\"0.0.0.0\"), imr_address=inet_addr(\"0.0.0.0\"), imr_ifindex=%1}")
                                     .arg(index);
            if (NetError e = socket.setOptionBytes(IPPROTO_IP, IP_MULTICAST_IF, &request, sizeof request, "IP_MULTICAST_IF", text);
                e.isError())
                return withDetail(e, "IP_MULTICAST_IF", where);
        } else if (NetError e = socket.setOption(IPPROTO_IPV6, IPV6_MULTICAST_IF, int(index), "IPV6_MULTICAST_IF");
                   e.isError()) {
            return withDetail(e, "IPV6_MULTICAST_IF", where);
        }
    }
    return {};
}

NetError hops(Socket &socket, IpFamily family, int *value)
{
    const bool v4 = family == IpFamily::V4;
    const char *name = v4 ? "IP_MULTICAST_TTL" : "IPV6_MULTICAST_HOPS";
    return withDetail(socket.option(v4 ? IPPROTO_IP : IPPROTO_IPV6, v4 ? IP_MULTICAST_TTL : IPV6_MULTICAST_HOPS, value, name),
                      name, {});
}

NetError loop(Socket &socket, IpFamily family, int *value)
{
    const bool v4 = family == IpFamily::V4;
    const char *name = v4 ? "IP_MULTICAST_LOOP" : "IPV6_MULTICAST_LOOP";
    return withDetail(socket.option(v4 ? IPPROTO_IP : IPPROTO_IPV6, v4 ? IP_MULTICAST_LOOP : IPV6_MULTICAST_LOOP, value, name),
                      name, {});
}

} // namespace Multicast

} // namespace SocketLab
