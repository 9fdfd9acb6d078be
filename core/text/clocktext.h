#pragma once

#include <QString>

class QTime;

namespace SocketLab {

// A time of day as the locale writes one, to the second or the millisecond: "5:29:29.140 PM" in
// American English, "17:29:29,140" in French. The locale's own long time format without its time
// zone, so that tables of times read like the rest of the window in either language.
QString clockTime(const QTime &time, bool milliseconds = false);

} // namespace SocketLab
