#pragma once

#include "resolver.h"

#include <QDeadlineTimer>

namespace SocketLab {

class CancelToken;

// resolve() for an exchange: getaddrinfo() cannot be interrupted, so it runs on a thread of its own
// while the exchange waits on the cancel token and its deadline. A cancelled or late lookup is left to
// finish alone and its answer is dropped.
ResolveResult resolveCancellable(const ResolveQuery &query, const CancelToken &cancel, QDeadlineTimer deadline);

} // namespace SocketLab
