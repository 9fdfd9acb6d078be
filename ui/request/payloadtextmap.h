#pragma once

#include "payloadmode.h"

#include <QList>
#include <QStringView>

namespace SocketLab {

// Where in the editor's text each byte comes from, so an edit made on the bytes (a Content-Length
// kept right) lands on the characters that wrote them and the person's own spelling of the rest
// ("\x41", "0x47", spacing) is left alone.
namespace PayloadTextMap {

// The characters [start, end) of the text that produced one byte; the bytes of one multi-byte
// character share its span.
struct Span
{
    qsizetype start = 0;
    qsizetype end = 0;
};

// One span per byte that the text decodes to in that mode; the text must decode without error.
QList<Span> byteSpans(PayloadMode mode, QStringView text);

// The byte a text position falls before: the number of bytes whose span starts before it.
qsizetype byteOffsetAt(const QList<Span> &spans, qsizetype position);
// The text position where the byte at offset starts; the end of the text for the offset past the end.
qsizetype positionOfByte(const QList<Span> &spans, qsizetype offset, qsizetype textSize);

} // namespace PayloadTextMap
} // namespace SocketLab
