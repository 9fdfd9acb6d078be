#include "visibletext.h"

namespace SocketLab {
namespace VisibleText {

namespace {

constexpr char16_t ControlPictures = 0x2400;
constexpr char16_t DeletePicture = 0x2421;
constexpr char16_t BraillePatterns = 0x2800;

bool isContinuation(uchar b)
{
    return (b & 0xc0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0; its code point in *codePoint.
int utf8Sequence(const uchar *p, qsizetype available, char32_t *codePoint)
{
    const uchar b = p[0];
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
        length = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
        length = 3;
        if (b == 0xe0)
            low = 0xa0;
        else if (b == 0xed)
            high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
        length = 4;
        if (b == 0xf0)
            low = 0x90;
        else if (b == 0xf4)
            high = 0x8f;
    } else {
        return 0;
    }
    if (available < length || p[1] < low || p[1] > high)
        return 0;
    char32_t value = b & (0x7f >> length);
    for (int i = 1; i < length; ++i) {
        if (!isContinuation(p[i]))
            return 0;
        value = value << 6 | (p[i] & 0x3f);
    }
    *codePoint = value;
    return length;
}

bool isShownAsItself(char32_t codePoint)
{
    if ((codePoint >= ControlPictures && codePoint < ControlPictures + 0x20) || codePoint == DeletePicture
        || (codePoint >= BraillePatterns + 0x80 && codePoint <= BraillePatterns + 0xff)
        || codePoint == QChar::ObjectReplacementCharacter)
        return false;
    switch (QChar::category(codePoint)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return false;
    default:
        return true;
    }
}

char markByte(QChar c)
{
    const char16_t u = c.unicode();
    if (u == DeletePicture)
        return 0x7f;
    if (u >= BraillePatterns)
        return char(u - BraillePatterns);
    return char(u - ControlPictures);
}

} // namespace

bool isRawByteMark(QChar c)
{
    return c.unicode() >= BraillePatterns + 0x80 && c.unicode() <= BraillePatterns + 0xff;
}

bool isMark(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= ControlPictures && u < ControlPictures + 0x20) || u == DeletePicture || isRawByteMark(c);
}

QString markLabel(QChar mark)
{
    static constexpr const char *ControlNames[] = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    };
    const uchar b = uchar(markByte(mark));
    if (b < 0x20)
        return QLatin1String(ControlNames[b]);
    if (b == 0x7f)
        return QStringLiteral("DEL");
    return QStringLiteral("%1").arg(uint(b), 2, 16, QLatin1Char('0'));
}

QString encode(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar b = data[i];
        if (b == '\n') {
            out.append(u'\n');
        } else if (b < 0x20) {
            out.append(QChar(char16_t(ControlPictures + b)));
        } else if (b == 0x7f) {
            out.append(QChar(DeletePicture));
        } else if (b < 0x80) {
            out.append(QLatin1Char(char(b)));
        } else {
            char32_t codePoint = 0;
            const int length = utf8Sequence(data + i, n - i, &codePoint);
            if (length > 0 && isShownAsItself(codePoint)) {
                const char32_t ucs4[] = {codePoint};
                out.append(QString::fromUcs4(ucs4, 1));
                i += length;
                continue;
            }
            out.append(QChar(char16_t(BraillePatterns + b)));
        }
        ++i;
    }
    return out;
}

QByteArray decode(QStringView text)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype runStart = 0;
    const auto flush = [&](qsizetype end) {
        if (end > runStart)
            out.append(text.sliced(runStart, end - runStart).toUtf8());
    };
    // Plain runs are converted whole so a surrogate pair is never split: marks and line breaks are
    // never half of a pair.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            flush(i);
            out.append('\n');
            runStart = i + 1;
        } else if (isMark(c)) {
            flush(i);
            out.append(markByte(c));
            runStart = i + 1;
        }
    }
    flush(text.size());
    return out;
}

} // namespace VisibleText
} // namespace SocketLab
