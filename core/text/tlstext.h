#pragma once

#include "tls/tlsinfo.h"

#include <QString>

// TLS in words for a person, translated in the context "SocketLab::TlsText": why a certificate was
// refused, and how fingerprints are written. Shared by the window and the CLI.
namespace SocketLab {
struct TcpResult;
}

namespace SocketLab::TlsText {

// "AB:CD:…" in upper case, as browsers and `openssl x509 -fingerprint` write a SHA-256.
QString fingerprint(const QByteArray &sha256);
// Reads a pin as people write it: hex with or without colons, with or without "sha256:" before it.
// Empty if text is not 32 bytes of hex.
QByteArray parsePin(const QString &text);

// One sentence: why the certificate of host was refused, with the names it covers for a name
// mismatch, the dates for a validity problem, both fingerprints for a pin mismatch.
QString refusal(const TlsVerify &verify, const QList<CertificateInfo> &chain, const QString &host);
// "EC P-256", "RSA 2048", "Ed25519": the key's type with its size where the type does not imply it.
QString keyText(const CertificateInfo &certificate);
// The sentence that says why an exchange or a conversation's connection failed. A refused certificate
// is said in full from what the handshake found (the names it covers, its dates, both fingerprints).
QString failureSentence(const TcpResult &result, const QString &host);
// "Verified: the chain leads to a trusted authority and covers example.org." and the like.
QString verdict(const TlsVerify &verify, const QList<CertificateInfo> &chain, const QString &host);

} // namespace SocketLab::TlsText
