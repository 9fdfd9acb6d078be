#pragma once

#include "net/neterror.h"

class QThread;

namespace SocketLab {

// Core's thread model. Long-lived work (an exchange, a listener, a conversation) is a worker
// QObject moved to a QThread of its own, started by QThread::started, reporting by queued signals;
// its owner keeps the thread in a std::unique_ptr whose deleter wakes the worker (its cancel
// token), quits the thread and waits for it. Short blocking calls run on BlockingCallPool. Nothing
// is detached, and a thread that cannot be made is a NetError, never an exception.
//
// Starts thread. QThread::start() only prints a warning when the system will not create the
// thread: the worker would never run and its owner would wait for an answer for ever.
NetError startWorkerThread(QThread &thread);

} // namespace SocketLab
