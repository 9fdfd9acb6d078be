#pragma once

#include "exchange/stoprule.h"
#include "net/socketaddress.h"

#include <QString>

namespace SocketLab {

// What the connection form says, ready to become a TcpRequest or a UdpRequest.
struct ConnectionSettings
{
    QString host;
    QString service;
    bool udp = false;
    IpFamily family = IpFamily::Any;
    StopRule stopRule;
    int connectTimeoutMs = 10000;
    int totalTimeoutMs = 0;       // 0: none
    qint64 maxBytes = 0;          // 0: no cap
    int udpWaitMs = 2000;
    QString replyFile;            // non-empty: the reply streams to this file instead of memory
};

} // namespace SocketLab
