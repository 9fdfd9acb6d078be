#include "certificateinfo.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>


#include <arpa/inet.h>

#include <memory>

namespace SocketLab {

namespace {

QString nameText(const X509_NAME *name)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(size));
}

QDateTime timeUtc(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QStringList altNames(X509 *certificate)
{
    QStringList names;
    auto *general = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *entry = sk_GENERAL_NAME_value(general, i);
        if (entry->type == GEN_DNS) {
            const ASN1_STRING *dns = entry->d.dNSName;
            names.append(QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(dns)),
                                             ASN1_STRING_length(dns)));
        } else if (entry->type == GEN_IPADD) {
            const ASN1_OCTET_STRING *ip = entry->d.iPAddress;
            const int length = ASN1_STRING_length(ip);
            char text[INET6_ADDRSTRLEN] = {};
            if ((length == 4 || length == 16)
                && inet_ntop(length == 4 ? AF_INET : AF_INET6, ASN1_STRING_get0_data(ip), text, sizeof text))
                names.append(QString::fromLatin1(text));
        }
    }
    GENERAL_NAMES_free(general);
    return names;
}

void describeKey(X509 *certificate, CertificateInfo *info)
{
    EVP_PKEY *key = X509_get0_pubkey(certificate);
    if (!key)
        return;
    info->keyBits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        info->keyType = QStringLiteral("RSA");
        break;
    case EVP_PKEY_EC: {
        char group[64] = {};
        size_t length = 0;
        info->keyType = QStringLiteral("EC");
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1) {
            const int nid = OBJ_txt2nid(group);
            const char *nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
            info->keyType += QLatin1Char(' ') + QString::fromLatin1(nist ? nist : group);
        }
        break;
    }
    case EVP_PKEY_ED25519:
        info->keyType = QStringLiteral("Ed25519");
        break;
    case EVP_PKEY_ED448:
        info->keyType = QStringLiteral("Ed448");
        break;
    default:
        info->keyType = QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key)));
        break;
    }
}

} // namespace

CertificateInfo describeCertificate(x509_st *certificate)
{
    CertificateInfo info;
    if (!certificate)
        return info;
    info.subject = nameText(X509_get_subject_name(certificate));
    info.issuer = nameText(X509_get_issuer_name(certificate));
    info.notBefore = timeUtc(X509_get0_notBefore(certificate));
    info.notAfter = timeUtc(X509_get0_notAfter(certificate));
    info.subjectAltNames = altNames(certificate);
    describeKey(certificate, &info);
    info.signatureAlgorithm = QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(certificate)));
    const int length = i2d_X509(certificate, nullptr);
    if (length > 0) {
        info.der.resize(length);
        auto *out = reinterpret_cast<unsigned char *>(info.der.data());
        i2d_X509(certificate, &out);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &digestLength) == 1)
        info.sha256 = QByteArray(reinterpret_cast<const char *>(digest), int(digestLength));
    info.selfSigned = X509_self_signed(certificate, 0) == 1;
    return info;
}

CertificateInfo describeCertificate(const QByteArray &der)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *certificate = d2i_X509(nullptr, &in, der.size());
    const CertificateInfo info = describeCertificate(certificate);
    X509_free(certificate);
    return info;
}

} // namespace SocketLab
