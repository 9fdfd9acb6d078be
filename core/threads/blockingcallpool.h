#pragma once

#include <functional>

namespace SocketLab {

// The pool core owns for short blocking calls: getaddrinfo(), getnameinfo(), writing a file.
// Long-lived work (an exchange, a listener) never runs here: it is a worker QObject on a QThread of
// its own (see workerthread.h). A task must not throw, and must reach what it reports to through
// shared state that outlives its caller: nothing waits for a task but the pool itself, at exit.
//
// Two lanes, so that neither waits for the other: a getaddrinfo() cannot be interrupted, and one
// whose exchange was cancelled keeps its thread until the system resolver gives up (tens of seconds
// with no reachable DNS server). Lookups get a thread each rather than queue behind such abandoned
// ones; file writes have threads of their own that lookups never take.
//
// Each lane is a bounded set of std::threads (256 for lookups, 2 for file writes) fed from one
// queue under a std::mutex, which ThreadSanitizer sees: what a caller wrote before run() is ordered
// before the task, and the task before waitForDone() returning. A thread idle for 30 s ends and is
// joined; at exit the lanes finish what is queued and their threads are joined, waiting at most 1 s
// for a task still running (an abandoned getaddrinfo()), whose lane is then left to the process's end.
class BlockingCallPool
{
public:
    enum class Lane { Lookup, File };

    static void run(Lane lane, std::function<void()> task);
    // Waits up to timeoutMs (-1: for ever) for every queued and running task of the lane; false on
    // timeout.
    static bool waitForDone(Lane lane, int timeoutMs = -1);
};

} // namespace SocketLab
