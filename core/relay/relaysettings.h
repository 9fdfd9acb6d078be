#pragma once

#include "net/socketaddress.h"
#include "tls/tlsoptions.h"

#include <QString>
#include <QtGlobal>

namespace SocketLab {

// The two ways bytes go through a relay: from the client to the target, and the target's answer back.
enum class RelayDirection { ToTarget, ToClient };

// What a relay does to one direction's bytes on their way, to see how a client copes with a slow or
// stalled server (or a server with a slow client). All off by default: bytes go on the moment they come.
struct RelayShaping
{
    int delayMs = 0;            // each byte leaves this long after it arrived (a FIN too)
    qint64 bytesPerSecond = 0;  // at most this many a second; 0: no cap
    bool paused = false;        // nothing leaves: bytes queue (up to RelaySettings::maxQueuedBytes, then the sender waits)

    bool isOff() const { return delayMs == 0 && bytesPerSecond == 0 && !paused; }
    bool operator==(const RelayShaping &) const = default;
};

// A relay: a listener that, for each client, opens its own connection to a target and forwards the
// bytes of both ways as they come, recording both legs.
struct RelaySettings
{
    enum class Transport { Tcp, Udp };

    Transport transport = Transport::Tcp;
    SocketAddress listenAddress;   // invalid: 127.0.0.1 on any free port
    QString targetHost;
    QString targetService;         // a port number or a service name
    IpFamily targetFamily = IpFamily::Any;
    int connectTimeoutMs = 10000;  // per target address tried, and the TLS handshake; 0: no limit
    // TCP: the relay speaks TLS to the target (verified as an exchange verifies), plain TCP to the
    // client: what a client sends in clear is seen, and leaves encrypted.
    TlsOptions tlsToTarget;
    RelayShaping toTarget;
    RelayShaping toClient;
    // TCP: connections relayed at once; the next client is accepted and closed at once, and listed
    // as refused. UDP: client addresses with a socket of their own to the target.
    int maxConnections = 64;
    int maxClosedConnections = 1000;  // older closed connections are forgotten
    // Bytes kept for display over all connections; past it bytes are forwarded and counted, not kept.
    qint64 captureBudget = 64 * 1024 * 1024;
    // Per connection and direction: what a paused or slow direction holds before the relay stops
    // reading that side (the kernel's buffers then fill and the sender waits, as it would on a slow peer).
    qint64 maxQueuedBytes = 4 * 1024 * 1024;
    // UDP: a client address's socket to the target is closed after this long without a datagram either way.
    int udpIdleTimeoutMs = 120000;
    int backlog = 128;
};

} // namespace SocketLab
