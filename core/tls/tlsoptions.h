#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace SocketLab {

enum class TlsVersion { Any, Tls12, Tls13 };

// How a TCP exchange speaks TLS. Verification is always on: a server is trusted through the system
// store (plus caFile), or through the pin of its certificate; there is no "ignore errors".
struct TlsOptions
{
    bool enabled = false;
    // SNI and the name the certificate must cover. Empty: the host given, and no SNI at all when
    // that host is an IP address (RFC 6066 forbids addresses in SNI); the address is then checked.
    QString serverName;
    QList<QByteArray> alpn{QByteArrayLiteral("http/1.1")};  // offered in order; empty offers none
    QString caFile;              // PEM certificates trusted beside the system store
    QByteArray pinSha256;        // 32 bytes: trust exactly the certificate whose DER has this SHA-256
    TlsVersion minVersion = TlsVersion::Any;
};

} // namespace SocketLab
