// libFuzzer target for HttpBodyDecoder. The first byte chooses the request method and the limits, the
// second how the rest is split into feed() calls; the rest is the reply. Every split, and reading the
// reply back from a ByteSource, must give what one whole feed() gives, within the limits asked for.
#include "arraysource.h"
#include "http/httpbodydecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace SocketLab;

namespace {

using TestSupport::ArraySource;

void require(bool condition)
{
    if (!condition)
        std::abort();
}

struct Result
{
    QByteArray kept;
    qint64 decodedBytes;
    qint64 encodedBytes;
    bool complete;
    bool keptCut;
    int error;
    qint64 errorBodyOffset;
    qint64 errorReplyOffset;
    bool capReached;
    QByteArray contentEncoding;
    QByteArray charset;

    bool operator==(const Result &) const = default;
};

Result resultOf(const HttpBody &body, const HttpBodyDecoder::Options &options, qint64 size)
{
    require(body.decodedBytes >= 0 && body.decodedBytes <= options.cap);
    require(body.kept.size() <= options.keepLimit);
    require(body.kept.size() == std::min(body.decodedBytes, options.keepLimit));
    require(body.keptCut == (body.decodedBytes > options.keepLimit));
    require(body.encodedBytes >= 0 && body.encodedBytes <= size);
    require(body.errorReplyOffset >= -1 && body.errorReplyOffset <= size);
    require(body.capReached == (body.capReplyOffset >= 0));
    require(body.capReplyOffset <= size);
    require(body.error != ContentDecoder::ErrorKind::OutputLimitReached);
    // Where the cap stopped decoding depends on how much input the decoder had at hand: not compared.
    return Result{body.kept,     body.decodedBytes,     body.encodedBytes,         body.complete,
                  body.keptCut,  int(body.error),       body.errorBodyOffset,      body.errorReplyOffset,
                  body.capReached, body.contentEncoding, body.charset};
}

Result decodeFed(const char *data, qint64 size, const HttpBodyDecoder::Options &options, std::uint32_t seed)
{
    HttpBodyDecoder decoder(options);
    qint64 fed = 0;
    while (fed < size && decoder.wantsMore()) {
        qint64 length = size - fed;
        if (seed != 0) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            length = std::min<qint64>(length, 1 + seed % ((seed >> 8) % 4 == 0 ? 257 : 9));
        }
        decoder.feed(data + fed, length);
        fed += length;
    }
    decoder.finish(true);
    require(!decoder.wantsMore());
    return resultOf(decoder.body(), options, size);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const std::uint8_t flags = data[0];
    const std::uint32_t seed = 0x9e3779b9u ^ (std::uint32_t(data[1]) << 8) ^ flags;
    const char *reply = reinterpret_cast<const char *>(data + 2);
    const qint64 length = qint64(size - 2);

    HttpBodyDecoder::Options options;
    options.requestMethod = (flags & 1) ? "HEAD" : "GET";
    // Small limits let short inputs reach the cap, the kept limit and the input limit.
    options.cap = (flags & 2) ? 64 : 1024 * 1024;
    options.keepLimit = (flags & 4) ? 16 : 1024 * 1024;

    const Result whole = decodeFed(reply, length, options, 0);
    const Result split = decodeFed(reply, length, options, seed);
    require(split == whole);

    HttpResponseParser parsed;
    parsed.setRequestMethod(options.requestMethod);
    parsed.feed(reply, length);
    parsed.finish();
    const QByteArray bytes(reply, qsizetype(length));
    require(resultOf(HttpBodyDecoder::decode(parsed, ArraySource(bytes), options), options, length) == whole);

    if (flags & 8) {
        options.inputLimit = 32;
        const HttpBody cut = HttpBodyDecoder::decode(parsed, ArraySource(bytes), options);
        require(cut.encodedBytes <= 32);
        resultOf(cut, options, length);
    }
    return 0;
}
