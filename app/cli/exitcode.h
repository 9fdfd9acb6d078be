#pragma once

#include "net/neterror.h"

namespace SocketLab::Cli {

// What scripts test: the documented exit codes of socketlab-cli.
enum ExitCode {
    Success = 0,
    UsageError = 2,
    NetworkError = 3,   // a socket call or the name resolution failed
    TimedOut = 4,
    MalformedReply = 5,
    TlsFailed = 6,      // the TLS handshake failed, the certificate was refused, or the TLS layer broke later
    Interrupted = 130,  // SIGINT or SIGTERM cancelled the exchange, as shells report a ^C
};

inline int exitCodeFor(const NetError &error)
{
    switch (error.kind) {
    case NetError::Kind::None: return Success;
    case NetError::Kind::Timeout: return TimedOut;
    case NetError::Kind::Malformed: return MalformedReply;
    case NetError::Kind::Tls:
    case NetError::Kind::Certificate: return TlsFailed;
    case NetError::Kind::Cancelled: return Interrupted;
    default: return NetworkError;
    }
}

} // namespace SocketLab::Cli
