#pragma once

#include <QStringList>

namespace SocketLab {

struct DecodedText;
struct HttpBody;

// "The gzip data is corrupt at byte 2 of the body (byte 87 of the reply): ...": what went wrong
// decoding a body, one translated sentence per problem, for the window and the CLI alike. Empty when
// nothing did. A sink's write error is not among them: that is a NetError.
QStringList describeBodyDecoding(const HttpBody &body);

// Why a body's text is not in the charset its server named; empty when it is.
QString describeTextFallback(const DecodedText &text);

} // namespace SocketLab
