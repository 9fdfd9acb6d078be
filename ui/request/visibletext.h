#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace SocketLab {

// The Text mode of the request editor: bytes as text a person reads and types, and any text back
// into bytes, so that every byte sequence survives the trip exactly.
//
// Bytes to text:
//  - 0x0A is a real line break (the editor paints a dim LF box at the end of each line);
//  - every other byte below 0x20 is its Control Picture U+2400+byte (0x0D is ␍, 0x09 is ␉, 0x00
//    is ␀), and 0x7F is ␡ (U+2421);
//  - a valid UTF-8 sequence of a visible character is that character;
//  - every other byte from 0x80 up is shown on its own as the Braille pattern U+2800+byte, whose
//    dots are the byte's bits. That covers bytes that are not valid UTF-8, and the UTF-8 of the
//    characters that would be invisible, altered by the text editor, or mistaken for a mark: spaces
//    other than U+0020 (the editor turns U+00A0 into a space), line and paragraph separators,
//    control, format, private-use and unassigned code points, U+FFFC, and the marks themselves.
//
// The editor does not rely on fonts for the marks: it draws each as a box with its markLabel().
//
// Text to bytes: a line break is 0x0A, a mark (U+2400..U+241F, U+2421, U+2880..U+28FF) is its
// byte, every other character is its UTF-8. So typing ␍ writes a CR, ␊ writes a LF, and a pasted
// real CR or TAB is that byte. Marks for bytes below 0x80 in the Braille range are not used, so
// U+2800..U+287F, like ␠ (U+2420), are ordinary characters.
namespace VisibleText {

QString encode(const QByteArray &bytes);
QByteArray decode(QStringView text);

// Whether the character stands for one byte rather than for its UTF-8.
bool isMark(QChar c);
// Whether the mark stands for a byte from 0x80 up: one that is not shown as a character.
bool isRawByteMark(QChar c);
// What the editor writes in a mark's box: the ASCII name of a control byte ("CR", "LF", "NUL",
// "DEL"), or the two hex digits of a byte from 0x80 up ("ff"). Not translated: they are the
// names the standards and the hex view use.
QString markLabel(QChar mark);

} // namespace VisibleText
} // namespace SocketLab
