#include "linkrequest.h"

#include "cookiejar.h"
#include "requesthead.h"
#include "requesttemplates.h"

namespace SocketLab {

namespace {

// A request line of HTTP/1.x at the start: a request to rebuild, not a raw payload.
bool isHttp1(const RequestHead &head)
{
    return head.hasRequestLine() && head.versionMajor == 1;
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
    for (const RequestHead::Header &header : head.headers) {
        if (header.name.compare("Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &pair : header.value.split(';')) {
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
    const RequestHead head = RequestHead::read(origin.request);
    const QByteArray scheme = origin.tls ? "https://" : "http://";
    const QByteArray serverUrl = scheme + hostHeaderValue(origin.host, origin.port, origin.tls);
    const QUrl fallback = QUrl::fromEncoded(serverUrl + '/');
    if (!isHttp1(head))
        return fallback;
    if (head.target.startsWith("http://") || head.target.startsWith("https://")) {
        const QUrl absolute = QUrl::fromEncoded(head.target);
        return absolute.isValid() ? absolute : fallback;
    }
    const QByteArray host = head.value("Host");
    const QByteArray authority = host.isEmpty() ? serverUrl : scheme + host;
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
    const RequestHead head = RequestHead::read(origin.request);
    // A request in absolute form went to a proxy: the next http:// page goes through the same proxy,
    // in absolute form too. An https:// one needs a CONNECT tunnel, so it goes to its server.
    const bool viaProxy = isHttp1(head) && head.hasAbsoluteTarget() && !parsed->tls;
    // The same server is reached the way the origin reached it: a Host header that named another
    // name than the connection's (a virtual host on 127.0.0.1) still works for the next page.
    prepared.host = same || viaProxy ? origin.host : parsed->host;
    prepared.port = same || viaProxy ? origin.port : parsed->port;

    // A redirect that keeps the method sends the same request to the new place: only the request
    // line, Host and Cookie change; the body and its headers stay as they were.
    const bool resend = isHttp1(head) && keepsMethod(click.redirectStatus, head.method);
    const QByteArray method = resend ? head.method : click.post ? QByteArrayLiteral("POST") : QByteArrayLiteral("GET");
    QByteArrayList cookies = {jar.cookieHeader(url, now, {base, method})};
    cookies.removeAll(QByteArray());
    if (same)
        cookies += ownCookies(head, jar);
    const QByteArray cookie = cookies.join("; ");
    const QByteArray host = hostHeaderValue(parsed->host, parsed->port, parsed->tls);
    const QByteArray body = click.post ? click.body : QByteArray();

    QByteArray request;
    if (!isHttp1(head)) {
        request = makeRequest(click.post ? RequestTemplate::Http11Post : RequestTemplate::Http11Get, host,
                              parsed->path, body);
        if (!cookie.isEmpty()) {
            const qsizetype blank = request.indexOf("\r\n\r\n");
            request.insert(blank + 2, headerLine("Cookie", cookie) + "\r\n");
        }
        prepared.request = request;
        return prepared;
    }

    const QByteArray target = viaProxy ? "http://" + hostHeaderValue(parsed->host, parsed->port) + parsed->path : parsed->path;
    QByteArrayList lines = {method + ' ' + target + ' ' + head.version};
    bool hostDone = false;
    bool cookieDone = cookie.isEmpty();
    bool typeDone = !click.post;
    bool lengthDone = !click.post;
    for (const RequestHead::Header &header : head.headers) {
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
            lines.append(origin.request.mid(header.line.start, header.line.size));
        } else if (name == "content-type") {
            if (!typeDone)
                lines.append(headerLine(header.name, "application/x-www-form-urlencoded"));
            typeDone = true;
        } else if (name == "content-length") {
            if (!lengthDone)
                lines.append(headerLine(header.name, "0"));
            lengthDone = true;
        } else if (name != "transfer-encoding") {
            lines.append(origin.request.mid(header.line.start, header.line.size));
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
    // The body the origin sent, as it was: what follows its head's empty line.
    const QByteArray originBody = head.length < 0 ? QByteArray() : origin.request.mid(head.length);
    request = lines.join(head.lineEnd) + head.lineEnd + head.lineEnd + (resend ? originBody : body);
    // The template's own rule sets Content-Length to the body that follows the blank line.
    prepared.request = click.post ? withContentLengthUpdated(request) : request;
    return prepared;
}

} // namespace SocketLab
