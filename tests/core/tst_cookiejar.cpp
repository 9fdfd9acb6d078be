#include "http/cookiejar.h"
#include "http/httpresponseparser.h"
#include "text/cookietext.h"

#include <QTest>

using namespace SocketLab;
using namespace Qt::StringLiterals;

class TestCookieJar : public QObject
{
    Q_OBJECT

private slots:
    void dates_data();
    void dates();
    void sentWhereTheyBelong_data();
    void sentWhereTheyBelong();
    void refused_data();
    void refused();
    void refusalsAreSaid();
    void publicSuffixOfTheHostItselfIsHostOnly();
    void prefixesKeptWhenTheirRulesHold();
    void httpOnlyAndSameSiteKept();
    void sizeLimits();
    void oldestEvictedPerSite();
    void oldestEvictedInAll();
    void maxAgeAndExpiresDelete();
    void sameNameDomainAndPathReplaces();
    void longerPathsFirst();
    void storeAllReadsSetCookieHeadersOnly();
    void controlCharactersRefuseTheWholeCookie_data();
    void controlCharactersRefuseTheWholeCookie();
    void secureCookiesComeOverTlsOnly();
    void httpMayNotShadowASecureCookie();
    void sameSiteWhenSending_data();
    void sameSiteWhenSending();
    void sites_data();
    void sites();

private:
    const QDateTime m_now = QDateTime(QDate(2026, 12, 5), QTime(21, 0), Qt::UTC);
};

void TestCookieJar::dates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime nov1994(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << nov1994;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << nov1994;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << nov1994;
    QTest::newRow("two-digit year after 2000") << QByteArray("Wed, 09 Jun 21 10:18:14 GMT")
                                               << QDateTime(QDate(2021, 6, 9), QTime(10, 18, 14), Qt::UTC);
    QTest::newRow("no time") << QByteArray("Sun, 06 Nov 1994") << QDateTime();
    QTest::newRow("31 February") << QByteArray("31 Feb 2020 00:00:00") << QDateTime();
    QTest::newRow("hour 24") << QByteArray("06 Nov 1994 24:00:00") << QDateTime();
    QTest::newRow("words") << QByteArray("tomorrow") << QDateTime();
}

void TestCookieJar::dates()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> parsed = CookieJar::parseCookieDate(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

void TestCookieJar::sentWhereTheyBelong_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("setAt");
    QTest::addColumn<QString>("requestTo");
    QTest::addColumn<QByteArray>("expected");
    const QString page = QStringLiteral("http://www.example.com/shop/cart");
    QTest::newRow("host-only, same host") << QByteArray("a=1") << page << QStringLiteral("http://www.example.com/shop/x") << QByteArray("a=1");
    QTest::newRow("host-only, sub-domain") << QByteArray("a=1") << page << QStringLiteral("http://a.www.example.com/shop/") << QByteArray();
    QTest::newRow("default path is the directory") << QByteArray("a=1") << page << QStringLiteral("http://www.example.com/") << QByteArray();
    QTest::newRow("default path, the directory itself") << QByteArray("a=1") << page << QStringLiteral("http://www.example.com/shop") << QByteArray("a=1");
    QTest::newRow("path matches at a slash only") << QByteArray("a=1; Path=/shop") << page << QStringLiteral("http://www.example.com/shopping") << QByteArray();
    QTest::newRow("Path=/ everywhere") << QByteArray("a=1; Path=/") << page << QStringLiteral("http://www.example.com/x?q") << QByteArray("a=1");
    QTest::newRow("Domain: sub-domains too") << QByteArray("a=1; Domain=.example.com; Path=/") << page << QStringLiteral("http://img.example.com/") << QByteArray("a=1");
    QTest::newRow("Domain: not another site") << QByteArray("a=1; Domain=example.com; Path=/") << page << QStringLiteral("http://example.org/") << QByteArray();
    const QString securePage = QStringLiteral("https://www.example.com/shop/cart");
    QTest::newRow("Secure, sent over http") << QByteArray("a=1; Secure; Path=/") << securePage << QStringLiteral("http://www.example.com/") << QByteArray();
    QTest::newRow("Secure, sent over https") << QByteArray("a=1; Secure; Path=/") << securePage << QStringLiteral("https://www.example.com/") << QByteArray("a=1");
    QTest::newRow("blanks trimmed, case of attributes") << QByteArray(" a = 1 ; pATh=/ ; HttpOnly") << page << QStringLiteral("http://www.example.com/") << QByteArray("a=1");
    QTest::newRow("any port") << QByteArray("a=1; Path=/") << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://127.0.0.1:9090/") << QByteArray("a=1");
    QTest::newRow("empty value") << QByteArray("a=; Path=/") << page << QStringLiteral("http://www.example.com/") << QByteArray("a=");
}

void TestCookieJar::sentWhereTheyBelong()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, setAt);
    QFETCH(QString, requestTo);
    QFETCH(QByteArray, expected);
    CookieJar jar;
    QVERIFY(jar.store(setCookie, QUrl(setAt), m_now).stored());
    QCOMPARE(jar.cookieHeader(QUrl(requestTo), m_now), expected);
}

void TestCookieJar::refused_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("setAt");
    QTest::addColumn<int>("refusal");
    const auto r = [](CookieRefusal refusal) { return int(refusal); };
    QTest::newRow("no equals sign") << QByteArray("flag; Path=/") << QStringLiteral("http://h/") << r(CookieRefusal::NoNameValue);
    QTest::newRow("no name") << QByteArray("=1") << QStringLiteral("http://h/") << r(CookieRefusal::EmptyName);
    QTest::newRow("another site's domain") << QByteArray("a=1; Domain=example.org") << QStringLiteral("http://www.example.com/")
                                           << r(CookieRefusal::ForeignDomain);
    QTest::newRow("a domain on an IP address") << QByteArray("a=1; Domain=0.0.1") << QStringLiteral("http://127.0.0.1/")
                                               << r(CookieRefusal::IpAddressDomain);
    QTest::newRow("public suffix com") << QByteArray("a=1; Domain=com") << QStringLiteral("http://www.example.com/")
                                       << r(CookieRefusal::PublicSuffix);
    QTest::newRow("public suffix co.uk") << QByteArray("a=1; Domain=.co.uk") << QStringLiteral("http://shop.example.co.uk/")
                                         << r(CookieRefusal::PublicSuffix);
    QTest::newRow("public suffix github.io") << QByteArray("a=1; Domain=github.io") << QStringLiteral("https://me.github.io/")
                                             << r(CookieRefusal::PublicSuffix);
    QTest::newRow("4097 bytes") << "n=" + QByteArray(4096 - 1, 'v') + "w" << QStringLiteral("http://h/") << r(CookieRefusal::TooLarge);
    QTest::newRow("__Secure- without Secure") << QByteArray("__Secure-a=1") << QStringLiteral("https://h/")
                                              << r(CookieRefusal::SecurePrefix);
    QTest::newRow("__Secure- over http") << QByteArray("__Secure-a=1; Secure") << QStringLiteral("http://h/")
                                         << r(CookieRefusal::SecurePrefix);
    QTest::newRow("__secure- in any case") << QByteArray("__SECURE-a=1") << QStringLiteral("https://h/")
                                           << r(CookieRefusal::SecurePrefix);
    QTest::newRow("__Host- with a Domain") << QByteArray("__Host-a=1; Secure; Path=/; Domain=example.com")
                                           << QStringLiteral("https://www.example.com/") << r(CookieRefusal::HostPrefix);
    QTest::newRow("__Host- without Path=/") << QByteArray("__Host-a=1; Secure") << QStringLiteral("https://h/dir/page")
                                            << r(CookieRefusal::HostPrefix);
    QTest::newRow("__Host- with another path") << QByteArray("__Host-a=1; Secure; Path=/dir") << QStringLiteral("https://h/")
                                               << r(CookieRefusal::HostPrefix);
    QTest::newRow("__Host- over http") << QByteArray("__Host-a=1; Secure; Path=/") << QStringLiteral("http://h/")
                                       << r(CookieRefusal::HostPrefix);
    QTest::newRow("Secure set over http") << QByteArray("a=1; Secure; Path=/") << QStringLiteral("http://www.example.com/")
                                          << r(CookieRefusal::SecureOverHttp);
    QTest::newRow("secure in any case, over http") << QByteArray("a=1; sEcUrE") << QStringLiteral("http://127.0.0.1:8080/")
                                                   << r(CookieRefusal::SecureOverHttp);
    QTest::newRow("SameSite=None without Secure") << QByteArray("a=1; SameSite=None") << QStringLiteral("https://h/")
                                                  << r(CookieRefusal::SameSiteNoneWithoutSecure);
    QTest::newRow("samesite=none without Secure, over http") << QByteArray("a=1; samesite=none") << QStringLiteral("http://h/")
                                                             << r(CookieRefusal::SameSiteNoneWithoutSecure);
}

void TestCookieJar::refused()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, setAt);
    QFETCH(int, refusal);
    CookieJar jar;
    QCOMPARE(jar.store(setCookie, QUrl(setAt), m_now).refusal, CookieRefusal(refusal));
    QVERIFY(jar.cookies().isEmpty());
}

void TestCookieJar::refusalsAreSaid()
{
    // Every refusal has its own sentence, and it names what the person can check.
    const QUrl url(QStringLiteral("http://www.example.com/"));
    QSet<QString> sentences;
    for (CookieRefusal refusal : {CookieRefusal::NoNameValue, CookieRefusal::EmptyName, CookieRefusal::TooLarge,
                                  CookieRefusal::ForeignDomain, CookieRefusal::IpAddressDomain,
                                  CookieRefusal::PublicSuffix, CookieRefusal::SecurePrefix, CookieRefusal::HostPrefix,
                                  CookieRefusal::ControlCharacter, CookieRefusal::SecureOverHttp,
                                  CookieRefusal::ShadowsSecure, CookieRefusal::SameSiteNoneWithoutSecure}) {
        CookieVerdict verdict;
        verdict.cookie.name = "a";
        verdict.refusal = refusal;
        const QString sentence = CookieText::refusal(verdict, url);
        QVERIFY2(!sentence.isEmpty(), qPrintable(QString::number(int(refusal))));
        sentences.insert(sentence);
        QVERIFY(CookieText::describe(verdict, url).startsWith(QStringLiteral("a: refused: ")));
    }
    QCOMPARE(sentences.size(), 12);
    const CookieVerdict foreign = CookieJar::read("a=1; Domain=example.org", url, m_now);
    QVERIFY(CookieText::refusal(foreign, url).contains(QStringLiteral("www.example.com")));
}

void TestCookieJar::publicSuffixOfTheHostItselfIsHostOnly()
{
    // RFC 6265 5.3 step 5: a Domain that is a public suffix and the host itself makes a host-only cookie.
    CookieJar jar;
    const CookieVerdict verdict = jar.store("a=1; Domain=github.io; Path=/", QUrl(QStringLiteral("https://github.io/")), m_now);
    QVERIFY(verdict.stored());
    QVERIFY(verdict.cookie.hostOnly);
    QCOMPARE(jar.cookieHeader(QUrl(QStringLiteral("https://github.io/")), m_now), QByteArray("a=1"));
    QCOMPARE(jar.cookieHeader(QUrl(QStringLiteral("https://me.github.io/")), m_now), QByteArray());
    // A registrable domain is not a suffix; a lab host with no dot is not one either.
    QVERIFY(jar.store("b=2; Domain=example.co.uk", QUrl(QStringLiteral("http://shop.example.co.uk/")), m_now).stored());
    QVERIFY(jar.store("c=3; Domain=localhost", QUrl(QStringLiteral("http://localhost/")), m_now).stored());
}

void TestCookieJar::prefixesKeptWhenTheirRulesHold()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("https://www.example.com/dir/page"));
    QVERIFY(jar.store("__Secure-a=1; Secure; Domain=example.com", url, m_now).stored());
    QVERIFY(jar.store("__Host-b=2; Secure; Path=/", url, m_now).stored());
    QCOMPARE(jar.cookieHeader(QUrl(QStringLiteral("https://www.example.com/dir/")), m_now), QByteArray("__Secure-a=1; __Host-b=2"));
}

void TestCookieJar::httpOnlyAndSameSiteKept()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/"));
    QVERIFY(jar.store("a=1; HttpOnly; SameSite=strict", url, m_now).stored());
    QVERIFY(jar.store("b=2; samesite=Lax", url, m_now).stored());
    QVERIFY(jar.store("c=3; SameSite=None; Secure", QUrl(QStringLiteral("https://h/")), m_now).stored());
    QVERIFY(jar.store("d=4; SameSite=sometimes", url, m_now).stored());
    const QList<Cookie> cookies = jar.cookies();
    QCOMPARE(cookies.size(), 4);
    QVERIFY(cookies.at(0).httpOnly);
    QCOMPARE(cookies.at(0).sameSite, CookieSameSite::Strict);
    QVERIFY(!cookies.at(1).httpOnly);
    QCOMPARE(cookies.at(1).sameSite, CookieSameSite::Lax);
    QCOMPARE(cookies.at(2).sameSite, CookieSameSite::None);
    QCOMPARE(cookies.at(3).sameSite, CookieSameSite::Unspecified);
    // Shown with the cookie.
    const QString line = CookieText::describe(CookieJar::read("a=1; HttpOnly; SameSite=Lax; Path=/", url, m_now), url);
    QVERIFY2(line.contains(QStringLiteral("HttpOnly")) && line.contains(QStringLiteral("SameSite=Lax")), qPrintable(line));
}

void TestCookieJar::sizeLimits()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("http://h/"));
    // 4096 bytes of name and value together are kept.
    QVERIFY(jar.store("n=" + QByteArray(4095, 'v'), url, m_now).stored());
    // An attribute value over 1024 bytes is ignored, not the cookie.
    const CookieVerdict longPath = jar.store("p=1; Path=/" + QByteArray(1024, 'x'), url, m_now);
    QVERIFY(longPath.stored());
    QCOMPARE(longPath.cookie.path, QStringLiteral("/"));
    const CookieVerdict justFits = jar.store("q=1; Path=/" + QByteArray(1023, 'x'), url, m_now);
    QCOMPARE(justFits.cookie.path.size(), 1024);
}

void TestCookieJar::oldestEvictedPerSite()
{
    CookieJar jar;
    const QUrl www(QStringLiteral("http://www.example.com/"));
    const QUrl img(QStringLiteral("http://img.example.com/"));
    jar.store("other=1", QUrl(QStringLiteral("http://example.org/")), m_now);
    // An expired-by-now cookie of the site goes before the oldest live one.
    jar.store("soon=1; Max-Age=10", www, m_now);
    for (int i = 0; i < CookieJar::MaxCookiesPerSite - 1; ++i)
        jar.store(QByteArray("c") + QByteArray::number(i) + "=1", i % 2 ? www : img, m_now);
    QCOMPARE(jar.cookies().size(), CookieJar::MaxCookiesPerSite + 1);
    const QDateTime later = m_now.addSecs(60);
    jar.store("new=1", www, later);
    QCOMPARE(jar.cookies().size(), CookieJar::MaxCookiesPerSite + 1);
    QCOMPARE(jar.cookies().at(1).name, QByteArray("c0"));
    jar.store("newer=1", img, later);
    // The site's oldest, counting its sub-domains together; the other site keeps its cookie.
    QCOMPARE(jar.cookies().first().name, QByteArray("other"));
    QCOMPARE(jar.cookies().at(1).name, QByteArray("c1"));
    QCOMPARE(jar.cookies().last().name, QByteArray("newer"));
}

void TestCookieJar::oldestEvictedInAll()
{
    CookieJar jar;
    for (int i = 0; i < CookieJar::MaxCookies; ++i)
        jar.store("a=1", QUrl(QStringLiteral("http://h%1.example/").arg(i)), m_now);
    QCOMPARE(jar.cookies().size(), CookieJar::MaxCookies);
    jar.store("a=1", QUrl(QStringLiteral("http://last.example/")), m_now);
    QCOMPARE(jar.cookies().size(), CookieJar::MaxCookies);
    QCOMPARE(jar.cookies().first().domain, QStringLiteral("h1.example"));
    QCOMPARE(jar.cookies().last().domain, QStringLiteral("last.example"));
}

void TestCookieJar::maxAgeAndExpiresDelete()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:8080/"));
    CookieJar jar;
    QVERIFY(jar.store("a=1; Path=/", url, m_now).stored());
    QVERIFY(jar.store("b=2; Max-Age=60; Path=/", url, m_now).stored());
    QVERIFY(jar.store("c=3; Expires=Sun, 06 Nov 2044 08:49:37 GMT; Path=/", url, m_now).stored());
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray("a=1; b=2; c=3"));
    // Max-Age counts from the reply that set it.
    QCOMPARE(jar.cookieHeader(url, m_now.addSecs(61)), QByteArray("a=1; c=3"));
    // Max-Age wins over Expires, in either order.
    QVERIFY(jar.store("c=3; Max-Age=0; Expires=Sun, 06 Nov 2044 08:49:37 GMT; Path=/", url, m_now).stored());
    QVERIFY(jar.store("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/", url, m_now).stored());
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray("b=2"));
    QCOMPARE(jar.cookies().size(), 1);
    QVERIFY(jar.hasSeen("a"));
    QVERIFY(!jar.hasSeen("z"));
    // A deletion that names another path deletes nothing.
    QVERIFY(jar.store("b=; Max-Age=-1; Path=/other", url, m_now).stored());
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray("b=2"));
}

void TestCookieJar::sameNameDomainAndPathReplaces()
{
    const QUrl url(QStringLiteral("http://h/"));
    CookieJar jar;
    jar.store("a=1; Path=/", url, m_now);
    jar.store("b=2; Path=/", url, m_now);
    jar.store("a=3; Path=/", url, m_now);
    // Replaced where it was: the first set is still sent first.
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray("a=3; b=2"));
}

void TestCookieJar::longerPathsFirst()
{
    CookieJar jar;
    jar.store("short=1; Path=/", QUrl(QStringLiteral("http://h/")), m_now);
    jar.store("long=2; Path=/a/b", QUrl(QStringLiteral("http://h/")), m_now);
    QCOMPARE(jar.cookieHeader(QUrl(QStringLiteral("http://h/a/b/c")), m_now), QByteArray("long=2; short=1"));
}

void TestCookieJar::storeAllReadsSetCookieHeadersOnly()
{
    HttpResponseParser parser;
    parser.feed("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX-Set-Cookie: b=2\r\nset-cookie: c=3\r\nContent-Length: 0\r\n\r\n");
    CookieJar jar;
    jar.storeAll(parser.headers(), QUrl(QStringLiteral("http://h/")), m_now);
    QCOMPARE(jar.cookieHeader(QUrl(QStringLiteral("http://h/")), m_now), QByteArray("a=1; c=3"));
}

void TestCookieJar::controlCharactersRefuseTheWholeCookie_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QByteArray>("shownName");
    QTest::newRow("NUL in the value") << QByteArray("a=1\0; Path=/", 12) << QByteArray("a");
    QTest::newRow("NUL cutting Secure off") << QByteArray("a=1\0; Secure", 12) << QByteArray("a");
    QTest::newRow("CR in the value") << QByteArray("a=x\ry") << QByteArray("a");
    QTest::newRow("LF in the name") << QByteArray("a\nb=1") << QByteArray("a\\x0ab");
    QTest::newRow("0x01 in the name") << QByteArray("\x01" "a=1") << QByteArray("\\x01a");
    QTest::newRow("0x08 in the value") << QByteArray("a=\x08") << QByteArray("a");
    QTest::newRow("0x1F in the value") << QByteArray("a=x\x1fy") << QByteArray("a");
    QTest::newRow("DEL in the value") << QByteArray("a=x\x7f") << QByteArray("a");
    QTest::newRow("ESC in an attribute") << QByteArray("a=1; Path=/\x1b") << QByteArray("a");
}

void TestCookieJar::controlCharactersRefuseTheWholeCookie()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QByteArray, shownName);
    const QUrl url(QStringLiteral("http://h/"));
    CookieJar jar;
    const CookieVerdict verdict = jar.store(setCookie, url, m_now);
    QCOMPARE(verdict.refusal, CookieRefusal::ControlCharacter);
    QVERIFY(jar.cookies().isEmpty());
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray());
    // Said on one line, the character written as the request editor writes it.
    const QString line = CookieText::describe(verdict, url);
    QVERIFY2(line.startsWith(QString::fromLatin1(shownName) + QStringLiteral(": refused: ")), qPrintable(line));
    QVERIFY(!line.contains(QLatin1Char('\n')) && !line.contains(QLatin1Char('\r')));
}

void TestCookieJar::secureCookiesComeOverTlsOnly()
{
    const QUrl https(QStringLiteral("https://www.example.com/"));
    const QUrl http(QStringLiteral("http://www.example.com/"));
    CookieJar jar;
    // A tab is a blank, not a control character that refuses the cookie.
    QVERIFY(jar.store("s=1\t2; Secure; Path=/", https, m_now).stored());
    QCOMPARE(jar.store("t=1; Secure; Path=/", http, m_now).refusal, CookieRefusal::SecureOverHttp);
    QCOMPARE(jar.cookieHeader(https, m_now), QByteArray("s=1\t2"));
    QCOMPARE(jar.cookieHeader(http, m_now), QByteArray());
    QCOMPARE(jar.cookieHeader(http, m_now, {https, "GET"}), QByteArray());
}

void TestCookieJar::httpMayNotShadowASecureCookie()
{
    const QUrl https(QStringLiteral("https://www.example.com/"));
    const QUrl http(QStringLiteral("http://www.example.com/dir/page"));
    CookieJar jar;
    QVERIFY(jar.store("s=secret; Secure; Path=/; Domain=example.com", https, m_now).stored());
    // Over http: not the same cookie, not one of a longer path, not one of a sub-domain or of the
    // parent domain, and no deletion either.
    for (const QByteArray &setCookie : {QByteArray("s=evil; Path=/"), QByteArray("s=evil; Path=/dir"),
                                       QByteArray("s=evil; Path=/; Domain=example.com"), QByteArray("s=evil"),
                                       QByteArray("s=; Max-Age=0; Path=/; Domain=example.com")}) {
        const CookieVerdict verdict = jar.store(setCookie, http, m_now);
        QVERIFY2(verdict.refusal == CookieRefusal::ShadowsSecure, setCookie.constData());
        QVERIFY(CookieText::describe(verdict, http).contains(QStringLiteral("refused")));
    }
    QCOMPARE(jar.cookies().size(), 1);
    QCOMPARE(jar.cookieHeader(https, m_now), QByteArray("s=secret"));
    // Another name, a path the Secure one does not cover, or another site: kept.
    QVERIFY(jar.store("t=1; Path=/", http, m_now).stored());
    QVERIFY(jar.store("s=2; Path=/", QUrl(QStringLiteral("http://www.example.org/")), m_now).stored());
    // An https reply may replace it with a cookie that is not Secure.
    QVERIFY(jar.store("s=plain; Path=/; Domain=example.com", https, m_now).stored());
    QCOMPARE(jar.cookieHeader(http, m_now), QByteArray("s=plain; t=1"));
    // Once it is no longer Secure, http may replace it.
    QVERIFY(jar.store("s=again; Path=/; Domain=example.com", http, m_now).stored());
    // An expired Secure cookie protects nothing.
    CookieJar expired;
    QVERIFY(expired.store("s=1; Secure; Path=/; Max-Age=10", https, m_now).stored());
    QCOMPARE(expired.store("s=3; Path=/", QUrl(QStringLiteral("http://www.example.com/")), m_now.addSecs(5)).refusal,
             CookieRefusal::ShadowsSecure);
    QVERIFY(expired.store("s=3; Path=/", QUrl(QStringLiteral("http://www.example.com/")), m_now.addSecs(60)).stored());
}

void TestCookieJar::sameSiteWhenSending_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("setAt");
    QTest::addColumn<QString>("initiator");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("requestTo");
    QTest::addColumn<bool>("sent");
    const QString shop = QStringLiteral("http://www.shop.example/");
    const QString other = QStringLiteral("http://evil.example/");
    const QString sub = QStringLiteral("http://img.shop.example/");
    QTest::newRow("Strict, typed") << QByteArray("a=1; SameSite=Strict") << shop << QString() << QByteArray("GET") << shop << true;
    QTest::newRow("Strict, from the same host") << QByteArray("a=1; SameSite=Strict") << shop << shop << QByteArray("POST") << shop << true;
    QTest::newRow("Strict, from a sub-domain of the site") << QByteArray("a=1; SameSite=Strict") << shop << sub << QByteArray("GET") << shop << true;
    QTest::newRow("Strict, a link from another site") << QByteArray("a=1; SameSite=Strict") << shop << other << QByteArray("GET") << shop << false;
    QTest::newRow("Strict, from http to https: schemeful")
        << QByteArray("a=1; SameSite=Strict; Secure") << QStringLiteral("https://www.shop.example/") << shop << QByteArray("GET")
        << QStringLiteral("https://www.shop.example/") << false;
    QTest::newRow("Lax, a link from another site") << QByteArray("a=1; SameSite=Lax") << shop << other << QByteArray("GET") << shop << true;
    QTest::newRow("Lax, HEAD from another site") << QByteArray("a=1; SameSite=Lax") << shop << other << QByteArray("HEAD") << shop << true;
    QTest::newRow("Lax, a form posted from another site") << QByteArray("a=1; SameSite=Lax") << shop << other << QByteArray("POST") << shop << false;
    QTest::newRow("Lax, a PUT redirected from another site") << QByteArray("a=1; SameSite=Lax") << shop << other << QByteArray("PUT") << shop << false;
    QTest::newRow("Lax, a form posted on the site") << QByteArray("a=1; SameSite=Lax") << shop << sub << QByteArray("POST") << shop << true;
    QTest::newRow("no SameSite is Lax: GET from another site") << QByteArray("a=1") << shop << other << QByteArray("GET") << shop << true;
    QTest::newRow("no SameSite is Lax: POST from another site") << QByteArray("a=1") << shop << other << QByteArray("POST") << shop << false;
    QTest::newRow("unknown SameSite is Lax") << QByteArray("a=1; SameSite=Sometimes") << shop << other << QByteArray("POST") << shop << false;
    QTest::newRow("None and Secure, posted from another site")
        << QByteArray("a=1; SameSite=None; Secure") << QStringLiteral("https://www.shop.example/") << other << QByteArray("POST")
        << QStringLiteral("https://www.shop.example/") << true;
    QTest::newRow("Strict on an address, another port is the same site")
        << QByteArray("a=1; SameSite=Strict") << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://127.0.0.1:9090/")
        << QByteArray("POST") << QStringLiteral("http://127.0.0.1:8080/") << true;
    QTest::newRow("Strict, from another address")
        << QByteArray("a=1; SameSite=Strict") << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://127.0.0.2:8080/")
        << QByteArray("GET") << QStringLiteral("http://127.0.0.1:8080/") << false;
}

void TestCookieJar::sameSiteWhenSending()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, setAt);
    QFETCH(QString, initiator);
    QFETCH(QByteArray, method);
    QFETCH(QString, requestTo);
    QFETCH(bool, sent);
    CookieJar jar;
    QVERIFY(jar.store(setCookie + "; Path=/", QUrl(setAt), m_now).stored());
    QCOMPARE(jar.cookieHeader(QUrl(requestTo), m_now, {QUrl(initiator), method}), sent ? QByteArray("a=1") : QByteArray());
}

void TestCookieJar::sites_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("sub-domains of one registrable domain") << u"http://www.example.co.uk/"_s << u"http://shop.example.co.uk/x"_s << true;
    QTest::newRow("two registrable domains under a public suffix") << u"https://a.github.io/"_s << u"https://b.github.io/"_s << false;
    QTest::newRow("ports do not count") << u"http://example.com:8080/"_s << u"http://example.com/"_s << true;
    QTest::newRow("schemes do") << u"http://example.com/"_s << u"https://example.com/"_s << false;
    QTest::newRow("case does not") << u"http://WWW.Example.COM/"_s << u"http://example.com/"_s << true;
    QTest::newRow("localhost") << u"http://localhost:1/"_s << u"http://localhost:2/"_s << true;
    QTest::newRow("IPv6 addresses") << u"http://[::1]:1/"_s << u"http://[::2]:1/"_s << false;
}

void TestCookieJar::sites()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(CookieJar::sameSite(QUrl(a), QUrl(b)), same);
    QCOMPARE(CookieJar::sameSite(QUrl(b), QUrl(a)), same);
}

QTEST_GUILESS_MAIN(TestCookieJar)
#include "tst_cookiejar.moc"
