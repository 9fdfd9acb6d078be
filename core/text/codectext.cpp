#include "codectext.h"

#include <QCoreApplication>

namespace SocketLab {

namespace {

struct CodecText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::CodecText)
};

} // namespace

QString describeCodecError(PayloadCodec::ErrorKind kind)
{
    switch (kind) {
    case PayloadCodec::ErrorKind::LoneBackslash:
        return CodecText::tr("a backslash ends the text; write \\\\ for a backslash");
    case PayloadCodec::ErrorKind::UnknownEscape:
        return CodecText::tr("unknown escape; use \\r \\n \\t \\0 \\\\ or \\xNN");
    case PayloadCodec::ErrorKind::ShortHexEscape:
        return CodecText::tr("\\x needs two hex digits");
    case PayloadCodec::ErrorKind::BadHexEscape:
        return CodecText::tr("\\x must be followed by two hex digits (0-9, a-f)");
    case PayloadCodec::ErrorKind::OddHexDigits:
        return CodecText::tr("a byte needs two hex digits");
    case PayloadCodec::ErrorKind::BadHexCharacter:
        return CodecText::tr("not a hex digit");
    case PayloadCodec::ErrorKind::None:
        break;
    }
    return {};
}

} // namespace SocketLab
