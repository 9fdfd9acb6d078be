#include "historytesting.h"

#include "dns/lookuphistory.h"
#include "dns/lookuprecordjson.h"
#include "dns/lookupstore.h"
#include "history/exchangerecordjson.h"
#include "history/exchangestore.h"
#include "history/historyfolder.h"
#include "history/historypanel.h"

#include "bytes/bytestore.h"
#include "bytes/namedfilesource.h"
#include "http/httpresponseparser.h"
#include "text/valuejson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QElapsedTimer>

#include <sys/stat.h>

#include <cerrno>

using namespace SocketLab;
using namespace Qt::StringLiterals;

namespace {

using Record = std::shared_ptr<const ExchangeRecord>;

SocketAddress address(const char *host, quint16 port)
{
    return *SocketAddress::fromNumeric(QString::fromLatin1(host), port);
}

NetError anError(NetError::Kind kind, int code, const char *call)
{
    NetError error{kind, code, code + 1, QString::fromLatin1(call), QStringLiteral("detail é"), QStringLiteral("msg"),
                   QStringLiteral("SYM")};
    return error;
}

// A record with every field of every part set to something other than its default.
std::shared_ptr<ExchangeRecord> fullRecord(const QByteArray &reply)
{
    auto record = std::make_shared<ExchangeRecord>();
    record->historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    record->startedAt = QDateTime(QDate(2026, 12, 5), QTime(14, 2, 11, 345));
    ConnectionSettings &s = record->settings;
    s.host = QStringLiteral("exämple.org");
    s.service = QStringLiteral("8443");
    s.family = IpFamily::V6;
    s.tls = true;
    s.tlsServerName = QStringLiteral("lab.test");
    s.tlsAlpn = {QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")};
    s.tlsMinVersion = TlsVersion::Tls13;
    s.tlsCaFile = QStringLiteral("/etc/ssl/lab-ca.pem");
    s.recvSize = 1024;
    s.stopRule = StopRule{StopRule::Kind::Idle, 1500};
    s.connectTimeoutMs = 1234;
    s.totalTimeoutMs = 9876;
    s.maxBytes = 5'000'000'000;
    s.replyFile = QStringLiteral("/tmp/reply.bin");
    s.socketOptions = {{SocketOptionName::NoDelay, 1}, {SocketOptionName::Linger, SocketOptionSetting::LingerOff},
                       {SocketOptionName::ReceiveBuffer, 65536}};
    s.localAddress = address("::1", 0);
    for (int i = 0; i < 256; ++i)
        record->request.append(char(i));
    auto store = std::make_shared<ByteStore>();
    store->append(reply.constData(), reply.size(), 77);
    record->reply = store;
    record->segments = {{0, reply.size() / 2, 100}, {reply.size() / 2, reply.size() - reply.size() / 2, 250}};
    TraceEntry entry;
    entry.timeUs = 12;
    entry.call = QStringLiteral("recv");
    entry.args = QStringLiteral("3, buf, 65536, 0");
    entry.result = -1;
    entry.errnoCode = ECONNRESET;
    entry.count = 4;
    entry.totalBytes = 123456;
    entry.lastTimeUs = 99;
    entry.status = QStringLiteral("SSL_ERROR_WANT_READ");
    entry.statusDetail = QStringLiteral("words");
    record->trace = {entry, TraceEntry{}};

    TcpResult &r = record->result;
    r.resolved = {{IpFamily::V6, SocketKind::Stream, 6, QStringLiteral("canon"), address("::1", 8443)},
                  {IpFamily::V4, SocketKind::Stream, 6, QString(), address("127.0.0.1", 8443)}};
    r.attempts = {{address("::1", 8443), anError(NetError::Kind::System, ECONNREFUSED, "connect"), 5, 6},
                  {address("127.0.0.1", 8443), NetError(), 7, 8}};
    r.connectedTo = address("127.0.0.1", 8443);
    r.local = address("127.0.0.1", 40000);
    r.sentBytes = 256;
    r.receivedBytes = reply.size();
    r.stop = StopInfo{StopReason::Idle, reply.size(), 1500, HttpFraming::Chunked, 42, true, true, true};
    r.error = anError(NetError::Kind::Tls, 294, "SSL_read");
    r.timings = {1, 2, 3, 4, 5};
    TlsInfo tls;
    tls.handshakeDone = true;
    tls.version = QStringLiteral("TLSv1.3");
    tls.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
    tls.alpn = "http/1.1";
    tls.serverName = QStringLiteral("example.org");
    tls.resumed = true;
    tls.handshakeUs = 4321;
    tls.closeNotify = true;
    tls.verify.outcome = TlsVerify::Outcome::PinMismatch;
    tls.verify.code = 18;
    tls.verify.codeName = QStringLiteral("X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT");
    tls.verify.message = QStringLiteral("self-signed certificate");
    tls.verify.checkedName = QStringLiteral("example.org");
    tls.verify.pinned = true;
    tls.verify.expectedPin = QByteArray(32, '\xab');
    CertificateInfo certificate;
    certificate.subject = QStringLiteral("CN=example.org,O=Example");
    certificate.issuer = QStringLiteral("CN=Root");
    certificate.notBefore = QDateTime(QDate(2025, 1, 1), QTime(0, 0, 1), Qt::UTC);
    certificate.notAfter = QDateTime(QDate(2027, 1, 1), QTime(23, 59, 59), Qt::UTC);
    certificate.subjectAltNames = {QStringLiteral("example.org"), QStringLiteral("127.0.0.1")};
    certificate.keyType = QStringLiteral("EC P-256");
    certificate.keyBits = 256;
    certificate.signatureAlgorithm = QStringLiteral("ecdsa-with-SHA256");
    certificate.sha256 = QByteArray(32, '\x01');
    for (int i = 0; i < 600; ++i)
        certificate.der.append(char(i * 31));
    certificate.selfSigned = true;
    tls.chain = {certificate, CertificateInfo{}};
    r.tls = tls;
    SocketOptionOutcome outcome;
    outcome.asked = {SocketOptionName::ReceiveBuffer, 65536};
    outcome.systemName = QStringLiteral("SO_RCVBUF");
    outcome.error = anError(NetError::Kind::System, EPERM, "setsockopt");
    outcome.readBack = true;
    outcome.effective = 131072;
    outcome.adjustment = SocketOptionAdjustment::Doubled;
    outcome.systemLimit = 212992;
    r.socketOptions = {outcome, SocketOptionOutcome{}};
    return record;
}

void compareErrors(const NetError &a, const NetError &b)
{
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.systemCode, b.systemCode);
    QCOMPARE(a.errnoCode, b.errnoCode);
    QCOMPARE(a.call, b.call);
    QCOMPARE(a.detail, b.detail);
    QCOMPARE(a.message, b.message);
    QCOMPARE(a.symbol, b.symbol);
}

void compareRows(const QList<AddrInfoRow> &a, const QList<AddrInfoRow> &b)
{
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].family, b[i].family);
        QCOMPARE(a[i].socketType, b[i].socketType);
        QCOMPARE(a[i].protocol, b[i].protocol);
        QCOMPARE(a[i].canonicalName, b[i].canonicalName);
        QVERIFY(a[i].address == b[i].address);
    }
}

void compareCertificates(const CertificateInfo &a, const CertificateInfo &b)
{
    QCOMPARE(a.subject, b.subject);
    QCOMPARE(a.issuer, b.issuer);
    QCOMPARE(a.notBefore, b.notBefore);
    QCOMPARE(a.notAfter, b.notAfter);
    QCOMPARE(a.subjectAltNames, b.subjectAltNames);
    QCOMPARE(a.keyType, b.keyType);
    QCOMPARE(a.keyBits, b.keyBits);
    QCOMPARE(a.signatureAlgorithm, b.signatureAlgorithm);
    QCOMPARE(a.sha256, b.sha256);
    QCOMPARE(a.der, b.der);
    QCOMPARE(a.selfSigned, b.selfSigned);
}

void compareHttp(const HttpResponseParser *a, const HttpResponseParser *b)
{
    QCOMPARE(bool(a), bool(b));
    if (!a)
        return;
    QCOMPARE(a->state(), b->state());
    QCOMPARE(a->version(), b->version());
    QCOMPARE(a->statusCode(), b->statusCode());
    QCOMPARE(a->reasonPhrase(), b->reasonPhrase());
    QCOMPARE(a->headers().size(), b->headers().size());
    QCOMPARE(a->framing(), b->framing());
    QCOMPARE(a->contentLength(), b->contentLength());
    QCOMPARE(a->bodyBytes(), b->bodyBytes());
    QCOMPARE(a->consumed(), b->consumed());
    QCOMPARE(a->messageEnd(), b->messageEnd());
    QCOMPARE(a->marks().size(), b->marks().size());
    QCOMPARE(a->deviations().size(), b->deviations().size());
    QCOMPARE(a->error(), b->error());
}

void compareRecords(const ExchangeRecord &a, const ExchangeRecord &b)
{
    QCOMPARE(a.historyId, b.historyId);
    QCOMPARE(a.startedAt, b.startedAt);
    QCOMPARE(a.startedAt.time(), b.startedAt.time()); // the clock shown, in local time
    const ConnectionSettings &s = a.settings, &t = b.settings;
    QCOMPARE(s.host, t.host);
    QCOMPARE(s.service, t.service);
    QCOMPARE(s.family, t.family);
    QCOMPARE(s.tls, t.tls);
    QCOMPARE(s.tlsServerName, t.tlsServerName);
    QCOMPARE(s.tlsAlpn, t.tlsAlpn);
    QCOMPARE(s.tlsMinVersion, t.tlsMinVersion);
    QCOMPARE(s.tlsCaFile, t.tlsCaFile);
    QCOMPARE(s.recvSize, t.recvSize);
    QCOMPARE(s.stopRule.kind, t.stopRule.kind);
    QCOMPARE(s.stopRule.value, t.stopRule.value);
    QCOMPARE(s.connectTimeoutMs, t.connectTimeoutMs);
    QCOMPARE(s.totalTimeoutMs, t.totalTimeoutMs);
    QCOMPARE(s.maxBytes, t.maxBytes);
    QCOMPARE(s.replyFile, t.replyFile);
    QCOMPARE(s.socketOptions, t.socketOptions);
    QVERIFY(s.localAddress == t.localAddress);
    QCOMPARE(a.request, b.request);
    QCOMPARE(bool(a.reply), bool(b.reply));
    if (a.reply) {
        QCOMPARE(a.reply->size(), b.reply->size());
        QCOMPARE(a.reply->read(0, a.reply->size()), b.reply->read(0, b.reply->size()));
    }
    QCOMPARE(a.segments, b.segments);
    QCOMPARE(a.trace.size(), b.trace.size());
    for (qsizetype i = 0; i < a.trace.size(); ++i) {
        const TraceEntry &x = a.trace[i], &y = b.trace[i];
        QCOMPARE(x.timeUs, y.timeUs);
        QCOMPARE(x.call, y.call);
        QCOMPARE(x.args, y.args);
        QCOMPARE(x.result, y.result);
        QCOMPARE(x.errnoCode, y.errnoCode);
        QCOMPARE(x.count, y.count);
        QCOMPARE(x.totalBytes, y.totalBytes);
        QCOMPARE(x.lastTimeUs, y.lastTimeUs);
        QCOMPARE(x.status, y.status);
        QCOMPARE(x.statusDetail, y.statusDetail);
    }
    const TcpResult &r = a.result, &q = b.result;
    compareRows(r.resolved, q.resolved);
    QCOMPARE(r.attempts.size(), q.attempts.size());
    for (qsizetype i = 0; i < r.attempts.size(); ++i) {
        QVERIFY(r.attempts[i].address == q.attempts[i].address);
        compareErrors(r.attempts[i].error, q.attempts[i].error);
        QCOMPARE(r.attempts[i].startUs, q.attempts[i].startUs);
        QCOMPARE(r.attempts[i].endUs, q.attempts[i].endUs);
    }
    QVERIFY(r.connectedTo == q.connectedTo);
    QVERIFY(r.local == q.local);
    QCOMPARE(r.sentBytes, q.sentBytes);
    QCOMPARE(r.receivedBytes, q.receivedBytes);
    QCOMPARE(r.stop.reason, q.stop.reason);
    QCOMPARE(r.stop.bytes, q.stop.bytes);
    QCOMPARE(r.stop.limit, q.stop.limit);
    QCOMPARE(r.stop.framing, q.stop.framing);
    QCOMPARE(r.stop.contentLength, q.stop.contentLength);
    QCOMPARE(r.stop.httpComplete, q.stop.httpComplete);
    QCOMPARE(r.stop.closeNotifyMissing, q.stop.closeNotifyMissing);
    QCOMPARE(r.stop.transferEncodingNotChunked, q.stop.transferEncodingNotChunked);
    compareErrors(r.error, q.error);
    QCOMPARE(r.timings.resolvedUs, q.timings.resolvedUs);
    QCOMPARE(r.timings.connectedUs, q.timings.connectedUs);
    QCOMPARE(r.timings.tlsUs, q.timings.tlsUs);
    QCOMPARE(r.timings.firstByteUs, q.timings.firstByteUs);
    QCOMPARE(r.timings.totalUs, q.timings.totalUs);
    QCOMPARE(bool(r.tls), bool(q.tls));
    if (r.tls) {
        const TlsInfo &x = *r.tls, &y = *q.tls;
        QCOMPARE(x.handshakeDone, y.handshakeDone);
        QCOMPARE(x.version, y.version);
        QCOMPARE(x.cipher, y.cipher);
        QCOMPARE(x.alpn, y.alpn);
        QCOMPARE(x.serverName, y.serverName);
        QCOMPARE(x.resumed, y.resumed);
        QCOMPARE(x.handshakeUs, y.handshakeUs);
        QCOMPARE(x.closeNotify, y.closeNotify);
        QCOMPARE(x.verify.outcome, y.verify.outcome);
        QCOMPARE(x.verify.code, y.verify.code);
        QCOMPARE(x.verify.codeName, y.verify.codeName);
        QCOMPARE(x.verify.message, y.verify.message);
        QCOMPARE(x.verify.checkedName, y.verify.checkedName);
        QCOMPARE(x.verify.pinned, y.verify.pinned);
        QCOMPARE(x.verify.expectedPin, y.verify.expectedPin);
        QCOMPARE(x.chain.size(), y.chain.size());
        for (qsizetype i = 0; i < x.chain.size(); ++i)
            compareCertificates(x.chain[i], y.chain[i]);
    }
    QCOMPARE(r.socketOptions.size(), q.socketOptions.size());
    for (qsizetype i = 0; i < r.socketOptions.size(); ++i) {
        const SocketOptionOutcome &x = r.socketOptions[i], &y = q.socketOptions[i];
        QCOMPARE(x.asked, y.asked);
        QCOMPARE(x.systemName, y.systemName);
        compareErrors(x.error, y.error);
        QCOMPARE(x.readBack, y.readBack);
        QCOMPARE(x.effective, y.effective);
        QCOMPARE(x.adjustment, y.adjustment);
        QCOMPARE(x.systemLimit, y.systemLimit);
    }
    compareHttp(r.http.get(), q.http.get());
}

void compareLookups(const LookupRecord &a, const LookupRecord &b)
{
    QCOMPARE(a.historyId, b.historyId);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.startedAt, b.startedAt);
    QCOMPARE(a.addrInfoQuery.host, b.addrInfoQuery.host);
    QCOMPARE(a.addrInfoQuery.service, b.addrInfoQuery.service);
    QCOMPARE(a.addrInfoQuery.family, b.addrInfoQuery.family);
    QCOMPARE(a.addrInfoQuery.socketType, b.addrInfoQuery.socketType);
    QCOMPARE(a.addrInfoQuery.protocol, b.addrInfoQuery.protocol);
    QCOMPARE(a.addrInfoQuery.flags, b.addrInfoQuery.flags);
    compareRows(a.addrInfoResult.rows, b.addrInfoResult.rows);
    compareErrors(a.addrInfoResult.error, b.addrInfoResult.error);
    QCOMPARE(a.addrInfoResult.elapsedUs, b.addrInfoResult.elapsedUs);
    QVERIFY(a.nameInfoQuery.address == b.nameInfoQuery.address);
    QCOMPARE(a.nameInfoQuery.flags, b.nameInfoQuery.flags);
    QCOMPARE(a.nameInfoResult.host, b.nameInfoResult.host);
    QCOMPARE(a.nameInfoResult.service, b.nameInfoResult.service);
    QCOMPARE(a.nameInfoResult.hostIsNumeric, b.nameInfoResult.hostIsNumeric);
    compareErrors(a.nameInfoResult.error, b.nameInfoResult.error);
    QCOMPARE(a.nameInfoResult.elapsedUs, b.nameInfoResult.elapsedUs);
    QCOMPARE(a.callText(), b.callText());
}

// A plain exchange that went to 127.0.0.1:port and got reply.
std::shared_ptr<ExchangeRecord> simpleRecord(const QDateTime &when, quint16 port, const QByteArray &request,
                                             const QByteArray &reply)
{
    auto record = std::make_shared<ExchangeRecord>();
    record->historyId = HistoryFolder::newId(when);
    record->startedAt = when;
    record->settings.host = QStringLiteral("localhost");
    record->settings.service = QString::number(port);
    record->request = request;
    auto store = std::make_shared<ByteStore>();
    store->append(reply.constData(), reply.size(), 10);
    record->reply = store;
    record->segments = store->segments();
    record->result.connectedTo = address("127.0.0.1", port);
    record->result.receivedBytes = reply.size();
    return record;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QList<Record> loadAll(ExchangeStore &store)
{
    QSignalSpy loaded(&store, &ExchangeStore::loaded);
    store.load();
    if (!loaded.wait(10000))
        return {};
    return loaded.at(0).at(0).value<QList<Record>>();
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void exchangeRoundTrip_data();
    void exchangeRoundTrip();
    void aLargeReplyIsReadLazilyFromItsFile();
    void aSpilledReplyIsParsedOnlyWhenOpened();
    void lookupRoundTrip_data();
    void lookupRoundTrip();
    void limitsRemoveTheOldestAndTheirFiles();
    void clearRemovesEveryFile();
    void deletingAnEntryDeletesItsFiles();
    void damagedAndNewerFilesAreSkippedWithANotice();
    void olderEntriesReadWithDefaultTlsOptions();
    void badTlsOptionsAreRefused_data();
    void badTlsOptionsAreRefused();
    void searchMatchesHostPortStatusAndText();
    void thePanelSearchHidesWhatDoesNotMatch();
    void lookupSearch();
    void savedRequestSendsTheSameBytes();
    void anEntryLargerThanTheLimitGoesAlone();
    void strayFilesAreNoEntriesAndNoPatterns();
    void aClearDropsWhatALoadReadBeforeIt();

private:
    static std::shared_ptr<ExchangeRecord> writeAndRead(const ExchangeRecord &record, qint64 inlineBytes);
};

void TestHistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryStore::init()
{
    clearHistoryFolder();
}

std::shared_ptr<ExchangeRecord> TestHistoryStore::writeAndRead(const ExchangeRecord &record, qint64 inlineBytes)
{
    HistoryFolder folder(HistoryStore::historyRoot() + QStringLiteral("/exchanges"));
    QDir().mkpath(folder.path());
    const NetError error = writeHistoryEntry(record, folder, inlineBytes);
    if (error.isError())
        return nullptr;
    ExchangeRecordJson::Problem problem;
    std::optional<ExchangeRecord> read = ExchangeRecordJson::read(folder, record.historyId, &problem);
    return read ? std::make_shared<ExchangeRecord>(*read) : nullptr;
}

void TestHistoryStore::exchangeRoundTrip_data()
{
    QTest::addColumn<std::shared_ptr<ExchangeRecord>>("record");
    QTest::addColumn<qint64>("inlineBytes");
    QTest::addColumn<bool>("spilled");

    QTest::newRow("every field, TLS, error") << fullRecord("some reply") << qint64(65536) << false;

    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QTest::newRow("256 byte values") << fullRecord(all.repeated(3)) << qint64(65536) << false;

    auto refused = std::make_shared<ExchangeRecord>();
    refused->historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    refused->startedAt = QDateTime::currentDateTime();
    refused->settings.host = QStringLiteral("127.0.0.1");
    refused->settings.service = QStringLiteral("1");
    refused->request = "GET / HTTP/1.0\r\n\r\n";
    refused->reply = std::make_shared<ByteStore>();
    refused->result.error = NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect"), QStringLiteral("127.0.0.1:1"));
    refused->result.attempts = {{address("127.0.0.1", 1), refused->result.error, 10, 20}};
    QTest::newRow("refused, empty reply") << refused << qint64(65536) << false;

    const QByteArray http = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n0\r\n\r\n";
    auto httpRecord = simpleRecord(QDateTime::currentDateTime(), 8080, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", http);
    httpRecord->settings.stopRule = StopRule{StopRule::Kind::Http, 0};
    httpRecord->result.stop.reason = StopReason::HttpComplete;
    auto parser = std::make_shared<HttpResponseParser>();
    parser->setRequestMethod("GET");
    parser->feed(http);
    httpRecord->result.http = parser;
    QTest::newRow("HTTP, chunked") << httpRecord << qint64(65536) << false;

    // Cut short by the server: the parse is finished at the close, as the exchange does.
    const QByteArray cut = "HTTP/1.0 404 Not Found\r\nServer: x\r\n\r\nno such page, and then the close";
    auto closed = simpleRecord(QDateTime::currentDateTime(), 8081, "HEAD / HTTP/1.0\r\n\r\n", cut);
    closed->result.stop.reason = StopReason::PeerClosed;
    auto closedParser = std::make_shared<HttpResponseParser>();
    closedParser->setRequestMethod("HEAD");
    closedParser->feed(cut);
    closedParser->finish();
    closed->result.http = closedParser;
    QTest::newRow("HTTP to HEAD, closed") << closed << qint64(65536) << false;

    auto cancelled = simpleRecord(QDateTime::currentDateTime(), 8082, "x", "partial");
    cancelled->result.stop.reason = StopReason::Cancelled;
    cancelled->result.error = NetError::cancelled(QStringLiteral("recv"));
    QTest::newRow("cancelled") << cancelled << qint64(65536) << false;

    auto noReply = simpleRecord(QDateTime::currentDateTime(), 8083, QByteArray(), QByteArray());
    noReply->reply.reset();
    QTest::newRow("no reply source") << noReply << qint64(65536) << false;

    QByteArray big(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 131) >> 3);
    QTest::newRow("big reply, spilled") << fullRecord(big) << qint64(65536) << true;
    QTest::newRow("inline limit 0") << fullRecord("a") << qint64(0) << true;
}

void TestHistoryStore::exchangeRoundTrip()
{
    QFETCH(std::shared_ptr<ExchangeRecord>, record);
    QFETCH(qint64, inlineBytes);
    QFETCH(bool, spilled);

    const std::shared_ptr<ExchangeRecord> back = writeAndRead(*record, inlineBytes);
    QVERIFY(back);
    compareRecords(*record, *back);
    if (QTest::currentTestFailed())
        return;
    const QString replyFile = HistoryStore::historyRoot() + QStringLiteral("/exchanges/") + record->historyId
                              + QStringLiteral(".reply");
    QCOMPARE(QFile::exists(replyFile), spilled);
    QCOMPARE(dynamic_cast<const NamedFileSource *>(back->reply.get()) != nullptr, spilled);
    // The list shows the same status line, before the entry is opened and after.
    QCOMPARE(back->httpPending, spilled);
    QVERIFY(ExchangeRecordJson::httpSummary(*back) == ExchangeRecordJson::httpSummary(*record));
    QVERIFY(ExchangeRecordJson::httpSummary(*ExchangeRecordJson::withHttp(*back)) == ExchangeRecordJson::httpSummary(*record));
}

void TestHistoryStore::aSpilledReplyIsParsedOnlyWhenOpened()
{
    const QByteArray reply = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789";
    auto record = simpleRecord(QDateTime::currentDateTime(), 8080, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", reply);
    record->settings.stopRule = StopRule{StopRule::Kind::Http, 0};
    record->result.stop.reason = StopReason::HttpComplete;
    auto parser = std::make_shared<HttpResponseParser>();
    parser->setRequestMethod("GET");
    parser->feed(reply);
    record->result.http = parser;
    HistoryFolder folder(HistoryStore::historyRoot() + QStringLiteral("/exchanges"));
    QVERIFY(QDir().mkpath(folder.path()));
    QVERIFY(!writeHistoryEntry(*record, folder, 16).isError());

    // The reply's file now says something else, of the same size: what the start shows comes from
    // the JSON alone, what the entry shows once opened from the file.
    const QString replyPath = folder.sidePath(record->historyId, QStringLiteral("reply"));
    QByteArray other = reply;
    other.replace("200 OK", "503 No");
    QFile file(replyPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(other), reply.size());
    file.close();

    ExchangeRecordJson::Problem problem;
    const std::optional<ExchangeRecord> listed = ExchangeRecordJson::read(folder, record->historyId, &problem);
    QVERIFY(listed);
    QVERIFY(listed->httpPending);
    QVERIFY(!listed->result.http);
    const std::optional<HttpSummary> summary = ExchangeRecordJson::httpSummary(*listed);
    QVERIFY(summary);
    QCOMPARE(summary->statusCode, 200);
    QCOMPARE(summary->reasonPhrase, QByteArray("OK"));
    QCOMPARE(summary->version, QByteArray("HTTP/1.1"));
    QCOMPARE(summary->framing, HttpFraming::ContentLength);
    QCOMPARE(summary->bodyBytes, 10);
    QVERIFY(summary->complete);
    const std::shared_ptr<const ExchangeRecord> opened = ExchangeRecordJson::withHttp(*listed);
    QVERIFY(!opened->httpPending);
    QVERIFY(opened->result.http);
    QCOMPARE(opened->result.http->statusCode(), 503);
    QCOMPARE(ExchangeRecordJson::httpSummary(*opened)->statusCode, 503);

    // The panel lists it by its JSON and parses it when it is picked, off the GUI thread.
    HistoryPanel panel;
    QSignalSpy chosen(&panel, &HistoryPanel::recordChosen);
    QSignalSpy parsed(&panel, &HistoryPanel::httpParsed);
    panel.addLoaded({std::make_shared<const ExchangeRecord>(*listed)});
    QVERIFY2(panel.list()->item(0)->text().contains(u"200 OK"_s), qPrintable(panel.list()->item(0)->text()));
    panel.list()->setCurrentRow(0);
    QTRY_COMPARE(parsed.size(), 1);
    QCOMPARE(chosen.size(), 2);
    const auto shown = chosen.last().at(0).value<std::shared_ptr<const ExchangeRecord>>();
    QVERIFY(shown->result.http);
    QCOMPARE(shown->result.http->statusCode(), 503);
    QVERIFY2(panel.list()->item(0)->text().contains(u"503 No"_s), qPrintable(panel.list()->item(0)->text()));

    // An entry written before "http" was kept is parsed from its file at start, as it was then.
    QFile json(folder.jsonPath(record->historyId));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    json.close();
    o.remove(QStringLiteral("http"));
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write(QJsonDocument(o).toJson());
    json.close();
    const std::optional<ExchangeRecord> older = ExchangeRecordJson::read(folder, record->historyId, &problem);
    QVERIFY(older);
    QVERIFY(!older->httpPending);
    QVERIFY(older->result.http);
    QCOMPARE(older->result.http->statusCode(), 503);

    // A damaged "http" is a damaged entry.
    o.insert(QStringLiteral("http"), QJsonObject{{QStringLiteral("status_code"), QStringLiteral("200")}});
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write(QJsonDocument(o).toJson());
    json.close();
    QVERIFY(!ExchangeRecordJson::read(folder, record->historyId, &problem));
    QCOMPARE(problem, ExchangeRecordJson::Problem::Corrupt);
}

void TestHistoryStore::aLargeReplyIsReadLazilyFromItsFile()
{
    QByteArray big(2 * 1024 * 1024, 'x');
    const auto record = fullRecord(big);
    const auto back = writeAndRead(*record, 1024);
    QVERIFY(back);
    // Not in memory: a file, read where it is asked, and not even open until then.
    QVERIFY(dynamic_cast<const NamedFileSource *>(back->reply.get()));
    QCOMPARE(back->reply->size(), big.size());
    QCOMPARE(back->reply->read(1'000'000, 5), QByteArray("xxxxx"));
    // The JSON stays small: the reply is not in it.
    QVERIFY(QFileInfo(HistoryStore::historyRoot() + QStringLiteral("/exchanges/") + record->historyId + QStringLiteral(".json")).size()
            < 64 * 1024);

    // Swapped for a FIFO with no writer since it was listed: read from the GUI thread, it gives
    // nothing at once instead of blocking for a writer that never comes.
    const QString reply = HistoryStore::historyRoot() + QStringLiteral("/exchanges/") + record->historyId + QStringLiteral(".reply");
    QVERIFY(QFile::remove(reply));
    QCOMPARE(::mkfifo(QFile::encodeName(reply).constData(), 0600), 0);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(back->reply->read(0, 5).isEmpty());
    QVERIFY(clock.elapsed() < 5000);
}

void TestHistoryStore::lookupRoundTrip_data()
{
    QTest::addColumn<LookupRecord>("record");

    LookupRecord answered;
    answered.historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    answered.id = 0;
    answered.kind = LookupRecord::Kind::AddrInfo;
    answered.state = LookupRecord::State::Answered;
    answered.startedAt = QDateTime::currentDateTime();
    answered.addrInfoQuery = {QStringLiteral("localhost"), QStringLiteral("http"), IpFamily::V4, SocketKind::Stream, 6, 0x2};
    answered.addrInfoResult.rows = {{IpFamily::V4, SocketKind::Stream, 6, QStringLiteral("localhost"), address("127.0.0.1", 80)}};
    answered.addrInfoResult.elapsedUs = 1234;
    QTest::newRow("getaddrinfo answered") << answered;

    LookupRecord failed = answered;
    failed.historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    failed.addrInfoResult.rows.clear();
    failed.addrInfoResult.error = NetError::fromEai(-2, 0);
    QTest::newRow("getaddrinfo failed") << failed;

    LookupRecord reverse;
    reverse.historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    reverse.kind = LookupRecord::Kind::NameInfo;
    reverse.state = LookupRecord::State::Answered;
    reverse.startedAt = QDateTime::currentDateTime();
    reverse.nameInfoQuery = {address("::1", 443), 0x1};
    reverse.nameInfoResult = {QStringLiteral("::1"), QStringLiteral("https"), true, NetError(), 55};
    QTest::newRow("getnameinfo") << reverse;

    LookupRecord cancelled = answered;
    cancelled.historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    cancelled.state = LookupRecord::State::Cancelled;
    cancelled.addrInfoResult = ResolveResult();
    QTest::newRow("cancelled") << cancelled;
}

void TestHistoryStore::lookupRoundTrip()
{
    QFETCH(LookupRecord, record);
    HistoryFolder folder(HistoryStore::historyRoot() + QStringLiteral("/lookups"));
    QDir().mkpath(folder.path());
    QVERIFY(!LookupRecordJson::write(record, folder).isError());
    LookupRecordJson::Problem problem;
    const std::optional<LookupRecord> back = LookupRecordJson::read(folder, record.historyId, &problem);
    QVERIFY(back);
    compareLookups(record, *back);
}

void TestHistoryStore::limitsRemoveTheOldestAndTheirFiles()
{
    ExchangeStore store;
    store.setInlineReplyBytes(100);
    store.setLimits(3, qint64(1) << 30);
    QSignalSpy pruned(&store, &HistoryStore::pruned);
    QList<std::shared_ptr<ExchangeRecord>> records;
    const QDateTime start = QDateTime::currentDateTime().addDays(-1);
    for (int i = 0; i < 5; ++i) {
        // Every reply spilled to a file of its own, which must go with its entry.
        records.append(simpleRecord(start.addSecs(i), quint16(9000 + i), "GET", QByteArray(200 + i, 'r')));
        store.save(records.last());
    }
    QVERIFY(HistoryStore::waitForDone(10000));
    QTRY_VERIFY(pruned.size() >= 1);
    QStringList removed;
    for (const QList<QVariant> &signal : pruned)
        removed += signal.at(0).toStringList();
    QCOMPARE(removed, (QStringList{records[0]->historyId, records[1]->historyId}));
    QStringList expected;
    for (int i = 2; i < 5; ++i)
        expected += {records[i]->historyId + QStringLiteral(".json"), records[i]->historyId + QStringLiteral(".reply")};
    expected.sort();
    QCOMPARE(filesIn(store.folder()), expected);

    // The megabytes too: a limit of 1 MiB keeps what fits in it, the newest first.
    store.setLimits(100, 1 << 20);
    const auto huge = simpleRecord(start.addSecs(10), 9010, "GET", QByteArray(900 * 1024, 'h'));
    store.save(huge);
    const auto huger = simpleRecord(start.addSecs(11), 9011, "GET", QByteArray(600 * 1024, 'h'));
    store.save(huger);
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(filesIn(store.folder()),
             (QStringList{huger->historyId + QStringLiteral(".json"), huger->historyId + QStringLiteral(".reply")}));

    // And at the next start, the store reads only what is left.
    ExchangeStore again;
    const QList<Record> loaded = loadAll(again);
    QCOMPARE(loaded.size(), 1);
    compareRecords(*huger, *loaded.first());
}

void TestHistoryStore::clearRemovesEveryFile()
{
    ExchangeStore exchanges;
    LookupStore lookups;
    exchanges.setInlineReplyBytes(10);
    exchanges.save(simpleRecord(QDateTime::currentDateTime(), 80, "GET", QByteArray(100, 'x')));
    LookupRecord lookup;
    lookup.historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    lookup.state = LookupRecord::State::Answered;
    lookups.save(lookup);
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(filesIn(exchanges.folder()).size(), 2);
    QCOMPARE(filesIn(lookups.folder()).size(), 1);
    exchanges.clear();
    lookups.clear();
    QVERIFY(HistoryStore::waitForDone(10000));
    QVERIFY(filesIn(exchanges.folder()).isEmpty());
    QVERIFY(filesIn(lookups.folder()).isEmpty());
}

void TestHistoryStore::deletingAnEntryDeletesItsFiles()
{
    ExchangeStore store;
    store.setInlineReplyBytes(10);
    HistoryPanel panel;
    connect(&panel, &HistoryPanel::recordRemoved, &store, [&store](Record record) { store.remove(record->historyId); });
    const auto kept = simpleRecord(QDateTime::currentDateTime(), 81, "GET", QByteArray(100, 'k'));
    const auto deleted = simpleRecord(QDateTime::currentDateTime(), 82, "GET", QByteArray(100, 'd'));
    for (const auto &record : {kept, deleted}) {
        panel.add(record);
        store.save(record);
    }
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(filesIn(store.folder()).size(), 4);
    panel.list()->setCurrentRow(0);
    panel.deleteAction()->trigger();
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(filesIn(store.folder()),
             (QStringList{kept->historyId + QStringLiteral(".json"), kept->historyId + QStringLiteral(".reply")}));
}

void TestHistoryStore::damagedAndNewerFilesAreSkippedWithANotice()
{
    ExchangeStore store;
    const auto good = simpleRecord(QDateTime::currentDateTime(), 83, "GET", "fine");
    store.save(good);
    QVERIFY(HistoryStore::waitForDone(10000));
    const QString dir = store.folder();
    const QString damaged = HistoryFolder::newId(QDateTime::currentDateTime().addSecs(-5));
    {
        QFile file(dir + u'/' + damaged + QStringLiteral(".json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"socketlab-exchange\", \"version\": 1, \"request\": \"!!\"");
    }
    // A JSON file cut short, and one of a newer format.
    const QString newer = HistoryFolder::newId(QDateTime::currentDateTime().addSecs(-6));
    {
        QJsonObject json = ExchangeRecordJson::toJson(*good, 1000);
        json.insert(QStringLiteral("version"), ExchangeRecordJson::Version + 1);
        QFile file(dir + u'/' + newer + QStringLiteral(".json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
    }
    ExchangeStore again;
    QSignalSpy skipped(&again, &HistoryStore::entriesSkipped);
    const QList<Record> loaded = loadAll(again);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first()->historyId, good->historyId);
    QCOMPARE(skipped.size(), 1);
    const QString notice = skipped.at(0).at(0).toString();
    QVERIFY2(notice.contains(damaged + QStringLiteral(".json")), qPrintable(notice));
    QVERIFY2(notice.contains(newer + QStringLiteral(".json")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("newer")), qPrintable(notice));
}

// An entry written before the TLS options and the recv() size were kept reads with their defaults.
void TestHistoryStore::olderEntriesReadWithDefaultTlsOptions()
{
    const auto record = fullRecord("reply");
    QJsonObject json = ExchangeRecordJson::toJson(*record, 65536);
    QJsonObject settings = json.value(u"settings").toObject();
    for (const char *key : {"tls_server_name", "tls_alpn", "tls_min_version", "tls_ca_file", "recv_size"}) {
        QVERIFY(settings.contains(QLatin1StringView(key)));
        settings.remove(QLatin1StringView(key));
    }
    json.insert(QStringLiteral("settings"), settings);
    HistoryFolder folder(HistoryStore::historyRoot() + QStringLiteral("/exchanges"));
    QDir().mkpath(folder.path());
    QFile file(folder.jsonPath(record->historyId));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    ExchangeRecordJson::Problem problem;
    const std::optional<ExchangeRecord> read = ExchangeRecordJson::read(folder, record->historyId, &problem);
    QVERIFY(read);
    const ConnectionSettings defaults;
    QCOMPARE(read->settings.tlsServerName, QString());
    QCOMPARE(read->settings.tlsAlpn, defaults.tlsAlpn);
    QCOMPARE(read->settings.tlsMinVersion, TlsVersion::Any);
    QCOMPARE(read->settings.tlsCaFile, QString());
    QCOMPARE(read->settings.recvSize, 64 * 1024);
    QCOMPARE(read->settings.host, record->settings.host);
}

void TestHistoryStore::badTlsOptionsAreRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("recv size 0") << u"recv_size"_s << QJsonValue(0);
    QTest::newRow("recv size past 16 MiB") << u"recv_size"_s << QJsonValue(16 * 1024 * 1024 + 1);
    QTest::newRow("min version 3") << u"tls_min_version"_s << QJsonValue(3);
    QTest::newRow("alpn not a list") << u"tls_alpn"_s << QJsonValue(u"h2"_s);
    QTest::newRow("alpn empty name") << u"tls_alpn"_s << QJsonValue(QJsonArray{u""_s});
    QTest::newRow("server name a number") << u"tls_server_name"_s << QJsonValue(5);
    QTest::newRow("ca file null") << u"tls_ca_file"_s << QJsonValue();
}

void TestHistoryStore::badTlsOptionsAreRefused()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    const auto record = fullRecord("reply");
    QJsonObject json = ExchangeRecordJson::toJson(*record, 65536);
    QJsonObject settings = json.value(u"settings").toObject();
    settings.insert(key, value);
    json.insert(QStringLiteral("settings"), settings);
    HistoryFolder folder(HistoryStore::historyRoot() + QStringLiteral("/exchanges"));
    QDir().mkpath(folder.path());
    QFile file(folder.jsonPath(record->historyId));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    ExchangeRecordJson::Problem problem;
    QVERIFY(!ExchangeRecordJson::read(folder, record->historyId, &problem));
    QCOMPARE(problem, ExchangeRecordJson::Problem::Corrupt);
}

void TestHistoryStore::searchMatchesHostPortStatusAndText()
{
    const QByteArray reply = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nNo Cheese";
    auto record = simpleRecord(QDateTime::currentDateTime(), 8123, "GET /fromage HTTP/1.1\r\nHost: shop\r\n\r\n", reply);
    record->settings.host = QStringLiteral("shop.example");
    record->result.http = ValueJson::rebuildHttp(*record->reply, record->request, StopRule(), StopReason::PeerClosed);
    QVERIFY(HistoryPanel::matches(*record, QString()));
    QVERIFY(HistoryPanel::matches(*record, QStringLiteral("SHOP.EX")));
    QVERIFY(HistoryPanel::matches(*record, QStringLiteral("8123")));
    QVERIFY(HistoryPanel::matches(*record, QStringLiteral("404")));
    QVERIFY(HistoryPanel::matches(*record, QStringLiteral("not found")));
    QVERIFY(HistoryPanel::matches(*record, QStringLiteral("/FROMAGE")));
    QVERIFY(HistoryPanel::matches(*record, QStringLiteral("cheese")));
    QVERIFY(!HistoryPanel::matches(*record, QStringLiteral("200")));
    QVERIFY(!HistoryPanel::matches(*record, QStringLiteral("ECONNREFUSED")));

    auto refused = simpleRecord(QDateTime::currentDateTime(), 1, "x", QByteArray());
    refused->result.error = NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect"));
    QVERIFY(HistoryPanel::matches(*refused, QStringLiteral("econnrefused")));

    // Past the first MiB of a reply, text is not searched.
    QByteArray long_(HistoryPanel::SearchedReplyBytes, '.');
    long_ += "needle";
    const auto far = simpleRecord(QDateTime::currentDateTime(), 2, "x", long_);
    QVERIFY(!HistoryPanel::matches(*far, QStringLiteral("needle")));
}

void TestHistoryStore::thePanelSearchHidesWhatDoesNotMatch()
{
    HistoryPanel panel;
    panel.add(simpleRecord(QDateTime::currentDateTime(), 7001, "GET /a", "alpha"));
    panel.add(simpleRecord(QDateTime::currentDateTime(), 7002, "GET /b", "beta"));
    panel.add(simpleRecord(QDateTime::currentDateTime(), 7003, "GET /c", "gamma"));
    // Newest first: rows are 7003, 7002, 7001.
    panel.filterEdit()->setText(QStringLiteral("beta"));
    QTRY_VERIFY(panel.filterSettled());
    QCOMPARE(panel.isShown(0), false);
    QCOMPARE(panel.isShown(1), true);
    QCOMPARE(panel.isShown(2), false);
    panel.filterEdit()->setText(QStringLiteral("700"));
    QTRY_VERIFY(panel.filterSettled());
    QVERIFY(panel.isShown(0) && panel.isShown(1) && panel.isShown(2));
    // An exchange added while searching is searched too.
    panel.filterEdit()->setText(QStringLiteral("delta"));
    QTRY_VERIFY(panel.filterSettled());
    panel.add(simpleRecord(QDateTime::currentDateTime(), 7004, "GET /d", "delta"));
    QTRY_VERIFY(panel.filterSettled());
    QCOMPARE(panel.isShown(0), true);
    QCOMPARE(panel.isShown(1), false);
    panel.filterEdit()->clear();
    QTRY_VERIFY(panel.filterSettled());
    QVERIFY(panel.isShown(3));
}

void TestHistoryStore::lookupSearch()
{
    LookupRecord record;
    record.kind = LookupRecord::Kind::AddrInfo;
    record.state = LookupRecord::State::Answered;
    record.addrInfoQuery.host = QStringLiteral("www.example.org");
    record.addrInfoQuery.service = QStringLiteral("443");
    record.addrInfoResult.rows = {{IpFamily::V4, SocketKind::Stream, 6, QStringLiteral("canon.example.org"), address("192.0.2.7", 443)}};
    QVERIFY(LookupHistory::matches(record, QStringLiteral("EXAMPLE")));
    QVERIFY(LookupHistory::matches(record, QStringLiteral("443")));
    QVERIFY(LookupHistory::matches(record, QStringLiteral("192.0.2.7")));
    QVERIFY(LookupHistory::matches(record, QStringLiteral("canon")));
    QVERIFY(!LookupHistory::matches(record, QStringLiteral("EAI_NONAME")));
    record.addrInfoResult.rows.clear();
    record.addrInfoResult.error = NetError::fromEai(-2, 0);
    QVERIFY(LookupHistory::matches(record, QStringLiteral("EAI_NONAME")));
}

void TestHistoryStore::savedRequestSendsTheSameBytes()
{
    const auto record = fullRecord("x");
    const SavedRequest saved = HistoryPanel::savedRequest(*record);
    QCOMPARE(saved.kind, SavedRequest::Kind::Tls);
    QCOMPARE(saved.tcp.host, record->settings.host);
    QCOMPARE(saved.tcp.service, record->settings.service);
    QCOMPARE(saved.tcp.family, record->settings.family);
    QCOMPARE(saved.payload(), record->request);
    QCOMPARE(saved.tcp.stopRule.kind, record->settings.stopRule.kind);
    QCOMPARE(saved.tcp.stopRule.value, record->settings.stopRule.value);
    QCOMPARE(saved.tcp.connectTimeoutMs, record->settings.connectTimeoutMs);
    QCOMPARE(saved.tcp.socketOptions, record->settings.socketOptions);
    QVERIFY(saved.tcp.localAddress == record->settings.localAddress);
    QVERIFY(saved.tcpRequest().tls.enabled);
    QCOMPARE(saved.tcp.tls.serverName, record->settings.tlsServerName);
    QCOMPARE(saved.tcp.tls.alpn, record->settings.tlsAlpn);
    QCOMPARE(saved.tcp.tls.minVersion, record->settings.tlsMinVersion);
    QCOMPARE(saved.tcp.tls.caFile, record->settings.tlsCaFile);
    QCOMPARE(saved.tcp.recvSize, record->settings.recvSize);
    QVERIFY(!saved.name.isEmpty());

    HistoryPanel panel;
    panel.add(record);
    QSignalSpy spy(&panel, &HistoryPanel::saveToCollectionRequested);
    panel.saveToCollectionAction()->trigger();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<SavedRequest>().payload(), record->request);
}

// One entry past the megabytes kept goes by itself: the older ones, within the limit, stay.
void TestHistoryStore::anEntryLargerThanTheLimitGoesAlone()
{
    ExchangeStore store;
    store.setInlineReplyBytes(10);
    store.setLimits(100, 64 * 1024);
    const QDateTime start = QDateTime::currentDateTime().addDays(-1);
    for (int i = 0; i < 3; ++i)
        store.save(simpleRecord(start.addSecs(i), quint16(9000 + i), "GET", QByteArray(100, 's')));
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(filesIn(store.folder()).size(), 6);
    QSignalSpy pruned(&store, &HistoryStore::pruned);
    // The reply alone is within the limit; with its JSON the entry is past it.
    const auto large = simpleRecord(start.addSecs(10), 9100, "GET", QByteArray(64 * 1024, 'L'));
    store.save(large);
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(filesIn(store.folder()).size(), 6);
    QTRY_COMPARE(pruned.size(), 1);
    QCOMPARE(pruned.at(0).at(0).toStringList(), QStringList{large->historyId});
}

// Files in the folder not named as entries are neither counted nor removed, and their names never
// become patterns: "2*.json" once removed every entry, ".json" every hidden file.
void TestHistoryStore::strayFilesAreNoEntriesAndNoPatterns()
{
    const QString dir = HistoryStore::historyRoot() + QStringLiteral("/exchanges");
    QVERIFY(QDir().mkpath(dir));
    for (const char *name : {"2*.json", ".json", "notes.txt"}) {
        QFile stray(dir + u'/' + QLatin1StringView(name));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("{}");
    }
    ExchangeStore store;
    store.setInlineReplyBytes(10);
    const QDateTime start = QDateTime::currentDateTime().addDays(-1);
    for (int i = 0; i < 3; ++i)
        store.save(simpleRecord(start.addSecs(i), quint16(9000 + i), "GET", QByteArray(100, 's')));
    QVERIFY(HistoryStore::waitForDone(10000));
    // One entry fewer: the oldest goes, by its own name.
    store.setLimits(2, 1 << 20);
    QVERIFY(HistoryStore::waitForDone(10000));
    const QStringList left = filesIn(dir);
    QCOMPARE(left.size(), 3 + 4);
    for (const char *name : {"2*.json", ".json", "notes.txt"})
        QVERIFY2(left.contains(QLatin1StringView(name)), name);
    QCOMPARE(loadAll(store).size(), 2);
}

// Clear history while the entries of earlier runs are still being read: what the load read before
// the clear does not come back into the emptied list.
void TestHistoryStore::aClearDropsWhatALoadReadBeforeIt()
{
    {
        ExchangeStore writer;
        writer.setInlineReplyBytes(10);
        const QDateTime start = QDateTime::currentDateTime().addDays(-1);
        for (int i = 0; i < 50; ++i)
            writer.save(simpleRecord(start.addSecs(i), quint16(9000 + i), "GET / HTTP/1.1\r\n\r\n",
                                     "HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n" + QByteArray(300, 'b')));
        QVERIFY(HistoryStore::waitForDone(10000));
    }
    // As the window wires them: the load fills the panel; Clear history empties the panel, then the store.
    ExchangeStore store;
    HistoryPanel panel;
    connect(&store, &ExchangeStore::loaded, &panel, &HistoryPanel::addLoaded);
    store.load();
    panel.clear();
    store.clear();
    QVERIFY(HistoryStore::waitForDone(10000));
    QCoreApplication::processEvents();
    QCOMPARE(filesIn(store.folder()).size(), 0);
    QCOMPARE(panel.count(), 0);
}

QTEST_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
