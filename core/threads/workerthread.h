#pragma once

#include "net/neterror.h"

class QThread;

namespace SocketLab {

// Core's thread model. Long-lived work (an exchange, a listener, a conversation) is a worker
// QObject moved to a QThread of its own, started by QThread::started, reporting by queued signals;
// its owner keeps the thread in a std::unique_ptr whose deleter wakes the worker (its cancel
// token) and calls stopWorkerThread(). Short blocking calls run on BlockingCallPool. Nothing is
// detached, and a thread that cannot be made is a NetError, never an exception.
//
// Starts thread. QThread::start() only prints a warning when the system will not create the
// thread: the worker would never run and its owner would wait for an answer for ever.
NetError startWorkerThread(QThread &thread);

// Quits a thread started by startWorkerThread() and waits for it to end: afterwards its owner may
// delete the worker and everything the thread touched.
//
// QThread::wait() does order all the thread did before what its owner does next, but through a
// QMutex and QWaitCondition that are bare futexes in Debian's Qt, which ThreadSanitizer cannot
// see; the owner deleting the worker would be reported as racing with it. So the thread also
// releases a std::atomic as its last act (QThread::finished, emitted on the thread), and this
// acquires it after wait(): the same order, stated in terms ThreadSanitizer follows.
void stopWorkerThread(QThread &thread);

} // namespace SocketLab
