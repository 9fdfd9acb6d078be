#include "freeport.h"
#include "bytes/bytestore.h"
#include "bytes/filesink.h"
#include "exchange/tcpexchange.h"
#include "http/httpresponseparser.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "testcertificates.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "text/tlstext.h"
#include "tlspeer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace SocketLab;

// Every case talks to a TLS peer SocketLab has no part in: `openssl s_server` (tlspeer.h), or, for
// what s_server cannot do (report the SNI it got, keep a connection open after an HTTP reply, close
// with or without close_notify on purpose), the Python ssl server of tests/peers/tls_peer.py.

namespace {

const QByteArray Get10 = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
const QByteArray Get11 = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");

struct Run
{
    TcpResult result;
    ByteStore store;
    Trace trace;
    qint64 elapsedMs = 0;
};

std::unique_ptr<Run> exchange(const TcpRequest &request)
{
    auto run = std::make_unique<Run>();
    CancelToken cancel;
    TcpExchange exchange(request, run->store, run->trace, cancel);
    QElapsedTimer clock;
    clock.start();
    run->result = exchange.run();
    run->elapsedMs = clock.elapsed();
    return run;
}

TcpRequest tlsRequest(const QString &host, quint16 port, const QString &caFile = {}, const QByteArray &payload = Get10)
{
    TcpRequest request;
    request.host = host;
    request.service = QString::number(port);
    request.payload = payload;
    request.totalTimeoutMs = 20000;
    request.tls.enabled = true;
    request.tls.caFile = caFile;
    return request;
}

QString failure(const Run &run)
{
    return QStringLiteral("%1 / %2 / %3").arg(ErrorText::describe(run.result.error), run.result.error.call, run.result.error.message);
}

// The Python TLS peer in one of its modes, serving this certificate.
std::unique_ptr<PeerProcess> pythonPeer(const QString &mode, const TestCertificates::Issued &cert, const QStringList &extra = {})
{
    return std::make_unique<PeerProcess>(QStringLiteral("tls_peer.py"),
                                         QStringList{mode, QStringLiteral("--cert"), cert.certPath, QStringLiteral("--key"),
                                                     cert.keyPath} + extra);
}

// The bytes tls_peer.py's "bytes" mode sends: 0, 1, ... 255, again and again.
QByteArray pattern(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(i % 256);
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<TraceEntry> entriesOf(const Trace &trace, const QString &call)
{
    QList<TraceEntry> found;
    for (const TraceEntry &entry : trace.entries()) {
        if (entry.call == call)
            found.append(entry);
    }
    return found;
}

qsizetype indexOf(const Trace &trace, const QString &call)
{
    const QList<TraceEntry> entries = trace.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i].call == call)
            return i;
    }
    return -1;
}

qsizetype lastIndexOf(const Trace &trace, const QString &call)
{
    const QList<TraceEntry> entries = trace.entries();
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        if (entries[i].call == call)
            return i;
    }
    return -1;
}

// Waits until s_server has printed what a client sent it (it echoes received bytes to its output).
bool waitForOutput(TlsPeer &peer, QByteArray *output, const QByteArray &expected)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        *output += peer.output();
        if (output->contains(expected))
            return true;
        QTest::qWait(20);
    }
    return false;
}

} // namespace

class TestTlsExchange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chainSignedByTrustedCa();
    void sniNamesTheHost();
    void unknownIssuerWithoutTheCa();
    void selfSignedRefusedThenPinned();
    void wrongHostName();
    void outOfDate_data();
    void outOfDate();
    void ipAddressCertificate_data();
    void ipAddressCertificate();
    void keyTypes_data();
    void keyTypes();
    void versions_data();
    void versions();
    void minimumVersionRefused();
    void plainTextPeer();
    void silentPeerTimesOut();
    void cancelDuringHandshake();
    void closeNotify_data();
    void closeNotify();
    void httpFramingOverTls_data();
    void httpFramingOverTls();
    void sizeCapAndByteCount();
    void streamsToFile();
    void sessionResumed();
    void traceShowsRecordLayer();
    void alpnAgreed();
    void socketOptionsAndLocalPortUnderTls();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;
    TestCertificates::Issued m_server;  // signed by the test CA, for localhost, 127.0.0.1 and ::1
};

void TestTlsExchange::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certs = std::make_unique<TestCertificates>(m_dir.path());
    m_server = m_certs->signedByCa(QStringLiteral("server"));
}

void TestTlsExchange::chainSignedByTrustedCa()
{
    // -cert_chain makes s_server send the CA after its own certificate: the chain shown is the one sent.
    TlsPeer peer(m_server.certPath, m_server.keyPath,
                 {QStringLiteral("-www"), QStringLiteral("-cert_chain"), m_certs->ca().certPath});
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QVERIFY(run->result.tls.has_value());
    const TlsInfo &tls = *run->result.tls;
    QVERIFY(tls.handshakeDone);
    QCOMPARE(tls.verify.outcome, TlsVerify::Outcome::Ok);
    QCOMPARE(tls.verify.code, 0);
    QCOMPARE(tls.verify.checkedName, QStringLiteral("localhost"));
    QVERIFY(!tls.verify.pinned);
    QCOMPARE(tls.serverName, QStringLiteral("localhost"));
    QCOMPARE(tls.chain.size(), 2);
    QCOMPARE(tls.chain[0].sha256, m_server.sha256);
    QCOMPARE(tls.chain[0].der, m_server.der);
    QCOMPARE(tls.chain[0].subject, QStringLiteral("CN=localhost"));
    QCOMPARE(tls.chain[0].issuer, QStringLiteral("CN=SocketLab Test CA"));
    QCOMPARE(tls.chain[0].subjectAltNames, (QStringList{QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")}));
    QVERIFY(!tls.chain[0].selfSigned);
    QCOMPARE(tls.chain[1].sha256, m_certs->ca().sha256);
    QVERIFY(tls.chain[1].selfSigned);
    QVERIFY(run->result.timings.tlsUs >= run->result.timings.connectedUs);
    QVERIFY(tls.handshakeUs > 0);
    QCOMPARE(run->result.sentBytes, Get10.size());
    QVERIFY(run->store.toByteArray().startsWith("HTTP/1.0 200 ok"));
    // s_server -www ends its page with close_notify.
    QVERIFY(tls.closeNotify);
    QVERIFY(!run->result.stop.closeNotifyMissing);
    QVERIFY(TlsText::verdict(tls.verify, tls.chain, QStringLiteral("localhost")).startsWith(QStringLiteral("Verified")));
}

void TestTlsExchange::sniNamesTheHost()
{
    const auto peer = pythonPeer(QStringLiteral("close-notify"), m_server);
    QVERIFY(peer->port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer->port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QVERIFY(run->result.http);
    // What the server itself read from the ClientHello.
    QCOMPARE(run->result.http->headerValue("X-Sni"), QByteArray("localhost"));
    QCOMPARE(run->result.tls->serverName, QStringLiteral("localhost"));
}

void TestTlsExchange::unknownIssuerWithoutTheCa()
{
    TlsPeer peer(m_server.certPath, m_server.keyPath);
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port()));
    QCOMPARE(run->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(run->result.error.call, QStringLiteral("X509_verify_cert"));
    QCOMPARE(run->result.tls->verify.outcome, TlsVerify::Outcome::UnknownIssuer);
    QCOMPARE(run->result.sentBytes, 0);
    QCOMPARE(run->result.receivedBytes, 0);
    QCOMPARE(run->result.tls->chain.size(), 1);
    QCOMPARE(run->result.tls->chain[0].sha256, m_server.sha256);
    const QString why = TlsText::refusal(run->result.tls->verify, run->result.tls->chain, QStringLiteral("localhost"));
    QVERIFY2(why.contains(QStringLiteral("SocketLab Test CA")), qPrintable(why));
}

void TestTlsExchange::selfSignedRefusedThenPinned()
{
    const TestCertificates::Issued self = m_certs->selfSigned(QStringLiteral("self"));
    // Without -www s_server prints what it receives: the proof of what reached it.
    TlsPeer peer(self.certPath, self.keyPath, {});
    QVERIFY(peer.port() != 0);
    const StopRule idle{StopRule::Kind::Idle, 300};

    TcpRequest request = tlsRequest(QStringLiteral("127.0.0.1"), peer.port(), {}, QByteArrayLiteral("REFUSED-REQUEST\n"));
    request.stopRule = idle;
    const auto refused = exchange(request);
    QCOMPARE(refused->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(refused->result.tls->verify.outcome, TlsVerify::Outcome::SelfSigned);
    QCOMPARE(refused->result.tls->verify.code, 18);  // X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
    QCOMPARE(refused->result.sentBytes, 0);
    QCOMPARE(refused->result.tls->chain.size(), 1);
    QCOMPARE(refused->result.tls->chain[0].sha256, self.sha256);
    QVERIFY(refused->result.tls->chain[0].selfSigned);
    QVERIFY(entriesOf(refused->trace, QStringLiteral("SSL_write")).isEmpty());
    const QString why = TlsText::refusal(refused->result.tls->verify, refused->result.tls->chain, QStringLiteral("127.0.0.1"));
    QVERIFY2(why.contains(TlsText::fingerprint(self.sha256)), qPrintable(why));

    request.payload = QByteArrayLiteral("PINNED-REQUEST\n");
    request.tls.pinSha256 = self.sha256;
    const auto pinned = exchange(request);
    QVERIFY2(!pinned->result.error.isError(), qPrintable(failure(*pinned)));
    QCOMPARE(pinned->result.stop.reason, StopReason::Idle);
    QVERIFY(pinned->result.tls->verify.pinned);
    QCOMPARE(pinned->result.tls->verify.outcome, TlsVerify::Outcome::Ok);
    QVERIFY(pinned->result.tls->serverName.isEmpty());
    QCOMPARE(pinned->result.sentBytes, request.payload.size());
    const QList<TraceEntry> digest = entriesOf(pinned->trace, QStringLiteral("X509_digest"));
    QCOMPARE(digest.size(), 1);
    QCOMPARE(digest[0].status, QStringLiteral("pin matches"));
    QVERIFY(entriesOf(pinned->trace, QStringLiteral("X509_verify_cert")).isEmpty());
    // The server got the pinned exchange's request, and never a byte of the refused one before it.
    QByteArray output;
    QVERIFY2(waitForOutput(peer, &output, "PINNED-REQUEST"), output.constData());
    QVERIFY2(!output.contains("REFUSED-REQUEST"), output.constData());

    QByteArray otherPin = self.sha256;
    otherPin[0] = char(otherPin[0] ^ 0x5a);
    request.payload = QByteArrayLiteral("OTHER-PIN-REQUEST\n");
    request.tls.pinSha256 = otherPin;
    const auto mismatch = exchange(request);
    QCOMPARE(mismatch->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(mismatch->result.error.call, QStringLiteral("X509_digest"));
    QCOMPARE(mismatch->result.tls->verify.outcome, TlsVerify::Outcome::PinMismatch);
    QCOMPARE(mismatch->result.tls->verify.expectedPin, otherPin);
    QVERIFY(!mismatch->result.tls->verify.pinned);
    QCOMPARE(mismatch->result.sentBytes, 0);
    const QString both = TlsText::refusal(mismatch->result.tls->verify, mismatch->result.tls->chain, QStringLiteral("127.0.0.1"));
    QVERIFY2(both.contains(TlsText::fingerprint(otherPin)) && both.contains(TlsText::fingerprint(self.sha256)), qPrintable(both));
}

void TestTlsExchange::wrongHostName()
{
    TestCertificateSpec spec;
    spec.commonName = QStringLiteral("other.example");
    spec.altNames = {QStringLiteral("DNS:other.example"), QStringLiteral("DNS:www.other.example")};
    const TestCertificates::Issued other = m_certs->signedByCa(QStringLiteral("other"), spec);
    TlsPeer peer(other.certPath, other.keyPath);
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QCOMPARE(run->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(run->result.tls->verify.outcome, TlsVerify::Outcome::NameMismatch);
    QCOMPARE(run->result.tls->verify.codeName, QStringLiteral("X509_V_ERR_HOSTNAME_MISMATCH"));
    QCOMPARE(run->result.tls->verify.checkedName, QStringLiteral("localhost"));
    QCOMPARE(run->result.sentBytes, 0);
    const QString why = TlsText::refusal(run->result.tls->verify, run->result.tls->chain, QStringLiteral("localhost"));
    QVERIFY2(why.contains(QStringLiteral("“other.example”")) && why.contains(QStringLiteral("“www.other.example”"))
                 && why.contains(QStringLiteral("localhost")),
             qPrintable(why));

    // The name given as the server name is the one checked (and sent): then it matches.
    TcpRequest named = tlsRequest(QStringLiteral("127.0.0.1"), peer.port(), m_certs->ca().certPath);
    named.tls.serverName = QStringLiteral("www.other.example");
    const auto ok = exchange(named);
    QVERIFY2(!ok->result.error.isError(), qPrintable(failure(*ok)));
    QCOMPARE(ok->result.tls->serverName, QStringLiteral("www.other.example"));
}

void TestTlsExchange::outOfDate_data()
{
    QTest::addColumn<int>("notBeforeDays");
    QTest::addColumn<int>("notAfterDays");
    QTest::addColumn<TlsVerify::Outcome>("outcome");
    QTest::addColumn<QString>("codeName");
    QTest::addColumn<QString>("words");
    QTest::newRow("expired") << -30 << -2 << TlsVerify::Outcome::Expired << QStringLiteral("X509_V_ERR_CERT_HAS_EXPIRED")
                             << QStringLiteral("expired on");
    QTest::newRow("not yet valid") << 2 << 30 << TlsVerify::Outcome::NotYetValid
                                   << QStringLiteral("X509_V_ERR_CERT_NOT_YET_VALID") << QStringLiteral("is not valid before");
}

void TestTlsExchange::outOfDate()
{
    QFETCH(int, notBeforeDays);
    QFETCH(int, notAfterDays);
    QFETCH(TlsVerify::Outcome, outcome);
    QFETCH(QString, codeName);
    QFETCH(QString, words);
    TestCertificateSpec spec;
    spec.notBeforeDays = notBeforeDays;
    spec.notAfterDays = notAfterDays;
    const TestCertificates::Issued dated = m_certs->signedByCa(QStringLiteral("dated-%1").arg(notBeforeDays), spec);
    TlsPeer peer(dated.certPath, dated.keyPath);
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QCOMPARE(run->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(run->result.tls->verify.outcome, outcome);
    QCOMPARE(run->result.tls->verify.codeName, codeName);
    QCOMPARE(run->result.sentBytes, 0);
    const QString why = TlsText::refusal(run->result.tls->verify, run->result.tls->chain, QStringLiteral("localhost"));
    QVERIFY2(why.contains(words), qPrintable(why));
}

void TestTlsExchange::ipAddressCertificate_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("family");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1") << QStringLiteral("inet");
    QTest::newRow("IPv6") << QStringLiteral("::1") << QStringLiteral("inet6");
}

void TestTlsExchange::ipAddressCertificate()
{
    QFETCH(QString, address);
    QFETCH(QString, family);
    // Only the address: no DNS name the check could fall back on.
    TestCertificateSpec spec;
    spec.commonName = QStringLiteral("loopback");
    spec.altNames = {QStringLiteral("IP:") + address};
    const TestCertificates::Issued ip = m_certs->signedByCa(QStringLiteral("ip-") + family, spec);
    const auto peer = pythonPeer(QStringLiteral("close-notify"), ip, {QStringLiteral("--family"), family});
    QVERIFY(peer->port() != 0);
    const auto run = exchange(tlsRequest(address, peer->port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QCOMPARE(run->result.tls->verify.outcome, TlsVerify::Outcome::Ok);
    QCOMPARE(run->result.tls->verify.checkedName, address);
    QVERIFY(run->result.tls->serverName.isEmpty());
    QVERIFY(entriesOf(run->trace, QStringLiteral("SSL_set_tlsext_host_name")).isEmpty());
    // RFC 6066: no address in SNI; the server saw none at all.
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->headerValue("X-Sni"), QByteArray("-"));
}

void TestTlsExchange::keyTypes_data()
{
    QTest::addColumn<int>("rsaBits");
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<int>("keyBits");
    QTest::addColumn<QString>("signature");
    QTest::newRow("RSA 2048") << 2048 << QStringLiteral("RSA") << 2048 << QStringLiteral("ecdsa-with-SHA256");
    QTest::newRow("EC P-256") << 0 << QStringLiteral("EC P-256") << 256 << QStringLiteral("ecdsa-with-SHA256");
}

void TestTlsExchange::keyTypes()
{
    QFETCH(int, rsaBits);
    QFETCH(QString, keyType);
    QFETCH(int, keyBits);
    QFETCH(QString, signature);
    TestCertificateSpec spec;
    spec.rsaBits = rsaBits;
    const TestCertificates::Issued cert = m_certs->signedByCa(QStringLiteral("key-%1").arg(rsaBits), spec);
    TlsPeer peer(cert.certPath, cert.keyPath);
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QCOMPARE(run->result.tls->chain[0].keyType, keyType);
    QCOMPARE(run->result.tls->chain[0].keyBits, keyBits);
    // Signed by the test CA, whose key is EC whatever the server's is.
    QCOMPARE(run->result.tls->chain[0].signatureAlgorithm, signature);
}

void TestTlsExchange::versions_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("version");
    QTest::newRow("1.2 only") << QStringLiteral("-tls1_2") << QStringLiteral("TLSv1.2");
    QTest::newRow("1.3 only") << QStringLiteral("-tls1_3") << QStringLiteral("TLSv1.3");
}

void TestTlsExchange::versions()
{
    QFETCH(QString, option);
    QFETCH(QString, version);
    TlsPeer peer(m_server.certPath, m_server.keyPath, {QStringLiteral("-www"), option});
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QCOMPARE(run->result.tls->version, version);
    QVERIFY(!run->result.tls->cipher.isEmpty());
    // s_server's page names the protocol it agreed on too.
    QVERIFY2(run->store.toByteArray().contains(version.toLatin1()), run->store.toByteArray().left(2000).constData());
}

void TestTlsExchange::minimumVersionRefused()
{
    TlsPeer peer(m_server.certPath, m_server.keyPath, {QStringLiteral("-www"), QStringLiteral("-tls1_2")});
    QVERIFY(peer.port() != 0);
    TcpRequest request = tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath);
    request.tls.minVersion = TlsVersion::Tls13;
    const auto run = exchange(request);
    QCOMPARE(run->result.error.kind, NetError::Kind::Tls);
    QCOMPARE(run->result.error.call, QStringLiteral("SSL_connect"));
    QVERIFY(run->elapsedMs < 5000);
    QCOMPARE(run->result.sentBytes, 0);
    QVERIFY(!run->result.tls->handshakeDone);
    const QString sentence = ErrorText::describe(run->result.error);
    QVERIFY2(sentence.contains(QStringLiteral("no TLS version in common")), qPrintable(sentence));
}

void TestTlsExchange::plainTextPeer()
{
    // Answers "220 hello" to anything, as an SMTP or FTP server would.
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("greet")});
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("127.0.0.1"), peer.port()));
    QCOMPARE(run->result.error.kind, NetError::Kind::Tls);
    QCOMPARE(run->result.error.call, QStringLiteral("SSL_connect"));
    QCOMPARE(run->result.error.message, QStringLiteral("wrong version number"));
    QCOMPARE(run->result.stop.reason, StopReason::Error);
    QVERIFY(run->elapsedMs < 5000);
    QCOMPARE(run->result.sentBytes, 0);
    const QString sentence = ErrorText::describe(run->result.error);
    QVERIFY2(sentence.contains(QStringLiteral("does not answer in TLS")), qPrintable(sentence));
    const QList<TraceEntry> connects = entriesOf(run->trace, QStringLiteral("SSL_connect"));
    QVERIFY(!connects.isEmpty());
    QCOMPARE(connects.last().statusDetail, QStringLiteral("wrong version number"));
}

void TestTlsExchange::silentPeerTimesOut()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("silent")});
    QVERIFY(peer.port() != 0);
    TcpRequest request = tlsRequest(QStringLiteral("127.0.0.1"), peer.port());
    request.connectTimeoutMs = 600;
    const auto run = exchange(request);
    QCOMPARE(run->result.error.kind, NetError::Kind::Timeout);
    QCOMPARE(run->result.error.call, QStringLiteral("SSL_connect"));
    QCOMPARE(run->result.stop.reason, StopReason::Timeout);
    QCOMPARE(run->result.stop.limit, 600);
    QVERIFY2(run->elapsedMs >= 550 && run->elapsedMs < 3000, qPrintable(QString::number(run->elapsedMs)));
    QCOMPARE(run->result.sentBytes, 0);
}

void TestTlsExchange::cancelDuringHandshake()
{
    PeerProcess peer(QStringLiteral("misbehaving_peer.py"), {QStringLiteral("silent")});
    QVERIFY(peer.port() != 0);
    const TcpRequest request = tlsRequest(QStringLiteral("127.0.0.1"), peer.port());
    Run run;
    CancelToken cancel;
    std::atomic<bool> handshaking{false};
    TcpExchange exchange(request, run.store, run.trace, cancel);
    std::thread worker([&] {
        run.result = exchange.run([&](ExchangePhase phase) {
            if (phase == ExchangePhase::Handshaking)
                handshaking = true;
        });
    });
    QElapsedTimer clock;
    clock.start();
    while (!handshaking && clock.elapsed() < 10000)
        QTest::qWait(5);
    // Long enough for the ClientHello to have gone and the wait for the server's answer to have begun.
    QTest::qWait(200);
    clock.restart();
    cancel.cancel();
    worker.join();
    const qint64 ms = clock.elapsed();
    QVERIFY(handshaking);
    QVERIFY2(ms < 100, qPrintable(QString::number(ms)));
    QCOMPARE(run.result.error.kind, NetError::Kind::Cancelled);
    QCOMPARE(run.result.error.call, QStringLiteral("SSL_connect"));
    QCOMPARE(run.result.stop.reason, StopReason::Cancelled);
    // The trace says where it was: waiting for the server's first flight.
    const QList<TraceEntry> connects = entriesOf(run.trace, QStringLiteral("SSL_connect"));
    QVERIFY(!connects.isEmpty());
    QCOMPARE(connects.last().status, QStringLiteral("SSL_ERROR_WANT_READ"));
    QVERIFY(entriesOf(run.trace, QStringLiteral("SSL_shutdown")).isEmpty());
}

void TestTlsExchange::closeNotify_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("closeNotify");
    QTest::newRow("close_notify sent") << QStringLiteral("close-notify") << true;
    QTest::newRow("TCP closed without it") << QStringLiteral("no-close-notify") << false;
}

void TestTlsExchange::closeNotify()
{
    QFETCH(QString, mode);
    QFETCH(bool, closeNotify);
    const auto peer = pythonPeer(mode, m_server);
    QVERIFY(peer->port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer->port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QCOMPARE(run->result.stop.reason, StopReason::PeerClosed);
    QVERIFY(run->store.toByteArray().endsWith("Hello over TLS, from Python.\n"));
    QCOMPARE(run->result.tls->closeNotify, closeNotify);
    QCOMPARE(run->result.stop.closeNotifyMissing, !closeNotify);
    const QString sentence = describeStop(run->result.stop);
    QCOMPARE(sentence.contains(QStringLiteral("cut off")), !closeNotify);
    QVERIFY2(sentence.contains(QStringLiteral("close_notify")) == !closeNotify, qPrintable(sentence));
    const QList<TraceEntry> reads = entriesOf(run->trace, QStringLiteral("SSL_read"));
    QVERIFY(!reads.isEmpty());
    QCOMPARE(reads.last().statusDetail,
             closeNotify ? QStringLiteral("close_notify") : QStringLiteral("unexpected eof while reading"));
}

void TestTlsExchange::httpFramingOverTls_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<HttpFraming>("framing");
    QTest::addColumn<qint64>("bodyBytes");
    QTest::newRow("Content-Length") << QStringLiteral("content-length") << HttpFraming::ContentLength << qint64(29);
    QTest::newRow("chunked") << QStringLiteral("chunked") << HttpFraming::Chunked << qint64(13);
}

void TestTlsExchange::httpFramingOverTls()
{
    QFETCH(QString, mode);
    QFETCH(HttpFraming, framing);
    QFETCH(qint64, bodyBytes);
    // The peer keeps the connection open after its reply: only the framing can end the exchange.
    const auto peer = pythonPeer(mode, m_server);
    QVERIFY(peer->port() != 0);
    TcpRequest request = tlsRequest(QStringLiteral("localhost"), peer->port(), m_certs->ca().certPath, Get11);
    request.stopRule = StopRule{StopRule::Kind::Http, 0};
    const auto run = exchange(request);
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QCOMPARE(run->result.stop.reason, StopReason::HttpComplete);
    QCOMPARE(run->result.stop.framing, framing);
    QVERIFY2(run->elapsedMs < 5000, qPrintable(QString::number(run->elapsedMs)));
    QVERIFY(run->result.http);
    QCOMPARE(run->result.http->statusCode(), 200);
    QCOMPARE(run->result.http->bodyBytes(), bodyBytes);
    QCOMPARE(run->result.http->messageEnd(), run->result.receivedBytes);
    QVERIFY(!run->result.tls->closeNotify);
    QVERIFY(!run->result.stop.closeNotifyMissing);
}

void TestTlsExchange::sizeCapAndByteCount()
{
    const auto peer = pythonPeer(QStringLiteral("bytes"), m_server, {QStringLiteral("--bytes"), QStringLiteral("1000000")});
    QVERIFY(peer->port() != 0);
    TcpRequest capped = tlsRequest(QStringLiteral("localhost"), peer->port(), m_certs->ca().certPath);
    capped.maxBytes = 300001;
    const auto cap = exchange(capped);
    QVERIFY2(!cap->result.error.isError(), qPrintable(failure(*cap)));
    QCOMPARE(cap->result.stop.reason, StopReason::SizeCap);
    QCOMPARE(cap->result.receivedBytes, 300001);
    QCOMPARE(cap->store.toByteArray(), pattern(300001));

    TcpRequest counted = tlsRequest(QStringLiteral("localhost"), peer->port(), m_certs->ca().certPath);
    counted.stopRule = StopRule{StopRule::Kind::Bytes, 123457};
    const auto count = exchange(counted);
    QVERIFY2(!count->result.error.isError(), qPrintable(failure(*count)));
    QCOMPARE(count->result.stop.reason, StopReason::ByteCountReached);
    QCOMPARE(count->result.receivedBytes, 123457);
    QCOMPARE(count->store.toByteArray(), pattern(123457));
}

void TestTlsExchange::streamsToFile()
{
    const qint64 size = 5 * 1024 * 1024 + 17;
    const auto peer = pythonPeer(QStringLiteral("bytes"), m_server, {QStringLiteral("--bytes"), QString::number(size)});
    QVERIFY(peer->port() != 0);
    const QString path = m_dir.filePath(QStringLiteral("reply.bin"));
    FileSink sink;
    QVERIFY(sink.open(path));
    Trace trace;
    CancelToken cancel;
    TcpExchange exchange(tlsRequest(QStringLiteral("localhost"), peer->port(), m_certs->ca().certPath), sink, trace, cancel);
    const TcpResult result = exchange.run();
    QVERIFY(sink.close());
    QVERIFY2(!result.error.isError(), qPrintable(ErrorText::describe(result.error)));
    QCOMPARE(result.receivedBytes, size);
    QCOMPARE(result.stop.reason, StopReason::PeerClosed);
    QVERIFY(result.tls->closeNotify);
    QCOMPARE(readFile(path), pattern(size));
    // Hundreds of SSL_read() calls, folded.
    const QList<TraceEntry> reads = entriesOf(trace, QStringLiteral("SSL_read"));
    qint64 total = 0;
    for (const TraceEntry &entry : reads)
        total += entry.count > 1 ? entry.totalBytes : qMax<qint64>(entry.result, 0);
    QCOMPARE(total, size);
    QVERIFY2(reads.size() < 10, qPrintable(QString::number(reads.size())));
}

void TestTlsExchange::sessionResumed()
{
    TlsPeer peer(m_server.certPath, m_server.keyPath);
    QVERIFY(peer.port() != 0);
    const TcpRequest request = tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath);
    const auto first = exchange(request);
    QVERIFY2(!first->result.error.isError(), qPrintable(failure(*first)));
    QVERIFY(!first->result.tls->resumed);
    const auto second = exchange(request);
    QVERIFY2(!second->result.error.isError(), qPrintable(failure(*second)));
    QVERIFY(second->result.tls->resumed);
    // s_server's page says so too ("Reused, TLSv1.3").
    QVERIFY2(second->store.toByteArray().contains("Reused"), second->store.toByteArray().left(2000).constData());
    // A resumed session's certificate was checked when the session began: it is still shown and checked.
    QCOMPARE(second->result.tls->verify.outcome, TlsVerify::Outcome::Ok);
    QCOMPARE(second->result.tls->chain.value(0).sha256, m_server.sha256);
}

void TestTlsExchange::traceShowsRecordLayer()
{
    TlsPeer peer(m_server.certPath, m_server.keyPath);
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    const Trace &trace = run->trace;

    const QList<TraceEntry> sni = entriesOf(trace, QStringLiteral("SSL_set_tlsext_host_name"));
    QCOMPARE(sni.size(), 1);
    QVERIFY(sni[0].args.contains(QStringLiteral("\"localhost\"")));

    // SSL_connect() sends the ClientHello and waits for the server's answer (unless, on a fast
    // loopback, the answer is already there when it first reads), then finishes.
    const QList<TraceEntry> connects = entriesOf(trace, QStringLiteral("SSL_connect"));
    QVERIFY2(!connects.isEmpty(), "no SSL_connect in the trace");
    for (qsizetype i = 0; i + 1 < connects.size(); ++i) {
        QVERIFY2(connects[i].status == QStringLiteral("SSL_ERROR_WANT_READ") || connects[i].status == QStringLiteral("SSL_ERROR_WANT_WRITE"),
                 qPrintable(connects[i].status));
        QCOMPARE(connects[i].result, -1);
    }
    QCOMPARE(connects.last().result, 1);
    QVERIFY(connects.last().status.isEmpty());

    const QList<TraceEntry> verify = entriesOf(trace, QStringLiteral("X509_verify_cert"));
    QCOMPARE(verify.size(), 1);
    QCOMPARE(verify[0].result, 1);

    const QList<TraceEntry> writes = entriesOf(trace, QStringLiteral("SSL_write"));
    QCOMPARE(writes.size(), 1);
    QCOMPARE(writes[0].result, Get10.size());

    const QList<TraceEntry> reads = entriesOf(trace, QStringLiteral("SSL_read"));
    QVERIFY(!reads.isEmpty());
    QVERIFY(reads.first().result > 0);
    QCOMPARE(reads.last().status, QStringLiteral("SSL_ERROR_ZERO_RETURN"));

    // In the order they happened, the records' own send() and recv() beneath: the ClientHello is sent
    // inside the first SSL_connect() (an entry is written when its call returns), the server's flight
    // read after it and before the last SSL_connect() returns: in the first one already when the
    // flight, or part of it, is there when it first reads (a slow client, a sanitizer).
    const qsizetype connectAt = indexOf(trace, QStringLiteral("SSL_connect"));
    const qsizetype verifyAt = indexOf(trace, QStringLiteral("X509_verify_cert"));
    const qsizetype writeAt = indexOf(trace, QStringLiteral("SSL_write"));
    const qsizetype readAt = indexOf(trace, QStringLiteral("SSL_read"));
    const qsizetype firstRecv = indexOf(trace, QStringLiteral("recv"));
    QVERIFY(indexOf(trace, QStringLiteral("connect")) < indexOf(trace, QStringLiteral("send")));
    QVERIFY(indexOf(trace, QStringLiteral("send")) < connectAt);
    QVERIFY(indexOf(trace, QStringLiteral("send")) < firstRecv);
    QVERIFY(firstRecv < lastIndexOf(trace, QStringLiteral("SSL_connect")));
    QVERIFY(connectAt < verifyAt && verifyAt < writeAt && writeAt < readAt);
    QCOMPARE(trace.entries().value(writeAt - 1).call, QStringLiteral("send"));
    QCOMPARE(trace.entries().value(readAt - 1).call, QStringLiteral("recv"));
    QCOMPARE(trace.entries().last().call, QStringLiteral("close"));
}

void TestTlsExchange::alpnAgreed()
{
    TlsPeer plain(m_server.certPath, m_server.keyPath);
    QVERIFY(plain.port() != 0);
    const auto none = exchange(tlsRequest(QStringLiteral("localhost"), plain.port(), m_certs->ca().certPath));
    QVERIFY2(!none->result.error.isError(), qPrintable(failure(*none)));
    QVERIFY(none->result.tls->alpn.isEmpty());

    TlsPeer alpn(m_server.certPath, m_server.keyPath, {QStringLiteral("-www"), QStringLiteral("-alpn"), QStringLiteral("http/1.1")});
    QVERIFY(alpn.port() != 0);
    const auto agreed = exchange(tlsRequest(QStringLiteral("localhost"), alpn.port(), m_certs->ca().certPath));
    QVERIFY2(!agreed->result.error.isError(), qPrintable(failure(*agreed)));
    QCOMPARE(agreed->result.tls->alpn, QByteArray("http/1.1"));
}

void TestTlsExchange::socketOptionsAndLocalPortUnderTls()
{
    TlsPeer peer(m_server.certPath, m_server.keyPath, {QStringLiteral("-www")});
    QVERIFY(peer.port() != 0);
    TcpRequest request = tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath);
    request.socketOptions = {SocketOptionSetting{SocketOptionName::NoDelay, 1}};
    const quint16 localPort = freeLoopbackPort();
    request.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), localPort);
    const auto run = exchange(request);
    QVERIFY2(!run->result.error.isError(), qPrintable(failure(*run)));
    QVERIFY(run->result.tls && run->result.tls->handshakeDone);
    QCOMPARE(run->result.local.port(), localPort);
    QCOMPARE(run->result.socketOptions.size(), 1);
    QCOMPARE(run->result.socketOptions.constFirst().effective, 1);
    // The options and the bind() come before connect(), and the handshake runs on that same socket.
    const qsizetype set = indexOf(run->trace, QStringLiteral("setsockopt"));
    const qsizetype bind = indexOf(run->trace, QStringLiteral("bind"));
    const qsizetype connect = indexOf(run->trace, QStringLiteral("connect"));
    const qsizetype handshake = indexOf(run->trace, QStringLiteral("SSL_connect"));
    QVERIFY(set >= 0 && set < bind && bind < connect && connect < handshake);
}

QTEST_GUILESS_MAIN(TestTlsExchange)
#include "tst_tlsexchange.moc"
