#pragma once

#include "codegen/codeparts.h"

#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"

#include <QString>
#include <QStringList>

namespace SocketLab::CProgram {

// The C programs of exchangecode.h: getaddrinfo() over every address, a send loop, a recv() loop that
// stops as SocketLab's stop rule does; OpenSSL 3 for TLS.
QString tcp(const TcpRequest &request);
QString udp(const UdpRequest &request);

// Pieces the conversation's program shares.
using Target = CodeParts::Target;
// The header comment (with the gcc line that builds fileName), the includes, the target's constants.
QStringList header(const QString &summary, const QString &fileName, const Target &target,
                   const QStringList &extraIncludes = {});
// The functions every TCP program has: now_ms(), wait_for(), connect_within(), address_text(),
// bind_to(), and read_some(), readable(), send_all() over the socket or TLS; time_left() with a total
// timeout. Before main().
QStringList tcpFunctions(const Target &target);
// The program's text from its lines, the helpers it does not call left out.
QString finish(QStringList lines);
// The body of main() up to a connected (TLS included) `fd`, `ssl` with TLS, `ai` the address (of
// `addresses`, which the caller frees).
QStringList connectLoop(const Target &target);

} // namespace SocketLab::CProgram
