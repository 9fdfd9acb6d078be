#pragma once

#include "net/multicast.h"

#include <QString>

namespace SocketLab {

// Why a group or an interface was refused, naming the argument it came in (empty for a form's field):
// "--join 239.1.2.3@eth9: there is no interface \"eth9\" on this machine."
QString describeMulticastProblem(const MulticastParseError &error, const QString &argument = {});

// A group as a sentence names it: "239.1.2.3 on eth0", "232.1.1.1 from 10.0.0.5 on eth0".
QString multicastGroupWords(const MulticastGroup &group);

} // namespace SocketLab
