#pragma once

#include "exchange/stoprule.h"
#include "net/socketaddress.h"
#include "net/socketoption.h"
#include "tls/tlsoptions.h"

#include <QString>

namespace SocketLab {

// What the TCP exchange form says, ready to become a TcpRequest.
struct ConnectionSettings
{
    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    bool tls = false;             // TLS over the connection, always verified
    // How TLS is spoken when it is on (kept when it is off, as the form keeps them): as core's TlsOptions,
    // whose defaults they have. No pin: trusting a certificate is the window's PinStore, per host and port.
    QString tlsServerName;        // SNI and the name checked; empty: the host
    QList<QByteArray> tlsAlpn{QByteArrayLiteral("http/1.1")}; // offered in order; empty offers none
    TlsVersion tlsMinVersion = TlsVersion::Any;
    QString tlsCaFile;            // PEM certificates trusted beside the system store
    StopRule stopRule;
    int connectTimeoutMs = 10000;
    int totalTimeoutMs = 0;       // 0: none
    qint64 maxBytes = 0;          // 0: no cap
    qint64 recvSize = 64 * 1024;  // the size passed to each recv(), 1 to 16 MiB
    QString replyFile;            // non-empty: the reply streams to this file instead of memory
    QList<SocketOptionSetting> socketOptions; // only those the person set
    SocketAddress localAddress;   // invalid: no bind()
};

} // namespace SocketLab
