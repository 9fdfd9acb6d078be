#include "http/httpbodydecoder.h"

#include "bytes/bytesource.h"
#include "bytes/bytestore.h"
#include "http/contenttype.h"
#include "text/bodytext.h"

#include "arraysource.h"
#include "compress.h"

#include <QTest>

#include <sys/resource.h>

#include <cerrno>
#include <random>

using namespace SocketLab;

using ErrorKind = ContentDecoder::ErrorKind;

namespace {

using TestSupport::ArraySource;

using TestSupport::brotli;
using TestSupport::GzipBits;
using TestSupport::gzip;
using TestSupport::RawBits;
using TestSupport::ZlibBits;

QByteArray compress(const QByteArray &data, int windowBits)
{
    return TestSupport::deflateWith(data, windowBits);
}

// `zeros` bytes of zeros, gzip-compressed a MiB at a time: a bomb made without holding it whole.
QByteArray gzipBomb(qint64 zeros)
{
    z_stream z {};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, GzipBits, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2 failed");
    const QByteArray block(1024 * 1024, '\0');
    QByteArray out;
    char buffer[64 * 1024];
    for (qint64 left = zeros; left > 0 || z.avail_in > 0;) {
        const bool last = left <= block.size();
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(block.constData()));
        z.avail_in = uInt(std::min<qint64>(left, block.size()));
        left -= z.avail_in;
        int ret = Z_OK;
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer);
            z.avail_out = sizeof buffer;
            ret = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        } while (z.avail_out == 0 || (last && ret != Z_STREAM_END));
        if (last)
            break;
    }
    deflateEnd(&z);
    return out;
}

QByteArray text()
{
    QByteArray page;
    for (int i = 0; i < 300; ++i)
        page += "<p>Line " + QByteArray::number(i) + ": the quick brown fox jumps over the lazy dog.</p>\n";
    return page;
}

QByteArray chunked(const QByteArray &body, qsizetype chunkSize)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray chunk = body.mid(at, chunkSize);
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return out + "0\r\n\r\n";
}

QByteArray withLength(const QByteArray &headers, const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray withChunks(const QByteArray &headers, const QByteArray &body, qsizetype chunkSize)
{
    return "HTTP/1.1 200 OK\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\n" + chunked(body, chunkSize);
}

// Keeps nothing, counts what it is given: for bodies too large to keep in a test.
class CountingSink final : public ByteSink
{
public:
    std::span<char> writableSpan(qint64 want) override
    {
        return {m_buffer, size_t(std::min<qint64>(want, sizeof m_buffer))};
    }
    bool commit(qint64 n) override
    {
        if (m_failAfter >= 0 && m_size + n > m_failAfter)
            return false;
        m_size += n;
        return true;
    }
    void endSegment(qint64) override { ++m_segments; }
    qint64 size() const override { return m_size; }
    QList<Segment> segments() const override { return {}; }
    int lastErrno() const override { return m_failAfter >= 0 ? ENOSPC : 0; }

    void failAfter(qint64 n) { m_failAfter = n; }
    int endedSegments() const { return m_segments; }

private:
    char m_buffer[4096];
    qint64 m_size = 0;
    qint64 m_failAfter = -1;
    int m_segments = 0;
};

HttpResponseParser parse(const QByteArray &reply, bool peerClosed, const QByteArray &method = {})
{
    HttpResponseParser parser;
    parser.setRequestMethod(method);
    parser.feed(reply);
    if (peerClosed)
        parser.finish();
    return parser;
}

qint64 peakRssBytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

} // namespace

namespace QTest {
template<>
char *toString(const ErrorKind &kind)
{
    return qstrdup(QByteArray::number(int(kind)).constData());
}
} // namespace QTest

class TestHttpBodyDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decodes_data();
    void decodes();
    void contentType_data();
    void contentType();
    void headResponseHasNoBody();
    void keptUpToLimitAndSinkGetsAll();
    void inputLimitCutsTheBody();
    void gzipBombStopsAtCap();
    void identityBodyStopsAtCap();
    void readFromSourceInPieces();
    void sinkWriteFailureStops();
    void sentences();
    void textInItsCharset_data();
    void textInItsCharset();
};

void TestHttpBodyDecoder::decodes_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("peerClosed");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentEncoding");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<ErrorKind>("error");
    QTest::addColumn<qint64>("errorReplyOffset");
    QTest::addColumn<bool>("prefixOnly");

    const QByteArray page = text();
    const QByteArray gz = gzip(page);
    const QByteArray br = brotli(page);
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ";

    QTest::newRow("identity") << withLength({}, page) << true << page << QByteArray() << true << ErrorKind::None
                              << qint64(-1) << false;
    QTest::newRow("identity named") << withLength("Content-Encoding: identity\r\n", page) << true << page
                                    << QByteArray("identity") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\n" + page) << true << page << QByteArray() << true
                                 << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("until close, still open") << QByteArray("HTTP/1.0 200 OK\r\n\r\n" + page) << false << page
                                             << QByteArray() << false << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("chunked") << withChunks({}, page, 100) << true << page << QByteArray() << true << ErrorKind::None
                             << qint64(-1) << false;
    QTest::newRow("gzip") << withLength("Content-Encoding: gzip\r\n", gz) << true << page << QByteArray("gzip") << true
                          << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("x-gzip, any case") << withLength("Content-Encoding:  X-GZip \r\n", gz) << true << page
                                      << QByteArray("x-gzip") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("deflate, zlib") << withLength("Content-Encoding: deflate\r\n", compress(page, ZlibBits)) << true
                                   << page << QByteArray("deflate") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("deflate, raw") << withLength("Content-Encoding: deflate\r\n", compress(page, RawBits)) << true
                                  << page << QByteArray("deflate") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("br") << withLength("Content-Encoding: br\r\n", br) << true << page << QByteArray("br") << true
                        << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("chunked and gzip") << withChunks("Content-Encoding: gzip\r\n", gz, 7) << true << page
                                      << QByteArray("gzip") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("chunked and br, one-byte chunks") << withChunks("Content-Encoding: br\r\n", br, 1) << true << page
                                                     << QByteArray("br") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("chunked and deflate, one-byte chunks")
        << withChunks("Content-Encoding: deflate\r\n", compress(page, ZlibBits), 1) << true << page
        << QByteArray("deflate") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("empty gzip body") << withLength("Content-Encoding: gzip\r\n", {}) << true << QByteArray()
                                     << QByteArray("gzip") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("no body: 204") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << true << QByteArray()
                                  << QByteArray() << true << ErrorKind::None << qint64(-1) << false;

    // gzip's header holds a flag byte at 3: reserved bits set are corrupt data there.
    QByteArray corrupt = gz;
    corrupt[3] = char(0xe0);
    const QByteArray corruptReply = withLength("Content-Encoding: gzip\r\n", corrupt);
    const qint64 corruptBody = corruptReply.size() - corrupt.size();
    QTest::newRow("corrupt gzip") << corruptReply << true << QByteArray() << QByteArray("gzip") << true
                                  << ErrorKind::CorruptData << corruptBody + 4 << false;
    // In chunks of 2, the first 4 bytes of the body end with the second chunk's data: after two
    // chunk-size lines, the first chunk's data and its CRLF.
    const QByteArray corruptChunked = withChunks("Content-Encoding: gzip\r\n", corrupt, 2);
    const qint64 firstChunk = corruptChunked.indexOf("\r\n\r\n") + 4;
    QTest::newRow("corrupt gzip, chunked") << corruptChunked << true << QByteArray() << QByteArray("gzip") << true
                                           << ErrorKind::CorruptData << firstChunk + 3 + 2 + 2 + 3 + 2 << false;
    QByteArray brCorrupt = br;
    brCorrupt[0] = char(0xff);
    brCorrupt[1] = char(0xff);
    const QByteArray brCorruptReply = withLength("Content-Encoding: br\r\n", brCorrupt);
    QTest::newRow("corrupt br") << brCorruptReply << true << QByteArray() << QByteArray("br") << true
                                << ErrorKind::CorruptData << brCorruptReply.size() - brCorrupt.size() + 1 << false;

    // The body is whole by its Content-Length, the gzip stream in it is not: the error is at its end.
    const QByteArray cut = gz.left(gz.size() - 8);
    const QByteArray cutReply = withLength("Content-Encoding: gzip\r\n", cut);
    QTest::newRow("gzip stream truncated") << cutReply << true << page << QByteArray("gzip") << true
                                           << ErrorKind::Truncated << qint64(cutReply.size()) << false;
    // The reply itself ends early: the body is incomplete, decoded as far as it goes, no decoding error.
    const QByteArray shortReply = head + QByteArray::number(gz.size()) + "\r\n\r\n" + gz.left(gz.size() / 2);
    QTest::newRow("reply truncated") << shortReply << true << page << QByteArray("gzip") << false
                                     << ErrorKind::None << qint64(-1) << true;
    const QByteArray afterEnd = withLength("Content-Encoding: deflate\r\n", compress(page, ZlibBits) + "junk");
    QTest::newRow("data after the deflate stream") << afterEnd << true << page << QByteArray("deflate") << true
                                                   << ErrorKind::DataAfterEnd << qint64(afterEnd.size() - 4) << false;
    QTest::newRow("unknown coding left as received")
        << withLength("Content-Encoding: zstd\r\n", "not zstd") << true << QByteArray("not zstd") << QByteArray("zstd")
        << true << ErrorKind::UnknownEncoding << qint64(-1) << false;
    // What the parser now reads instead of refusing, and the framing it now gets right.
    const QByteArray switched = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nContent-Length: 5\r\n\r\n";
    QTest::newRow("101: the new protocol's bytes are no body")
        << QByteArray(switched + "\x81\x05hello") << true << QByteArray() << QByteArray() << true << ErrorKind::None
        << qint64(-1) << false;
    QTest::newRow("101, still open") << QByteArray(switched + gz) << false << QByteArray() << QByteArray() << true
                                     << ErrorKind::None << qint64(-1) << false;
    const QByteArray notChunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, x-custom\r\nContent-Length: 3\r\n\r\n";
    QTest::newRow("transfer-encoding not ending in chunked: until close")
        << QByteArray(notChunked + page) << true << page << QByteArray() << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("transfer-encoding not ending in chunked, still open")
        << QByteArray(notChunked + page) << false << page << QByteArray() << false << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("empty lines, then RTSP with gzip")
        << QByteArray("\r\n\nRTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Encoding: gzip\r\nContent-Length: "
                      + QByteArray::number(gz.size()) + "\r\n\r\n" + gz)
        << true << page << QByteArray("gzip") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("100 Continue and an extra CRLF, then gzip")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\n\r\n" + withLength("Content-Encoding: gzip\r\n", gz)) << true
        << page << QByteArray("gzip") << true << ErrorKind::None << qint64(-1) << false;
    QByteArray oddChunks = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: deflate\r\n\r\n";
    const QByteArray deflated = compress(page, ZlibBits);
    for (qsizetype at = 0, i = 0; at < deflated.size(); at += 50, ++i) {
        const QByteArray piece = deflated.mid(at, 50);
        oddChunks += QByteArray::number(piece.size(), 16) + (i % 2 ? "; \t\r\n" : ";=\"x\" \r\n") + piece + "\r\n";
    }
    oddChunks += "0;\r\nX-Bell: \x07\r\n\r\n";
    QTest::newRow("deflate in chunk lines with blanks and empty extensions")
        << oddChunks << true << page << QByteArray("deflate") << true << ErrorKind::None << qint64(-1) << false;
    QTest::newRow("stacked codings left as received")
        << withLength("Content-Encoding: gzip, br\r\n", "twice") << true << QByteArray("twice") << QByteArray("gzip, br")
        << true << ErrorKind::StackedEncodings << qint64(-1) << false;
}

void TestHttpBodyDecoder::decodes()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, peerClosed);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentEncoding);
    QFETCH(bool, complete);
    QFETCH(ErrorKind, error);
    QFETCH(qint64, errorReplyOffset);
    QFETCH(bool, prefixOnly);

    HttpBodyDecoder::Options options;
    options.keepLimit = 16 * 1024 * 1024;
    const auto check = [&](const HttpBody &decoded, const char *how) {
        // A reply cut short keeps what its bytes decode to: some of the body, never all of it.
        if (prefixOnly)
            QVERIFY2(!decoded.kept.isEmpty() && decoded.kept.size() < body.size() && body.startsWith(decoded.kept), how);
        else
            QVERIFY2(decoded.kept == body, how);
        QCOMPARE(decoded.decodedBytes, qint64(decoded.kept.size()));
        QCOMPARE(decoded.contentEncoding, contentEncoding);
        QCOMPARE(decoded.complete, complete);
        QCOMPARE(decoded.error, error);
        QCOMPARE(decoded.errorReplyOffset, errorReplyOffset);
        QVERIFY(!decoded.capReached);
        QVERIFY(!decoded.inputCut);
        QVERIFY(!decoded.keptCut);
        // The offset in the reply and in the body name the same byte.
        if (errorReplyOffset >= 0 && decoded.errorBodyOffset >= 0)
            QVERIFY(decoded.errorReplyOffset > decoded.errorBodyOffset);
    };

    // Whole, a byte at a time as a trickling server would send it, and read back from a source.
    HttpBodyDecoder whole(options);
    whole.feed(reply.constData(), reply.size());
    whole.finish(peerClosed);
    check(whole.body(), "fed whole");
    if (QTest::currentTestFailed())
        return;

    HttpBodyDecoder trickled(options);
    for (qsizetype i = 0; i < reply.size(); ++i)
        trickled.feed(reply.constData() + i, 1);
    trickled.finish(peerClosed);
    check(trickled.body(), "fed a byte at a time");
    if (QTest::currentTestFailed())
        return;

    // Pieces of random sizes, as reads end wherever they end; fixed seeds so a failure comes back.
    for (unsigned seed : {1u, 2u, 3u}) {
        std::mt19937 random(seed);
        HttpBodyDecoder split(options);
        for (qsizetype at = 0; at < reply.size();) {
            const qsizetype length = std::min<qsizetype>(reply.size() - at, 1 + random() % (random() % 4 == 0 ? 300 : 7));
            split.feed(reply.constData() + at, length);
            at += length;
        }
        split.finish(peerClosed);
        check(split.body(), qPrintable(QStringLiteral("random splits, seed %1").arg(seed)));
        if (QTest::currentTestFailed())
            return;
    }

    const HttpResponseParser parsed = parse(reply, peerClosed);
    check(HttpBodyDecoder::decode(parsed, ArraySource(reply), options), "read from a source");
}

void TestHttpBodyDecoder::contentType_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("mediaType");
    QTest::addColumn<QByteArray>("charset");

    QTest::newRow("absent") << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("no charset") << QByteArray("Content-Type: text/plain\r\n") << QByteArray("text/plain") << QByteArray();
    QTest::newRow("lowercased") << QByteArray("Content-Type: Text/HTML; Charset=UTF-8\r\n") << QByteArray("text/html")
                                << QByteArray("utf-8");
    QTest::newRow("quoted") << QByteArray("Content-Type: text/html; charset=\"ISO-8859-1\"\r\n")
                            << QByteArray("text/html") << QByteArray("iso-8859-1");
    QTest::newRow("after another parameter")
        << QByteArray("Content-Type: text/plain; format=flowed;charset = us-ascii \r\n") << QByteArray("text/plain")
        << QByteArray("us-ascii");
    QTest::newRow("empty charset") << QByteArray("Content-Type: text/plain; charset=\r\n") << QByteArray("text/plain")
                                   << QByteArray();
}

void TestHttpBodyDecoder::contentType()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, mediaType);
    QFETCH(QByteArray, charset);

    HttpBodyDecoder decoder({});
    const QByteArray reply = withLength(header, "x");
    decoder.feed(reply.constData(), reply.size());
    decoder.finish(true);
    QCOMPARE(decoder.body().mediaType, mediaType);
    QCOMPARE(decoder.body().charset, charset);
}

void TestHttpBodyDecoder::headResponseHasNoBody()
{
    // A HEAD response says how long the body would be; none follows, and the next reply's bytes are
    // not taken for it.
    const QByteArray reply = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
    HttpBodyDecoder::Options options;
    options.requestMethod = "HEAD";
    options.keepLimit = 100;
    HttpBodyDecoder decoder(options);
    decoder.feed(reply.constData(), reply.size());
    QVERIFY(!decoder.wantsMore());
    QVERIFY(decoder.body().complete);
    QCOMPARE(decoder.body().decodedBytes, 0);

    // Read back with the exchange's parse, which knew the method.
    const HttpBody body = HttpBodyDecoder::decode(parse(reply, false, "HEAD"), ArraySource(reply), {});
    QVERIFY(body.complete);
    QCOMPARE(body.encodedBytes, 0);
}

void TestHttpBodyDecoder::keptUpToLimitAndSinkGetsAll()
{
    const QByteArray page = text();
    const QByteArray reply = withChunks("Content-Encoding: gzip\r\n", gzip(page), 50);
    ByteStore store;
    HttpBodyDecoder::Options options;
    options.keepLimit = 100;
    options.sink = &store;
    HttpBodyDecoder decoder(options);
    decoder.feed(reply.constData(), reply.size());
    decoder.finish(true);
    const HttpBody &body = decoder.body();
    QCOMPARE(body.kept, page.left(100));
    QVERIFY(body.keptCut);
    QCOMPARE(body.decodedBytes, qint64(page.size()));
    QCOMPARE(store.size(), qint64(page.size()));
    QCOMPARE(store.read(0, store.size()), page);
    // The decoded body is one segment, not one per piece decoded.
    QCOMPARE(store.segments().size(), 1);
    QVERIFY(body.decoded());
}

void TestHttpBodyDecoder::inputLimitCutsTheBody()
{
    const QByteArray page = text();
    const QByteArray reply = withChunks({}, page, 64);
    HttpBodyDecoder::Options options;
    options.inputLimit = 1000;
    options.keepLimit = 1000;
    options.cap = 1000;
    const HttpBody body = HttpBodyDecoder::decode(parse(reply, true), ArraySource(reply), options);
    QCOMPARE(body.kept, page.left(1000));
    QCOMPARE(body.encodedBytes, 1000);
    QVERIFY(body.inputCut);
    QVERIFY(!body.complete);
    // Exactly at the cap is not past it.
    QVERIFY(!body.capReached);
    QVERIFY(describeBodyDecoding(body).isEmpty());
}

void TestHttpBodyDecoder::gzipBombStopsAtCap()
{
    // 1 GiB of zeros in about a MiB: decoded with a 64 MiB cap and nothing kept, the process must not
    // grow by anything near the cap, let alone the bomb.
    const qint64 bombSize = qint64(1024) * 1024 * 1024;
    const QByteArray bomb = gzipBomb(bombSize);
    QVERIFY(bomb.size() < 2 * 1024 * 1024);
    const QByteArray reply = withLength("Content-Encoding: gzip\r\n", bomb);
    const qint64 head = reply.size() - bomb.size();
    const ArraySource source(reply);

    HttpBodyDecoder::Options options;
    options.cap = 64 * 1024 * 1024;
    CountingSink sink;
    options.sink = &sink;
    const qint64 before = peakRssBytes();
    const HttpBody body = HttpBodyDecoder::decode(parse(reply, true), source, options);
    const qint64 grown = peakRssBytes() - before;
    QVERIFY2(grown < 16 * 1024 * 1024, QByteArray::number(grown).constData());

    QVERIFY(body.capReached);
    QCOMPARE(body.decodedBytes, options.cap);
    QCOMPARE(sink.size(), options.cap);
    QCOMPARE(body.error, ErrorKind::None);
    // Decoding stopped inside the body, long before its end.
    QVERIFY(body.capReplyOffset > head);
    QVERIFY(body.capReplyOffset < reply.size());
    // The rest of the body is still followed to its end, undecoded, to say the body came whole.
    QCOMPARE(body.encodedBytes, bomb.size());
    QVERIFY(body.complete);
    QCOMPARE(describeBodyDecoding(body), QStringList{QStringLiteral("The decoded body is larger than 64 MiB: decoding stopped there.")});
}

void TestHttpBodyDecoder::identityBodyStopsAtCap()
{
    const QByteArray reply = withLength({}, QByteArray(5000, 'a'));
    HttpBodyDecoder::Options options;
    options.cap = 4096;
    options.keepLimit = 10000;
    HttpBodyDecoder decoder(options);
    decoder.feed(reply.constData(), reply.size());
    QVERIFY(!decoder.wantsMore());
    decoder.finish(true);
    QVERIFY(decoder.body().capReached);
    QCOMPARE(decoder.body().kept, QByteArray(4096, 'a'));
    QCOMPARE(decoder.body().capReplyOffset, reply.size() - 5000 + 4096);
}

void TestHttpBodyDecoder::readFromSourceInPieces()
{
    // 3 MiB of body through gzip and chunks: read back in pieces, never whole.
    QByteArray page;
    std::mt19937 rng(7);
    while (page.size() < 3 * 1024 * 1024)
        page += "word" + QByteArray::number(rng() % 1000) + ' ';
    const QByteArray reply = withChunks("Content-Encoding: gzip\r\nContent-Type: text/plain\r\n", gzip(page), 8000);
    const ArraySource source(reply);
    ByteStore store;
    HttpBodyDecoder::Options options;
    options.sink = &store;
    const HttpBody body = HttpBodyDecoder::decode(parse(reply, true), source, options);
    QVERIFY(body.complete);
    QCOMPARE(body.decodedBytes, qint64(page.size()));
    QVERIFY(store.read(0, store.size()) == page);
    QVERIFY(source.reads() > 1);
    QVERIFY(source.largestRead() <= 256 * 1024);
}

void TestHttpBodyDecoder::sinkWriteFailureStops()
{
    const QByteArray reply = withLength({}, QByteArray(100000, 'b'));
    CountingSink sink;
    sink.failAfter(10000);
    HttpBodyDecoder::Options options;
    options.sink = &sink;
    HttpBodyDecoder decoder(options);
    decoder.feed(reply.constData(), reply.size());
    QVERIFY(!decoder.wantsMore());
    decoder.finish(true);
    QCOMPARE(decoder.body().writeErrno, ENOSPC);
    QVERIFY(sink.size() <= 10000);
}

void TestHttpBodyDecoder::sentences()
{
    HttpBody body;
    body.contentEncoding = "gzip";
    body.error = ErrorKind::CorruptData;
    body.errorBodyOffset = 4;
    body.errorReplyOffset = 70;
    QCOMPARE(describeBodyDecoding(body),
             QStringList{QStringLiteral("The gzip data is corrupt at byte 4 of the body (byte 70 of the reply): only what comes "
                         "before it is decoded.")});
    body.error = ErrorKind::UnknownEncoding;
    body.contentEncoding = "zstd";
    QCOMPARE(describeBodyDecoding(body),
             QStringList{QStringLiteral("Content-Encoding \"zstd\" cannot be decoded here: the body is left as received.")});
    body.error = ErrorKind::None;
    QVERIFY(describeBodyDecoding(body).isEmpty());
}

void TestHttpBodyDecoder::textInItsCharset_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fallback");

    const QString cafe = QStringLiteral("caf\u00e9");
    QTest::newRow("UTF-8 by default") << QByteArray("text/plain") << QByteArray("caf\xc3\xa9") << cafe << QString();
    QTest::newRow("ISO-8859-1") << QByteArray("text/plain; charset=ISO-8859-1") << QByteArray("caf\xe9") << cafe
                                << QString();
    QTest::newRow("HTML meta") << QByteArray("text/html") << QByteArray("<meta charset=\"iso-8859-1\">caf\xe9")
                               << QStringLiteral("<meta charset=\"iso-8859-1\">caf\u00e9") << QString();
    QTest::newRow("unknown windows charset")
        << QByteArray("text/plain; charset=windows-1259") << QByteArray("caf\xe9") << cafe
        << QStringLiteral("The charset \"windows-1259\" is not supported here: the text is decoded as ISO-8859-1.");
    QTest::newRow("unknown charset") << QByteArray("text/plain; charset=x-martian") << QByteArray("caf\xc3\xa9") << cafe
                                     << QStringLiteral("The charset \"x-martian\" is not supported here: the text is decoded as UTF-8.");
}

void TestHttpBodyDecoder::textInItsCharset()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, fallback);

    const DecodedText decoded = decodeBodyText(bytes, ContentType::parse(contentType));
    QCOMPARE(decoded.text, text);
    QCOMPARE(describeTextFallback(decoded), fallback);
}

QTEST_GUILESS_MAIN(TestHttpBodyDecoder)
#include "tst_httpbodydecoder.moc"
