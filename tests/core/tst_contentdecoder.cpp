#include "http/contentdecoder.h"

#include "compress.h"

#include <QTest>

#include <random>

using namespace SocketLab;

using State = ContentDecoder::State;
using ErrorKind = ContentDecoder::ErrorKind;
using Encoding = ContentDecoder::Encoding;

namespace {

using TestSupport::GzipBits;
using TestSupport::RawBits;
using TestSupport::ZlibBits;
constexpr int BrotliBits = 100;  // not zlib's: brotli's encoder

QByteArray compress(const QByteArray &data, int windowBits, int level = Z_DEFAULT_COMPRESSION)
{
    if (windowBits == BrotliBits)
        return TestSupport::brotli(data, level == Z_BEST_COMPRESSION ? BROTLI_MAX_QUALITY : BROTLI_DEFAULT_QUALITY);
    return TestSupport::deflateWith(data, windowBits, level);
}

QByteArray text()
{
    QByteArray page;
    for (int i = 0; i < 500; ++i)
        page += "<p>Line " + QByteArray::number(i) + ": the quick brown fox jumps over the lazy dog.</p>\n";
    return page;
}

QByteArray noise(qsizetype size)
{
    std::mt19937 rng(1234);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(rng() & 0xff);
    return bytes;
}

QByteArray decodeAll(ContentDecoder &decoder, const QByteArray &encoded)
{
    decoder.feed(encoded);
    decoder.finish();
    return decoder.output();
}

QByteArray errorName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return "None";
    case ErrorKind::UnknownEncoding: return "UnknownEncoding";
    case ErrorKind::StackedEncodings: return "StackedEncodings";
    case ErrorKind::CorruptData: return "CorruptData";
    case ErrorKind::Truncated: return "Truncated";
    case ErrorKind::DataAfterEnd: return "DataAfterEnd";
    case ErrorKind::OutputLimitReached: return "OutputLimitReached";
    case ErrorKind::DecoderFailed: return "DecoderFailed";
    }
    return "?";
}

} // namespace

namespace QTest {
template<>
char *toString(const ErrorKind &kind)
{
    return qstrdup(errorName(kind).constData());
}
} // namespace QTest

class TestContentDecoder : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void splitFeeding_data();
    void splitFeeding();
    void identityPassesThrough_data();
    void identityPassesThrough();
    void emptyBody_data();
    void emptyBody();
    void concatenatedGzipMembers();
    void corruptData_data();
    void corruptData();
    void truncated_data();
    void truncated();
    void dataAfterEnd_data();
    void dataAfterEnd();
    void outputLimit_data();
    void outputLimit();
    void outputExactlyAtLimit();
    void outputLimitWhileTakingOutput();
    void defaultLimit();
    void outputToCallback_data();
    void outputToCallback();
    void unknownEncoding_data();
    void unknownEncoding();
};

void TestContentDecoder::roundTrip_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<Encoding>("encoding");

    const QByteArray page = text();
    const QByteArray binary = noise(200 * 1024);
    QTest::newRow("gzip text") << QByteArray("gzip") << GzipBits << page << Encoding::Gzip;
    QTest::newRow("gzip binary") << QByteArray("gzip") << GzipBits << binary << Encoding::Gzip;
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << GzipBits << page << Encoding::Gzip;
    QTest::newRow("GZIP, any case and blanks") << QByteArray("  GZip ") << GzipBits << page << Encoding::Gzip;
    QTest::newRow("identity then gzip") << QByteArray("identity, gzip") << GzipBits << page << Encoding::Gzip;
    QTest::newRow("deflate, zlib-wrapped") << QByteArray("deflate") << ZlibBits << page << Encoding::Deflate;
    QTest::newRow("deflate, zlib binary") << QByteArray("deflate") << ZlibBits << binary << Encoding::Deflate;
    QTest::newRow("deflate, raw") << QByteArray("deflate") << RawBits << page << Encoding::Deflate;
    QTest::newRow("deflate, raw binary") << QByteArray("deflate") << RawBits << binary << Encoding::Deflate;
    QTest::newRow("deflate, one byte") << QByteArray("deflate") << ZlibBits << QByteArray("x") << Encoding::Deflate;
    QTest::newRow("br text") << QByteArray("br") << BrotliBits << page << Encoding::Brotli;
    QTest::newRow("br binary") << QByteArray("BR") << BrotliBits << binary << Encoding::Brotli;
    QTest::newRow("br, one byte") << QByteArray("br") << BrotliBits << QByteArray("x") << Encoding::Brotli;
    QTest::newRow("gzip, 1 MiB of zeros")
        << QByteArray("gzip") << GzipBits << QByteArray(1024 * 1024, '\0') << Encoding::Gzip;
}

void TestContentDecoder::roundTrip()
{
    QFETCH(QByteArray, header);
    QFETCH(int, windowBits);
    QFETCH(QByteArray, payload);
    QFETCH(Encoding, encoding);

    const QByteArray encoded = compress(payload, windowBits);
    ContentDecoder decoder(header);
    QCOMPARE(decoder.encoding(), encoding);
    QCOMPARE(decoder.feed(encoded), State::Complete);
    QCOMPARE(decoder.finish(), State::Complete);
    QCOMPARE(decoder.error(), ErrorKind::None);
    QCOMPARE(decoder.output().size(), payload.size());
    QVERIFY(decoder.output() == payload);
    QCOMPARE(decoder.inputBytes(), qint64(encoded.size()));
    QCOMPARE(decoder.outputBytes(), qint64(payload.size()));
}

void TestContentDecoder::splitFeeding_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<int>("maxPiece");

    for (int piece : {1, 2, 3, 7, 1000}) {
        const QByteArray n = QByteArray::number(piece);
        QTest::newRow("gzip, pieces up to " + n) << QByteArray("gzip") << GzipBits << piece;
        QTest::newRow("zlib deflate, pieces up to " + n) << QByteArray("deflate") << ZlibBits << piece;
        QTest::newRow("raw deflate, pieces up to " + n) << QByteArray("deflate") << RawBits << piece;
        QTest::newRow("br, pieces up to " + n) << QByteArray("br") << BrotliBits << piece;
    }
}

void TestContentDecoder::splitFeeding()
{
    QFETCH(QByteArray, header);
    QFETCH(int, windowBits);
    QFETCH(int, maxPiece);

    const QByteArray payload = text() + noise(5000);
    const QByteArray encoded = compress(payload, windowBits);
    ContentDecoder decoder(header);
    std::mt19937 rng {uint(maxPiece)};
    QByteArray decoded;
    qsizetype at = 0;
    while (at < encoded.size()) {
        const qsizetype piece = std::min<qsizetype>(1 + qsizetype(rng() % uint(maxPiece)), encoded.size() - at);
        const State state = decoder.feed(encoded.constData() + at, piece);
        at += piece;
        QCOMPARE(state, at == encoded.size() ? State::Complete : State::Incomplete);
        decoded += decoder.takeOutput();
    }
    QCOMPARE(decoder.finish(), State::Complete);
    decoded += decoder.takeOutput();
    QVERIFY(decoded == payload);
    QVERIFY(decoder.output().isEmpty());
    QCOMPARE(decoder.outputBytes(), qint64(payload.size()));
}

void TestContentDecoder::identityPassesThrough_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("no header") << QByteArray();
    QTest::newRow("identity") << QByteArray("identity");
    QTest::newRow("Identity, blanks") << QByteArray(" Identity ");
}

void TestContentDecoder::identityPassesThrough()
{
    QFETCH(QByteArray, header);
    ContentDecoder decoder(header);
    QCOMPARE(decoder.encoding(), Encoding::Identity);
    QCOMPARE(decoder.encodingName(), QByteArray("identity"));
    const QByteArray gzipped = compress("not for us", GzipBits);
    QCOMPARE(decoder.feed(gzipped.left(5)), State::Incomplete);
    QCOMPARE(decoder.feed(gzipped.mid(5)), State::Incomplete);
    QCOMPARE(decoder.finish(), State::Complete);
    QCOMPARE(decoder.output(), gzipped);
}

void TestContentDecoder::emptyBody_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("gzip") << QByteArray("gzip");
    QTest::newRow("deflate") << QByteArray("deflate");
}

void TestContentDecoder::emptyBody()
{
    QFETCH(QByteArray, header);
    ContentDecoder decoder(header);
    QCOMPARE(decoder.feed(QByteArray()), State::Incomplete);
    QCOMPARE(decoder.finish(), State::Complete);
    QVERIFY(decoder.output().isEmpty());
}

void TestContentDecoder::concatenatedGzipMembers()
{
    const QByteArray first = compress("first member, ", GzipBits);
    const QByteArray second = compress("second member", GzipBits);

    ContentDecoder together("gzip");
    QCOMPARE(decodeAll(together, first + second), QByteArray("first member, second member"));
    QCOMPARE(together.state(), State::Complete);

    ContentDecoder apart("gzip");
    QCOMPARE(apart.feed(first), State::Complete);
    QCOMPARE(apart.feed(second.left(4)), State::Incomplete);
    QCOMPARE(apart.feed(second.mid(4)), State::Complete);
    QCOMPARE(apart.finish(), State::Complete);
    QCOMPARE(apart.output(), QByteArray("first member, second member"));
}

void TestContentDecoder::corruptData_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<qint64>("minOffset");
    QTest::addColumn<qint64>("maxOffset");
    QTest::addColumn<QByteArray>("decodedBefore");

    const QByteArray payload = text();
    const QByteArray gzipped = compress(payload, GzipBits);

    QByteArray badMagic = gzipped;
    badMagic[1] = char(0x8c);
    QTest::newRow("gzip, bad magic") << QByteArray("gzip") << badMagic << qint64(1) << qint64(2) << QByteArray();

    QByteArray badCrc = gzipped;
    badCrc[badCrc.size() - 6] = char(badCrc.at(badCrc.size() - 6) ^ 0x55);
    const qint64 crcAt = gzipped.size() - 8;
    QTest::newRow("gzip, bad CRC") << QByteArray("gzip") << badCrc << crcAt << crcAt + 4 << payload;

    const QByteArray zlibbed = compress(payload, ZlibBits);
    QByteArray badAdler = zlibbed;
    badAdler[badAdler.size() - 1] = char(badAdler.at(badAdler.size() - 1) ^ 0x01);
    QTest::newRow("zlib, bad Adler-32")
        << QByteArray("deflate") << badAdler << qint64(zlibbed.size() - 4) << qint64(zlibbed.size()) << payload;

    // 0x07: the last block, of the reserved type 3.
    QTest::newRow("raw deflate, reserved block type")
        << QByteArray("deflate") << QByteArray("\x07\x00\x00\x00", 4) << qint64(0) << qint64(1) << QByteArray();

    // A stored block whose length and its complement disagree.
    QTest::newRow("raw deflate, stored length check")
        << QByteArray("deflate") << QByteArray("\x01\x05\x00\x00\x00hello", 10) << qint64(1) << qint64(5)
        << QByteArray();
}

void TestContentDecoder::corruptData()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, encoded);
    QFETCH(qint64, minOffset);
    QFETCH(qint64, maxOffset);
    QFETCH(QByteArray, decodedBefore);

    ContentDecoder decoder(header);
    QCOMPARE(decoder.feed(encoded), State::Error);
    QCOMPARE(decoder.error(), ErrorKind::CorruptData);
    QVERIFY2(decoder.errorOffset() >= minOffset && decoder.errorOffset() <= maxOffset,
             QByteArray::number(decoder.errorOffset()).constData());
    QVERIFY(decoder.output() == decodedBefore);
    // An error is final: more bytes or finish() do not change what was found.
    QCOMPARE(decoder.feed("more"), State::Error);
    QCOMPARE(decoder.finish(), State::Error);
    QCOMPARE(decoder.error(), ErrorKind::CorruptData);
}

void TestContentDecoder::truncated_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("encoded");

    const QByteArray payload = text();
    const QByteArray gzipped = compress(payload, GzipBits);
    const QByteArray zlibbed = compress(payload, ZlibBits);
    const QByteArray raw = compress(payload, RawBits);
    QTest::newRow("gzip, header only") << QByteArray("gzip") << gzipped.left(10);
    QTest::newRow("gzip, half") << QByteArray("gzip") << gzipped.left(gzipped.size() / 2);
    QTest::newRow("gzip, no trailer") << QByteArray("gzip") << gzipped.chopped(8);
    QTest::newRow("gzip, one byte short") << QByteArray("gzip") << gzipped.chopped(1);
    QTest::newRow("deflate, one byte") << QByteArray("deflate") << zlibbed.left(1);
    QTest::newRow("zlib, half") << QByteArray("deflate") << zlibbed.left(zlibbed.size() / 2);
    QTest::newRow("zlib, no Adler-32") << QByteArray("deflate") << zlibbed.chopped(4);
    QTest::newRow("raw deflate, half") << QByteArray("deflate") << raw.left(raw.size() / 2);
}

void TestContentDecoder::truncated()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, encoded);

    ContentDecoder decoder(header);
    QCOMPARE(decoder.feed(encoded), State::Incomplete);
    QCOMPARE(decoder.finish(), State::Error);
    QCOMPARE(decoder.error(), ErrorKind::Truncated);
    QCOMPARE(decoder.errorOffset(), qint64(encoded.size()));
}

void TestContentDecoder::dataAfterEnd_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("windowBits");
    QTest::addColumn<bool>("separateFeed");

    for (bool separate : {false, true}) {
        const QByteArray how = separate ? " (separate feed)" : " (same feed)";
        QTest::newRow("gzip" + how) << QByteArray("gzip") << GzipBits << separate;
        QTest::newRow("zlib" + how) << QByteArray("deflate") << ZlibBits << separate;
        QTest::newRow("raw deflate" + how) << QByteArray("deflate") << RawBits << separate;
    }
}

void TestContentDecoder::dataAfterEnd()
{
    QFETCH(QByteArray, header);
    QFETCH(int, windowBits);
    QFETCH(bool, separateFeed);

    const QByteArray payload = "the body";
    const QByteArray encoded = compress(payload, windowBits);
    ContentDecoder decoder(header);
    if (separateFeed) {
        QCOMPARE(decoder.feed(encoded), State::Complete);
        QCOMPARE(decoder.feed("junk"), State::Error);
    } else {
        QCOMPARE(decoder.feed(encoded + "junk"), State::Error);
    }
    QCOMPARE(decoder.error(), ErrorKind::DataAfterEnd);
    QCOMPARE(decoder.errorOffset(), qint64(encoded.size()));
    QCOMPARE(decoder.output(), payload);
}

void TestContentDecoder::outputLimit_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("windowBits");

    QTest::newRow("gzip") << QByteArray("gzip") << GzipBits;
    QTest::newRow("zlib") << QByteArray("deflate") << ZlibBits;
    QTest::newRow("raw deflate") << QByteArray("deflate") << RawBits;
    QTest::newRow("br") << QByteArray("br") << BrotliBits;
    QTest::newRow("identity") << QByteArray("identity") << 0;
}

void TestContentDecoder::outputLimit()
{
    QFETCH(QByteArray, header);
    QFETCH(int, windowBits);

    // A bomb in miniature: 8 MiB of zeros squeezed into a few kilobytes, decoded under a 1 MiB limit.
    const qint64 limit = 1024 * 1024;
    const QByteArray zeros(8 * 1024 * 1024, '\0');
    const QByteArray encoded = windowBits == 0 ? zeros : compress(zeros, windowBits, Z_BEST_COMPRESSION);
    ContentDecoder decoder(header, limit);
    QCOMPARE(decoder.outputLimit(), limit);
    QCOMPARE(decoder.feed(encoded), State::Error);
    QCOMPARE(decoder.error(), ErrorKind::OutputLimitReached);
    QCOMPARE(decoder.outputBytes(), limit);
    QCOMPARE(decoder.output().size(), qsizetype(limit));
    QVERIFY(decoder.output() == zeros.left(limit));
    QVERIFY(decoder.errorOffset() > 0);
    // Brotli takes in all it is given before it writes; zlib stops taking when its output is full.
    if (windowBits == BrotliBits)
        QVERIFY(decoder.errorOffset() <= encoded.size());
    else
        QVERIFY(decoder.errorOffset() < encoded.size());
    QCOMPARE(decoder.finish(), State::Error);
}

void TestContentDecoder::outputExactlyAtLimit()
{
    const QByteArray payload = text();
    ContentDecoder decoder("gzip", payload.size());
    QCOMPARE(decodeAll(decoder, compress(payload, GzipBits)), payload);
    QCOMPARE(decoder.state(), State::Complete);

    ContentDecoder oneShort("gzip", payload.size() - 1);
    QCOMPARE(decodeAll(oneShort, compress(payload, GzipBits)), payload.chopped(1));
    QCOMPARE(oneShort.error(), ErrorKind::OutputLimitReached);
}

void TestContentDecoder::outputLimitWhileTakingOutput()
{
    // Taking the output as it comes does not reset the count: the limit is on the whole body.
    const qint64 limit = 300 * 1000;
    const QByteArray encoded = compress(QByteArray(2 * 1024 * 1024, 'a'), GzipBits);
    ContentDecoder decoder("gzip", limit);
    qint64 taken = 0;
    for (qsizetype at = 0; at < encoded.size() && decoder.state() != State::Error; at += 100) {
        decoder.feed(encoded.mid(at, 100));
        taken += decoder.takeOutput().size();
    }
    QCOMPARE(decoder.error(), ErrorKind::OutputLimitReached);
    QCOMPARE(taken, limit);
}

void TestContentDecoder::defaultLimit()
{
    ContentDecoder decoder("gzip");
    QCOMPARE(decoder.outputLimit(), qint64(64) * 1024 * 1024);
}

void TestContentDecoder::outputToCallback_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("windowBits");

    QTest::newRow("gzip") << QByteArray("gzip") << GzipBits;
    QTest::newRow("br") << QByteArray("br") << BrotliBits;
    QTest::newRow("identity") << QByteArray("identity") << 0;
}

void TestContentDecoder::outputToCallback()
{
    QFETCH(QByteArray, header);
    QFETCH(int, windowBits);

    // Fed whole, a bomb's output still comes in small pieces and stops at the limit.
    const qint64 limit = 3 * 1024 * 1024 + 5;
    const QByteArray zeros(8 * 1024 * 1024, '\0');
    const QByteArray encoded = windowBits == 0 ? zeros : compress(zeros, windowBits, Z_BEST_COMPRESSION);
    ContentDecoder decoder(header, limit);
    qint64 total = 0;
    qint64 largest = 0;
    bool allZeros = true;
    decoder.setOutputCallback([&](const char *data, qint64 len) {
        total += len;
        largest = std::max(largest, len);
        allZeros = allZeros && QByteArrayView(data, len).count('\0') == len;
    });
    QCOMPARE(decoder.feed(encoded), State::Error);
    QCOMPARE(decoder.error(), ErrorKind::OutputLimitReached);
    QCOMPARE(total, limit);
    QCOMPARE(decoder.outputBytes(), limit);
    QVERIFY(largest <= 64 * 1024);
    QVERIFY(allZeros);
    QVERIFY(decoder.output().isEmpty());
}

void TestContentDecoder::unknownEncoding_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<ErrorKind>("error");
    QTest::addColumn<QByteArray>("name");

    QTest::newRow("zstd") << QByteArray("zstd") << ErrorKind::UnknownEncoding << QByteArray("zstd");
    QTest::newRow("compress") << QByteArray("Compress") << ErrorKind::UnknownEncoding << QByteArray("compress");
    QTest::newRow("deflate then gzip")
        << QByteArray("deflate, gzip") << ErrorKind::StackedEncodings << QByteArray("deflate, gzip");
    QTest::newRow("gzip twice") << QByteArray("gzip,gzip") << ErrorKind::StackedEncodings << QByteArray("gzip, gzip");
}

void TestContentDecoder::unknownEncoding()
{
    QFETCH(QByteArray, header);
    QFETCH(ErrorKind, error);
    QFETCH(QByteArray, name);

    ContentDecoder decoder(header);
    QCOMPARE(decoder.state(), State::Error);
    QCOMPARE(decoder.error(), error);
    QCOMPARE(decoder.encodingName(), name);
    QCOMPARE(decoder.errorOffset(), qint64(-1));
    QCOMPARE(decoder.feed("data"), State::Error);
    QCOMPARE(decoder.finish(), State::Error);
    QVERIFY(decoder.output().isEmpty());
}

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"
