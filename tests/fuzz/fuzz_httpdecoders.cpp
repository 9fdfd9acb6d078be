// libFuzzer target for the HTTP body decoders working together: chunked framing, then gzip or deflate,
// under the decoded-size cap. Random bytes seldom make a valid compressed stream, so this target makes
// one: the input's payload is compressed here, maybe damaged, framed in chunks whose sizes and line
// oddities (extensions, blanks, a lone ";", bare LF: all forgiven by the parser) the input chooses,
// and decoded back. An undamaged body within the cap must come back byte for byte, one past the cap
// must stop at it, and every split of the reply must give what one whole feed() gives.
//
// Input: flags, a seed for chunk sizes and splits, a seed for the damage, then the payload.
// flags bits 0-1: gzip, zlib deflate, raw deflate, identity; bit 2: a cap of 64 bytes instead of
// 64 KiB; bit 3: damage one byte of the compressed body; bit 4: repeat the payload past 64 KiB (a
// small bomb); bit 5: odd chunk lines; bit 6: Content-Length instead of chunked; bit 7: a
// "100 Continue" and an extra CRLF first.
#include "arraysource.h"
#include "http/httpbodydecoder.h"

#include <zlib.h>

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

class Random
{
public:
    explicit Random(std::uint32_t seed)
        : m_state(seed | 1)
    {
    }
    std::uint32_t next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }

private:
    std::uint32_t m_state;
};

QByteArray compress(const QByteArray &data, int windowBits)
{
    z_stream z{};
    require(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    require(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

// What a chunk size line may carry between its size and its line end.
QByteArray oddity(Random &random)
{
    static const char *const Odd[] = {"", ";", " ", "\t", ";a=\"b; c\"", "; x ", ";=v", " ;k=v\t"};
    return Odd[random.next() % (sizeof Odd / sizeof Odd[0])];
}

QByteArray chunked(const QByteArray &body, bool odd, Random &random)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size();) {
        const qsizetype size = std::min<qsizetype>(body.size() - at, 1 + random.next() % 600);
        out += QByteArray::number(size, 16) + (odd ? oddity(random) : QByteArray());
        out += (odd && random.next() % 4 == 0) ? "\n" : "\r\n";
        out += body.mid(at, size) + "\r\n";
        at += size;
    }
    out += "0" + (odd ? oddity(random) : QByteArray()) + "\r\n";
    if (odd)
        out += "X-Trailer: \x01 odd\r\n";
    return out + "\r\n";
}

struct Result
{
    QByteArray kept;
    qint64 decodedBytes;
    qint64 encodedBytes;
    bool complete;
    int error;
    qint64 errorReplyOffset;
    bool capReached;

    bool operator==(const Result &) const = default;
};

Result resultOf(const HttpBody &body, const HttpBodyDecoder::Options &options, qint64 size)
{
    require(body.decodedBytes >= 0 && body.decodedBytes <= options.cap);
    require(body.kept.size() == std::min(body.decodedBytes, options.keepLimit));
    require(body.encodedBytes >= 0 && body.encodedBytes <= size);
    require(body.errorReplyOffset >= -1 && body.errorReplyOffset <= size);
    require(body.capReached == (body.capReplyOffset >= 0));
    return Result{body.kept, body.decodedBytes, body.encodedBytes, body.complete, int(body.error),
                  body.errorReplyOffset, body.capReached};
}

Result decodeFed(const QByteArray &reply, const HttpBodyDecoder::Options &options, Random *random)
{
    HttpBodyDecoder decoder(options);
    for (qsizetype fed = 0; fed < reply.size() && decoder.wantsMore();) {
        qsizetype length = reply.size() - fed;
        if (random)
            length = std::min<qsizetype>(length, 1 + random->next() % (random->next() % 4 == 0 ? 4099 : 9));
        decoder.feed(reply.constData() + fed, length);
        fed += length;
    }
    decoder.finish(true);
    return resultOf(decoder.body(), options, reply.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 3)
        return 0;
    const std::uint8_t flags = data[0];
    Random random(0x9e3779b9u ^ (std::uint32_t(data[1]) << 8) ^ flags);
    Random damage(0x85ebca6bu ^ (std::uint32_t(data[2]) << 16) ^ flags);
    QByteArray payload(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    if ((flags & 16) && !payload.isEmpty()) {
        const qsizetype copies = (64 * 1024 + 512) / payload.size() + 1;
        payload = payload.repeated(copies);
    }

    static const int WindowBits[] = {MAX_WBITS + 16, MAX_WBITS, -MAX_WBITS};
    static const char *const Names[] = {"gzip", "deflate", "deflate"};
    const int coding = flags & 3;
    QByteArray body = coding < 3 ? compress(payload, WindowBits[coding]) : payload;
    const bool damaged = (flags & 8) && !body.isEmpty();
    if (damaged) {
        const qsizetype at = qsizetype(damage.next() % std::uint32_t(body.size()));
        body[at] = char(body.at(at) ^ (1 + damage.next() % 255));
    }

    QByteArray reply = (flags & 128) ? "HTTP/1.1 100 Continue\r\n\r\n\r\n" : "";
    reply += "HTTP/1.1 200 OK\r\n";
    if (coding < 3)
        reply += QByteArray("Content-Encoding: ") + Names[coding] + "\r\n";
    if (flags & 64)
        reply += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    else
        reply += "Transfer-Encoding: chunked\r\n\r\n" + chunked(body, flags & 32, random);

    HttpBodyDecoder::Options options;
    options.cap = (flags & 4) ? 64 : 64 * 1024;
    options.keepLimit = options.cap;

    const Result whole = decodeFed(reply, options, nullptr);
    require(decodeFed(reply, options, &random) == whole);
    HttpResponseParser parsed;
    parsed.feed(reply);
    parsed.finish();
    require(parsed.state() == HttpResponseParser::State::Complete);
    require(resultOf(HttpBodyDecoder::decode(parsed, ArraySource(reply), options), options, reply.size()) == whole);

    // The framing is always sound here, so the body always ends; what it decodes to depends on damage.
    require(whole.complete);
    require(whole.encodedBytes == body.size());
    if (!damaged) {
        if (payload.size() <= options.cap) {
            require(whole.kept == payload);
            require(whole.error == int(ContentDecoder::ErrorKind::None));
            require(!whole.capReached);
        } else {
            require(whole.capReached);
            require(payload.startsWith(whole.kept));
        }
    }
    return 0;
}
