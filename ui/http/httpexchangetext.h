#pragma once

#include "http/httpconversationparser.h"

#include <QString>

namespace SocketLab {

// The words of a connection's HTTP view: how a message's end is found, why a direction stopped
// being read as HTTP, each way a message strays from RFC 9112; translated.
namespace HttpExchangeText {

// Brief, for a table cell: "Content-Length 5", "chunked, 3 chunks", "until the close", "no body".
QString framing(const HttpMessage &message);
// A sentence saying how the end of the message is found and from what.
QString framingReason(const HttpConversationExchange &exchange, bool request);
// "200 OK", "…" while the status line has not come, empty without a response.
QString status(const HttpConversationExchange &exchange);
// Why a direction stopped being read, with where.
QString problem(const HttpStreamProblem &problem, bool client);
QString requestDeviation(RequestHead::DeviationKind kind);
QString responseDeviation(HttpDeviation kind);
QString responseError(HttpResponseParser::ErrorKind kind);

} // namespace HttpExchangeText

} // namespace SocketLab
