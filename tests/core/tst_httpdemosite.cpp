#include "blockingclient.h"
#include "bytes/bytestore.h"
#include "net/trace.h"
#include "http/requesthead.h"
#include "servers/httpdemosite.h"
#include "servers/listener.h"
#include "startandwait.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cstring>
#include <vector>
#include <zlib.h>

using namespace SocketLab;

namespace {

struct Reply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int chunkCount = 0;
    bool complete = false;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }
};

// Reads HTTP responses off a blocking client the way a careful client would, written here from
// RFC 9112 rather than with SocketLab's own parser, and keeps what follows a response for the next.
class ReplyReader
{
public:
    explicit ReplyReader(BlockingClient &client)
        : m_client(client)
    {
    }

    Reply next(bool headOnly = false)
    {
        Reply reply;
        qsizetype end;
        while ((end = m_pending.indexOf("\r\n\r\n")) < 0) {
            if (!fill())
                return reply;
        }
        const QByteArray head = m_pending.left(end);
        m_pending.remove(0, end + 4);
        const QList<QByteArray> lines = head.split('\n');
        const QByteArray statusLine = lines.first().trimmed();
        if (!statusLine.startsWith("HTTP/1.1 "))
            return reply;
        reply.status = statusLine.mid(9, 3).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            reply.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        if (headOnly) {
            reply.complete = true;
            return reply;
        }
        if (reply.header("Transfer-Encoding") == "chunked") {
            for (;;) {
                const QByteArray sizeLine = takeLine();
                bool ok = false;
                const qint64 size = sizeLine.toLongLong(&ok, 16);
                if (!ok)
                    return reply;
                if (size == 0) {
                    reply.complete = takeLine().isEmpty() && m_lineOk;
                    return reply;
                }
                reply.body += take(size);
                ++reply.chunkCount;
                if (!takeLine().isEmpty() || !m_lineOk)
                    return reply;
            }
        }
        if (reply.hasHeader("Content-Length")) {
            const qint64 length = reply.header("Content-Length").toLongLong();
            reply.body = take(length);
            reply.complete = reply.body.size() == length;
            return reply;
        }
        return reply;
    }

    // True when the server closed the connection (EOF), false on a timeout or more data.
    bool serverClosed()
    {
        if (!m_pending.isEmpty())
            return false;
        const QByteArray more = m_client.receiveSome();
        m_pending += more;
        return more.isEmpty() && !m_client.timedOut();
    }

private:
    bool fill()
    {
        const QByteArray some = m_client.receiveSome();
        m_pending += some;
        return !some.isEmpty();
    }

    QByteArray take(qint64 n)
    {
        while (m_pending.size() < n) {
            if (!fill())
                break;
        }
        const QByteArray bytes = m_pending.left(n);
        m_pending.remove(0, bytes.size());
        return bytes;
    }

    QByteArray takeLine()
    {
        qsizetype end;
        while ((end = m_pending.indexOf("\r\n")) < 0) {
            if (!fill()) {
                m_lineOk = false;
                return {};
            }
        }
        m_lineOk = true;
        const QByteArray line = m_pending.left(end);
        m_pending.remove(0, end + 2);
        return line;
    }

    BlockingClient &m_client;
    QByteArray m_pending;
    bool m_lineOk = true;
};

QByteArray expectedBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(i & 0xff);
    return bytes;
}

quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    return quint32(quint8(bytes[at])) << 24 | quint32(quint8(bytes[at + 1])) << 16 | quint32(quint8(bytes[at + 2])) << 8
         | quint32(quint8(bytes[at + 3]));
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestHttpDemoSite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }
    void cleanupTestCase();

    void indexBytesAreExact();
    void pages_data();
    void pages();
    void clickThroughPages();
    void bytesPatternAtAnyOffset_data();
    void bytesPatternAtAnyOffset();
    void bigPageIsNumberedLines();
    void chunkedPageComesInChunks();
    void headHasNoBody();
    void http10Closes();
    void keepAliveAnswersPipelinedRequestsInOrder();
    void methodNotAllowedSkipsTheBody();
    void malformedRequests_data();
    void malformedRequests();
    void headerTooLarge_data();
    void headerTooLarge();
    void headOfExactlyMaxSizeIsServed();
    void imageIsValidPng();
    void pythonClientReadsThePages();
    void bytesStreamWithSmallMemory();
    void slowReaderDoesNotHoldUpOthers();

private:
    BlockingClient *connectClient(std::unique_ptr<BlockingClient> &client);

    Listener m_server;
    HttpDemoSite m_site;
};

void TestHttpDemoSite::initTestCase()
{
    Listener::Settings settings;
    settings.mode = Listener::Mode::HttpDemo;
    // Only what is streamed may use memory in bytesStreamWithSmallMemory(), not what is captured.
    settings.captureBudget = 1024 * 1024;
    const NetError error = startAndWait(m_server, settings);
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
    QVERIFY(m_server.boundAddress().port() != 0);
}

void TestHttpDemoSite::cleanupTestCase()
{
    m_server.stop();
}

BlockingClient *TestHttpDemoSite::connectClient(std::unique_ptr<BlockingClient> &client)
{
    client = std::make_unique<BlockingClient>();
    return client->connectTo(m_server.boundAddress()) ? client.get() : nullptr;
}

void TestHttpDemoSite::indexBytesAreExact()
{
    const RequestHead request = RequestHead::read("GET / HTTP/1.0\r\n\r\n");
    QCOMPARE(HttpDemoSite::refusal(request).status, 0);
    const QDateTime when(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    const ResponseStream response = m_site.respond(request, when);
    QCOMPARE(response.status, 200);
    QVERIFY(response.closesConnection);
    QCOMPARE(response.toByteArray(),
             QByteArray("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: SocketLab\r\n"
                        "Content-Type: text/html\r\nContent-Length: 204\r\nConnection: close\r\n\r\n")
                 + HttpDemoSite::indexPage());
    QCOMPARE(HttpDemoSite::indexPage().size(), 204);
    QVERIFY(HttpDemoSite::indexPage().contains("<title>Vous Etes Perdu ?</title>"));
}

void TestHttpDemoSite::pages_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("index") << QByteArray("/") << 200 << QByteArray("text/html") << HttpDemoSite::indexPage();
    QTest::newRow("index with query") << QByteArray("/?q=1") << 200 << QByteArray("text/html") << HttpDemoSite::indexPage();
    QTest::newRow("image") << QByteArray("/image.png") << 200 << QByteArray("image/png") << m_site.image();
    QTest::newRow("links") << QByteArray("/links") << 200 << QByteArray("text/html; charset=utf-8") << HttpDemoSite::linksPage();
    QTest::newRow("hello") << QByteArray("/hello?name=Ada+L%C3%B6w") << 200 << QByteArray("text/html; charset=utf-8")
                           << HttpDemoSite::helloPage("/hello?name=Ada+L%C3%B6w");
    QTest::newRow("redirect") << QByteArray("/redirect") << 302 << QByteArray("text/html; charset=utf-8")
                              << HttpDemoSite::redirectPage();
    QTest::newRow("zero bytes") << QByteArray("/bytes/0") << 200 << QByteArray("application/octet-stream") << QByteArray();
    QTest::newRow("1000 bytes") << QByteArray("/bytes/1000") << 200 << QByteArray("application/octet-stream")
                                << expectedBytes(1000);
    QTest::newRow("300000 bytes") << QByteArray("/bytes/300000") << 200 << QByteArray("application/octet-stream")
                                  << expectedBytes(300000);
    const QByteArray notFound = m_site.respond(RequestHead::read("GET /x HTTP/1.0\r\n\r\n"), {}).toByteArray();
    const QByteArray notFoundBody = notFound.mid(notFound.indexOf("\r\n\r\n") + 4);
    QVERIFY(notFoundBody.startsWith("<html>"));
    QTest::newRow("unknown page") << QByteArray("/nowhere") << 404 << QByteArray("text/html") << notFoundBody;
    QTest::newRow("bytes not a number") << QByteArray("/bytes/12a") << 404 << QByteArray("text/html") << notFoundBody;
    QTest::newRow("bytes over 64 GiB") << QByteArray("/bytes/68719476737") << 404 << QByteArray("text/html")
                                       << notFoundBody;
}

void TestHttpDemoSite::clickThroughPages()
{
    const auto respond = [this](const QByteArray &request) {
        return m_site.respond(RequestHead::read(request), {}).toByteArray();
    };
    const QByteArray links = respond("GET /links HTTP/1.1\r\nHost: x\r\n\r\n");
    for (const char *link : {"href=\"/\"", "href=\"chunked\"", "href=\"/redirect\"", "href=\"/cookie\"", "action=\"/hello\""})
        QVERIFY2(links.contains(link), link);

    const QByteArray hello = respond("GET /hello?name=%3Cb%3EAda+L%C3%B6w HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(hello.contains("<h1>Hello, &lt;b&gt;Ada L\xc3\xb6w!</h1>"));
    QVERIFY(respond("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").contains("Hello, stranger!"));

    const QByteArray redirect = respond("GET /redirect HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(redirect.startsWith("HTTP/1.1 302 Found\r\n"));
    QVERIFY(redirect.contains("\r\nLocation: /cookie\r\n"));

    const QByteArray cookie = respond("GET /cookie HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(cookie.contains("\r\nSet-Cookie: demo=chocolate; Path=/\r\n"));
    QVERIFY(cookie.contains("This request had no Cookie line."));
    const QByteArray again = respond("GET /cookie HTTP/1.1\r\nHost: x\r\nCookie: demo=chocolate; <x>\r\n\r\n");
    QVERIFY(again.contains("This request had the line <code>Cookie: demo=chocolate; &lt;x&gt;</code>."));
    const QByteArray deleted = respond("GET /cookie/delete HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(deleted.contains("\r\nSet-Cookie: demo=; Max-Age=0; Path=/\r\n"));
}

void TestHttpDemoSite::pages()
{
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);

    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Content-Type"), contentType);
    QCOMPARE(reply.header("Server"), QByteArray("SocketLab"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$"))
                 .match(QString::fromLatin1(reply.header("Date")))
                 .hasMatch(),
             reply.header("Date").constData());
    QCOMPARE(reply.header("Connection"), QByteArray("close"));
    QCOMPARE(reply.header("Content-Length").toLongLong(), qint64(reply.body.size()));
    QCOMPARE(reply.body.size(), body.size());
    QVERIFY(reply.body == body);
    QVERIFY(reader.serverClosed());
}

void TestHttpDemoSite::bytesPatternAtAnyOffset_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("len");

    // Offsets at every phase of the 256-byte period and lengths around the filler's 64 KiB runs,
    // as a listener asks for them while it sends a large page piece by piece.
    QTest::newRow("nothing") << qint64(3) << qint64(0);
    QTest::newRow("one byte at 255") << qint64(255) << qint64(1);
    QTest::newRow("a period from 1") << qint64(1) << qint64(256);
    QTest::newRow("one run") << qint64(0) << qint64(64 * 1024);
    QTest::newRow("run plus one, odd phase") << qint64(77) << qint64(64 * 1024 + 1);
    QTest::newRow("several runs") << qint64(65536 + 7) << qint64(200000);
    QTest::newRow("far into a 64 GiB page") << (qint64(1) << 36) - 5 << qint64(70000);
}

void TestHttpDemoSite::bytesPatternAtAnyOffset()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, len);

    QByteArray got(len + 2, 'X');
    HttpDemoSite::fillBytes(offset, got.data() + 1, len);
    QCOMPARE(got.front(), 'X');
    QCOMPARE(got.back(), 'X');
    for (qint64 i = 0; i < len; ++i) {
        if (got.at(1 + i) != char((offset + i) & 0xff))
            QFAIL(qPrintable(QStringLiteral("wrong byte at offset %1").arg(offset + i)));
    }
}

void TestHttpDemoSite::bigPageIsNumberedLines()
{
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll("GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(reply.body.size(), HttpDemoSite::BigPageSize);
    const QList<QByteArray> lines = reply.body.split('\n');
    QCOMPARE(lines.size(), 65536 + 1);
    QCOMPARE(lines.first(), QByteArray("000001: The quick brown fox jumps over the lazy dog. SocketLab."));
    QCOMPARE(lines[65535], QByteArray("065536: The quick brown fox jumps over the lazy dog. SocketLab."));
    QVERIFY(lines.last().isEmpty());
    for (qsizetype i = 0; i < 65536; ++i)
        QCOMPARE(lines[i].left(6).toInt(), int(i + 1));
}

void TestHttpDemoSite::chunkedPageComesInChunks()
{
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll("GET /chunked HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Transfer-Encoding"), QByteArray("chunked"));
    QVERIFY(!reply.hasHeader("Content-Length"));
    QVERIFY(!reply.hasHeader("Connection"));
    QCOMPARE(reply.chunkCount, HttpDemoSite::chunkedPageChunks().size());
    QVERIFY(reply.chunkCount >= 3);
    QCOMPARE(reply.body, HttpDemoSite::chunkedPageChunks().join());
    QVERIFY(reply.body.startsWith("<html>"));
}

void TestHttpDemoSite::headHasNoBody()
{
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    // The GET after the HEAD proves the HEAD answer carried no body: its status line comes next.
    QVERIFY(client->sendAll("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nHEAD /chunked HTTP/1.1\r\nHost: x\r\n\r\n"
                            "HEAD /bytes/5000000000 HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply index = reader.next(true);
    QCOMPARE(index.status, 200);
    QCOMPARE(index.header("Content-Length"), QByteArray("204"));
    const Reply chunked = reader.next(true);
    QCOMPARE(chunked.status, 200);
    QCOMPARE(chunked.header("Transfer-Encoding"), QByteArray("chunked"));
    const Reply bytes = reader.next(true);
    QCOMPARE(bytes.status, 200);
    QCOMPARE(bytes.header("Content-Length"), QByteArray("5000000000"));
    const Reply get = reader.next();
    QVERIFY(get.complete);
    QCOMPARE(get.status, 200);
    QCOMPARE(get.body, HttpDemoSite::indexPage());
}

void TestHttpDemoSite::http10Closes()
{
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    // The notebook's request, byte for byte.
    QVERIFY(client->sendAll("GET / HTTP/1.0\r\n\r\n"));
    bool closed = false;
    const QByteArray all = client->receiveUntilClosed(&closed);
    QVERIFY(closed);
    QVERIFY(all.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(all.contains("\r\nConnection: close\r\n"));
    QVERIFY(all.endsWith("\r\n\r\n" + HttpDemoSite::indexPage()));
}

void TestHttpDemoSite::keepAliveAnswersPipelinedRequestsInOrder()
{
    const qsizetype clientsBefore = m_server.clients().size();
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll("GET /image.png HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply first = reader.next();
    QVERIFY(first.complete);
    QCOMPARE(first.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(first.body, m_site.image());
    QVERIFY(!first.hasHeader("Connection"));
    const Reply second = reader.next();
    QVERIFY(second.complete);
    QCOMPARE(second.body, HttpDemoSite::indexPage());

    // Still open: a third request on the same connection is answered, and then closed on request.
    QVERIFY(client->sendAll("GET /bytes/10 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    const Reply third = reader.next();
    QCOMPARE(third.body, expectedBytes(10));
    QCOMPARE(third.header("Connection"), QByteArray("close"));
    QVERIFY(reader.serverClosed());
    QTRY_COMPARE(m_server.clients().size(), clientsBefore + 1);
}

void TestHttpDemoSite::methodNotAllowedSkipsTheBody()
{
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nGET / HTTP/"
                            "DELETE /big HTTP/1.1\r\nHost: x\r\n\r\nGET /bytes/3 HTTP/1.1\r\nHost: x\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply post = reader.next();
    QVERIFY(post.complete);
    QCOMPARE(post.status, 405);
    QCOMPARE(post.header("Allow"), QByteArray("GET, HEAD"));
    QCOMPARE(post.header("Content-Type"), QByteArray("text/html"));
    const Reply del = reader.next();
    QCOMPARE(del.status, 405);
    const Reply get = reader.next();
    QVERIFY(get.complete);
    QCOMPARE(get.status, 200);
    QCOMPARE(get.body, expectedBytes(3));
}

void TestHttpDemoSite::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("not HTTP") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.0\r\nOops\r\n\r\n") << 400;
    QTest::newRow("HTTP/3.0") << QByteArray("GET / HTTP/3.0\r\n\r\n") << 505;
    QTest::newRow("after a good request")
        << QByteArray("GET /bytes/1 HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
}

void TestHttpDemoSite::malformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll(request));
    ReplyReader reader(*client);
    Reply reply = reader.next();
    if (reply.status == 200)
        reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Connection"), QByteArray("close"));
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/html"));
    QVERIFY(reply.body.contains("<p>"));
    QVERIFY(reader.serverClosed());
}

void TestHttpDemoSite::headerTooLarge_data()
{
    QTest::addColumn<QByteArray>("request");

    const QByteArray filler(70 * 1024, 'a');
    QTest::newRow("never ending head") << "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + filler;
    QTest::newRow("complete but too large") << "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + filler + "\r\n\r\n";
    // MaxSize bytes without an end: whatever comes next makes the head too large, so the answer
    // need not wait for it (the client may well wait for an answer first).
    const QByteArray start = "GET / HTTP/1.1\r\nHost: x\r\nX-Filler: ";
    QTest::newRow("exactly 64 KiB, no end") << start + QByteArray(RequestHead::MaxSize - start.size(), 'a');
    QTest::newRow("one byte over, ending") << start + QByteArray(RequestHead::MaxSize - start.size() - 3, 'a') + "\r\n\r\n";
}

void TestHttpDemoSite::headOfExactlyMaxSizeIsServed()
{
    const QByteArray start = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Filler: ";
    const QByteArray request = start + QByteArray(RequestHead::MaxSize - start.size() - 4, 'a') + "\r\n\r\n";
    QCOMPARE(request.size(), RequestHead::MaxSize);
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll(request));
    ReplyReader reader(*client);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
}

void TestHttpDemoSite::headerTooLarge()
{
    QFETCH(QByteArray, request);

    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll(request));
    ReplyReader reader(*client);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 431);
    QCOMPARE(reply.header("Connection"), QByteArray("close"));
    QVERIFY(reader.serverClosed());
}

void TestHttpDemoSite::imageIsValidPng()
{
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    QVERIFY(client->sendAll("GET /image.png HTTP/1.0\r\n\r\n"));
    ReplyReader reader(*client);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    const QByteArray png = reply.body;
    QVERIFY(png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));

    QStringList types;
    QByteArray header;
    QByteArray packed;
    qsizetype pos = 8;
    while (pos + 12 <= png.size()) {
        const quint32 length = bigEndian32(png, pos);
        QVERIFY(pos + 12 + qsizetype(length) <= png.size());
        const QByteArray typed = png.mid(pos + 4, 4 + length);
        const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()));
        QCOMPARE(bigEndian32(png, pos + 8 + length), quint32(crc));
        const QString type = QString::fromLatin1(typed.left(4));
        types.append(type);
        if (type == QLatin1String("IHDR"))
            header = typed.mid(4);
        else if (type == QLatin1String("IDAT"))
            packed += typed.mid(4);
        pos += 12 + length;
    }
    QCOMPARE(pos, png.size());
    QCOMPARE(types, QStringList({QStringLiteral("IHDR"), QStringLiteral("IDAT"), QStringLiteral("IEND")}));
    QCOMPARE(header.size(), 13);
    QCOMPARE(bigEndian32(header, 0), quint32(HttpDemoSite::ImageSide));
    QCOMPARE(bigEndian32(header, 4), quint32(HttpDemoSite::ImageSide));
    QCOMPARE(header.mid(8), QByteArray("\x08\x02\x00\x00\x00", 5));

    const int side = HttpDemoSite::ImageSide;
    QByteArray pixels(side * (1 + side * 3), Qt::Uninitialized);
    uLongf pixelsSize = uLongf(pixels.size());
    QCOMPARE(uncompress(reinterpret_cast<Bytef *>(pixels.data()), &pixelsSize,
                        reinterpret_cast<const Bytef *>(packed.constData()), uLong(packed.size())),
             Z_OK);
    QCOMPARE(qsizetype(pixelsSize), pixels.size());
    // Row 0, last pixel: red at its brightest, no green; rows start with filter byte 0.
    QCOMPARE(pixels[0], '\0');
    QCOMPARE(quint8(pixels[1 + (side - 1) * 3]), quint8(255));
    QCOMPARE(quint8(pixels[1 + (side - 1) * 3 + 1]), quint8(0));
}

void TestHttpDemoSite::pythonClientReadsThePages()
{
    // Python's http.client on one kept-alive connection: an independent framing check.
    static const char script[] = R"(
import http.client, json, struct, sys, zlib
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
out, ports = {}, set()
for path in ["/", "/chunked", "/image.png", "/bytes/70000"]:
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    ports.add(conn.sock.getsockname()[1])
    page = {"status": resp.status, "length": len(body), "server": resp.getheader("Server"),
            "contentLength": resp.getheader("Content-Length"), "te": resp.getheader("Transfer-Encoding")}
    if path == "/chunked":
        page["body"] = body.decode("ascii")
    if path == "/image.png":
        ok, pos, types = body[:8] == b"\x89PNG\r\n\x1a\n", 8, []
        while pos < len(body):
            (n,) = struct.unpack(">I", body[pos:pos + 4])
            (crc,) = struct.unpack(">I", body[pos + 8 + n:pos + 12 + n])
            ok = ok and zlib.crc32(body[pos + 4:pos + 8 + n]) == crc
            types.append(body[pos + 4:pos + 8].decode("ascii"))
            pos += 12 + n
        page["crcOk"], page["chunks"] = ok, " ".join(types)
    if path.startswith("/bytes/"):
        page["patternOk"] = body == bytes(i & 255 for i in range(len(body)))
    out[path] = page
out["connections"] = len(ports)
print(json.dumps(out))
)";
    QProcess python;
    python.start(qEnvironmentVariable("PYTHON", QStringLiteral("python3")),
                 {QStringLiteral("-c"), QString::fromLatin1(script), QString::number(m_server.boundAddress().port())});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject out = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QCOMPARE(out.value(QStringLiteral("connections")).toInt(), 1);

    const QJsonObject index = out.value(QStringLiteral("/")).toObject();
    QCOMPARE(index.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(index.value(QStringLiteral("length")).toInt(), 204);
    QCOMPARE(index.value(QStringLiteral("contentLength")).toString(), QStringLiteral("204"));
    QCOMPARE(index.value(QStringLiteral("server")).toString(), QStringLiteral("SocketLab"));

    const QJsonObject chunked = out.value(QStringLiteral("/chunked")).toObject();
    QCOMPARE(chunked.value(QStringLiteral("te")).toString(), QStringLiteral("chunked"));
    QCOMPARE(chunked.value(QStringLiteral("body")).toString().toLatin1(), HttpDemoSite::chunkedPageChunks().join());

    const QJsonObject image = out.value(QStringLiteral("/image.png")).toObject();
    QVERIFY(image.value(QStringLiteral("crcOk")).toBool());
    QCOMPARE(image.value(QStringLiteral("chunks")).toString(), QStringLiteral("IHDR IDAT IEND"));

    const QJsonObject bytes = out.value(QStringLiteral("/bytes/70000")).toObject();
    QCOMPARE(bytes.value(QStringLiteral("length")).toInt(), 70000);
    QVERIFY(bytes.value(QStringLiteral("patternOk")).toBool());
}

void TestHttpDemoSite::bytesStreamWithSmallMemory()
{
    constexpr qint64 total = 100000000;
    std::unique_ptr<BlockingClient> holder;
    BlockingClient *client = connectClient(holder);
    QVERIFY(client);
    const qint64 before = residentKiB();
    QVERIFY(before > 0);
    const qsizetype traceEntries = m_server.trace().size();
    const qint64 traceCalls = m_server.trace().callCount();
    QVERIFY(client->sendAll("GET /bytes/100000000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

    QByteArray head;
    while (!head.contains("\r\n\r\n")) {
        const QByteArray some = client->receiveSome(1024);
        QVERIFY(!some.isEmpty());
        head += some;
    }
    const qsizetype bodyStart = head.indexOf("\r\n\r\n") + 4;
    QVERIFY(head.contains("\r\nContent-Length: 100000000\r\n"));
    QVERIFY(head.contains("\r\nContent-Type: application/octet-stream\r\n"));

    // Twice 0..255 and a receive buffer more: any received run compares with one memcmp.
    constexpr qint64 bufferSize = 64 * 1024;
    QByteArray pattern(bufferSize + 256, Qt::Uninitialized);
    HttpDemoSite::fillBytes(0, pattern.data(), pattern.size());
    qint64 received = head.size() - bodyStart;
    QVERIFY(std::memcmp(head.constData() + bodyStart, pattern.constData(), size_t(received)) == 0);

    std::vector<char> buffer(bufferSize);
    qint64 peak = before;
    qint64 nextSample = 0;
    for (;;) {
        const ssize_t n = ::recv(client->fd(), buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        QVERIFY2(n >= 0, "recv failed or timed out");
        if (n == 0)
            break;
        QVERIFY2(std::memcmp(buffer.data(), pattern.constData() + (received & 0xff), size_t(n)) == 0,
                 qPrintable(QStringLiteral("wrong bytes near offset %1").arg(received)));
        received += n;
        if (received >= nextSample) {
            peak = qMax(peak, residentKiB());
            nextSample = received + 8 * 1024 * 1024;
        }
    }
    QCOMPARE(received, total);
    peak = qMax(peak, residentKiB());
    QVERIFY2(peak - before < 20 * 1024, qPrintable(QStringLiteral("resident memory grew by %1 KiB").arg(peak - before)));
    // Hundreds of send() calls, folded into a handful of trace entries.
    client->close();
    QTRY_VERIFY(!m_server.client(m_server.clients().last().id)->open);
    QVERIFY(m_server.trace().callCount() - traceCalls > 300);
    QVERIFY(m_server.trace().size() - traceEntries < 20);
}

void TestHttpDemoSite::slowReaderDoesNotHoldUpOthers()
{
    std::unique_ptr<BlockingClient> slowHolder;
    BlockingClient *slow = connectClient(slowHolder);
    QVERIFY(slow);
    const SocketAddress slowAddress = slow->localAddress();
    QVERIFY(slow->sendAll("GET /bytes/1000000000 HTTP/1.1\r\nHost: x\r\n\r\n"));
    // The server fills the slow client's buffers, then must still serve a second client.
    std::unique_ptr<BlockingClient> fastHolder;
    BlockingClient *fast = connectClient(fastHolder);
    QVERIFY(fast);
    QVERIFY(fast->sendAll("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    ReplyReader reader(*fast);
    const Reply reply = reader.next();
    QVERIFY(reply.complete);
    QCOMPARE(reply.body, HttpDemoSite::indexPage());

    const auto slowRecord = [&]() -> std::optional<Listener::Client> {
        for (const Listener::Client &client : m_server.clients()) {
            if (client.peer == slowAddress)
                return client;
        }
        return std::nullopt;
    };
    QTRY_VERIFY(slowRecord() && slowRecord()->bytesOut > 0);
    QVERIFY(slowRecord()->open);
    // Closing with unread bytes resets the connection: the server's next send() fails with it.
    slow->close();
    QTRY_VERIFY(!slowRecord()->open);
    QVERIFY(slowRecord()->error.isError());
    QCOMPARE(slowRecord()->error.call, QStringLiteral("send"));
    QVERIFY(slowRecord()->bytesOut < 1000000000);
}

QTEST_GUILESS_MAIN(TestHttpDemoSite)
#include "tst_httpdemosite.moc"
