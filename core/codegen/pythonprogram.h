#pragma once

#include "codegen/codeparts.h"

#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"

#include <QString>
#include <QStringList>

namespace SocketLab::PythonProgram {

// The Python programs of exchangecode.h, in the notebooks' style.
QString tcp(const TcpRequest &request);
QString udp(const UdpRequest &request);

// Pieces the conversation's program shares: the header comment and imports, the constants of the
// target, the connect loop over getaddrinfo()'s addresses (leaving `s` connected, TLS included).
QStringList header(const QString &summary, const QStringList &imports);
using Target = CodeParts::Target;
QStringList targetConstants(const Target &target);
QStringList connectLoop(const Target &target);
// Milliseconds as Python seconds, every digit kept: 1234567 is 1234.567.
QString seconds(qint64 ms);
// Sends close_notify on the TLS socket s, without waiting for the peer's.
QStringList tlsCloseLines();

} // namespace SocketLab::PythonProgram
