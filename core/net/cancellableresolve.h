#pragma once

#include "resolver.h"

#include <QDeadlineTimer>

namespace SocketLab {

class CancelToken;

// resolve() for an exchange: getaddrinfo() cannot be interrupted, so it runs as a task on core's
// BlockingCallPool while the exchange waits on an eventfd of its own, the cancel token and its
// deadline. A cancelled or late lookup finishes on the pool and its answer is dropped. A token
// whose eventfd could not be made fails here with that error: it is the first wait of every
// exchange, and an exchange nobody can cancel must not start.
ResolveResult resolveCancellable(const ResolveQuery &query, const CancelToken &cancel, QDeadlineTimer deadline);

} // namespace SocketLab
