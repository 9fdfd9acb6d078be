#include "bytes/bytestore.h"
#include "exchange/tcpexchange.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "testcertificates.h"
#include "tlspeer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SocketLab;

namespace {

struct Run
{
    TcpResult result;
    ByteStore store;
    Trace trace;
};

std::unique_ptr<Run> exchange(const TcpRequest &request)
{
    auto run = std::make_unique<Run>();
    CancelToken cancel;
    TcpExchange exchange(request, run->store, run->trace, cancel);
    run->result = exchange.run();
    return run;
}

TcpRequest tlsRequest(const QString &host, quint16 port, const QString &caFile = {})
{
    TcpRequest request;
    request.host = host;
    request.service = QString::number(port);
    request.payload = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
    request.totalTimeoutMs = 20000;
    request.tls.enabled = true;
    request.tls.caFile = caFile;
    return request;
}

} // namespace

class TestTlsExchange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chainSignedByTrustedCa();
    void selfSignedRefusedThenPinned();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;
};

void TestTlsExchange::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certs = std::make_unique<TestCertificates>(m_dir.path());
}

void TestTlsExchange::chainSignedByTrustedCa()
{
    const TestCertificates::Issued server = m_certs->signedByCa(QStringLiteral("server"));
    TlsPeer peer(server.certPath, server.keyPath);
    QVERIFY(peer.port() != 0);
    const auto run = exchange(tlsRequest(QStringLiteral("localhost"), peer.port(), m_certs->ca().certPath));
    QVERIFY2(!run->result.error.isError(), qPrintable(run->result.error.message + run->result.error.call));
    QVERIFY(run->result.tls.has_value());
    QVERIFY(run->result.tls->verify.isOk());
    QCOMPARE(run->result.tls->serverName, QStringLiteral("localhost"));
    QCOMPARE(run->result.tls->chain.first().sha256, server.sha256);
    QVERIFY(run->store.toByteArray().startsWith("HTTP/1.0 200 ok"));
}

void TestTlsExchange::selfSignedRefusedThenPinned()
{
    const TestCertificates::Issued server = m_certs->selfSigned(QStringLiteral("self"));
    TlsPeer peer(server.certPath, server.keyPath);
    QVERIFY(peer.port() != 0);
    TcpRequest request = tlsRequest(QStringLiteral("127.0.0.1"), peer.port());
    const auto refused = exchange(request);
    QCOMPARE(refused->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(refused->result.tls->verify.outcome, TlsVerify::Outcome::SelfSigned);
    QCOMPARE(refused->result.sentBytes, 0);
    QCOMPARE(refused->result.tls->chain.size(), 1);

    request.tls.pinSha256 = server.sha256;
    const auto pinned = exchange(request);
    QVERIFY2(!pinned->result.error.isError(), qPrintable(pinned->result.error.message));
    QVERIFY(pinned->result.tls->verify.pinned);
    QVERIFY(pinned->result.tls->serverName.isEmpty());
    QVERIFY(pinned->store.toByteArray().startsWith("HTTP/1.0 200 ok"));
}

QTEST_GUILESS_MAIN(TestTlsExchange)
#include "tst_tlsexchange.moc"
