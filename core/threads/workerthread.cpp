#include "workerthread.h"

#include <QThread>

#include <cerrno>

namespace SocketLab {

NetError startWorkerThread(QThread &thread)
{
    thread.start();
    // A thread that could not be created is neither running nor finished; one that was may already
    // have finished. pthread_create()'s code is only in the warning: EAGAIN is what it gives for a
    // lack of resources.
    if (!thread.isRunning() && !thread.isFinished())
        return NetError::fromErrno(EAGAIN, QStringLiteral("pthread_create"));
    return {};
}

} // namespace SocketLab
