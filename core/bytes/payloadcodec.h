#pragma once

#include <QByteArray>
#include <QString>

namespace SocketLab {

// Turns what a person types into bytes and back, never guessing: a malformed input is an error
// that says where (0-based column, in QChars of the input) and why.
namespace PayloadCodec {

enum class ErrorKind {
    None,
    LoneBackslash,      // "\" at the end of the input
    UnknownEscape,      // "\q"
    ShortHexEscape,     // "\x4" followed by a non-hex character or the end
    BadHexEscape,       // "\xZZ"
    OddHexDigits,       // "47 4" : a byte needs two digits
    BadHexCharacter,    // "47 GG"
};

struct DecodeResult
{
    QByteArray bytes;
    ErrorKind error = ErrorKind::None;
    qsizetype column = -1;  // where the error starts in the input
    qsizetype length = 0;   // how many characters the error covers, for marking it
    bool ok() const { return error == ErrorKind::None; }
};

// How escaped text is laid out in lines.
//  - Inline: a 0x0A byte is "\n" and nothing more; a real line break in the text is a 0x0A too.
//  - Lines: a 0x0A byte is "\n" followed by a real line break, so the text reads as lines and every
//    line ending is written out the same way whether Enter or the keys typed it ("\r\n" in HTTP);
//    a line break right after a "\n" escape only lays the text out. Any other real line break is
//    still a 0x0A.
enum class Layout { Inline, Lines };

// "GET / HTTP/1.0\r\n\r\n" -> bytes. Escapes: \r \n \t \0 \\ \xNN; every other character is
// encoded as UTF-8.
DecodeResult decodeEscaped(const QString &text, Layout layout = Layout::Inline);
// Bytes -> text that decodeEscaped() with the same layout turns back into the same bytes: printable
// ASCII as is, \r \n \t \0 \\ as escapes, every other byte as \xNN (lowercase). A 0x0D byte is
// always "\r": a bare CR would be invisible in the editor.
QString encodeEscaped(const QByteArray &bytes, Layout layout = Layout::Inline);


// "47 45 54", "474554", "0x47 0x45,0x54", "47:45:54" -> bytes. Spaces, tabs, line breaks, commas,
// colons and dashes separate; a 0x prefix is allowed before each byte or run.
DecodeResult decodeHex(const QString &text);
// Bytes -> "47 45 54 ..." (lowercase, one space between bytes, a line break every bytesPerLine
// bytes if bytesPerLine > 0).
QString encodeHex(const QByteArray &bytes, int bytesPerLine = 0);

// Turns every LF that is not already preceded by CR into CRLF (`--crlf`, Enter in HTTP mode).
QByteArray lfToCrlf(const QByteArray &bytes);

// The forms a person copies out of the hex view.
QString toCArray(const QByteArray &bytes, const QString &name = QStringLiteral("data"));
QString toPythonBytes(const QByteArray &bytes);

} // namespace PayloadCodec
} // namespace SocketLab
