#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace SocketLab {

class CookieJar;

// What a person clicked in a reply: a link of the HTML preview, a Location header, a form.
struct LinkClick
{
    QUrl link;          // as written in the page or the header: often relative
    bool post = false;  // a form sent with method="post": its fields are the body
    QByteArray body {}; // application/x-www-form-urlencoded, for post
    // The status of the reply whose Location header was clicked; 0 for a link or a form of a page.
    int redirectStatus = 0;
    // The page's <base href>, as written; empty when it has none (or for a Location header). Links
    // and forms of the page resolve against it, itself resolved against the page's URL.
    QUrl base {};
};

// The exchange whose reply was clicked: where it connected and the bytes it sent.
struct LinkOrigin
{
    QString host;
    quint16 port = 80;
    QByteArray request;
    bool tls = false;   // over TLS: its URL is https://, which Secure cookies and sites depend on
};

// The request a click prepares, ready for the form; nothing is sent.
struct PreparedRequest
{
    QUrl url;           // absolute, without its fragment
    QString host;       // where to connect: the origin's own target while the URL names the same server
    quint16 port = 80;
    bool tls = false;   // an https:// URL: its port is 443 by default, and the exchange needs TLS
    QByteArray request;
};

// The URL a request asked for: the Host header's authority (or host:port when it has none) and the
// request line's target, or the target itself when it is absolute. A request that is not HTTP asks
// for "/" of host:port. Its scheme is https:// over TLS.
QUrl requestedUrl(const LinkOrigin &origin);

// The request for a click, built from the request of the exchange it was clicked in:
//  - the link is resolved against requestedUrl(origin), or the page's <base href> resolved against
//    it; its fragment is dropped;
//  - a Location clicked in a redirect is followed as browsers do (the Fetch standard): a 303 turns
//    any method but GET and HEAD into a GET, a 301 or 302 turns a POST into a GET, and otherwise
//    (307, 308, or a PUT after a 301...) the origin's method, body and body headers are sent again;
//  - the request line gets the URL's path and query, and keeps the origin's HTTP version;
//  - the origin's header lines are kept as they were, except: Host names the URL's host (its port
//    when not the default), added first if there was none; Cookie carries what the jar sends to
//    that URL at `now`, plus the cookies the person typed in the origin's Cookie line that no
//    Set-Cookie named, when the server stays the same; for a GET, Content-Length, Content-Type
//    and Transfer-Encoding go with the body; a post gets Content-Type
//    application/x-www-form-urlencoded and a Content-Length that fits its body;
//  - a request that is not HTTP/1.x is replaced by the HTTP/1.1 template (Host, Connection: close).
// nullopt for a link that is neither http:// nor https:// once resolved (mailto:, javascript:...).
std::optional<PreparedRequest> prepareLinkRequest(const LinkOrigin &origin, const LinkClick &click,
                                                  const CookieJar &jar, const QDateTime &now);

} // namespace SocketLab
