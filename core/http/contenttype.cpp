#include "contenttype.h"

#include <QList>
#include <QStringDecoder>

#include <optional>

namespace SocketLab {

ContentType ContentType::parse(const QByteArray &value)
{
    ContentType type;
    const QList<QByteArray> parts = value.split(';');
    type.mediaType = parts.first().trimmed().toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0 || parameter.first(equals).trimmed().toLower() != "charset")
            continue;
        QByteArray charset = parameter.sliced(equals + 1).trimmed();
        if (charset.size() >= 2 && charset.startsWith('"') && charset.endsWith('"'))
            charset = charset.sliced(1, charset.size() - 2);
        type.charset = charset.toLower();
    }
    return type;
}

bool ContentType::isHtml() const
{
    return mediaType == "text/html" || mediaType == "application/xhtml+xml";
}

DecodedText decodeBodyText(const QByteArray &bytes, const ContentType &type)
{
    std::optional<QStringConverter::Encoding> encoding;
    const QByteArray &charset = type.charset;
    if (charset.isEmpty() || charset == "us-ascii" || charset == "ascii")
        encoding = type.isHtml() ? QStringConverter::encodingForHtml(bytes) : QStringConverter::Utf8;
    else
        encoding = QStringConverter::encodingForName(charset.constData());

    DecodedText decoded;
    if (!encoding) {
        // windows-1252 and its kind agree with ISO-8859-1 on every letter but a few: the nearer guess.
        const bool windows = charset.startsWith("windows-125") || charset.startsWith("cp125");
        encoding = windows ? QStringConverter::Latin1 : QStringConverter::Utf8;
        decoded.unsupportedCharset = charset;
        decoded.fallback = windows ? QStringLiteral("ISO-8859-1") : QStringLiteral("UTF-8");
    }
    QStringDecoder decoder(*encoding);
    decoded.text = decoder.decode(bytes);
    return decoded;
}

} // namespace SocketLab
