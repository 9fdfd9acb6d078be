#pragma once

#include "exchange/stopinfo.h"
#include "net/neterror.h"
#include "net/resolver.h"
#include "net/socketaddress.h"

#include <QList>

namespace SocketLab {

// One connect() try: the exchange tries every resolved address in order, as curl does.
struct ConnectAttempt
{
    SocketAddress address;
    NetError error;          // none for the attempt that connected
    qint64 startUs = 0;
    qint64 endUs = 0;
};

// When each phase ended, in microseconds since the exchange started; -1 if it never did.
struct ExchangeTimings
{
    qint64 resolvedUs = -1;
    qint64 connectedUs = -1;
    qint64 tlsUs = -1;          // the TLS handshake (and the certificate check) done
    qint64 firstByteUs = -1;
    qint64 totalUs = -1;
};

// A datagram received by a UDP exchange; its bytes are one segment of the exchange's sink.
struct Datagram
{
    SocketAddress from;
    qint64 size = 0;        // the datagram's real size, even when truncated
    qint64 kept = 0;        // bytes kept: size, or the receive buffer when truncated
    bool truncated = false;
    qint64 timeUs = 0;
};

} // namespace SocketLab
