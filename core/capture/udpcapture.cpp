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

} // namespace

SocketAddress shownLocalAddress(const SocketAddress &local, const SocketAddress &peer)
{
    if (!isUnspecified(local))
        return local;
    const bool loopback = peer.host() == QLatin1String("::1") || peer.host().startsWith(QLatin1String("127."));
    const std::optional<SocketAddress> same = SocketAddress::fromNumeric(peer.host(), local.port());
    return loopback && same ? *same : local;
}

PcapngFile udpCapture(const UdpCaptureInput &input)
{
    const UdpResult &result = *input.result;
    PcapngFile file;
    if (!result.local.isValid() || !result.target.isValid() || result.local.family() != result.target.family())
        return file;
    const SocketAddress local = shownLocalAddress(result.local, result.target);

    qint64 lastUs = 0;
    if (result.sentBytes > 0 || (result.sentBytes == 0 && input.request.isEmpty() && result.timings.totalUs >= 0)) {
        for (const TraceEntry &entry : input.trace) {
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
