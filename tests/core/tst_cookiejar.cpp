#include "http/cookiejar.h"
#include "http/httpresponseparser.h"

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
    QVERIFY(jar.store(setCookie, QUrl(setAt), m_now));
    QCOMPARE(jar.cookieHeader(QUrl(requestTo), m_now), expected);
}

void TestCookieJar::refused_data()
{
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("setAt");
    QTest::newRow("no equals sign") << QByteArray("flag; Path=/") << QStringLiteral("http://h/");
    QTest::newRow("no name") << QByteArray("=1") << QStringLiteral("http://h/");
    QTest::newRow("another site's domain") << QByteArray("a=1; Domain=example.org") << QStringLiteral("http://www.example.com/");
    QTest::newRow("a domain on an IP address") << QByteArray("a=1; Domain=0.0.1") << QStringLiteral("http://127.0.0.1/");
}

void TestCookieJar::refused()
{
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, setAt);
    CookieJar jar;
    QVERIFY(!jar.store(setCookie, QUrl(setAt), m_now));
    QVERIFY(jar.cookies().isEmpty());
}

void TestCookieJar::maxAgeAndExpiresDelete()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:8080/"));
    CookieJar jar;
    QVERIFY(jar.store("a=1; Path=/", url, m_now));
    QVERIFY(jar.store("b=2; Max-Age=60; Path=/", url, m_now));
    QVERIFY(jar.store("c=3; Expires=Sun, 06 Nov 2044 08:49:37 GMT; Path=/", url, m_now));
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray("a=1; b=2; c=3"));
    // Max-Age counts from the reply that set it.
    QCOMPARE(jar.cookieHeader(url, m_now.addSecs(61)), QByteArray("a=1; c=3"));
    // Max-Age wins over Expires, in either order.
    QVERIFY(jar.store("c=3; Max-Age=0; Expires=Sun, 06 Nov 2044 08:49:37 GMT; Path=/", url, m_now));
    QVERIFY(jar.store("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/", url, m_now));
    QCOMPARE(jar.cookieHeader(url, m_now), QByteArray("b=2"));
    QCOMPARE(jar.cookies().size(), 1);
    QVERIFY(jar.hasSeen("a"));
    QVERIFY(!jar.hasSeen("z"));
    // A deletion that names another path deletes nothing.
    QVERIFY(jar.store("b=; Max-Age=-1; Path=/other", url, m_now));
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
