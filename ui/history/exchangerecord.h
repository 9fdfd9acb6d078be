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

// What the history's list and its search show of an HTTP reply, kept in the entry's JSON so that a
// reply in a file of its own is not read at start only to show its status line.
struct HttpSummary
{
    QByteArray version;       // "HTTP/1.1"
    int statusCode = 0;       // 0: the status line never came whole
    QByteArray reasonPhrase;
    HttpFraming framing = HttpFraming::Unknown;
    qint64 bodyBytes = 0;
    bool complete = false;    // the message ended as its framing says

    bool operator==(const HttpSummary &) const = default;
};

// What a UDP exchange (the UDP tab's) adds to its record: the form as sent and how it went.
struct UdpExchangePart
{
    UdpRequest request;
    UdpResult result;
};

// One finished exchange as the window keeps it: what was asked, what came back, how it went.
// A UDP exchange is one too, with udp set: request is its datagram, reply the datagrams received one
// after another, segments where each one is; settings holds its host, service and family alone, and
// result is unused.
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
    // Read back from the history with its reply in a file of its own: result.http stays null until
    // the entry is opened (ExchangeRecordJson::withHttp()), and httpSummary is what the list shows
    // meanwhile (nullopt: the reply is no HTTP response).
    bool httpPending = false;
    std::optional<HttpSummary> httpSummary;
    std::optional<UdpExchangePart> udp;
};

} // namespace SocketLab
