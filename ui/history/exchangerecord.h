#pragma once

#include "bytes/bytesource.h"
#include "bytes/segment.h"
#include "connection/connectionsettings.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "net/trace.h"

#include <QDateTime>

#include <memory>
#include <optional>

namespace SocketLab {

// One finished exchange as the window keeps it: what was asked, what came back, how it went.
struct ExchangeRecord
{
    QDateTime startedAt;
    ConnectionSettings settings;
    QByteArray request;
    std::shared_ptr<const ByteSource> reply;
    QList<Segment> segments;
    QList<TraceEntry> trace;
    std::optional<TcpResult> tcp;
    std::optional<UdpResult> udp;

    const StopInfo &stop() const { return tcp ? tcp->stop : udp->stop; }
    const NetError &error() const { return tcp ? tcp->error : udp->error; }
    const ExchangeTimings &timings() const { return tcp ? tcp->timings : udp->timings; }
    qint64 sentBytes() const { return tcp ? tcp->sentBytes : udp->sentBytes; }
    qint64 receivedBytes() const { return tcp ? tcp->receivedBytes : udp->receivedBytes; }
};

} // namespace SocketLab
