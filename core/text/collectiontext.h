#pragma once

#include "collections/collectionerror.h"
#include "collections/httpfile.h"

#include <QString>

namespace SocketLab {

// One translated sentence for a collection error: "requests.http, line 4, column 8: the variable
// "host" has no value (define it with @host = ... or choose an environment)."
QString describeCollectionError(const CollectionError &error);
// One translated sentence for what a request's block holds and SocketLab does not do: "«login», line 9:
// its response handler was not run (SocketLab does not run JavaScript)."
QString describeHttpFileNotice(const QString &requestName, const HttpFileNotice &notice);

} // namespace SocketLab
