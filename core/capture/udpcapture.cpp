#include "udpcapture.h"

#include "bytes/bytesource.h"
#include "capture/packetframes.h"
#include "exchange/udpexchange.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <netinet/in.h>

#include <algorithm>
#include <climits>

namespace SocketLab {

namespace {

bool isUnspecified(const SocketAddress &address)
{
    if (address.family() == IpFamily::V6)
        return IN6_IS_ADDR_UNSPECIFIED(&reinterpret_cast<const sockaddr_in6 *>(address.data())->sin6_addr);
    return reinterpret_cast<const sockaddr_in *>(address.data())->sin_addr.s_addr == htonl(INADDR_ANY);
}

// The socket's own address as the packets show it: a socket bound to the wildcard sent from the
// address the route chose, which the kernel does not tell; for a loopback target it is the target's.
SocketAddress shownLocal(const UdpResult &result)
{
    if (!isUnspecified(result.local))
        return result.local;
    const std::optional<SocketAddress> same = SocketAddress::fromNumeric(result.target.host(), result.local.port());
    const bool loopback = result.target.host() == QLatin1String("::1") || result.target.host().startsWith(QLatin1String("127."));
    return loopback && same ? *same : result.local;
}

} // namespace

PcapngFile udpCapture(const UdpCaptureInput &input)
{
    const UdpResult &result = *input.result;
    PcapngFile file;
    if (!result.local.isValid() || !result.target.isValid() || result.local.family() != result.target.family())
        return file;
    const SocketAddress local = shownLocal(result);

    qint64 lastUs = 0;
    if (result.sentBytes > 0 || (result.sentBytes == 0 && input.request.isEmpty() && result.timings.totalUs >= 0)) {
        for (const TraceEntry &entry : input.trace ? input.trace->entries() : QList<TraceEntry>()) {
            if ((entry.call == QLatin1String("sendto") || entry.call == QLatin1String("send")) && entry.errnoCode == 0) {
                lastUs = entry.timeUs;
                break;
            }
        }
        const QByteArray sent = input.request.left(result.sentBytes);
        file.add({input.startEpochUs + lastUs, udpFrame(local, result.target, sent.constData(), sent.size()), {}});
    }

    for (qsizetype i = 0; i < result.datagrams.size() && i < input.segments.size(); ++i) {
        const Datagram &datagram = result.datagrams.at(i);
        const Segment &segment = input.segments.at(i);
        if (datagram.from.family() != local.family())
            continue;
        const QByteArray bytes = input.received->read(segment.offset, segment.length);
        QString comment;
        if (datagram.truncated || bytes.size() < datagram.size) {
            const int had = int(std::min<qint64>(datagram.size, INT_MAX));
            comment = QCoreApplication::translate("SocketLab::UdpCapture",
                                                  "Truncated: the datagram had %n byte(s); these are the ones kept", nullptr, had);
        }
        lastUs = qMax(lastUs, segment.timeUs);
        file.add({input.startEpochUs + lastUs, udpFrame(datagram.from, local, bytes.constData(), bytes.size()), comment});
    }
    return file;
}

} // namespace SocketLab
