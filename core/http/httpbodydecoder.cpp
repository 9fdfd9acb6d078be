#include "httpbodydecoder.h"

#include "bytes/bytesink.h"
#include "bytes/bytesource.h"
#include "http/contenttype.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace SocketLab {

namespace {

bool leavesBodyAsReceived(ContentDecoder::ErrorKind kind)
{
    using Kind = ContentDecoder::ErrorKind;
    return kind == Kind::UnknownEncoding || kind == Kind::StackedEncodings || kind == Kind::DecoderFailed;
}

} // namespace

bool HttpBody::undecodable() const
{
    return leavesBodyAsReceived(error);
}

bool HttpBody::decoded() const
{
    return !contentEncoding.isEmpty() && contentEncoding != "identity" && !undecodable();
}

HttpBodyDecoder::HttpBodyDecoder(const Options &options)
    : m_options(options)
{
    m_options.cap = std::max<qint64>(m_options.cap, 0);
    m_options.keepLimit = std::max<qint64>(m_options.keepLimit, 0);
    m_body.cap = m_options.cap;
    m_parser.setRequestMethod(m_options.requestMethod);
    m_parser.setBodyCallback([this](const char *data, qint64 len) { onBody(data, len); });
}

HttpBodyDecoder::~HttpBodyDecoder() = default;

void HttpBodyDecoder::feed(const char *data, qint64 len)
{
    if (!wantsMore() || len <= 0)
        return;
    m_parser.feed(data, len);
    if (m_parser.headersComplete() && !m_started)
        startBody();
    if (m_parser.state() != HttpResponseParser::State::Incomplete)
        endBody(m_parser.state() == HttpResponseParser::State::Complete);
}

bool HttpBodyDecoder::wantsMore() const
{
    return !m_ended && !m_body.inputCut;
}

void HttpBodyDecoder::finish(bool peerClosed)
{
    if (m_ended)
        return;
    if (!m_body.inputCut && peerClosed && m_parser.state() == HttpResponseParser::State::Incomplete)
        m_parser.finish();
    endBody(m_parser.state() == HttpResponseParser::State::Complete);
}

HttpBody HttpBodyDecoder::decode(const HttpResponseParser &parsed, const ByteSource &raw, const Options &options)
{
    Options effective = options;
    // The exchange's parse knew the request method; a response it found without a body has none here
    // either, whatever its Content-Length says.
    if (parsed.framing() == HttpFraming::NoBody)
        effective.requestMethod = "HEAD";
    HttpBodyDecoder decoder(effective);
    constexpr qint64 Step = 256 * 1024;
    for (qint64 at = 0; at < raw.size() && decoder.wantsMore(); at += Step) {
        const QByteArray piece = raw.read(at, Step);
        if (piece.isEmpty())
            break;
        decoder.feed(piece.constData(), piece.size());
    }
    // The exchange saw the peer close: that ends a read-until-close body here too.
    decoder.finish(parsed.state() == HttpResponseParser::State::Complete);
    return decoder.body();
}

void HttpBodyDecoder::startBody()
{
    m_started = true;
    const QByteArray contentEncoding = m_parser.headerValue("Content-Encoding");
    const ContentType type = ContentType::parse(m_parser.headerValue("Content-Type"));
    m_body.mediaType = type.mediaType;
    m_body.charset = type.charset;
    m_decoder = std::make_unique<ContentDecoder>(contentEncoding, m_options.cap);
    if (!contentEncoding.trimmed().isEmpty())
        m_body.contentEncoding = m_decoder->encodingName();
    if (m_decoder->state() == ContentDecoder::State::Error) {
        // A coding not known here: the body goes on as received, as a browser's "save as" would.
        m_body.error = m_decoder->error();
        m_decoder = std::make_unique<ContentDecoder>(QByteArray(), m_options.cap);
    }
    m_decoder->setOutputCallback([this](const char *data, qint64 len) { deliver(data, len); });
}

void HttpBodyDecoder::onBody(const char *data, qint64 len)
{
    if (m_body.inputCut)
        return;
    if (!m_started)
        startBody();
    if (m_options.inputLimit >= 0 && len > m_options.inputLimit - m_body.encodedBytes) {
        len = m_options.inputLimit - m_body.encodedBytes;
        m_body.inputCut = true;
    }
    if (len <= 0)
        return;
    // Once decoding stopped the body is still followed to its framed end, to say whether it came whole.
    if (m_stopped) {
        m_body.encodedBytes += len;
        return;
    }
    // The parser is still at the piece's first byte: its count is the piece's offset in the reply.
    std::shift_right(m_pieces.begin(), m_pieces.end(), 1);
    m_pieces.front() = Piece{m_body.encodedBytes, m_parser.consumed(), len};
    m_pieceCount = std::min<int>(m_pieceCount + 1, int(m_pieces.size()));
    m_body.encodedBytes += len;
    decodePiece(data, len);
}

void HttpBodyDecoder::decodePiece(const char *data, qint64 len)
{
    m_decoder->feed(data, len);
    if (m_decoder->state() == ContentDecoder::State::Error)
        noteDecoderError();
    if (m_body.writeErrno != 0)
        m_stopped = true;
}

void HttpBodyDecoder::deliver(const char *data, qint64 len)
{
    if (m_body.writeErrno != 0)
        return;
    m_body.decodedBytes += len;
    keep(data, len);
    if (!m_options.sink)
        return;
    ByteSink &sink = *m_options.sink;
    for (qint64 done = 0; done < len;) {
        const std::span<char> room = sink.writableSpan(len - done);
        const qint64 take = std::min<qint64>(qint64(room.size()), len - done);
        std::memcpy(room.data(), data + done, size_t(take));
        if (!sink.commit(take)) {
            m_body.writeErrno = sink.lastErrno() ? sink.lastErrno() : EIO;
            return;
        }
        done += take;
    }
}

void HttpBodyDecoder::keep(const char *data, qint64 len)
{
    const qint64 room = m_options.keepLimit - m_body.kept.size();
    if (len > room)
        m_body.keptCut = true;
    if (room > 0)
        m_body.kept.append(data, qsizetype(std::min(len, room)));
}

void HttpBodyDecoder::noteDecoderError()
{
    m_stopped = true;
    const qint64 offset = m_decoder->errorOffset();
    if (m_decoder->error() == ContentDecoder::ErrorKind::OutputLimitReached) {
        m_body.capReached = true;
        m_body.capReplyOffset = replyOffsetOf(offset);
        return;
    }
    // An unknown coding was noted when the body started; the pass-through that replaced it fails only at the cap.
    if (m_body.error != ContentDecoder::ErrorKind::None)
        return;
    m_body.error = m_decoder->error();
    m_body.errorBodyOffset = offset;
    m_body.errorReplyOffset = offset < 0 ? -1 : replyOffsetOf(offset);
}

qint64 HttpBodyDecoder::replyOffsetOf(qint64 bodyOffset) const
{
    if (m_pieceCount == 0)
        return -1;
    for (int i = 0; i < m_pieceCount; ++i) {
        const Piece &piece = m_pieces.at(size_t(i));
        if (bodyOffset >= piece.bodyOffset)
            return piece.replyOffset + std::min(bodyOffset - piece.bodyOffset, piece.length);
    }
    const Piece &oldest = m_pieces.at(size_t(m_pieceCount - 1));
    return oldest.replyOffset;
}

void HttpBodyDecoder::endBody(bool framedEnd)
{
    if (m_ended)
        return;
    m_ended = true;
    if (!m_started && m_parser.headersComplete())
        startBody();
    m_body.complete = framedEnd && !m_body.inputCut;
    if (m_body.complete && !m_stopped && m_decoder) {
        m_decoder->finish();
        if (m_decoder->state() == ContentDecoder::State::Error)
            noteDecoderError();
    }
    if (m_options.sink && m_started)
        m_options.sink->endSegment(0);
}

} // namespace SocketLab
