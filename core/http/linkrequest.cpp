#include "linkrequest.h"

#include "cookiejar.h"
#include "requesttemplates.h"

#include <algorithm>

namespace SocketLab {

namespace {

// One header of a request head: its line, and the lines that continue it (obsolete folding).
struct HeaderLines
{
    QByteArray name; // as written
    QByteArrayList lines;
};

// The head of a request a person typed: read as far as rebuilding it needs, never trusting it.
struct RequestHead
{
    bool http = false; // "METHOD target HTTP/x.y"
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QByteArray lineEnd = "\r\n";
    QList<HeaderLines> headers;
    QByteArray body; // what follows the blank line, as it was

    QByteArray value(QByteArrayView name) const
    {
        for (const HeaderLines &header : headers) {
            if (header.name.compare(name, Qt::CaseInsensitive) == 0) {
                const QByteArray &line = header.lines.first();
                return line.mid(line.indexOf(':') + 1).trimmed();
            }
        }
        return {};
    }
};

RequestHead readHead(const QByteArray &request)
{
    RequestHead head;
    // The first blank line, whichever its line ends: a body after an LF head may hold CRLF CRLF.
    const qsizetype crlf = request.indexOf("\r\n\r\n");
    const qsizetype lf = request.indexOf("\n\n");
    const qsizetype end = crlf < 0 ? lf : lf < 0 ? crlf : std::min(crlf, lf);
    const QByteArray text = end < 0 ? request : request.left(end);
    if (end >= 0)
        head.body = request.mid(end + (request.at(end) == '\r' ? 4 : 2));
    QByteArrayList lines = text.split('\n');
    const QByteArray requestLine = lines.takeFirst();
    const qsizetype firstLf = request.indexOf('\n');
    head.lineEnd = firstLf > 0 && request.at(firstLf - 1) != '\r' ? QByteArrayLiteral("\n") : QByteArrayLiteral("\r\n");
    const QByteArrayList parts = requestLine.trimmed().split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(2).startsWith("HTTP/1."))
        return head;
    head.http = true;
    head.method = parts.at(0);
    head.target = parts.at(1);
    head.version = parts.at(2);
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !head.headers.isEmpty()) {
            head.headers.last().lines.append(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        head.headers.append({colon < 0 ? line.trimmed() : line.left(colon).trimmed(), {line}});
    }
    return head;
}

bool sameServer(const QUrl &a, const QUrl &b)
{
    const bool tlsA = a.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0;
    const bool tlsB = b.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0;
    return tlsA == tlsB && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(tlsA ? 443 : 80) == b.port(tlsB ? 443 : 80);
}

// The cookies of the origin's Cookie lines that no Set-Cookie of the chain named: the person's own.
QByteArrayList ownCookies(const RequestHead &head, const CookieJar &jar)
{
    QByteArrayList own;
    for (const HeaderLines &header : head.headers) {
        if (header.name.compare("Cookie", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray &line = header.lines.first();
        for (const QByteArray &pair : line.mid(line.indexOf(':') + 1).split(';')) {
            const QByteArray cookie = pair.trimmed();
            const qsizetype equals = cookie.indexOf('=');
            if (!cookie.isEmpty() && !jar.hasSeen(equals < 0 ? cookie : cookie.left(equals)))
                own.append(cookie);
        }
    }
    return own;
}

// Whether following a redirect sends the origin's method and body again (Fetch, "HTTP-redirect
// fetch" step 12): not for 303 (but GET and HEAD stay), nor a POST after 301 or 302. A Location
// of any other status (201 Created, 300) is a link like any other.
bool keepsMethod(int status, const QByteArray &method)
{
    if (method == "GET" || (status != 301 && status != 302 && status != 303 && status != 307 && status != 308))
        return false; // a GET is what a click sends anyway
    if (status == 303)
        return method == "HEAD";
    return !((status == 301 || status == 302) && method == "POST");
}

QByteArray headerLine(const QByteArray &name, const QByteArray &value)
{
    return name + ": " + value;
}

} // namespace

QUrl requestedUrl(const LinkOrigin &origin)
{
    const RequestHead head = readHead(origin.request);
    const QByteArray serverUrl = "http://" + hostHeaderValue(origin.host, origin.port);
    const QUrl fallback = QUrl::fromEncoded(serverUrl + '/');
    if (!head.http)
        return fallback;
    if (head.target.startsWith("http://") || head.target.startsWith("https://")) {
        const QUrl absolute = QUrl::fromEncoded(head.target);
        return absolute.isValid() ? absolute : fallback;
    }
    const QByteArray host = head.value("Host");
    const QByteArray authority = host.isEmpty() ? serverUrl : "http://" + host;
    const QUrl url = QUrl::fromEncoded(authority + (head.target.startsWith('/') ? head.target : QByteArrayLiteral("/")));
    return url.isValid() && !url.host().isEmpty() ? url : fallback;
}

std::optional<PreparedRequest> prepareLinkRequest(const LinkOrigin &origin, const LinkClick &click,
                                                  const CookieJar &jar, const QDateTime &now)
{
    const QUrl base = requestedUrl(origin);
    QUrl url = (click.base.isEmpty() ? base : base.resolved(click.base)).resolved(click.link);
    url.setFragment(QString());
    const std::optional<HttpUrl> parsed = parseHttpUrl(url.toString(QUrl::FullyEncoded));
    if (!parsed)
        return std::nullopt;

    PreparedRequest prepared;
    prepared.url = url;
    prepared.tls = parsed->tls;
    const bool same = sameServer(base, url);
    // The same server is reached the way the origin reached it: a Host header that named another
    // name than the connection's (a virtual host on 127.0.0.1) still works for the next page.
    prepared.host = same ? origin.host : parsed->host;
    prepared.port = same ? origin.port : parsed->port;

    const RequestHead head = readHead(origin.request);
    QByteArrayList cookies = {jar.cookieHeader(url, now)};
    cookies.removeAll(QByteArray());
    if (same)
        cookies += ownCookies(head, jar);
    const QByteArray cookie = cookies.join("; ");
    const QByteArray host = hostHeaderValue(parsed->host, parsed->port, parsed->tls);
    const QByteArray body = click.post ? click.body : QByteArray();

    QByteArray request;
    if (!head.http) {
        request = makeRequest(click.post ? RequestTemplate::Http11Post : RequestTemplate::Http11Get, host,
                              parsed->path, body);
        if (!cookie.isEmpty()) {
            const qsizetype blank = request.indexOf("\r\n\r\n");
            request.insert(blank + 2, headerLine("Cookie", cookie) + "\r\n");
        }
        prepared.request = request;
        return prepared;
    }

    // A redirect that keeps the method sends the same request to the new place: only the request
    // line, Host and Cookie change; the body and its headers stay as they were.
    const bool resend = keepsMethod(click.redirectStatus, head.method);
    const QByteArray method = resend ? head.method : click.post ? QByteArrayLiteral("POST") : QByteArrayLiteral("GET");
    QByteArrayList lines = {method + ' ' + parsed->path + ' ' + head.version};
    bool hostDone = false;
    bool cookieDone = cookie.isEmpty();
    bool typeDone = !click.post;
    bool lengthDone = !click.post;
    for (const HeaderLines &header : head.headers) {
        const QByteArray name = header.name.toLower();
        if (name == "host") {
            if (!hostDone)
                lines.append(headerLine(header.name, host));
            hostDone = true;
        } else if (name == "cookie") {
            if (!cookieDone)
                lines.append(headerLine(header.name, cookie));
            cookieDone = true;
        } else if (resend) {
            lines += header.lines;
        } else if (name == "content-type") {
            if (!typeDone)
                lines.append(headerLine(header.name, "application/x-www-form-urlencoded"));
            typeDone = true;
        } else if (name == "content-length") {
            if (!lengthDone)
                lines.append(headerLine(header.name, "0"));
            lengthDone = true;
        } else if (name != "transfer-encoding") {
            lines += header.lines;
        }
    }
    if (!hostDone)
        lines.insert(1, headerLine("Host", host));
    if (!typeDone)
        lines.append(headerLine("Content-Type", "application/x-www-form-urlencoded"));
    if (!lengthDone)
        lines.append(headerLine("Content-Length", "0"));
    if (!cookieDone)
        lines.append(headerLine("Cookie", cookie));
    request = lines.join(head.lineEnd) + head.lineEnd + head.lineEnd + (resend ? head.body : body);
    // The template's own rule sets Content-Length to the body that follows the blank line.
    prepared.request = click.post ? withContentLengthUpdated(request) : request;
    return prepared;
}

} // namespace SocketLab
