#pragma once

#include <QByteArray>
#include <QString>

namespace SocketLab {

// A Content-Type header's value, taken apart: "text/html; charset=\"ISO-8859-1\"" is the media type
// "text/html" and the charset "iso-8859-1".
struct ContentType
{
    QByteArray mediaType;  // lowercased; empty when absent
    QByteArray charset;    // lowercased, quotes removed; empty when absent

    static ContentType parse(const QByteArray &value);
    bool isHtml() const;
};

// A body's bytes as text, in the charset its Content-Type names.
struct DecodedText
{
    QString text;
    // The charset named but not known here, and what the text was decoded as instead ("ISO-8859-1",
    // "UTF-8"); both empty when the named charset (or the default) was used.
    QByteArray unsupportedCharset;
    QString fallback;
};

// No charset (or US-ASCII) means UTF-8, or for HTML what its <meta> says; a charset not known here
// is read as its nearest known one. Decodes the bytes whole: give it what is to be shown, not a
// 1 GiB body.
DecodedText decodeBodyText(const QByteArray &bytes, const ContentType &type);

} // namespace SocketLab
