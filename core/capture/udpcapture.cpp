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
    const std::optional<SocketAddress> same = SocketAddress::fromNumeric(peer.host(), local.port());
    return isLoopback(peer) && same ? *same : local;
}

int udpCapture(const UdpCaptureInput &input, const CaptureOutput &output)
{
    const UdpResult &result = *input.result;
    PcapngFile file(output);
    if (!result.local.isValid() || !result.target.isValid() || result.local.family() != result.target.family())
        return file.error();
    const SocketAddress local = shownLocalAddress(result.local, result.target);

    qint64 lastUs = 0;
    bool sendSucceeded = false;
    for (const TraceEntry &entry : input.trace) {
        if ((entry.call == QLatin1String("sendto") || entry.call == QLatin1String("send")) && entry.errnoCode == 0
            && entry.result >= 0) {
            lastUs = entry.timeUs;
            sendSucceeded = true;
            break;
        }
    }
    // An empty datagram leaves sentBytes at 0 whether it went or not: only the trace tells.
    if (result.sentBytes > 0 || (input.request.isEmpty() && sendSucceeded)) {
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
    return file.error();
}

} // namespace SocketLab
