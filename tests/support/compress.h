#pragma once

// What the tests compress bodies with, to check what core decodes: zlib's deflate (zlib-wrapped,
// raw or gzip by its window bits) and, for the tests that link libbrotlienc, brotli.

#include <QByteArray>
#include <QtGlobal>

#include <brotli/encode.h>
#include <zlib.h>

namespace TestSupport {

constexpr int GzipBits = MAX_WBITS + 16;
constexpr int ZlibBits = MAX_WBITS;
constexpr int RawBits = -MAX_WBITS;

inline QByteArray deflateWith(const QByteArray &data, int windowBits, int level = Z_DEFAULT_COMPRESSION)
{
    z_stream z{};
    if (deflateInit2(&z, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2 failed");
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate did not finish");
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

inline QByteArray gzip(const QByteArray &data)
{
    return deflateWith(data, GzipBits);
}

inline QByteArray brotli(const QByteArray &data, int quality = BROTLI_DEFAULT_QUALITY)
{
    size_t size = BrotliEncoderMaxCompressedSize(size_t(data.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, size_t(data.size()),
                               reinterpret_cast<const uint8_t *>(data.constData()), &size,
                               reinterpret_cast<uint8_t *>(out.data())))
        qFatal("BrotliEncoderCompress failed");
    out.resize(qsizetype(size));
    return out;
}

} // namespace TestSupport
