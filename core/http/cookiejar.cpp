#include "cookiejar.h"

#include "httpblanks.h"
#include "httpresponseparser.h"

#include <libpsl.h>

#include <algorithm>

namespace SocketLab {

namespace {

bool isIpAddress(const QString &host)
{
    if (host.contains(QLatin1Char(':')))
        return true;
    const QStringList parts = host.split(QLatin1Char('.'));
    return parts.size() == 4 && std::all_of(parts.begin(), parts.end(), [](const QString &part) {
               bool ok = false;
               return !part.isEmpty() && part.toUInt(&ok) <= 255 && ok;
           });
}

// A domain many sites share ("com", "co.uk", "github.io"), from libpsl's built-in list. The "*"
// rule, which makes any unknown top-level name such as "localhost" a suffix, is left out: a lab
// server on "localhost" may name itself.
bool isPublicSuffix(const QString &domain)
{
    static const psl_ctx_t *const list = psl_builtin();
    return list && psl_is_public_suffix2(list, domain.toUtf8().constData(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE);
}

// The site a cookie's domain belongs to, for the per-site limit: its registrable domain
// ("example.co.uk" for "www.example.co.uk"), or the domain itself when it has none (an address).
QString siteOf(const QString &domain)
{
    static const psl_ctx_t *const list = psl_builtin();
    if (!list || isIpAddress(domain))
        return domain;
    const QByteArray utf8 = domain.toUtf8();
    const char *registrable = psl_registrable_domain(list, utf8.constData());
    return registrable ? QString::fromUtf8(registrable) : domain;
}

bool isHttps(const QUrl &url)
{
    return url.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0;
}

// A control character that refuses a Set-Cookie: any but the tab, which is a blank here.
bool hasControlCharacter(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = uchar(c);
        return (u < 0x20 && u != 0x09) || u == 0x7f;
    });
}

bool hasPrefix(QByteArrayView name, QByteArrayView prefix)
{
    return name.size() >= prefix.size() && name.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

// RFC 6265 5.1.3.
bool domainMatches(const QString &host, const QString &domain)
{
    if (host == domain)
        return true;
    return !isIpAddress(host) && host.endsWith(domain) && host.size() > domain.size()
           && host.at(host.size() - domain.size() - 1) == QLatin1Char('.');
}

QString requestPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.startsWith(QLatin1Char('/')) ? path : QStringLiteral("/");
}

// RFC 6265 5.1.4: the directory of the request's path.
QString defaultPath(const QUrl &url)
{
    const QString path = requestPath(url);
    const qsizetype lastSlash = path.lastIndexOf(QLatin1Char('/'));
    return lastSlash <= 0 ? QStringLiteral("/") : path.left(lastSlash);
}

bool pathMatches(const QString &path, const QString &cookiePath)
{
    if (path == cookiePath)
        return true;
    return path.startsWith(cookiePath)
           && (cookiePath.endsWith(QLatin1Char('/')) || path.at(cookiePath.size()) == QLatin1Char('/'));
}

bool isDelimiter(char c)
{
    const auto u = uchar(c);
    return u == 0x09 || (u >= 0x20 && u <= 0x2f) || (u >= 0x3b && u <= 0x40) || (u >= 0x5b && u <= 0x60)
           || (u >= 0x7b && u <= 0x7e);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "1*min..max DIGIT" at the start of token, followed by nothing or a non-digit: its value, or -1.
int leadingNumber(QByteArrayView token, int minDigits, int maxDigits, qsizetype *length = nullptr)
{
    qsizetype n = 0;
    while (n < token.size() && isDigit(token.at(n)))
        ++n;
    if (n < minDigits || n > maxDigits)
        return -1;
    if (length)
        *length = n;
    return token.first(n).toInt();
}

// "hh:mm:ss", each 1 or 2 digits, then anything that does not start with a digit.
bool readTime(QByteArrayView token, int *hour, int *minute, int *second)
{
    int *fields[3] = {hour, minute, second};
    for (int i = 0; i < 3; ++i) {
        qsizetype length = 0;
        const int value = leadingNumber(token, 1, 2, &length);
        if (value < 0)
            return false;
        *fields[i] = value;
        token = token.sliced(length);
        if (i < 2) {
            if (token.isEmpty() || token.front() != ':')
                return false;
            token = token.sliced(1);
        }
    }
    return true;
}

// "jan" to "dec", without case, at the start of token: 1 to 12, or 0.
int monthOf(QByteArrayView token)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    if (token.size() < 3)
        return 0;
    for (int k = 0; k < 12; ++k) {
        if (token.first(3).compare(QByteArrayView(months[k]), Qt::CaseInsensitive) == 0)
            return k + 1;
    }
    return 0;
}

} // namespace

std::optional<QDateTime> CookieJar::parseCookieDate(QByteArrayView text)
{
    int hour = -1, minute = -1, second = -1, day = -1, month = -1, year = -1;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && isDelimiter(text.at(i)))
            ++i;
        qsizetype end = i;
        while (end < text.size() && !isDelimiter(text.at(end)))
            ++end;
        const QByteArrayView token = text.sliced(i, end - i);
        i = end;
        if (token.isEmpty())
            continue;
        int h = 0, m = 0, s = 0;
        if (hour < 0 && readTime(token, &h, &m, &s)) {
            hour = h;
            minute = m;
            second = s;
        } else if (day < 0 && leadingNumber(token, 1, 2) >= 0) {
            day = leadingNumber(token, 1, 2);
        } else if (month < 0 && monthOf(token) > 0) {
            month = monthOf(token);
        } else if (year < 0 && leadingNumber(token, 2, 4) >= 0) {
            year = leadingNumber(token, 2, 4);
        }
    }
    if (year >= 70 && year <= 99)
        year += 1900;
    else if (year >= 0 && year <= 69)
        year += 2000;
    if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return QDateTime(date, QTime(hour, minute, second), Qt::UTC);
}

CookieVerdict CookieJar::read(QByteArrayView setCookie, const QUrl &url, const QDateTime &received)
{
    CookieVerdict verdict;
    Cookie &cookie = verdict.cookie;
    // RFC 6265 5.2: the name-value pair up to the first ";", then the attributes.
    const qsizetype semicolon = setCookie.indexOf(';');
    const QByteArrayView pair = semicolon < 0 ? setCookie : setCookie.first(semicolon);
    const qsizetype equals = pair.indexOf('=');
    // RFC 6265bis 5.7: refused whole, rather than cut where the character is, so that no two readers
    // of the same header keep two different cookies. The name is kept to be shown.
    if (hasControlCharacter(setCookie)) {
        cookie.name = trimmedBlanks(equals < 0 ? pair : pair.first(equals)).toByteArray();
        verdict.refusal = CookieRefusal::ControlCharacter;
        return verdict;
    }
    if (equals < 0) {
        cookie.name = trimmedBlanks(pair).toByteArray();
        verdict.refusal = CookieRefusal::NoNameValue;
        return verdict;
    }
    cookie.name = trimmedBlanks(pair.first(equals)).toByteArray();
    cookie.value = trimmedBlanks(pair.sliced(equals + 1)).toByteArray();
    if (cookie.name.isEmpty()) {
        verdict.refusal = CookieRefusal::EmptyName;
        return verdict;
    }
    if (cookie.name.size() + cookie.value.size() > MaxNameValueBytes) {
        verdict.refusal = CookieRefusal::TooLarge;
        return verdict;
    }

    std::optional<QDateTime> maxAgeExpiry;
    std::optional<QDateTime> expires;
    bool hasDomain = false;
    QString domain;
    QString path;
    QByteArrayView attributes = semicolon < 0 ? QByteArrayView() : setCookie.sliced(semicolon + 1);
    while (!attributes.isEmpty()) {
        const qsizetype next = attributes.indexOf(';');
        const QByteArrayView av = next < 0 ? attributes : attributes.first(next);
        attributes = next < 0 ? QByteArrayView() : attributes.sliced(next + 1);
        const qsizetype avEquals = av.indexOf('=');
        const QByteArrayView name = trimmedBlanks(avEquals < 0 ? av : av.first(avEquals));
        const QByteArrayView value = avEquals < 0 ? QByteArrayView() : trimmedBlanks(av.sliced(avEquals + 1));
        // RFC 6265bis 5.6: an attribute too long to be meant is not read at all.
        if (value.size() > MaxAttributeValueBytes)
            continue;
        if (name.compare("Expires", Qt::CaseInsensitive) == 0) {
            if (const auto date = parseCookieDate(value))
                expires = date;
        } else if (name.compare("Max-Age", Qt::CaseInsensitive) == 0) {
            const bool negative = value.startsWith('-');
            const QByteArrayView digits = negative ? value.sliced(1) : value;
            if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(), isDigit))
                continue;
            // Ten digits are three centuries: more than that is as good as "never".
            const qint64 seconds = digits.size() > 10 ? qint64(9999999999) : digits.toLongLong();
            maxAgeExpiry = negative || seconds == 0 ? QDateTime::fromSecsSinceEpoch(0, Qt::UTC)
                                                    : received.addSecs(seconds);
        } else if (name.compare("Domain", Qt::CaseInsensitive) == 0) {
            QByteArrayView d = value;
            if (d.startsWith('.'))
                d = d.sliced(1);
            if (!d.isEmpty()) {
                hasDomain = true;
                domain = QString::fromLatin1(d).toLower();
            }
        } else if (name.compare("Path", Qt::CaseInsensitive) == 0) {
            path = value.startsWith('/') ? QString::fromLatin1(value) : QString();
        } else if (name.compare("Secure", Qt::CaseInsensitive) == 0) {
            cookie.secure = true;
        } else if (name.compare("HttpOnly", Qt::CaseInsensitive) == 0) {
            cookie.httpOnly = true;
        } else if (name.compare("SameSite", Qt::CaseInsensitive) == 0) {
            // RFC 6265bis 5.6.7: an unknown value leaves the attribute unset.
            if (value.compare("Strict", Qt::CaseInsensitive) == 0)
                cookie.sameSite = CookieSameSite::Strict;
            else if (value.compare("Lax", Qt::CaseInsensitive) == 0)
                cookie.sameSite = CookieSameSite::Lax;
            else if (value.compare("None", Qt::CaseInsensitive) == 0)
                cookie.sameSite = CookieSameSite::None;
            else
                cookie.sameSite = CookieSameSite::Unspecified;
        }
    }
    cookie.expires = maxAgeExpiry ? maxAgeExpiry : expires;
    verdict.deletes = cookie.expires && *cookie.expires <= received;

    // RFC 6265 5.3.
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (hasDomain && isPublicSuffix(domain)) {
        if (domain != host) {
            verdict.refusal = CookieRefusal::PublicSuffix;
            return verdict;
        }
        hasDomain = false;
    }
    if (!hasDomain) {
        cookie.domain = host;
    } else {
        if (isIpAddress(host) && domain != host) {
            verdict.refusal = CookieRefusal::IpAddressDomain;
            return verdict;
        }
        if (!domainMatches(host, domain)) {
            verdict.refusal = CookieRefusal::ForeignDomain;
            return verdict;
        }
        cookie.domain = domain;
        cookie.hostOnly = false;
    }
    cookie.path = path.isEmpty() ? defaultPath(url) : path;

    // RFC 6265bis 4.1.3: the prefixes promise the cookie came over a secure channel, and for
    // __Host-, that it belongs to this very host and the whole of it.
    const bool https = isHttps(url);
    if (hasPrefix(cookie.name, "__Secure-") && (!cookie.secure || !https))
        verdict.refusal = CookieRefusal::SecurePrefix;
    else if (hasPrefix(cookie.name, "__Host-") && (!cookie.secure || !https || hasDomain || path != QLatin1StringView("/")))
        verdict.refusal = CookieRefusal::HostPrefix;
    // RFC 6265bis 5.7: a reply that came in clear cannot promise the cookie stays on secure channels.
    else if (cookie.secure && !https)
        verdict.refusal = CookieRefusal::SecureOverHttp;
    else if (cookie.sameSite == CookieSameSite::None && !cookie.secure)
        verdict.refusal = CookieRefusal::SameSiteNoneWithoutSecure;
    return verdict;
}

bool CookieJar::shadowsSecure(const Cookie &cookie, const QUrl &url, const QDateTime &now) const
{
    // RFC 6265bis 5.7: over http, a server could otherwise overwrite a Secure cookie, or set one of
    // the same name that an https page of the site would receive first (a longer path) or beside it.
    if (cookie.secure || isHttps(url))
        return false;
    return std::any_of(m_cookies.begin(), m_cookies.end(), [&](const Stored &s) {
        const Cookie &old = s.cookie;
        return old.secure && old.name == cookie.name && (!old.expires || *old.expires > now)
               && (domainMatches(old.domain, cookie.domain) || domainMatches(cookie.domain, old.domain))
               && pathMatches(cookie.path, old.path);
    });
}

CookieVerdict CookieJar::store(QByteArrayView setCookie, const QUrl &url, const QDateTime &received)
{
    CookieVerdict verdict = read(setCookie, url, received);
    if (verdict.stored() && shadowsSecure(verdict.cookie, url, received))
        verdict.refusal = CookieRefusal::ShadowsSecure;
    if (!verdict.stored())
        return verdict;
    m_seen.insert(verdict.cookie.name);
    const Cookie &cookie = verdict.cookie;
    const auto same = std::find_if(m_cookies.begin(), m_cookies.end(), [&](const Stored &s) {
        return s.cookie.name == cookie.name && s.cookie.domain == cookie.domain && s.cookie.path == cookie.path;
    });
    if (same != m_cookies.end()) {
        // Replaced where it was: the old cookie's creation time orders it (RFC 6265 5.3 step 11).
        if (verdict.deletes)
            m_cookies.erase(same);
        else
            same->cookie = cookie;
    } else if (!verdict.deletes) {
        insert(cookie, received);
    }
    return verdict;
}

qsizetype CookieJar::countOfSite(const QString &site) const
{
    return std::count_if(m_cookies.begin(), m_cookies.end(), [&](const Stored &s) { return s.site == site; });
}

void CookieJar::insert(const Cookie &cookie, const QDateTime &received)
{
    // RFC 6265 5.3, last paragraph: the expired go first, then the oldest of a site over its
    // limit, then the oldest of all.
    const QString site = siteOf(cookie.domain);
    if (countOfSite(site) >= MaxCookiesPerSite || m_cookies.size() >= MaxCookies)
        m_cookies.removeIf([&](const Stored &s) { return s.cookie.expires && *s.cookie.expires <= received; });
    if (countOfSite(site) >= MaxCookiesPerSite)
        m_cookies.erase(std::find_if(m_cookies.begin(), m_cookies.end(), [&](const Stored &s) { return s.site == site; }));
    if (m_cookies.size() >= MaxCookies)
        m_cookies.removeFirst();
    m_cookies.append({cookie, site});
}

QList<Cookie> CookieJar::cookies() const
{
    QList<Cookie> cookies;
    cookies.reserve(m_cookies.size());
    for (const Stored &stored : m_cookies)
        cookies.append(stored.cookie);
    return cookies;
}

QList<CookieVerdict> CookieJar::storeAll(const QList<HttpHeader> &headers, const QUrl &url, const QDateTime &received)
{
    QList<CookieVerdict> verdicts;
    for (const HttpHeader &header : headers) {
        if (header.name.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            verdicts.append(store(header.value, url, received));
    }
    return verdicts;
}

QList<CookieVerdict> CookieJar::readAll(const QList<HttpHeader> &headers, const QUrl &url, const QDateTime &received)
{
    QList<CookieVerdict> verdicts;
    for (const HttpHeader &header : headers) {
        if (header.name.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            verdicts.append(read(header.value, url, received));
    }
    return verdicts;
}

bool CookieJar::sameSite(const QUrl &a, const QUrl &b)
{
    // RFC 6265bis 5.2 with the "schemeful same-site" of the HTML standard: a page over http is not
    // of the site of its https twin, which a network attacker could otherwise speak for.
    const auto site = [](const QUrl &url) { return siteOf(url.host(QUrl::FullyEncoded).toLower()); };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 && site(a) == site(b);
}

QByteArray CookieJar::cookieHeader(const QUrl &url, const QDateTime &now, const CookieRequestContext &context) const
{
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    const QString path = requestPath(url);
    const bool https = isHttps(url);
    const bool crossSite = !context.initiator.isEmpty() && !sameSite(context.initiator, url);
    const bool safeMethod = context.method == "GET" || context.method == "HEAD";
    // RFC 6265bis 5.8.3: what a cross-site page may make the browser send on its behalf.
    const auto sameSiteAllows = [&](CookieSameSite sameSite) {
        switch (sameSite) {
        case CookieSameSite::None: return true;
        case CookieSameSite::Strict: return !crossSite;
        case CookieSameSite::Lax:
        case CookieSameSite::Unspecified: return !crossSite || safeMethod;
        }
        return false;
    };
    QList<Cookie> sent;
    for (const Stored &stored : m_cookies) {
        const Cookie &cookie = stored.cookie;
        const bool domainOk = cookie.hostOnly ? host == cookie.domain : domainMatches(host, cookie.domain);
        if (domainOk && pathMatches(path, cookie.path) && (!cookie.secure || https)
            && (!cookie.expires || *cookie.expires > now) && sameSiteAllows(cookie.sameSite))
            sent.append(cookie);
    }
    // RFC 6265 5.4: longer paths first, then the earlier set.
    std::stable_sort(sent.begin(), sent.end(),
                     [](const Cookie &a, const Cookie &b) { return a.path.size() > b.path.size(); });
    QByteArrayList pairs;
    for (const Cookie &cookie : sent)
        pairs.append(cookie.name + '=' + cookie.value);
    return pairs.join("; ");
}

} // namespace SocketLab
