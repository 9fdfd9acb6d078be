#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <sys/socket.h>

namespace SocketLab {

// A sockaddr_in / sockaddr_in6 held by value, so it can travel between threads and into results.
class SocketAddress
{
public:
    SocketAddress() = default;
    SocketAddress(const sockaddr *addr, socklen_t len);

    // A numeric address ("127.0.0.1", "::1", "fe80::1%lo") and a port; nullopt if not numeric.
    static std::optional<SocketAddress> fromNumeric(const QString &host, quint16 port);

    bool isValid() const { return m_len > 0; }
    int family() const { return m_storage.ss_family; }
    QString host() const;           // "127.0.0.1", "::1"
    quint16 port() const;
    quint32 flowInfo() const;       // IPv6 only, else 0
    quint32 scopeId() const;        // IPv6 only, else 0
    QString toString() const;       // "127.0.0.1:80", "[::1]:80"
    QString toPythonTuple() const;  // "('127.0.0.1', 80)", "('::1', 80, 0, 0)", as Python prints sockaddr

    const sockaddr *data() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    socklen_t size() const { return m_len; }

    bool operator==(const SocketAddress &other) const;

private:
    sockaddr_storage m_storage{};
    socklen_t m_len = 0;
};

// The families a person chooses between, so the window needs no socket header of its own.
enum class IpFamily { Any, V4, V6 };
int toAddressFamily(IpFamily family);   // AF_UNSPEC, AF_INET, AF_INET6
IpFamily fromAddressFamily(int family);
// Likewise the socket types a person asks getaddrinfo() for.
enum class SocketKind { Any, Stream, Datagram };
int toSocketType(SocketKind kind);      // 0, SOCK_STREAM, SOCK_DGRAM

// "AF_INET", "AF_INET6", "AF_UNSPEC"; "SOCK_STREAM"...; "IPPROTO_TCP"... as the C headers spell them.
QString familyName(int family);
QString socketTypeName(int type);
QString protocolName(int protocol);

// The values a getaddrinfo() hint can take, the "unspecified" one (0) first, so a form can offer them
// by name (familyName()...) without a socket header of its own.
QList<int> hintFamilies();      // AF_UNSPEC, AF_INET, AF_INET6
QList<int> hintSocketTypes();   // 0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET
QList<int> hintProtocols();     // 0, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP, IPPROTO_ICMP, IPPROTO_ICMPV6

} // namespace SocketLab
