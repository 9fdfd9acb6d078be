#include "workerthread.h"

#include <QThread>

#include <atomic>
#include <cerrno>

namespace SocketLab {

namespace {

// Lives with the QThread object (its child, on the owner's thread); released from the thread itself.
class ThreadEnd : public QObject
{
    Q_OBJECT

public:
    explicit ThreadEnd(QThread &thread)
        : QObject(&thread)
    {
        // Direct: run on the ending thread, after the worker's run() and the thread's event loop.
        connect(&thread, &QThread::finished, this, [this] { m_ended.store(true, std::memory_order_release); },
                Qt::DirectConnection);
    }

    void acquire() const { (void)m_ended.load(std::memory_order_acquire); }

private:
    std::atomic<bool> m_ended{false};
};

} // namespace

NetError startWorkerThread(QThread &thread)
{
    new ThreadEnd(thread);
    thread.start();
    // A thread that could not be created is neither running nor finished; one that was may already
    // have finished. pthread_create()'s code is only in the warning: EAGAIN is what it gives for a
    // lack of resources.
    if (!thread.isRunning() && !thread.isFinished())
        return NetError::fromErrno(EAGAIN, QStringLiteral("pthread_create"));
    return {};
}

void stopWorkerThread(QThread &thread)
{
    thread.quit();
    thread.wait();
    // A thread that never started has no end to acquire, and nothing of its worker ran.
    if (const ThreadEnd *end = thread.findChild<ThreadEnd *>(QString(), Qt::FindDirectChildrenOnly))
        end->acquire();
}

} // namespace SocketLab

#include "workerthread.moc"
