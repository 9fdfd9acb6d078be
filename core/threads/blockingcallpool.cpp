#include "blockingcallpool.h"

#include <QThreadPool>

namespace SocketLab {

namespace {

// Not Qt's global pool: a lookup may block for resolv.conf's timeout times its attempts, and must
// neither starve other users of the global pool nor queue behind one slow lookup, hence more
// threads than cores. Process-wide rather than owned by a window, so that no owner ever waits for
// getaddrinfo() on its way out; the pool is destroyed at exit, once the last task has returned.
class Pool : public QThreadPool
{
public:
    Pool()
    {
        setObjectName(QStringLiteral("SocketLab blocking calls"));
        setMaxThreadCount(16);
    }
};

Q_GLOBAL_STATIC(Pool, pool)

} // namespace

void BlockingCallPool::run(std::function<void()> task)
{
    pool()->start(std::move(task));
}

bool BlockingCallPool::waitForDone(int timeoutMs)
{
    return pool()->waitForDone(timeoutMs);
}

} // namespace SocketLab
