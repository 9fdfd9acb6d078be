// libFuzzer target for HttpResponseParser. The first two bytes choose the request method, the
// limits and how the rest is split into feed() calls; the rest is the response. Every split must
// give what one whole feed() gives, and the parser's promises must hold after every call.
#include "http/httpresponseparser.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace SocketLab;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

struct Result
{
    HttpResponseParser::State state;
    HttpResponseParser::ErrorKind error;
    qint64 errorOffset;
    HttpFraming framing;
    QByteArray version;
    QByteArray protocol;
    ByteRange upgraded;
    bool transferEncodingNotChunked;
    int status;
    QByteArray reason;
    QList<QByteArray> headers;
    QList<qint64> marks;  // part, offset, length for each
    bool marksTruncated;
    QList<qint64> deviations;  // kind, offset for each
    QList<int> interim;
    QByteArray body;
    qint64 bodyBytes;
    qint64 consumed;
    qint64 messageEnd;
    qint64 contentLength;

    bool operator==(const Result &) const = default;
};

void checkPromises(const HttpResponseParser &parser, qint64 fed, HttpResponseParser::State before,
                   const HttpResponseParser::Limits &limits)
{
    using State = HttpResponseParser::State;
    const State state = parser.state();
    require(before == State::Incomplete || state == before);
    require(parser.consumed() == fed);
    require(parser.bodyBytes() >= 0 && parser.bodyBytes() <= parser.consumed());
    require((state == State::Error) == (parser.error() != HttpResponseParser::ErrorKind::None));
    if (state == State::Error)
        require(parser.errorOffset() >= 0 && parser.errorOffset() <= parser.consumed());
    else
        require(parser.errorOffset() == -1);
    if (state == State::Complete)
        require(parser.messageEnd() >= 0 && parser.messageEnd() <= parser.consumed());
    else
        require(parser.messageEnd() == -1);
    // After a 101 every byte past the head is the new protocol's, after a 2xx to CONNECT the
    // tunnel's; no other reply has any.
    const ByteRange upgraded = parser.upgradedBytes();
    if (endsWithItsHead(parser.framing()))
        require(upgraded.offset == parser.messageEnd() && upgraded.end() == parser.consumed() && parser.bodyBytes() == 0);
    else
        require(upgraded == ByteRange{});

    const QList<HttpMark> marks = parser.marks();
    // Past maxMarks only the trailer section's marks are kept, and maxHeaderBytes bounds that section.
    const auto trailers = std::count_if(marks.cbegin(), marks.cend(), [](const HttpMark &mark) { return mark.part == HttpPart::Trailer; });
    require(marks.size() - trailers <= limits.maxMarks);
    require(trailers <= limits.maxHeaderBytes);
    qint64 previousEnd = 0;
    for (const HttpMark &mark : marks) {
        require(mark.range.offset >= previousEnd);
        require(mark.range.length > 0);
        previousEnd = mark.range.end();
    }
    require(previousEnd <= parser.consumed());
    if (state == State::Complete)
        require(previousEnd <= parser.messageEnd());

    qint64 previousOffset = 0;
    for (const HttpDeviationNote &note : parser.deviations()) {
        require(note.offset >= previousOffset && note.offset <= parser.consumed());
        previousOffset = note.offset;
    }
    for (const HttpHeader &header : parser.headers())
        require(header.range.offset >= 0 && header.range.end() <= parser.consumed());
    require(parser.headers().size() <= limits.maxHeaderCount);
}

Result parse(const char *data, qint64 size, const QByteArray &method, const HttpResponseParser::Limits &limits,
             std::uint32_t seed)
{
    HttpResponseParser parser(limits);
    parser.setRequestMethod(method);
    Result result{};
    const char *pieceBegin = nullptr;
    qint64 pieceLength = 0;
    parser.setBodyCallback([&](const char *body, qint64 length) {
        // Straight from the fed bytes, never from a copy, never empty.
        require(length > 0);
        require(body >= pieceBegin && body + length <= pieceBegin + pieceLength);
        result.body.append(body, length);
    });

    qint64 fed = 0;
    while (fed < size) {
        qint64 length = size - fed;
        if (seed != 0) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            length = std::min<qint64>(length, 1 + seed % ((seed >> 8) % 4 == 0 ? 257 : 9));
        }
        pieceBegin = data + fed;
        pieceLength = length;
        const HttpResponseParser::State before = parser.state();
        parser.feed(pieceBegin, pieceLength);
        fed += length;
        checkPromises(parser, fed, before, limits);
    }
    const HttpResponseParser::State before = parser.state();
    parser.finish();
    checkPromises(parser, fed, before, limits);
    require(parser.state() != HttpResponseParser::State::Incomplete);
    require(parser.bodyBytes() == result.body.size());

    result.state = parser.state();
    result.error = parser.error();
    result.errorOffset = parser.errorOffset();
    result.framing = parser.framing();
    result.version = parser.version();
    result.status = parser.statusCode();
    result.reason = parser.reasonPhrase();
    for (const HttpHeader &header : parser.headers())
        result.headers << header.name << header.value << QByteArray::number(header.range.offset)
                       << QByteArray::number(header.range.length);
    for (const HttpMark &mark : parser.marks())
        result.marks << qint64(mark.part) << mark.range.offset << mark.range.length;
    result.marksTruncated = parser.marksTruncated();
    for (const HttpDeviationNote &note : parser.deviations())
        result.deviations << qint64(note.kind) << note.offset;
    result.interim = parser.interimStatuses();
    result.bodyBytes = parser.bodyBytes();
    result.consumed = parser.consumed();
    result.messageEnd = parser.messageEnd();
    result.contentLength = parser.contentLength();
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const std::uint8_t flags = data[0];
    const std::uint32_t seed = 0x9e3779b9u ^ (std::uint32_t(data[1]) << 8) ^ flags;
    const char *response = reinterpret_cast<const char *>(data + 2);
    const qint64 length = qint64(size - 2);

    QByteArray method = "GET";
    if (flags & 1)
        method = "HEAD";
    else if (flags & 2)
        method = "CONNECT";
    HttpResponseParser::Limits limits;
    // Small limits let short inputs reach every limit.
    if (flags & 4) {
        limits.maxHeaderBytes = 48;
        limits.maxHeaderCount = 3;
        limits.maxChunkSizeDigits = 2;
        limits.maxMarks = 6;
    }

    const Result whole = parse(response, length, method, limits, 0);
    const Result pieces = parse(response, length, method, limits, seed);
    require(whole == pieces);
    return 0;
}
