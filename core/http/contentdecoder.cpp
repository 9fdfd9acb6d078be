#include "contentdecoder.h"

#include <QList>

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <utility>

namespace SocketLab {

namespace {

constexpr qint64 OutputStep = 64 * 1024;
// zlib counts in uInt: larger pieces are handed over in slices.
constexpr qint64 InputSlice = qint64(1) << 30;

// RFC 1950: compression method 8, a window of at most 32 KiB, and a check making the pair a multiple of 31.
bool looksLikeZlibHeader(uchar cmf, uchar flg)
{
    return (cmf & 0x0f) == Z_DEFLATED && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
}

} // namespace

struct ContentDecoder::Stream
{
    z_stream z {};
    bool started = false;
    BrotliDecoderState *brotli = nullptr;
    // The decoder writes here first: growing the output by a whole step for each small piece fed would
    // allocate that much per call once the caller takes the output.
    char scratch[OutputStep];
    ~Stream()
    {
        if (started)
            inflateEnd(&z);
        if (brotli)
            BrotliDecoderDestroyInstance(brotli);
    }
};

ContentDecoder::ContentDecoder(const QByteArray &contentEncoding, qint64 outputLimit)
    : m_outputLimit(std::max<qint64>(outputLimit, 0))
{
    QList<QByteArray> codings;
    for (const QByteArray &part : contentEncoding.split(',')) {
        const QByteArray coding = part.trimmed().toLower();
        if (!coding.isEmpty() && coding != "identity")
            codings.append(coding);
    }
    if (codings.isEmpty()) {
        m_encodingName = "identity";
        return;
    }
    m_encodingName = codings.join(", ");
    if (codings.size() > 1) {
        fail(ErrorKind::StackedEncodings, -1);
        return;
    }
    if (m_encodingName == "gzip" || m_encodingName == "x-gzip") {
        m_encoding = Encoding::Gzip;
        startInflate(16 + MAX_WBITS);
    } else if (m_encodingName == "deflate") {
        m_encoding = Encoding::Deflate;
    } else if (m_encodingName == "br") {
        m_encoding = Encoding::Brotli;
        startBrotli();
    } else {
        fail(ErrorKind::UnknownEncoding, -1);
    }
}

ContentDecoder::~ContentDecoder() = default;

void ContentDecoder::setOutputCallback(std::function<void(const char *, qint64)> consumer)
{
    m_consumer = std::move(consumer);
}

QByteArray ContentDecoder::takeOutput()
{
    return std::exchange(m_output, {});
}

ContentDecoder::State ContentDecoder::feed(const char *data, qint64 len)
{
    if (m_state == State::Error || len <= 0)
        return m_state;
    if (m_encoding == Encoding::Identity)
        return passThrough(data, len);
    // A gzip body may hold several members one after the other (gzip -c a b); deflate holds one stream.
    if (m_state == State::Complete && m_encoding != Encoding::Gzip)
        return fail(ErrorKind::DataAfterEnd, m_consumed);
    if (m_encoding == Encoding::Brotli)
        return brotliSome(data, len);

    if (m_encoding == Encoding::Deflate && !m_stream) {
        const qint64 take = std::min<qint64>(len, 2 - m_head.size());
        m_head.append(data, take);
        data += take;
        len -= take;
        if (m_head.size() < 2)
            return m_state;
        // "deflate" means zlib-wrapped, yet some servers send raw deflate; browsers accept both, so
        // the wrapper is recognised by its header rather than assumed.
        const bool zlib = looksLikeZlibHeader(uchar(m_head.at(0)), uchar(m_head.at(1)));
        if (!startInflate(zlib ? MAX_WBITS : -MAX_WBITS))
            return m_state;
        const QByteArray head = std::exchange(m_head, {});
        const State afterHead = inflateSome(head.constData(), head.size());
        if (afterHead == State::Error || len == 0)
            return afterHead;
        if (afterHead == State::Complete)
            return fail(ErrorKind::DataAfterEnd, m_consumed);
    }
    return inflateSome(data, len);
}

ContentDecoder::State ContentDecoder::finish()
{
    if (m_state != State::Incomplete)
        return m_state;
    // An empty body carries no stream at all: servers send one with Content-Encoding set, and it means nothing.
    if (m_encoding == Encoding::Identity || (m_consumed == 0 && m_head.isEmpty())) {
        m_state = State::Complete;
        return m_state;
    }
    return fail(ErrorKind::Truncated, m_consumed + m_head.size());
}

ContentDecoder::State ContentDecoder::passThrough(const char *data, qint64 len)
{
    for (qint64 done = 0; done < len;) {
        const qint64 piece = std::min(len - done, OutputStep);
        const qint64 allowed = std::min(piece, m_outputLimit - m_produced);
        m_consumed += allowed;
        if (!deliver(data + done, piece))
            return m_state;
        done += piece;
    }
    return m_state;
}

ContentDecoder::State ContentDecoder::inflateSome(const char *data, qint64 len)
{
    z_stream &z = m_stream->z;
    while (len > 0) {
        const qint64 slice = std::min(len, InputSlice);
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        z.avail_in = uInt(slice);
        for (;;) {
            if (m_memberEnded) {
                // Another member starts with the gzip magic; anything else is the server's garbage.
                if (uchar(*z.next_in) != 0x1f)
                    return fail(ErrorKind::DataAfterEnd, m_consumed);
                inflateReset(&z);
                m_memberEnded = false;
                m_state = State::Incomplete;
            }
            // One byte more than the limit allows tells "exactly at the limit" from "past it".
            const qint64 room = std::min(OutputStep, m_outputLimit - m_produced + 1);
            z.next_out = reinterpret_cast<Bytef *>(m_stream->scratch);
            z.avail_out = uInt(room);
            const uInt inBefore = z.avail_in;
            const int ret = inflate(&z, Z_NO_FLUSH);
            m_consumed += inBefore - z.avail_in;
            if (!deliver(m_stream->scratch, room - z.avail_out))
                return m_state;
            if (ret == Z_STREAM_END) {
                m_memberEnded = true;
                m_state = State::Complete;
                if (z.avail_in == 0)
                    break;
                if (m_encoding != Encoding::Gzip)
                    return fail(ErrorKind::DataAfterEnd, m_consumed);
                continue;
            }
            if (ret == Z_DATA_ERROR || ret == Z_NEED_DICT)
                return fail(ErrorKind::CorruptData, m_consumed);
            if (ret == Z_MEM_ERROR)
                return fail(ErrorKind::DecoderFailed, -1);
            // Output room left over means inflate() took all the input it was given.
            if (z.avail_out > 0)
                break;
        }
        data += slice;
        len -= slice;
    }
    return m_state;
}

ContentDecoder::State ContentDecoder::brotliSome(const char *data, qint64 len)
{
    size_t availIn = size_t(len);
    const auto *nextIn = reinterpret_cast<const uint8_t *>(data);
    for (;;) {
        const qint64 room = std::min(OutputStep, m_outputLimit - m_produced + 1);
        size_t availOut = size_t(room);
        auto *nextOut = reinterpret_cast<uint8_t *>(m_stream->scratch);
        const size_t inBefore = availIn;
        const BrotliDecoderResult ret =
            BrotliDecoderDecompressStream(m_stream->brotli, &availIn, &nextIn, &availOut, &nextOut, nullptr);
        m_consumed += qint64(inBefore - availIn);
        if (!deliver(m_stream->scratch, room - qint64(availOut)))
            return m_state;
        switch (ret) {
        case BROTLI_DECODER_RESULT_SUCCESS:
            m_state = State::Complete;
            if (availIn > 0)
                return fail(ErrorKind::DataAfterEnd, m_consumed);
            return m_state;
        case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
            return m_state;
        case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
            break;
        case BROTLI_DECODER_RESULT_ERROR: {
            const int code = BrotliDecoderGetErrorCode(m_stream->brotli);
            const bool outOfMemory = code <= BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES
                && code >= BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES;
            return outOfMemory ? fail(ErrorKind::DecoderFailed, -1) : fail(ErrorKind::CorruptData, m_consumed);
        }
        }
    }
}

bool ContentDecoder::deliver(const char *data, qint64 made)
{
    const qint64 allowed = std::min(made, m_outputLimit - m_produced);
    if (allowed > 0) {
        if (m_consumer)
            m_consumer(data, allowed);
        else
            m_output.append(data, allowed);
        m_produced += allowed;
    }
    if (allowed == made)
        return true;
    fail(ErrorKind::OutputLimitReached, m_consumed);
    return false;
}

bool ContentDecoder::startBrotli()
{
    m_stream = std::make_unique<Stream>();
    m_stream->brotli = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    if (!m_stream->brotli) {
        fail(ErrorKind::DecoderFailed, -1);
        return false;
    }
    return true;
}

bool ContentDecoder::startInflate(int windowBits)
{
    m_stream = std::make_unique<Stream>();
    if (inflateInit2(&m_stream->z, windowBits) != Z_OK) {
        fail(ErrorKind::DecoderFailed, -1);
        return false;
    }
    m_stream->started = true;
    return true;
}

ContentDecoder::State ContentDecoder::fail(ErrorKind kind, qint64 offset)
{
    m_state = State::Error;
    m_error = kind;
    m_errorOffset = offset;
    return m_state;
}

} // namespace SocketLab
