#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace SocketLab {

// One certificate of the chain a server sent, as a person reads it.
struct CertificateInfo
{
    QString subject;             // one line, RFC 2253: "CN=example.org,O=Example"
    QString issuer;
    QDateTime notBefore;         // UTC
    QDateTime notAfter;          // UTC
    QStringList subjectAltNames; // the DNS names and IP addresses it covers, as written
    QString keyType;             // "RSA", "EC P-256", "Ed25519"
    int keyBits = 0;
    QString signatureAlgorithm;  // "sha256WithRSAEncryption"
    QByteArray sha256;           // of its DER form: the fingerprint a pin names
    QByteArray der;
    bool selfSigned = false;     // issued by its own subject, with its own key
};

// What the check of the server's certificate found.
struct TlsVerify
{
    enum class Outcome {
        NotChecked,     // the handshake failed before there was a certificate to check
        Ok,
        Expired,
        NotYetValid,
        SelfSigned,
        UnknownIssuer,  // no trusted certificate issued the chain
        NameMismatch,   // the certificate covers other names (subjectAltNames of the first)
        PinMismatch,    // a pin was given and the certificate is another one
        Other,          // see code and message
    };
    Outcome outcome = Outcome::NotChecked;
    int code = 0;                // X509_V_ERR_*; 0 when the chain verified
    QString codeName;            // "X509_V_ERR_CERT_HAS_EXPIRED"
    QString message;             // OpenSSL's own words for the code, in English
    QString checkedName;         // the host name or address the certificate had to cover
    bool pinned = false;         // trusted through a pin rather than the trust store
    QByteArray expectedPin;      // PinMismatch: the pin given (the certificate's is chain[0].sha256)

    bool isOk() const { return outcome == Outcome::Ok; }
};

// What a TLS connection agreed on, for the certificate view and the CLI's JSON.
struct TlsInfo
{
    bool handshakeDone = false;
    QString version;             // "TLSv1.3"
    QString cipher;              // "TLS_AES_256_GCM_SHA384"
    QByteArray alpn;             // the protocol agreed; empty if none
    QString serverName;          // the SNI sent; empty when none was (an IP address)
    bool resumed = false;        // an earlier session was resumed, without a full handshake
    qint64 handshakeUs = -1;     // from connect() done to handshake done
    bool closeNotify = false;    // the peer ended with close_notify, so nothing was cut off
    TlsVerify verify;
    QList<CertificateInfo> chain; // as the server sent it, its own first
};

} // namespace SocketLab
