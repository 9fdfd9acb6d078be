#pragma once

#include "net/socketaddress.h"

#include <QByteArray>

namespace SocketLab {

// TCP flag bits as they sit in the header's 13th byte.
namespace TcpFlag {
constexpr quint8 Fin = 0x01;
constexpr quint8 Syn = 0x02;
constexpr quint8 Rst = 0x04;
constexpr quint8 Psh = 0x08;
constexpr quint8 Ack = 0x10;
}

// The most payload one synthesized IPv4 packet carries (65535 less a 20-byte IP and a 20-byte TCP
// header): a longer send or recv() is cut into several packets. IPv6 uses the same, so both families
// split alike.
constexpr qint64 MaxFramePayload = 65535 - 40;

// Whether the address is a loopback one (127.0.0.0/8, ::1): a socket talking to it does so from a
// loopback address of its own, which is how a capture shows an address the kernel did not report.
bool isLoopback(const SocketAddress &address);

struct TcpSegmentHeader
{
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
};

// Ethernet + IPv4/IPv6 + TCP or UDP frames between two addresses of the same family, with real ports
// and correct IP, TCP and UDP checksums, as a capture of the exchange would have shown them. The MAC
// addresses are made up (locally administered), one for each side.
QByteArray tcpFrame(const SocketAddress &from, const SocketAddress &to, const TcpSegmentHeader &header,
                    const char *payload, qint64 size);
QByteArray udpFrame(const SocketAddress &from, const SocketAddress &to, const char *payload, qint64 size);

} // namespace SocketLab
