#pragma once

#include <functional>

namespace SocketLab {

// The one pool core owns for short blocking calls: getaddrinfo(), getnameinfo(), writing a file.
// Long-lived work (an exchange, a listener) never runs here: it is a worker QObject on a QThread of
// its own (see workerthread.h). A task must not throw, and must reach what it reports to through
// shared state that outlives its caller: nothing waits for a task but the pool itself, at exit.
class BlockingCallPool
{
public:
    static void run(std::function<void()> task);
    // Waits up to timeoutMs (-1: for ever) for every queued and running task; false on timeout.
    static bool waitForDone(int timeoutMs = -1);
};

} // namespace SocketLab
