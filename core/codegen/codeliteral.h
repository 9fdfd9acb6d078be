#pragma once

#include "codegen/codelanguage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace SocketLab {

// Bytes as a literal of the language that holds exactly those bytes: b'GET / HTTP/1.0\r\n' in Python,
// "GET / HTTP/1.0\r\n" in C. Printable ASCII stays as it is; \r \n \t and the quote and backslash
// take their escapes; every other byte is \xNN in Python and a three-digit octal escape in C (a hex
// escape in C would swallow the hex digits after it; "?" is escaped too, for trigraphs).
QString bytesLiteral(CodeLanguage language, const QByteArray &bytes);
// The same cut after each LF, one literal a line, as the notebooks build a request line by line; one
// empty literal for no bytes.
QStringList bytesLiteralLines(CodeLanguage language, const QByteArray &bytes);
// Text (a host name, a message) as a string literal: Python's str, UTF-8 bytes in C; letters beyond
// ASCII written as they are, in a UTF-8 source.
QString textLiteral(CodeLanguage language, const QString &text);

} // namespace SocketLab
