#include "htmltext.h"

namespace SocketLab {

namespace {

bool opensMarkup(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'/' || c == u'!' || c == u'?';
}

} // namespace

QString withStrayLessThanEscaped(const QString &html)
{
    QString out;
    out.reserve(html.size());
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html.at(i);
        if (c == u'<' && (i + 1 == html.size() || !opensMarkup(html.at(i + 1))))
            out += QStringLiteral("&lt;");
        else
            out += c;
    }
    return out;
}

} // namespace SocketLab
