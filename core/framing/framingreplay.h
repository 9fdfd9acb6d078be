#pragma once

#include "bytes/bytesource.h"
#include "bytes/segment.h"
#include "exchange/exchangeresult.h"
#include "http/httpresponseparser.h"

#include <QList>

#include <atomic>

namespace SocketLab {

// The parser's state after one recv() of a replay, as values; text/framingtext.h words it.
struct ReplayStep
{
    int number = 0;             // 1-based recv() number (SSL_read() over TLS)
    bool tls = false;           // each step is one SSL_read(), which the trace shows, not one recv()
    Segment segment;
    qint64 sinceFirstByteUs = 0;
    qint64 sinceSendUs = -1;    // -1 when the exchange did not say when it sent
    qint64 received = 0;        // bytes in all, this recv() included

    bool http = false;          // false: only the byte count means anything
    HttpResponseParser::State state = HttpResponseParser::State::Incomplete;
    HttpResponseParser::Progress progress;
    HttpResponseParser::ErrorKind error = HttpResponseParser::ErrorKind::None;
    HttpFraming framing = HttpFraming::Unknown;
    qint64 contentLength = -1;
    qint64 bodyBytes = 0;
    qint64 messageEnd = -1;
    qint64 afterEnd = 0;        // bytes received past the message's end
    // The last step of a reply the server ended by closing: the state is the one after the close.
    bool closed = false;
};

// Feeds a fresh parser the reply one segment at a time, as the bytes came, and records its state
// after each. Streams the source in pieces, never holding the whole reply; a cancel flag set from
// another thread ends it early with the steps so far. http: whether the reply is parsed as HTTP;
// method: the request's ("HEAD" has no body, requestMethodOf()); peerClosed: the exchange ended with
// recv() returning 0; tls: the reply was read with SSL_read().
QList<ReplayStep> replayReply(const ByteSource &bytes, const QList<Segment> &segments, bool http,
                              const QByteArray &method, const ExchangeTimings &timings, bool peerClosed, bool tls,
                              const std::atomic_bool *cancel = nullptr);

} // namespace SocketLab
