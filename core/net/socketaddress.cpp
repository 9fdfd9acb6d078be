#include "socketaddress.h"

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace SocketLab {

static_assert(int(IpFamily::Any) == AF_UNSPEC && int(IpFamily::V4) == AF_INET && int(IpFamily::V6) == AF_INET6);
static_assert(int(SocketKind::Stream) == SOCK_STREAM && int(SocketKind::Datagram) == SOCK_DGRAM
              && int(SocketKind::Raw) == SOCK_RAW && int(SocketKind::SeqPacket) == SOCK_SEQPACKET);

SocketAddress::SocketAddress(const sockaddr *addr, quint32 len)
{
    static_assert(sizeof(sockaddr_storage) <= StorageSize && alignof(sockaddr_storage) <= StorageAlign);
    if (addr && len > 0 && len <= sizeof m_storage) {
        std::memcpy(m_storage, addr, len);
        m_len = len;
    }
}

std::optional<SocketAddress> SocketAddress::fromNumeric(const QString &host, quint16 port)
{
    addrinfo hints{};
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    const QByteArray service = QByteArray::number(port);
    if (getaddrinfo(host.toUtf8().constData(), service.constData(), &hints, &list) != 0 || !list)
        return std::nullopt;
    SocketAddress result(list->ai_addr, list->ai_addrlen);
    freeaddrinfo(list);
    return result;
}

QString SocketAddress::host() const
{
    char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2] = {};
    if (!isValid() || getnameinfo(data(), m_len, buf, sizeof buf, nullptr, 0, NI_NUMERICHOST) != 0)
        return {};
    return QString::fromLatin1(buf);
}

IpFamily SocketAddress::family() const
{
    return IpFamily(reinterpret_cast<const sockaddr_storage *>(m_storage)->ss_family);
}

quint16 SocketAddress::port() const
{
    if (family() == IpFamily::V4)
        return ntohs(reinterpret_cast<const sockaddr_in *>(m_storage)->sin_port);
    if (family() == IpFamily::V6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(m_storage)->sin6_port);
    return 0;
}

quint32 SocketAddress::flowInfo() const
{
    if (family() == IpFamily::V6)
        return ntohl(reinterpret_cast<const sockaddr_in6 *>(m_storage)->sin6_flowinfo);
    return 0;
}

quint32 SocketAddress::scopeId() const
{
    if (family() == IpFamily::V6)
        return reinterpret_cast<const sockaddr_in6 *>(m_storage)->sin6_scope_id;
    return 0;
}

QString SocketAddress::toString() const
{
    if (family() == IpFamily::V6)
        return QStringLiteral("[%1]:%2").arg(host()).arg(port());
    return QStringLiteral("%1:%2").arg(host()).arg(port());
}

QString SocketAddress::toPythonTuple() const
{
    if (family() == IpFamily::V6)
        return QStringLiteral("('%1', %2, %3, %4)").arg(host()).arg(port()).arg(flowInfo()).arg(scopeId());
    return QStringLiteral("('%1', %2)").arg(host()).arg(port());
}

bool SocketAddress::operator==(const SocketAddress &other) const
{
    return m_len == other.m_len && std::memcmp(m_storage, other.m_storage, m_len) == 0;
}

QString familyName(IpFamily family)
{
    switch (int(family)) {
    case AF_UNSPEC: return QStringLiteral("AF_UNSPEC");
    case AF_INET: return QStringLiteral("AF_INET");
    case AF_INET6: return QStringLiteral("AF_INET6");
    case AF_UNIX: return QStringLiteral("AF_UNIX");
    default: return QString::number(int(family));
    }
}

QString socketTypeName(SocketKind kind)
{
    switch (int(kind)) {
    case 0: return QStringLiteral("0");
    case SOCK_STREAM: return QStringLiteral("SOCK_STREAM");
    case SOCK_DGRAM: return QStringLiteral("SOCK_DGRAM");
    case SOCK_RAW: return QStringLiteral("SOCK_RAW");
    case SOCK_SEQPACKET: return QStringLiteral("SOCK_SEQPACKET");
    default: return QString::number(int(kind));
    }
}

QString protocolName(int protocol)
{
    switch (protocol) {
    case 0: return QStringLiteral("0");
    case IPPROTO_TCP: return QStringLiteral("IPPROTO_TCP");
    case IPPROTO_UDP: return QStringLiteral("IPPROTO_UDP");
    case IPPROTO_SCTP: return QStringLiteral("IPPROTO_SCTP");
    case IPPROTO_ICMP: return QStringLiteral("IPPROTO_ICMP");
    case IPPROTO_ICMPV6: return QStringLiteral("IPPROTO_ICMPV6");
    default: return QString::number(protocol);
    }
}

QList<IpFamily> hintFamilies()
{
    return {IpFamily::Any, IpFamily::V4, IpFamily::V6};
}

QList<SocketKind> hintSocketTypes()
{
    return {SocketKind::Any, SocketKind::Stream, SocketKind::Datagram, SocketKind::Raw, SocketKind::SeqPacket};
}

QList<int> hintProtocols()
{
    return {0, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP, IPPROTO_ICMP, IPPROTO_ICMPV6};
}

} // namespace SocketLab
