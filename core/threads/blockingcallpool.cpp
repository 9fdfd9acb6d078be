#include "blockingcallpool.h"

#include <QRunnable>
#include <QThreadPool>

#include <atomic>

namespace SocketLab {

namespace {

// How long exit waits for the tasks still running. A lookup abandoned by a cancelled exchange may
// block for resolv.conf's timeout times its attempts: closing the window must not wait for it. A
// pool still busy then is left to end with the process; its tasks touch only state they share.
constexpr int ExitWaitMs = 1000;

class Pools
{
public:
    Pools()
        : m_lookups(new QThreadPool)
        , m_files(new QThreadPool)
    {
        m_lookups->setObjectName(QStringLiteral("SocketLab lookups"));
        // Far more than cores: lookups wait on the network, not the CPU.
        m_lookups->setMaxThreadCount(256);
        m_files->setObjectName(QStringLiteral("SocketLab file writes"));
        m_files->setMaxThreadCount(2);
    }

    ~Pools()
    {
        for (QThreadPool *pool : {m_lookups, m_files}) {
            if (pool->waitForDone(ExitWaitMs))
                delete pool;
        }
    }

    QThreadPool *lane(BlockingCallPool::Lane lane) const
    {
        return lane == BlockingCallPool::Lane::Lookup ? m_lookups : m_files;
    }

private:
    QThreadPool *m_lookups;
    QThreadPool *m_files;
};

Q_GLOBAL_STATIC(Pools, pools)

// QThreadPool hands a task to its thread under a QMutex, a bare futex in Debian's Qt that
// ThreadSanitizer cannot see: everything the submitting thread wrote into the task (a lookup's
// query, the state it reports to) would look unordered with the pool thread reading it. The
// submitter releases the task once it is built, and the pool thread acquires it before running it:
// the order the pool's mutex gives, stated in terms ThreadSanitizer follows.
class Task : public QRunnable
{
public:
    explicit Task(std::function<void()> task)
        : m_task(std::move(task))
    {
        m_built.store(true, std::memory_order_release);
    }

    void run() override
    {
        (void)m_built.load(std::memory_order_acquire);
        m_task();
    }

private:
    std::function<void()> m_task;
    std::atomic<bool> m_built{false};
};

} // namespace

void BlockingCallPool::run(Lane lane, std::function<void()> task)
{
    // The pool deletes the task on its own thread once run() returns (autoDelete).
    pools()->lane(lane)->start(new Task(std::move(task)));
}

bool BlockingCallPool::waitForDone(Lane lane, int timeoutMs)
{
    return pools()->lane(lane)->waitForDone(timeoutMs);
}

} // namespace SocketLab
