#include "bytes/payloadcodec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace SocketLab;

namespace {

// An error must point inside the input, so the editor can mark it.
void checkError(const PayloadCodec::DecodeResult &result, const QString &text)
{
    if (result.ok()) {
        if (result.column != -1 || result.length != 0)
            std::abort();
        return;
    }
    if (result.column < 0 || result.length < 1 || result.column + result.length > text.size())
        std::abort();
}

} // namespace

// The input is used twice: as UTF-8 text a person might have typed, and as raw bytes that must
// survive both encodings unchanged.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    checkError(PayloadCodec::decodeEscaped(text), text);
    checkError(PayloadCodec::decodeEscaped(text, PayloadCodec::Layout::Lines), text);
    checkError(PayloadCodec::decodeHex(text), text);

    for (const PayloadCodec::Layout layout : {PayloadCodec::Layout::Inline, PayloadCodec::Layout::Lines}) {
        const PayloadCodec::DecodeResult escaped =
            PayloadCodec::decodeEscaped(PayloadCodec::encodeEscaped(bytes, layout), layout);
        if (!escaped.ok() || escaped.bytes != bytes)
            std::abort();
    }
    for (const int bytesPerLine : {0, 16}) {
        const PayloadCodec::DecodeResult hex =
            PayloadCodec::decodeHex(PayloadCodec::encodeHex(bytes, bytesPerLine));
        if (!hex.ok() || hex.bytes != bytes)
            std::abort();
    }

    const QByteArray crlf = PayloadCodec::lfToCrlf(bytes);
    for (qsizetype i = 0; i < crlf.size(); ++i) {
        if (crlf.at(i) == '\n' && (i == 0 || crlf.at(i - 1) != '\r'))
            std::abort();
    }
    if (PayloadCodec::lfToCrlf(crlf) != crlf)
        std::abort();
    return 0;
}
