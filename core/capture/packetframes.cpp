#include "packetframes.h"

#include <QtEndian>

#include <netinet/in.h>

#include <cstring>

namespace SocketLab {

namespace {

constexpr quint8 ProtocolTcp = 6;
constexpr quint8 ProtocolUdp = 17;

void put16(QByteArray &out, qsizetype at, quint16 value)
{
    qToBigEndian(value, out.data() + at);
}

void put32(QByteArray &out, qsizetype at, quint32 value)
{
    qToBigEndian(value, out.data() + at);
}

// The raw address bytes: 4 for IPv4, 16 for IPv6.
QByteArray addressBytes(const SocketAddress &address)
{
    if (address.family() == IpFamily::V6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address.data());
        return QByteArray(reinterpret_cast<const char *>(&in6->sin6_addr), 16);
    }
    const auto *in4 = reinterpret_cast<const sockaddr_in *>(address.data());
    return QByteArray(reinterpret_cast<const char *>(&in4->sin_addr), 4);
}

// The Internet checksum's running sum (RFC 1071), folded at the end by checksumOf().
quint64 sumOf(const char *data, qint64 size, quint64 sum = 0)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    qint64 i = 0;
    for (; i + 1 < size; i += 2)
        sum += quint64(bytes[i]) << 8 | bytes[i + 1];
    if (i < size)
        sum += quint64(bytes[i]) << 8;
    return sum;
}

quint16 checksumOf(quint64 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum & 0xffff);
}

// A side's MAC address: 02:00:00:00:00:01 for the one that connects or sends first, :02 for the other,
// told apart by comparing the addresses so both directions agree.
QByteArray macFor(bool first)
{
    return QByteArray::fromRawData(first ? "\x02\x00\x00\x00\x00\x01" : "\x02\x00\x00\x00\x00\x02", 6);
}

bool isFirst(const SocketAddress &a, const SocketAddress &b)
{
    const QByteArray left = addressBytes(a) + QByteArray::number(a.port());
    const QByteArray right = addressBytes(b) + QByteArray::number(b.port());
    return left <= right;
}

// Ethernet + IP header around an already built transport segment whose checksum field sits at
// checksumAt; the checksum is filled in from the pseudo-header.
QByteArray frame(const SocketAddress &from, const SocketAddress &to, quint8 protocol, QByteArray transport,
                 qsizetype checksumAt)
{
    const bool v6 = from.family() == IpFamily::V6;
    const QByteArray source = addressBytes(from);
    const QByteArray destination = addressBytes(to);

    QByteArray pseudo = source + destination;
    QByteArray tail(v6 ? 8 : 4, '\0');
    if (v6) {
        put32(tail, 0, quint32(transport.size()));
        tail[7] = char(protocol);
    } else {
        tail[1] = char(protocol);
        put16(tail, 2, quint16(transport.size()));
    }
    pseudo += tail;
    quint16 checksum = checksumOf(sumOf(transport.constData(), transport.size(), sumOf(pseudo.constData(), pseudo.size())));
    // A UDP checksum of 0 means "none"; the computed 0 is sent as all ones (RFC 768).
    if (protocol == ProtocolUdp && checksum == 0)
        checksum = 0xffff;
    put16(transport, checksumAt, checksum);

    QByteArray ip;
    if (v6) {
        ip = QByteArray(40, '\0');
        ip[0] = char(0x60);
        put16(ip, 4, quint16(transport.size()));
        ip[6] = char(protocol);
        ip[7] = char(64);
        std::memcpy(ip.data() + 8, source.constData(), 16);
        std::memcpy(ip.data() + 24, destination.constData(), 16);
    } else {
        ip = QByteArray(20, '\0');
        ip[0] = char(0x45);
        put16(ip, 2, quint16(20 + transport.size()));
        put16(ip, 6, 0x4000); // don't fragment
        ip[8] = char(64);
        ip[9] = char(protocol);
        std::memcpy(ip.data() + 12, source.constData(), 4);
        std::memcpy(ip.data() + 16, destination.constData(), 4);
        put16(ip, 10, checksumOf(sumOf(ip.constData(), ip.size())));
    }

    const bool first = isFirst(from, to);
    QByteArray ethernet = macFor(!first) + macFor(first);
    ethernet += v6 ? QByteArray::fromRawData("\x86\xdd", 2) : QByteArray::fromRawData("\x08\x00", 2);
    return ethernet + ip + transport;
}

} // namespace

bool isLoopback(const SocketAddress &address)
{
    return address.host() == QLatin1String("::1") || address.host().startsWith(QLatin1String("127."));
}

QByteArray tcpFrame(const SocketAddress &from, const SocketAddress &to, const TcpSegmentHeader &header,
                    const char *payload, qint64 size)
{
    QByteArray tcp(20, '\0');
    put16(tcp, 0, from.port());
    put16(tcp, 2, to.port());
    put32(tcp, 4, header.seq);
    put32(tcp, 8, header.ack);
    tcp[12] = char(5 << 4);
    tcp[13] = char(header.flags);
    put16(tcp, 14, 65535); // window
    tcp.append(payload, size);
    return frame(from, to, ProtocolTcp, tcp, 16);
}

QByteArray udpFrame(const SocketAddress &from, const SocketAddress &to, const char *payload, qint64 size)
{
    QByteArray udp(8, '\0');
    put16(udp, 0, from.port());
    put16(udp, 2, to.port());
    put16(udp, 4, quint16(8 + size));
    udp.append(payload, size);
    return frame(from, to, ProtocolUdp, udp, 6);
}

} // namespace SocketLab
