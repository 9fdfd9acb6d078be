#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace SocketLab {

// Tasks that must run one at a time and in the order given, on BlockingCallPool's file lane: a
// store's writes, prunes and clears of its folder. The lane has two threads that would otherwise
// take two tasks of one store at once and finish them in either order (a save after a clear would
// bring an entry back). The next task starts on the same pool thread as the last one ends, with no
// help from the GUI thread, so what is queued when the window closes still runs before the pool's
// waitForDone() returns at exit. The queue may go before its tasks: they hold its state, not it.
class SerialTaskQueue
{
public:
    SerialTaskQueue();

    void run(std::function<void()> task);

private:
    struct State
    {
        std::mutex mutex;
        std::deque<std::function<void()>> tasks;
        bool draining = false;  // a pool task is running the queue's tasks
    };
    static void drain(const std::shared_ptr<State> &state);

    std::shared_ptr<State> m_state;
};

} // namespace SocketLab
