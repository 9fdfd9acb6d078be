#pragma once

#include "net/neterror.h"

#include <deque>
#include <mutex>

namespace SocketLab {

// The eventfd behind a CommandQueue: notify() from any thread makes fd() readable until clear().
class CommandWakeUp
{
public:
    CommandWakeUp();
    ~CommandWakeUp();
    CommandWakeUp(const CommandWakeUp &) = delete;
    CommandWakeUp &operator=(const CommandWakeUp &) = delete;

    void notify();
    void clear();
    int fd() const { return m_fd; }
    const NetError &error() const { return m_error; }

private:
    int m_fd = -1;
    NetError m_error;
};

// What an owner asks of a worker's poll() loop, in the order asked (a conversation's sends and
// shutdowns, a listener's sends to its clients): push() from any thread wakes the worker's poll()
// through an eventfd, which fd() gives; the worker takes everything queued at once.
template <typename Command>
class CommandQueue
{
public:
    CommandQueue() = default;
    CommandQueue(const CommandQueue &) = delete;
    CommandQueue &operator=(const CommandQueue &) = delete;

    void push(Command command)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(command));
        }
        m_wakeUp.notify();
    }

    // Everything queued, oldest first; clears the eventfd.
    std::deque<Command> takeAll()
    {
        // Cleared before taking: a push that follows wakes the next poll() again.
        m_wakeUp.clear();
        std::lock_guard lock(m_mutex);
        std::deque<Command> taken;
        taken.swap(m_queue);
        return taken;
    }

    int fd() const { return m_wakeUp.fd(); }
    // eventfd()'s failure, or no error: a worker nobody can wake is not started.
    const NetError &error() const { return m_wakeUp.error(); }

private:
    CommandWakeUp m_wakeUp;
    std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    std::deque<Command> m_queue;
};

} // namespace SocketLab
