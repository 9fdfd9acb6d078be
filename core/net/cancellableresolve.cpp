#include "cancellableresolve.h"

#include "canceltoken.h"
#include "threads/blockingcallpool.h"

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <memory>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace SocketLab {

namespace {

// Shared by the waiting exchange and the pool's task; whichever lets go last frees it, so an
// answer that comes after the exchange gave up is written here and dropped with it.
struct PendingLookup
{
    int doneFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    ResolveResult result;  // written by the task before ready, read by the exchange after
    std::atomic<bool> ready{false};
    ~PendingLookup()
    {
        if (doneFd >= 0)
            ::close(doneFd);
    }
};

} // namespace

ResolveResult resolveCancellable(const ResolveQuery &query, const CancelToken &cancel, QDeadlineTimer deadline)
{
    if (cancel.error().isError()) {
        ResolveResult failed;
        failed.error = cancel.error();
        return failed;
    }
    auto pending = std::make_shared<PendingLookup>();
    if (pending->doneFd < 0) {
        ResolveResult failed;
        failed.error = NetError::fromErrno(errno, QStringLiteral("eventfd"));
        return failed;
    }
    BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [pending, query] {
        pending->result = resolve(query);
        pending->ready.store(true, std::memory_order_release);
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(pending->doneFd, &one, sizeof one);
    });

    for (;;) {
        pollfd fds[2] = {{pending->doneFd, POLLIN, 0}, {cancel.fd(), POLLIN, 0}};
        const int timeoutMs = deadline.isForever() ? -1 : int(qMin<qint64>(deadline.remainingTime(), 24 * 3600 * 1000));
        const int rc = ::poll(fds, 2, timeoutMs);
        if (rc < 0 && errno == EINTR)
            continue;
        ResolveResult abandoned;
        if (rc < 0) {
            abandoned.error = NetError::fromErrno(errno, QStringLiteral("poll"));
            return abandoned;
        }
        if (fds[1].revents & POLLIN) {
            abandoned.error = NetError::cancelled(QStringLiteral("getaddrinfo"));
            return abandoned;
        }
        if ((fds[0].revents & POLLIN) && pending->ready.load(std::memory_order_acquire))
            return pending->result;
        if (rc == 0 && deadline.hasExpired()) {
            abandoned.error = NetError::timeout(QStringLiteral("getaddrinfo"), query.host);
            return abandoned;
        }
    }
}

} // namespace SocketLab
