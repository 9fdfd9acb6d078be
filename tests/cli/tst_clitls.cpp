#include "clitestsupport.h"
#include "freeport.h"
#include "nginxprocess.h"
#include "testcertificates.h"
#include "tlspeer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace CliTest;
using namespace Qt::StringLiterals;

// socketlab-cli tcp --tls against peers SocketLab's code has no part in: openssl s_server, nginx, and
// small Python peers (a plain-text server, a silent one, one that closes without close_notify).

namespace {

const QString Get10 = uR"(GET / HTTP/1.0\r\n\r\n)"_s;

QJsonObject jsonOf(const Result &result)
{
    return QJsonDocument::fromJson(result.out).object();
}

QString fingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

// nginx serving dir/www over TLS with the given certificate; gzip on, so a request that accepts
// gzip gets a chunked reply.
class TlsNginx : public NginxProcess
{
public:
    TlsNginx(const QString &binary, const QString &dir, quint16 port, const QString &cert, const QString &key)
        : NginxProcess(binary, dir,
                       "    types { text/plain txt; }\n"
                       "    default_type application/octet-stream;\n"
                       "    gzip on;\n"
                       "    gzip_min_length 1;\n"
                       "    gzip_types text/plain;\n"
                       "    server {\n"
                       "        listen 127.0.0.1:" + QByteArray::number(port) + " ssl;\n"
                       "        ssl_certificate " + cert.toUtf8() + ";\n"
                       "        ssl_certificate_key " + key.toUtf8() + ";\n"
                       "        root " + dir.toUtf8() + "/www;\n"
                       "    }\n")
    {
    }
};

} // namespace

class TestCliTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void helpListsTlsOptions();
    void nginxChainTrustedWithCaFile();
    void nginxHttpFramingOverTls_data();
    void nginxHttpFramingOverTls();
    void selfSignedRefusedThenPinned();
    void wrongHostName();
    void outOfDate_data();
    void outOfDate();
    void ipAddressCertificate();
    void versions_data();
    void versions();
    void minimumVersionRefused();
    void plainTextPeer();
    void silentPeer();
    void closeWithoutCloseNotify();
    void timeoutInTheMiddleOfARecord();
    void plainTcpHasNoTls();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;
};

void TestCliTls::initTestCase()
{
    QVERIFY(QFileInfo::exists(cliPath()));
    QVERIFY(m_dir.isValid());
    m_certs = std::make_unique<TestCertificates>(m_dir.path());
}

void TestCliTls::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("https URL") << QStringList{u"https://example.org/"_s} << u"--tls example.org 443"_s;
    QTest::newRow("https URL and port") << QStringList{u"https://example.org:8443/a"_s, u"8443"_s}
                                        << u"--tls example.org 8443"_s;
    QTest::newRow("http URL") << QStringList{u"http://example.org/"_s} << u"tcp example.org 80"_s;
    QTest::newRow("other URL") << QStringList{u"ftp://example.org/"_s, u"21"_s} << u"is a URL, not a host"_s;
    QTest::newRow("ca-file without --tls") << QStringList{u"localhost"_s, u"443"_s, u"--ca-file"_s, u"/dev/null"_s}
                                           << u"--ca-file needs --tls"_s;
    QTest::newRow("pin without --tls") << QStringList{u"localhost"_s, u"443"_s, u"--pin"_s, u"sha256:00"_s}
                                       << u"--pin needs --tls"_s;
    QTest::newRow("servername without --tls")
        << QStringList{u"localhost"_s, u"443"_s, u"--servername"_s, u"a.example"_s} << u"--servername needs --tls"_s;
    QTest::newRow("alpn without --tls") << QStringList{u"localhost"_s, u"443"_s, u"--alpn"_s, u"h2"_s}
                                        << u"--alpn needs --tls"_s;
    QTest::newRow("tls-min without --tls") << QStringList{u"localhost"_s, u"443"_s, u"--tls-min"_s, u"1.3"_s}
                                           << u"--tls-min needs --tls"_s;
    QTest::newRow("bad pin") << QStringList{u"localhost"_s, u"443"_s, u"--tls"_s, u"--pin"_s, u"sha256:abcd"_s}
                             << u"Invalid --pin \"sha256:abcd\""_s;
    QTest::newRow("bad version") << QStringList{u"localhost"_s, u"443"_s, u"--tls"_s, u"--tls-min"_s, u"1.1"_s}
                                 << u"--tls-min \"1.1\""_s;
    QTest::newRow("empty alpn name") << QStringList{u"localhost"_s, u"443"_s, u"--tls"_s, u"--alpn"_s, u"h2,,x"_s}
                                     << u"Invalid --alpn"_s;
    QTest::newRow("missing CA file")
        << QStringList{u"localhost"_s, u"443"_s, u"--tls"_s, u"--ca-file"_s, u"/nonexistent/ca.pem"_s}
        << u"/nonexistent/ca.pem"_s;
}

void TestCliTls::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Result result = cli(QStringList{u"tcp"_s} + arguments);
    QVERIFY2(result.finished && result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(expected.toUtf8()), result.describe().constData());
    QCOMPARE(result.err.count('\n'), 1);
}

void TestCliTls::helpListsTlsOptions()
{
    const Result result = cli({u"tcp"_s, u"--help"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    for (const char *option : {"--tls ", "--ca-file <PATH>", "--pin <sha256:HEX>", "--servername <NAME>",
                               "--alpn <LIST>", "--tls-min <VERSION>"})
        QVERIFY2(result.out.contains(option), option);
}

void TestCliTls::nginxChainTrustedWithCaFile()
{
    const QString binary = nginxBinary();
    if (binary.isEmpty())
        QSKIP("nginx is not installed; install nginx-light to run this check");
    const TestCertificates::Issued server = m_certs->signedByCa(u"nginx"_s);
    const QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"www"_s));
    QFile index(dir.filePath(u"www/index.html"_s));
    QVERIFY(index.open(QIODevice::WriteOnly) && index.write("<p>TLS</p>\n") > 0);
    index.close();
    const quint16 port = freeLoopbackPort();
    const TlsNginx nginx(binary, dir.path(), port, server.certPath, server.keyPath);
    QTRY_VERIFY_WITH_TIMEOUT(nginx.listening() || !nginx.running(), 20000);
    QVERIFY2(nginx.listening() && nginx.running(), nginx.errors().constData());

    // Text: the summary, the verdict and the certificate, as a person reads them.
    const QStringList common{u"tcp"_s, u"localhost"_s, QString::number(port), u"-4"_s, u"--tls"_s,
                             u"--ca-file"_s, m_certs->ca().certPath, u"--send"_s,
                             uR"(HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n)"_s};
    const Result text = cli(common);
    QVERIFY2(text.finished && text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.err.contains("* TLS handshake done in "), text.describe().constData());
    QVERIFY2(text.err.contains("ALPN http/1.1, SNI localhost"), text.describe().constData());
    QVERIFY2(text.err.contains("* Verified: the chain leads to a trusted authority, and the certificate covers localhost."),
             text.describe().constData());
    QVERIFY2(text.err.contains("*   issuer: CN=SocketLab Test CA\n"), text.describe().constData());
    QVERIFY2(text.err.contains("*   key: EC P-256, signature: ecdsa-with-SHA256\n"), text.describe().constData());
    QVERIFY2(text.err.contains("*   SHA-256: " + fingerprint(server.sha256).toLatin1() + '\n'), text.describe().constData());

    const Result result = cli(common + QStringList{u"--format"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QJsonObject json = jsonOf(result);
    const QJsonObject tls = json.value(u"tls"_s).toObject();
    QVERIFY2(tls.value(u"version"_s).toString().startsWith(u"TLSv1."_s), result.out.constData());
    QVERIFY(!tls.value(u"cipher"_s).toString().isEmpty());
    QCOMPARE(tls.value(u"alpn"_s).toString(), u"http/1.1"_s);
    QCOMPARE(tls.value(u"servername"_s).toString(), u"localhost"_s);
    QCOMPARE(tls.value(u"resumed"_s).toBool(), false);
    QVERIFY(tls.value(u"handshake_ms"_s).toDouble() > 0);
    const QJsonObject verify = tls.value(u"verify"_s).toObject();
    QCOMPARE(verify.value(u"ok"_s).toBool(), true);
    QCOMPARE(verify.value(u"code"_s).toString(), u"X509_V_OK"_s);
    QCOMPARE(verify.value(u"pinned"_s).toBool(), false);
    const QJsonArray chain = tls.value(u"chain"_s).toArray();
    QCOMPARE(chain.size(), 1);
    const QJsonObject leaf = chain.first().toObject();
    QCOMPARE(leaf.value(u"sha256"_s).toString(), QString::fromLatin1(server.sha256.toHex()));
    QCOMPARE(leaf.value(u"subject"_s).toString(), u"CN=localhost"_s);
    QCOMPARE(leaf.value(u"issuer"_s).toString(), u"CN=SocketLab Test CA"_s);
    QCOMPARE(leaf.value(u"key"_s).toString(), u"EC P-256"_s);
    QCOMPARE(leaf.value(u"san"_s).toArray().first().toString(), u"localhost"_s);
    QVERIFY2(leaf.value(u"not_after"_s).toString().endsWith(u'Z'), result.out.constData());
    QVERIFY(QDateTime::fromString(leaf.value(u"not_before"_s).toString(), Qt::ISODate).isValid());
    QVERIFY(json.value(u"timings"_s).toObject().value(u"tls_ms"_s).toDouble() > 0);
    QCOMPARE(json.value(u"http"_s).toObject().value(u"status"_s).toInt(), 200);
    // The handshake shows in the trace (its waits, if any, depend on how fast nginx answers).
    bool sawHandshake = false;
    for (const QJsonValue &entry : json.value(u"trace"_s).toArray()) {
        const QJsonObject call = entry.toObject();
        if (call.value(u"call"_s).toString() == u"SSL_connect"_s && call.value(u"ret"_s).toInt() == 1)
            sawHandshake = true;
    }
    QVERIFY2(sawHandshake, result.out.constData());
}

void TestCliTls::nginxHttpFramingOverTls_data()
{
    QTest::addColumn<QString>("acceptEncoding");
    QTest::addColumn<QString>("framing");
    QTest::newRow("Content-Length") << QString() << u"content-length"_s;
    QTest::newRow("chunked (gzip)") << uR"(Accept-Encoding: gzip\r\n)"_s << u"chunked"_s;
}

void TestCliTls::nginxHttpFramingOverTls()
{
    QFETCH(QString, acceptEncoding);
    QFETCH(QString, framing);
    const QString binary = nginxBinary();
    if (binary.isEmpty())
        QSKIP("nginx is not installed; install nginx-light to run this check");
    const TestCertificates::Issued server = m_certs->signedByCa(u"nginx-framing"_s);
    const QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"www"_s));
    const QByteArray page = QByteArray("SocketLab over TLS\n").repeated(500);
    QFile file(dir.filePath(u"www/page.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(page) == page.size());
    file.close();
    const quint16 port = freeLoopbackPort();
    const TlsNginx nginx(binary, dir.path(), port, server.certPath, server.keyPath);
    QTRY_VERIFY_WITH_TIMEOUT(nginx.listening() || !nginx.running(), 20000);
    QVERIFY2(nginx.listening() && nginx.running(), nginx.errors().constData());

    // A kept-alive HTTP/1.1 connection: only the reply's own framing can end the read in time.
    const QString request = uR"(GET /page.txt HTTP/1.1\r\nHost: localhost\r\n)"_s + acceptEncoding + uR"(\r\n)"_s;
    QElapsedTimer clock;
    clock.start();
    const Result result = cli({u"tcp"_s, u"localhost"_s, QString::number(port), u"-4"_s, u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--send"_s, request, u"--until"_s, u"http"_s, u"--format"_s,
                               u"json"_s, u"--timeout"_s, u"20000"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QVERIFY2(clock.elapsed() < 15000, "the read waited for nginx's keep-alive timeout");
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.value(u"stop"_s).toObject().value(u"reason"_s).toString(), u"http_complete"_s);
    const QJsonObject http = json.value(u"http"_s).toObject();
    QCOMPARE(http.value(u"framing"_s).toString(), framing);
    QCOMPARE(http.value(u"complete"_s).toBool(), true);
    QCOMPARE(http.value(u"decoded_bytes"_s).toInteger(), page.size());
    QCOMPARE(json.value(u"tls"_s).toObject().value(u"verify"_s).toObject().value(u"ok"_s).toBool(), true);
}

void TestCliTls::selfSignedRefusedThenPinned()
{
    const TestCertificates::Issued self = m_certs->selfSigned(u"self"_s);
    TlsPeer peer(self.certPath, self.keyPath);
    QVERIFY(peer.port() != 0);
    const QStringList common{u"tcp"_s, u"localhost"_s, peer.service(), u"-4"_s, u"--tls"_s, u"--send"_s, Get10};

    const Result refused = cli(common);
    QVERIFY2(refused.finished && refused.exitCode == 6, refused.describe().constData());
    QVERIFY2(refused.err.contains("The certificate of localhost is self-signed"), refused.describe().constData());
    QVERIFY2(refused.err.contains(fingerprint(self.sha256).toLatin1() + " and pin it."), refused.describe().constData());
    QVERIFY2(refused.out.isEmpty(), refused.describe().constData());
    // The chain is shown all the same.
    QVERIFY2(refused.err.contains("*   SHA-256: " + fingerprint(self.sha256).toLatin1()), refused.describe().constData());

    const Result pinned = cli(common + QStringList{u"--pin"_s, u"sha256:"_s + fingerprint(self.sha256), u"--format"_s, u"json"_s});
    QVERIFY2(pinned.finished && pinned.exitCode == 0, pinned.describe().constData());
    const QJsonObject verify = jsonOf(pinned).value(u"tls"_s).toObject().value(u"verify"_s).toObject();
    QCOMPARE(verify.value(u"ok"_s).toBool(), true);
    QCOMPARE(verify.value(u"pinned"_s).toBool(), true);
    QVERIFY(QByteArray::fromBase64(jsonOf(pinned).value(u"data_base64"_s).toString().toLatin1()).startsWith("HTTP/1.0 200 ok"));

    const TestCertificates::Issued other = m_certs->selfSigned(u"other"_s);
    const Result wrongPin = cli(common + QStringList{u"--pin"_s, QString::fromLatin1(other.sha256.toHex())});
    QVERIFY2(wrongPin.finished && wrongPin.exitCode == 6, wrongPin.describe().constData());
    QVERIFY2(wrongPin.err.contains("is not the pinned one: pinned SHA-256 " + fingerprint(other.sha256).toLatin1()
                                   + ", received " + fingerprint(self.sha256).toLatin1()),
             wrongPin.describe().constData());
}

void TestCliTls::wrongHostName()
{
    const TestCertificates::Issued server = m_certs->signedByCa(u"named"_s);
    TlsPeer peer(server.certPath, server.keyPath);
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--servername"_s, u"other.example"_s, u"--send"_s, Get10,
                               u"--format"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 6, result.describe().constData());
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.value(u"tls"_s).toObject().value(u"servername"_s).toString(), u"other.example"_s);
    const QString message = json.value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(u"does not cover other.example: it covers “localhost”, “127.0.0.1”"_s), qPrintable(message));
    QCOMPARE(json.value(u"sent_bytes"_s).toInt(), 0);
    // The check's outcome is in the trace with OpenSSL's code and words, where errno has nothing to say.
    bool sawMismatch = false;
    for (const QJsonValue &entry : json.value(u"trace"_s).toArray()) {
        const QJsonObject call = entry.toObject();
        if (call.value(u"call"_s).toString() == u"X509_verify_cert"_s) {
            QCOMPARE(call.value(u"status"_s).toString(), u"X509_V_ERR_HOSTNAME_MISMATCH"_s);
            QVERIFY(!call.value(u"status_detail"_s).toString().isEmpty());
            QVERIFY(call.value(u"errno"_s).isNull());
            sawMismatch = true;
        }
    }
    QVERIFY2(sawMismatch, result.out.constData());

    const Result text = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--ca-file"_s,
                             m_certs->ca().certPath, u"--servername"_s, u"other.example"_s, u"--send"_s, Get10});
    QVERIFY2(text.exitCode == 6 && text.err.contains(message.toUtf8()), text.describe().constData());
    const Result traced = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--servername"_s, u"other.example"_s, u"--trace"_s});
    QVERIFY2(traced.err.contains(") = 0 X509_V_ERR_HOSTNAME_MISMATCH (hostname mismatch)\n"), traced.describe().constData());
}

void TestCliTls::outOfDate_data()
{
    QTest::addColumn<long>("notBeforeDays");
    QTest::addColumn<long>("notAfterDays");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("expired") << -30L << -1L << u"The certificate of localhost expired on "_s;
    QTest::newRow("not yet valid") << 2L << 30L << u"The certificate of localhost is not valid before "_s;
}

void TestCliTls::outOfDate()
{
    QFETCH(long, notBeforeDays);
    QFETCH(long, notAfterDays);
    QFETCH(QString, sentence);
    TestCertificateSpec spec;
    spec.notBeforeDays = notBeforeDays;
    spec.notAfterDays = notAfterDays;
    const TestCertificates::Issued server = m_certs->signedByCa(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'), spec);
    TlsPeer peer(server.certPath, server.keyPath);
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"localhost"_s, peer.service(), u"-4"_s, u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--send"_s, Get10});
    QVERIFY2(result.finished && result.exitCode == 6, result.describe().constData());
    QVERIFY2(result.err.contains(sentence.toUtf8()), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
}

void TestCliTls::ipAddressCertificate()
{
    TestCertificateSpec spec;
    spec.commonName = u"127.0.0.1"_s;
    spec.altNames = {u"IP:127.0.0.1"_s};
    const TestCertificates::Issued server = m_certs->signedByCa(u"address"_s, spec);
    TlsPeer peer(server.certPath, server.keyPath);
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--send"_s, Get10, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QJsonObject tls = jsonOf(result).value(u"tls"_s).toObject();
    // RFC 6066: no SNI for an address; the address itself is what the certificate must cover.
    QVERIFY2(tls.value(u"servername"_s).isNull(), result.out.constData());
    QCOMPARE(tls.value(u"verify"_s).toObject().value(u"ok"_s).toBool(), true);
    QCOMPARE(tls.value(u"verify"_s).toObject().value(u"checked_name"_s).toString(), u"127.0.0.1"_s);
    QCOMPARE(tls.value(u"chain"_s).toArray().first().toObject().value(u"san"_s).toArray(), QJsonArray{u"127.0.0.1"_s});
}

void TestCliTls::versions_data()
{
    QTest::addColumn<QString>("serverOption");
    QTest::addColumn<QString>("version");
    QTest::newRow("1.2 only") << u"-tls1_2"_s << u"TLSv1.2"_s;
    QTest::newRow("1.3 only") << u"-tls1_3"_s << u"TLSv1.3"_s;
}

void TestCliTls::versions()
{
    QFETCH(QString, serverOption);
    QFETCH(QString, version);
    const TestCertificates::Issued server = m_certs->signedByCa(u"versions"_s);
    TlsPeer peer(server.certPath, server.keyPath, {u"-www"_s, serverOption});
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"localhost"_s, peer.service(), u"-4"_s, u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--send"_s, Get10, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QCOMPARE(jsonOf(result).value(u"tls"_s).toObject().value(u"version"_s).toString(), version);
}

void TestCliTls::minimumVersionRefused()
{
    const TestCertificates::Issued server = m_certs->signedByCa(u"old"_s);
    TlsPeer peer(server.certPath, server.keyPath, {u"-www"_s, u"-tls1_2"_s});
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"localhost"_s, peer.service(), u"-4"_s, u"--tls"_s, u"--ca-file"_s,
                               m_certs->ca().certPath, u"--tls-min"_s, u"1.3"_s, u"--send"_s, Get10});
    QVERIFY2(result.finished && result.exitCode == 6, result.describe().constData());
    QVERIFY2(result.err.contains("have no TLS version in common"), result.describe().constData());
    QVERIFY2(result.err.contains("SSL_connect()"), result.describe().constData());
}

void TestCliTls::plainTextPeer()
{
    Peer peer(u"misbehaving_peer.py"_s, {u"greet"_s, u"--hold"_s, u"30"_s});
    QVERIFY(peer.port() != 0);
    QElapsedTimer clock;
    clock.start();
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--send"_s, Get10}, 20000);
    QVERIFY2(result.finished && result.exitCode == 6, result.describe().constData());
    QVERIFY2(clock.elapsed() < 10000, "a plain-text peer made the handshake hang");
    QVERIFY2(result.err.contains("does not answer in TLS"), result.describe().constData());
}

void TestCliTls::silentPeer()
{
    Peer peer(u"misbehaving_peer.py"_s, {u"silent"_s, u"--hold"_s, u"30"_s});
    QVERIFY(peer.port() != 0);
    QElapsedTimer clock;
    clock.start();
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--connect-timeout"_s,
                               u"500"_s, u"--send"_s, Get10, u"--format"_s, u"json"_s},
                              20000);
    QVERIFY2(result.finished && result.exitCode == 4, result.describe().constData());
    QVERIFY2(clock.elapsed() < 10000, "the handshake timeout did not end the exchange");
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.value(u"error"_s).toObject().value(u"call"_s).toString(), u"SSL_connect"_s);
    QCOMPARE(json.value(u"stop"_s).toObject().value(u"reason"_s).toString(), u"timeout"_s);
    QCOMPARE(json.value(u"tls"_s).toObject().value(u"handshake_done"_s).toBool(), false);
    QVERIFY(json.value(u"tls"_s).toObject().value(u"chain"_s).toArray().isEmpty());

    const Result text = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--connect-timeout"_s, u"500"_s,
                             u"--send"_s, Get10},
                            20000);
    QVERIFY2(text.exitCode == 4 && text.err.contains("SSL_connect"), text.describe().constData());
}

void TestCliTls::closeWithoutCloseNotify()
{
    const TestCertificates::Issued self = m_certs->selfSigned(u"truncating"_s);
    Peer peer(u"tls_truncating_peer.py"_s, {u"--cert"_s, self.certPath, u"--key"_s, self.keyPath});
    QVERIFY(peer.port() != 0);
    const QStringList common{u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--pin"_s,
                             fingerprint(self.sha256), u"--send"_s, Get10};
    const Result result = cli(common + QStringList{u"--format"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QJsonObject json = jsonOf(result);
    QCOMPARE(json.value(u"tls"_s).toObject().value(u"close_notify"_s).toBool(), false);
    const QJsonObject stop = json.value(u"stop"_s).toObject();
    QCOMPARE(stop.value(u"reason"_s).toString(), u"peer_closed"_s);
    QCOMPARE(stop.value(u"possibly_truncated"_s).toBool(), true);
    QVERIFY2(stop.value(u"detail"_s).toString().contains(u"may have been cut off"_s), result.out.constData());

    const Result text = cli(common);
    QVERIFY2(text.exitCode == 0 && text.err.contains("may have been cut off"), text.describe().constData());

    // talk says it too: in its last line, and in its JSON stop.
    const QStringList talk{u"talk"_s, u"--tls"_s, u"--pin"_s, fingerprint(self.sha256), u"127.0.0.1"_s, peer.service()};
    const Result talked = run(cliPath(), talk, 30000, "GET / HTTP/1.0\n\n");
    QVERIFY2(talked.exitCode == 0 && talked.err.contains("No TLS close_notify came before this FIN"), talked.describe().constData());
    const Result talkedJson = run(cliPath(), talk + QStringList{u"--format"_s, u"json"_s}, 30000, "GET / HTTP/1.0\n\n");
    QVERIFY2(talkedJson.exitCode == 0, talkedJson.describe().constData());
    const QJsonObject talkStop = jsonOf(talkedJson).value(u"stop"_s).toObject();
    QCOMPARE(talkStop.value(u"reason"_s).toString(), u"peer_closed"_s);
    QVERIFY2(talkStop.value(u"detail"_s).toString().contains(u"No TLS close_notify"_s), talkedJson.out.constData());

    // openssl s_server -www ends with close_notify: nothing is flagged.
    TlsPeer clean(self.certPath, self.keyPath);
    QVERIFY(clean.port() != 0);
    const Result ended = cli({u"tcp"_s, u"127.0.0.1"_s, clean.service(), u"--tls"_s, u"--pin"_s,
                              fingerprint(self.sha256), u"--send"_s, Get10, u"--format"_s, u"json"_s});
    QVERIFY2(ended.exitCode == 0, ended.describe().constData());
    QCOMPARE(jsonOf(ended).value(u"tls"_s).toObject().value(u"close_notify"_s).toBool(), true);
    QCOMPARE(jsonOf(ended).value(u"stop"_s).toObject().value(u"possibly_truncated"_s).toBool(), false);
}

// The time limit passes while a record is half sent to a server that stopped reading: the exchange
// ends there. No close_notify can follow that record (OpenSSL would refuse to send it), so none is
// tried and nothing waits for room the server will never make.
void TestCliTls::timeoutInTheMiddleOfARecord()
{
    const TestCertificates::Issued self = m_certs->selfSigned(u"stalled"_s);
    Peer peer(u"tls_peer.py"_s, {u"content-length"_s, u"--hold"_s, u"30"_s, u"--cert"_s, self.certPath, u"--key"_s,
                                 self.keyPath});
    QVERIFY(peer.port() != 0);
    QTemporaryFile payload;
    QVERIFY(payload.open());
    payload.write("GET / HTTP/1.0\r\n\r\n" + QByteArray(20 * 1024 * 1024, 'p'));
    payload.close();
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--tls"_s, u"--pin"_s, fingerprint(self.sha256),
                               u"--send-file"_s, payload.fileName(), u"--timeout"_s, u"1500"_s, u"--trace"_s});
    QVERIFY2(result.exitCode == 4 && result.err.contains("1,500 ms"), result.describe().constData());
    QVERIFY2(!result.err.contains("SSL_shutdown"), result.describe().constData());
}

void TestCliTls::plainTcpHasNoTls()
{
    Peer peer(u"misbehaving_peer.py"_s, {u"notebook"_s});
    QVERIFY(peer.port() != 0);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, Get10, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QJsonObject json = jsonOf(result);
    QVERIFY(json.contains(u"tls"_s));
    QVERIFY(json.value(u"tls"_s).isNull());
    QCOMPARE(json.value(u"timings"_s).toObject().value(u"tls_ms"_s).toDouble(), -1.0);
    QCOMPARE(json.value(u"stop"_s).toObject().value(u"possibly_truncated"_s).toBool(), false);
}

QTEST_GUILESS_MAIN(TestCliTls)

#include "tst_clitls.moc"
