#include "freeport.h"
#include "bytes/bytestore.h"
#include "bytes/filesink.h"
#include "exchange/tcpexchange.h"
#include "http/httpresponseparser.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "text/stoptext.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace SocketLab;

namespace {

const QByteArray NotebookHttp10 = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
const QByteArray NotebookHttp11 = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n");

struct Run
{
    TcpResult result;
    ByteStore store;
    Trace trace;
};

std::unique_ptr<Run> exchange(TcpRequest request, const CancelToken *cancel = nullptr)
{
    auto run = std::make_unique<Run>();
    CancelToken own;
    TcpExchange exchange(request, run->store, run->trace, cancel ? *cancel : own);
    run->result = exchange.run();
    return run;
}

TcpRequest loopback(quint16 port, const QByteArray &payload = {}, StopRule rule = {})
{
    TcpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(port);
    request.payload = payload;
    request.stopRule = rule;
    request.totalTimeoutMs = 20000;
    return request;
}

QStringList calls(const Trace &trace)
{
    QStringList names;
    for (const TraceEntry &entry : trace.entries())
        names << entry.call;
    return names;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTcpExchange : public QObject
{
    Q_OBJECT

private slots:
    void notebookRequests_data();
    void notebookRequests();
    void httpRuleStopsAtFraming_data();
    void httpRuleStopsAtFraming();
    void switchedProtocolsEndAtTheHead();
    void connectTunnelEndsAtTheHead();
    void otherProtocolsAreParsedWhateverTheRule();
    void transferEncodingNotChunkedEndsAtClose();
    void malformedHttpKeepsBytes_data();
    void malformedHttpKeepsBytes();
    void refusedConnection();
    void connectTimeout();
    void cancelWhileWaiting();
    void totalTimeout();
    void resetAfterDataKeepsData();
    void idleRule();
    void trickleMakesManySegments();
    void sizeCapOnEndlessData();
    void byteCountRule();
    void recvSizeLimitsEachCall();
    void ipv6Loopback();
    void triesEveryAddressInOrder();
    void unresolvableName();
    void streamsToFile();
    void longTransferFoldsTrace();
    void phasesInOrder();
    void receivingObserverSeesTheConnectionBeforeTheReply();
};

void TestTcpExchange::notebookRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("HTTP/1.0") << NotebookHttp10;
    QTest::newRow("HTTP/1.1 Host Connection: close") << NotebookHttp11;
}

void TestTcpExchange::notebookRequests()
{
    QFETCH(QByteArray, request);
    QTemporaryDir dir;
    const QString record = dir.filePath(QStringLiteral("request.bin"));
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook"), QStringLiteral("--record"), record});
    QVERIFY(peer.port());

    const auto run = exchange(loopback(peer.port(), request));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(readFile(record), request);
    QCOMPARE(run->result.sentBytes, request.size());
    QCOMPARE(run->result.stop.reason, StopReason::PeerClosed);
    const QByteArray reply = run->store.toByteArray();
    QVERIFY(reply.startsWith("HTTP/1.1 200 OK\r\nServer: Apache\r\n"));
    QVERIFY(reply.endsWith("</html>\n"));
    QCOMPARE(run->result.receivedBytes, reply.size());
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->statusCode(), 200);
    QCOMPARE(run->result.http->framing(), HttpFraming::ContentLength);
    QCOMPARE(run->result.http->bodyBytes(), run->result.http->contentLength());
    QCOMPARE(run->result.connectedTo.toString(), QStringLiteral("127.0.0.1:%1").arg(peer.port()));
    QCOMPARE(run->result.local.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(run->result.timings.resolvedUs <= run->result.timings.connectedUs);
    QVERIFY(run->result.timings.connectedUs <= run->result.timings.firstByteUs);
    QVERIFY(run->result.timings.firstByteUs <= run->result.timings.totalUs);
    const QStringList names = calls(run->trace);
    QCOMPARE(names.first(), QStringLiteral("getaddrinfo"));
    for (const QString &call : {QStringLiteral("socket"), QStringLiteral("connect"), QStringLiteral("send"),
                                QStringLiteral("recv"), QStringLiteral("close")})
        QVERIFY2(names.contains(call), qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY(names.indexOf(QStringLiteral("connect")) < names.indexOf(QStringLiteral("send")));
    QCOMPARE(names.last(), QStringLiteral("close"));
}

void TestTcpExchange::httpRuleStopsAtFraming_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<HttpFraming>("framing");
    QTest::addColumn<qint64>("bodyBytes");
    QTest::newRow("Content-Length, bare LF") << QStringLiteral("bare-lf") << NotebookHttp11 << HttpFraming::ContentLength << qint64(5);
    QTest::newRow("chunked") << QStringLiteral("chunked") << NotebookHttp11 << HttpFraming::Chunked << qint64(9);
    QTest::newRow("HEAD") << QStringLiteral("head") << QByteArrayLiteral("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
                          << HttpFraming::NoBody << qint64(0);
    QTest::newRow("RTSP after an empty line") << QStringLiteral("rtsp") << NotebookHttp11 << HttpFraming::ContentLength
                                              << qint64(5);
}

void TestTcpExchange::httpRuleStopsAtFraming()
{
    QFETCH(QString, mode);
    QFETCH(QByteArray, request);
    QFETCH(HttpFraming, framing);
    QFETCH(qint64, bodyBytes);
    // These peers hold the connection open: only the framing can end the exchange in time.
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {mode});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), request, StopRule{StopRule::Kind::Http, 0}));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(run->result.stop.reason, StopReason::HttpComplete);
    QCOMPARE(run->result.stop.framing, framing);
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->bodyBytes(), bodyBytes);
    QCOMPARE(run->result.http->messageEnd(), run->result.receivedBytes);
}

void TestTcpExchange::switchedProtocolsEndAtTheHead()
{
    // The peer holds the connection open after the new protocol's first frame: the 101's head is the
    // whole HTTP message, so the HTTP rule stops there.
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("switch-protocols")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp11, StopRule{StopRule::Kind::Http, 0}));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(run->result.stop.reason, StopReason::HttpComplete);
    QCOMPARE(run->result.stop.framing, HttpFraming::SwitchedProtocols);
    QVERIFY(run->result.http);
    const HttpResponseParser &http = *run->result.http;
    QCOMPARE(http.bodyBytes(), qint64(0));
    const qint64 head = qint64(strlen("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
    QCOMPARE(http.messageEnd(), head);
    // Whatever came with the head in the same read is the new protocol's, kept and never a body.
    QCOMPARE(http.upgradedBytes(), (ByteRange{head, run->result.receivedBytes - head}));
    QVERIFY(http.deviations().isEmpty());
    QVERIFY2(describeStop(run->result.stop).contains(QStringLiteral("switched protocols")),
             qPrintable(describeStop(run->result.stop)));
}

void TestTcpExchange::connectTunnelEndsAtTheHead()
{
    // A proxy answers the CONNECT with 200 and echoes what goes through the tunnel, holding it open:
    // the 200's head is the whole HTTP message, so the HTTP rule stops there, not at the close.
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("connect-tunnel")});
    QVERIFY(peer.port());
    const QByteArray tunnelled = "ping through the tunnel\r\n\r\n";
    const QByteArray request = "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n" + tunnelled;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto run = exchange(loopback(peer.port(), request, StopRule{StopRule::Kind::Http, 0}));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QVERIFY2(elapsed.elapsed() < 5000, "the exchange waited for the tunnel to close");
    QCOMPARE(run->result.stop.reason, StopReason::HttpComplete);
    QCOMPARE(run->result.stop.framing, HttpFraming::Tunnel);
    QVERIFY(run->result.http);
    const HttpResponseParser &http = *run->result.http;
    QCOMPARE(http.statusCode(), 200);
    QCOMPARE(http.bodyBytes(), qint64(0));
    const qint64 head = qint64(strlen("HTTP/1.1 200 Connection established\r\n\r\n"));
    QCOMPARE(http.messageEnd(), head);
    // What came with the head is the tunnel's, echoed: kept, never a body nor extra data.
    QCOMPARE(http.upgradedBytes(), (ByteRange{head, run->result.receivedBytes - head}));
    QVERIFY(tunnelled.startsWith(run->store.toByteArray().mid(head)));
    QVERIFY(http.deviations().isEmpty());
    QVERIFY2(describeStop(run->result.stop).contains(QStringLiteral("tunnel")), qPrintable(describeStop(run->result.stop)));
}

void TestTcpExchange::otherProtocolsAreParsedWhateverTheRule()
{
    // Read until the server closes, not by the HTTP rule: the reply is still analysed when it starts
    // with an empty line and another protocol's name.
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("rtsp"), QStringLiteral("--hold"), QStringLiteral("0")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp11));
    QCOMPARE(run->result.stop.reason, StopReason::PeerClosed);
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->protocol(), QByteArray("RTSP"));
    QCOMPARE(run->result.http->version(), QByteArray("RTSP/1.0"));
    QCOMPARE(run->result.http->headerValue("CSeq"), QByteArray("1"));
    QCOMPARE(run->result.http->state(), HttpResponseParser::State::Complete);
}

void TestTcpExchange::transferEncodingNotChunkedEndsAtClose()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("te-gzip")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp11, StopRule{StopRule::Kind::Http, 0}));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(run->result.stop.reason, StopReason::PeerClosed);
    QCOMPARE(run->result.stop.framing, HttpFraming::UntilClose);
    QVERIFY(run->result.stop.transferEncodingNotChunked);
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->bodyBytes(), qint64(strlen("\x1f\x8b not really gzip")));
    const QString sentence = describeStop(run->result.stop);
    QVERIFY2(sentence.contains(QStringLiteral("Transfer-Encoding does not end with chunked")), qPrintable(sentence));
}

void TestTcpExchange::malformedHttpKeepsBytes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<HttpResponseParser::ErrorKind>("error");
    QTest::newRow("bad chunk size") << QStringLiteral("bad-chunk") << HttpResponseParser::ErrorKind::BadChunkSize;
    QTest::newRow("conflicting Content-Length") << QStringLiteral("dup-content-length")
                                                << HttpResponseParser::ErrorKind::ConflictingContentLength;
    QTest::newRow("huge headers") << QStringLiteral("huge-headers") << HttpResponseParser::ErrorKind::HeaderSectionTooLarge;
    QTest::newRow("closed mid-body") << QStringLiteral("truncated") << HttpResponseParser::ErrorKind::Truncated;
}

void TestTcpExchange::malformedHttpKeepsBytes()
{
    QFETCH(QString, mode);
    QFETCH(HttpResponseParser::ErrorKind, error);
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {mode});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp11, StopRule{StopRule::Kind::Http, 0}));
    QCOMPARE(run->result.error.kind, NetError::Kind::Malformed);
    QCOMPARE(run->result.stop.reason, StopReason::Malformed);
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->error(), error);
    QVERIFY(run->result.receivedBytes > 0);
    QCOMPARE(run->store.size(), run->result.receivedBytes);
}

void TestTcpExchange::refusedConnection()
{
    const quint16 port = freeLoopbackPort();
    const auto run = exchange(loopback(port, NotebookHttp10));
    QCOMPARE(run->result.error.kind, NetError::Kind::System);
    QCOMPARE(run->result.error.codeName(), QStringLiteral("ECONNREFUSED"));
    QCOMPARE(run->result.error.call, QStringLiteral("connect"));
    QCOMPARE(run->result.error.detail, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(run->result.stop.reason, StopReason::Error);
    QCOMPARE(run->result.attempts.size(), 1);
    QCOMPARE(run->result.sentBytes, 0);
    QVERIFY(!run->result.connectedTo.isValid());
}

void TestTcpExchange::connectTimeout()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("full-backlog")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10);
    request.connectTimeoutMs = 300;
    const auto run = exchange(request);
    QCOMPARE(run->result.error.kind, NetError::Kind::Timeout);
    QCOMPARE(run->result.error.call, QStringLiteral("connect"));
    QCOMPARE(run->result.stop.reason, StopReason::Timeout);
    QCOMPARE(run->result.stop.limit, 300);
    QVERIFY(run->result.timings.totalUs >= 300000);
}

void TestTcpExchange::cancelWhileWaiting()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("greet")});
    QVERIFY(peer.port());
    const QByteArray greeting = QByteArrayLiteral("220 hello\r\n");
    // No timeout at all: only the cancel can end this exchange.
    TcpRequest request = loopback(peer.port());
    request.totalTimeoutMs = 0;
    Run run;
    CancelToken cancel;
    QElapsedTimer clock;
    clock.start();
    std::thread worker([&] {
        TcpExchange exchange(request, run.store, run.trace, cancel);
        run.result = exchange.run();
    });
    // Whatever fails below, the exchange ends and its thread is joined before the function returns.
    auto stop = qScopeGuard([&] {
        cancel.cancel();
        worker.join();
    });
    // The peer greets and then says nothing more: once the greeting is in, the exchange waits.
    QTRY_COMPARE_WITH_TIMEOUT(run.store.size(), qint64(greeting.size()), 10000);
    cancel.cancel();
    worker.join();
    stop.dismiss();
    QVERIFY(clock.elapsed() < 10000);
    QCOMPARE(run.result.stop.reason, StopReason::Cancelled);
    QCOMPARE(run.result.error.kind, NetError::Kind::Cancelled);
    // What arrived before the cancel stays.
    QCOMPARE(run.store.toByteArray(), greeting);
}

void TestTcpExchange::totalTimeout()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("silent")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10);
    request.totalTimeoutMs = 300;
    const auto run = exchange(request);
    QCOMPARE(run->result.stop.reason, StopReason::Timeout);
    QCOMPARE(run->result.stop.limit, 300);
    QCOMPARE(run->result.error.kind, NetError::Kind::Timeout);
    QCOMPARE(run->result.sentBytes, NotebookHttp10.size());
}

void TestTcpExchange::resetAfterDataKeepsData()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("reset-after-data"), QStringLiteral("--bytes"), QStringLiteral("5000")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp10));
    QCOMPARE(run->result.error.codeName(), QStringLiteral("ECONNRESET"));
    QCOMPARE(run->result.error.call, QStringLiteral("recv"));
    QCOMPARE(run->result.stop.reason, StopReason::Error);
    QCOMPARE(run->result.receivedBytes, 5000);
    QCOMPARE(run->store.toByteArray(), QByteArray(5000, 'x'));
}

void TestTcpExchange::idleRule()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("never-close"), QStringLiteral("--bytes"), QStringLiteral("1000")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp10, StopRule{StopRule::Kind::Idle, 300}));
    QVERIFY(!run->result.error.isError());
    QCOMPARE(run->result.stop.reason, StopReason::Idle);
    QCOMPARE(run->result.stop.limit, 300);
    QCOMPARE(run->result.receivedBytes, 1000);
}

void TestTcpExchange::trickleMakesManySegments()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"),
                     {QStringLiteral("trickle"), QStringLiteral("--bytes"), QStringLiteral("12"), QStringLiteral("--interval"), QStringLiteral("0.05")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp10));
    QCOMPARE(run->result.stop.reason, StopReason::PeerClosed);
    QCOMPARE(run->store.toByteArray(), QByteArrayLiteral("abcdefghijkl"));
    const QList<Segment> segments = run->store.segments();
    QVERIFY2(segments.size() >= 6, qPrintable(QString::number(segments.size())));
    for (qsizetype i = 1; i < segments.size(); ++i) {
        QCOMPARE(segments.at(i).offset, segments.at(i - 1).offset + segments.at(i - 1).length);
        QVERIFY(segments.at(i).timeUs >= segments.at(i - 1).timeUs);
    }
}

void TestTcpExchange::sizeCapOnEndlessData()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("endless")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10);
    request.maxBytes = 1024 * 1024 + 7;
    const auto run = exchange(request);
    QVERIFY(!run->result.error.isError());
    QCOMPARE(run->result.stop.reason, StopReason::SizeCap);
    QCOMPARE(run->result.receivedBytes, 1024 * 1024 + 7);
    QCOMPARE(run->store.size(), 1024 * 1024 + 7);
}

void TestTcpExchange::byteCountRule()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("endless")});
    QVERIFY(peer.port());
    const auto run = exchange(loopback(peer.port(), NotebookHttp10, StopRule{StopRule::Kind::Bytes, 100003}));
    QCOMPARE(run->result.stop.reason, StopReason::ByteCountReached);
    QCOMPARE(run->result.receivedBytes, 100003);
}

void TestTcpExchange::recvSizeLimitsEachCall()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10);
    request.recvSize = 16;
    const auto run = exchange(request);
    QVERIFY(run->result.receivedBytes > 100);
    const QList<Segment> segments = run->store.segments();
    QCOMPARE(segments.size(), (run->result.receivedBytes + 15) / 16);
    for (const Segment &segment : segments)
        QVERIFY(segment.length <= 16);
}

void TestTcpExchange::ipv6Loopback()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook"), QStringLiteral("--family"), QStringLiteral("inet6")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10);
    request.host = QStringLiteral("::1");
    const auto run = exchange(request);
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.codeName()));
    QCOMPARE(run->result.connectedTo.toString(), QStringLiteral("[::1]:%1").arg(peer.port()));
    QCOMPARE(run->result.local.family(), IpFamily::V6);
}

void TestTcpExchange::triesEveryAddressInOrder()
{
    // The peer listens on ::1 only; 127.0.0.1 and ::1 both answer "localhost" when both are asked for
    // by a numeric list, so build that list through the resolver's own order: IPv4 first refused.
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook"), QStringLiteral("--family"), QStringLiteral("inet6")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10);
    request.host = QStringLiteral("localhost");
    const auto run = exchange(request);
    // Whatever /etc/hosts lists for localhost, every attempt before the last was refused, in order.
    QVERIFY(!run->result.attempts.isEmpty());
    for (qsizetype i = 0; i + 1 < run->result.attempts.size(); ++i)
        QCOMPARE(run->result.attempts.at(i).error.codeName(), QStringLiteral("ECONNREFUSED"));
    QCOMPARE(run->result.attempts.size(), qMin(run->result.resolved.size(), run->result.attempts.size()));
    for (qsizetype i = 0; i < run->result.attempts.size(); ++i)
        QCOMPARE(run->result.attempts.at(i).address, run->result.resolved.at(i).address);
    const bool hasIpv6 = std::any_of(run->result.resolved.cbegin(), run->result.resolved.cend(),
                                     [](const AddrInfoRow &row) { return row.family == IpFamily::V6; });
    if (hasIpv6) {
        QVERIFY(!run->result.error.isError());
        QCOMPARE(run->result.connectedTo.family(), IpFamily::V6);
    } else {
        QCOMPARE(run->result.error.codeName(), QStringLiteral("ECONNREFUSED"));
        QCOMPARE(run->result.attempts.size(), run->result.resolved.size());
    }
}

void TestTcpExchange::unresolvableName()
{
    // The test runs in a network namespace of its own: the lookup cannot leave the machine.
    TcpRequest request = loopback(80, NotebookHttp10);
    request.host = QStringLiteral("no-such-host.invalid");
    const auto run = exchange(request);
    QCOMPARE(run->result.error.kind, NetError::Kind::Resolve);
    QVERIFY(run->result.error.codeName().startsWith(QStringLiteral("EAI_")));
    QCOMPARE(run->result.error.detail, QStringLiteral("no-such-host.invalid"));
    QCOMPARE(run->result.stop.reason, StopReason::Error);
    QVERIFY(run->result.attempts.isEmpty());
}

void TestTcpExchange::streamsToFile()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook")});
    QVERIFY(peer.port());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    FileSink sink;
    QVERIFY(sink.open(path));
    Trace trace;
    CancelToken cancel;
    TcpExchange exchange(loopback(peer.port(), NotebookHttp10), sink, trace, cancel);
    const TcpResult result = exchange.run();
    QVERIFY(sink.close());
    const QByteArray written = readFile(path);
    QCOMPARE(written.size(), result.receivedBytes);
    QVERIFY(written.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(result.http);
    QCOMPARE(result.http->statusCode(), 200);
}

void TestTcpExchange::longTransferFoldsTrace()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("endless")});
    QVERIFY(peer.port());
    TcpRequest request = loopback(peer.port(), NotebookHttp10, StopRule{StopRule::Kind::Bytes, 64 * 1024 * 1024});
    request.recvSize = 4096;
    const auto run = exchange(request);
    QCOMPARE(run->result.receivedBytes, 64 * 1024 * 1024);
    QVERIFY(run->store.segments().size() >= 16384);
    // Thousands of recv() calls, a handful of trace entries, the bytes all accounted for.
    QVERIFY2(run->trace.size() < 20, qPrintable(QString::number(run->trace.size())));
    qint64 recvBytes = 0;
    for (const TraceEntry &entry : run->trace.entries())
        if (entry.call == QLatin1StringView("recv"))
            recvBytes += entry.totalBytes;
    QCOMPARE(recvBytes, 64 * 1024 * 1024);
    QVERIFY(run->trace.callCount() > 16384);
}

void TestTcpExchange::phasesInOrder()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook")});
    QVERIFY(peer.port());
    const auto phasesOf = [](const TcpRequest &request) {
        ByteStore store;
        Trace trace;
        CancelToken cancel;
        TcpExchange exchange(request, store, trace, cancel);
        QList<ExchangePhase> seen;
        exchange.run([&seen](ExchangePhase phase) { seen.append(phase); });
        return seen;
    };
    QCOMPARE(phasesOf(loopback(peer.port(), NotebookHttp10)),
             (QList<ExchangePhase>{ExchangePhase::Resolving, ExchangePhase::Connecting, ExchangePhase::Sending,
                                   ExchangePhase::Receiving, ExchangePhase::Done}));
    // Nothing to send to when no address connects.
    QCOMPARE(phasesOf(loopback(freeLoopbackPort(), NotebookHttp10)),
             (QList<ExchangePhase>{ExchangePhase::Resolving, ExchangePhase::Connecting, ExchangePhase::Done}));
}

void TestTcpExchange::receivingObserverSeesTheConnectionBeforeTheReply()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("notebook")});
    QVERIFY(peer.port());
    ByteStore store;
    Trace trace;
    CancelToken cancel;
    TcpExchange exchange(loopback(peer.port(), NotebookHttp10), store, trace, cancel);
    int calls = 0;
    TcpResult seen;
    qint64 keptThen = -1;
    exchange.setReceivingObserver([&](const TcpResult &soFar) {
        ++calls;
        seen = soFar;
        keptThen = store.size();
    });
    const TcpResult result = exchange.run();
    QCOMPARE(calls, 1);
    QCOMPARE(keptThen, 0);
    QCOMPARE(seen.connectedTo.toString(), result.connectedTo.toString());
    QCOMPARE(seen.local.toString(), result.local.toString());
    QCOMPARE(seen.attempts.size(), 1);
    QCOMPARE(seen.sentBytes, NotebookHttp10.size());
    QVERIFY(store.size() > 0);

    // No connection, no reading: never told.
    TcpExchange refused(loopback(freeLoopbackPort(), NotebookHttp10), store, trace, cancel);
    refused.setReceivingObserver([&](const TcpResult &) { ++calls; });
    refused.run();
    QCOMPARE(calls, 1);
}

QTEST_GUILESS_MAIN(TestTcpExchange)
#include "tst_tcpexchange.moc"
