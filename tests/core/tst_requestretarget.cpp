#include "http/requestretarget.h"

#include <QTest>

using namespace SocketLab;

using OptionalBytes = std::optional<QByteArray>;

class TestRequestRetarget : public QObject
{
    Q_OBJECT

private slots:
    void retarget_data();
    void retarget();
    void absoluteFormStaysAbsolute_data();
    void absoluteFormStaysAbsolute();
    void notARequest_data();
    void notARequest();
    void hostHeader_data();
    void hostHeader();
};

void TestRequestRetarget::retarget_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("edited GET keeps its path when none given")
        << QByteArray("GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n")
        << QByteArray("www.perdu.com") << QByteArray()
        << QByteArray("GET /big.bin HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n");
    QTest::newRow("a URL: path and Host, the rest byte for byte")
        << QByteArray("HEAD /big.bin HTTP/1.1\r\nAccept: */*\r\nhost:  old:81 \r\nX-Y: 1\r\n\r\n")
        << QByteArray("new.example") << QByteArray("/a?b=1")
        << QByteArray("HEAD /a?b=1 HTTP/1.1\r\nAccept: */*\r\nhost:  new.example \r\nX-Y: 1\r\n\r\n");
    QTest::newRow("POST body untouched, even a Host line in it")
        << QByteArray("POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\nHost: a\r\n")
        << QByteArray("b") << QByteArray("/x")
        << QByteArray("POST /x HTTP/1.1\r\nHost: b\r\nContent-Length: 9\r\n\r\nHost: a\r\n");
    QTest::newRow("only the first Host changes")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: c\r\n\r\n") << QByteArray("b") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\nHost: b\r\nHost: c\r\n\r\n");
    QTest::newRow("HTTP/1.0 without Host stays without")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("h") << QByteArray("/p")
        << QByteArray("GET /p HTTP/1.0\r\n\r\n");
    QTest::newRow("HTTP/1.1 without Host gets one, with its line ending")
        << QByteArray("GET / HTTP/1.1\nAccept: */*\n\n") << QByteArray("h:8080") << QByteArray("/p")
        << QByteArray("GET /p HTTP/1.1\nHost: h:8080\nAccept: */*\n\n");
    QTest::newRow("a line starting with a blank after the request line is not folded into Host")
        << QByteArray("GET / HTTP/1.1\r\n x\r\n y\r\nA: b\r\n\r\n") << QByteArray("h") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\n x\r\n y\r\nHost: h\r\nA: b\r\n\r\n");
    QTest::newRow("a head still being typed")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nAcc") << QByteArray("b") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\nHost: b\r\nAcc");
    QTest::newRow("empty Host value gets a space")
        << QByteArray("GET / HTTP/1.1\r\nHost:\r\n\r\n") << QByteArray("b") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\nHost: b\r\n\r\n");
    QTest::newRow("Host without a space keeps its spelling")
        << QByteArray("GET / HTTP/1.1\r\nHost:a\r\n\r\n") << QByteArray("[::1]:81") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\nHost:[::1]:81\r\n\r\n");
    QTest::newRow("a header that only starts like Host")
        << QByteArray("GET / HTTP/1.1\r\nHostile: a\r\nHost: a\r\n\r\n") << QByteArray("b") << QByteArray()
        << QByteArray("GET / HTTP/1.1\r\nHostile: a\r\nHost: b\r\n\r\n");
    QTest::newRow("a Host header after the blank line is body")
        << QByteArray("GET / HTTP/1.0\r\n\r\nHost: a\r\n") << QByteArray("b") << QByteArray()
        << QByteArray("GET / HTTP/1.0\r\n\r\nHost: a\r\n");
    QTest::newRow("any method, HTTP/2.0 counts as 1.1 or later")
        << QByteArray("PROPFIND * HTTP/2.0\r\n\r\n") << QByteArray("h") << QByteArray("/")
        << QByteArray("PROPFIND / HTTP/2.0\r\nHost: h\r\n\r\n");
}

void TestRequestRetarget::retarget()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, expected);
    QCOMPARE(retargetRequest(request, host, path), OptionalBytes(expected));
    QVERIFY(startsWithRequestLine(request));
}

void TestRequestRetarget::absoluteFormStaysAbsolute_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("expected");

    // What a person types to a proxy: the URL is the target, and a new URL replaces it whole.
    QTest::newRow("proxy request")
        << QByteArray("GET http://old.example:81/x?y HTTP/1.1\r\nHost: old.example:81\r\nConnection: close\r\n\r\n") << false
        << QByteArray("GET http://new.example:8080/a?b=1 HTTP/1.1\r\nHost: new.example:8080\r\nConnection: close\r\n\r\n");
    QTest::newRow("https URL") << QByteArray("GET http://old/ HTTP/1.1\nHost: old\n\n") << true
                               << QByteArray("GET https://new.example:8080/a?b=1 HTTP/1.1\nHost: new.example:8080\n\n");
    QTest::newRow("HTTP/1.0 without Host")
        << QByteArray("HEAD HTTP://old/ HTTP/1.0\r\n\r\n") << false << QByteArray("HEAD http://new.example:8080/a?b=1 HTTP/1.0\r\n\r\n");
    QTest::newRow("origin form stays origin form")
        << QByteArray("GET /x HTTP/1.0\r\n\r\n") << false << QByteArray("GET /a?b=1 HTTP/1.0\r\n\r\n");
}

void TestRequestRetarget::absoluteFormStaysAbsolute()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, tls);
    QFETCH(QByteArray, expected);
    QCOMPARE(retargetRequest(request, "new.example:8080", "/a?b=1", tls), OptionalBytes(expected));
    // Without a new path (the host typed, not a URL), the target is left as typed.
    QVERIFY(retargetRequest(request, "new.example:8080")->startsWith(request.first(request.indexOf(" HTTP/"))));
}

void TestRequestRetarget::notARequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("raw payload") << QByteArray("hello\n");
    QTest::newRow("no line end yet") << QByteArray("GET / HTTP/1.1");
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n");
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n\r\n");
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n");
    QTest::newRow("space in the target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n");
    QTest::newRow("leading blank line") << QByteArray("\r\nGET / HTTP/1.1\r\n\r\n");
    QTest::newRow("method with a slash") << QByteArray("GE/T / HTTP/1.1\r\n\r\n");
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x00\xa5\n", 6);
}

void TestRequestRetarget::notARequest()
{
    QFETCH(QByteArray, request);
    QCOMPARE(retargetRequest(request, "h", "/"), OptionalBytes());
    QCOMPARE(requestHostHeader(request), OptionalBytes());
    QVERIFY(!startsWithRequestLine(request));
}

void TestRequestRetarget::hostHeader_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<OptionalBytes>("expected");
    QTest::newRow("template") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n")
                              << OptionalBytes("127.0.0.1:8080");
    QTest::newRow("any case, blanks around") << QByteArray("GET / HTTP/1.1\nHOST: \t a \n\n") << OptionalBytes("a");
    QTest::newRow("none") << QByteArray("GET / HTTP/1.0\r\n\r\n") << OptionalBytes();
    QTest::newRow("empty") << QByteArray("GET / HTTP/1.1\r\nHost:\r\n\r\n") << OptionalBytes("");
}

void TestRequestRetarget::hostHeader()
{
    QFETCH(QByteArray, request);
    QFETCH(OptionalBytes, expected);
    QCOMPARE(requestHostHeader(request), expected);
}

QTEST_APPLESS_MAIN(TestRequestRetarget)
#include "tst_requestretarget.moc"
