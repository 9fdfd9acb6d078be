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

// The SameSite attribute (RFC 6265bis section 4.1.2.7). Unspecified is the draft's "Default"
// enforcement, which section 5.8.3 treats as Lax.
enum class CookieSameSite { Unspecified, Strict, Lax, None };

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
    bool httpOnly = false;            // hidden from scripts: kept and shown, no script runs here
    CookieSameSite sameSite = CookieSameSite::Unspecified;
};

// Why a Set-Cookie was not stored. Each has its sentence in text/cookietext.h.
enum class CookieRefusal {
    None,
    NoNameValue,    // no "=" in the part before the first ";"
    EmptyName,      // "=value"
    TooLarge,       // name and value together over CookieJar::MaxNameValueBytes
    ForeignDomain,  // a Domain attribute the request's host does not domain-match
    IpAddressDomain, // a Domain attribute on a request to an IP address, other than that address
    PublicSuffix,   // a Domain attribute that is a public suffix ("com", "co.uk"), not the host itself
    SecurePrefix,   // "__Secure-" without Secure, or set over http
    HostPrefix,     // "__Host-" without Secure, over http, with a Domain, or a Path other than "/"
    ControlCharacter, // a control character other than a tab anywhere in it (RFC 6265bis 5.7)
    SecureOverHttp, // the Secure attribute on a reply to a request that was not over TLS
    ShadowsSecure,  // over http, the name of a Secure cookie whose domain and path it would cover
    SameSiteNoneWithoutSecure, // SameSite=None needs Secure (RFC 6265bis 5.7)
};

// What led to a request, for SameSite (RFC 6265bis section 5.2): every request of a chain of clicks
// is a top-level navigation, started from the page whose link, form or redirect led there.
struct CookieRequestContext
{
    // The URL of that page: the request is same-site when both have the same scheme and registrable
    // domain. Empty for a request a person typed, which is same-site by definition.
    QUrl initiator;
    QByteArray method = "GET"; // GET and HEAD are safe: Lax cookies go on a cross-site navigation
};

// A Set-Cookie as read: the cookie it makes, or why it is refused.
struct CookieVerdict
{
    Cookie cookie;             // its name at least, when there is one
    CookieRefusal refusal = CookieRefusal::None;
    bool deletes = false;      // an expiry at or before the time it was received: it removes a cookie
    bool stored() const { return refusal == CookieRefusal::None; }
};

// The cookies the replies of a chain of clicks set, kept the way RFC 6265 (section 5) has a user
// agent keep them, in the part a person following links by hand needs:
//  - handled: name and value; Expires (any date format section 5.1.1 reads) and Max-Age (which
//    wins; zero, negative or a past date deletes the cookie); Domain (domain-match, host-only
//    without it, refused on an IP address or another site); Path (the default path, path-match);
//    Secure (set and sent over https only; over http, a cookie may not take the name of a Secure one
//    whose domain and path it would cover, RFC 6265bis 5.7); the same name, domain and path
//    replaces; longer paths are sent first;
//  - SameSite (RFC 6265bis 5.8.3): Strict cookies go only on same-site requests, Lax ones (and
//    those with no SameSite) also on cross-site navigations with a safe method, None ones always,
//    and SameSite=None without Secure is refused; sites are schemeful (http://a.com and
//    https://a.com are two sites) and compared by registrable domain;
//  - a control character other than a tab anywhere in a Set-Cookie refuses it whole (RFC 6265bis
//    5.7), rather than cutting the value where it is;
//  - the public suffix list (libpsl's built-in copy): a Domain of "co.uk" or "com" is refused,
//    unless it is the request's host itself, which makes the cookie host-only (section 5.3 step 5);
//  - HttpOnly is kept and shown; it changes nothing sent, since no script runs;
//  - the limits of RFC 6265 section 6.1 and RFC 6265bis section 5.6: name and value of at most
//    4096 bytes together, attribute values of more than 1024 bytes ignored, at most 50 cookies per
//    site (its registrable domain) and 3000 in all, the oldest evicted first after the expired;
//  - the __Secure- and __Host- prefixes (RFC 6265bis section 4.1.3), matched without case.
class CookieJar
{
public:
    static constexpr qsizetype MaxNameValueBytes = 4096;
    static constexpr qsizetype MaxAttributeValueBytes = 1024;
    static constexpr qsizetype MaxCookiesPerSite = 50;
    static constexpr qsizetype MaxCookies = 3000;

    // Reads one Set-Cookie value received in reply to a request for url, without storing it.
    static CookieVerdict read(QByteArrayView setCookie, const QUrl &url, const QDateTime &received);
    // Reads and stores it. Its verdict says why it was refused, if it was: read()'s reasons, or
    // ShadowsSecure, which depends on what the jar holds.
    CookieVerdict store(QByteArrayView setCookie, const QUrl &url, const QDateTime &received);
    // Every Set-Cookie header among a reply's headers, in their order, and what became of each.
    QList<CookieVerdict> storeAll(const QList<HttpHeader> &headers, const QUrl &url, const QDateTime &received);
    // The verdicts of a reply's Set-Cookie headers, in their order, without storing them.
    static QList<CookieVerdict> readAll(const QList<HttpHeader> &headers, const QUrl &url, const QDateTime &received);

    // The value of the Cookie header for a request to url at `now` ("a=1; b=2"); empty when none
    // applies. The context says what led to the request, for SameSite.
    QByteArray cookieHeader(const QUrl &url, const QDateTime &now, const CookieRequestContext &context = {}) const;
    // Whether two URLs are of the same site: same scheme, same registrable domain (or the same host
    // when it has none: an address, "localhost").
    static bool sameSite(const QUrl &a, const QUrl &b);
    QList<Cookie> cookies() const;
    // Whether a Set-Cookie named this cookie, even one that has since deleted it.
    bool hasSeen(QByteArrayView name) const { return m_seen.contains(name.toByteArray()); }

    // RFC 6265 5.1.1: the date of an Expires attribute, in any of the formats servers write.
    static std::optional<QDateTime> parseCookieDate(QByteArrayView text);

private:
    // A cookie and the site it counts for, found once: the list is walked at every insertion.
    struct Stored
    {
        Cookie cookie;
        QString site;
    };

    void insert(const Cookie &cookie, const QDateTime &received);
    bool shadowsSecure(const Cookie &cookie, const QUrl &url, const QDateTime &now) const;
    qsizetype countOfSite(const QString &site) const;

    QList<Stored> m_cookies; // in the order they were first set: the oldest first
    QSet<QByteArray> m_seen;
};

} // namespace SocketLab
