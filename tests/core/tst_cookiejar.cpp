#include "http/cookiejar.h"
#include "http/httpresponseparser.h"
#include "text/cookietext.h"

#include <QTest>

using namespace SocketLab;

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
    QTest::newRow("Secure over http") << QByteArray("a=1; Secure; Path=/") << page << QStringLiteral("http://www.example.com/") << QByteArray();
    QTest::newRow("Secure over https") << QByteArray("a=1; Secure; Path=/") << page << QStringLiteral("https://www.example.com/") << QByteArray("a=1");
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
                                  CookieRefusal::PublicSuffix, CookieRefusal::SecurePrefix, CookieRefusal::HostPrefix}) {
        CookieVerdict verdict;
        verdict.cookie.name = "a";
        verdict.refusal = refusal;
        const QString sentence = CookieText::refusal(verdict, url);
        QVERIFY2(!sentence.isEmpty(), qPrintable(QString::number(int(refusal))));
        sentences.insert(sentence);
        QVERIFY(CookieText::describe(verdict, url).startsWith(QStringLiteral("a: refused: ")));
    }
    QCOMPARE(sentences.size(), 8);
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
    QVERIFY(jar.store("c=3; SameSite=None; Secure", url, m_now).stored());
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

QTEST_GUILESS_MAIN(TestCookieJar)
#include "tst_cookiejar.moc"
