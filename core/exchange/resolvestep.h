#pragma once

#include "net/resolver.h"

#include <QDeadlineTimer>
#include <QString>

namespace SocketLab {

class CancelToken;
class Trace;

// An exchange's first step: getaddrinfo() for its target, cancellable, recorded in the trace as the
// exchange called it, hints included.
ResolveResult resolveTarget(const QString &host, const QString &service, IpFamily family, SocketKind kind,
                            Trace &trace, const CancelToken &cancel, QDeadlineTimer deadline);

} // namespace SocketLab
