#pragma once

#include "bytes/segment.h"
#include "capture/pcapngfile.h"
#include "net/socketaddress.h"
#include "net/trace.h"

#include <QByteArray>
#include <QList>

namespace SocketLab {

class ByteSource;
struct UdpResult;

// What a finished UDP exchange left behind, from which its packets are rebuilt.
struct UdpCaptureInput
{
    const UdpResult *result = nullptr;
    QByteArray request;                   // the datagram sent, when result->sentBytes says it went
    const ByteSource *received = nullptr; // the datagrams' bytes, one segment each
    QList<Segment> segments;
    QList<TraceEntry> trace;              // for when the datagram went
    qint64 startEpochUs = 0;              // the wall-clock time at which the trace's clock started
};

// The socket's own address as the packets show it: a socket bound to the wildcard sent from the
// address the route chose, which the kernel does not tell; for a loopback peer it is the peer's.
SocketAddress shownLocalAddress(const SocketAddress &local, const SocketAddress &peer);

// The datagram sent and each one received, as IPv4 or IPv6 + UDP packets at their times. A truncated
// datagram carries the bytes kept, its comment saying how long it was. An empty datagram is there only
// when the trace shows a send that succeeded. Written to output as it is made: 0, or the errno of the
// write that failed.
int udpCapture(const UdpCaptureInput &input, const CaptureOutput &output);

} // namespace SocketLab
