#pragma once

#include "bytes/bytesource.h"
#include "bytes/segment.h"
#include "exchange/exchangeresult.h"
#include "exchange/stopinfo.h"
#include "http/httpresponseparser.h"

#include <QByteArray>
#include <QList>

namespace SocketLab {

// One thing a person needs to know to see why reading stopped where it did, in the order of the
// bytes; text/framingtext.h words it.
struct FramingFact
{
    enum class Kind {
        Stop,                 // why the exchange stopped (describeStop), no range
        NotHttp,              // the reply has no status line: only the stop rule ends it
        StatusLine,           // value: the status code; text: the line without its ending
        InterimResponses,     // value: how many 1xx came before the final response
        ContentLength,        // the header that decided the length; value: N
        Chunked,              // the Transfer-Encoding header ending with chunked
        ContentLengthIgnored, // Content-Length beside chunked: chunked wins
        TransferEncodingNotChunked, // Transfer-Encoding not ending with chunked: the body runs until the close
        NoLength,             // neither header: the body runs until the close; range: the blank line
        NoBodyHead,           // the request was HEAD
        NoBodyStatus,         // 204, 304 (value: the code)
        EndsWithHead,         // 101 or a 2xx to CONNECT: what follows is another protocol's
        HeadEnd,              // the blank line that ends the header section
        Body,                 // a Content-Length or until-close body; value: its length
        Chunk,                // a chunk size line; text: the size as written, extensions: what follows ';'
        LastChunk,            // the size line of the last chunk ("0")
        Trailer,              // a trailer line (or the final blank line); text: the line
        ChunksNotListed,      // value: how many chunks the list leaves out; number: when the parser kept
                              // the ranges of only the first chunks (HttpResponseParser::marksTruncated()), how many, else 0
        BodyEnd,              // range: the point where the message ends
        Incomplete,           // the message did not end: value: what its framing still awaited (-1: unknown)
        Malformed,            // the parser refused the reply at range.offset
        AfterBody,            // bytes after the end: range; firstSegment..lastSegment, 1-based
        NothingAfter,         // no byte after the end
        LoopSame,             // the notebook's loop: the server closed, at timeUs (since the first byte)
        LoopKeepAlive,        // the loop would have waited: value: Keep-Alive timeout in s (-1: none announced)
        LoopObserved,         // the server had not closed waitUs after the reply's end when reading stopped
        LoopConnectionClose,  // the server said Connection: close: the loop ends when it closes
    };

    Kind kind = Kind::Stop;
    ByteRange range{-1, 0};    // offset -1: the fact has no bytes
    ByteRange dataRange{-1, 0}; // a chunk's data
    qint64 value = -1;
    qint64 number = 0;          // a chunk's number, 1-based
    // Since the exchange started: when BodyEnd's last byte or AfterBody's first came. Since the first
    // byte: when LoopSame's close came.
    qint64 timeUs = -1;
    qint64 waitUs = -1;
    int firstSegment = -1;      // 1-based recv() numbers
    int lastSegment = -1;
    bool tls = false;           // the segments are SSL_read() calls, as the trace names them
    QByteArray text;            // as sent: a line, a chunk size's digits
    QByteArray extensions;      // a chunk size line's extensions, ";" included
    StopInfo stop;              // for Stop

    bool hasRange() const { return range.offset >= 0; }
};

// What explainFraming() reads: the reply's bytes, their recv() segments, the parse of the whole reply
// (null when it is no HTTP response), how and when the exchange stopped.
struct FramingInput
{
    const ByteSource *bytes = nullptr;
    QList<Segment> segments;
    const HttpResponseParser *http = nullptr;
    StopInfo stop;
    ExchangeTimings timings;
    bool tls = false;           // the reply was read with SSL_read()
};

// The facts, in the order of the bytes, then what the notebooks' read-until-close loop would have
// done. Reads from the source only the lines it quotes (status line, headers, chunk size lines), so a
// reply of any size costs the same.
QList<FramingFact> explainFraming(const FramingInput &input);

// Past this many chunks the list names the first ones, then how many it leaves out, then the last.
inline constexpr int MaxListedChunks = 200;

} // namespace SocketLab
