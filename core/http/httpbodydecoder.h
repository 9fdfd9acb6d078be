#pragma once

#include "http/contentdecoder.h"
#include "http/httpresponseparser.h"

#include <QByteArray>

#include <array>
#include <memory>

namespace SocketLab {

class ByteSink;
class ByteSource;

// The body of one response as a person wants it: chunked framing removed, then its Content-Encoding
// undone, with what went wrong on the way and where.
struct HttpBody
{
    // The Content-Encoding named by the response, lowercased ("gzip", "br", "identity"); empty when
    // the response names none.
    QByteArray contentEncoding;
    // From Content-Type, lowercased, the charset's quotes removed; empty when absent.
    QByteArray mediaType;
    QByteArray charset;

    qint64 encodedBytes = 0;   // body bytes read, chunked framing removed
    qint64 decodedBytes = 0;   // bytes of the decoded body (of the body as received when undecodable)
    bool complete = false;     // the framed end of the body was read
    bool inputCut = false;     // reading stopped at Options::inputLimit with more body to come
    bool keptCut = false;      // decoded bytes past Options::keepLimit were not kept
    QByteArray kept;           // the first Options::keepLimit decoded bytes

    // What bypassed or stopped decoding: an unknown coding leaves the body as received, the others
    // stop decoding where they were found. Never OutputLimitReached: that is capReached.
    ContentDecoder::ErrorKind error = ContentDecoder::ErrorKind::None;
    qint64 errorBodyOffset = -1;   // in the encoded body; -1 when the error is not about a byte
    qint64 errorReplyOffset = -1;  // the same byte in the reply
    // The decoded body would have gone past Options::cap: decoding stopped at the cap, having read
    // the reply up to capReplyOffset (give or take the few bytes a decoder reads ahead, so it may
    // differ by how the reply was split into pieces).
    bool capReached = false;
    qint64 capReplyOffset = -1;
    qint64 cap = 0;
    int writeErrno = 0;            // the sink refused the decoded bytes (a full disk): decoding stopped

    // The coding cannot be undone here (unknown, stacked, or its decoder could not start).
    bool undecodable() const;
    // A Content-Encoding other than identity was undone.
    bool decoded() const;
};

// Decodes the body of an HTTP response from the reply's bytes, fed in order from the first byte as
// they come (or read back from a ByteSource by decode()): memory stays within one piece of the reply
// plus Options::keepLimit, whatever the body's size, and a decoded body stops at Options::cap so a
// small compressed body cannot inflate into the machine's memory.
class HttpBodyDecoder
{
public:
    static constexpr qint64 DefaultCap = qint64(256) * 1024 * 1024;

    struct Options
    {
        qint64 cap = DefaultCap;     // decoded bytes at most
        qint64 keepLimit = 0;        // decoded bytes kept in HttpBody::kept
        qint64 inputLimit = -1;      // body bytes read at most (chunked framing removed); -1: all
        ByteSink *sink = nullptr;    // receives every decoded byte, as one segment, when set
        QByteArray requestMethod;    // "HEAD" responses have no body
    };

    explicit HttpBodyDecoder(const Options &options);
    ~HttpBodyDecoder();
    HttpBodyDecoder(const HttpBodyDecoder &) = delete;
    HttpBodyDecoder &operator=(const HttpBodyDecoder &) = delete;

    // The reply's next bytes, continuing where the previous call stopped.
    void feed(const char *data, qint64 len);
    // False once more bytes cannot change the result: the body ended, or Options::inputLimit was reached.
    bool wantsMore() const;
    // The reply is over. peerClosed: the server closed the connection, which ends a body read until
    // close. A body that did not reach its framed end keeps what was decoded and is not complete.
    void finish(bool peerClosed);

    const HttpBody &body() const { return m_body; }

    // The whole body of a reply already received: `parsed` is the exchange's parse of `raw` (its end,
    // and whether it is complete, decide how the body ends). Reads raw a piece at a time.
    static HttpBody decode(const HttpResponseParser &parsed, const ByteSource &raw, const Options &options);

private:
    // Where a piece of the body lies in the reply, to turn a decoder's offset into the reply's.
    struct Piece
    {
        qint64 bodyOffset = 0;
        qint64 replyOffset = 0;
        qint64 length = 0;
    };

    void startBody();
    void onBody(const char *data, qint64 len);
    void decodePiece(const char *data, qint64 len);
    void deliver(const char *data, qint64 len);
    void keep(const char *data, qint64 len);
    void noteDecoderError();
    qint64 replyOffsetOf(qint64 bodyOffset) const;
    void endBody(bool framedEnd);

    Options m_options;
    HttpResponseParser m_parser;
    std::unique_ptr<ContentDecoder> m_decoder;
    HttpBody m_body;
    bool m_started = false;
    // Decoding stopped (an error, the cap, a failed write); the body is still followed to its end.
    bool m_stopped = false;
    bool m_ended = false;
    // The last pieces of body seen: a decoder finds an error at most a few bytes behind the piece it is
    // given (deflate's two-byte header may straddle pieces), so a few suffice.
    std::array<Piece, 4> m_pieces {};
    int m_pieceCount = 0;
};

} // namespace SocketLab
