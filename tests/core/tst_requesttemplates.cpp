#include "http/requesttemplates.h"

#include <QTest>

using namespace SocketLab;

class TestRequestTemplates : public QObject
{
    Q_OBJECT

private slots:
    void parseUrl_data();
    void parseUrl();
    void templates_data();
    void templates();
    void contentLength_data();
    void contentLength();
};

void TestRequestTemplates::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("notebook") << QStringLiteral("http://www.perdu.com/") << true << QStringLiteral("www.perdu.com") << 80 << QByteArray("/");
    QTest::newRow("no path") << QStringLiteral("http://www.perdu.com") << true << QStringLiteral("www.perdu.com") << 80 << QByteArray("/");
    QTest::newRow("port and path") << QStringLiteral("http://127.0.0.1:8080/a") << true << QStringLiteral("127.0.0.1") << 8080 << QByteArray("/a");
    QTest::newRow("query kept") << QStringLiteral("http://h/p?x=1&y=%20") << true << QStringLiteral("h") << 80 << QByteArray("/p?x=1&y=%20");
    QTest::newRow("IPv6") << QStringLiteral("http://[::1]:81/") << true << QStringLiteral("::1") << 81 << QByteArray("/");
    QTest::newRow("https default port") << QStringLiteral("https://example.org/") << true << QStringLiteral("example.org") << 443 << QByteArray("/");
    QTest::newRow("spaces trimmed") << QStringLiteral("  http://h/  ") << true << QStringLiteral("h") << 80 << QByteArray("/");
    QTest::newRow("not a URL") << QStringLiteral("www.perdu.com") << false << QString() << 0 << QByteArray();
    QTest::newRow("other scheme") << QStringLiteral("ftp://h/") << false << QString() << 0 << QByteArray();
}

void TestRequestTemplates::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    const auto parsed = parseHttpUrl(url);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QTEST(parsed->host, "host");
    QTEST(int(parsed->port), "port");
    QTEST(parsed->path, "path");
}

void TestRequestTemplates::templates_data()
{
    QTest::addColumn<RequestTemplate>("kind");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("HTTP/1.0, the notebook's first request")
        << RequestTemplate::Http10Get << QByteArray("www.perdu.com") << QByteArray() << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("HTTP/1.1, the notebook's second request")
        << RequestTemplate::Http11Get << QByteArray("www.perdu.com") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n");
    QTest::newRow("HEAD") << RequestTemplate::Http11Head << QByteArray("h:8080") << QByteArray()
                          << QByteArray("HEAD / HTTP/1.1\r\nHost: h:8080\r\nConnection: close\r\n\r\n");
    QTest::newRow("POST") << RequestTemplate::Http11Post << QByteArray("h") << QByteArray("a=1")
                          << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                        "Content-Length: 3\r\nConnection: close\r\n\r\na=1");
}

void TestRequestTemplates::templates()
{
    QFETCH(RequestTemplate, kind);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, body);
    QTEST(makeRequest(kind, host, "/", body), "expected");
}

void TestRequestTemplates::contentLength_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("grown body") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nhello")
                                << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
    QTest::newRow("emptied body") << QByteArray("POST / HTTP/1.1\r\ncontent-length:12\r\nX: y\r\n\r\n")
                                  << QByteArray("POST / HTTP/1.1\r\ncontent-length: 0\r\nX: y\r\n\r\n");
    QTest::newRow("bare LF request") << QByteArray("POST / HTTP/1.1\nContent-Length: 1\n\nabc")
                                     << QByteArray("POST / HTTP/1.1\nContent-Length: 3\n\nabc");
    QTest::newRow("no header: unchanged") << QByteArray("GET / HTTP/1.0\r\n\r\nxyz") << QByteArray("GET / HTTP/1.0\r\n\r\nxyz");
    QTest::newRow("no blank line: unchanged") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\n")
                                              << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\n");
    QTest::newRow("CRLF head, a body holding CRLFCRLF")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\nab\r\n\r\ncd")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 8\r\n\r\nab\r\n\r\ncd");
    QTest::newRow("bare LF head, a body holding CRLFCRLF")
        << QByteArray("POST / HTTP/1.1\nContent-Length: 1\n\nab\r\n\r\ncd")
        << QByteArray("POST / HTTP/1.1\nContent-Length: 8\n\nab\r\n\r\ncd");
    QTest::newRow("bare LF head, a body holding LFLF and a Content-Length line")
        << QByteArray("POST / HTTP/1.1\nHost: h\ncontent-length: 0\n\nx\n\nContent-Length: 1")
        << QByteArray("POST / HTTP/1.1\nHost: h\ncontent-length: 20\n\nx\n\nContent-Length: 1");
    QTest::newRow("a line without a colon named Content-Length frames nothing")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length\r\nContent-Length: 9\r\n\r\nab")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length\r\nContent-Length: 2\r\n\r\nab");
    QTest::newRow("header in the body is not touched")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\n\r\nContent-Length: 9") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\n\r\nContent-Length: 9");
}

void TestRequestTemplates::contentLength()
{
    QFETCH(QByteArray, request);
    QTEST(withContentLengthUpdated(request), "expected");
}

QTEST_GUILESS_MAIN(TestRequestTemplates)
#include "tst_requesttemplates.moc"
