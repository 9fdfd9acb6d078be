#pragma once

#include "tls/tlsinfo.h"

namespace SocketLab {

class TlsStream;
class Trace;

// Checks the chain a TLS client was sent, once the handshake is done. With a pin, the server's own
// certificate must be the pinned one, and nothing else counts. Without, the chain must lead to a
// certificate of the client context's trust store and the first certificate must cover checkedName
// (a host name, or an IP address matched against its IP entries). The check goes to the trace.
TlsVerify verifyServerCertificate(const TlsStream &stream, const QString &checkedName, const QByteArray &pinSha256,
                                  Trace &trace);

// "X509_V_ERR_CERT_HAS_EXPIRED" for X509_V_ERR_CERT_HAS_EXPIRED.
QString x509ErrorName(int code);

// Whether text is an IPv4 or IPv6 address (brackets allowed), which SNI must never carry.
bool isIpAddress(const QString &text);

} // namespace SocketLab
