#pragma once

#include "exchange/tcpexchange.h"

#include <QString>

namespace SocketLab {

// What a conversation connects to and how much of it is kept.
struct ConversationRequest
{
    enum class Transport { Tcp, Udp };

    Transport transport = Transport::Tcp;
    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    int connectTimeoutMs = 10000;  // for each address tried (and the TLS handshake); 0 = no limit
    TlsOptions tls;                // TCP only; off: plain TCP
    bool udpConnected = true;      // UDP: connect() first (ICMP errors reported); else sendto()/recvfrom()
    qint64 recvSize = 64 * 1024;   // the buffer of each recv()/recvfrom()
    // What is kept for display, per direction: past it, bytes and their events are counted only.
    // A conversation may run for days; what is shown must stay bounded, as an exchange's size cap does.
    qint64 maxKeptBytes = 64 * 1024 * 1024;
    qsizetype maxKeptEvents = 200000;
    // As TcpRequest's: set before bind()/connect(); the outcomes are in the setup.
    QList<SocketOptionSetting> socketOptions;
    SocketAddress localAddress;
};

// How the conversation's socket came to be, for the connection's summary: the resolution, every
// connect() tried, TLS. The same fields a TCP exchange fills, so both are reported alike.
using ConversationSetup = TcpResult;

} // namespace SocketLab
