#include "http/httpresponseparser.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace SocketLab;

using Limits = HttpResponseParser::Limits;
using State = HttpResponseParser::State;
using ErrorKind = HttpResponseParser::ErrorKind;

namespace {

QByteArray partName(HttpPart part)
{
    switch (part) {
    case HttpPart::StatusLine: return "StatusLine";
    case HttpPart::Header: return "Header";
    case HttpPart::BlankLine: return "BlankLine";
    case HttpPart::ChunkSizeLine: return "ChunkSizeLine";
    case HttpPart::ChunkData: return "ChunkData";
    case HttpPart::ChunkDataEnd: return "ChunkDataEnd";
    case HttpPart::Trailer: return "Trailer";
    case HttpPart::Body: return "Body";
    }
    return "?";
}

QByteArray deviationName(HttpDeviation kind)
{
    switch (kind) {
    case HttpDeviation::BareLf: return "BareLf";
    case HttpDeviation::NoReasonPhrase: return "NoReasonPhrase";
    case HttpDeviation::DuplicateContentLength: return "DuplicateContentLength";
    case HttpDeviation::ObsoleteLineFolding: return "ObsoleteLineFolding";
    case HttpDeviation::ContentLengthWithChunked: return "ContentLengthWithChunked";
    case HttpDeviation::InterimResponse: return "InterimResponse";
    case HttpDeviation::ExtraDataAfterMessage: return "ExtraDataAfterMessage";
    case HttpDeviation::EmptyLineBeforeStatusLine: return "EmptyLineBeforeStatusLine";
    case HttpDeviation::UnusualHttpVersion: return "UnusualHttpVersion";
    case HttpDeviation::BareCr: return "BareCr";
    case HttpDeviation::ControlCharacterInValue: return "ControlCharacterInValue";
    case HttpDeviation::BlankBeforeChunkLineEnd: return "BlankBeforeChunkLineEnd";
    case HttpDeviation::EmptyChunkExtension: return "EmptyChunkExtension";
    case HttpDeviation::TransferEncodingNotChunked: return "TransferEncodingNotChunked";
    }
    return "?";
}

QByteArray errorName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return "None";
    case ErrorKind::BadStatusLine: return "BadStatusLine";
    case ErrorKind::BadVersion: return "BadVersion";
    case ErrorKind::BadStatusCode: return "BadStatusCode";
    case ErrorKind::BadHeaderLine: return "BadHeaderLine";
    case ErrorKind::HeaderSectionTooLarge: return "HeaderSectionTooLarge";
    case ErrorKind::TooManyHeaders: return "TooManyHeaders";
    case ErrorKind::BadContentLength: return "BadContentLength";
    case ErrorKind::ConflictingContentLength: return "ConflictingContentLength";
    case ErrorKind::BadChunkSize: return "BadChunkSize";
    case ErrorKind::ChunkSizeTooLong: return "ChunkSizeTooLong";
    case ErrorKind::BadChunkDataEnd: return "BadChunkDataEnd";
    case ErrorKind::Truncated: return "Truncated";
    }
    return "?";
}

QByteArray framingName(HttpFraming framing)
{
    switch (framing) {
    case HttpFraming::Unknown: return "Unknown";
    case HttpFraming::NoBody: return "NoBody";
    case HttpFraming::ContentLength: return "ContentLength";
    case HttpFraming::Chunked: return "Chunked";
    case HttpFraming::UntilClose: return "UntilClose";
    case HttpFraming::SwitchedProtocols: return "SwitchedProtocols";
    case HttpFraming::Tunnel: return "Tunnel";
    }
    return "?";
}

QByteArray stateName(State state)
{
    switch (state) {
    case State::Incomplete: return "Incomplete";
    case State::Complete: return "Complete";
    case State::Error: return "Error";
    }
    return "?";
}

QByteArray describeMark(HttpPart part, ByteRange range)
{
    return partName(part) + '@' + QByteArray::number(range.offset) + '+' + QByteArray::number(range.length);
}

QByteArray describeNote(HttpDeviation kind, qint64 offset)
{
    return deviationName(kind) + '@' + QByteArray::number(offset);
}

// A response built from its parts together with what a correct parser reports for it, so no
// expected offset is counted by hand.
class Message
{
public:
    Message &add(HttpPart part, const QByteArray &bytes)
    {
        m_lastPart = m_bytes.size();
        m_marks.append(describeMark(part, {m_bytes.size(), bytes.size()}));
        if (part == HttpPart::Body || part == HttpPart::ChunkData)
            m_body += bytes;
        m_bytes += bytes;
        m_end = m_bytes.size();
        return *this;
    }
    Message &status(const QByteArray &line) { return add(HttpPart::StatusLine, line); }
    Message &header(const QByteArray &line) { return add(HttpPart::Header, line); }
    Message &blank(const QByteArray &line = "\r\n") { return add(HttpPart::BlankLine, line); }
    Message &body(const QByteArray &bytes) { return add(HttpPart::Body, bytes); }
    Message &chunk(const QByteArray &sizeLine, const QByteArray &data)
    {
        return add(HttpPart::ChunkSizeLine, sizeLine).add(HttpPart::ChunkData, data).add(HttpPart::ChunkDataEnd, "\r\n");
    }
    // A chunk in two steps, so a deviation can be noted on its size line.
    Message &sizeLine(const QByteArray &line) { return add(HttpPart::ChunkSizeLine, line); }
    Message &chunkData(const QByteArray &data) { return add(HttpPart::ChunkData, data).add(HttpPart::ChunkDataEnd, "\r\n"); }
    Message &lastChunk(const QByteArray &sizeLine = "0\r\n") { return add(HttpPart::ChunkSizeLine, sizeLine); }
    Message &trailer(const QByteArray &line) { return add(HttpPart::Trailer, line); }
    // Bytes after the message: counted, never marked.
    Message &extra(const QByteArray &bytes)
    {
        m_deviations.append(describeNote(HttpDeviation::ExtraDataAfterMessage, m_bytes.size()));
        m_bytes += bytes;
        return *this;
    }
    // Bytes of the protocol a 101 switched to: counted, never marked, never a body.
    Message &upgraded(const QByteArray &bytes)
    {
        m_upgraded = {m_bytes.size(), bytes.size()};
        m_bytes += bytes;
        return *this;
    }
    // A deviation at this index of the part added last.
    Message &note(HttpDeviation kind, qint64 index)
    {
        m_deviations.append(describeNote(kind, m_lastPart + index));
        return *this;
    }
    Message &noteAtLastByte(HttpDeviation kind) { return note(kind, m_bytes.size() - 1 - m_lastPart); }

    QByteArray bytes() const { return m_bytes; }
    QList<QByteArray> marks() const { return m_marks; }
    QByteArray body() const { return m_body; }
    QList<QByteArray> deviations() const { return m_deviations; }
    qint64 end() const { return m_end; }
    ByteRange upgradedRange() const { return m_upgraded; }

private:
    ByteRange m_upgraded;
    QByteArray m_bytes;
    QByteArray m_body;
    QList<QByteArray> m_marks;
    QList<QByteArray> m_deviations;
    qint64 m_lastPart = 0;
    qint64 m_end = 0;
};

struct Expected
{
    Message message = {};
    HttpFraming framing = HttpFraming::ContentLength;
    QList<QByteArray> headers = {};  // "Name=value", the final response's only
    int status = 200;
    QByteArray reason = "OK";
    QByteArray version = "HTTP/1.1";
    QByteArray protocol = "HTTP";
    qint64 contentLength = -1;
    QList<int> interim = {};
    QByteArray method = {};
    Limits limits = {};
};

// Everything a parser reports after a whole run, so two feeding modes can be compared at once.
struct Outcome
{
    State stateBeforeFinish = State::Incomplete;
    State state = State::Incomplete;
    ErrorKind error = ErrorKind::None;
    qint64 errorOffset = -1;
    HttpFraming framing = HttpFraming::Unknown;
    QByteArray version;
    QByteArray protocol;
    int status = 0;
    QByteArray reason;
    ByteRange upgraded;
    bool transferEncodingNotChunked = false;
    QList<QByteArray> headers;
    QList<QByteArray> headerRanges;
    QList<QByteArray> marks;
    bool marksTruncated = false;
    QList<QByteArray> deviations;
    QList<int> interim;
    QByteArray body;  // as the callback received it
    qint64 bodyBytes = 0;
    qint64 consumed = 0;
    qint64 messageEnd = -1;
    qint64 contentLength = -1;
    // Broken promises seen while feeding, empty when the parser kept them all.
    QList<QByteArray> violations;

    QList<QByteArray> lines() const
    {
        QList<QByteArray> out = {
            "stateBeforeFinish " + stateName(stateBeforeFinish),
            "state " + stateName(state),
            "error " + errorName(error) + '@' + QByteArray::number(errorOffset),
            "framing " + framingName(framing),
            "status " + version + ' ' + QByteArray::number(status) + ' ' + reason,
            "protocol " + protocol,
            "upgraded " + QByteArray::number(upgraded.offset) + '+' + QByteArray::number(upgraded.length),
            "transferEncodingNotChunked " + QByteArray::number(transferEncodingNotChunked),
            "marksTruncated " + QByteArray::number(marksTruncated),
            "body " + body.toHex(),
            "bodyBytes " + QByteArray::number(bodyBytes),
            "consumed " + QByteArray::number(consumed),
            "messageEnd " + QByteArray::number(messageEnd),
            "contentLength " + QByteArray::number(contentLength),
        };
        for (int status : interim)
            out.append("interim " + QByteArray::number(status));
        for (const QList<QByteArray> *list : {&headers, &headerRanges, &marks, &deviations, &violations})
            out.append(*list);
        return out;
    }
};

struct Piece
{
    qint64 offset;
    qint64 length;
};

enum class Feeding { Whole, ByteByByte, RandomSplits };

struct Mode
{
    const char *name;
    Feeding feeding;
    unsigned seed;
};

const Mode Modes[] = {
    {"whole", Feeding::Whole, 0},
    {"byte by byte", Feeding::ByteByByte, 0},
    {"random splits, seed 1", Feeding::RandomSplits, 1},
    {"random splits, seed 2", Feeding::RandomSplits, 2},
    {"random splits, seed 3", Feeding::RandomSplits, 3},
};

QList<Piece> split(qint64 size, const Mode &mode)
{
    QList<Piece> pieces;
    std::mt19937 random(mode.seed);
    for (qint64 offset = 0; offset < size;) {
        qint64 length = size - offset;
        if (mode.feeding == Feeding::ByteByByte)
            length = 1;
        else if (mode.feeding == Feeding::RandomSplits)
            length = std::min<qint64>(length, 1 + random() % (random() % 4 == 0 ? 300 : 7));
        pieces.append({offset, length});
        offset += length;
    }
    return pieces;
}

Outcome run(const QByteArray &input, const QByteArray &method, const Limits &limits, const Mode &mode)
{
    Outcome out;
    HttpResponseParser parser(limits);
    parser.setRequestMethod(method);
    const char *pieceBegin = nullptr;
    qint64 pieceLength = 0;
    parser.setBodyCallback([&](const char *data, qint64 length) {
        // The body must come straight from the bytes being fed, never from a copy.
        const auto begin = reinterpret_cast<quintptr>(pieceBegin);
        const auto at = reinterpret_cast<quintptr>(data);
        if (length <= 0 || at < begin || at + quintptr(length) > begin + quintptr(pieceLength))
            out.violations.append("body callback outside the fed bytes");
        out.body.append(data, length);
    });
    State previous = State::Incomplete;
    for (const Piece &piece : split(input.size(), mode)) {
        pieceBegin = input.constData() + piece.offset;
        pieceLength = piece.length;
        const State state = parser.feed(pieceBegin, pieceLength);
        if (state != parser.state())
            out.violations.append("feed() returned another state than state()");
        if (previous != State::Incomplete && state != previous)
            out.violations.append("state left " + stateName(previous));
        if (parser.consumed() != piece.offset + piece.length)
            out.violations.append("consumed() is not the count of bytes fed");
        previous = state;
    }
    out.stateBeforeFinish = parser.state();
    if (parser.finish() != parser.state())
        out.violations.append("finish() returned another state than state()");
    if (previous != State::Incomplete && parser.state() != previous)
        out.violations.append("finish() changed a final state");

    out.state = parser.state();
    out.error = parser.error();
    out.errorOffset = parser.errorOffset();
    out.framing = parser.framing();
    out.version = parser.version();
    out.protocol = parser.protocol();
    out.upgraded = parser.upgradedBytes();
    out.transferEncodingNotChunked = parser.transferEncodingNotChunked();
    out.status = parser.statusCode();
    out.reason = parser.reasonPhrase();
    for (const HttpHeader &header : parser.headers()) {
        out.headers.append(header.name + '=' + header.value);
        out.headerRanges.append(describeMark(HttpPart::Header, header.range));
    }
    for (const HttpMark &mark : parser.marks())
        out.marks.append(describeMark(mark.part, mark.range));
    out.marksTruncated = parser.marksTruncated();
    for (const HttpDeviationNote &note : parser.deviations())
        out.deviations.append(describeNote(note.kind, note.offset));
    out.interim = parser.interimStatuses();
    out.bodyBytes = parser.bodyBytes();
    out.consumed = parser.consumed();
    out.messageEnd = parser.messageEnd();
    out.contentLength = parser.contentLength();
    return out;
}

// Runs every feeding mode and checks they agree with the whole-buffer run, which is returned.
Outcome runAllModes(const QByteArray &input, const QByteArray &method = {}, const Limits &limits = {})
{
    const Outcome whole = run(input, method, limits, Modes[0]);
    for (const Mode &mode : Modes) {
        const Outcome other = run(input, method, limits, mode);
        if (other.lines() != whole.lines()) {
            const QList<QByteArray> a = whole.lines();
            const QList<QByteArray> b = other.lines();
            qsizetype i = 0;
            while (i < a.size() && i < b.size() && a.at(i) == b.at(i))
                ++i;
            const QByteArray message = QByteArray("feeding \"") + mode.name + "\" differs from whole: "
                + (i < b.size() ? b.at(i) : QByteArray("(nothing)")) + " instead of "
                + (i < a.size() ? a.at(i) : QByteArray("(nothing)"));
            QTest::qFail(message.constData(), __FILE__, __LINE__);
            return whole;
        }
    }
    return whole;
}

QByteArray notebookBody()
{
    QByteArray body;
    while (body.size() < 926)
        body += "<html><head><title>Vous Etes Perdu ?</title></head><body><h1>Perdu sur l'Internet ?</h1></body></html>\n";
    body.truncate(926);
    return body;
}

} // namespace

Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(Limits)
Q_DECLARE_METATYPE(ErrorKind)

namespace SocketLab {

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed_data();
    void wellFormed();
    void errors_data();
    void errors();
    void bodyCallbackReassemblesChunkedBody();
    void marksAreCapped();
    void hugeHeaderLineFailsAtTheLimit();
    void endlessJunkEndsInErrorAndIsOnlyCounted();
    void feedAfterErrorOnlyCounts();
    void extraDataIsNotedOnce();
    void headersCompleteOnlyAfterFinalHeaderSection();
    void headerValueIgnoresCase();
};

void TestHttpResponseParser::wellFormed_data()
{
    QTest::addColumn<Expected>("expected");
    using D = HttpDeviation;

    QTest::newRow("content-length")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Type: text/plain\r\n")
                                   .header("Content-Length: 5\r\n").blank().body("hello"),
                    .headers = {"Content-Type=text/plain", "Content-Length=5"},
                    .contentLength = 5};

    QTest::newRow("notebook reply")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n")
                                   .header("Date: Sat, 22 Nov 2025 10:00:00 GMT\r\n")
                                   .header("Server: Apache\r\n")
                                   .header("Upgrade: h2\r\n")
                                   .header("Connection: Upgrade, close\r\n")
                                   .header("Last-Modified: Thu, 02 Jun 2016 06:01:08 GMT\r\n")
                                   .header("ETag: \"39e-5344fd3b9c5a4\"\r\n")
                                   .header("Accept-Ranges: bytes\r\n")
                                   .header("Vary: Accept-Encoding\r\n")
                                   .header("Content-Length: 926\r\n")
                                   .header("Content-Type: text/html\r\n")
                                   .blank()
                                   .body(notebookBody()),
                    .headers = {"Date=Sat, 22 Nov 2025 10:00:00 GMT", "Server=Apache", "Upgrade=h2",
                                "Connection=Upgrade, close", "Last-Modified=Thu, 02 Jun 2016 06:01:08 GMT",
                                "ETag=\"39e-5344fd3b9c5a4\"", "Accept-Ranges=bytes", "Vary=Accept-Encoding",
                                "Content-Length=926", "Content-Type=text/html"},
                    .contentLength = 926};

    QTest::newRow("content-length zero ends at the blank line")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 0\r\n").blank(),
                    .headers = {"Content-Length=0"},
                    .contentLength = 0};

    QTest::newRow("content-length with leading zeros")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 003\r\n").blank().body("abc"),
                    .headers = {"Content-Length=003"},
                    .contentLength = 3};

    QTest::newRow("until close")
        << Expected{.message = Message().status("HTTP/1.0 200 OK\r\n").header("Server: tiny\r\n").blank()
                                   .body("<html>until the end</html>\n"),
                    .framing = HttpFraming::UntilClose,
                    .headers = {"Server=tiny"},
                    .version = "HTTP/1.0"};

    QTest::newRow("until close, empty body")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").blank(),
                    .framing = HttpFraming::UntilClose};

    QTest::newRow("404 with reason of several words")
        << Expected{.message = Message().status("HTTP/1.1 404 Not Found\r\n").header("Content-Length: 3\r\n").blank().body("nop"),
                    .headers = {"Content-Length=3"},
                    .status = 404,
                    .reason = "Not Found",
                    .contentLength = 3};

    QTest::newRow("HEAD: no body whatever Content-Length says")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 1234\r\n").blank(),
                    .framing = HttpFraming::NoBody,
                    .headers = {"Content-Length=1234"},
                    .contentLength = 1234,
                    .method = "HEAD"};

    QTest::newRow("HEAD: no body whatever Transfer-Encoding says")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank(),
                    .framing = HttpFraming::NoBody,
                    .headers = {"Transfer-Encoding=chunked"},
                    .method = "HEAD"};

    QTest::newRow("204")
        << Expected{.message = Message().status("HTTP/1.1 204 No Content\r\n").header("Server: x\r\n").blank(),
                    .framing = HttpFraming::NoBody,
                    .headers = {"Server=x"},
                    .status = 204,
                    .reason = "No Content"};

    QTest::newRow("304 with Content-Length")
        << Expected{.message = Message().status("HTTP/1.1 304 Not Modified\r\n").header("Content-Length: 926\r\n").blank(),
                    .framing = HttpFraming::NoBody,
                    .headers = {"Content-Length=926"},
                    .status = 304,
                    .reason = "Not Modified",
                    .contentLength = 926};

    QTest::newRow("100-continue then 200")
        << Expected{.message = Message().status("HTTP/1.1 100 Continue\r\n").note(D::InterimResponse, 0).blank()
                                   .status("HTTP/1.1 200 OK\r\n").header("Content-Length: 2\r\n").blank().body("hi"),
                    .headers = {"Content-Length=2"},
                    .contentLength = 2,
                    .interim = {100}};

    QTest::newRow("103 with headers, 100, then chunked 200")
        << Expected{.message = Message().status("HTTP/1.1 103 Early Hints\r\n").note(D::InterimResponse, 0)
                                   .header("Link: </style.css>; rel=preload\r\n").blank()
                                   .status("HTTP/1.1 100 Continue\r\n").note(D::InterimResponse, 0).blank()
                                   .status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .chunk("3\r\n", "abc").lastChunk().trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"},
                    .interim = {103, 100}};

    QTest::newRow("101 ends with its head, the bytes after it are the new protocol's")
        << Expected{.message = Message().status("HTTP/1.1 101 Switching Protocols\r\n").header("Upgrade: websocket\r\n")
                                   .header("Connection: Upgrade\r\n").header("Content-Length: 0\r\n").blank()
                                   .upgraded(QByteArray("\x81\x05hello\x00\xff", 9)),
                    .framing = HttpFraming::SwitchedProtocols,
                    .headers = {"Upgrade=websocket", "Connection=Upgrade", "Content-Length=0"},
                    .status = 101,
                    .reason = "Switching Protocols",
                    .contentLength = 0};

    QTest::newRow("CONNECT 200 ends with its head whatever Content-Length says, the bytes after it are the tunnel's")
        << Expected{.message = Message().status("HTTP/1.1 200 Connection established\r\n").header("Content-Length: 2\r\n")
                                   .blank().upgraded("tunnelled bytes"),
                    .framing = HttpFraming::Tunnel,
                    .headers = {"Content-Length=2"},
                    .reason = "Connection established",
                    .contentLength = 2,
                    .method = "CONNECT"};

    QTest::newRow("CONNECT 200 with chunked: still the tunnel's bytes, which look like an HTTP reply")
        << Expected{.message = Message().status("HTTP/1.1 200 Connection established\r\n")
                                   .header("Transfer-Encoding: chunked\r\n").blank()
                                   .upgraded("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"),
                    .framing = HttpFraming::Tunnel,
                    .headers = {"Transfer-Encoding=chunked"},
                    .reason = "Connection established",
                    .method = "CONNECT"};

    QTest::newRow("CONNECT 204 with nothing after its head")
        << Expected{.message = Message().status("HTTP/1.1 204 No Content\r\n").blank().upgraded({}),
                    .framing = HttpFraming::Tunnel,
                    .status = 204,
                    .reason = "No Content",
                    .method = "CONNECT"};

    QTest::newRow("100 Continue, then CONNECT 200 and the tunnel's binary bytes")
        << Expected{.message = Message().status("HTTP/1.1 100 Continue\r\n").note(D::InterimResponse, 0).blank()
                                   .status("HTTP/1.0 200 OK\r\n").blank()
                                   .upgraded(QByteArray("\x16\x03\x01\x00\x05\x00\r\n\r\n", 9)),
                    .framing = HttpFraming::Tunnel,
                    .version = "HTTP/1.0",
                    .interim = {100},
                    .method = "CONNECT"};

    QTest::newRow("CONNECT refused with 407: its body is framed as any other")
        << Expected{.message = Message().status("HTTP/1.1 407 Proxy Authentication Required\r\n")
                                   .header("Content-Length: 4\r\n").blank().body("auth"),
                    .headers = {"Content-Length=4"},
                    .status = 407,
                    .reason = "Proxy Authentication Required",
                    .contentLength = 4,
                    .method = "CONNECT"};

    QTest::newRow("chunked")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .chunk("5\r\n", "hello").chunk("7\r\n", ", world").lastChunk().trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"}};

    QTest::newRow("chunked with extensions and trailers")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n")
                                   .header("Trailer: Expires, X-Sum\r\n").blank()
                                   .chunk("5;name=value\r\n", "hello").chunk("1 ; a=\"b;c\" ;flag\r\n", "!")
                                   .lastChunk("0;last\r\n").trailer("Expires: never\r\n").trailer("X-Sum: 6\r\n")
                                   .trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked", "Trailer=Expires, X-Sum"}};

    QTest::newRow("chunked sizes in both cases, leading zeros, sixteen digits")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("transfer-encoding: Chunked\r\n").blank()
                                   .chunk("0000000000000000A\r\n", "0123456789").chunk("b\r\n", "abcdefghijk")
                                   .lastChunk("000\r\n").trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"transfer-encoding=Chunked"},
                    .limits = {.maxChunkSizeDigits = 17}};

    QTest::newRow("chunked, last of several codings")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: gzip\r\n")
                                   .header("Transfer-Encoding: identity, chunked\r\n").blank()
                                   .chunk("2\r\n", "\x1f\x8b").lastChunk().trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=gzip", "Transfer-Encoding=identity, chunked"}};

    QTest::newRow("transfer-encoding not ending in chunked: until close")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked, gzip\r\n")
                                   .note(D::TransferEncodingNotChunked, 0).header("Content-Length: 3\r\n").blank().body("5\r\nhello\r\n0\r\n\r\n"),
                    .framing = HttpFraming::UntilClose,
                    .headers = {"Transfer-Encoding=chunked, gzip", "Content-Length=3"},
                    .contentLength = 3};

    QTest::newRow("transfer-encoding gzip alone, the last of two headers: until close")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n")
                                   .header("Transfer-Encoding: gzip\r\n").note(D::TransferEncodingNotChunked, 0)
                                   .blank().body(QByteArray("\x1f\x8b\x08\x00", 4)),
                    .framing = HttpFraming::UntilClose,
                    .headers = {"Transfer-Encoding=chunked", "Transfer-Encoding=gzip"}};

    QTest::newRow("101 with nothing after its head")
        << Expected{.message = Message().status("HTTP/1.1 101 Switching Protocols\r\n").header("Upgrade: h2c\r\n").blank()
                                   .upgraded({}),
                    .framing = HttpFraming::SwitchedProtocols,
                    .headers = {"Upgrade=h2c"},
                    .status = 101,
                    .reason = "Switching Protocols"};

    QTest::newRow("100 Continue, then 101 and the new protocol's bytes, which look like HTTP")
        << Expected{.message = Message().status("HTTP/1.1 100 Continue\r\n").note(D::InterimResponse, 0).blank()
                                   .status("HTTP/1.1 101 Switching Protocols\r\n").header("Upgrade: x\r\n").blank()
                                   .upgraded("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"),
                    .framing = HttpFraming::SwitchedProtocols,
                    .headers = {"Upgrade=x"},
                    .status = 101,
                    .reason = "Switching Protocols",
                    .interim = {100}};

    QTest::newRow("empty lines before the status line")
        << Expected{.message = Message().blank().note(D::EmptyLineBeforeStatusLine, 0)
                                   .blank("\n").note(D::EmptyLineBeforeStatusLine, 0).noteAtLastByte(D::BareLf)
                                   .status("HTTP/1.1 200 OK\r\n").header("Content-Length: 2\r\n").blank().body("ok"),
                    .headers = {"Content-Length=2"},
                    .contentLength = 2};

    QTest::newRow("100 Continue followed by an extra CRLF")
        << Expected{.message = Message().status("HTTP/1.1 100 Continue\r\n").note(D::InterimResponse, 0).blank()
                                   .blank().note(D::EmptyLineBeforeStatusLine, 0)
                                   .status("HTTP/1.1 200 OK\r\n").header("Content-Length: 2\r\n").blank().body("ok"),
                    .headers = {"Content-Length=2"},
                    .contentLength = 2,
                    .interim = {100}};

    QTest::newRow("RTSP reply")
        << Expected{.message = Message().status("RTSP/1.0 200 OK\r\n").header("CSeq: 2\r\n")
                                   .header("Content-Type: application/sdp\r\n").header("Content-Length: 10\r\n").blank()
                                   .body("v=0\r\no=-\r\n"),
                    .headers = {"CSeq=2", "Content-Type=application/sdp", "Content-Length=10"},
                    .version = "RTSP/1.0",
                    .protocol = "RTSP",
                    .contentLength = 10};

    QTest::newRow("ICE reply until close")
        << Expected{.message = Message().status("ICE/1.0 200 OK\r\n").header("Server: Icecast\r\n").blank()
                                   .body("audio bytes"),
                    .framing = HttpFraming::UntilClose,
                    .headers = {"Server=Icecast"},
                    .version = "ICE/1.0",
                    .protocol = "ICE"};

    QTest::newRow("SIP provisional then final reply")
        << Expected{.message = Message().status("SIP/2.0 180 Ringing\r\n").note(D::InterimResponse, 0)
                                   .header("CSeq: 1 INVITE\r\n").blank()
                                   .status("SIP/2.0 200 OK\r\n").header("Content-Length: 0\r\n").blank(),
                    .headers = {"Content-Length=0"},
                    .version = "SIP/2.0",
                    .protocol = "SIP",
                    .contentLength = 0,
                    .interim = {180}};

    QTest::newRow("HTTP/0.9 in a status line")
        << Expected{.message = Message().status("HTTP/0.9 200 OK\r\n").note(D::UnusualHttpVersion, 5).blank().body("old"),
                    .framing = HttpFraming::UntilClose,
                    .version = "HTTP/0.9"};

    QTest::newRow("HTTP/2.0 in a status line")
        << Expected{.message = Message().status("HTTP/2.0 204 No Content\r\n").note(D::UnusualHttpVersion, 5).blank(),
                    .framing = HttpFraming::NoBody,
                    .status = 204,
                    .reason = "No Content",
                    .version = "HTTP/2.0"};

    QTest::newRow("bare CR in the status line, read as a space")
        << Expected{.message = Message().status("HTTP/1.1 200\rOK\r\r\n").note(D::BareCr, 12).note(D::BareCr, 15)
                                   .header("Content-Length: 0\r\n").blank(),
                    .headers = {"Content-Length=0"},
                    .reason = "OK ",
                    .contentLength = 0};

    QTest::newRow("bare CR between headers and inside a value")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("X-A: a\rb\r\n").note(D::BareCr, 6)
                                   .header("Server: x\r\n\rX-Hidden: 1\r\n").note(D::BareCr, 11)
                                   .note(D::ObsoleteLineFolding, 11).header("Content-Length: 1\r\n").blank().body("z"),
                    .headers = {"X-A=a b", "Server=x X-Hidden: 1", "Content-Length=1"},
                    .contentLength = 1};

    QTest::newRow("control characters in values, NUL read as a space")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header(QByteArray("X-Nul: a\0b\0\r\n", 13))
                                   .note(D::ControlCharacterInValue, 8).header("X-Bell:\t\x07ring\x7f\r\n")
                                   .note(D::ControlCharacterInValue, 8).header("X-Fold: a\r\n \x1b[0m\r\n")
                                   .note(D::ObsoleteLineFolding, 11).note(D::ControlCharacterInValue, 12)
                                   .header("Transfer-Encoding: chunked\r\n").blank()
                                   .lastChunk().trailer("X-T: \x01\r\n").note(D::ControlCharacterInValue, 5).trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"X-Nul=a b", "X-Bell=\x07ring\x7f", "X-Fold=a \x1b[0m", "Transfer-Encoding=chunked"}};

    QTest::newRow("blanks before a chunk line's CRLF")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .sizeLine("5 \r\n").note(D::BlankBeforeChunkLineEnd, 1).chunkData("hello")
                                   .sizeLine("3;a=b\t \r\n").note(D::BlankBeforeChunkLineEnd, 5).chunkData("abc")
                                   .sizeLine("1;q=\"a ; \" \r\n").note(D::BlankBeforeChunkLineEnd, 10).chunkData("x")
                                   .sizeLine("2 ; b\r\n").chunkData("yz")
                                   .lastChunk("0\t\n").note(D::BlankBeforeChunkLineEnd, 1).noteAtLastByte(D::BareLf)
                                   .trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"}};

    QTest::newRow("a \";\" with no chunk extension name")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .sizeLine("5;\r\n").note(D::EmptyChunkExtension, 1).chunkData("hello")
                                   .sizeLine("2; ;a\r\n").note(D::EmptyChunkExtension, 1).chunkData("ab")
                                   .sizeLine("1;=x\r\n").note(D::EmptyChunkExtension, 1).chunkData("z")
                                   .sizeLine("1;a=\";\";b\r\n").chunkData("w")
                                   .lastChunk("0;; \r\n").note(D::EmptyChunkExtension, 1).note(D::EmptyChunkExtension, 2)
                                   .note(D::BlankBeforeChunkLineEnd, 3)
                                   .trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"}};

    QTest::newRow("bare LF line endings")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\n").noteAtLastByte(D::BareLf)
                                   .header("Content-Length: 3\n").noteAtLastByte(D::BareLf)
                                   .header("X-Mixed: yes\r\n")
                                   .blank("\n").noteAtLastByte(D::BareLf).body("a\nb"),
                    .headers = {"Content-Length=3", "X-Mixed=yes"},
                    .contentLength = 3};

    QTest::newRow("bare LF in chunked framing")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .add(HttpPart::ChunkSizeLine, "5\n").noteAtLastByte(D::BareLf)
                                   .add(HttpPart::ChunkData, "hello")
                                   .add(HttpPart::ChunkDataEnd, "\n").noteAtLastByte(D::BareLf)
                                   .lastChunk("0;x\n").noteAtLastByte(D::BareLf)
                                   .trailer("X-T: 1\n").noteAtLastByte(D::BareLf)
                                   .trailer("\n").noteAtLastByte(D::BareLf),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"}};

    QTest::newRow("no reason phrase")
        << Expected{.message = Message().status("HTTP/1.1 200\r\n").note(D::NoReasonPhrase, 12)
                                   .header("Content-Length: 0\r\n").blank(),
                    .headers = {"Content-Length=0"},
                    .reason = "",
                    .contentLength = 0};

    QTest::newRow("empty reason phrase after the space")
        << Expected{.message = Message().status("HTTP/1.1 200 \r\n").note(D::NoReasonPhrase, 12)
                                   .header("Content-Length: 0\r\n").blank(),
                    .headers = {"Content-Length=0"},
                    .reason = "",
                    .contentLength = 0};

    QTest::newRow("no reason phrase and bare LF at the same byte")
        << Expected{.message = Message().status("HTTP/1.0 500\n").note(D::NoReasonPhrase, 12).note(D::BareLf, 12)
                                   .blank(),
                    .framing = HttpFraming::UntilClose,
                    .status = 500,
                    .reason = "",
                    .version = "HTTP/1.0"};

    QTest::newRow("duplicate identical Content-Length")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 4\r\n")
                                   .header("content-length:   004 \r\n").note(D::DuplicateContentLength, 18)
                                   .blank().body("four"),
                    .headers = {"Content-Length=4", "content-length=004"},
                    .contentLength = 4};

    QTest::newRow("duplicate Content-Length as a list")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 4 ,4\r\n")
                                   .note(D::DuplicateContentLength, 19).blank().body("four"),
                    .headers = {"Content-Length=4 ,4"},
                    .contentLength = 4};

    QTest::newRow("obsolete line folding")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n")
                                   .header("X-Folded: first\r\n \t second \r\n\tthird\r\n")
                                   .note(D::ObsoleteLineFolding, 17).note(D::ObsoleteLineFolding, 29)
                                   .header("Content-Length: 1\r\n").blank().body("x"),
                    .headers = {"X-Folded=first second third", "Content-Length=1"},
                    .contentLength = 1};

    QTest::newRow("obsolete line folding of an empty value, bare LF")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n")
                                   .header("X-Empty:\n value\r\n").note(D::BareLf, 8).note(D::ObsoleteLineFolding, 9)
                                   .blank(),
                    .framing = HttpFraming::UntilClose,
                    .headers = {"X-Empty=value"}};

    QTest::newRow("obsolete line folding in a trailer")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .lastChunk().trailer("X-Trailer: a\r\n b\r\n").note(D::ObsoleteLineFolding, 14)
                                   .trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"}};

    QTest::newRow("Content-Length with chunked: chunked wins")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 100\r\n")
                                   .note(D::ContentLengthWithChunked, 0).header("Transfer-Encoding: chunked\r\n")
                                   .header("X-Late: x\n").noteAtLastByte(D::BareLf).blank()
                                   .chunk("2\r\n", "ok").lastChunk().trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Content-Length=100", "Transfer-Encoding=chunked", "X-Late=x"},
                    .contentLength = 100};

    QTest::newRow("extra data after the message")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 2\r\n").blank()
                                   .body("ok").extra("HTTP/1.1 200 OK\r\n\r\n"),
                    .headers = {"Content-Length=2"},
                    .contentLength = 2};

    QTest::newRow("extra data after a 204")
        << Expected{.message = Message().status("HTTP/1.1 204 No Content\r\n").blank().extra("junk"),
                    .framing = HttpFraming::NoBody,
                    .status = 204,
                    .reason = "No Content"};

    QTest::newRow("header values lose blanks around them only")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("X-Pad: \t padded \t value \t\r\n")
                                   .header("X-Empty:\r\n").header("X-Blank:  \t \r\n").header("X-Raw:\xe9t\xe9\r\n")
                                   .blank(),
                    .framing = HttpFraming::UntilClose,
                    .headers = {"X-Pad=padded \t value", "X-Empty=", "X-Blank=", "X-Raw=\xe9t\xe9"}};

    QTest::newRow("header section exactly at the size limit")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("X-Fill: 0123456789abcdef\r\n")
                                   .header("Content-Length: 0\r\n").blank(),
                    .headers = {"X-Fill=0123456789abcdef", "Content-Length=0"},
                    .contentLength = 0,
                    .limits = {.maxHeaderBytes = 64}};

    QTest::newRow("header count exactly at the limit, then trailers at it too")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("A: 1\r\n").header("B: 2\r\n")
                                   .header("Transfer-Encoding: chunked\r\n").blank().lastChunk()
                                   .trailer("C: 3\r\n").trailer("D: 4\r\n").trailer("E: 5\r\n").trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"A=1", "B=2", "Transfer-Encoding=chunked"},
                    .limits = {.maxHeaderCount = 3}};

    QTest::newRow("more marks than the cap")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Transfer-Encoding: chunked\r\n").blank()
                                   .chunk("1\r\n", "a").chunk("2\r\n", "bc").lastChunk().trailer("\r\n"),
                    .framing = HttpFraming::Chunked,
                    .headers = {"Transfer-Encoding=chunked"},
                    .limits = {.maxMarks = 4}};

    QTest::newRow("body mark still grows when it is the last one under the cap")
        << Expected{.message = Message().status("HTTP/1.1 200 OK\r\n").header("Content-Length: 12\r\n").blank()
                                   .body("twelve bytes"),
                    .headers = {"Content-Length=12"},
                    .contentLength = 12,
                    .limits = {.maxMarks = 4}};
}

void TestHttpResponseParser::wellFormed()
{
    QFETCH(Expected, expected);
    const Message &message = expected.message;
    const Outcome out = runAllModes(message.bytes(), expected.method, expected.limits);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(out.violations, QList<QByteArray>());
    QCOMPARE(errorName(out.error), errorName(ErrorKind::None));
    QCOMPARE(out.errorOffset, qint64(-1));
    QCOMPARE(stateName(out.state), stateName(State::Complete));
    const bool endsAtClose = expected.framing == HttpFraming::UntilClose;
    QCOMPARE(stateName(out.stateBeforeFinish), stateName(endsAtClose ? State::Incomplete : State::Complete));
    QCOMPARE(framingName(out.framing), framingName(expected.framing));
    QCOMPARE(out.version, expected.version);
    QCOMPARE(out.protocol, expected.protocol);
    QCOMPARE(out.upgraded, message.upgradedRange());
    const QList<QByteArray> noted = message.deviations();
    QCOMPARE(out.transferEncodingNotChunked, std::any_of(noted.begin(), noted.end(), [](const QByteArray &d) {
                 return d.startsWith("TransferEncodingNotChunked@");
             }));
    QCOMPARE(out.status, expected.status);
    QCOMPARE(out.reason, expected.reason);
    QCOMPARE(out.headers, expected.headers);
    QCOMPARE(out.interim, expected.interim);
    QCOMPARE(out.contentLength, expected.contentLength);
    QCOMPARE(out.body, message.body());
    QCOMPARE(out.bodyBytes, message.body().size());
    QCOMPARE(out.consumed, message.bytes().size());
    QCOMPARE(out.messageEnd, message.end());

    QList<QByteArray> deviations = message.deviations();
    std::stable_sort(deviations.begin(), deviations.end(), [](const QByteArray &a, const QByteArray &b) {
        return a.mid(a.indexOf('@') + 1).toLongLong() < b.mid(b.indexOf('@') + 1).toLongLong();
    });
    QCOMPARE(out.deviations, deviations);

    const QList<QByteArray> allMarks = message.marks();
    const bool truncated = allMarks.size() > expected.limits.maxMarks;
    QCOMPARE(out.marksTruncated, truncated);
    // Past the cap only the trailer section's marks, which its size limit bounds, are still recorded.
    QList<QByteArray> kept = allMarks.first(std::min<qsizetype>(allMarks.size(), expected.limits.maxMarks));
    for (qsizetype i = kept.size(); i < allMarks.size(); ++i) {
        if (allMarks.at(i).startsWith("Trailer"))
            kept.append(allMarks.at(i));
    }
    QCOMPARE(out.marks, kept);
    for (const QByteArray &range : out.headerRanges)
        QVERIFY2(out.marks.contains(range) || truncated, range.constData());

    if (truncated)
        return;
    // The marks tile the message: every byte of it in exactly one mark, in order.
    HttpResponseParser parser(expected.limits);
    parser.setRequestMethod(expected.method);
    parser.feed(message.bytes());
    parser.finish();
    qint64 covered = 0;
    for (const HttpMark &mark : parser.marks()) {
        QCOMPARE(mark.range.offset, covered);
        QVERIFY(mark.range.length > 0);
        covered = mark.range.end();
    }
    QCOMPARE(covered, parser.messageEnd());
}

void TestHttpResponseParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<ErrorKind>("error");
    QTest::addColumn<qint64>("offset");

    const auto row = [](const char *name, const QByteArray &input, ErrorKind error, qint64 offset,
                        const Limits &limits = {}, const QByteArray &method = {}) {
        QTest::newRow(name) << input << method << limits << error << offset;
    };
    // Offsets are found in the input itself: `from` is the text that starts where the problem is.
    const auto at = [](const QByteArray &input, const QByteArray &from) { return qint64(input.indexOf(from)); };
    const QByteArray ok = "HTTP/1.1 200 OK\r\n";
    const QByteArray chunked = ok + "Transfer-Encoding: chunked\r\n\r\n";

    row("status line: lower-case name", "http/1.1 200 OK\r\n\r\n", ErrorKind::BadStatusLine, 0);
    row("status line: colon instead of slash", "HTTP:1.1 200 OK\r\n\r\n", ErrorKind::BadStatusLine, 4);
    row("status line: mixed-case protocol", "Rtsp/1.0 200 OK\r\n\r\n", ErrorKind::BadStatusLine, 1);
    row("status line: blank line, then a space", "\r\n HTTP/1.1 200 OK\r\n\r\n", ErrorKind::BadStatusLine, 2);
    row("status line: not HTTP at all", "SSH-2.0-OpenSSH_9.2\r\n", ErrorKind::BadStatusLine, 3);
    row("status line: too short", "HTT\r\n", ErrorKind::BadStatusLine, 3);
    row("status line: no space after version", "HTTP/1.1200 OK\r\n\r\n", ErrorKind::BadStatusLine, 8);
    row("status line: version alone", "HTTP/1.1\r\n\r\n", ErrorKind::BadStatusLine, 8);
    row("status line: version too long", "HTTP/1.10 200 OK\r\n\r\n", ErrorKind::BadStatusLine, 8);
    row("version: 2", "HTTP/2 200 OK\r\n\r\n", ErrorKind::BadVersion, 6);
    row("version: letter major", "RTSP/x.0 200 OK\r\n\r\n", ErrorKind::BadVersion, 5);
    row("version: no minor", "HTTP/1 200 OK\r\n\r\n", ErrorKind::BadVersion, 6);
    row("version: letter minor", "HTTP/1.x 200 OK\r\n\r\n", ErrorKind::BadVersion, 7);
    row("status code: letter", "HTTP/1.1 2x0 OK\r\n\r\n", ErrorKind::BadStatusCode, 10);
    row("status code: two digits", "HTTP/1.1 20\r\n\r\n", ErrorKind::BadStatusCode, 11);
    row("status code: four digits", "HTTP/1.1 2000 OK\r\n\r\n", ErrorKind::BadStatusCode, 12);
    row("status code: below 100", "HTTP/1.1 099 Low\r\n\r\n", ErrorKind::BadStatusCode, 9);
    row("status code: above 599", "HTTP/1.1 600 High\r\n\r\n", ErrorKind::BadStatusCode, 9);
    row("status code: two spaces before", "HTTP/1.1  200 OK\r\n\r\n", ErrorKind::BadStatusCode, 9);
    row("status line: after an interim response", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 2OO OK\r\n\r\n",
        ErrorKind::BadStatusCode, 35);

    QByteArray input = ok + "Bad Header: x\r\n\r\n";
    row("header: space in the name", input, ErrorKind::BadHeaderLine, at(input, " Header"));
    input = ok + "Name : x\r\n\r\n";
    row("header: space before the colon", input, ErrorKind::BadHeaderLine, at(input, " :"));
    input = ok + "Name\t: x\r\n\r\n";
    row("header: tab before the colon", input, ErrorKind::BadHeaderLine, at(input, "\t:"));
    input = ok + "Server: x\r\nNoColonHere\r\n\r\n";
    row("header: no colon", input, ErrorKind::BadHeaderLine, at(input, "\r\n\r\n"));
    input = ok + ": nameless\r\n\r\n";
    row("header: empty name", input, ErrorKind::BadHeaderLine, at(input, ": nameless"));
    input = ok + "Na{me}: x\r\n\r\n";
    row("header: not a token", input, ErrorKind::BadHeaderLine, at(input, "{"));
    input = ok + " folded: before any header\r\n\r\n";
    row("header: continuation with nothing to continue", input, ErrorKind::BadHeaderLine, ok.size());
    input = ok + "Server: x\r\nX-A\r: 1\r\n\r\n";
    row("header: bare CR in a name, read as a space", input, ErrorKind::BadHeaderLine, at(input, "\r: 1"));
    input = "HTTP/1.1 100 Continue\r\n\r\n" + QByteArray(80, '\n') + ok + "\r\n";
    Limits small;
    small.maxHeaderBytes = 64;
    row("limit: empty lines after a 1xx count in the next section", input, ErrorKind::HeaderSectionTooLarge, 25 + 64, small);
    input = chunked + "0\r\nbad trailer\r\n\r\n";
    row("trailer: no colon", input, ErrorKind::BadHeaderLine, at(input, " trailer"));
    input = chunked + "0\r\n continued\r\n\r\n";
    row("trailer: continuation with nothing to continue", input, ErrorKind::BadHeaderLine, at(input, " continued"));

    input = ok + "Content-Length: abc\r\n\r\n";
    row("content-length: not a number", input, ErrorKind::BadContentLength, at(input, "abc"));
    input = ok + "Content-Length: 12a\r\n\r\n";
    row("content-length: trailing letter", input, ErrorKind::BadContentLength, at(input, "a\r\n"));
    input = ok + "Content-Length: -1\r\n\r\n";
    row("content-length: negative", input, ErrorKind::BadContentLength, at(input, "-1"));
    input = ok + "Content-Length: +1\r\n\r\n";
    row("content-length: plus sign", input, ErrorKind::BadContentLength, at(input, "+1"));
    input = ok + "Content-Length:  \r\n\r\n";
    row("content-length: empty", input, ErrorKind::BadContentLength, at(input, "\r\n\r\n"));
    input = ok + "Content-Length: 9223372036854775808\r\n\r\n";
    row("content-length: one past the largest", input, ErrorKind::BadContentLength, at(input, "8\r\n"));
    input = ok + "Content-Length: 99999999999999999999999\r\n\r\n";
    row("content-length: far too large", input, ErrorKind::BadContentLength,
        at(input, "99999999999999999999999") + 18);
    input = ok + "Content-Length: 5 5\r\n\r\n";
    row("content-length: two numbers", input, ErrorKind::BadContentLength, at(input, "5\r\n"));
    input = ok + "Content-Length: 5,\r\n\r\n";
    row("content-length: empty list element", input, ErrorKind::BadContentLength, at(input, "\r\n\r\n"));
    input = ok + "Content-Length: 5\r\n 5\r\n\r\n";
    row("content-length: folded", input, ErrorKind::BadContentLength, input.lastIndexOf(" 5\r\n"));
    input = ok + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello";
    row("content-length: conflicting headers", input, ErrorKind::ConflictingContentLength, at(input, "6"));
    input = ok + "Content-Length: 5, 6\r\n\r\nhello";
    row("content-length: conflicting list", input, ErrorKind::ConflictingContentLength, at(input, "6"));
    input = ok + "Content-Length: 7\r\nTransfer-Encoding: chunked\r\nContent-Length: 8\r\n\r\n";
    row("content-length: conflicting even with chunked", input, ErrorKind::ConflictingContentLength, at(input, "8"));

    Limits limits;
    limits.maxHeaderBytes = 64;
    input = ok + "X-Fill: 0123456789abcdefg\r\nContent-Length: 0\r\n\r\n";
    row("limit: header section one byte too large", input, ErrorKind::HeaderSectionTooLarge, 64, limits);
    input = "HTTP/1.1 200 " + QByteArray(100, 'x') + "\r\n\r\n";
    row("limit: endless status line", input, ErrorKind::HeaderSectionTooLarge, 64, limits);
    input = "HTTP/1.1 100 Continue\r\n\r\n" + ok + "X-Fill: " + QByteArray(64, 'x') + "\r\n\r\n";
    row("limit: each header section has its own budget", input, ErrorKind::HeaderSectionTooLarge, 25 + 64, limits);
    input = chunked + "0\r\n" + "X-Trailer: " + QByteArray(100, 'x') + "\r\n\r\n";
    row("limit: trailer section too large", input, ErrorKind::HeaderSectionTooLarge, chunked.size() + 3 + 64, limits);
    input = chunked + "1;" + QByteArray(100, 'x') + "\r\nx\r\n0\r\n\r\n";
    row("limit: endless chunk extension", input, ErrorKind::ChunkSizeTooLong, chunked.size() + 64, limits);
    input = chunked + "1" + QByteArray(100, ' ') + "\r\nx\r\n0\r\n\r\n";
    row("limit: endless blanks after a chunk size", input, ErrorKind::ChunkSizeTooLong, chunked.size() + 64, limits);

    limits = {};
    limits.maxHeaderCount = 3;
    input = ok + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n";
    row("limit: too many headers", input, ErrorKind::TooManyHeaders, at(input, "D: 4"), limits);
    input = ok + "A: 1\r\nB: 2\r\nC: 3\r\n continued\r\nD\r\n\r\n";
    row("limit: too many headers, before the line is read", input, ErrorKind::TooManyHeaders, at(input, "D\r\n"), limits);
    input = chunked + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n";
    row("limit: too many trailers", input, ErrorKind::TooManyHeaders, at(input, "D: 4"), limits);

    input = chunked + "00000000000000001\r\nx\r\n0\r\n\r\n";
    row("chunk size: seventeen digits", input, ErrorKind::ChunkSizeTooLong, chunked.size() + 16);
    input = chunked + "8000000000000000\r\n";
    row("chunk size: larger than qint64", input, ErrorKind::ChunkSizeTooLong, chunked.size() + 15);
    limits = {};
    limits.maxChunkSizeDigits = 2;
    input = chunked + "ff\r\n" + QByteArray(255, 'x') + "\r\n100\r\n";
    row("chunk size: over a small digit limit", input, ErrorKind::ChunkSizeTooLong, at(input, "0\r\n"), limits);
    input = chunked + "xyz\r\n";
    row("chunk size: not hex", input, ErrorKind::BadChunkSize, chunked.size());
    input = chunked + "-5\r\n";
    row("chunk size: negative", input, ErrorKind::BadChunkSize, chunked.size());
    input = chunked + "5x\r\nhello\r\n";
    row("chunk size: trailing letter", input, ErrorKind::BadChunkSize, chunked.size() + 1);
    input = chunked + "5 x\r\nhello\r\n";
    row("chunk size: letter after blanks", input, ErrorKind::BadChunkSize, chunked.size() + 2);
    input = chunked + "\r\nhello\r\n";
    row("chunk size: empty line", input, ErrorKind::BadChunkSize, chunked.size());
    input = chunked + "5\rhello\r\n";
    row("chunk size: CR without LF", input, ErrorKind::BadChunkSize, chunked.size() + 2);
    input = chunked + "5;ext\rX\nhello\r\n";
    row("chunk size: CR inside an extension", input, ErrorKind::BadChunkSize, at(input, "X"));
    input = chunked + "5\r\nhelloX\r\n";
    row("chunk data end: another byte", input, ErrorKind::BadChunkDataEnd, at(input, "X"));
    input = chunked + "5\r\nhello\rX";
    row("chunk data end: CR then another byte", input, ErrorKind::BadChunkDataEnd, at(input, "X"));
    input = chunked + "5\r\nhello world\r\n";
    row("chunk data end: more data than the size", input, ErrorKind::BadChunkDataEnd, at(input, " world"));

    row("truncated: nothing at all", "", ErrorKind::Truncated, 0);
    row("truncated: in the status line", "HTTP/1.1 20", ErrorKind::Truncated, 11);
    input = ok + "Content-Length: 5\r\n";
    row("truncated: in the headers", input, ErrorKind::Truncated, input.size());
    input = "HTTP/1.1 100 Continue\r\n\r\n";
    row("truncated: after an interim response", input, ErrorKind::Truncated, input.size());
    input = ok + "Content-Length: 10\r\n\r\n";
    row("truncated: before the body", input, ErrorKind::Truncated, input.size());
    input = ok + "Content-Length: 10\r\n\r\nhello";
    row("truncated: in the body", input, ErrorKind::Truncated, input.size());
    input = ok + "Content-Length: 9223372036854775807\r\n\r\nhello";
    row("truncated: in the largest body", input, ErrorKind::Truncated, input.size());
    input = chunked + "1";
    row("truncated: in a chunk size", input, ErrorKind::Truncated, input.size());
    input = chunked + "1;ext=\"a\"\r";
    row("truncated: in a chunk size line ending", input, ErrorKind::Truncated, input.size());
    input = chunked + "5\r\nhel";
    row("truncated: in chunk data", input, ErrorKind::Truncated, input.size());
    input = chunked + "5\r\nhello\r";
    row("truncated: in a chunk data end", input, ErrorKind::Truncated, input.size());
    input = chunked + "5\r\nhello\r\n";
    row("truncated: before the last chunk", input, ErrorKind::Truncated, input.size());
    input = chunked + "0\r\nX-Sum: 1\r\n";
    row("truncated: in the trailers", input, ErrorKind::Truncated, input.size());
    input = ok + "Content-Length: abc";
    row("truncated: before an incomplete line is judged", input, ErrorKind::Truncated, input.size());
}

void TestHttpResponseParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(Limits, limits);
    QFETCH(ErrorKind, error);
    QFETCH(qint64, offset);

    const Outcome out = runAllModes(input, method, limits);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(out.violations, QList<QByteArray>());
    QCOMPARE(stateName(out.state), stateName(State::Error));
    QCOMPARE(errorName(out.error), errorName(error));
    QCOMPARE(out.errorOffset, offset);
    // Only the peer closing makes a message truncated; everything else is seen as it arrives.
    QCOMPARE(stateName(out.stateBeforeFinish), stateName(error == ErrorKind::Truncated ? State::Incomplete : State::Error));
    QCOMPARE(out.consumed, input.size());
    QCOMPARE(out.messageEnd, qint64(-1));
    QVERIFY(out.bodyBytes <= out.consumed);
}

void TestHttpResponseParser::bodyCallbackReassemblesChunkedBody()
{
    std::mt19937 random(7);
    QByteArray body;
    QByteArray input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 300; ++i) {
        QByteArray chunk;
        const int size = 1 + int(random() % 700);
        for (int j = 0; j < size; ++j)
            chunk.append(char(random() % 256));
        body += chunk;
        input += QByteArray::number(size, 16) + (i % 3 == 0 ? ";i=" + QByteArray::number(i) : QByteArray()) + "\r\n";
        input += chunk + "\r\n";
    }
    input += "0\r\nX-Checksum: none\r\n\r\n";

    for (const Mode &mode : Modes) {
        const Outcome out = run(input, {}, {}, mode);
        QCOMPARE(out.violations, QList<QByteArray>());
        QCOMPARE(stateName(out.stateBeforeFinish), stateName(State::Complete));
        QCOMPARE(out.body.size(), body.size());
        QVERIFY2(out.body == body, mode.name);
        QCOMPARE(out.bodyBytes, body.size());
        QCOMPARE(out.messageEnd, input.size());
        // Status, header, blank, then size line, data, end for each chunk, last chunk, trailer, blank.
        QCOMPARE(out.marks.size(), 3 + 300 * 3 + 3);
    }
}

void TestHttpResponseParser::marksAreCapped()
{
    Limits limits;
    limits.maxMarks = 10;
    QByteArray input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 1000; ++i)
        input += "1\r\nx\r\n";
    input += "0\r\n\r\n";

    const Outcome out = runAllModes(input, {}, limits);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stateName(out.state), stateName(State::Complete));
    // The ten first, then the final blank line: what a reply ends with is always marked.
    QCOMPARE(out.marks.size(), 11);
    QVERIFY(out.marksTruncated);
    QCOMPARE(out.marks.at(9), QByteArray("ChunkSizeLine@59+3"));
    QCOMPARE(out.marks.last(), "Trailer@" + QByteArray::number(input.size() - 2) + "+2");
    QCOMPARE(out.body, QByteArray(1000, 'x'));
    QCOMPARE(out.messageEnd, input.size());
}

void TestHttpResponseParser::hugeHeaderLineFailsAtTheLimit()
{
    const QByteArray start = "HTTP/1.1 200 OK\r\nX-Huge: ";
    const QByteArray line = start + QByteArray(1024 * 1024, 'a');
    const qint64 limit = Limits().maxHeaderBytes;

    HttpResponseParser parser;
    parser.feed(line.constData(), limit);
    QCOMPARE(stateName(parser.state()), stateName(State::Incomplete));
    // The first byte past the limit is the one refused, wherever the reads happened to end.
    parser.feed(line.constData() + limit, 1);
    QCOMPARE(stateName(parser.state()), stateName(State::Error));
    QCOMPARE(errorName(parser.error()), errorName(ErrorKind::HeaderSectionTooLarge));
    QCOMPARE(parser.errorOffset(), limit);
    parser.feed(line.constData() + limit + 1, line.size() - limit - 1);
    QCOMPARE(parser.errorOffset(), limit);
    QCOMPARE(parser.consumed(), line.size());
    QCOMPARE(stateName(parser.finish()), stateName(State::Error));
}

void TestHttpResponseParser::endlessJunkEndsInErrorAndIsOnlyCounted()
{
    // 100 MiB of a header line that never ends, in 64 KiB reads: refused at the limit, then only
    // counted. A parser that kept the line would hold 100 MiB; this one is past its limit after
    // the second read and never looks at a byte again.
    const QByteArray piece(64 * 1024, 'a');
    const int pieces = 1600;
    HttpResponseParser parser;
    int erroredAfter = -1;
    for (int i = 0; i < pieces; ++i) {
        if (parser.feed(piece) == State::Error && erroredAfter < 0)
            erroredAfter = i + 1;
    }
    QCOMPARE(erroredAfter, 2);
    QCOMPARE(errorName(parser.error()), errorName(ErrorKind::HeaderSectionTooLarge));
    QCOMPARE(parser.errorOffset(), Limits().maxHeaderBytes);
    QCOMPARE(parser.consumed(), qint64(pieces) * piece.size());
    QVERIFY(parser.marks().isEmpty());
    QCOMPARE(parser.bodyBytes(), qint64(0));
}

void TestHttpResponseParser::feedAfterErrorOnlyCounts()
{
    HttpResponseParser parser;
    int callbacks = 0;
    parser.setBodyCallback([&](const char *, qint64) { ++callbacks; });
    QCOMPARE(stateName(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n")), stateName(State::Error));
    const qint64 offset = parser.errorOffset();
    const qsizetype marks = parser.marks().size();
    QCOMPARE(stateName(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")), stateName(State::Error));
    QCOMPARE(errorName(parser.error()), errorName(ErrorKind::BadContentLength));
    QCOMPARE(parser.errorOffset(), offset);
    QCOMPARE(parser.consumed(), 38 + 40);
    QCOMPARE(parser.marks().size(), marks);
    QVERIFY(parser.deviations().isEmpty());
    QCOMPARE(callbacks, 0);
    QCOMPARE(stateName(parser.finish()), stateName(State::Error));
    QCOMPARE(errorName(parser.error()), errorName(ErrorKind::BadContentLength));
}

void TestHttpResponseParser::extraDataIsNotedOnce()
{
    HttpResponseParser parser;
    QByteArray received;
    parser.setBodyCallback([&](const char *data, qint64 length) { received.append(data, length); });
    QCOMPARE(stateName(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")), stateName(State::Complete));
    QCOMPARE(parser.messageEnd(), 40);
    parser.feed("more");
    parser.feed("and more");
    QCOMPARE(stateName(parser.finish()), stateName(State::Complete));
    QCOMPARE(parser.consumed(), 40 + 4 + 8);
    QCOMPARE(parser.messageEnd(), 40);
    QCOMPARE(received, QByteArray("ok"));
    QCOMPARE(parser.deviations().size(), 1);
    QCOMPARE(describeNote(parser.deviations().first().kind, parser.deviations().first().offset),
             QByteArray("ExtraDataAfterMessage@40"));
}

void TestHttpResponseParser::headersCompleteOnlyAfterFinalHeaderSection()
{
    HttpResponseParser parser;
    parser.feed("HTTP/1.1 100 Continue\r\n\r\n");
    QVERIFY(!parser.headersComplete());
    QCOMPARE(parser.interimStatuses(), QList<int>{100});
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n");
    QVERIFY(!parser.headersComplete());
    QCOMPARE(framingName(parser.framing()), framingName(HttpFraming::Unknown));
    QCOMPARE(parser.statusCode(), 200);
    parser.feed("\r\n");
    QVERIFY(parser.headersComplete());
    QCOMPARE(framingName(parser.framing()), framingName(HttpFraming::ContentLength));
    QCOMPARE(stateName(parser.state()), stateName(State::Incomplete));
}

void TestHttpResponseParser::headerValueIgnoresCase()
{
    HttpResponseParser parser;
    parser.feed("HTTP/1.1 200 OK\r\ncontent-TYPE: text/html\r\nX-Twice: first\r\nx-twice: second\r\n\r\n");
    QCOMPARE(parser.headerValue("Content-Type"), QByteArray("text/html"));
    QCOMPARE(parser.headerValue("CONTENT-TYPE"), QByteArray("text/html"));
    QCOMPARE(parser.headerValue("X-TWICE"), QByteArray("first"));
    QCOMPARE(parser.headerValue("Content-Length"), QByteArray());
    QCOMPARE(parser.headerValue("Content-Typ"), QByteArray());
}

} // namespace SocketLab

QTEST_GUILESS_MAIN(SocketLab::TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
