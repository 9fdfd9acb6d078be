#pragma once

#include "tls/tlsinfo.h"

struct x509_st;

namespace SocketLab {

// What a person reads of a certificate: names, dates, key, signature, fingerprint.
CertificateInfo describeCertificate(x509_st *certificate);
// The same from a certificate in DER form (a pin confirmed later is checked against it).
CertificateInfo describeCertificate(const QByteArray &der);

} // namespace SocketLab
