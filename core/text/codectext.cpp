#include "codectext.h"

#include <QCoreApplication>

namespace SocketLab {

QString describeCodecError(PayloadCodec::ErrorKind kind)
{
    const char *context = "SocketLab::CodecText";
    switch (kind) {
    case PayloadCodec::ErrorKind::LoneBackslash:
        return QCoreApplication::translate(context, "a backslash ends the text; write \\\\ for a backslash");
    case PayloadCodec::ErrorKind::UnknownEscape:
        return QCoreApplication::translate(context, "unknown escape; use \\r \\n \\t \\0 \\\\ or \\xNN");
    case PayloadCodec::ErrorKind::ShortHexEscape:
        return QCoreApplication::translate(context, "\\x needs two hex digits");
    case PayloadCodec::ErrorKind::BadHexEscape:
        return QCoreApplication::translate(context, "\\x must be followed by two hex digits (0-9, a-f)");
    case PayloadCodec::ErrorKind::OddHexDigits:
        return QCoreApplication::translate(context, "a byte needs two hex digits");
    case PayloadCodec::ErrorKind::BadHexCharacter:
        return QCoreApplication::translate(context, "not a hex digit");
    case PayloadCodec::ErrorKind::None:
        break;
    }
    return {};
}

} // namespace SocketLab
