#pragma once

#include "exchange/tcpexchange.h"

#include <QDeadlineTimer>

namespace SocketLab {

class Socket;
class TlsStream;
class Trace;

// The connect path every TCP client of core shares, an exchange as a conversation: the same calls
// in the same order, so the trace of one reads like the other's.

// Tries result.resolved in order, as curl does, each address for at most request.connectTimeoutMs
// and all before deadline; each socket gets request.socketOptions and the bind() to
// request.localAddress before connect(), and only the addresses of the local address's family are
// tried. Fills result.attempts and result.socketOptions, and connectedTo, local and
// timings.connectedUs on success. On failure result.error is the last attempt's error.
bool connectAddresses(const TcpRequest &request, QDeadlineTimer deadline, Trace &trace, TcpResult &result, Socket &socket);

// The TLS handshake over the connected socket and the check of the server's certificate; false with
// result.error set if no byte of the person's may go. result.tls holds what was agreed either way.
bool startClientTls(const TcpRequest &request, QDeadlineTimer deadline, Trace &trace, TcpResult &result, TlsStream &tls);

// A deadline ms from now, or none for 0.
QDeadlineTimer deadlineInMs(int ms);

} // namespace SocketLab
