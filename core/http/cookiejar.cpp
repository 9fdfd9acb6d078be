#include "cookiejar.h"

#include "httpblanks.h"
#include "httpresponseparser.h"

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

bool CookieJar::store(QByteArrayView setCookie, const QUrl &url, const QDateTime &received)
{
    // RFC 6265 5.2: the name-value pair up to the first ";", then the attributes.
    const qsizetype semicolon = setCookie.indexOf(';');
    const QByteArrayView pair = semicolon < 0 ? setCookie : setCookie.first(semicolon);
    const qsizetype equals = pair.indexOf('=');
    if (equals < 0)
        return false;
    Cookie cookie;
    cookie.name = trimmedBlanks(pair.first(equals)).toByteArray();
    cookie.value = trimmedBlanks(pair.sliced(equals + 1)).toByteArray();
    if (cookie.name.isEmpty())
        return false;

    std::optional<QDateTime> maxAgeExpiry;
    std::optional<QDateTime> expires;
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
            if (!d.isEmpty())
                domain = QString::fromLatin1(d).toLower();
        } else if (name.compare("Path", Qt::CaseInsensitive) == 0) {
            path = value.startsWith('/') ? QString::fromLatin1(value) : QString();
        } else if (name.compare("Secure", Qt::CaseInsensitive) == 0) {
            cookie.secure = true;
        }
    }
    cookie.expires = maxAgeExpiry ? maxAgeExpiry : expires;

    // RFC 6265 5.3.
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (domain.isEmpty()) {
        cookie.domain = host;
    } else {
        if (!domainMatches(host, domain) || (isIpAddress(host) && domain != host))
            return false;
        cookie.domain = domain;
        cookie.hostOnly = false;
    }
    cookie.path = path.isEmpty() ? defaultPath(url) : path;
    m_seen.insert(cookie.name);

    const auto same = std::find_if(m_cookies.begin(), m_cookies.end(), [&](const Cookie &c) {
        return c.name == cookie.name && c.domain == cookie.domain && c.path == cookie.path;
    });
    const bool expired = cookie.expires && *cookie.expires <= received;
    if (same != m_cookies.end()) {
        // Replaced where it was: the old cookie's creation time orders it (RFC 6265 5.3 step 11).
        if (expired)
            m_cookies.erase(same);
        else
            *same = cookie;
    } else if (!expired) {
        m_cookies.append(cookie);
    }
    return true;
}

void CookieJar::storeAll(const QList<HttpHeader> &headers, const QUrl &url, const QDateTime &received)
{
    for (const HttpHeader &header : headers) {
        if (header.name.compare("Set-Cookie", Qt::CaseInsensitive) == 0)
            store(header.value, url, received);
    }
}

QByteArray CookieJar::cookieHeader(const QUrl &url, const QDateTime &now) const
{
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    const QString path = requestPath(url);
    const bool https = url.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0;
    QList<Cookie> sent;
    for (const Cookie &cookie : m_cookies) {
        const bool domainOk = cookie.hostOnly ? host == cookie.domain : domainMatches(host, cookie.domain);
        if (domainOk && pathMatches(path, cookie.path) && (!cookie.secure || https)
            && (!cookie.expires || *cookie.expires > now))
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
