#include "codeliteral.h"

namespace SocketLab {

namespace {

bool printable(unsigned char byte)
{
    return byte >= 0x20 && byte < 0x7f;
}

void appendEscaped(QString &out, CodeLanguage language, unsigned char byte, char quote)
{
    switch (byte) {
    case '\r': out += QLatin1String("\\r"); return;
    case '\n': out += QLatin1String("\\n"); return;
    case '\t': out += QLatin1String("\\t"); return;
    case '\\': out += QLatin1String("\\\\"); return;
    default: break;
    }
    if (byte == static_cast<unsigned char>(quote)) {
        out += QLatin1Char('\\');
        out += QLatin1Char(quote);
    } else if (language == CodeLanguage::C && byte == '?') {
        out += QLatin1String("\\?");
    } else if (printable(byte)) {
        out += QLatin1Char(char(byte));
    } else if (language == CodeLanguage::Python) {
        out += QStringLiteral("\\x%1").arg(uint(byte), 2, 16, QLatin1Char('0'));
    } else {
        out += QStringLiteral("\\%1").arg(uint(byte), 3, 8, QLatin1Char('0'));
    }
}

} // namespace

QString bytesLiteral(CodeLanguage language, const QByteArray &bytes)
{
    const char quote = language == CodeLanguage::Python ? '\'' : '"';
    QString out = language == CodeLanguage::Python ? QStringLiteral("b'") : QStringLiteral("\"");
    for (const char c : bytes)
        appendEscaped(out, language, static_cast<unsigned char>(c), quote);
    out += QLatin1Char(quote);
    return out;
}

QStringList bytesLiteralLines(CodeLanguage language, const QByteArray &bytes)
{
    QStringList lines;
    qsizetype from = 0;
    while (from < bytes.size()) {
        const qsizetype lf = bytes.indexOf('\n', from);
        const qsizetype end = lf < 0 ? bytes.size() : lf + 1;
        lines.append(bytesLiteral(language, bytes.mid(from, end - from)));
        from = end;
    }
    if (lines.isEmpty())
        lines.append(bytesLiteral(language, {}));
    return lines;
}

QString textLiteral(CodeLanguage language, const QString &text)
{
    // Both sources are UTF-8 (gcc reads them so, and writes a literal's characters as UTF-8): letters
    // beyond ASCII stay readable; only controls are escaped.
    const char quote = language == CodeLanguage::Python ? '\'' : '"';
    QString out = QString(QChar::fromLatin1(quote));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80) {
            appendEscaped(out, language, static_cast<unsigned char>(u), quote);
        } else if (u < 0xa0 || u == 0x2028 || u == 0x2029) {
            if (language == CodeLanguage::Python)
                out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
            else
                out += bytesLiteral(language, QString(c).toUtf8()).mid(1).chopped(1);
        } else {
            out += c;
        }
    }
    out += QLatin1Char(quote);
    return out;
}

} // namespace SocketLab
