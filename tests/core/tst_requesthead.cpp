#include "http/requesthead.h"
#include "servers/httpdemosite.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace SocketLab;
using Kind = RequestHead::DeviationKind;

Q_DECLARE_METATYPE(SocketLab::RequestHead::DeviationKind)

namespace {

// Everything read() says about a head, as one text two reads can be compared by.
QByteArray summary(const RequestHead &head)
{
    QByteArray out = head.method + '|' + head.target + '|' + head.version + '|' + head.lineEnd.toHex() + '|'
                     + QByteArray::number(head.length) + '|' + QByteArray::number(head.contentLength);
    for (const RequestHead::Header &header : head.headers) {
        out += '\n' + header.name + ": " + header.value + " @" + QByteArray::number(header.line.start) + '+'
               + QByteArray::number(header.line.size);
    }
    for (const RequestHead::Deviation &deviation : head.deviations)
        out += "\n!" + QByteArray::number(int(deviation.kind)) + '@' + QByteArray::number(deviation.offset);
    return out;
}

// What the demo server does with the bytes as they arrive in pieces: the head it reads once
// headLength() finds its end, searching from where it stopped, as ListenerWorker does.
QByteArray readInPieces(const QByteArray &input, const QList<qsizetype> &cuts)
{
    QByteArray buffer;
    qsizetype searchedUpTo = 0;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        buffer += input.mid(from, cut - from);
        from = cut;
        const qsizetype length = RequestHead::headLength(buffer, searchedUpTo);
        if (length >= 0)
            return summary(RequestHead::read(QByteArrayView(buffer).first(length)));
        searchedUpTo = qMax<qsizetype>(0, buffer.size() - 3);
    }
    return summary(RequestHead::read(buffer));
}

} // namespace

class TestRequestHead : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void served_data();
    void served();
    void deviations_data();
    void deviations();
    void refused_data();
    void refused();
    void ranges();
    void foldedHeaderReadAsOneValue();
    void requestLine_data();
    void requestLine();
    void headLength_data();
    void headLength();
    void headLengthResumesWhereItStopped();
    void blankPrefixLength_data();
    void blankPrefixLength();
    void headerLookupIgnoresCase();
    void wholeByteByByteAndRandomSplitsAgree_data();
    void wholeByteByByteAndRandomSplitsAgree();
    void readsNoFurtherThanMaxSize_data();
    void readsNoFurtherThanMaxSize();
};

void TestRequestHead::served_data()
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

void TestRequestHead::served()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, minor);
    QFETCH(bool, keepAlive);
    QFETCH(qint64, contentLength);

    const RequestHead head = RequestHead::read(input);
    const HttpDemoSite::Refusal refusal = HttpDemoSite::refusal(head);
    QVERIFY2(refusal.status == 0, refusal.reason.constData());
    QVERIFY(!head.firstFatal());
    QCOMPARE(head.length, input.size());
    QCOMPARE(head.method, method);
    QCOMPARE(head.path(), path);
    QCOMPARE(head.versionMajor, 1);
    QCOMPARE(head.versionMinor, minor);
    QCOMPARE(head.keepAlive(), keepAlive);
    QCOMPARE(head.contentLength, contentLength);
}

void TestRequestHead::deviations_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qsizetype>("offset");

    QTest::newRow("empty lines first") << QByteArray("\r\n\nGET / HTTP/1.0\r\n\r\n") << Kind::BlankLinesBefore << qsizetype(0);
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.0\nA: b\r\n\r\n") << Kind::BareLineFeed << qsizetype(14);
    QTest::newRow("bare CR between lines") << QByteArray("GET / HTTP/1.0\rA: b\r\n\r\n") << Kind::BareCarriageReturn
                                           << qsizetype(14);
    QTest::newRow("bare CR in a value") << QByteArray("GET / HTTP/1.0\r\nA: b\rc\r\n\r\n") << Kind::BareCarriageReturn
                                        << qsizetype(20);
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.0\r\n\r\n") << Kind::RequestLineShape << qsizetype(4);
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << Kind::RequestLineShape << qsizetype(5);
    QTest::newRow("one word") << QByteArray("hello\r\n\r\n") << Kind::RequestLineShape << qsizetype(5);
    QTest::newRow("method not a token") << QByteArray("G(T / HTTP/1.0\r\n\r\n") << Kind::MethodNotToken << qsizetype(1);
    QTest::newRow("control in target") << QByteArray("GET /\x01 HTTP/1.0\r\n\r\n") << Kind::TargetCharacter << qsizetype(5);
    QTest::newRow("relative target") << QByteArray("GET index.html HTTP/1.0\r\n\r\n") << Kind::TargetForm << qsizetype(4);
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.0\r\n\r\n") << Kind::VersionSyntax << qsizetype(6);
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.0\r\nA: b\r\n c\r\n\r\n") << Kind::ObsoleteFolding
                                   << qsizetype(22);
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.0\r\nHost\r\n\r\n") << Kind::HeaderWithoutColon
                                          << qsizetype(20);
    // Found by fuzz_requesthead: a colon-less "Content-Length" was read as an empty length at offset -1.
    QTest::newRow("length without colon") << QByteArray("GET / HTTP/1.0\r\nContent-Length\r\n\r\n")
                                          << Kind::HeaderWithoutColon << qsizetype(30);
    QTest::newRow("blank before colon") << QByteArray("GET / HTTP/1.0\r\nHost : a\r\n\r\n") << Kind::HeaderNameNotToken
                                        << qsizetype(20);
    QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.0\r\nA: b") + '\0' + QByteArray("c\r\n\r\n")
                                  << Kind::HeaderValueCharacter << qsizetype(20);
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n\r\n") << Kind::MissingHost << qsizetype(22);
    QTest::newRow("two Host headers") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << Kind::DuplicateHost
                                      << qsizetype(25);
    QTest::newRow("length not a number") << QByteArray("GET / HTTP/1.0\r\nContent-Length: 1x\r\n\r\n")
                                         << Kind::ContentLengthSyntax << qsizetype(32);
    QTest::newRow("negative length") << QByteArray("GET / HTTP/1.0\r\nContent-Length: -1\r\n\r\n")
                                     << Kind::ContentLengthSyntax << qsizetype(32);
    QTest::newRow("two different lengths")
        << QByteArray("GET / HTTP/1.0\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << Kind::ContentLengthConflict
        << qsizetype(51);
    QTest::newRow("length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
        << Kind::ContentLengthWithTransferEncoding << qsizetype(45);
}

void TestRequestHead::deviations()
{
    QFETCH(QByteArray, input);
    QFETCH(Kind, kind);
    QFETCH(qsizetype, offset);

    const RequestHead head = RequestHead::read(input);
    QVERIFY2(head.deviations.contains(RequestHead::Deviation{kind, offset}), summary(head).constData());
    QVERIFY(std::is_sorted(head.deviations.begin(), head.deviations.end(),
                           [](const auto &a, const auto &b) { return a.offset < b.offset; }));
    for (const RequestHead::Deviation &deviation : head.deviations)
        QVERIFY2(deviation.offset >= 0 && deviation.offset <= input.size(), summary(head).constData());
    QVERIFY(!RequestHead::describe(kind).isEmpty());
    // Only what RFC 9112 lets a server accept is not fatal.
    QCOMPARE(RequestHead::isFatal(kind), kind != Kind::BlankLinesBefore && kind != Kind::BareLineFeed);
    // Whatever the bytes, the head is still read: its bytes and its length are all there.
    QCOMPARE(head.length, input.size());
}

void TestRequestHead::refused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");

    QTest::newRow("nothing") << QByteArray("\r\n") << 400;
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.0\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.0\rA: b\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("HTTP/2.0 with a bad header") << QByteArray("GET / HTTP/2.0\r\nA\r\n\r\n") << 505;
    QTest::newRow("a bad request line before the version") << QByteArray("G(T / HTTP/2.0\r\n\r\n") << 400;
}

void TestRequestHead::refused()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);

    const HttpDemoSite::Refusal refusal = HttpDemoSite::refusal(RequestHead::read(input));
    QCOMPARE(refusal.status, status);
    QVERIFY(!refusal.reason.isEmpty());
}

void TestRequestHead::ranges()
{
    const QByteArray input = "POST http://h:81/a?b HTTP/1.1\nAccept: */*\nhost:  old:81 \nX: 1\n\nbody";
    const RequestHead head = RequestHead::read(input);
    QCOMPARE(head.lineEnd, QByteArray("\n"));
    QCOMPARE(input.mid(head.methodRange.start, head.methodRange.size), QByteArray("POST"));
    QCOMPARE(input.mid(head.targetRange.start, head.targetRange.size), QByteArray("http://h:81/a?b"));
    QCOMPARE(input.mid(head.versionRange.start, head.versionRange.size), QByteArray("HTTP/1.1"));
    QCOMPARE(head.requestLine.end(), input.indexOf('\n'));
    QVERIFY(head.hasAbsoluteTarget());
    QCOMPARE(head.path(), QByteArray("/a"));
    const RequestHead::Header *host = head.header("Host");
    QVERIFY(host);
    QCOMPARE(host->name, QByteArray("host"));
    QCOMPARE(input.mid(host->valueRange.start, host->valueRange.size), QByteArray("old:81"));
    QCOMPARE(input.mid(host->line.start, host->line.size), QByteArray("host:  old:81 "));
    QCOMPARE(head.length, input.size() - 4);
    QVERIFY(head.hasRequestLine());
}

void TestRequestHead::foldedHeaderReadAsOneValue()
{
    // RFC 9112 5.2: a recipient that keeps a folded value reads each fold as one space.
    const QByteArray input = "GET / HTTP/1.1\r\nX-Long: a\r\n  b\r\n\tc \r\nHost: h\r\n\r\n";
    const RequestHead head = RequestHead::read(input);
    QCOMPARE(head.headers.size(), 2);
    QCOMPARE(head.headers[0].value, QByteArray("a b c"));
    QCOMPARE(input.mid(head.headers[0].line.start, head.headers[0].line.size), QByteArray("X-Long: a\r\n  b\r\n\tc "));
    QCOMPARE(input.mid(head.headers[0].valueRange.start, head.headers[0].valueRange.size), QByteArray("a\r\n  b\r\n\tc"));
    QCOMPARE(head.value("host"), QByteArray("h"));
    QVERIFY(head.hasDeviation(Kind::ObsoleteFolding));
}

void TestRequestHead::requestLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("hasRequestLine");
    QTest::newRow("template") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << true;
    QTest::newRow("head still being typed") << QByteArray("GET / HTTP/1.1\r\nAcc") << true;
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.0\n") << true;
    QTest::newRow("relative target") << QByteArray("GET index.html HTTP/1.0\r\n") << true;
    QTest::newRow("any version") << QByteArray("PROPFIND * HTTP/2.0\r\n") << true;
    QTest::newRow("no line end yet") << QByteArray("GET / HTTP/1.1") << false;
    QTest::newRow("half a line end") << QByteArray("GET / HTTP/1.1\r") << false;
    QTest::newRow("leading blank line") << QByteArray("\r\nGET / HTTP/1.1\r\n") << false;
    QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n") << false;
    QTest::newRow("trailing space") << QByteArray("GET / HTTP/1.1 \r\n") << false;
    QTest::newRow("CR inside") << QByteArray("GET /\r HTTP/1.1\r\n") << false;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x00\xa5\n", 6) << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestRequestHead::requestLine()
{
    QFETCH(QByteArray, input);
    QTEST(RequestHead::read(input).hasRequestLine(), "hasRequestLine");
}

void TestRequestHead::headLength_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("CRLF head, then more") << QByteArray("GET / HTTP/1.0\r\n\r\nGET /big") << qsizetype(18);
    QTest::newRow("no empty line yet") << QByteArray("GET / HTTP/1.0\r\nHost: x\r\n") << qsizetype(-1);
    QTest::newRow("half a terminator") << QByteArray("GET / HTTP/1.0\r\n\r") << qsizetype(-1);
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.0\n\nbody") << qsizetype(16);
    QTest::newRow("LF then CRLF") << QByteArray("GET / HTTP/1.0\nA: b\n\r\nx") << qsizetype(22);
    QTest::newRow("CR CR LF is no empty line") << QByteArray("GET / HTTP/1.0\r\n\r\r\nA: b\r\n\r\n") << qsizetype(27);
    QTest::newRow("leading empty lines are no terminator") << QByteArray("\r\n\r\nGET / HTTP/1.0\r\n\r\n")
                                                           << qsizetype(22);
    QTest::newRow("only empty lines") << QByteArray("\r\n\r\n\n") << qsizetype(-1);
    QTest::newRow("empty") << QByteArray() << qsizetype(-1);
}

void TestRequestHead::headLength()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, length);
    QCOMPARE(RequestHead::headLength(input), length);
    // The server finds the end with headLength(), the reader by reading lines: they agree.
    QCOMPARE(RequestHead::read(input).length, length);
}

void TestRequestHead::headLengthResumesWhereItStopped()
{
    // Bytes arriving one at a time: the search resumes 3 bytes before the previous end and still
    // finds a terminator split across arrivals.
    const QByteArray request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    qsizetype from = 0;
    for (qsizetype size = 1; size < request.size(); ++size) {
        QCOMPARE(RequestHead::headLength(request.first(size), from), qsizetype(-1));
        from = qMax<qsizetype>(0, size - 3);
    }
    QCOMPARE(RequestHead::headLength(request, from), request.size());
}

void TestRequestHead::blankPrefixLength_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("none") << QByteArray("GET") << qsizetype(0);
    QTest::newRow("CRLF and LF") << QByteArray("\r\n\n\r\nGET") << qsizetype(5);
    QTest::newRow("lone CR waits") << QByteArray("\r\n\r") << qsizetype(2);
    QTest::newRow("empty") << QByteArray() << qsizetype(0);
}

void TestRequestHead::blankPrefixLength()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, length);
    QCOMPARE(RequestHead::blankPrefixLength(input), length);
    const RequestHead head = RequestHead::read(input);
    QCOMPARE(head.blankLines.isNull() ? 0 : head.blankLines.size, length);
}

void TestRequestHead::headerLookupIgnoresCase()
{
    const RequestHead head = RequestHead::read("GET / HTTP/1.1\r\nhOsT: example\r\nAccept: a, b\r\nAccept: c\r\n\r\n");
    QVERIFY(head.deviations.isEmpty());
    QCOMPARE(head.value("HOST"), QByteArray("example"));
    QVERIFY(head.value("Missing").isNull());
    QVERIFY(head.hasToken("accept", "b"));
    QVERIFY(head.hasToken("Accept", "C"));
    QVERIFY(!head.hasToken("Accept", "d"));
    QCOMPARE(head.headers.size(), 3);
}

void TestRequestHead::wholeByteByByteAndRandomSplitsAgree_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("notebook") << QByteArray("GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n");
    QTest::newRow("pipelined") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("bare LF and LF CRLF") << QByteArray("GET / HTTP/1.0\nA: b\n\r\nbody");
    QTest::newRow("deviations everywhere")
        << QByteArray("\r\n\nG(T  /\x01 http/1.1\rX\r\nA : b\r\n c\x7f\r\nContent-Length: 1x\r\nHost: a\r\nHost: b\r\n\r\n");
    QTest::newRow("CR CR LF") << QByteArray("GET / HTTP/1.0\r\n\r\r\nA: b\r\n\r\n");
}

void TestRequestHead::wholeByteByByteAndRandomSplitsAgree()
{
    QFETCH(QByteArray, input);
    const qsizetype length = RequestHead::headLength(input);
    QVERIFY(length > 0);
    const QByteArray whole = summary(RequestHead::read(QByteArrayView(input).first(length)));
    QCOMPARE(readInPieces(input, {input.size()}), whole);

    QList<qsizetype> byteByByte;
    for (qsizetype i = 1; i <= input.size(); ++i)
        byteByByte.append(i);
    QCOMPARE(readInPieces(input, byteByByte), whole);

    QRandomGenerator random(20261206);
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        for (int i = random.bounded(1, 6); i > 0; --i)
            cuts.append(random.bounded(qsizetype(1), input.size()));
        cuts.append(input.size());
        std::sort(cuts.begin(), cuts.end());
        QCOMPARE(readInPieces(input, cuts), whole);
    }
}

void TestRequestHead::readsNoFurtherThanMaxSize_data()
{
    QTest::addColumn<QByteArray>("input");
    // A client that never ends its head, in the shapes that cost a reader most.
    QTest::newRow("100 MB without a line end") << QByteArray("GET /") + QByteArray(100'000'000, 'a');
    QTest::newRow("a million header lines") << QByteArray("GET / HTTP/1.1\r\n") + QByteArray("A: b\r\n").repeated(1'000'000);
    QTest::newRow("bare CRs") << QByteArray("GET / HTTP/1.1\r\nA: ") + QByteArray(10'000'000, '\r');
    QTest::newRow("bare LF lines") << QByteArray("GET / HTTP/1.1\n") + QByteArray("A: b\n").repeated(1'000'000);
    QTest::newRow("folds") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n") + QByteArray(" c\r\n").repeated(1'000'000);
}

void TestRequestHead::readsNoFurtherThanMaxSize()
{
    QFETCH(QByteArray, input);
    const RequestHead head = RequestHead::read(input);
    QVERIFY(head.tooLarge);
    QCOMPARE(head.length, qsizetype(-1));
    for (const RequestHead::Header &header : head.headers) {
        QVERIFY(header.line.end() <= RequestHead::MaxSize);
        QVERIFY(header.value.size() <= RequestHead::MaxSize);
    }
    for (const RequestHead::Deviation &deviation : head.deviations)
        QVERIFY(deviation.offset <= RequestHead::MaxSize);
    QVERIFY(head.headers.size() <= RequestHead::MaxSize / 3);
    QCOMPARE(RequestHead::headLength(input), qsizetype(-1));
}

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
