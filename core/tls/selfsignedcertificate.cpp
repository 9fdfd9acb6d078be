#include "selfsignedcertificate.h"

#include "tls/tlscontext.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <functional>
#include <memory>

namespace SocketLab {

namespace {

constexpr long ValidDays = 825;  // the longest validity clients still accept for a server certificate

using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;
using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// Still good for at least a day.
bool stillUsable(const QString &certPath, const QString &keyPath)
{
    if (!QFile::exists(keyPath))
        return false;
    QFile file(certPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pem = file.readAll();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    Certificate certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!certificate)
        return false;
    const time_t tomorrow = time(nullptr) + 24 * 3600;
    return X509_cmp_time(X509_get0_notAfter(certificate.get()), const_cast<time_t *>(&tomorrow)) > 0;
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

QByteArray pemOf(const std::function<int(BIO *)> &write)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions, NetError *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions) || file.write(bytes) != bytes.size()
        || !file.commit()) {
        *error = NetError::fromErrno(EACCES, QStringLiteral("open"), path);
        error->kind = NetError::Kind::File;
        return false;
    }
    return true;
}

} // namespace

CertificateFiles localhostCertificate(const QString &dir, NetError *error)
{
    CertificateFiles files{QDir(dir).filePath(QStringLiteral("localhost-cert.pem")),
                           QDir(dir).filePath(QStringLiteral("localhost-key.pem"))};
    if (stillUsable(files.certPath, files.keyPath))
        return files;
    if (!QDir().mkpath(dir)) {
        *error = NetError::fromErrno(EACCES, QStringLiteral("mkdir"), dir);
        error->kind = NetError::Kind::File;
        return {};
    }

    Key key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    Certificate certificate(X509_new(), &X509_free);
    if (!key || !certificate) {
        *error = tlsError(QStringLiteral("EVP_EC_gen"));
        return {};
    }
    X509 *cert = certificate.get();
    X509_set_version(cert, X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;  // a positive serial number
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert));
    BN_free(number);
    // An hour back, so a clock a little behind still accepts it.
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), ValidDays * 24 * 3600);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("SocketLab"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key.get());
    const bool extended = addExtension(cert, NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(cert, NID_key_usage, "critical,digitalSignature")
        && addExtension(cert, NID_ext_key_usage, "serverAuth")
        && addExtension(cert, NID_subject_key_identifier, "hash")
        && addExtension(cert, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    if (!extended || X509_sign(cert, key.get(), EVP_sha256()) <= 0) {
        *error = tlsError(QStringLiteral("X509_sign"));
        return {};
    }

    const QByteArray keyPem = pemOf([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    const QByteArray certPem = pemOf([&](BIO *bio) { return PEM_write_bio_X509(bio, cert); });
    if (!writeFile(files.keyPath, keyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner, error)
        || !writeFile(files.certPath, certPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                   | QFileDevice::ReadOther, error))
        return {};
    return files;
}

} // namespace SocketLab
