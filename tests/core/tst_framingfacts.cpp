#include "framing/framingfacts.h"
#include "framing/framingreplay.h"
#include "text/framingtext.h"
#include "text/translations.h"

#include "arraysource.h"

#include <QLocale>
#include <QTest>

#include <memory>

using namespace SocketLab;
using TestSupport::ArraySource;
using Kind = FramingFact::Kind;
using Where = HttpResponseParser::Progress::Where;
using State = HttpResponseParser::State;

namespace {

// A reply as it came: its recv() pieces, 1 ms apart from 10 ms on, parsed as the exchange does.
struct Reply
{
    ArraySource bytes;
    QList<Segment> segments;
    HttpResponseParser parser;
    FramingInput input;

    Reply(const QList<QByteArray> &pieces, StopInfo stop, QByteArray method = "GET", bool http = true)
    {
        qint64 at = 0;
        qint64 us = 10000;
        for (const QByteArray &piece : pieces) {
            bytes.append(piece);
            segments.append({at, piece.size(), us});
            at += piece.size();
            us += 1000;
        }
        parser.setRequestMethod(method);
        for (const QByteArray &piece : pieces)
            parser.feed(piece);
        if (stop.reason == StopReason::PeerClosed)
            parser.finish();
        stop.bytes = at;
        input.bytes = &bytes;
        input.segments = segments;
        input.http = http ? &parser : nullptr;
        input.stop = stop;
        input.timings.connectedUs = 9000;
        input.timings.firstByteUs = 10000;
        input.timings.totalUs = us + 5000;
    }

    QList<FramingFact> facts() const { return explainFraming(input); }
    QList<ReplayStep> replay(const QByteArray &method = "GET", bool tls = false) const
    {
        return replayReply(bytes, segments, input.http != nullptr, method, input.timings,
                           input.stop.reason == StopReason::PeerClosed, tls);
    }
};

StopInfo stopped(StopReason reason)
{
    StopInfo stop;
    stop.reason = reason;
    return stop;
}

QList<Kind> kinds(const QList<FramingFact> &facts)
{
    QList<Kind> result;
    for (const FramingFact &fact : facts)
        result.append(fact.kind);
    return result;
}

// A copy: the list is often a temporary.
FramingFact first(const QList<FramingFact> &facts, Kind kind)
{
    for (const FramingFact &fact : facts) {
        if (fact.kind == kind)
            return fact;
    }
    qFatal("no fact of that kind");
    return {};
}

QList<FramingFact> all(const QList<FramingFact> &facts, Kind kind)
{
    QList<FramingFact> result;
    for (const FramingFact &fact : facts) {
        if (fact.kind == kind)
            result.append(fact);
    }
    return result;
}

} // namespace

class TestFramingFacts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void contentLength();
    void chunked();
    void chunkedUpperHexAndLargeChunks();
    void untilClose();
    void noBody_data();
    void noBody();
    void bytesAfterBodyInLaterRecv();
    void cutMidChunk();
    void malformed();
    void notHttp();
    void loopKeepAliveAnnounced();
    void loopObservedWait();
    void loopConnectionClose();
    void manyChunksListedWithinBounds();
    void chunksPastTheParsersMarks();
    void chunksPastTheParsersMarksCutOff();
    void replayContentLength();
    void replayChunked();
    void replayUntilCloseAndNotHttp();
    void replayReadsInPieces();
    void sentences();
    void french();
};

void TestFramingFacts::initTestCase()
{
    // Numbers written the English way whatever the machine's locale: the sentences checked are exact.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestFramingFacts::contentLength()
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nServer: t\r\nContent-Length: 5\r\n\r\n";
    Reply reply({head + "hel", "lo"}, stopped(StopReason::HttpComplete));
    const QList<FramingFact> facts = reply.facts();
    QCOMPARE(kinds(facts), (QList<Kind>{Kind::Stop, Kind::StatusLine, Kind::ContentLength, Kind::HeadEnd, Kind::Body,
                                        Kind::BodyEnd, Kind::NothingAfter, Kind::LoopKeepAlive}));
    const FramingFact &status = first(facts, Kind::StatusLine);
    QCOMPARE(status.text, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(status.value, 200);
    QCOMPARE(status.range, (ByteRange{0, 17}));
    const FramingFact &length = first(facts, Kind::ContentLength);
    QCOMPARE(length.value, 5);
    QCOMPARE(length.text, QByteArray("Content-Length: 5"));
    const qint64 lengthAt = head.indexOf("Content-Length");
    QCOMPARE(length.range, (ByteRange{lengthAt, 19}));
    QCOMPARE(first(facts, Kind::HeadEnd).range, (ByteRange{head.size() - 2, 2}));
    QCOMPARE(first(facts, Kind::Body).range, (ByteRange{head.size(), 5}));
    const FramingFact &end = first(facts, Kind::BodyEnd);
    QCOMPARE(end.range.offset, head.size() + 5);
    QCOMPARE(end.firstSegment, 2);
    // Stopped at the framing: how long the server would have held on is not known, nor announced.
    const FramingFact &loop = first(facts, Kind::LoopKeepAlive);
    QCOMPARE(loop.value, -1);
    QCOMPARE(loop.waitUs, -1);
}

void TestFramingFacts::chunked()
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 99\r\n\r\n";
    const QByteArray body = "1a;name=\"a;b\";x\r\nabcdefghijklmnopqrstuvwxyz\r\n"
                            "0;last\r\nExpires: never\r\n\r\n";
    Reply reply({head, body}, stopped(StopReason::HttpComplete));
    const QList<FramingFact> facts = reply.facts();
    QCOMPARE(kinds(facts), (QList<Kind>{Kind::Stop, Kind::StatusLine, Kind::Chunked, Kind::ContentLengthIgnored,
                                        Kind::HeadEnd, Kind::Chunk, Kind::LastChunk, Kind::Trailer, Kind::Trailer,
                                        Kind::BodyEnd, Kind::NothingAfter, Kind::LoopKeepAlive}));
    QCOMPARE(first(facts, Kind::Chunked).text, QByteArray("Transfer-Encoding: gzip, chunked"));
    QCOMPARE(first(facts, Kind::Chunked).range.offset, head.indexOf("Transfer-Encoding"));
    QCOMPARE(first(facts, Kind::ContentLengthIgnored).text, QByteArray("Content-Length: 99"));
    const FramingFact &chunk = first(facts, Kind::Chunk);
    QCOMPARE(chunk.number, 1);
    QCOMPARE(chunk.text, QByteArray("1a"));
    QCOMPARE(chunk.value, 26);
    QCOMPARE(chunk.extensions, QByteArray(";name=\"a;b\";x"));
    QCOMPARE(chunk.range, (ByteRange{head.size(), 17}));
    QCOMPARE(chunk.dataRange, (ByteRange{head.size() + 17, 26}));
    const FramingFact &last = first(facts, Kind::LastChunk);
    QCOMPARE(last.number, 2);
    QCOMPARE(last.text, QByteArray("0"));
    QCOMPARE(last.extensions, QByteArray(";last"));
    QCOMPARE(last.range.offset, head.size() + body.indexOf("0;last"));
    const QList<FramingFact> trailers = all(facts, Kind::Trailer);
    QCOMPARE(trailers.at(0).text, QByteArray("Expires: never"));
    QCOMPARE(trailers.at(1).text, QByteArray());
    QCOMPARE(first(facts, Kind::BodyEnd).range.offset, head.size() + body.size());
}

void TestFramingFacts::chunkedUpperHexAndLargeChunks()
{
    const QByteArray data(0x1F4, 'x');
    const QByteArray body = "1F4\r\n" + data + "\r\n1f4\r\n" + data + "\r\n0\r\n\r\n";
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body}, stopped(StopReason::HttpComplete));
    const QList<FramingFact> chunks = all(reply.facts(), Kind::Chunk);
    QCOMPARE(chunks.size(), 2);
    QCOMPARE(chunks.at(0).text, QByteArray("1F4"));
    QCOMPARE(chunks.at(0).value, 500);
    QCOMPARE(chunks.at(1).text, QByteArray("1f4"));
    QCOMPARE(chunks.at(1).value, 500);
    QCOMPARE(chunks.at(1).dataRange.length, 500);
    QVERIFY(FramingText::describe(chunks.at(0)).contains(QLatin1String("0x1F4")));
    QVERIFY(FramingText::describe(chunks.at(0)).contains(QLatin1String("500")));
}

void TestFramingFacts::untilClose()
{
    const QByteArray head = "HTTP/1.0 200 OK\r\nServer: t\r\n\r\n";
    Reply reply({head, "part one ", "part two"}, stopped(StopReason::PeerClosed));
    const QList<FramingFact> facts = reply.facts();
    QCOMPARE(kinds(facts), (QList<Kind>{Kind::Stop, Kind::StatusLine, Kind::NoLength, Kind::HeadEnd, Kind::Body,
                                        Kind::BodyEnd, Kind::NothingAfter, Kind::LoopSame}));
    QCOMPARE(first(facts, Kind::NoLength).range, (ByteRange{head.size() - 2, 2}));
    QCOMPARE(first(facts, Kind::Body).range, (ByteRange{head.size(), 17}));
    QCOMPARE(first(facts, Kind::BodyEnd).firstSegment, 3);
    // Closed at totalUs 18 ms, the first byte at 10 ms.
    QCOMPARE(first(facts, Kind::LoopSame).timeUs, 8000);
}

void TestFramingFacts::noBody_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("kind");
    QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n")
                          << int(Kind::NoBodyHead);
    QTest::newRow("204") << QByteArray("GET") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << int(Kind::NoBodyStatus);
    QTest::newRow("304") << QByteArray("GET") << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n")
                         << int(Kind::NoBodyStatus);
}

void TestFramingFacts::noBody()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, reply);
    QFETCH(int, kind);
    Reply r({reply}, stopped(StopReason::HttpComplete), method);
    const QList<FramingFact> facts = r.facts();
    QCOMPARE(kinds(facts), (QList<Kind>{Kind::Stop, Kind::StatusLine, Kind(kind), Kind::HeadEnd, Kind::BodyEnd,
                                        Kind::NothingAfter, Kind::LoopKeepAlive}));
    QCOMPARE(first(facts, Kind::BodyEnd).range.offset, reply.size());
    QCOMPARE(first(facts, Kind(kind)).range.offset, 0);
}

void TestFramingFacts::bytesAfterBodyInLaterRecv()
{
    const QByteArray message = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc";
    Reply reply({message, "junk", "more"}, stopped(StopReason::PeerClosed));
    const QList<FramingFact> facts = reply.facts();
    const FramingFact &after = first(facts, Kind::AfterBody);
    QCOMPARE(after.range, (ByteRange{message.size(), 8}));
    QCOMPARE(after.value, 8);
    QCOMPARE(after.firstSegment, 2);
    QCOMPARE(after.lastSegment, 3);
    QCOMPARE(after.timeUs, 11000);
    QCOMPARE(first(facts, Kind::BodyEnd).firstSegment, 1);
    QVERIFY(FramingText::describe(after).contains(QLatin1String("#2")));
    QVERIFY(FramingText::describe(after).contains(QLatin1String("#3")));
}

void TestFramingFacts::cutMidChunk()
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    Reply reply({head + "a\r\n0123", "45"}, stopped(StopReason::PeerClosed));
    const QList<FramingFact> facts = reply.facts();
    QVERIFY(!kinds(facts).contains(Kind::BodyEnd));
    const FramingFact &chunk = first(facts, Kind::Chunk);
    QCOMPARE(chunk.value, 10);
    QCOMPARE(chunk.dataRange.length, 6);
    const FramingFact &incomplete = first(facts, Kind::Incomplete);
    QCOMPARE(incomplete.value, 4);
    QCOMPARE(incomplete.range.offset, head.size() + 3 + 6);
    QVERIFY(FramingText::describe(chunk).contains(QLatin1String("Only")));
}

void TestFramingFacts::malformed()
{
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}, stopped(StopReason::Malformed));
    const FramingFact &bad = first(reply.facts(), Kind::Malformed);
    QCOMPARE(bad.range.offset, 47);
}

void TestFramingFacts::notHttp()
{
    Reply reply({"hello ", "world"}, stopped(StopReason::PeerClosed), "HELO", false);
    const QList<FramingFact> facts = reply.facts();
    QCOMPARE(kinds(facts), (QList<Kind>{Kind::Stop, Kind::NotHttp, Kind::LoopSame}));
    QCOMPARE(first(facts, Kind::LoopSame).value, 11);

    Reply idle({"hello"}, stopped(StopReason::Idle), "HELO", false);
    const QList<FramingFact> idleFacts = idle.facts();
    QCOMPARE(kinds(idleFacts), (QList<Kind>{Kind::Stop, Kind::NotHttp, Kind::LoopObserved}));
    // The last byte at 10 ms, reading stopped at 16 ms.
    QCOMPARE(first(idleFacts, Kind::LoopObserved).waitUs, 6000);
}

void TestFramingFacts::loopKeepAliveAnnounced()
{
    const QByteArray message = "HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\nContent-Length: 1\r\n\r\nx";
    Reply reply({message}, stopped(StopReason::HttpComplete));
    const FramingFact &loop = first(reply.facts(), Kind::LoopKeepAlive);
    QCOMPARE(loop.value, 5);
    QCOMPARE(loop.text, QByteArray("Keep-Alive: timeout=5, max=100"));
    QCOMPARE(loop.range.offset, message.indexOf("Keep-Alive"));
    QVERIFY(FramingText::describe(loop).contains(QLatin1String("5 s")));
}

void TestFramingFacts::loopObservedWait()
{
    StopInfo stop = stopped(StopReason::Stopped);
    stop.httpComplete = true;
    Reply reply({"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n", "x"}, stop);
    reply.input.timings.totalUs = 2011000;
    const FramingFact &loop = first(reply.facts(), Kind::LoopKeepAlive);
    QCOMPARE(loop.value, -1);
    // The last byte at 11 ms; the person stopped at 2011 ms.
    QCOMPARE(loop.waitUs, 2000000);
    QVERIFY(FramingText::describe(loop).contains(QStringLiteral("2,000.000 ms")));
}

void TestFramingFacts::loopConnectionClose()
{
    const QByteArray message = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx";
    Reply reply({message}, stopped(StopReason::HttpComplete));
    const FramingFact &loop = first(reply.facts(), Kind::LoopConnectionClose);
    QCOMPARE(loop.text, QByteArray("Connection: close"));
    QCOMPARE(loop.range.offset, message.indexOf("Connection"));
}

void TestFramingFacts::manyChunksListedWithinBounds()
{
    QByteArray body;
    const int count = MaxListedChunks + 50;
    for (int i = 0; i < count; ++i)
        body += "1\r\nx\r\n";
    body += "0\r\n\r\n";
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body}, stopped(StopReason::HttpComplete));
    const QList<FramingFact> facts = reply.facts();
    QCOMPARE(all(facts, Kind::Chunk).size(), MaxListedChunks);
    QCOMPARE(first(facts, Kind::ChunksNotListed).value, 50);
    QCOMPARE(first(facts, Kind::LastChunk).number, count + 1);
    // The chunks left out are not read: one read per line said, not one per chunk.
    QVERIFY2(reply.bytes.reads() < MaxListedChunks + 10, qPrintable(QString::number(reply.bytes.reads())));
}

// 50,000 chunks: three marks each, past HttpResponseParser's 100,000 (about 33,333 chunks).
void TestFramingFacts::chunksPastTheParsersMarks()
{
    QByteArray body;
    const int count = 50000;
    for (int i = 0; i < count; ++i)
        body += "1\r\nx\r\n";
    body += "0\r\nX-Sum: 1\r\n\r\n";
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body}, stopped(StopReason::HttpComplete));
    QVERIFY(reply.parser.marksTruncated());
    const QList<FramingFact> facts = reply.facts();
    const QList<FramingFact> chunks = all(facts, Kind::Chunk);
    QCOMPARE(chunks.size(), MaxListedChunks);
    for (const FramingFact &chunk : chunks)
        QVERIFY(chunk.dataRange.offset >= 0);
    const FramingFact omitted = first(facts, Kind::ChunksNotListed);
    QCOMPARE(omitted.value, count - MaxListedChunks);
    QVERIFY(omitted.number > 30000 && omitted.number < count);
    const FramingFact last = first(facts, Kind::LastChunk);
    QCOMPARE(last.number, count + 1);
    QCOMPARE(last.text, QByteArray("0"));
    QCOMPARE(reply.bytes.read(last.range.offset, last.range.length), QByteArray("0\r\n"));
    const QList<FramingFact> trailers = all(facts, Kind::Trailer);
    QCOMPARE(trailers.size(), 2);
    QCOMPARE(trailers.at(0).text, QByteArray("X-Sum: 1"));
    QCOMPARE(kinds(facts).indexOf(Kind::ChunksNotListed) + 1, kinds(facts).indexOf(Kind::LastChunk));
    QVERIFY(kinds(facts).contains(Kind::BodyEnd));
    QVERIFY(FramingText::describe(omitted).contains(QStringLiteral("counted")));
}

// Cut off in the middle of chunk 50,000, before any of its data came: that one is said, the rest counted.
void TestFramingFacts::chunksPastTheParsersMarksCutOff()
{
    QByteArray body;
    const int count = 50000;
    for (int i = 1; i < count; ++i)
        body += "1\r\nx\r\n";
    body += "5\r\n";
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body}, stopped(StopReason::Idle));
    QVERIFY(reply.parser.marksTruncated());
    const QList<FramingFact> facts = reply.facts();
    QCOMPARE(first(facts, Kind::ChunksNotListed).value, count - 1 - MaxListedChunks);
    const QList<FramingFact> chunks = all(facts, Kind::Chunk);
    QCOMPARE(chunks.size(), MaxListedChunks + 1);
    QCOMPARE(chunks.constLast().number, count);
    QCOMPARE(chunks.constLast().value, 5);
    QCOMPARE(chunks.constLast().dataRange.offset, -1);
    QCOMPARE(first(facts, Kind::Incomplete).value, 5);
    QVERIFY(all(facts, Kind::LastChunk).isEmpty());
}

void TestFramingFacts::replayContentLength()
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nA: 1\r\nContent-Length: 10\r\n\r\n";
    Reply reply({"HTTP/1.1 2", "00 OK\r\nA: 1\r\nCont", "ent-Length: 10\r\n\r\nabcd", "efghij", "extra"},
                stopped(StopReason::PeerClosed));
    const QList<ReplayStep> steps = reply.replay();
    QCOMPARE(steps.size(), 5);
    QCOMPARE(steps.at(0).progress.where, Where::StatusLine);
    QCOMPARE(steps.at(0).sinceFirstByteUs, 0);
    QCOMPARE(steps.at(0).sinceSendUs, 1000);
    QCOMPARE(steps.at(1).progress.where, Where::Headers);
    QCOMPARE(steps.at(1).progress.fields, 1);
    QCOMPARE(steps.at(1).sinceFirstByteUs, 1000);
    QCOMPARE(steps.at(2).progress.where, Where::Body);
    QCOMPARE(steps.at(2).bodyBytes, 4);
    QCOMPARE(steps.at(2).contentLength, 10);
    QCOMPARE(steps.at(3).state, State::Complete);
    QCOMPARE(steps.at(3).afterEnd, 0);
    QCOMPARE(steps.at(4).state, State::Complete);
    QCOMPARE(steps.at(4).afterEnd, 5);
    QVERIFY(steps.at(4).closed);
    QCOMPARE(FramingText::stepState(steps.at(0)), QStringLiteral("Status line incomplete."));
    QVERIFY(FramingText::stepState(steps.at(2)).startsWith(QStringLiteral("Body: 4 of 10 bytes.")));
    QVERIFY(FramingText::stepState(steps.at(4)).contains(QStringLiteral("5 bytes after the end")));
    QVERIFY(FramingText::stepHeading(steps.at(1)).startsWith(QStringLiteral("recv #2")));
}

void TestFramingFacts::replayChunked()
{
    const QByteArray data(0x1f4, 'y');
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n1F",
                 "4\r\n" + data.left(120), data.mid(120), "\r\n", "0\r\nX: 1\r\n", "\r\n"},
                stopped(StopReason::HttpComplete));
    const QList<ReplayStep> steps = reply.replay();
    QCOMPARE(steps.size(), 6);
    QCOMPARE(steps.at(0).progress.where, Where::ChunkSizeLine);
    QCOMPARE(steps.at(0).progress.chunks, 1);
    QCOMPARE(FramingText::stepState(steps.at(0)), QStringLiteral("Chunk 2: its size line has not come whole."));
    QCOMPARE(steps.at(1).progress.where, Where::ChunkData);
    QCOMPARE(steps.at(1).progress.chunks, 2);
    QCOMPARE(steps.at(1).progress.chunkSize, 500);
    QCOMPARE(steps.at(1).progress.chunkRead, 120);
    QCOMPARE(FramingText::stepState(steps.at(1)), QStringLiteral("Chunk 2 (size 0x1f4 = 500): 120 of 500 bytes."));
    QCOMPARE(steps.at(2).progress.where, Where::ChunkDataEnd);
    QCOMPARE(steps.at(3).progress.where, Where::ChunkSizeLine);
    QCOMPARE(steps.at(4).progress.where, Where::Trailers);
    QCOMPARE(steps.at(4).progress.fields, 1);
    QCOMPARE(steps.at(5).state, State::Complete);
}

void TestFramingFacts::replayUntilCloseAndNotHttp()
{
    Reply reply({"HTTP/1.0 200 OK\r\n\r\nab", "cd"}, stopped(StopReason::PeerClosed));
    const QList<ReplayStep> steps = reply.replay();
    QCOMPARE(steps.at(0).progress.where, Where::Body);
    QCOMPARE(steps.at(0).state, State::Incomplete);
    QCOMPARE(steps.at(1).state, State::Complete);
    QVERIFY(steps.at(1).closed);
    QVERIFY(FramingText::stepState(steps.at(1)).contains(QStringLiteral("server closed")));

    Reply chunked({"HTTP/1.1 200 OK\r\nA: 1\r\nTransfer-Encoding: chunked\r\n\r\n", "0\r\n\r\n"},
                  stopped(StopReason::HttpComplete));
    QCOMPARE(FramingText::stepState(chunked.replay().at(0)),
             QStringLiteral("Headers complete (2 read), the body chunked: the first chunk's size line has not come whole."));

    Reply plain({"abc", "de"}, stopped(StopReason::PeerClosed), "X", false);
    const QList<ReplayStep> plainSteps = plain.replay();
    QCOMPARE(plainSteps.size(), 2);
    QVERIFY(!plainSteps.at(0).http);
    QCOMPARE(plainSteps.at(1).received, 5);
    QCOMPARE(FramingText::stepState(plainSteps.at(0)), QStringLiteral("3 bytes received so far."));
}

void TestFramingFacts::replayReadsInPieces()
{
    // One 3 MiB recv(): fed in pieces, never read whole.
    const qint64 big = 3 * 1024 * 1024;
    Reply reply({"HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(big) + "\r\n\r\n", QByteArray(big, 'z')},
                stopped(StopReason::HttpComplete));
    const QList<ReplayStep> steps = reply.replay();
    QCOMPARE(steps.at(1).state, State::Complete);
    QVERIFY(reply.bytes.largestRead() <= 1024 * 1024);
    reply.facts();
    QVERIFY(reply.bytes.largestRead() <= 1024 * 1024);
}

void TestFramingFacts::sentences()
{
    Reply reply({"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10;a=b\r\n0123456789abcdef\r\n0\r\n\r\n"},
                stopped(StopReason::HttpComplete));
    for (const FramingFact &fact : reply.facts())
        QVERIFY2(!FramingText::describe(fact).isEmpty(), qPrintable(QString::number(int(fact.kind))));
    const QString chunk = FramingText::describe(first(reply.facts(), Kind::Chunk));
    QCOMPARE(chunk, QStringLiteral("Chunk 1: size line “10”, 0x10 = 16 bytes. Extensions “;a=b”, which only name "
                                   "things: they change no size. Its data: offsets 55 (0x37) to 70 (0x46)."));
}

void TestFramingFacts::french()
{
    QVERIFY(Translations::install(QStringLiteral("fr")));
    Reply reply({"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab", "cd"}, stopped(StopReason::HttpComplete));
    const QString length = FramingText::describe(first(reply.facts(), Kind::ContentLength));
    const QString state = FramingText::stepState(reply.replay().at(0));
    QVERIFY(Translations::install(QStringLiteral("en")));
    QVERIFY2(length.contains(QStringLiteral("Content-Length: 4")) && !length.contains(QLatin1String("decided")),
             qPrintable(length));
    QVERIFY2(state.startsWith(QStringLiteral("Corps")), qPrintable(state));
}

QTEST_GUILESS_MAIN(TestFramingFacts)
#include "tst_framingfacts.moc"
