#pragma once

#include "net/neterror.h"

#include <QString>

namespace SocketLab {

struct CertificateFiles
{
    QString certPath;  // PEM certificate
    QString keyPath;   // PEM private key, readable by its owner only
};

// The certificate of SocketLab's own TLS listeners when the person gives none: self-signed for
// localhost, 127.0.0.1 and ::1 (an EC P-256 key), made on first use in dir and kept there, made anew
// when it is about to expire or cannot be read. Fails only if dir cannot be written.
CertificateFiles localhostCertificate(const QString &dir, NetError *error);

} // namespace SocketLab
