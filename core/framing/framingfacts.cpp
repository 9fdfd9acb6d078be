#include "framingfacts.h"

#include <algorithm>

namespace SocketLab {

namespace {

using Kind = FramingFact::Kind;

// A quoted line is shown, not processed: a longer one is cut, never read whole.
constexpr qint64 MaxQuotedBytes = 512;

QByteArray quoteLine(const ByteSource &bytes, const ByteRange &range)
{
    QByteArray line = bytes.read(range.offset, std::min(range.length, MaxQuotedBytes));
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The 1-based number of the recv() that brought the byte at offset; -1 if none did.
int segmentNumber(const QList<Segment> &segments, qint64 offset)
{
    const auto it = std::partition_point(segments.cbegin(), segments.cend(),
                                         [offset](const Segment &s) { return s.offset + s.length <= offset; });
    if (it == segments.cend() || it->offset > offset)
        return -1;
    return int(it - segments.cbegin()) + 1;
}

qint64 arrivalUs(const QList<Segment> &segments, qint64 offset)
{
    const int number = segmentNumber(segments, offset);
    return number < 0 ? -1 : segments.at(number - 1).timeUs;
}

const HttpHeader *findHeader(const QList<HttpHeader> &headers, QByteArrayView name, bool last = false)
{
    const HttpHeader *found = nullptr;
    for (const HttpHeader &header : headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) == 0) {
            found = &header;
            if (!last)
                break;
        }
    }
    return found;
}

bool hasToken(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &item : value.split(',')) {
        if (QByteArrayView(item.trimmed()).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// "timeout=5, max=100" -> 5; -1 when the server announced none.
qint64 keepAliveTimeout(const QList<HttpHeader> &headers)
{
    const HttpHeader *header = findHeader(headers, "Keep-Alive");
    if (!header)
        return -1;
    for (const QByteArray &item : header->value.split(',')) {
        const QByteArray parameter = item.trimmed();
        if (!parameter.toLower().startsWith("timeout="))
            continue;
        bool ok = false;
        const qint64 seconds = parameter.mid(8).trimmed().toLongLong(&ok);
        if (ok && seconds >= 0)
            return seconds;
    }
    return -1;
}

FramingFact fact(Kind kind, ByteRange range = {-1, 0})
{
    FramingFact f;
    f.kind = kind;
    f.range = range;
    return f;
}

FramingFact chunkFact(const ByteSource &bytes, const HttpMark &sizeLine, qint64 number, const HttpMark *data)
{
    const QByteArray line = quoteLine(bytes, sizeLine.range);
    qsizetype digits = 0;
    while (digits < line.size() && isHexDigit(line.at(digits)))
        ++digits;
    FramingFact f = fact(Kind::Chunk, sizeLine.range);
    f.text = line.left(digits);
    bool ok = false;
    f.value = f.text.toLongLong(&ok, 16);
    if (!ok)
        f.value = -1;
    const qsizetype semicolon = line.indexOf(';', digits);
    if (semicolon >= 0)
        f.extensions = line.mid(semicolon).trimmed();
    f.number = number;
    if (f.value == 0)
        f.kind = Kind::LastChunk;
    if (data)
        f.dataRange = data->range;
    return f;
}

FramingFact notListedFact(qint64 notListed, qint64 marked)
{
    FramingFact omitted = fact(Kind::ChunksNotListed);
    omitted.value = notListed;
    omitted.number = marked;
    return omitted;
}

// The chunks past the parser's marks (Limits::maxMarks: about 33,000 chunks), counted from its state:
// the ones after the listed chunks are left out, then the last one it read a size line of is said
// when it is the last chunk or one of which no data came. marked: how many chunks kept their ranges.
void explainUnmarkedChunks(const ByteSource &bytes, const HttpResponseParser &http, qint64 listed, qint64 marked,
                           QList<FramingFact> &facts)
{
    using Where = HttpResponseParser::Progress::Where;
    const HttpResponseParser::Progress progress = http.progress();
    const bool lastChunk = progress.chunkLine.offset >= 0 && progress.chunkSize == 0
        && (progress.where == Where::Trailers || progress.where == Where::Done);
    const bool noDataYet = progress.chunkLine.offset >= 0 && progress.where == Where::ChunkData && progress.chunkRead == 0;
    const bool tail = (lastChunk || noDataYet) && progress.chunks > listed;
    const qint64 notListed = progress.chunks - listed - (tail ? 1 : 0);
    if (notListed > 0)
        facts.append(notListedFact(notListed, marked));
    if (tail)
        facts.append(chunkFact(bytes, {HttpPart::ChunkSizeLine, progress.chunkLine}, progress.chunks, nullptr));
}

void explainChunks(const ByteSource &bytes, const HttpResponseParser &http, const QList<HttpMark> &marks, qsizetype from,
                   QList<FramingFact> &facts)
{
    const bool truncated = http.marksTruncated();
    qint64 number = 0;
    qint64 notListed = 0;
    bool omittedSaid = false;
    qint64 marked = 0;
    for (qsizetype i = from; i < marks.size(); ++i) {
        const HttpMark &mark = marks.at(i);
        if (mark.part == HttpPart::ChunkSizeLine) {
            ++number;
            const HttpMark *data = i + 1 < marks.size() && marks.at(i + 1).part == HttpPart::ChunkData ? &marks.at(i + 1)
                                                                                                        : nullptr;
            if (truncated) {
                // Past the marks a chunk's data may be missing for want of room, not of bytes: the
                // parser's state tells the rest. Only complete chunks are taken from the marks.
                const bool complete = data && i + 2 < marks.size() && marks.at(i + 2).part == HttpPart::ChunkDataEnd;
                if (!complete)
                    break;
                marked = number;
                if (number > MaxListedChunks)
                    continue;
                facts.append(chunkFact(bytes, mark, number, data));
                continue;
            }
            // Only a chunk with data can be left out: the last one (size 0) is always said. Decided
            // before its line is read, so tens of thousands of chunks cost no read each.
            if (number > MaxListedChunks && data) {
                ++notListed;
                continue;
            }
            const FramingFact chunk = chunkFact(bytes, mark, number, data);
            if (notListed > 0 && !omittedSaid) {
                facts.append(notListedFact(notListed, 0));
                omittedSaid = true;
            }
            facts.append(chunk);
        } else if (mark.part == HttpPart::Trailer && !truncated) {
            FramingFact trailer = fact(Kind::Trailer, mark.range);
            trailer.text = quoteLine(bytes, mark.range);
            facts.append(trailer);
        }
    }
    if (truncated) {
        explainUnmarkedChunks(bytes, http, std::min<qint64>(marked, MaxListedChunks), marked, facts);
        // The trailer section is always marked (HttpResponseParser::Limits::maxMarks).
        for (const HttpMark &mark : marks) {
            if (mark.part == HttpPart::Trailer) {
                FramingFact trailer = fact(Kind::Trailer, mark.range);
                trailer.text = quoteLine(bytes, mark.range);
                facts.append(trailer);
            }
        }
        return;
    }
    // Cut off mid-list: the count still goes in, so nothing is silently left out.
    if (notListed > 0 && !omittedSaid)
        facts.append(notListedFact(notListed, 0));
}

// What the message's framing still awaited when the bytes ended; -1 when it cannot be counted.
qint64 awaitedBytes(const HttpResponseParser &http)
{
    if (!http.headersComplete())
        return -1;
    if (http.framing() == HttpFraming::ContentLength)
        return std::max<qint64>(0, http.contentLength() - http.bodyBytes());
    const HttpResponseParser::Progress progress = http.progress();
    if (progress.where == HttpResponseParser::Progress::Where::ChunkData)
        return progress.chunkSize - progress.chunkRead;
    return -1;
}

void explainHttp(const FramingInput &input, qint64 size, QList<FramingFact> &facts)
{
    const HttpResponseParser &http = *input.http;
    const ByteSource &bytes = *input.bytes;
    const QList<HttpMark> marks = http.marks();
    const QList<HttpHeader> headers = http.headers();

    // The final response's status line: the last one, after any 1xx.
    qsizetype statusIndex = -1;
    for (qsizetype i = 0; i < marks.size(); ++i) {
        if (marks.at(i).part == HttpPart::StatusLine)
            statusIndex = i;
        else if (marks.at(i).part != HttpPart::Header && marks.at(i).part != HttpPart::BlankLine)
            break;
    }
    if (!http.interimStatuses().isEmpty()) {
        FramingFact interim = fact(Kind::InterimResponses);
        interim.value = http.interimStatuses().size();
        facts.append(interim);
    }
    if (statusIndex >= 0) {
        FramingFact status = fact(Kind::StatusLine, marks.at(statusIndex).range);
        status.value = http.statusCode();
        status.text = quoteLine(bytes, status.range);
        facts.append(status);
    }
    qsizetype headEndIndex = -1;
    for (qsizetype i = std::max<qsizetype>(statusIndex, 0); i < marks.size(); ++i) {
        if (marks.at(i).part == HttpPart::BlankLine && statusIndex >= 0 && i > statusIndex) {
            headEndIndex = i;
            break;
        }
    }
    const ByteRange headEnd = headEndIndex >= 0 ? marks.at(headEndIndex).range : ByteRange{-1, 0};

    const auto headerFact = [&](Kind kind, const HttpHeader *header) {
        FramingFact f = fact(kind, header ? header->range : headEnd);
        if (header)
            f.text = quoteLine(bytes, header->range);
        return f;
    };
    const HttpHeader *contentLength = findHeader(headers, "Content-Length");
    const HttpHeader *transferEncoding = findHeader(headers, "Transfer-Encoding", true);
    const bool head = http.framing() == HttpFraming::NoBody && http.statusCode() != 204 && http.statusCode() != 304;
    switch (http.framing()) {
    case HttpFraming::Unknown:
        break;
    case HttpFraming::NoBody: {
        FramingFact f = headerFact(head ? Kind::NoBodyHead : Kind::NoBodyStatus, nullptr);
        f.range = statusIndex >= 0 ? marks.at(statusIndex).range : headEnd;
        f.value = http.statusCode();
        facts.append(f);
        break;
    }
    case HttpFraming::SwitchedProtocols:
    case HttpFraming::Tunnel: {
        FramingFact f = headerFact(Kind::EndsWithHead, nullptr);
        f.range = http.upgradedBytes();
        f.value = http.statusCode();
        if (f.range.length == 0)
            f.range = {-1, 0};
        facts.append(f);
        break;
    }
    case HttpFraming::ContentLength: {
        FramingFact f = headerFact(Kind::ContentLength, contentLength);
        f.value = http.contentLength();
        facts.append(f);
        break;
    }
    case HttpFraming::Chunked:
        facts.append(headerFact(Kind::Chunked, transferEncoding));
        if (contentLength)
            facts.append(headerFact(Kind::ContentLengthIgnored, contentLength));
        break;
    case HttpFraming::UntilClose:
        facts.append(http.transferEncodingNotChunked() ? headerFact(Kind::TransferEncodingNotChunked, transferEncoding)
                                                       : headerFact(Kind::NoLength, nullptr));
        break;
    }
    if (headEnd.offset >= 0)
        facts.append(fact(Kind::HeadEnd, headEnd));

    if (http.framing() == HttpFraming::ContentLength || http.framing() == HttpFraming::UntilClose) {
        const qint64 start = headEnd.end();
        const qint64 end = http.messageEnd() >= 0 ? http.messageEnd() : size;
        FramingFact body = fact(Kind::Body, {start, end - start});
        body.value = end - start;
        if (body.range.length > 0)
            facts.append(body);
    } else if (http.framing() == HttpFraming::Chunked) {
        explainChunks(bytes, http, marks, headEndIndex + 1, facts);
    }

    const bool endsWithHead = endsWithItsHead(http.framing());
    if (http.state() == HttpResponseParser::State::Complete) {
        FramingFact end = fact(Kind::BodyEnd, {http.messageEnd(), 0});
        end.timeUs = http.messageEnd() > 0 ? arrivalUs(input.segments, http.messageEnd() - 1) : -1;
        end.firstSegment = http.messageEnd() > 0 ? segmentNumber(input.segments, http.messageEnd() - 1) : -1;
        end.tls = input.tls;
        facts.append(end);
        if (!endsWithHead) {
            if (size > http.messageEnd()) {
                FramingFact after = fact(Kind::AfterBody, {http.messageEnd(), size - http.messageEnd()});
                after.value = after.range.length;
                after.firstSegment = segmentNumber(input.segments, after.range.offset);
                after.lastSegment = segmentNumber(input.segments, size - 1);
                after.timeUs = arrivalUs(input.segments, after.range.offset);
                after.tls = input.tls;
                facts.append(after);
            } else {
                facts.append(fact(Kind::NothingAfter, {http.messageEnd(), 0}));
            }
        }
    } else if (http.error() != HttpResponseParser::ErrorKind::None
               && http.error() != HttpResponseParser::ErrorKind::Truncated) {
        facts.append(fact(Kind::Malformed, {http.errorOffset(), http.errorOffset() < size ? 1 : 0}));
    } else {
        FramingFact incomplete = fact(Kind::Incomplete, {size, 0});
        incomplete.value = awaitedBytes(http);
        facts.append(incomplete);
    }
}

void explainLoop(const FramingInput &input, qint64 size, QList<FramingFact> &facts)
{
    const ExchangeTimings &t = input.timings;
    if (input.stop.reason == StopReason::PeerClosed) {
        FramingFact same = fact(Kind::LoopSame);
        same.timeUs = t.totalUs >= 0 && t.firstByteUs >= 0 ? t.totalUs - t.firstByteUs : -1;
        same.value = size;
        facts.append(same);
        return;
    }
    // When the last byte the reply needed came: the end of the HTTP message, else the last byte.
    const HttpResponseParser *http = input.http;
    const bool complete = http && http->state() == HttpResponseParser::State::Complete;
    const qint64 lastNeeded = complete ? http->messageEnd() - 1 : size - 1;
    const qint64 lastUs = lastNeeded >= 0 ? arrivalUs(input.segments, lastNeeded) : -1;
    const qint64 observedUs = lastUs >= 0 && t.totalUs >= lastUs ? t.totalUs - lastUs : -1;
    if (http && http->headersComplete()) {
        const QList<HttpHeader> headers = http->headers();
        const HttpHeader *connection = findHeader(headers, "Connection");
        const bool http10 = http->version() == "HTTP/1.0";
        const bool closes = connection ? hasToken(connection->value, "close") : http10;
        if (closes) {
            FramingFact f = fact(Kind::LoopConnectionClose, connection ? connection->range : ByteRange{-1, 0});
            if (connection)
                f.text = quoteLine(*input.bytes, connection->range);
            facts.append(f);
            return;
        }
        FramingFact keepAlive = fact(Kind::LoopKeepAlive);
        if (const HttpHeader *header = findHeader(headers, "Keep-Alive")) {
            keepAlive.range = header->range;
            keepAlive.text = quoteLine(*input.bytes, header->range);
        }
        keepAlive.value = keepAliveTimeout(headers);
        // Stopping at the framing tells nothing of how long the server would have held on.
        keepAlive.waitUs = input.stop.reason == StopReason::HttpComplete ? -1 : observedUs;
        facts.append(keepAlive);
        return;
    }
    FramingFact observed = fact(Kind::LoopObserved);
    observed.waitUs = observedUs;
    facts.append(observed);
}

} // namespace

QList<FramingFact> explainFraming(const FramingInput &input)
{
    QList<FramingFact> facts;
    FramingFact stop = fact(Kind::Stop);
    stop.stop = input.stop;
    facts.append(stop);
    const qint64 size = input.bytes ? input.bytes->size() : 0;
    if (input.http && input.bytes)
        explainHttp(input, size, facts);
    else
        facts.append(fact(Kind::NotHttp));
    explainLoop(input, size, facts);
    return facts;
}

} // namespace SocketLab
