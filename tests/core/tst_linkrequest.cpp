#include "http/cookiejar.h"
#include "http/linkrequest.h"
#include "http/requesthead.h"

#include <QTest>

using namespace SocketLab;
using namespace Qt::StringLiterals;

class TestLinkRequest : public QObject
{
    Q_OBJECT

private slots:
    void requestedUrl_data();
    void requestedUrl();
    void links_data();
    void links();
    void targets_data();
    void targets();
    void cookies();
    void ownCookiesStayOnTheirServer();
    void sameSiteOfClicks();
    void originOverTlsIsHttps();
    void postForm();
    void getAfterPostDropsTheBody();
    void notHttpLinks();
    void redirects_data();
    void redirects();
    void baseHref_data();
    void baseHref();

private:
    const QDateTime m_now = QDateTime(QDate(2026, 12, 5), QTime(21, 0), Qt::UTC);
    const QByteArray m_notebook = "GET /dir/page.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: lab\r\nConnection: close\r\n\r\n";
};

void TestLinkRequest::requestedUrl_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Host header") << u"127.0.0.1"_s << 8080 << m_notebook << u"http://127.0.0.1:8080/dir/page.html?x=1"_s;
    QTest::newRow("virtual host") << u"127.0.0.1"_s << 8080 << QByteArray("GET / HTTP/1.1\r\nhost: www.perdu.com\r\n\r\n")
                                  << u"http://www.perdu.com/"_s;
    QTest::newRow("HTTP/1.0 without Host") << u"127.0.0.1"_s << 8080 << QByteArray("GET /a HTTP/1.0\r\n\r\n") << u"http://127.0.0.1:8080/a"_s;
    QTest::newRow("default port") << u"www.perdu.com"_s << 80 << QByteArray("GET / HTTP/1.0\n\n") << u"http://www.perdu.com/"_s;
    QTest::newRow("IPv6") << u"::1"_s << 8080 << QByteArray("GET /a HTTP/1.0\r\n\r\n") << u"http://[::1]:8080/a"_s;
    QTest::newRow("absolute form") << u"proxy"_s << 3128 << QByteArray("GET http://example.org/p HTTP/1.1\r\nHost: example.org\r\n\r\n")
                                   << u"http://example.org/p"_s;
    QTest::newRow("not HTTP") << u"127.0.0.1"_s << 7 << QByteArray("hello\n") << u"http://127.0.0.1:7/"_s;
}

void TestLinkRequest::requestedUrl()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QByteArray, request);
    QTEST(SocketLab::requestedUrl({host, quint16(port), request}).toString(QUrl::FullyEncoded), "expected");
}

void TestLinkRequest::links_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("request");
    const QByteArray rest = " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: lab\r\nConnection: close\r\n\r\n";
    QTest::newRow("absolute path") << u"/chunked"_s << u"http://127.0.0.1:8080/chunked"_s << "GET /chunked" + rest;
    QTest::newRow("relative path") << u"other.html"_s << u"http://127.0.0.1:8080/dir/other.html"_s << "GET /dir/other.html" + rest;
    QTest::newRow("parent") << u"../up"_s << u"http://127.0.0.1:8080/up"_s << "GET /up" + rest;
    QTest::newRow("query only") << u"?y=2"_s << u"http://127.0.0.1:8080/dir/page.html?y=2"_s << "GET /dir/page.html?y=2" + rest;
    QTest::newRow("fragment dropped") << u"/a#part"_s << u"http://127.0.0.1:8080/a"_s << "GET /a" + rest;
    QTest::newRow("percent-encoding kept") << u"/a%20b?q=%C3%A9"_s << u"http://127.0.0.1:8080/a%20b?q=%C3%A9"_s << "GET /a%20b?q=%C3%A9" + rest;
    QTest::newRow("absolute, same server") << u"http://127.0.0.1:8080/x"_s << u"http://127.0.0.1:8080/x"_s << "GET /x" + rest;
    QTest::newRow("other server") << u"http://www.perdu.com/"_s << u"http://www.perdu.com/"_s
                                  << QByteArray("GET / HTTP/1.1\r\nHost: www.perdu.com\r\nUser-Agent: lab\r\nConnection: close\r\n\r\n");
    QTest::newRow("scheme-relative") << u"//example.org:81/p"_s << u"http://example.org:81/p"_s
                                     << QByteArray("GET /p HTTP/1.1\r\nHost: example.org:81\r\nUser-Agent: lab\r\nConnection: close\r\n\r\n");
}

void TestLinkRequest::links()
{
    QFETCH(QString, link);
    const auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, m_notebook}, {QUrl(link)}, CookieJar(), m_now);
    QVERIFY(prepared);
    QTEST(prepared->url.toString(QUrl::FullyEncoded), "url");
    QTEST(prepared->request, "request");
}

void TestLinkRequest::targets_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("same server: the origin's target") << m_notebook << u"/b"_s << u"127.0.0.1"_s << 8080 << false << QByteArray();
    QTest::newRow("virtual host: still the origin's target")
        << QByteArray("GET / HTTP/1.1\r\nHost: www.perdu.com\r\n\r\n") << u"http://www.perdu.com/b"_s << u"127.0.0.1"_s << 8080 << false
        << QByteArray("GET /b HTTP/1.1\r\nHost: www.perdu.com\r\n\r\n");
    QTest::newRow("another server") << m_notebook << u"http://localhost:9000/"_s << u"localhost"_s << 9000 << false << QByteArray();
    QTest::newRow("https: port 443") << m_notebook << u"https://example.org/s"_s << u"example.org"_s << 443 << true
                                     << QByteArray("GET /s HTTP/1.1\r\nHost: example.org\r\nUser-Agent: lab\r\nConnection: close\r\n\r\n");
    QTest::newRow("HTTP/1.0 gets a Host, keeps its version and line ends")
        << QByteArray("GET / HTTP/1.0\n\n") << u"/b"_s << u"127.0.0.1"_s << 8080 << false
        << QByteArray("GET /b HTTP/1.0\nHost: 127.0.0.1:8080\n\n");
    QTest::newRow("folded header kept whole")
        << QByteArray("GET / HTTP/1.1\r\nX-Long: a\r\n b\r\nHost: h\r\n\r\n") << u"/c"_s << u"127.0.0.1"_s << 8080 << false
        << QByteArray("GET /c HTTP/1.1\r\nX-Long: a\r\n b\r\nHost: h\r\n\r\n");
    QTest::newRow("absolute form: the same proxy, absolute again")
        << QByteArray("GET http://example.org/p HTTP/1.1\r\nHost: example.org\r\n\r\n") << u"/q?x=1"_s << u"127.0.0.1"_s << 8080
        << false << QByteArray("GET http://example.org/q?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n");
    QTest::newRow("absolute form: another http server through the proxy")
        << QByteArray("GET http://example.org/p HTTP/1.1\r\nHost: example.org\r\n\r\n") << u"http://other.test:81/r"_s
        << u"127.0.0.1"_s << 8080 << false << QByteArray("GET http://other.test:81/r HTTP/1.1\r\nHost: other.test:81\r\n\r\n");
    QTest::newRow("absolute form: https goes to its server")
        << QByteArray("GET http://example.org/p HTTP/1.1\r\nHost: example.org\r\n\r\n") << u"https://example.org/s"_s
        << u"example.org"_s << 443 << true << QByteArray("GET /s HTTP/1.1\r\nHost: example.org\r\n\r\n");
    QTest::newRow("not HTTP: the template")
        << QByteArray("hello\n") << u"/x"_s << u"127.0.0.1"_s << 8080 << false
        << QByteArray("GET /x HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n");
}

void TestLinkRequest::targets()
{
    QFETCH(QByteArray, origin);
    QFETCH(QString, link);
    QFETCH(QByteArray, request);
    const auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, origin}, {QUrl(link)}, CookieJar(), m_now);
    QVERIFY(prepared);
    QTEST(prepared->host, "host");
    QTEST(int(prepared->port), "port");
    QTEST(prepared->tls, "tls");
    if (!request.isEmpty())
        QCOMPARE(prepared->request, request);
}

void TestLinkRequest::cookies()
{
    const QUrl site(u"http://127.0.0.1:8080/cookie"_s);
    CookieJar jar;
    jar.store("demo=chocolate; Path=/", site, m_now);
    jar.store("only=here; Path=/private", site, m_now);
    // Cookie lines of the origin are replaced by one line, where the first one was.
    const QByteArray origin = "GET /cookie HTTP/1.1\r\nCookie: demo=old\r\nHost: 127.0.0.1:8080\r\nCookie: x\r\n\r\n";
    auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, origin}, {QUrl(u"/links"_s)}, jar, m_now);
    QVERIFY(prepared);
    QCOMPARE(prepared->request, QByteArray("GET /links HTTP/1.1\r\nCookie: demo=chocolate; x\r\nHost: 127.0.0.1:8080\r\n\r\n"));

    // Without a Cookie line, one is added last; without cookies, none is.
    prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, m_notebook}, {QUrl(u"/private/a"_s)}, jar, m_now);
    QCOMPARE(prepared->request, QByteArray("GET /private/a HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: lab\r\n"
                                           "Connection: close\r\nCookie: only=here; demo=chocolate\r\n\r\n"));
    prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, m_notebook}, {QUrl(u"http://www.perdu.com/"_s)}, jar, m_now);
    QVERIFY(!prepared->request.contains("Cookie"));

    // A cookie the server deleted is not carried over from the origin's line.
    jar.store("demo=; Max-Age=0; Path=/", site, m_now);
    prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, origin}, {QUrl(u"/links"_s)}, jar, m_now);
    QCOMPARE(prepared->request, QByteArray("GET /links HTTP/1.1\r\nCookie: x\r\nHost: 127.0.0.1:8080\r\n\r\n"));
}

void TestLinkRequest::sameSiteOfClicks()
{
    CookieJar jar;
    jar.store("strict=1; SameSite=Strict; Path=/", QUrl(u"http://shop.example/"_s), m_now);
    jar.store("lax=2; SameSite=Lax; Path=/", QUrl(u"http://shop.example/"_s), m_now);
    const LinkOrigin shop{u"shop.example"_s, 80, "GET / HTTP/1.1\r\nHost: shop.example\r\n\r\n"};
    const LinkOrigin other{u"other.example"_s, 80, "GET / HTTP/1.1\r\nHost: other.example\r\n\r\n"};
    const LinkOrigin otherPost{u"other.example"_s, 80, "POST /go HTTP/1.1\r\nHost: other.example\r\nContent-Length: 1\r\n\r\nx"};
    const auto cookieOf = [&](const LinkOrigin &origin, const LinkClick &click) {
        const auto prepared = prepareLinkRequest(origin, click, jar, m_now);
        return prepared ? RequestHead::read(prepared->request).value("Cookie") : QByteArray("(none)");
    };
    // On the site: a link and a form carry both.
    QCOMPARE(cookieOf(shop, {QUrl(u"/cart"_s)}), QByteArray("strict=1; lax=2"));
    QCOMPARE(cookieOf(shop, {QUrl(u"/buy"_s), true, "item=1"}), QByteArray("strict=1; lax=2"));
    // From another site: a link carries the Lax one, a form posted carries none.
    QCOMPARE(cookieOf(other, {QUrl(u"http://shop.example/cart"_s)}), QByteArray("lax=2"));
    QCOMPARE(cookieOf(other, {QUrl(u"http://shop.example/buy"_s), true, "item=1"}), QByteArray());
    // A redirect from another site: a POST sent again (307) carries none, one turned into a GET
    // (303) the Lax one.
    LinkClick redirect{QUrl(u"http://shop.example/cart"_s)};
    redirect.redirectStatus = 307;
    QCOMPARE(cookieOf(otherPost, redirect), QByteArray());
    redirect.redirectStatus = 303;
    QCOMPARE(cookieOf(otherPost, redirect), QByteArray("lax=2"));
    // The https:// twin of the site is another site.
    const LinkOrigin shopTls{u"shop.example"_s, 443, "GET / HTTP/1.1\r\nHost: shop.example\r\n\r\n", true};
    QCOMPARE(cookieOf(shopTls, {QUrl(u"http://shop.example/cart"_s)}), QByteArray("lax=2"));
}

void TestLinkRequest::originOverTlsIsHttps()
{
    const LinkOrigin origin{u"127.0.0.1"_s, 8443, "GET /dir/a HTTP/1.1\r\nHost: localhost:8443\r\n\r\n", true};
    QCOMPARE(SocketLab::requestedUrl(origin), QUrl(u"https://localhost:8443/dir/a"_s));
    QCOMPARE(SocketLab::requestedUrl({u"h"_s, 443, "GET / HTTP/1.0\r\n\r\n", true}), QUrl(u"https://h/"_s));
    // A Secure cookie an https:// page set goes with its relative links, which stay on TLS.
    CookieJar jar;
    QVERIFY(jar.store("s=1; Secure; Path=/", SocketLab::requestedUrl(origin), m_now).stored());
    const auto prepared = prepareLinkRequest(origin, {QUrl(u"b"_s)}, jar, m_now);
    QVERIFY(prepared);
    QVERIFY(prepared->tls);
    QCOMPARE(prepared->url, QUrl(u"https://localhost:8443/dir/b"_s));
    QCOMPARE(prepared->request, QByteArray("GET /dir/b HTTP/1.1\r\nHost: localhost:8443\r\nCookie: s=1\r\n\r\n"));
}

void TestLinkRequest::ownCookiesStayOnTheirServer()
{
    const QByteArray origin = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nCookie: session=abc\r\n\r\n";
    auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, origin}, {QUrl(u"/next"_s)}, CookieJar(), m_now);
    QCOMPARE(prepared->request, QByteArray("GET /next HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nCookie: session=abc\r\n\r\n"));
    prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, origin}, {QUrl(u"http://127.0.0.1:9999/"_s)}, CookieJar(), m_now);
    QCOMPARE(prepared->request, QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:9999\r\n\r\n"));
}

void TestLinkRequest::postForm()
{
    const QByteArray origin = "GET /form HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n";
    LinkClick click{QUrl(u"login"_s), true, "user=ada&pass=x+y"};
    auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, origin}, click, CookieJar(), m_now);
    QVERIFY(prepared);
    QCOMPARE(prepared->request, QByteArray("POST /login HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                           "Connection: close\r\nContent-Length: 17\r\n\r\nuser=ada&pass=x+y"));
    // A request that is not HTTP gets the POST template, its length right.
    prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, "hello"}, click, CookieJar(), m_now);
    QCOMPARE(prepared->request, QByteArray("POST /login HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                           "Content-Length: 17\r\nConnection: close\r\n\r\nuser=ada&pass=x+y"));
}

void TestLinkRequest::getAfterPostDropsTheBody()
{
    const QByteArray origin = "POST /login HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                              "Content-Length: 3\r\nTransfer-Encoding: identity\r\n\r\na=1";
    const auto prepared = prepareLinkRequest({u"h"_s, 80, origin}, {QUrl(u"/home"_s)}, CookieJar(), m_now);
    QCOMPARE(prepared->request, QByteArray("GET /home HTTP/1.1\r\nHost: h\r\n\r\n"));
}

void TestLinkRequest::notHttpLinks()
{
    for (const QString &link : {u"mailto:a@b.c"_s, u"javascript:void(0)"_s, u"ftp://h/"_s, u"http://"_s}) {
        const auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, m_notebook}, {QUrl(link)}, CookieJar(), m_now);
        QVERIFY2(!prepared, qPrintable(link));
    }
}

void TestLinkRequest::redirects_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("request");
    const QByteArray post = "POST /form HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
    const QByteArray samePost = "POST /next HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
    const QByteArray get = "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
    QTest::newRow("307 after POST: POST again, same body") << post << 307 << samePost;
    QTest::newRow("308 after POST: POST again, same body") << post << 308 << samePost;
    QTest::newRow("301 after POST: GET") << post << 301 << get;
    QTest::newRow("302 after POST: GET") << post << 302 << get;
    QTest::newRow("303 after POST: GET") << post << 303 << get;
    const QByteArray chunkedPut = "PUT /form HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n3\r\nabc\r\n0\r\n\r\n";
    QTest::newRow("301 after PUT: PUT again, chunked body and LF line ends kept")
        << chunkedPut << 301 << QByteArray("PUT /next HTTP/1.1\nHost: h\nTransfer-Encoding: chunked\n\n3\r\nabc\r\n0\r\n\r\n");
    QTest::newRow("303 after PUT: GET") << chunkedPut << 303 << QByteArray("GET /next HTTP/1.1\nHost: h\n\n");
    QTest::newRow("303 after HEAD: HEAD") << QByteArray("HEAD /form HTTP/1.1\r\nHost: h\r\n\r\n") << 303
                                          << QByteArray("HEAD /next HTTP/1.1\r\nHost: h\r\n\r\n");
    QTest::newRow("201 Created after POST: a link like any other") << post << 201 << get;
    QTest::newRow("a link of the page after POST: GET") << post << 0 << get;
}

void TestLinkRequest::redirects()
{
    QFETCH(QByteArray, origin);
    QFETCH(int, status);
    LinkClick click;
    click.link = QUrl(u"/next"_s);
    click.redirectStatus = status;
    const auto prepared = prepareLinkRequest({u"h"_s, 80, origin}, click, CookieJar(), m_now);
    QVERIFY(prepared);
    QTEST(prepared->request, "request");
}

void TestLinkRequest::baseHref_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("url");
    QTest::newRow("no base: the page's directory") << QString() << u"a.html"_s << u"http://127.0.0.1:8080/dir/a.html"_s;
    QTest::newRow("absolute base") << u"http://127.0.0.1:8080/static/v2/"_s << u"a.html"_s << u"http://127.0.0.1:8080/static/v2/a.html"_s;
    QTest::newRow("relative base, against the page") << u"../other/"_s << u"a.html"_s << u"http://127.0.0.1:8080/other/a.html"_s;
    QTest::newRow("base on another server") << u"http://example.org/"_s << u"x?q=1"_s << u"http://example.org/x?q=1"_s;
    QTest::newRow("an absolute link ignores it") << u"/static/"_s << u"http://127.0.0.1:8080/abs"_s << u"http://127.0.0.1:8080/abs"_s;
    QTest::newRow("an empty link: the base itself") << u"/static/"_s << QString() << u"http://127.0.0.1:8080/static/"_s;
}

void TestLinkRequest::baseHref()
{
    QFETCH(QString, base);
    QFETCH(QString, link);
    LinkClick click;
    click.link = QUrl(link);
    click.base = QUrl(base);
    const auto prepared = prepareLinkRequest({u"127.0.0.1"_s, 8080, m_notebook}, click, CookieJar(), m_now);
    QVERIFY(prepared);
    QTEST(prepared->url.toString(QUrl::FullyEncoded), "url");
}

QTEST_GUILESS_MAIN(TestLinkRequest)
#include "tst_linkrequest.moc"
