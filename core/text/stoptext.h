#pragma once

#include "exchange/stopinfo.h"

#include <QString>

namespace SocketLab {

// "The server closed the connection after 926 bytes.": why an exchange stopped, in one translated
// sentence, for the window and the CLI alike.
QString describeStop(const StopInfo &stop);

// "926 bytes", "1 byte", in the current translation's plural rules.
QString byteCount(qint64 bytes);

} // namespace SocketLab
