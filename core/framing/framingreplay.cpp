#include "framingreplay.h"

#include <algorithm>

namespace SocketLab {

namespace {

// What one read of the source takes: a 1 GiB segment is fed in pieces, never copied whole.
constexpr qint64 FeedPiece = 1024 * 1024;

} // namespace

QList<ReplayStep> replayReply(const ByteSource &bytes, const QList<Segment> &segments, bool http,
                              const QByteArray &method, const ExchangeTimings &timings, bool peerClosed, bool tls,
                              const std::atomic_bool *cancel)
{
    QList<ReplayStep> steps;
    steps.reserve(segments.size());
    HttpResponseParser parser;
    parser.setRequestMethod(method);
    // The send is taken to be when the connection (and TLS) was ready: the exchange sends at once.
    const qint64 sentUs = timings.tlsUs >= 0 ? timings.tlsUs : timings.connectedUs;
    const qint64 firstUs = segments.isEmpty() ? 0 : segments.first().timeUs;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        const Segment &segment = segments.at(i);
        ReplayStep step;
        step.number = int(i) + 1;
        step.tls = tls;
        step.segment = segment;
        step.sinceFirstByteUs = segment.timeUs - firstUs;
        step.sinceSendUs = sentUs >= 0 ? segment.timeUs - sentUs : -1;
        step.received = segment.offset + segment.length;
        step.http = http;
        step.closed = peerClosed && i == segments.size() - 1;
        if (http) {
            for (qint64 at = segment.offset; at < segment.offset + segment.length;) {
                const QByteArray piece = bytes.read(at, std::min(FeedPiece, segment.offset + segment.length - at));
                if (piece.isEmpty())
                    break;
                // An error stops the parse there; the later steps keep saying so.
                if (parser.state() != HttpResponseParser::State::Error)
                    parser.feed(piece);
                at += piece.size();
            }
            if (step.closed)
                parser.finish();
            step.state = parser.state();
            step.progress = parser.progress();
            step.error = parser.error();
            step.framing = parser.framing();
            step.contentLength = parser.contentLength();
            step.bodyBytes = parser.bodyBytes();
            step.messageEnd = parser.messageEnd();
            step.afterEnd = parser.messageEnd() >= 0 ? std::max<qint64>(0, step.received - parser.messageEnd()) : 0;
        }
        steps.append(step);
    }
    return steps;
}

} // namespace SocketLab
