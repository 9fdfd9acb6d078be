#pragma once

#include "collections/collectionerror.h"

#include <QString>

namespace SocketLab {

// One translated sentence for a collection error: "requests.http, line 4, column 8: the variable
// "host" has no value (define it with @host = ... or choose an environment)."
QString describeCollectionError(const CollectionError &error);

} // namespace SocketLab
