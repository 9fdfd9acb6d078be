#include "clitestsupport.h"
#include "testcertificates.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <csignal>

using namespace CliTest;
using namespace Qt::StringLiterals;

// socketlab-cli serve --tls: the listening line gives the certificate's fingerprint, which a client
// pins (socketlab-cli tcp --tls --pin) to get the reply; the self-signed certificate is made once in
// the data folder the window shares; bad options and a plain-text client end cleanly.

namespace {

const QString Get10 = uR"(GET / HTTP/1.0\r\n\r\n)"_s;

QString fingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

// The fingerprint a serve --tls line announces, or empty.
QString announcedFingerprint(const QString &line)
{
    static const QRegularExpression sha(u"over TLS, certificate SHA-256 ([0-9A-F:]{95})\\)"_s);
    return sha.match(line).captured(1);
}

// The SHA-256 of the DER form of the first certificate in a PEM file, computed here with OpenSSL.
QByteArray pemCertificateSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = file.readAll();
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!cert)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(cert, EVP_sha256(), digest, &length);
    X509_free(cert);
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

} // namespace

class TestServeTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void httpWithGivenCertificateAnswersPinnedClient();
    void selfSignedMadeOnceInDataFolder();
    void helpDocumentsTls();
    void usageErrors_data();
    void usageErrors();
    void unusableCertificateFiles();
    void plainClientGetsNoReply();

private:
    QTemporaryDir m_dir;
    QString m_dataHome;
};

void TestServeTls::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "SOCKETLAB_CLI is not set: run this test through CTest");
    QVERIFY(m_dir.isValid());
    // Every child inherits it: the self-signed certificate goes here, never in the real home.
    m_dataHome = m_dir.filePath(u"data"_s);
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome));
}

void TestServeTls::httpWithGivenCertificateAnswersPinnedClient()
{
    TestCertificates certs(m_dir.path());
    const TestCertificates::Issued issued = certs.selfSigned(u"given"_s, {});
    Server server({u"http"_s, u"--tls"_s, u"--cert"_s, issued.certPath, u"--key"_s, issued.keyPath});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    const QString announced = announcedFingerprint(server.firstLine());
    QCOMPARE(announced, fingerprint(issued.sha256));

    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--tls"_s, u"--pin"_s,
                               u"sha256:"_s + announced, u"--send"_s, Get10, u"--format"_s, u"raw"_s});
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.out.startsWith("HTTP/1.1 200 OK\r\n"), result.describe().constData());

    // Another pin is refused: the fingerprint printed is what the server really shows.
    QByteArray other = issued.sha256;
    other[0] = char(other.at(0) ^ 1);
    const Result refused = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--tls"_s, u"--pin"_s,
                                u"sha256:"_s + fingerprint(other), u"--send"_s, Get10});
    QCOMPARE(refused.exitCode, 6);
    QCOMPARE(server.stop(SIGTERM), 0);
}

void TestServeTls::selfSignedMadeOnceInDataFolder()
{
    QString first;
    {
        Server server({u"echo"_s, u"--tls"_s});
        QVERIFY2(server.port(), qPrintable(server.firstLine()));
        first = announcedFingerprint(server.firstLine());
        QVERIFY2(!first.isEmpty(), qPrintable(server.firstLine()));
        const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--tls"_s, u"--pin"_s, first,
                                   u"--send"_s, u"hello over TLS\\n"_s, u"--until"_s, u"bytes:15"_s, u"--format"_s,
                                   u"raw"_s});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.out, "hello over TLS\n"_ba);
        QCOMPARE(server.stop(SIGTERM), 0);
    }
    // The window's data folder (organization and application "SocketLab"): shared with it.
    const QString certPath = m_dataHome + u"/SocketLab/SocketLab/localhost-cert.pem"_s;
    QCOMPARE(fingerprint(pemCertificateSha256(certPath)), first);

    Server again({u"echo"_s, u"--tls"_s});
    QVERIFY2(again.port(), qPrintable(again.firstLine()));
    QCOMPARE(announcedFingerprint(again.firstLine()), first);
}

void TestServeTls::helpDocumentsTls()
{
    const Result result = cli({u"serve"_s, u"--help"_s}, 10000);
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    // simplified(): the parser wraps its descriptions at 80 columns.
    const QString help = QString::fromUtf8(result.out).simplified();
    QVERIFY2(help.contains(u"--tls"_s) && help.contains(u"--cert <PATH>"_s) && help.contains(u"--key <PATH>"_s),
             qPrintable(help));
    QVERIFY2(help.contains(u"SHA-256 fingerprint"_s) && help.contains(u"self-signed"_s), qPrintable(help));
}

void TestServeTls::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("cert without key") << QStringList{u"http"_s, u"--tls"_s, u"--cert"_s, u"c.pem"_s}
                                      << u"--cert and --key go together"_s;
    QTest::newRow("key without cert") << QStringList{u"http"_s, u"--tls"_s, u"--key"_s, u"k.pem"_s}
                                      << u"--cert and --key go together"_s;
    QTest::newRow("cert and key without tls")
        << QStringList{u"echo"_s, u"--cert"_s, u"c.pem"_s, u"--key"_s, u"k.pem"_s} << u"--cert and --key go with --tls"_s;
    QTest::newRow("udp") << QStringList{u"udp-echo"_s, u"--tls"_s} << u"udp-echo cannot use --tls: TLS needs TCP"_s;
}

void TestServeTls::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = cli(QStringList{u"serve"_s} + arguments, 10000);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.describe().constData());
    QVERIFY(result.out.isEmpty());
}

void TestServeTls::unusableCertificateFiles()
{
    TestCertificates certs(m_dir.path());
    const TestCertificates::Issued issued = certs.selfSigned(u"unusable"_s, {});

    // A path that leads nowhere: a usage error naming it, before anything starts.
    const QString missing = m_dir.filePath(u"missing-cert.pem"_s);
    Result result = cli({u"serve"_s, u"http"_s, u"--tls"_s, u"--cert"_s, missing, u"--key"_s, issued.keyPath}, 10000);
    QVERIFY2(result.finished && result.exitCode == 2, result.describe().constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(u"Cannot read the --cert file \"%1\": there is no such file."_s.arg(missing)),
             result.describe().constData());
    result = cli({u"serve"_s, u"http"_s, u"--tls"_s, u"--cert"_s, issued.certPath, u"--key"_s, missing}, 10000);
    QVERIFY2(result.finished && result.exitCode == 2, result.describe().constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(u"Cannot read the --key file \"%1\""_s.arg(missing)),
             result.describe().constData());

    // A file OpenSSL cannot use: the listener does not start, exit code 6 (TLS), the file named.
    const QString garbage = m_dir.filePath(u"garbage.pem"_s);
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    result = cli({u"serve"_s, u"http"_s, u"--tls"_s, u"--cert"_s, garbage, u"--key"_s, issued.keyPath}, 10000);
    QVERIFY2(result.finished && result.exitCode == 6, result.describe().constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(u"could not use the certificate file %1"_s.arg(garbage)),
             result.describe().constData());
    QVERIFY2(!result.out.contains("Listening"), result.describe().constData());
}

void TestServeTls::plainClientGetsNoReply()
{
    Server server({u"http"_s, u"--tls"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    // The server answers the plain request with a TLS alert at most, and closes: no hang.
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, Get10, u"--timeout"_s,
                               u"10000"_s, u"--format"_s, u"raw"_s}, 30000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(!result.out.contains("HTTP/"), result.describe().constData());
    QVERIFY2(result.exitCode == 0 || result.exitCode == 3, result.describe().constData());

    QCOMPARE(server.stop(SIGTERM), 0);
    const QString log = QString::fromUtf8(server.process().readAllStandardOutput());
    QVERIFY2(log.contains(u"client 1 closed after a failure: "_s), qPrintable(log));
    QVERIFY2(log.contains(u"(a plain-text client?)"_s) && log.contains(u"in SSL_accept()"_s), qPrintable(log));
}

QTEST_GUILESS_MAIN(TestServeTls)
#include "tst_servetls.moc"
