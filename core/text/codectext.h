#pragma once

#include "bytes/payloadcodec.h"

#include <QString>

namespace SocketLab {

// Why a typed payload is not valid, in a few translated words, for the editor and the CLI alike.
QString describeCodecError(PayloadCodec::ErrorKind kind);

} // namespace SocketLab
