#include "servers/httprequesthead.h"

#include <QRegularExpression>
#include <QTest>

using namespace SocketLab;

class TestHttpRequestHead : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void headLength_data();
    void headLength();
    void headLengthResumesWhereItStopped();
    void blankPrefixLength_data();
    void blankPrefixLength();
    void headerLookupIgnoresCase();
};

void TestHttpRequestHead::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<qint64>("contentLength");

    QTest::newRow("notebook HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("GET") << QByteArray("/") << 0
                                       << false << qint64(0);
    QTest::newRow("notebook HTTP/1.1")
        << QByteArray("GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n") << QByteArray("GET")
        << QByteArray("/") << 1 << false << qint64(0);
    QTest::newRow("HTTP/1.1 keeps alive") << QByteArray("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("HEAD")
                                          << QByteArray("/big") << 1 << true << qint64(0);
    QTest::newRow("close among tokens, any case")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, CLOSE\r\n\r\n") << QByteArray("GET")
        << QByteArray("/") << 1 << false << qint64(0);
    QTest::newRow("HTTP/1.0 keep-alive still closes")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << QByteArray("GET") << QByteArray("/") << 0
        << false << qint64(0);
    QTest::newRow("query dropped from path") << QByteArray("GET /bytes/10?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
                                             << QByteArray("GET") << QByteArray("/bytes/10") << 1 << true << qint64(0);
    QTest::newRow("absolute form") << QByteArray("GET http://localhost:8080/chunked HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                   << QByteArray("GET") << QByteArray("/chunked") << 1 << true << qint64(0);
    QTest::newRow("bare LF lines") << QByteArray("GET /image.png HTTP/1.0\nUser-Agent: nc\n\n") << QByteArray("GET")
                                   << QByteArray("/image.png") << 0 << false << qint64(0);
    QTest::newRow("leading empty lines ignored") << QByteArray("\r\n\nGET / HTTP/1.0\r\n\r\n") << QByteArray("GET")
                                                 << QByteArray("/") << 0 << false << qint64(0);
    QTest::newRow("body length") << QByteArray("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n")
                                 << QByteArray("POST") << QByteArray("/form") << 1 << true << qint64(12);
    QTest::newRow("same length twice") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\n")
                                       << QByteArray("POST") << QByteArray("/") << 1 << true << qint64(3);
    QTest::newRow("blanks around value") << QByteArray("GET / HTTP/1.1\r\nHost:\t x \t\r\n\r\n") << QByteArray("GET")
                                         << QByteArray("/") << 1 << true << qint64(0);
}

void TestHttpRequestHead::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, minor);
    QFETCH(bool, keepAlive);
    QFETCH(qint64, contentLength);

    const HttpRequestHead::ParseResult result = HttpRequestHead::parse(input);
    QVERIFY2(result.ok(), result.reason.constData());
    QCOMPARE(result.head.method, method);
    QCOMPARE(result.head.path(), path);
    QCOMPARE(result.head.versionMajor, 1);
    QCOMPARE(result.head.versionMinor, minor);
    QCOMPARE(result.head.keepAlive(), keepAlive);
    QCOMPARE(result.head.contentLength, contentLength);
}

void TestHttpRequestHead::invalid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");

    QTest::newRow("nothing") << QByteArray("\r\n") << 400;
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two Host headers") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.0\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.0\r\n\r\n") << 400;
    QTest::newRow("method not a token") << QByteArray("G(T / HTTP/1.0\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET index.html HTTP/1.0\r\n\r\n") << 400;
    QTest::newRow("control in target") << QByteArray("GET /\x01 HTTP/1.0\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.0\r\nHost\r\n\r\n") << 400;
    QTest::newRow("blank before colon") << QByteArray("GET / HTTP/1.0\r\nHost : a\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.0\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.0\rA: b\r\n\r\n") << 400;
    QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.0\r\nA: b") + '\0' + QByteArray("c\r\n\r\n") << 400;
    QTest::newRow("length not a number") << QByteArray("GET / HTTP/1.0\r\nContent-Length: 1x\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray("GET / HTTP/1.0\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("two different lengths")
        << QByteArray("GET / HTTP/1.0\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
}

void TestHttpRequestHead::invalid()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);

    const HttpRequestHead::ParseResult result = HttpRequestHead::parse(input);
    QCOMPARE(result.status, status);
    QVERIFY(!result.ok());
    QVERIFY(!result.reason.isEmpty());
}

void TestHttpRequestHead::headLength_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("CRLF head, then more") << QByteArray("GET / HTTP/1.0\r\n\r\nGET /big") << qsizetype(18);
    QTest::newRow("no empty line yet") << QByteArray("GET / HTTP/1.0\r\nHost: x\r\n") << qsizetype(-1);
    QTest::newRow("half a terminator") << QByteArray("GET / HTTP/1.0\r\n\r") << qsizetype(-1);
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.0\n\nbody") << qsizetype(16);
    QTest::newRow("LF then CRLF") << QByteArray("GET / HTTP/1.0\nA: b\n\r\nx") << qsizetype(22);
    QTest::newRow("leading empty lines are no terminator") << QByteArray("\r\n\r\nGET / HTTP/1.0\r\n\r\n")
                                                           << qsizetype(22);
    QTest::newRow("only empty lines") << QByteArray("\r\n\r\n\n") << qsizetype(-1);
    QTest::newRow("empty") << QByteArray() << qsizetype(-1);
}

void TestHttpRequestHead::headLength()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, length);
    QCOMPARE(HttpRequestHead::headLength(input), length);
}

void TestHttpRequestHead::headLengthResumesWhereItStopped()
{
    // Bytes arriving one at a time: the search resumes 3 bytes before the previous end and still
    // finds a terminator split across arrivals.
    const QByteArray request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    qsizetype from = 0;
    for (qsizetype size = 1; size < request.size(); ++size) {
        QCOMPARE(HttpRequestHead::headLength(request.first(size), from), qsizetype(-1));
        from = qMax<qsizetype>(0, size - 3);
    }
    QCOMPARE(HttpRequestHead::headLength(request, from), request.size());
}

void TestHttpRequestHead::blankPrefixLength_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("none") << QByteArray("GET") << qsizetype(0);
    QTest::newRow("CRLF and LF") << QByteArray("\r\n\n\r\nGET") << qsizetype(5);
    QTest::newRow("lone CR waits") << QByteArray("\r\n\r") << qsizetype(2);
    QTest::newRow("empty") << QByteArray() << qsizetype(0);
}

void TestHttpRequestHead::blankPrefixLength()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, length);
    QCOMPARE(HttpRequestHead::blankPrefixLength(input), length);
}

void TestHttpRequestHead::headerLookupIgnoresCase()
{
    const auto result = HttpRequestHead::parse("GET / HTTP/1.1\r\nhOsT: example\r\nAccept: a, b\r\nAccept: c\r\n\r\n");
    QVERIFY(result.ok());
    QCOMPARE(result.head.value("HOST"), QByteArray("example"));
    QVERIFY(result.head.value("Missing").isNull());
    QVERIFY(result.head.hasToken("accept", "b"));
    QVERIFY(result.head.hasToken("Accept", "C"));
    QVERIFY(!result.head.hasToken("Accept", "d"));
    QCOMPARE(result.head.headers.size(), 3);
}

QTEST_GUILESS_MAIN(TestHttpRequestHead)
#include "tst_httprequesthead.moc"
