#include "requesttemplates.h"

#include <QUrl>

namespace SocketLab {

std::optional<HttpUrl> parseHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https")))
        return std::nullopt;
    HttpUrl result;
    result.tls = scheme == QLatin1StringView("https");
    result.host = url.host(QUrl::FullyEncoded);
    result.port = quint16(url.port(result.tls ? 443 : 80));
    result.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (result.path.isEmpty())
        result.path = "/";
    if (url.hasQuery())
        result.path += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return result;
}

QByteArray hostHeaderValue(const QString &host, quint16 port, bool tls)
{
    QByteArray value = host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toLatin1();
    if (port != (tls ? 443 : 80))
        value += ':' + QByteArray::number(port);
    return value;
}

QByteArray makeRequest(RequestTemplate kind, const QByteArray &hostHeader, const QByteArray &path, const QByteArray &body)
{
    switch (kind) {
    case RequestTemplate::Http10Get:
        return "GET " + path + " HTTP/1.0\r\n\r\n";
    case RequestTemplate::Http11Get:
        return "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n";
    case RequestTemplate::Http11Head:
        return "HEAD " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n";
    case RequestTemplate::Http11Post:
        return "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader
               + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }
    return {};
}

QByteArray withContentLengthUpdated(const QByteArray &request)
{
    qsizetype headEnd = request.indexOf("\r\n\r\n");
    qsizetype separator = 4;
    if (headEnd < 0) {
        headEnd = request.indexOf("\n\n");
        separator = 2;
    }
    if (headEnd < 0)
        return request;
    const qint64 bodySize = request.size() - headEnd - separator;
    QByteArray head = request.left(headEnd);
    qsizetype lineStart = head.indexOf('\n') + 1; // the request line never holds a header
    while (lineStart > 0 && lineStart < head.size()) {
        qsizetype lineEnd = head.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = head.size();
        const QByteArray line = head.mid(lineStart, lineEnd - lineStart);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const qsizetype valueEnd = line.endsWith('\r') ? line.size() - 1 : line.size();
            const QByteArray rebuilt = line.left(colon + 1) + ' ' + QByteArray::number(bodySize);
            head.replace(lineStart, valueEnd, rebuilt);
            return head + request.mid(headEnd);
        }
        lineStart = lineEnd + 1;
    }
    return request;
}

int doubledCrsInHead(const QByteArray &request)
{
    const qsizetype blankLine = request.indexOf("\r\n\r\n");
    // The blank line's first CR belongs to the last header line's ending: "close\r\r\n\r\n" has one.
    const QByteArrayView head = QByteArrayView(request).first(blankLine < 0 ? request.size() : blankLine + 1);
    int doubled = 0;
    for (qsizetype i = head.indexOf("\r\r"); i >= 0; i = head.indexOf("\r\r", i + 1))
        ++doubled;
    return doubled;
}

} // namespace SocketLab
