#include "bytes/bytesource.h"
#include "bytes/bytestore.h"
#include "conversation/conversationrecord.h"
#include "http/httpconversationparser.h"

#include <QTest>

#include <cstring>

using namespace SocketLab;

class TestHttpConversationParser : public QObject
{
    Q_OBJECT

private slots:
    void exchanges_data();
    void exchanges();
    void rangesPointAtTheBytes();
    void chunksAreListed();
    void readsFromAConversationRecord();
    void theEndOfWhatWasKeptIsNotTheEndOfTheStream();
    void eachUpdateIsBounded();
    void largeBodyCostsItsNewBytesOnly();
    void keepsAtMostMaxExchanges();
};

using Lines = QList<QByteArray>;

namespace {

// The bytes a direction has so far: grows as a ByteStore does.
class GrowingSource final : public ByteSource
{
public:
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override { return m_bytes.mid(offset, len); }
    void append(const QByteArray &bytes) { m_bytes += bytes; }

private:
    QByteArray m_bytes;
};

// A head then `bodySize` bytes of 'x', none of them stored: a body as large as a test wants.
class LargeSource final : public ByteSource
{
public:
    LargeSource(QByteArray head, qint64 bodySize)
        : m_head(std::move(head))
        , m_size(m_head.size() + bodySize)
    {
    }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        len = std::max<qint64>(0, std::min(len, m_size - offset));
        m_read += len;
        QByteArray bytes(len, 'x');
        if (offset < m_head.size())
            std::memcpy(bytes.data(), m_head.constData() + offset, std::min<qint64>(len, m_head.size() - offset));
        return bytes;
    }
    qint64 bytesRead() const { return m_read; }

private:
    QByteArray m_head;
    qint64 m_size;
    mutable qint64 m_read = 0;
};

QString framingWords(const HttpMessage &message)
{
    switch (message.framing) {
    case HttpFraming::Unknown: return QStringLiteral("?");
    case HttpFraming::NoBody: return QStringLiteral("none");
    case HttpFraming::ContentLength: return QStringLiteral("cl=%1").arg(message.contentLength);
    case HttpFraming::Chunked: {
        QStringList sizes;
        for (const HttpChunk &chunk : message.chunks)
            sizes.append(QString::number(chunk.size));
        return QStringLiteral("chunked(%1)").arg(sizes.join(QLatin1Char(',')));
    }
    case HttpFraming::UntilClose: return QStringLiteral("close");
    case HttpFraming::SwitchedProtocols: return QStringLiteral("switched");
    case HttpFraming::Tunnel: return QStringLiteral("tunnel");
    }
    return {};
}

QString messageWords(const HttpMessage &message)
{
    return QStringLiteral("[%1+%2] %3%4")
        .arg(message.range.offset)
        .arg(message.range.length)
        .arg(framingWords(message), message.complete ? QString() : QStringLiteral(" incomplete"));
}

QString problemWords(const char *side, const HttpStreamProblem &problem)
{
    if (!problem.isProblem())
        return {};
    static const char *const kinds[] = {"None", "NotHttp", "BadRequestHead", "RequestHeadTooLarge",
                                        "RequestTransferEncoding", "BadMessage", "ResponseWithoutRequest",
                                        "SwitchedProtocols"};
    QString words = QStringLiteral("%1 %2@%3").arg(QLatin1String(side), QLatin1String(kinds[int(problem.kind)])).arg(problem.offset);
    if (problem.kind == HttpStreamProblem::Kind::BadRequestHead)
        words += QStringLiteral(" d%1").arg(int(problem.requestDeviation));
    if (problem.kind == HttpStreamProblem::Kind::BadMessage)
        words += QStringLiteral(" e%1").arg(int(problem.responseError));
    return words;
}

// One line an exchange, then the problems: what a table row compares.
Lines summary(const HttpConversationParser &parser)
{
    Lines lines;
    static const char *const verdicts[] = {"unknown", "http", "not http"};
    lines.append(verdicts[int(parser.verdict())]);
    for (const HttpConversationExchange &exchange : parser.exchanges()) {
        QString line = QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(exchange.method), QString::fromLatin1(exchange.target),
                                                     messageWords(exchange.request));
        if (exchange.hasResponse) {
            line += QStringLiteral(" | ");
            for (int interim : exchange.interimStatuses)
                line += QStringLiteral("%1 ").arg(interim);
            line += QStringLiteral("%1 %2").arg(exchange.status).arg(messageWords(exchange.response));
        }
        lines.append(line.toLatin1());
    }
    const ByteRange unfinished = parser.unfinishedRequestHead();
    if (parser.clientEnded() && unfinished.length > 0)
        lines.append(QStringLiteral("unfinished head [%1+%2]").arg(unfinished.offset).arg(unfinished.length).toLatin1());
    for (const QString &problem : {problemWords("client", parser.clientProblem()), problemWords("server", parser.serverProblem())}) {
        if (!problem.isEmpty())
            lines.append(problem.toLatin1());
    }
    return lines;
}

// The sizes of the pieces bytes come in: 0 all at once, -1 an odd pattern (1, 7, 2, 13, 3...), n pieces of n.
QList<QByteArray> pieces(const QByteArray &bytes, int split)
{
    static const int odd[] = {1, 7, 2, 13, 3, 5, 31, 4, 11};
    QList<QByteArray> out;
    qsizetype at = 0;
    int step = 0;
    while (at < bytes.size()) {
        const qsizetype n = split == 0 ? bytes.size() : split < 0 ? odd[step++ % std::size(odd)] : split;
        out.append(bytes.mid(at, n));
        at += n;
    }
    return out;
}

// The client's pieces first, each followed by an update, then the server's, as a conversation
// that sent its requests before the answers came; `ended`: both directions end after the last.
HttpConversationParser &run(HttpConversationParser &parser, const QByteArray &client, const QByteArray &server,
                            int clientSplit, int serverSplit, bool ended, GrowingSource &clientBytes,
                            GrowingSource &serverBytes)
{
    for (const QByteArray &piece : pieces(client, clientSplit)) {
        clientBytes.append(piece);
        parser.update(clientBytes, serverBytes, false, false);
    }
    for (const QByteArray &piece : pieces(server, serverSplit)) {
        serverBytes.append(piece);
        parser.update(clientBytes, serverBytes, false, false);
    }
    parser.update(clientBytes, serverBytes, ended, ended);
    return parser;
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n";
}

QByteArray ok(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

void TestHttpConversationParser::exchanges_data()
{
    QTest::addColumn<QByteArray>("client");
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<int>("clientSplit");
    QTest::addColumn<int>("serverSplit");
    QTest::addColumn<bool>("ended");
    QTest::addColumn<Lines>("expected");

    // "GET /a HTTP/1.1\r\nHost: a\r\n\r\n" is 28 bytes, one more a letter of target.
    const QByteArray three = get("/a") + get("/bb") + get("/ccc");
    const QByteArray threeAnswers = ok("one") + ok("two!") + ok("three");
    QTest::newRow("keep-alive, three requests") << three << threeAnswers << 0 << 0 << false
                                                << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3",
                                                               "GET /bb [28+29] none | 200 [41+42] cl=4",
                                                               "GET /ccc [57+30] none | 200 [83+43] cl=5"};
    QTest::newRow("pipelined, odd recv() splits") << three << threeAnswers << -1 << -1 << false
                                                  << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3",
                                                                 "GET /bb [28+29] none | 200 [41+42] cl=4",
                                                                 "GET /ccc [57+30] none | 200 [83+43] cl=5"};
    QTest::newRow("responses byte by byte") << three << threeAnswers << 0 << 1 << false
                                            << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3",
                                                           "GET /bb [28+29] none | 200 [41+42] cl=4",
                                                           "GET /ccc [57+30] none | 200 [83+43] cl=5"};
    QTest::newRow("requests byte by byte") << three << threeAnswers << 1 << 0 << false
                                           << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3",
                                                          "GET /bb [28+29] none | 200 [41+42] cl=4",
                                                          "GET /ccc [57+30] none | 200 [83+43] cl=5"};

    const QByteArray chunkedPost = "POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5\r\nhello\r\n3;x=1\r\nabc\r\n0\r\nX-Sum: 8\r\n\r\n"
                                   + get("/after");
    const QByteArray created = "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n" + ok("k");
    QTest::newRow("chunked request body") << chunkedPost << created << 0 << 0 << false
                                          << Lines{"http", "POST /up [0+95] chunked(5,3,0) | 201 [0+43] cl=0",
                                                         "GET /after [95+32] none | 200 [43+39] cl=1"};
    QTest::newRow("chunked request body, odd splits") << chunkedPost << created << -1 << -1 << false
                                                      << Lines{"http", "POST /up [0+95] chunked(5,3,0) | 201 [0+43] cl=0",
                                                                     "GET /after [95+32] none | 200 [43+39] cl=1"};

    // A reply to HEAD announces a length and sends no body: the next response follows its head.
    const QByteArray head = "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n" + get("/");
    const QByteArray headAnswers = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + ok("x");
    QTest::newRow("HEAD response without body") << head << headAnswers << 0 << -1 << false
                                                << Lines{"http", "HEAD / [0+28] none | 200 [0+41] none",
                                                               "GET / [28+27] none | 200 [41+39] cl=1"};

    const QByteArray expect = "POST /f HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello";
    const QByteArray continued = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    QTest::newRow("100-continue") << expect << continued << 0 << 1 << false
                                  << Lines{"http", "POST /f [0+75] cl=5 | 100 200 [0+65] cl=2"};

    QTest::newRow("malformed Content-Length in a request")
        << QByteArray(get("/") + "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12a\r\n\r\nbody") << ok("1") << 0 << 0 << false
        << Lines{"http", "GET / [0+27] none | 200 [0+39] cl=1", "POST / [27+49] ? incomplete",
                       "client BadRequestHead@69 d14"};
    QTest::newRow("malformed Content-Length in a response")
        << get("/") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << 0 << 0 << false
        << Lines{"http", "GET / [0+27] none | 0 [0+33] ? incomplete", "server BadMessage@33 e7"};
    QTest::newRow("not HTTP: a line protocol") << QByteArray("hello there\n") << QByteArray("hello there\n") << 0 << 0
                                               << false << Lines{"not http", "client NotHttp@0"};
    QTest::newRow("not HTTP: a TLS ClientHello") << QByteArray("\x16\x03\x01\x02\x00\x01", 6) << QByteArray() << 0 << 0
                                                 << false << Lines{"not http", "client NotHttp@0"};
    QTest::newRow("not HTTP: the server speaks first") << QByteArray() << QByteArray("220 mail ready\r\n") << 0 << 0
                                                       << false
                                                       << Lines{"not http", "client NotHttp@0", "server NotHttp@0"};
    QTest::newRow("empty lines before the first request, byte by byte")
        << QByteArray("\r\n\n\r\n" + get("/")) << ok("1") << 1 << 0 << false
        << Lines{"http", "GET / [5+27] none | 200 [0+39] cl=1"};
    QTest::newRow("not known yet") << QByteArray("GET /index.ht") << QByteArray() << 0 << 0 << false
                                   << Lines{"unknown"};

    const QByteArray cut = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none" "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\ntwo";
    QTest::newRow("incomplete last response") << QByteArray(get("/a") + get("/b")) << cut << 0 << 0 << true
                                              << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3",
                                                             "GET /b [28+28] none | 200 [41+42] cl=10 incomplete"};
    QTest::newRow("incomplete last request")
        << QByteArray(get("/a") + "POST /b HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc") << ok("one") << 0 << 0 << true
        << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3", "POST /b [28+43] cl=10 incomplete"};
    QTest::newRow("incomplete last request head")
        << QByteArray(get("/a") + "GET /b HTTP/1.1\r\nHo") << ok("one") << -1 << 0 << true
        << Lines{"http", "GET /a [0+28] none | 200 [0+41] cl=3", "unfinished head [28+19]"};
    QTest::newRow("response until close") << QByteArray("GET / HTTP/1.0\r\n\r\n")
                                          << QByteArray("HTTP/1.0 200 OK\r\n\r\nall of it") << 0 << -1 << true
                                          << Lines{"http", "GET / [0+18] none | 200 [0+28] close"};
    QTest::newRow("until close, not closed yet") << QByteArray("GET / HTTP/1.0\r\n\r\n")
                                                 << QByteArray("HTTP/1.0 200 OK\r\n\r\nall of it") << 0 << 0 << false
                                                 << Lines{"http", "GET / [0+18] none | 200 [0+28] close incomplete"};
    QTest::newRow("response no request asked for") << get("/") << QByteArray(ok("1") + ok("2")) << 0 << 0 << true
                                                   << Lines{"http", "GET / [0+27] none | 200 [0+39] cl=1",
                                                                  "server ResponseWithoutRequest@39"};
    const QByteArray connect = "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n\x16\x03\x01";
    QTest::newRow("CONNECT tunnel") << connect << QByteArray("HTTP/1.1 200 Connection established\r\n\r\n\x16\x03\x03") << 0
                                    << 0 << false
                                    << Lines{"http", "CONNECT example.org:443 [0+59] none | 200 [0+39] tunnel",
                                                   "client SwitchedProtocols@59", "server SwitchedProtocols@39"};
    const QByteArray upgrade = "GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x05hello";
    QTest::newRow("101 Switching Protocols")
        << upgrade << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x02hi") << -1 << -1 << false
        << Lines{"http", "GET /chat [0+72] none | 101 [0+56] switched", "client SwitchedProtocols@72",
                 "server SwitchedProtocols@56"};
    QTest::newRow("upgrade declined: HTTP goes on")
        << QByteArray(upgrade.left(72) + get("/b")) << QByteArray(ok("1") + ok("2")) << 0 << 0 << false
        << Lines{"http", "GET /chat [0+72] none | 200 [0+39] cl=1", "GET /b [72+28] none | 200 [39+39] cl=1"};
    QTest::newRow("a request line broken after the first")
        << QByteArray(get("/") + "GET / HTTP/x\r\n\r\n") << QByteArray() << 0 << 0 << false
        << Lines{"http", "GET / [0+27] none", "client BadRequestHead@33 d7"};
}

void TestHttpConversationParser::exchanges()
{
    QFETCH(QByteArray, client);
    QFETCH(QByteArray, server);
    QFETCH(int, clientSplit);
    QFETCH(int, serverSplit);
    QFETCH(bool, ended);
    QFETCH(Lines, expected);

    HttpConversationParser parser;
    GrowingSource clientBytes;
    GrowingSource serverBytes;
    QCOMPARE(summary(run(parser, client, server, clientSplit, serverSplit, ended, clientBytes, serverBytes)), expected);
    QVERIFY(!parser.pending());

    // The same bytes read at once say the same: nothing depends on where the recv() calls ended.
    HttpConversationParser whole;
    GrowingSource clientWhole;
    GrowingSource serverWhole;
    QCOMPARE(summary(run(whole, client, server, 0, 0, ended, clientWhole, serverWhole)), expected);
}

void TestHttpConversationParser::rangesPointAtTheBytes()
{
    const QByteArray client = get("/a") + "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nabcd";
    const QByteArray server = ok("one") + "HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n";
    HttpConversationParser parser;
    GrowingSource clientBytes;
    GrowingSource serverBytes;
    run(parser, client, server, -1, -1, false, clientBytes, serverBytes);
    QCOMPARE(parser.exchanges().size(), 2);
    const HttpConversationExchange &post = parser.exchanges().at(1);
    const auto bytesAt = [](const QByteArray &bytes, const ByteRange &range) { return bytes.mid(range.offset, range.length); };
    QCOMPARE(post.method, QByteArray("POST"));
    QCOMPARE(post.target, QByteArray("/p"));
    QCOMPARE(post.requestVersion, QByteArray("HTTP/1.1"));
    QCOMPARE(bytesAt(client, post.request.startLine), QByteArray("POST /p HTTP/1.1\r\n"));
    QCOMPARE(post.request.headers.size(), 2);
    QCOMPARE(post.request.headers.at(1).name, QByteArray("Content-Length"));
    QCOMPARE(bytesAt(client, post.request.headers.at(1).range), QByteArray("Content-Length: 4\r\n"));
    QCOMPARE(bytesAt(client, post.request.head), QByteArray("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\n"));
    QCOMPARE(bytesAt(client, post.request.body), QByteArray("abcd"));
    QCOMPARE(post.status, 204);
    QCOMPARE(post.reasonPhrase, QByteArray("No Content"));
    QCOMPARE(post.response.framing, HttpFraming::NoBody);
    QCOMPARE(bytesAt(server, post.response.startLine), QByteArray("HTTP/1.1 204 No Content\r\n"));
    QCOMPARE(bytesAt(server, post.response.headers.at(0).range), QByteArray("X-A: b\r\n"));
    QCOMPARE(bytesAt(server, post.response.range), QByteArray("HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n"));
    QCOMPARE(post.response.body.offset, -1);
    const HttpConversationExchange &first = parser.exchanges().at(0);
    QCOMPARE(bytesAt(server, first.response.body), QByteArray("one"));
    QCOMPARE(first.response.headers.at(0).value, QByteArray("3"));
}

void TestHttpConversationParser::chunksAreListed()
{
    QByteArray body;
    constexpr int Chunks = HttpConversationParser::MaxListedChunks + 50;
    for (int i = 0; i < Chunks; ++i)
        body += "2\r\nab\r\n";
    body += "0\r\n\r\n";
    const QByteArray server = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body;
    HttpConversationParser parser;
    GrowingSource clientBytes;
    GrowingSource serverBytes;
    run(parser, get("/"), server, 0, 97, false, clientBytes, serverBytes);
    QCOMPARE(parser.exchanges().size(), 1);
    const HttpMessage &response = parser.exchanges().at(0).response;
    QVERIFY(response.complete);
    QCOMPARE(response.chunkCount, Chunks + 1);
    QCOMPARE(response.chunks.size(), HttpConversationParser::MaxListedChunks);
    const qint64 bodyStart = server.indexOf("\r\n\r\n") + 4;
    QCOMPARE(response.body, (ByteRange{bodyStart, server.size() - bodyStart}));
    QCOMPARE(response.chunks.at(0).sizeLine, (ByteRange{bodyStart, 3}));
    QCOMPARE(response.chunks.at(0).data, (ByteRange{bodyStart + 3, 2}));
    QCOMPARE(response.chunks.at(1).sizeLine, (ByteRange{bodyStart + 7, 3}));
    QCOMPARE(response.chunks.at(0).size, 2);
    QCOMPARE(response.trailers, (QList<ByteRange>{{server.size() - 2, 2}}));
}

void TestHttpConversationParser::theEndOfWhatWasKeptIsNotTheEndOfTheStream()
{
    // A record past its display cap: the answer read until close was 1 029 bytes, 29 were kept.
    ConversationRecord record(1 << 20, 1000);
    const QByteArray request = "GET / HTTP/1.0\r\n\r\n";
    record.sentStore().append(request.constData(), request.size(), 1);
    ConversationEvent sent;
    sent.kind = ConversationEvent::Kind::Sent;
    sent.size = request.size();
    record.addData(sent, true);
    const QByteArray kept = "HTTP/1.0 200 OK\r\n\r\nsome more";
    record.receivedStore().append(kept.constData(), kept.size(), 2);
    ConversationEvent received;
    received.kind = ConversationEvent::Kind::Received;
    received.size = kept.size() + 1000;
    record.addData(received, true);
    ConversationEvent closed;
    closed.kind = ConversationEvent::Kind::PeerClosed;
    record.add(closed);
    record.markOver();
    HttpConversationParser parser;
    parser.update(record);
    QCOMPARE(parser.exchanges().size(), 1);
    QVERIFY(!parser.exchanges().at(0).response.complete);
}

void TestHttpConversationParser::readsFromAConversationRecord()
{
    ConversationRecord record(1 << 20, 1000);
    const auto write = [&record](bool sent, const QByteArray &bytes, qint64 timeUs) {
        ByteStore &store = sent ? record.sentStore() : record.receivedStore();
        ConversationEvent event;
        event.kind = sent ? ConversationEvent::Kind::Sent : ConversationEvent::Kind::Received;
        event.offset = store.size();
        event.size = bytes.size();
        event.timeUs = timeUs;
        const std::span<char> span = store.writableSpan(bytes.size());
        std::memcpy(span.data(), bytes.constData(), bytes.size());
        store.commit(bytes.size());
        store.endSegment(timeUs);
        record.addData(event, true);
    };
    HttpConversationParser parser;
    write(true, "GET / HTTP/1.0\r\n\r\n", 1);
    write(false, "HTTP/1.0 200 OK\r\n\r\nso", 2);
    QVERIFY(parser.update(record));
    QCOMPARE(parser.exchanges().size(), 1);
    QVERIFY(!parser.exchanges().at(0).response.complete);
    QVERIFY(!parser.update(record));
    write(false, "me", 3);
    ConversationEvent closed;
    closed.kind = ConversationEvent::Kind::PeerClosed;
    record.add(closed);
    QVERIFY(parser.update(record));
    QVERIFY(parser.serverEnded());
    QVERIFY(parser.exchanges().at(0).response.complete);
    QCOMPARE(parser.exchanges().at(0).response.body, (ByteRange{19, 4}));
}

void TestHttpConversationParser::eachUpdateIsBounded()
{
    // A chunked body is read, so the budget holds back what is left for the next update().
    QByteArray body;
    for (int i = 0; i < 4000; ++i)
        body += "3e8\r\n" + QByteArray(1000, 'y') + "\r\n";
    body += "0\r\n\r\n";
    GrowingSource clientBytes;
    GrowingSource serverBytes;
    clientBytes.append(get("/"));
    serverBytes.append("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
    HttpConversationParser::Limits limits;
    limits.maxBytesPerUpdate = 1024 * 1024;
    HttpConversationParser parser(limits);
    int updates = 0;
    do {
        const qint64 before = parser.serverBytesRead();
        parser.update(clientBytes, serverBytes, false, false);
        QVERIFY(parser.serverBytesRead() - before <= limits.maxBytesPerUpdate);
        ++updates;
    } while (parser.pending() && updates < 100);
    QCOMPARE(updates, 4);
    QVERIFY(parser.exchanges().at(0).response.complete);
    QCOMPARE(parser.exchanges().at(0).response.chunkCount, 4001);
}

void TestHttpConversationParser::largeBodyCostsItsNewBytesOnly()
{
    // 1 GiB uploaded with a Content-Length: counted, never read; the 200 MB answer read once, in steps.
    constexpr qint64 Upload = qint64(1) << 30;
    constexpr qint64 Download = 200 * 1000 * 1000;
    LargeSource client("PUT /big HTTP/1.1\r\nHost: a\r\nContent-Length: " + QByteArray::number(Upload) + "\r\n\r\n", Upload);
    LargeSource server("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(Download) + "\r\n\r\n", Download);
    HttpConversationParser parser;
    int updates = 0;
    do {
        parser.update(client, server, false, false);
        ++updates;
    } while (parser.pending() && updates < 1000);
    QVERIFY(parser.exchanges().at(0).request.complete);
    QVERIFY(parser.exchanges().at(0).response.complete);
    QCOMPARE(parser.exchanges().at(0).request.body.length, Upload);
    QVERIFY(client.bytesRead() < 1024 * 1024);
    QCOMPARE(server.bytesRead(), server.size());
    // Nothing new: no byte read again.
    parser.update(client, server, false, false);
    QCOMPARE(server.bytesRead(), server.size());
}

void TestHttpConversationParser::keepsAtMostMaxExchanges()
{
    HttpConversationParser::Limits limits;
    limits.maxExchanges = 5;
    HttpConversationParser parser(limits);
    GrowingSource clientBytes;
    GrowingSource serverBytes;
    for (int i = 0; i < 8; ++i) {
        clientBytes.append(get("/" + QByteArray::number(i)));
        serverBytes.append(ok("x"));
    }
    parser.update(clientBytes, serverBytes, false, false);
    QCOMPARE(parser.exchanges().size(), 5);
    QVERIFY(parser.limitReached());
    QVERIFY(!parser.serverProblem().isProblem());
    QVERIFY(!parser.pending());
}

QTEST_GUILESS_MAIN(TestHttpConversationParser)
#include "tst_httpconversationparser.moc"
