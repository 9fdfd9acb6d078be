#include "payloadcodec.h"

namespace SocketLab {
namespace PayloadCodec {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

// Only ASCII digits count: QChar::isDigit() would accept Arabic-Indic digits, which no person
// means as a byte value.
int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

bool isHexSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u':' || c == u'-';
}

// A mark must cover a whole character: half of a surrogate pair cannot be highlighted.
qsizetype charLength(const QString &text, qsizetype at)
{
    if (at + 1 < text.size() && text.at(at).isHighSurrogate() && text.at(at + 1).isLowSurrogate())
        return 2;
    return 1;
}

DecodeResult failure(ErrorKind kind, qsizetype column, qsizetype length)
{
    DecodeResult result;
    result.error = kind;
    result.column = column;
    result.length = length;
    return result;
}

void appendHexByte(QString &out, uchar b)
{
    out.append(QLatin1Char(HexDigits[b >> 4]));
    out.append(QLatin1Char(HexDigits[b & 0xf]));
}

} // namespace

DecodeResult decodeEscaped(const QString &text, Layout layout)
{
    DecodeResult result;
    result.bytes.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype plainStart = 0;
    qsizetype i = 0;
    while (i < n) {
        if (text.at(i) != u'\\') {
            ++i;
            continue;
        }
        // Plain runs are converted whole so a surrogate pair is never split; a run always ends at
        // a backslash, which cannot be half of a pair.
        result.bytes.append(QStringView(text).sliced(plainStart, i - plainStart).toUtf8());
        if (i + 1 >= n)
            return failure(ErrorKind::LoneBackslash, i, 1);
        const QChar e = text.at(i + 1);
        switch (e.unicode()) {
        case u'r':
            result.bytes.append('\r');
            i += 2;
            break;
        case u'n':
            result.bytes.append('\n');
            i += 2;
            if (layout == Layout::Lines && i < n && text.at(i) == u'\n')
                ++i;
            break;
        case u't':
            result.bytes.append('\t');
            i += 2;
            break;
        case u'0':
            result.bytes.append('\0');
            i += 2;
            break;
        case u'\\':
            result.bytes.append('\\');
            i += 2;
            break;
        case u'x': {
            if (i + 2 >= n)
                return failure(ErrorKind::ShortHexEscape, i, 2);
            const int high = hexValue(text.at(i + 2));
            if (high < 0)
                return failure(ErrorKind::BadHexEscape, i, qMin<qsizetype>(4, n - i));
            if (i + 3 >= n)
                return failure(ErrorKind::ShortHexEscape, i, 3);
            const int low = hexValue(text.at(i + 3));
            if (low < 0)
                return failure(ErrorKind::ShortHexEscape, i, 3);
            result.bytes.append(char(high << 4 | low));
            i += 4;
            break;
        }
        default:
            return failure(ErrorKind::UnknownEscape, i, 1 + charLength(text, i + 1));
        }
        plainStart = i;
    }
    result.bytes.append(QStringView(text).sliced(plainStart, n - plainStart).toUtf8());
    return result;
}

QString encodeEscaped(const QByteArray &bytes, Layout layout)
{
    QString out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (const char ch : bytes) {
        const uchar b = uchar(ch);
        switch (b) {
        case '\r':
            out.append(QLatin1String("\\r"));
            break;
        case '\n':
            out.append(layout == Layout::Lines ? QLatin1String("\\n\n") : QLatin1String("\\n"));
            break;
        case '\t':
            out.append(QLatin1String("\\t"));
            break;
        case '\0':
            out.append(QLatin1String("\\0"));
            break;
        case '\\':
            out.append(QLatin1String("\\\\"));
            break;
        default:
            if (b >= 0x20 && b < 0x7f) {
                out.append(QLatin1Char(ch));
            } else {
                out.append(QLatin1String("\\x"));
                appendHexByte(out, b);
            }
        }
    }
    return out;
}

DecodeResult decodeHex(const QString &text)
{
    DecodeResult result;
    result.bytes.reserve(text.size() / 2);
    const qsizetype n = text.size();
    int high = -1;
    qsizetype highColumn = -1;
    // After "0x" a digit must follow: "0x" alone, or "0x0x47", is not a byte.
    bool afterPrefix = false;
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        const int value = hexValue(c);
        if (value >= 0) {
            if (high < 0 && !afterPrefix && c == u'0' && i + 1 < n
                && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X')) {
                afterPrefix = true;
                ++i;
                continue;
            }
            afterPrefix = false;
            if (high < 0) {
                high = value;
                highColumn = i;
            } else {
                result.bytes.append(char(high << 4 | value));
                high = -1;
            }
            continue;
        }
        if (!isHexSeparator(c))
            return failure(ErrorKind::BadHexCharacter, i, charLength(text, i));
        if (afterPrefix)
            return failure(ErrorKind::BadHexCharacter, i - 1, 1);
        if (high >= 0)
            return failure(ErrorKind::OddHexDigits, highColumn, 1);
    }
    if (afterPrefix)
        return failure(ErrorKind::BadHexCharacter, n - 1, 1);
    if (high >= 0)
        return failure(ErrorKind::OddHexDigits, highColumn, 1);
    return result;
}

QString encodeHex(const QByteArray &bytes, int bytesPerLine)
{
    QString out;
    out.reserve(bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out.append(bytesPerLine > 0 && i % bytesPerLine == 0 ? u'\n' : u' ');
        appendHexByte(out, uchar(bytes.at(i)));
    }
    return out;
}

QByteArray lfToCrlf(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.count('\n'));
    char previous = 0;
    for (const char ch : bytes) {
        if (ch == '\n' && previous != '\r')
            out.append('\r');
        out.append(ch);
        previous = ch;
    }
    return out;
}

QString toCArray(const QByteArray &bytes, const QString &name)
{
    constexpr int BytesPerLine = 12;
    QString out = QLatin1String("unsigned char ") + name + QLatin1String("[] = {\n");
    out.reserve(out.size() + bytes.size() * 6 + bytes.size() / BytesPerLine * 6 + 8);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i % BytesPerLine == 0)
            out.append(i == 0 ? QLatin1String("    ") : QLatin1String(",\n    "));
        else
            out.append(QLatin1String(", "));
        out.append(QLatin1String("0x"));
        appendHexByte(out, uchar(bytes.at(i)));
    }
    if (!bytes.isEmpty())
        out.append(u'\n');
    out.append(QLatin1String("};"));
    return out;
}

// Mirrors CPython's bytes_repr() so the text pasted into Python is what Python itself prints.
QString toPythonBytes(const QByteArray &bytes)
{
    const bool useDouble = bytes.contains('\'') && !bytes.contains('"');
    const char quote = useDouble ? '"' : '\'';
    QString out;
    out.reserve(bytes.size() + 3);
    out.append(u'b');
    out.append(QLatin1Char(quote));
    for (const char ch : bytes) {
        const uchar b = uchar(ch);
        if (ch == quote || ch == '\\') {
            out.append(u'\\');
            out.append(QLatin1Char(ch));
        } else if (ch == '\t') {
            out.append(QLatin1String("\\t"));
        } else if (ch == '\n') {
            out.append(QLatin1String("\\n"));
        } else if (ch == '\r') {
            out.append(QLatin1String("\\r"));
        } else if (b < 0x20 || b >= 0x7f) {
            out.append(QLatin1String("\\x"));
            appendHexByte(out, b);
        } else {
            out.append(QLatin1Char(ch));
        }
    }
    out.append(QLatin1Char(quote));
    return out;
}

} // namespace PayloadCodec
} // namespace SocketLab
