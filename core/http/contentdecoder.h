#pragma once

#include <QByteArray>

#include <functional>
#include <memory>

namespace SocketLab {

// Undoes the Content-Encoding of an HTTP body piece by piece: gzip (x-gzip), deflate (zlib-wrapped,
// or raw deflate as browsers accept it), br (brotli) and identity. The output is bounded, so a small compressed
// body that inflates to gigabytes stops at the limit instead of eating the memory.
class ContentDecoder
{
public:
    static constexpr qint64 DefaultOutputLimit = 64 * 1024 * 1024;

    enum class Encoding { Identity, Gzip, Deflate, Brotli };
    enum class State { Incomplete, Complete, Error };
    enum class ErrorKind {
        None,
        UnknownEncoding,     // a coding this decoder does not know ("compress", "zstd"...): see encodingName()
        StackedEncodings,    // more than one coding applied ("deflate, gzip")
        CorruptData,         // the compressed stream is invalid at errorOffset()
        Truncated,           // finish() came before the end of the compressed stream
        DataAfterEnd,        // bytes follow the end of the compressed stream, from errorOffset()
        OutputLimitReached,  // the decoded body would exceed outputLimit(): output() holds that many bytes
        DecoderFailed,       // zlib or brotli could not start (out of memory)
    };

    // contentEncoding is the header's value as sent ("gzip", "x-gzip", "deflate", "br", "identity", "" for none).
    explicit ContentDecoder(const QByteArray &contentEncoding, qint64 outputLimit = DefaultOutputLimit);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    // Decoded bytes go to `consumer` as they are made, at most 64 KiB at a time, instead of output():
    // a compressed piece that inflates a thousandfold then never sits whole in memory.
    void setOutputCallback(std::function<void(const char *, qint64)> consumer);

    // The next bytes of the encoded body. Their decoded bytes are appended to output().
    State feed(const char *data, qint64 len);
    State feed(const QByteArray &data) { return feed(data.constData(), data.size()); }
    // The body ended: an unfinished compressed stream is Truncated. An empty body decodes to nothing.
    State finish();

    State state() const { return m_state; }
    Encoding encoding() const { return m_encoding; }
    // The coding as named in the header, lowercased ("identity" when none); for UnknownEncoding, the
    // one not understood.
    QByteArray encodingName() const { return m_encodingName; }
    qint64 outputLimit() const { return m_outputLimit; }

    // Decoded bytes not taken yet.
    const QByteArray &output() const { return m_output; }
    QByteArray takeOutput();
    qint64 inputBytes() const { return m_consumed; }     // encoded bytes decoded so far
    qint64 outputBytes() const { return m_produced; }    // decoded bytes produced so far, taken or not

    ErrorKind error() const { return m_error; }
    // Offset in the encoded input where the error was found; -1 when the error is not about a byte.
    qint64 errorOffset() const { return m_errorOffset; }

private:
    struct Stream;

    State passThrough(const char *data, qint64 len);
    State inflateSome(const char *data, qint64 len);
    State brotliSome(const char *data, qint64 len);
    bool startInflate(int windowBits);
    bool startBrotli();
    // Hands on `made` decoded bytes; false (and the limit error) once past outputLimit().
    bool deliver(const char *data, qint64 made);
    State fail(ErrorKind kind, qint64 offset);

    Encoding m_encoding = Encoding::Identity;
    QByteArray m_encodingName;
    qint64 m_outputLimit;
    std::unique_ptr<Stream> m_stream;
    // Deflate's first two bytes tell a zlib wrapper from raw deflate; they wait here until both came.
    QByteArray m_head;
    bool m_memberEnded = false;
    State m_state = State::Incomplete;
    ErrorKind m_error = ErrorKind::None;
    qint64 m_errorOffset = -1;
    QByteArray m_output;
    std::function<void(const char *, qint64)> m_consumer;
    qint64 m_consumed = 0;
    qint64 m_produced = 0;
};

} // namespace SocketLab
