#pragma once

#include "bytes/bytesource.h"
#include "bytes/segment.h"
#include "connection/connectionsettings.h"
#include "exchange/tcpexchange.h"
#include "net/trace.h"

#include <QDateTime>

#include <memory>

namespace SocketLab {

// One finished exchange as the window keeps it: what was asked, what came back, how it went.
struct ExchangeRecord
{
    // Its name in the history kept between runs (HistoryFolder::newId()), given when it starts.
    QString historyId;
    QDateTime startedAt;
    ConnectionSettings settings;
    QByteArray request;
    std::shared_ptr<const ByteSource> reply;
    QList<Segment> segments;
    QList<TraceEntry> trace;
    TcpResult result;
};

} // namespace SocketLab
