// libFuzzer target for HttpConversationParser, which reads both directions of any connection the
// Conversation tab or a relay shows. The first two bytes say how much of the rest the client sent
// (the rest is the server's), the third how both are cut into recv() pieces. The parser's promises:
// every range lies inside its direction's bytes, in order, messages one after the other; problems
// point inside the bytes; and the pieces change nothing: reading them one by one finds what reading
// each direction whole finds.
#include "bytes/bytesource.h"
#include "http/httpconversationparser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace SocketLab;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

class GrowingSource final : public ByteSource
{
public:
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override { return m_bytes.mid(offset, len); }
    void append(QByteArrayView bytes) { m_bytes += bytes; }

private:
    QByteArray m_bytes;
};

void requireInside(const ByteRange &range, qint64 size)
{
    require(range.offset == -1 || (range.offset >= 0 && range.length >= 0 && range.end() <= size));
}

void requireMessage(const HttpMessage &message, qint64 size, qint64 after)
{
    requireInside(message.range, size);
    require(message.range.offset >= after);
    for (const ByteRange &part : {message.startLine, message.head, message.body}) {
        requireInside(part, size);
        require(part.offset == -1 || part.length == 0
                || (part.offset >= message.range.offset && part.end() <= message.range.end()));
    }
    for (const HttpHeader &header : message.headers)
        requireInside(header.range, size);
    qint64 last = -1;
    for (const HttpChunk &chunk : message.chunks) {
        requireInside(chunk.sizeLine, size);
        requireInside(chunk.data, size);
        require(chunk.sizeLine.offset > last);
        last = chunk.sizeLine.offset;
    }
    require(message.chunks.size() <= HttpConversationParser::MaxListedChunks);
    require(message.chunkCount >= message.chunks.size());
}

QByteArray summary(const HttpConversationParser &parser)
{
    QByteArray out = QByteArray::number(int(parser.verdict()));
    const auto message = [](const HttpMessage &m) {
        return QByteArray::number(m.range.offset) + '+' + QByteArray::number(m.range.length) + '/'
               + QByteArray::number(int(m.framing)) + '/' + QByteArray::number(m.chunkCount) + (m.complete ? "c" : "i");
    };
    for (const HttpConversationExchange &exchange : parser.exchanges()) {
        out += '\n' + exchange.method + ' ' + exchange.target + ' ' + message(exchange.request);
        if (exchange.hasResponse)
            out += " | " + QByteArray::number(exchange.status) + ' ' + message(exchange.response);
    }
    for (const HttpStreamProblem &problem : {parser.clientProblem(), parser.serverProblem()}) {
        out += '\n' + QByteArray::number(int(problem.kind)) + '@' + QByteArray::number(problem.offset)
               + '/' + QByteArray::number(int(problem.requestDeviation)) + '/' + QByteArray::number(int(problem.responseError));
    }
    return out;
}

void check(const HttpConversationParser &parser, qint64 clientSize, qint64 serverSize)
{
    qint64 clientAfter = 0;
    qint64 serverAfter = 0;
    for (const HttpConversationExchange &exchange : parser.exchanges()) {
        requireMessage(exchange.request, clientSize, clientAfter);
        clientAfter = exchange.request.range.end();
        if (exchange.hasResponse) {
            requireMessage(exchange.response, serverSize, serverAfter);
            serverAfter = exchange.response.range.end();
        }
    }
    require(parser.clientProblem().offset <= clientSize);
    require(parser.serverProblem().offset <= serverSize);
    require(parser.clientBytesRead() <= clientSize && parser.serverBytesRead() <= serverSize);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 3, qsizetype(size - 3));
    const qsizetype clientSize = (data[0] | (data[1] << 8)) % (bytes.size() + 1);
    const QByteArray client = bytes.left(clientSize);
    const QByteArray server = bytes.mid(clientSize);
    const int step = data[2] % 17 + 1;

    HttpConversationParser::Limits limits;
    limits.maxExchanges = 50;
    // Small, so the budget's carry-over from one update to the next is exercised too.
    limits.maxBytesPerUpdate = 4096;

    // The client's bytes first, then the server's, as a conversation that sent before the answers
    // came; each direction read to its end before the next comes, as the 30 ms ticks of a real one do.
    const auto drain = [](HttpConversationParser &parser, const GrowingSource &c, const GrowingSource &s) {
        for (int i = 0; i < 100000 && parser.pending(); ++i)
            parser.update(c, s, false, false);
    };
    HttpConversationParser pieces(limits);
    GrowingSource clientPieces;
    GrowingSource serverPieces;
    for (const QByteArray *direction : {&client, &server}) {
        GrowingSource &source = direction == &client ? clientPieces : serverPieces;
        for (qsizetype at = 0; at < direction->size(); at += step) {
            source.append(QByteArrayView(*direction).sliced(at, std::min<qsizetype>(step, direction->size() - at)));
            pieces.update(clientPieces, serverPieces, false, false);
            check(pieces, clientPieces.size(), serverPieces.size());
        }
        drain(pieces, clientPieces, serverPieces);
    }
    pieces.update(clientPieces, serverPieces, true, true);
    check(pieces, client.size(), server.size());

    HttpConversationParser whole(limits);
    GrowingSource clientWhole;
    GrowingSource serverWhole;
    for (const QByteArray *direction : {&client, &server}) {
        (direction == &client ? clientWhole : serverWhole).append(*direction);
        whole.update(clientWhole, serverWhole, false, false);
        drain(whole, clientWhole, serverWhole);
    }
    whole.update(clientWhole, serverWhole, true, true);
    const QByteArray inPieces = summary(pieces);
    const QByteArray atOnce = summary(whole);
    if (inPieces != atOnce) {
        std::fprintf(stderr, "read in pieces:\n%s\nread at once:\n%s\n", inPieces.constData(), atOnce.constData());
        std::abort();
    }
    return 0;
}
