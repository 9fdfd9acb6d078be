#include "cookietext.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab::CookieText {

namespace {

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::CookieText)
};

// A name as the server wrote it, its control characters escaped as the request editor writes them
// (a line feed in it would break the list of cookies), cut where a screen line would not hold it.
QString shownName(const QByteArray &name)
{
    constexpr qsizetype Longest = 60;
    QString text;
    for (const char c : name) {
        const auto u = uchar(c);
        if (u < 0x20 || u == 0x7f)
            text += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            text += QChar::fromLatin1(c);
    }
    return text.size() > Longest ? text.left(Longest - 1) + QChar(0x2026) : text;
}

QString sameSiteWords(CookieSameSite sameSite)
{
    switch (sameSite) {
    case CookieSameSite::Strict: return QStringLiteral("SameSite=Strict");
    case CookieSameSite::Lax: return QStringLiteral("SameSite=Lax");
    case CookieSameSite::None: return QStringLiteral("SameSite=None");
    case CookieSameSite::Unspecified: break;
    }
    return {};
}

} // namespace

QString refusal(const CookieVerdict &verdict, const QUrl &url)
{
    const Cookie &cookie = verdict.cookie;
    const QString host = url.host();
    switch (verdict.refusal) {
    case CookieRefusal::NoNameValue:
        return Words::tr("there is no “=” between a name and a value");
    case CookieRefusal::EmptyName:
        return Words::tr("its name is empty");
    case CookieRefusal::TooLarge:
        return Words::tr("its name and value take %1 bytes, more than the %2 a browser keeps")
            .arg(QLocale().toString(cookie.name.size() + cookie.value.size()),
                 QLocale().toString(CookieJar::MaxNameValueBytes));
    case CookieRefusal::ForeignDomain:
        return Words::tr("its Domain is not %1 nor a domain %1 belongs to").arg(host);
    case CookieRefusal::IpAddressDomain:
        return Words::tr("it names a Domain while the request went to the address %1").arg(host);
    case CookieRefusal::PublicSuffix:
        return Words::tr("its Domain is a public suffix, shared by many sites: a cookie there would reach all of them");
    case CookieRefusal::SecurePrefix:
        return Words::tr("a name starting with __Secure- needs the Secure attribute and an https:// page");
    case CookieRefusal::HostPrefix:
        return Words::tr("a name starting with __Host- needs Secure, an https:// page, Path=/ and no Domain");
    case CookieRefusal::ControlCharacter:
        return Words::tr("it holds a control character (a byte below 0x20 other than a tab, or 0x7F)");
    case CookieRefusal::SecureOverHttp:
        return Words::tr("it has the Secure attribute but came from an http:// page, not over TLS");
    case CookieRefusal::ShadowsSecure:
        return Words::tr("an http:// page may not replace or hide the Secure cookie of the same name kept for %1")
            .arg(cookie.domain);
    case CookieRefusal::SameSiteNoneWithoutSecure:
        return Words::tr("SameSite=None needs the Secure attribute");
    case CookieRefusal::None:
        break;
    }
    return {};
}

QString describe(const CookieVerdict &verdict, const QUrl &url)
{
    const Cookie &cookie = verdict.cookie;
    const QString name = cookie.name.isEmpty() ? Words::tr("(no name)") : shownName(cookie.name);
    if (!verdict.stored())
        return Words::tr("%1: refused: %2.").arg(name, refusal(verdict, url));
    if (verdict.deletes)
        return Words::tr("%1: deletes the cookie of this name, domain and path.").arg(name);
    QStringList parts;
    parts.append(cookie.hostOnly ? Words::tr("kept for %1 only").arg(cookie.domain)
                                 : Words::tr("kept for %1 and its sub-domains").arg(cookie.domain));
    parts.append(Words::tr("path %1").arg(cookie.path));
    if (cookie.secure)
        parts.append(Words::tr("https only"));
    if (cookie.httpOnly)
        parts.append(QStringLiteral("HttpOnly"));
    if (const QString sameSite = sameSiteWords(cookie.sameSite); !sameSite.isEmpty())
        parts.append(sameSite);
    parts.append(cookie.expires ? Words::tr("until %1").arg(QLocale().toString(cookie.expires->toUTC(), QLocale::ShortFormat) + QStringLiteral(" UTC"))
                                : Words::tr("until the chain of clicks ends"));
    return Words::tr("%1: %2.").arg(name, parts.join(QStringLiteral(", ")));
}

} // namespace SocketLab::CookieText
