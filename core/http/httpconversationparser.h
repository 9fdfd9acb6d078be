#pragma once

#include "http/httpresponseparser.h"
#include "http/requesthead.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace SocketLab {

class ByteSource;
class ConversationRecord;

// One chunk of a chunked body: its size line and its data, offsets into the direction's bytes.
struct HttpChunk
{
    ByteRange sizeLine;        // "1a;ext=x\r\n", line ending included
    ByteRange data{-1, 0};     // the chunk's data as far as it came; offset -1 before any (and for the last chunk)
    qint64 size = -1;          // the size the line announced; -1 while the line is not read whole
};

// One HTTP/1.x message of a connection, request or response, as far as its bytes have come.
struct HttpMessage
{
    ByteRange range;           // from the start line's first byte to the end of the message (so far)
    ByteRange startLine;       // request line or status line, line ending included
    ByteRange head;            // start line through the blank line; length 0 while the head is not whole
    QList<HttpHeader> headers; // in the order sent; ranges are whole lines, line ending included
    // How the body's end is found: NoBody, ContentLength, Chunked, UntilClose (responses only),
    // SwitchedProtocols, Tunnel; Unknown while the head is not whole or when it could not be told.
    HttpFraming framing = HttpFraming::Unknown;
    qint64 contentLength = -1; // the Content-Length that framed the body; -1 without
    ByteRange body{-1, 0};     // the body's bytes as sent (chunk size lines included), as far as they came
    QList<HttpChunk> chunks;   // the first MaxListedChunks chunks
    qint64 chunkCount = 0;     // every chunk size line read whole, listed or not
    QList<ByteRange> trailers; // the trailer lines after the last chunk, the final blank line included
    bool complete = false;     // its framed end came
};

// Why one direction stopped being read as HTTP, and where; a message cut short by the end of the
// connection is not one of them (the message is just not complete).
struct HttpStreamProblem
{
    enum class Kind {
        None,
        NotHttp,                   // the first bytes are no request line (client) or no status line (server)
        BadRequestHead,            // requestDeviation says what; the request's end cannot be told after it
        RequestHeadTooLarge,       // no blank line within RequestHead::MaxSize
        RequestTransferEncoding,   // a request's Transfer-Encoding does not end with chunked (RFC 9112 6.3)
        BadMessage,                // the response parser refused the bytes: responseError says why
        ResponseWithoutRequest,    // the server sent a response no request asked for
        SwitchedProtocols,         // after a 101 or a 2xx to CONNECT the bytes are no longer HTTP
    };

    Kind kind = Kind::None;
    qint64 offset = -1;        // in that direction's bytes
    RequestHead::DeviationKind requestDeviation = RequestHead::DeviationKind::RequestLineShape;
    HttpResponseParser::ErrorKind responseError = HttpResponseParser::ErrorKind::None;

    bool isProblem() const { return kind != Kind::None; }
};

// One request and the response matched to it in order (RFC 9112 9.3: responses come in the order of
// the requests, pipelined or not).
struct HttpConversationExchange
{
    HttpMessage request;
    QByteArray method;
    QByteArray target;
    QByteArray requestVersion;
    // Ways the request head strays from RFC 9112 that still let its end be told (missing Host, bare LF...).
    QList<RequestHead::Deviation> requestDeviations; // offsets into the client's bytes
    bool hasResponse = false;  // the response's first byte came
    HttpMessage response;
    QByteArray responseVersion;
    int status = 0;            // the final status; 0 while the status line has not come
    QByteArray reasonPhrase;
    QList<int> interimStatuses; // 1xx responses before the final one (100 Continue...)
    QList<HttpDeviationNote> responseDeviations; // offsets into the server's bytes
};

// Reads the two directions of one connection as HTTP/1.x: the client's bytes as requests one after
// the other (keep-alive, pipelined), the server's as the responses to them in order. Incremental:
// each update() reads only the bytes that came since the last one, at most Limits::maxBytesPerUpdate
// per direction, so a connection of any size is followed at the cost of its new bytes; what is kept
// is bounded (Limits), never the bodies. Nothing is guessed: a direction that stops making sense
// stops being read, with its reason and offset (problem()).
class HttpConversationParser
{
public:
    struct Limits
    {
        // Past this many exchanges, or this many bytes of heads kept, reading stops (limitReached()).
        int maxExchanges = 1000;
        qint64 maxKeptHeadBytes = 8 * 1024 * 1024;
        // The most update() reads of each direction; pending() says when bytes are left for the next.
        qint64 maxBytesPerUpdate = 16 * 1024 * 1024;
    };

    enum class Verdict {
        Unknown,   // not enough bytes to tell yet
        Http,      // the client's first bytes are a request line
        NotHttp,   // they are not (or the server spoke first, with no status line)
    };

    // A chunked body lists this many chunks; chunkCount() counts the rest.
    static constexpr int MaxListedChunks = 200;

    HttpConversationParser();
    explicit HttpConversationParser(const Limits &limits);
    ~HttpConversationParser();
    HttpConversationParser(const HttpConversationParser &) = delete;
    HttpConversationParser &operator=(const HttpConversationParser &) = delete;

    // Reads what came since the last call. clientEnded / serverEnded: that direction will bring no
    // more bytes (the peer closed, the connection is over): an until-close body ends there, a
    // message cut short stays incomplete. Returns whether anything changed.
    bool update(const ByteSource &client, const ByteSource &server, bool clientEnded, bool serverEnded);
    // The same from a conversation's record: sent() is the client, received() the server; a
    // direction ends with the peer's close or reset, our close, or the end of the conversation.
    bool update(const ConversationRecord &record);
    // update() left bytes unread for want of budget: call it again soon.
    bool pending() const;

    Verdict verdict() const { return m_verdict; }
    const QList<HttpConversationExchange> &exchanges() const { return m_exchanges; }
    HttpStreamProblem clientProblem() const { return m_client.problem; }
    HttpStreamProblem serverProblem() const { return m_server.problem; }
    // How many bytes of each direction were read.
    qint64 clientBytesRead() const { return m_client.pos; }
    qint64 serverBytesRead() const { return m_server.pos; }
    bool clientEnded() const { return m_client.ended; }
    bool serverEnded() const { return m_server.ended; }
    // The client's bytes gathered for a request head whose end has not come, from where it starts:
    // length 0 when none. Past the client's end, a request cut short before its exchange began.
    ByteRange unfinishedRequestHead() const { return {m_client.messageStart, m_requestHead.size()}; }
    // Reading stopped at Limits::maxExchanges or Limits::maxKeptHeadBytes.
    bool limitReached() const { return m_limitReached; }

    // Forgets everything, for another connection.
    void reset();

private:
    struct Direction
    {
        qint64 pos = 0;          // the next byte to read
        qint64 messageStart = 0; // where the message being read begins
        bool ended = false;
        HttpStreamProblem problem;
    };
    struct BodyReader;

    bool readClient(const ByteSource &bytes);
    bool readServer(const ByteSource &bytes);
    bool readRequestHead(const ByteSource &bytes, qint64 &budget);
    bool startRequest(const RequestHead &head, qint64 headLength);
    void readRequestBody(const ByteSource &bytes, qint64 &budget);
    void finishRequest(qint64 end);
    bool feedResponse(const ByteSource &bytes, qint64 &budget);
    void takeResponse();
    void stopClient(HttpStreamProblem::Kind kind, qint64 offset);
    void stopServer(HttpStreamProblem::Kind kind, qint64 offset);
    bool roomForAnother(qint64 headBytes);
    // The last request asked for a tunnel or another protocol and its response has not said yet.
    bool waitsForSwitch() const;

    Limits m_limits;
    Verdict m_verdict = Verdict::Unknown;
    QList<HttpConversationExchange> m_exchanges;
    Direction m_client;
    Direction m_server;
    bool m_limitReached = false;
    qint64 m_keptHeadBytes = 0;
    qsizetype m_seenEvents = 0;
    // Each direction's size as update() found it.
    qint64 m_clientSize = 0;
    qint64 m_serverSize = 0;

    // The client: the head being gathered (at most RequestHead::MaxSize), where its end was last
    // searched, and the body being read.
    QByteArray m_requestHead;
    qsizetype m_headSearched = 0;
    bool m_inRequestBody = false;
    std::unique_ptr<BodyReader> m_requestBody;
    qint64 m_requestBodyLeft = 0;  // a Content-Length body: what is still to come (not read, counted)

    // The server: the exchange whose response is being read, and its parser.
    qsizetype m_responseIndex = 0;
    std::unique_ptr<BodyReader> m_response;
};

} // namespace SocketLab
