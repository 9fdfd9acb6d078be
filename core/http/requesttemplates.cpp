#include "requesttemplates.h"

#include "requesthead.h"

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
    // The head as the demo server would read it: its end is the first empty line after the request
    // line, whatever the line ends, so a CRLFCRLF inside the body is body.
    const RequestHead head = RequestHead::read(request);
    if (head.length < 0)
        return request;
    const qint64 bodySize = request.size() - head.length;
    for (const RequestHead::Header &header : head.headers) {
        const qsizetype colon = QByteArrayView(request).sliced(header.line.start, header.line.size).indexOf(':');
        if (colon < 0 || header.name.compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        const qsizetype valueStart = header.line.start + colon + 1;
        QByteArray updated = request;
        updated.replace(valueStart, header.line.end() - valueStart, ' ' + QByteArray::number(bodySize));
        return updated;
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
