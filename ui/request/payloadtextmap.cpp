#include "payloadtextmap.h"

#include "visibletext.h"

#include <algorithm>

namespace SocketLab {
namespace PayloadTextMap {

namespace {

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

// One character (a surrogate pair counts as one) written as its UTF-8, the way both decoders do.
qsizetype appendCharacter(QList<Span> &spans, QStringView text, qsizetype at)
{
    const qsizetype length =
        at + 1 < text.size() && text.at(at).isHighSurrogate() && text.at(at + 1).isLowSurrogate() ? 2 : 1;
    const qsizetype bytes = text.at(at).unicode() < 0x80 ? 1 : text.sliced(at, length).toUtf8().size();
    for (qsizetype i = 0; i < bytes; ++i)
        spans.append({at, at + length});
    return length;
}

QList<Span> escapedSpans(QStringView text)
{
    QList<Span> spans;
    spans.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'\\' && i + 1 < text.size()) {
            qsizetype length = text.at(i + 1) == u'x' ? 4 : 2;
            // The line break after a written LF only lays the text out (PayloadCodec::Layout::Lines):
            // it belongs to the LF's span.
            if (text.at(i + 1) == u'n' && i + 2 < text.size() && text.at(i + 2) == u'\n')
                length = 3;
            const qsizetype end = std::min(i + length, text.size());
            spans.append({i, end});
            i = end;
        } else {
            i += appendCharacter(spans, text, i);
        }
    }
    return spans;
}

QList<Span> visibleTextSpans(QStringView text)
{
    QList<Span> spans;
    spans.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == u'\n' || VisibleText::isMark(text.at(i))) {
            spans.append({i, i + 1});
            ++i;
        } else {
            i += appendCharacter(spans, text, i);
        }
    }
    return spans;
}

// Mirrors PayloadCodec::decodeHex(): a "0x" prefix belongs to the byte it introduces.
QList<Span> hexSpans(QStringView text)
{
    QList<Span> spans;
    spans.reserve(text.size() / 2);
    qsizetype byteStart = -1;
    bool haveHigh = false;
    bool afterPrefix = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isHexDigit(c)) {
            afterPrefix = false;
            continue;
        }
        if (!haveHigh && !afterPrefix && c == u'0' && i + 1 < text.size()
            && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X')) {
            afterPrefix = true;
            byteStart = i;
            ++i;
            continue;
        }
        if (!haveHigh) {
            if (!afterPrefix)
                byteStart = i;
            haveHigh = true;
        } else {
            spans.append({byteStart, i + 1});
            haveHigh = false;
        }
        afterPrefix = false;
    }
    return spans;
}

} // namespace

QList<Span> byteSpans(PayloadMode mode, QStringView text)
{
    switch (mode) {
    case PayloadMode::Escaped:
        return escapedSpans(text);
    case PayloadMode::Text:
        return visibleTextSpans(text);
    case PayloadMode::Hex:
        return hexSpans(text);
    }
    return {};
}

qsizetype byteOffsetAt(const QList<Span> &spans, qsizetype position)
{
    const auto it = std::partition_point(spans.cbegin(), spans.cend(),
                                         [position](const Span &span) { return span.start < position; });
    return it - spans.cbegin();
}

qsizetype positionOfByte(const QList<Span> &spans, qsizetype offset, qsizetype textSize)
{
    if (offset < 0)
        return 0;
    return offset < spans.size() ? spans.at(offset).start : textSize;
}

} // namespace PayloadTextMap
} // namespace SocketLab
