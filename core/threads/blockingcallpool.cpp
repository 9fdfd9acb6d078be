#include "blockingcallpool.h"

#include <QThreadPool>

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

} // namespace

void BlockingCallPool::run(Lane lane, std::function<void()> task)
{
    pools()->lane(lane)->start(std::move(task));
}

bool BlockingCallPool::waitForDone(Lane lane, int timeoutMs)
{
    return pools()->lane(lane)->waitForDone(timeoutMs);
}

} // namespace SocketLab
