#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

namespace SocketLab {

struct HttpHeader;

// One cookie as a server set it (RFC 6265 section 5.3).
struct Cookie
{
    QByteArray name;
    QByteArray value;
    QString domain;                   // lower case, without a leading dot
    bool hostOnly = true;             // no Domain attribute: sent to this very host only
    QString path;                     // always starts with "/"
    std::optional<QDateTime> expires; // none: it lasts as long as the chain of clicks
    bool secure = false;              // sent over https only
};

// The cookies the replies of a chain of clicks set, kept the way RFC 6265 (section 5) has a user
// agent keep them, in the part a person following links by hand needs:
//  - handled: name and value; Expires (any date format section 5.1.1 reads) and Max-Age (which
//    wins; zero, negative or a past date deletes the cookie); Domain (domain-match, host-only
//    without it, refused on an IP address or another site); Path (the default path, path-match);
//    Secure (https only); the same name, domain and path replaces; longer paths are sent first.
//  - not handled: the public suffix list (a Domain of "co.uk" is taken as given), HttpOnly and
//    SameSite (no script runs and every request is typed by a person), the size and count limits,
//    the __Host- and __Secure- prefixes.
class CookieJar
{
public:
    // Reads one Set-Cookie value received in reply to a request for url at the time `received`.
    // False when it was ignored: no "name=value", or a Domain that is not the host's.
    bool store(QByteArrayView setCookie, const QUrl &url, const QDateTime &received);
    // Every Set-Cookie header among a reply's headers, in their order.
    void storeAll(const QList<HttpHeader> &headers, const QUrl &url, const QDateTime &received);

    // The value of the Cookie header for a request to url at `now` ("a=1; b=2"); empty when none
    // applies.
    QByteArray cookieHeader(const QUrl &url, const QDateTime &now) const;
    QList<Cookie> cookies() const { return m_cookies; }
    // Whether a Set-Cookie named this cookie, even one that has since deleted it.
    bool hasSeen(QByteArrayView name) const { return m_seen.contains(name.toByteArray()); }

    // RFC 6265 5.1.1: the date of an Expires attribute, in any of the formats servers write.
    static std::optional<QDateTime> parseCookieDate(QByteArrayView text);

private:
    QList<Cookie> m_cookies; // in the order they were first set
    QSet<QByteArray> m_seen;
};

} // namespace SocketLab
