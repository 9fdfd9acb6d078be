#pragma once

#include "exchange/stopinfo.h"

#include <QString>

namespace SocketLab {

// "The server closed the connection after 926 bytes.": why an exchange stopped, in one translated
// sentence, for the window and the CLI alike.
QString describeStop(const StopInfo &stop);

// A conversation's or a relayed connection's FIN over TLS that came without close_notify
// (ConversationEvent::closeNotifyMissing), in one sentence.
QString describeCloseNotifyMissing();

// "926 bytes", "1 byte", in the current translation's plural rules.
QString byteCount(qint64 bytes);

// A size read at a glance: exact below 10 000 bytes ("9 999 bytes"), rounded above ("12.3 kB",
// "1,2 Mo"), in the locale's digits and unit names. Not for sentences where the exact count matters.
QString dataSize(qint64 bytes);

} // namespace SocketLab
