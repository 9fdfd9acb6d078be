#include "httpconversationparser.h"

#include "bytes/bytesource.h"
#include "conversation/conversationrecord.h"

#include <algorithm>
#include <cstring>

namespace SocketLab {

namespace {

// What one read() of a direction takes: large enough to cost little per call, small enough that a
// message's head is never copied with megabytes of body behind it.
constexpr qint64 ReadBlock = 256 * 1024;

// The status line and head the response parser is given before a chunked request body: the chunked
// coding is the same in both directions (RFC 9112 section 7.1), so the parser that reads responses'
// chunks, with every check it makes, reads requests' too.
const QByteArray ChunkedPrefix = QByteArrayLiteral("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");

bool isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// The deviations after which the bytes are no request line at all.
bool breaksRequestLine(RequestHead::DeviationKind kind)
{
    using Kind = RequestHead::DeviationKind;
    return kind == Kind::RequestLineShape || kind == Kind::MethodNotToken || kind == Kind::VersionSyntax
           || kind == Kind::TargetCharacter;
}

// The first deviation of the request line that makes it none, or nullptr.
const RequestHead::Deviation *requestLineBreak(const RequestHead &head)
{
    for (const RequestHead::Deviation &deviation : head.deviations) {
        if (breaksRequestLine(deviation.kind) && deviation.offset <= head.requestLine.end())
            return &deviation;
    }
    return nullptr;
}

// Whether the bytes a client sent first start like a request: a method (a token), a space, then,
// once the line is whole, a target and HTTP/x.y. nullopt while the bytes cannot tell yet. A TLS
// ClientHello or a binary protocol fails at its first byte.
std::optional<bool> startsLikeRequest(QByteArrayView bytes)
{
    const qsizetype start = RequestHead::blankPrefixLength(bytes);
    // A CR last may be the first half of one more empty line.
    if (bytes.sliced(start) == "\r")
        return std::nullopt;
    qsizetype i = start;
    while (i < bytes.size() && isTokenChar(bytes.at(i)))
        ++i;
    if (i == bytes.size())
        return std::nullopt;
    if (i == start || bytes.at(i) != ' ')
        return false;
    const qsizetype lineEnd = bytes.indexOf('\n', i);
    if (lineEnd < 0)
        return std::nullopt;
    const RequestHead line = RequestHead::read(bytes.first(lineEnd + 1));
    return !line.requestLine.isNull() && !requestLineBreak(line);
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Every Transfer-Encoding header's codings, in order, ends with chunked.
bool lastCodingIsChunked(const RequestHead &head)
{
    QByteArray last;
    for (const RequestHead::Header &header : head.headers) {
        if (!equalsNoCase(header.name, "Transfer-Encoding"))
            continue;
        for (const QByteArray &coding : header.value.split(',')) {
            if (!coding.trimmed().isEmpty())
                last = coding.trimmed();
        }
    }
    return equalsNoCase(last, "chunked");
}

// A request asking to leave HTTP: what follows its response may be a tunnel's or another protocol's.
bool asksToSwitch(const HttpConversationExchange &exchange)
{
    if (exchange.method == "CONNECT")
        return true;
    return std::any_of(exchange.request.headers.cbegin(), exchange.request.headers.cend(),
                       [](const HttpHeader &header) { return equalsNoCase(header.name, "Upgrade"); });
}

qint64 headBytesOf(const HttpMessage &message)
{
    qint64 n = 0;
    for (const HttpHeader &header : message.headers)
        n += header.name.size() + header.value.size() + qint64(sizeof(HttpHeader));
    return n;
}

} // namespace

// One message read by the response parser: a response, or a chunked request body behind
// ChunkedPrefix. Turns the parser's offsets (from its first byte) into the direction's, and its
// marks into the message's chunks, looking at each mark once.
struct HttpConversationParser::BodyReader
{
    HttpResponseParser parser;
    qint64 base = 0;      // where the parser's first real byte lies in the direction
    qint64 prefix = 0;    // bytes given to the parser before that one
    qsizetype markFrom = 0;   // the marks from here on may have changed (the last one grows)
    qsizetype nextFresh = 0;  // the marks from here on were never looked at
    bool lastChunkListed = false;
    bool headTaken = false;
    qint64 headEnd = -1;  // in the parser's offsets

    qint64 toDirection(qint64 parserOffset) const { return base + parserOffset - prefix; }
    ByteRange toDirection(const ByteRange &range) const { return {toDirection(range.offset), range.length}; }

    // Feeds bytes; how many of them belong to this message.
    qint64 feed(const QByteArray &bytes)
    {
        const qint64 before = parser.consumed();
        parser.feed(bytes);
        if (parser.state() == HttpResponseParser::State::Complete)
            return std::min<qint64>(bytes.size(), parser.messageEnd() - before);
        return bytes.size();
    }

    // The message as the parser sees it now.
    void apply(HttpMessage &message)
    {
        const QList<HttpMark> marks = parser.marks();
        if (!headTaken && parser.headersComplete()) {
            headTaken = true;
            // The last status line and blank line of the head: a 1xx before the final response has its own.
            for (const HttpMark &mark : marks) {
                if (mark.part == HttpPart::StatusLine) {
                    if (prefix == 0)
                        message.startLine = toDirection(mark.range);
                } else if (mark.part == HttpPart::BlankLine) {
                    headEnd = mark.range.end();
                } else if (mark.part != HttpPart::Header) {
                    break;
                }
            }
            if (prefix == 0) {
                message.head = {base, headEnd};
                for (HttpHeader header : parser.headers()) {
                    header.range = toDirection(header.range);
                    message.headers.append(header);
                }
                message.framing = parser.framing();
                message.contentLength = parser.contentLength();
            }
        }
        const bool complete = parser.state() == HttpResponseParser::State::Complete;
        // A message the parser refused ends where it did: what follows is not known to be part of it.
        const bool refused = parser.state() == HttpResponseParser::State::Error
                             && parser.error() != HttpResponseParser::ErrorKind::Truncated;
        const qint64 end = complete ? parser.messageEnd() : refused ? parser.errorOffset() : parser.consumed();
        message.range.length = end - prefix;
        if (headTaken && !endsWithItsHead(parser.framing()) && parser.framing() != HttpFraming::NoBody)
            message.body = {toDirection(headEnd), end - headEnd};
        const qsizetype firstTouched = std::max<qsizetype>(0, message.chunks.size() - 1);
        for (qsizetype i = markFrom; i < marks.size(); ++i) {
            const HttpMark &mark = marks.at(i);
            const bool fresh = i >= nextFresh;
            switch (mark.part) {
            case HttpPart::ChunkSizeLine:
                if (fresh) {
                    lastChunkListed = message.chunks.size() < MaxListedChunks;
                    if (lastChunkListed)
                        message.chunks.append({toDirection(mark.range), {-1, 0}, -1});
                }
                break;
            case HttpPart::ChunkData:
                if (lastChunkListed)
                    message.chunks.last().data = toDirection(mark.range);
                break;
            case HttpPart::Trailer:
                if (fresh)
                    message.trailers.append(toDirection(mark.range));
                else if (!message.trailers.isEmpty())
                    message.trailers.last() = toDirection(mark.range);
                break;
            default:
                break;
            }
        }
        nextFresh = marks.size();
        markFrom = std::max<qsizetype>(0, marks.size() - 1);
        const HttpResponseParser::Progress progress = parser.progress();
        message.chunkCount = progress.chunks;
        const qint64 currentLine = progress.chunkLine.offset >= 0 ? toDirection(progress.chunkLine.offset) : -1;
        for (qsizetype i = firstTouched; i < message.chunks.size(); ++i) {
            HttpChunk &chunk = message.chunks[i];
            if (chunk.sizeLine.offset == currentLine)
                chunk.size = progress.chunkSize;
            else
                chunk.size = chunk.data.offset >= 0 ? chunk.data.length : 0;
        }
        message.complete = complete;
    }
};

HttpConversationParser::HttpConversationParser()
    : HttpConversationParser(Limits())
{
}

HttpConversationParser::HttpConversationParser(const Limits &limits)
    : m_limits(limits)
{
}

HttpConversationParser::~HttpConversationParser() = default;

void HttpConversationParser::reset()
{
    m_verdict = Verdict::Unknown;
    m_exchanges.clear();
    m_client = {};
    m_server = {};
    m_limitReached = false;
    m_keptHeadBytes = 0;
    m_seenEvents = 0;
    m_requestHead.clear();
    m_headSearched = 0;
    m_inRequestBody = false;
    m_requestBody.reset();
    m_requestBodyLeft = 0;
    m_responseIndex = 0;
    m_response.reset();
    m_clientSize = m_serverSize = 0;
}

bool HttpConversationParser::update(const ConversationRecord &record)
{
    // Read before the bytes: a close seen here comes after every byte the stores hold.
    const bool over = record.isOver();
    bool serverEnded = over || m_server.ended;
    bool clientEnded = over || m_client.ended;
    if (!over) {
        const QList<ConversationEvent> events = record.events(m_seenEvents);
        m_seenEvents += events.size();
        using Kind = ConversationEvent::Kind;
        for (const ConversationEvent &event : events) {
            if (event.kind == Kind::PeerClosed || event.kind == Kind::PeerReset || event.kind == Kind::ShutdownBoth
                || event.kind == Kind::Closed || event.kind == Kind::Failed)
                serverEnded = true;
            if (event.kind == Kind::ShutdownWrite || event.kind == Kind::ShutdownBoth || event.kind == Kind::Closed
                || event.kind == Kind::Failed)
                clientEnded = true;
        }
    }
    // Past the display's cap the stores hold only the first bytes: their end is not the stream's,
    // so a message cut there is unfinished, not ended by a close.
    if (record.sentBytes() > record.sent().size())
        clientEnded = false;
    if (record.receivedBytes() > record.received().size())
        serverEnded = false;
    return update(record.sent(), record.received(), clientEnded, serverEnded);
}

bool HttpConversationParser::update(const ByteSource &client, const ByteSource &server, bool clientEnded,
                                    bool serverEnded)
{
    // The sizes first, then the bytes: an ended direction's size is its last.
    m_clientSize = client.size();
    m_serverSize = server.size();
    const bool endedBefore = m_client.ended && m_server.ended;
    m_client.ended = m_client.ended || clientEnded;
    m_server.ended = m_server.ended || serverEnded;
    bool changed = !endedBefore && m_client.ended && m_server.ended;
    changed |= readClient(client);
    const bool paused = waitsForSwitch();
    changed |= readServer(server);
    // The response a request asking to switch waited for came, and did not switch: the requests after
    // it are read now, not a refresh later.
    if (paused && !waitsForSwitch()) {
        changed |= readClient(client);
        changed |= readServer(server);
    }
    return changed;
}

bool HttpConversationParser::pending() const
{
    const bool clientLeft = !m_client.problem.isProblem() && m_verdict != Verdict::NotHttp && !m_limitReached
                            && m_client.pos < m_clientSize && !waitsForSwitch();
    const bool serverLeft = !m_server.problem.isProblem() && m_verdict == Verdict::Http && m_server.pos < m_serverSize
                            && m_responseIndex < m_exchanges.size();
    return clientLeft || serverLeft;
}

bool HttpConversationParser::waitsForSwitch() const
{
    if (m_exchanges.isEmpty() || m_inRequestBody)
        return false;
    const HttpConversationExchange &last = m_exchanges.last();
    return asksToSwitch(last) && last.response.framing == HttpFraming::Unknown && !m_server.problem.isProblem();
}

bool HttpConversationParser::roomForAnother(qint64 headBytes)
{
    if (m_exchanges.size() < m_limits.maxExchanges && m_keptHeadBytes + headBytes <= m_limits.maxKeptHeadBytes)
        return true;
    m_limitReached = true;
    return false;
}

void HttpConversationParser::stopClient(HttpStreamProblem::Kind kind, qint64 offset)
{
    if (m_client.problem.isProblem())
        return;
    m_client.problem.kind = kind;
    m_client.problem.offset = offset;
    m_requestHead.clear();
    m_requestBody.reset();
    m_inRequestBody = false;
}

void HttpConversationParser::stopServer(HttpStreamProblem::Kind kind, qint64 offset)
{
    if (m_server.problem.isProblem())
        return;
    m_server.problem.kind = kind;
    m_server.problem.offset = offset;
    m_response.reset();
}

bool HttpConversationParser::readClient(const ByteSource &bytes)
{
    bool changed = false;
    qint64 budget = m_limits.maxBytesPerUpdate;
    while (!m_client.problem.isProblem() && m_verdict != Verdict::NotHttp && !m_limitReached) {
        const qint64 before = m_client.pos;
        const qsizetype exchanges = m_exchanges.size();
        if (m_inRequestBody)
            readRequestBody(bytes, budget);
        else if (waitsForSwitch() || !readRequestHead(bytes, budget))
            break;
        const bool moved = m_client.pos != before || m_exchanges.size() != exchanges;
        changed |= moved || m_client.problem.isProblem();
        if (!moved)
            break;
    }
    return changed;
}

bool HttpConversationParser::readRequestHead(const ByteSource &bytes, qint64 &budget)
{
    const qint64 size = m_clientSize;
    while (m_client.pos < size && budget > 0) {
        const qint64 room = RequestHead::MaxSize - m_requestHead.size();
        const qint64 n = std::min({room, size - m_client.pos, budget, ReadBlock});
        const QByteArray more = bytes.read(m_client.pos, n);
        if (more.isEmpty())
            return false;
        m_requestHead += more;
        m_client.pos += more.size();
        budget -= more.size();
        if (m_verdict == Verdict::Unknown) {
            const std::optional<bool> request = startsLikeRequest(m_requestHead);
            if (request == false) {
                m_verdict = Verdict::NotHttp;
                stopClient(HttpStreamProblem::Kind::NotHttp, m_client.messageStart);
                return true;
            }
            if (request == true)
                m_verdict = Verdict::Http;
        }
        const qsizetype length = RequestHead::headLength(m_requestHead, std::max<qsizetype>(0, m_headSearched - 3));
        m_headSearched = m_requestHead.size();
        if (length >= 0) {
            // What follows the head is the body's or the next request's: read again from there.
            m_client.pos -= m_requestHead.size() - length;
            m_requestHead.truncate(length);
            return startRequest(RequestHead::read(m_requestHead), length);
        }
        if (m_requestHead.size() >= RequestHead::MaxSize) {
            // A first line as long as that is no request line; a whole one is, with a head too large.
            if (m_exchanges.isEmpty()) {
                const bool line = !RequestHead::read(m_requestHead).requestLine.isNull();
                m_verdict = line ? Verdict::Http : Verdict::NotHttp;
                stopClient(line ? HttpStreamProblem::Kind::RequestHeadTooLarge : HttpStreamProblem::Kind::NotHttp,
                           m_client.messageStart);
                return true;
            }
            stopClient(HttpStreamProblem::Kind::RequestHeadTooLarge, m_client.messageStart);
            return true;
        }
    }
    return false;
}

bool HttpConversationParser::startRequest(const RequestHead &head, qint64 headLength)
{
    const qint64 start = m_client.messageStart;
    if (head.requestLine.isNull() || requestLineBreak(head)) {
        const RequestHead::Deviation *broken = requestLineBreak(head);
        const qint64 offset = start + (broken ? broken->offset : 0);
        if (m_exchanges.isEmpty()) {
            m_verdict = Verdict::NotHttp;
            stopClient(HttpStreamProblem::Kind::NotHttp, start);
        } else {
            stopClient(HttpStreamProblem::Kind::BadRequestHead, offset);
            m_client.problem.requestDeviation = broken ? broken->kind : RequestHead::DeviationKind::RequestLineShape;
        }
        return true;
    }
    m_verdict = Verdict::Http;

    HttpConversationExchange exchange;
    exchange.method = head.method;
    exchange.target = head.target;
    exchange.requestVersion = head.version;
    const qint64 lineStart = start + head.requestLine.start;
    HttpMessage &request = exchange.request;
    request.range = {lineStart, start + headLength - lineStart};
    request.head = request.range;
    request.startLine = {lineStart, head.requestLine.size + head.lineEnd.size()};
    for (const RequestHead::Header &header : head.headers) {
        // Whole lines, their ending included, as the response parser marks them.
        const qsizetype lineEnd = m_requestHead.indexOf('\n', header.line.end());
        const qsizetype end = lineEnd < 0 ? header.line.end() : lineEnd + 1;
        request.headers.append({header.name, header.value, {start + header.line.start, end - header.line.start}});
    }
    if (!roomForAnother(headBytesOf(request)))
        return true;
    m_keptHeadBytes += headBytesOf(request);

    using Kind = RequestHead::DeviationKind;
    const RequestHead::Deviation *lengthProblem = nullptr;
    for (const RequestHead::Deviation &deviation : head.deviations) {
        if (deviation.kind == Kind::ContentLengthSyntax || deviation.kind == Kind::ContentLengthConflict) {
            if (!lengthProblem && !head.transferEncoded)
                lengthProblem = &deviation;
        } else {
            exchange.requestDeviations.append({deviation.kind, start + deviation.offset});
        }
    }
    const qint64 bodyStart = start + headLength;
    request.body = {bodyStart, 0};
    m_exchanges.append(exchange);
    m_requestHead.clear();
    m_headSearched = 0;
    m_client.pos = bodyStart;

    HttpMessage &kept = m_exchanges.last().request;
    if (head.transferEncoded) {
        if (!lastCodingIsChunked(head)) {
            const RequestHead::Header *encoding = head.header("Transfer-Encoding");
            stopClient(HttpStreamProblem::Kind::RequestTransferEncoding, start + (encoding ? encoding->line.start : 0));
            return true;
        }
        kept.framing = HttpFraming::Chunked;
        m_requestBody = std::make_unique<BodyReader>();
        m_requestBody->base = bodyStart;
        m_requestBody->prefix = ChunkedPrefix.size();
        m_requestBody->feed(ChunkedPrefix);
        m_requestBody->apply(kept);
        kept.range = {lineStart, headLength - (lineStart - start)};
        kept.complete = false;
        m_inRequestBody = true;
        return true;
    }
    if (lengthProblem) {
        stopClient(HttpStreamProblem::Kind::BadRequestHead, start + lengthProblem->offset);
        m_client.problem.requestDeviation = lengthProblem->kind;
        return true;
    }
    if (head.header("Content-Length")) {
        kept.framing = HttpFraming::ContentLength;
        kept.contentLength = head.contentLength;
        m_requestBodyLeft = head.contentLength;
        if (m_requestBodyLeft > 0) {
            m_inRequestBody = true;
            return true;
        }
    } else {
        // RFC 9112 section 6.3 item 7: a request with neither header has no body.
        kept.framing = HttpFraming::NoBody;
        kept.body = {-1, 0};
    }
    finishRequest(bodyStart);
    return true;
}

void HttpConversationParser::readRequestBody(const ByteSource &bytes, qint64 &budget)
{
    HttpMessage &request = m_exchanges.last().request;
    if (!m_requestBody) {
        // A Content-Length body is counted, never read.
        const qint64 n = std::min(m_requestBodyLeft, m_clientSize - m_client.pos);
        m_client.pos += n;
        m_requestBodyLeft -= n;
        request.body.length += n;
        request.range.length += n;
        if (m_requestBodyLeft == 0)
            finishRequest(m_client.pos);
        return;
    }
    const qint64 lineStart = request.range.offset;
    while (m_client.pos < m_clientSize && budget > 0) {
        const QByteArray more = bytes.read(m_client.pos, std::min({m_clientSize - m_client.pos, budget, ReadBlock}));
        if (more.isEmpty())
            return;
        budget -= more.size();
        m_client.pos += m_requestBody->feed(more);
        m_requestBody->apply(request);
        // The parser's message is the body alone: the request starts at its request line.
        request.range = {lineStart, request.body.end() - lineStart};
        const HttpResponseParser &parser = m_requestBody->parser;
        if (parser.state() == HttpResponseParser::State::Error) {
            m_client.problem.responseError = parser.error();
            stopClient(HttpStreamProblem::Kind::BadMessage, m_requestBody->toDirection(parser.errorOffset()));
            return;
        }
        if (parser.state() == HttpResponseParser::State::Complete) {
            finishRequest(m_client.pos);
            return;
        }
    }
}

void HttpConversationParser::finishRequest(qint64 end)
{
    HttpMessage &request = m_exchanges.last().request;
    request.range.length = end - request.range.offset;
    request.complete = true;
    m_inRequestBody = false;
    m_requestBody.reset();
    m_requestBodyLeft = 0;
    m_client.messageStart = end;
    m_client.pos = end;
}

bool HttpConversationParser::readServer(const ByteSource &bytes)
{
    if (m_verdict == Verdict::NotHttp || m_server.problem.isProblem())
        return false;
    bool changed = false;
    qint64 budget = m_limits.maxBytesPerUpdate;
    while (m_server.pos < m_serverSize && budget > 0 && !m_server.problem.isProblem()) {
        if (!m_response) {
            if (m_responseIndex >= m_exchanges.size()) {
                // The server spoke before any request: a protocol whose server speaks first is no HTTP.
                if (m_exchanges.isEmpty() && m_verdict == Verdict::Unknown) {
                    const std::optional<bool> response = HttpResponseParser::startsLikeResponse(bytes.read(m_server.pos, 64));
                    if (response == false) {
                        m_verdict = Verdict::NotHttp;
                        stopServer(HttpStreamProblem::Kind::NotHttp, m_server.pos);
                        stopClient(HttpStreamProblem::Kind::NotHttp, 0);
                        return true;
                    }
                }
                const bool noMoreRequests = m_client.problem.isProblem() || m_limitReached
                                            || (m_client.ended && m_client.pos >= m_clientSize && !m_inRequestBody);
                if (noMoreRequests && m_verdict == Verdict::Http && !m_limitReached) {
                    stopServer(HttpStreamProblem::Kind::ResponseWithoutRequest, m_server.pos);
                    return true;
                }
                break;
            }
            m_response = std::make_unique<BodyReader>();
            m_response->base = m_server.pos;
            m_response->parser.setRequestMethod(m_exchanges.at(m_responseIndex).method);
            HttpConversationExchange &exchange = m_exchanges[m_responseIndex];
            exchange.hasResponse = true;
            exchange.response.range = {m_server.pos, 0};
            changed = true;
        }
        const QByteArray more = bytes.read(m_server.pos, std::min({m_serverSize - m_server.pos, budget, ReadBlock}));
        if (more.isEmpty())
            break;
        budget -= more.size();
        m_server.pos += m_response->feed(more);
        takeResponse();
        changed = true;
    }
    if (m_server.ended && m_server.pos >= m_serverSize && m_response) {
        // The server closed: an until-close body ends here; any other message stays incomplete.
        if (m_response->parser.finish() == HttpResponseParser::State::Complete) {
            takeResponse();
            changed = true;
        }
    }
    return changed;
}

void HttpConversationParser::takeResponse()
{
    HttpConversationExchange &exchange = m_exchanges[m_responseIndex];
    const HttpResponseParser &parser = m_response->parser;
    m_response->apply(exchange.response);
    if (parser.headersComplete() && exchange.status == 0) {
        exchange.status = parser.statusCode();
        exchange.reasonPhrase = parser.reasonPhrase();
        exchange.responseVersion = parser.version();
        exchange.interimStatuses = parser.interimStatuses();
        m_keptHeadBytes += headBytesOf(exchange.response);
    }
    if (parser.state() == HttpResponseParser::State::Error) {
        if (parser.error() == HttpResponseParser::ErrorKind::Truncated)
            return;
        m_server.problem.responseError = parser.error();
        stopServer(HttpStreamProblem::Kind::BadMessage, m_response->toDirection(parser.errorOffset()));
        return;
    }
    if (parser.state() != HttpResponseParser::State::Complete)
        return;
    exchange.responseDeviations.clear();
    for (const HttpDeviationNote &note : parser.deviations()) {
        if (note.kind != HttpDeviation::ExtraDataAfterMessage)
            exchange.responseDeviations.append({note.kind, m_response->toDirection(note.offset)});
    }
    const qint64 end = m_response->toDirection(parser.messageEnd());
    const bool switched = endsWithItsHead(parser.framing());
    m_response.reset();
    ++m_responseIndex;
    m_server.messageStart = end;
    m_server.pos = end;
    if (switched) {
        stopServer(HttpStreamProblem::Kind::SwitchedProtocols, end);
        stopClient(HttpStreamProblem::Kind::SwitchedProtocols, exchange.request.range.end());
    }
}

} // namespace SocketLab
