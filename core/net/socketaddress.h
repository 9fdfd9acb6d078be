#pragma once

#include <QList>
#include <QString>

#include <optional>

// Only pointers to it cross this header: the socket calls that fill and read it are in core's .cpp files.
struct sockaddr;

namespace SocketLab {

// The address families a person chooses between, so the window needs no socket header of its own.
// Each value is the C library's number for the family (checked where the socket headers are
// included), so a result's family converts both ways unchanged, even one outside this list.
enum class IpFamily : int { Any = 0, V4 = 2, V6 = 10 };

// Likewise the socket types getaddrinfo() takes and returns, numbered as the C library numbers them.
enum class SocketKind : int { Any = 0, Stream = 1, Datagram = 2, Raw = 3, SeqPacket = 5 };

// A sockaddr_in / sockaddr_in6 held by value, so it can travel between threads and into results.
class SocketAddress
{
public:
    SocketAddress() = default;
    SocketAddress(const sockaddr *addr, quint32 len);

    // A numeric address ("127.0.0.1", "::1", "fe80::1%lo") and a port; nullopt if not numeric.
    static std::optional<SocketAddress> fromNumeric(const QString &host, quint16 port);

    bool isValid() const { return m_len > 0; }
    IpFamily family() const;
    QString host() const;           // "127.0.0.1", "::1"
    quint16 port() const;
    quint32 flowInfo() const;       // IPv6 only, else 0
    quint32 scopeId() const;        // IPv6 only, else 0
    QString toString() const;       // "127.0.0.1:80", "[::1]:80"
    QString toPythonTuple() const;  // "('127.0.0.1', 80)", "('::1', 80, 0, 0)", as Python prints sockaddr

    const sockaddr *data() const { return reinterpret_cast<const sockaddr *>(m_storage); }
    quint32 size() const { return m_len; }

    bool operator==(const SocketAddress &other) const;

private:
    // Room and alignment for a sockaddr_storage, which the .cpp asserts.
    static constexpr int StorageSize = 128;
    static constexpr int StorageAlign = 8;

    alignas(StorageAlign) unsigned char m_storage[StorageSize] = {};
    quint32 m_len = 0;
};

// The names as the C headers spell them: "AF_INET", "SOCK_STREAM", "IPPROTO_TCP"; a value the
// list does not know prints as its number.
QString familyName(IpFamily family);
QString socketTypeName(SocketKind kind);
// protocol: the IANA protocol number getaddrinfo() takes and returns (6 for TCP).
QString protocolName(int protocol);

// The values a getaddrinfo() hint can take, the "unspecified" one first, so a form can offer them by
// name (familyName()...).
QList<IpFamily> hintFamilies();     // Any, V4, V6
QList<SocketKind> hintSocketTypes(); // Any, Stream, Datagram, Raw, SeqPacket
QList<int> hintProtocols();         // 0, TCP, UDP, SCTP, ICMP, ICMPv6

} // namespace SocketLab
