#include "socketaddress.h"

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>

namespace SocketLab {

SocketAddress::SocketAddress(const sockaddr *addr, socklen_t len)
{
    if (addr && len > 0 && len <= socklen_t(sizeof m_storage)) {
        std::memcpy(&m_storage, addr, len);
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

quint16 SocketAddress::port() const
{
    if (family() == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
    if (family() == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
    return 0;
}

quint32 SocketAddress::flowInfo() const
{
    if (family() == AF_INET6)
        return ntohl(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_flowinfo);
    return 0;
}

quint32 SocketAddress::scopeId() const
{
    if (family() == AF_INET6)
        return reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_scope_id;
    return 0;
}

QString SocketAddress::toString() const
{
    if (family() == AF_INET6)
        return QStringLiteral("[%1]:%2").arg(host()).arg(port());
    return QStringLiteral("%1:%2").arg(host()).arg(port());
}

QString SocketAddress::toPythonTuple() const
{
    if (family() == AF_INET6)
        return QStringLiteral("('%1', %2, %3, %4)").arg(host()).arg(port()).arg(flowInfo()).arg(scopeId());
    return QStringLiteral("('%1', %2)").arg(host()).arg(port());
}

bool SocketAddress::operator==(const SocketAddress &other) const
{
    return m_len == other.m_len && std::memcmp(&m_storage, &other.m_storage, m_len) == 0;
}

int toAddressFamily(IpFamily family)
{
    switch (family) {
    case IpFamily::V4: return AF_INET;
    case IpFamily::V6: return AF_INET6;
    case IpFamily::Any: break;
    }
    return AF_UNSPEC;
}

int toSocketType(SocketKind kind)
{
    switch (kind) {
    case SocketKind::Stream: return SOCK_STREAM;
    case SocketKind::Datagram: return SOCK_DGRAM;
    case SocketKind::Any: break;
    }
    return 0;
}

IpFamily fromAddressFamily(int family)
{
    return family == AF_INET ? IpFamily::V4 : family == AF_INET6 ? IpFamily::V6 : IpFamily::Any;
}

QString familyName(int family)
{
    switch (family) {
    case AF_UNSPEC: return QStringLiteral("AF_UNSPEC");
    case AF_INET: return QStringLiteral("AF_INET");
    case AF_INET6: return QStringLiteral("AF_INET6");
    case AF_UNIX: return QStringLiteral("AF_UNIX");
    default: return QString::number(family);
    }
}

QString socketTypeName(int type)
{
    switch (type) {
    case 0: return QStringLiteral("0");
    case SOCK_STREAM: return QStringLiteral("SOCK_STREAM");
    case SOCK_DGRAM: return QStringLiteral("SOCK_DGRAM");
    case SOCK_RAW: return QStringLiteral("SOCK_RAW");
    case SOCK_SEQPACKET: return QStringLiteral("SOCK_SEQPACKET");
    default: return QString::number(type);
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

QList<int> hintFamilies()
{
    return {AF_UNSPEC, AF_INET, AF_INET6};
}

QList<int> hintSocketTypes()
{
    return {0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET};
}

QList<int> hintProtocols()
{
    return {0, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP, IPPROTO_ICMP, IPPROTO_ICMPV6};
}

} // namespace SocketLab
