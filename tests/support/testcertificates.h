#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

// What a test certificate says.
struct TestCertificateSpec
{
    QString commonName = QStringLiteral("localhost");
    QStringList altNames{QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("IP:::1")};
    long notBeforeDays = -1;   // relative to now
    long notAfterDays = 30;
    bool isCa = false;
    int rsaBits = 0;           // 0: an EC P-256 key; else RSA of this size
};

// Certificates made by the tests themselves with OpenSSL (none is committed): a test CA, servers it
// signs, self-signed ones, out-of-date ones, each written as PEM files in a folder the test owns.
class TestCertificates
{
public:
    struct Issued
    {
        QString certPath;
        QString keyPath;
        QByteArray sha256;  // of the certificate's DER form
        QByteArray der;
    };

    using Spec = TestCertificateSpec;

    explicit TestCertificates(const QString &dir) : m_dir(dir) {}
    ~TestCertificates()
    {
        X509_free(m_caCert);
        EVP_PKEY_free(m_caKey);
    }

    // The test CA; made on first use. Its certificate is what --ca-file names.
    Issued ca()
    {
        if (!m_caCert) {
            Spec spec;
            spec.commonName = QStringLiteral("SocketLab Test CA");
            spec.altNames.clear();
            spec.isCa = true;
            spec.notAfterDays = 365;
            m_caIssued = make(QStringLiteral("ca"), spec, /*signedByCa=*/false, &m_caCert, &m_caKey);
        }
        return m_caIssued;
    }
    // A server certificate signed by the test CA.
    Issued signedByCa(const QString &name, const Spec &spec = Spec())
    {
        ca();
        return make(name, spec, true, nullptr, nullptr);
    }
    Issued selfSigned(const QString &name, const Spec &spec = Spec()) { return make(name, spec, false, nullptr, nullptr); }

private:
    Issued make(const QString &name, const Spec &spec, bool signedByCa, X509 **keepCert, EVP_PKEY **keepKey)
    {
        EVP_PKEY *key = spec.rsaBits > 0 ? EVP_RSA_gen(unsigned(spec.rsaBits)) : EVP_EC_gen("P-256");
        X509 *cert = X509_new();
        X509_set_version(cert, X509_VERSION_3);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), ++m_serial);
        X509_gmtime_adj(X509_getm_notBefore(cert), spec.notBeforeDays * 24 * 3600);
        X509_gmtime_adj(X509_getm_notAfter(cert), spec.notAfterDays * 24 * 3600);
        X509_NAME *subject = X509_get_subject_name(cert);
        const QByteArray cn = spec.commonName.toUtf8();
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
        X509_set_issuer_name(cert, signedByCa ? X509_get_subject_name(m_caCert) : subject);
        X509_set_pubkey(cert, key);
        X509 *issuer = signedByCa ? m_caCert : cert;
        addExtension(cert, issuer, NID_basic_constraints, spec.isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
        addExtension(cert, issuer, NID_key_usage, spec.isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyEncipherment");
        addExtension(cert, issuer, NID_subject_key_identifier, "hash");
        if (!spec.isCa)
            addExtension(cert, issuer, NID_ext_key_usage, "serverAuth");
        if (!spec.altNames.isEmpty())
            addExtension(cert, issuer, NID_subject_alt_name, spec.altNames.join(QLatin1Char(',')).toLatin1().constData());
        X509_sign(cert, signedByCa ? m_caKey : key, EVP_sha256());

        Issued issued;
        issued.certPath = QDir(m_dir).filePath(name + QStringLiteral("-cert.pem"));
        issued.keyPath = QDir(m_dir).filePath(name + QStringLiteral("-key.pem"));
        QByteArray chain = pem([&](BIO *bio) { return PEM_write_bio_X509(bio, cert); });
        write(issued.certPath, chain);
        write(issued.keyPath, pem([&](BIO *bio) { return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr); }));
        const int length = i2d_X509(cert, nullptr);
        issued.der.resize(length);
        auto *out = reinterpret_cast<unsigned char *>(issued.der.data());
        i2d_X509(cert, &out);
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digestLength = 0;
        X509_digest(cert, EVP_sha256(), digest, &digestLength);
        issued.sha256 = QByteArray(reinterpret_cast<const char *>(digest), int(digestLength));
        if (keepCert) {
            *keepCert = cert;
            *keepKey = key;
        } else {
            X509_free(cert);
            EVP_PKEY_free(key);
        }
        return issued;
    }

    static void addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
    {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
        if (X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value)) {
            X509_add_ext(cert, extension, -1);
            X509_EXTENSION_free(extension);
        }
    }

    template<typename Fn>
    static QByteArray pem(Fn write)
    {
        BIO *bio = BIO_new(BIO_s_mem());
        write(bio);
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        QByteArray bytes(data, qsizetype(size));
        BIO_free(bio);
        return bytes;
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
    }

    QString m_dir;
    long m_serial = 1000;
    X509 *m_caCert = nullptr;
    EVP_PKEY *m_caKey = nullptr;
    Issued m_caIssued;
};
