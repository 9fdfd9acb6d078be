#pragma once

#include "collections/collectionerror.h"
#include "collections/httpenvironment.h"
#include "collections/savedrequest.h"

#include <QList>
#include <QString>

namespace SocketLab {

// One request block of a .http file: the request, or why it cannot be read. Its name is known even
// when the rest fails, so that a caller can run another request of the file.
struct HttpFileEntry
{
    SavedRequest request;
    CollectionError error;
    int line = 0;  // 1-based: where the block's request line is (or the block begins)
};

struct HttpFileParse
{
    QList<HttpFileEntry> entries;
};

// The request files of VS Code's REST Client and JetBrains' HTTP Client (docs/formats.md): blocks
// separated by `###`, `# @name`, comments `#` and `//`, file variables `@name = value`, {{variables}},
// a request line, headers up to a blank line, a body up to the next `###`. SocketLab's own
// `# @socketlab-...` lines (which those tools read as comments) carry what the format cannot: the exact
// bytes, the stop rule, the timeouts, TLS settings.
HttpFileParse parseHttpFile(const QString &text, const HttpVariables &environment = {});

// The requests as a .http file, with LF line breaks. Each is written as text the other tools can
// send; when that text does not read back as exactly the request (its bytes, target, options), a
// `# @socketlab-...` line says the rest, so SocketLab reads back exactly what was saved. A request
// that is not an HTTP request over TCP or TLS cannot be written: *error names it.
QString writeHttpFile(const QList<SavedRequest> &requests, CollectionError *error);

} // namespace SocketLab
