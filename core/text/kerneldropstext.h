#pragma once

#include <QString>

#include <optional>

namespace SocketLab {

// "The kernel dropped 1,204 datagrams: the receive buffer (212,992 bytes) was full; raise SO_RCVBUF
// (rcvbuf=425984).": what a count of SO_RXQ_OVFL drops means and what to do, for the window and the
// CLI alike. receiveBufferBytes: SO_RCVBUF as getsockopt() read it, 0 if unknown.
QString describeKernelDrops(qint64 dropped, qint64 receiveBufferBytes);

// "200,000 datagrams received, 1,204 dropped by the kernel.": what a UDP server counted, as serve
// udp-* prints it when it stops. dropped: none when the system keeps no count.
QString describeDatagramCounts(qint64 received, std::optional<qint64> dropped);

} // namespace SocketLab
