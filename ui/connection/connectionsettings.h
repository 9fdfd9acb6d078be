#pragma once

#include "exchange/stoprule.h"
#include "net/socketaddress.h"
#include "net/socketoption.h"

#include <QString>

namespace SocketLab {

// What the TCP exchange form says, ready to become a TcpRequest.
struct ConnectionSettings
{
    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    bool tls = false;             // TLS over the connection, verified (core's TlsOptions defaults: SNI, ALPN)
    StopRule stopRule;
    int connectTimeoutMs = 10000;
    int totalTimeoutMs = 0;       // 0: none
    qint64 maxBytes = 0;          // 0: no cap
    QString replyFile;            // non-empty: the reply streams to this file instead of memory
    QList<SocketOptionSetting> socketOptions; // only those the person set
    SocketAddress localAddress;   // invalid: no bind()
};

} // namespace SocketLab
