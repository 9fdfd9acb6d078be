#pragma once

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace SocketLab {

struct ByteRange
{
    qint64 offset = 0;
    qint64 length = 0;
    qint64 end() const { return offset + length; }
    bool operator==(const ByteRange &) const = default;
};

// The parts of a response a person sees coloured in the hex view.
enum class HttpPart {
    StatusLine,     // "HTTP/1.1 200 OK\r\n", line ending included
    Header,         // one header line, line ending included (obs-fold continuation lines too)
    BlankLine,      // the "\r\n" that ends the header section
    ChunkSizeLine,  // "1a;ext=x\r\n"
    ChunkData,      // the bytes of one chunk
    ChunkDataEnd,   // the "\r\n" after a chunk's data
    Trailer,        // a trailer line, or the final blank line after the last chunk
    Body,           // a Content-Length or read-until-close body
};

struct HttpMark
{
    HttpPart part;
    ByteRange range;
};

struct HttpHeader
{
    QByteArray name;   // as sent
    QByteArray value;  // leading and trailing blanks removed
    ByteRange range;   // the whole line
};

// How the end of the body is found, chosen from the response itself (RFC 9112 section 6.3).
enum class HttpFraming {
    Unknown,        // the header section is not complete yet
    NoBody,         // HEAD request, 1xx, 204, 304
    ContentLength,
    Chunked,
    UntilClose,     // neither: the body ends when the server closes
    // 101 Switching Protocols: the message ends with its head, and the bytes after it belong to the
    // protocol the connection switched to (RFC 9110 section 15.2.2), never to a body.
    SwitchedProtocols,
    // A 2xx reply to CONNECT: the message ends with its head, and the bytes after it are the
    // tunnel's (RFC 9112 section 6.3 item 2, RFC 9110 section 9.3.6), whatever its headers say.
    Tunnel,
};

// Whether the message ends with its head and the bytes after it belong to something else than HTTP:
// a protocol switched to, or a tunnel.
constexpr bool endsWithItsHead(HttpFraming framing)
{
    return framing == HttpFraming::SwitchedProtocols || framing == HttpFraming::Tunnel;
}

// Things a tolerant client accepts but a person debugging a server wants to hear about.
enum class HttpDeviation {
    BareLf,                     // a line ended by LF alone
    NoReasonPhrase,             // "HTTP/1.1 200" with no reason (or no space)
    DuplicateContentLength,     // the same value sent twice
    ObsoleteLineFolding,        // a header continued on the next line
    ContentLengthWithChunked,   // both sent: chunked wins, Content-Length ignored
    InterimResponse,            // a 1xx response came before the final one
    ExtraDataAfterMessage,      // bytes after the end of the framed message
    EmptyLineBeforeStatusLine,  // CRLF or LF alone where a status line belongs (after a 1xx too)
    UnusualHttpVersion,         // HTTP/0.x or HTTP/2 and later in a text status line
    BareCr,                     // a CR not followed by LF in the head, read as a space
    ControlCharacterInValue,    // NUL (read as a space) or another control byte but HTAB in a field value
    BlankBeforeChunkLineEnd,    // spaces or tabs between a chunk size (or its extensions) and its CRLF
    EmptyChunkExtension,        // a ";" in a chunk size line with no extension name after it
    TransferEncodingNotChunked, // the last transfer coding is not chunked: the body runs until the close
};

struct HttpDeviationNote
{
    HttpDeviation kind;
    qint64 offset;
};

// The method of a request, the word before its first space ("HEAD"): what setRequestMethod() takes,
// since a reply to HEAD has no body whatever its headers say.
QByteArray requestMethodOf(const QByteArray &request);

class HttpResponseParser
{
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 64 * 1024;  // status line + headers + blank line
        int maxHeaderCount = 100;
        int maxChunkSizeDigits = 16;
        // Past this marks are no longer recorded (marksTruncated()), but for the trailer section's,
        // which maxHeaderBytes bounds: what a reply ends with is always marked.
        int maxMarks = 100000;
    };

    enum class State { Incomplete, Complete, Error };

    // Where the next byte belongs, for a person replaying a reply one recv() at a time.
    struct Progress
    {
        enum class Where { StatusLine, Headers, Body, ChunkSizeLine, ChunkData, ChunkDataEnd, Trailers, Done };
        Where where = Where::StatusLine;
        int fields = 0;          // header (or trailer) lines of the section being read, complete ones
        int chunks = 0;          // chunk size lines read whole: the number of the chunk being read
        qint64 chunkSize = 0;    // the size of that chunk
        qint64 chunkRead = 0;    // how much of its data has come
        ByteRange chunkLine{-1, 0}; // that chunk's size line, line ending included; offset -1 before the first
    };

    enum class ErrorKind {
        None,
        BadStatusLine,
        BadVersion,
        BadStatusCode,
        BadHeaderLine,          // no colon, or a space before the colon
        HeaderSectionTooLarge,
        TooManyHeaders,
        BadContentLength,
        ConflictingContentLength,
        BadChunkSize,
        ChunkSizeTooLong,
        BadChunkDataEnd,        // chunk data not followed by CRLF
        Truncated,              // the peer closed before the framed end
    };

    HttpResponseParser();
    explicit HttpResponseParser(const Limits &limits);

    // "HEAD" responses have no body whatever their headers say.
    void setRequestMethod(const QByteArray &method);
    // Receives the decoded body (chunked framing removed) as it is parsed; not called for NoBody.
    void setBodyCallback(std::function<void(const char *, qint64)> callback);

    // Whether a reply starting with these bytes is one to parse: empty lines, then "NAME/" with NAME in
    // capitals (HTTP, RTSP, SIP...). nullopt while the bytes cannot tell yet.
    static std::optional<bool> startsLikeResponse(QByteArrayView start);

    // The next bytes of the response, continuing where the previous call stopped. Bytes after a
    // complete message are counted as extra, not parsed.
    State feed(const char *data, qint64 len);
    State feed(const QByteArray &data) { return feed(data.constData(), data.size()); }
    // The peer closed: completes an UntilClose body, is an error anywhere else mid-message.
    State finish();

    State state() const { return m_state; }
    bool headersComplete() const { return m_framing != HttpFraming::Unknown; }

    QByteArray version() const { return m_version; }     // "HTTP/1.1", "RTSP/1.0"
    // The name before the "/" of the version: "HTTP", or another protocol whose replies have HTTP's
    // shape ("RTSP", "SIP", "ICE"), read with the same rules.
    QByteArray protocol() const;
    int statusCode() const { return m_status; }
    QByteArray reasonPhrase() const { return m_reason; }
    QList<HttpHeader> headers() const { return m_headers; }
    QByteArray headerValue(const QByteArray &name) const; // first match, case-insensitive
    HttpFraming framing() const { return m_framing; }
    qint64 contentLength() const { return m_contentLength; } // -1 if none
    qint64 bodyBytes() const { return m_bodyBytes; }         // decoded body bytes so far
    qint64 consumed() const { return m_consumed; }           // bytes fed so far
    qint64 messageEnd() const { return m_messageEnd; }       // offset after the message, -1 before
    QList<HttpMark> marks() const { return m_marks; }
    bool marksTruncated() const { return m_marksTruncated; }
    QList<HttpDeviationNote> deviations() const { return m_deviations; }
    // After a 101 the bytes that followed the head, which belong to the new protocol, and after a 2xx
    // to CONNECT those of the tunnel; empty otherwise.
    ByteRange upgradedBytes() const;
    // The response's Transfer-Encoding does not end with chunked, so its body ends when the server closes.
    bool transferEncodingNotChunked() const { return m_transferEncodingNotChunked; }
    // Status, version and headers of 1xx responses that came before the final one.
    QList<int> interimStatuses() const { return m_interim; }

    Progress progress() const;

    ErrorKind error() const { return m_error; }
    qint64 errorOffset() const { return m_errorOffset; }

private:
    // Where in the message the next byte belongs.
    enum class Phase {
        StatusLine,
        HeaderLines,
        LengthBody,
        CloseBody,
        ChunkSize,
        ChunkSizeBlanks,
        ChunkExtension,
        ChunkSizeLf,
        ChunkData,
        ChunkDataEnd,
        ChunkDataEndLf,
        TrailerLines,
        Done,
    };
    enum class LineStatus { Complete, NeedMore, TooLong };

    void step(const char *&p, const char *end);
    void stepFieldSection(const char *&p, const char *end);
    LineStatus takeLine(const char *&p, const char *end, qint64 allowance);
    void processStatusLine(QByteArrayView content);
    void noteControlCharacter(QByteArrayView value, qint64 valueOffset);
    void endChunkLineContent();
    void processFieldLine(QByteArrayView content);
    void processContinuation(QByteArrayView content);
    void processContentLength(QByteArrayView value, qint64 valueOffset);
    void endHeaderSection();
    void stepChunkSizeLine(const char *&p, const char *end);
    void endChunkSizeLine(qint64 bareLfOffset);
    void stepChunkDataEnd(const char *&p);
    void endChunk();
    void deliverBody(HttpPart part, const char *&p, qint64 n);
    void advance(const char *&p, qint64 n);
    void addMark(HttpPart part, qint64 offset, qint64 length, bool extendLast);
    void note(HttpDeviation kind, qint64 offset);
    void complete(qint64 end);
    void fail(ErrorKind kind, qint64 offset);

    Limits m_limits;
    QByteArray m_method;
    std::function<void(const char *, qint64)> m_bodyCallback;
    State m_state = State::Incomplete;
    QByteArray m_version;
    int m_status = 0;
    QByteArray m_reason;
    QList<HttpHeader> m_headers;
    HttpFraming m_framing = HttpFraming::Unknown;
    qint64 m_contentLength = -1;
    qint64 m_bodyBytes = 0;
    qint64 m_consumed = 0;
    qint64 m_messageEnd = -1;
    QList<HttpMark> m_marks;
    bool m_marksTruncated = false;
    QList<HttpDeviationNote> m_deviations;
    QList<int> m_interim;
    ErrorKind m_error = ErrorKind::None;
    qint64 m_errorOffset = -1;

    Phase m_phase = Phase::StatusLine;
    // The incomplete line of a header or trailer section; never longer than what is left of
    // Limits::maxHeaderBytes for that section, whatever the peer sends.
    QByteArray m_line;
    qint64 m_lineStart = 0;
    qint64 m_sectionStart = 0;
    int m_sectionFields = 0;
    // A folded Content-Length would change a value already acted upon: it is refused instead.
    bool m_lastFieldIsContentLength = false;
    qint64 m_firstContentLengthOffset = -1;
    qint64 m_remaining = 0;
    qint64 m_chunkSize = 0;
    int m_chunkDigits = 0;
    // Where the blanks before the end of a chunk size line began, -1 when the last byte was not one.
    qint64 m_chunkBlankStart = -1;
    // A ";" of a chunk extension whose name has not come yet, -1 when none.
    qint64 m_extensionSemicolon = -1;
    bool m_extensionQuoted = false;
    bool m_extensionEscape = false;
    bool m_extraNoted = false;
    bool m_transferEncodingNotChunked = false;
    int m_chunkCount = 0;
    qint64 m_currentChunkSize = 0;
    ByteRange m_chunkLine{-1, 0};
};

} // namespace SocketLab
