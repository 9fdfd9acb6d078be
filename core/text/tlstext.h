#pragma once

#include "tls/tlsinfo.h"

#include <QString>

// TLS in words for a person, translated in the context "SocketLab::TlsText": why a certificate was
// refused, and how fingerprints are written. Shared by the window and the CLI.
namespace SocketLab::TlsText {

// "AB:CD:…" in upper case, as browsers and `openssl x509 -fingerprint` write a SHA-256.
QString fingerprint(const QByteArray &sha256);
// Reads a pin as people write it: hex with or without colons, with or without "sha256:" before it.
// Empty if text is not 32 bytes of hex.
QByteArray parsePin(const QString &text);

// One sentence: why the certificate of host was refused, with the names it covers for a name
// mismatch, the dates for a validity problem, both fingerprints for a pin mismatch.
QString refusal(const TlsVerify &verify, const QList<CertificateInfo> &chain, const QString &host);
// "Verified: the chain leads to a trusted authority and covers example.org." and the like.
QString verdict(const TlsVerify &verify, const QList<CertificateInfo> &chain, const QString &host);

} // namespace SocketLab::TlsText
