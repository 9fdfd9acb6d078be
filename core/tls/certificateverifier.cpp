#include "certificateverifier.h"

#include "net/trace.h"
#include "tls/tlsstream.h"

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>

#include <memory>

namespace SocketLab {

namespace {

TlsVerify::Outcome outcomeOf(int code)
{
    switch (code) {
    case X509_V_OK:
        return TlsVerify::Outcome::Ok;
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return TlsVerify::Outcome::Expired;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return TlsVerify::Outcome::NotYetValid;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return TlsVerify::Outcome::SelfSigned;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return TlsVerify::Outcome::UnknownIssuer;
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return TlsVerify::Outcome::NameMismatch;
    default:
        return TlsVerify::Outcome::Other;
    }
}

QString withoutBrackets(const QString &text)
{
    return text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')) ? text.mid(1, text.size() - 2) : text;
}

} // namespace

bool isIpAddress(const QString &text)
{
    const QByteArray latin = withoutBrackets(text).toLatin1();
    unsigned char buffer[16];
    return inet_pton(AF_INET, latin.constData(), buffer) == 1 || inet_pton(AF_INET6, latin.constData(), buffer) == 1;
}

QString x509ErrorName(int code)
{
    switch (code) {
    case X509_V_OK: return QStringLiteral("X509_V_OK");
    case X509_V_ERR_CERT_HAS_EXPIRED: return QStringLiteral("X509_V_ERR_CERT_HAS_EXPIRED");
    case X509_V_ERR_CERT_NOT_YET_VALID: return QStringLiteral("X509_V_ERR_CERT_NOT_YET_VALID");
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: return QStringLiteral("X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT");
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: return QStringLiteral("X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN");
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT: return QStringLiteral("X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT");
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY: return QStringLiteral("X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY");
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: return QStringLiteral("X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    case X509_V_ERR_HOSTNAME_MISMATCH: return QStringLiteral("X509_V_ERR_HOSTNAME_MISMATCH");
    case X509_V_ERR_IP_ADDRESS_MISMATCH: return QStringLiteral("X509_V_ERR_IP_ADDRESS_MISMATCH");
    case X509_V_ERR_CERT_SIGNATURE_FAILURE: return QStringLiteral("X509_V_ERR_CERT_SIGNATURE_FAILURE");
    case X509_V_ERR_INVALID_CA: return QStringLiteral("X509_V_ERR_INVALID_CA");
    case X509_V_ERR_INVALID_PURPOSE: return QStringLiteral("X509_V_ERR_INVALID_PURPOSE");
    case X509_V_ERR_CERT_REVOKED: return QStringLiteral("X509_V_ERR_CERT_REVOKED");
    case X509_V_ERR_CA_KEY_TOO_SMALL: return QStringLiteral("X509_V_ERR_CA_KEY_TOO_SMALL");
    case X509_V_ERR_EE_KEY_TOO_SMALL: return QStringLiteral("X509_V_ERR_EE_KEY_TOO_SMALL");
    case X509_V_ERR_CA_MD_TOO_WEAK: return QStringLiteral("X509_V_ERR_CA_MD_TOO_WEAK");
    default: return QStringLiteral("X509_V_ERR_%1").arg(code);
    }
}

TlsVerify verifyServerCertificate(const TlsStream &stream, const QString &checkedName, const QByteArray &pinSha256,
                                  Trace &trace)
{
    TlsVerify verify;
    verify.checkedName = checkedName;
    SSL *ssl = stream.native();
    X509 *leaf = ssl ? SSL_get0_peer_certificate(ssl) : nullptr;
    if (!leaf) {
        verify.outcome = TlsVerify::Outcome::Other;
        verify.code = X509_V_ERR_UNSPECIFIED;
        verify.codeName = x509ErrorName(verify.code);
        verify.message = QStringLiteral("no certificate was sent");
        return verify;
    }

    if (!pinSha256.isEmpty()) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        X509_digest(leaf, EVP_sha256(), digest, &length);
        const QByteArray actual(reinterpret_cast<const char *>(digest), int(length));
        const bool matches = actual == pinSha256;
        trace.recordStatus(QStringLiteral("X509_digest"), QStringLiteral("cert, EVP_sha256()"), 1,
                           matches ? QStringLiteral("pin matches") : QStringLiteral("pin mismatch"),
                           QStringLiteral("sha256:%1").arg(QString::fromLatin1(actual.toHex())));
        verify.pinned = matches;
        verify.outcome = matches ? TlsVerify::Outcome::Ok : TlsVerify::Outcome::PinMismatch;
        if (!matches)
            verify.expectedPin = pinSha256;
        return verify;
    }

    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
    X509_STORE *store = SSL_CTX_get_cert_store(SSL_get_SSL_CTX(ssl));
    if (!context || X509_STORE_CTX_init(context.get(), store, leaf, SSL_get_peer_cert_chain(ssl)) != 1) {
        verify.outcome = TlsVerify::Outcome::Other;
        verify.code = X509_V_ERR_OUT_OF_MEM;
        verify.codeName = x509ErrorName(verify.code);
        verify.message = QString::fromLatin1(X509_verify_cert_error_string(verify.code));
        return verify;
    }
    X509_STORE_CTX_set_default(context.get(), "ssl_server");
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(context.get());
    const QByteArray name = withoutBrackets(checkedName).toUtf8();
    if (isIpAddress(checkedName)) {
        X509_VERIFY_PARAM_set1_ip_asc(param, name.constData());
    } else {
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        X509_VERIFY_PARAM_set1_host(param, name.constData(), size_t(name.size()));
    }
    const int rc = X509_verify_cert(context.get());
    verify.code = rc == 1 ? X509_V_OK : X509_STORE_CTX_get_error(context.get());
    if (rc != 1 && verify.code == X509_V_OK)
        verify.code = X509_V_ERR_UNSPECIFIED;
    verify.outcome = outcomeOf(verify.code);
    verify.codeName = x509ErrorName(verify.code);
    verify.message = QString::fromLatin1(X509_verify_cert_error_string(verify.code));
    trace.recordStatus(QStringLiteral("X509_verify_cert"), QStringLiteral("ctx{host=\"%1\"}").arg(checkedName), rc,
                       verify.code == X509_V_OK ? QString() : verify.codeName,
                       verify.code == X509_V_OK ? QString() : verify.message);
    return verify;
}

} // namespace SocketLab
