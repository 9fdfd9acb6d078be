#pragma once

#include "codegen/codelanguage.h"
#include "conversation/conversationrequest.h"
#include "conversation/conversationscript.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"

#include <QList>
#include <QString>

namespace SocketLab {

// What a generated program reproduces, for its file name.
enum class CodeSubject { Tcp, Tls, Udp, Conversation };

// The program, whole, that makes the same exchange with the standard socket API: Python's `socket`
// module in the notebooks' style, or C with getaddrinfo() (and OpenSSL for TLS). It writes the bytes it
// receives to standard output and nothing else there; what it explains goes to standard error. Every
// setting of the request that changes what goes on the wire is in the program; one the language
// cannot express is named in a comment. Comments and messages are in the application's language.
QString exchangeCode(CodeLanguage language, const TcpRequest &request);  // TLS when request.tls.enabled
QString exchangeCode(CodeLanguage language, const UdpRequest &request);
// A conversation script's steps played on one connection (or UDP socket).
QString conversationCode(CodeLanguage language, const ConversationRequest &request, const QList<ScriptStep> &steps);

// "tcp_exchange.py", "tls_exchange.c", "udp_exchange.py", "conversation.c".
QString codeFileName(CodeLanguage language, CodeSubject subject);
// The subject of a request: Tls when its TLS is on.
CodeSubject codeSubject(const TcpRequest &request);

} // namespace SocketLab
