#include "blockingcallpool.h"

#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <string>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include <pthread.h>

namespace SocketLab {

namespace {

using Clock = std::chrono::steady_clock;

// How long exit waits for the tasks still running. A lookup abandoned by a cancelled exchange may
// block for resolv.conf's timeout times its attempts: closing the window must not wait for it.
constexpr std::chrono::milliseconds ExitWait{1000};

// An idle thread ends after this long, so that a burst of lookups does not keep its threads for
// the rest of the session; within it, the thread serves the next task without being made again.
constexpr std::chrono::seconds IdleExpiry{30};

// One lane: a bounded set of std::threads taking tasks from one queue. Everything here is under
// m_mutex, a std::mutex, so ThreadSanitizer sees each task handed from the thread that queued it to
// the thread that runs it (QThreadPool did it under a QMutex, a bare futex in Debian's Qt).
class Lane
{
public:
    Lane(const char *threadName, std::size_t maxThreads)
        : m_threadName(threadName)
        , m_maxThreads(maxThreads)
    {
    }

    // Only once every thread has ended: a std::thread still joinable would std::terminate() here.
    ~Lane() = default;

    void run(std::function<void()> task)
    {
        joinExpired();
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
        // An idle thread takes it; idle threads already woken for earlier tasks count until they
        // take theirs, so a second task queued before the first is taken gets a thread too.
        if (m_idle >= m_queue.size())
            m_wake.notify_one();
        else if (m_threads.size() < m_maxThreads)
            startThread();
        // Otherwise every thread is busy: the task waits for the first one free.
    }

    bool waitForDone(int timeoutMs)
    {
        std::unique_lock lock(m_mutex);
        const auto done = [this] { return m_queue.empty() && m_busy == 0; };
        if (timeoutMs < 0) {
            m_done.wait(lock, done);
            return true;
        }
        return m_done.wait_for(lock, std::chrono::milliseconds(timeoutMs), done);
    }

    // Lets the threads run what is queued, then end; waits up to `wait` for them and joins them.
    // False if one is still in its task then: it keeps this lane, which must then outlive it.
    bool shutDown(std::chrono::milliseconds wait)
    {
        std::vector<std::thread> ending;
        {
            std::unique_lock lock(m_mutex);
            m_stopping = true;
            m_wake.notify_all();
            if (!m_ended.wait_for(lock, wait, [this] { return m_threads.empty(); }))
                return false;
            ending.swap(m_expired);
        }
        for (std::thread &thread : ending)
            thread.join();
        return true;
    }

private:
    // Under m_mutex. A thread that cannot be made leaves the task queued for the next thread free
    // or the next run(): std::thread's exception never reaches the caller, who cannot wait.
    void startThread()
    {
        try {
            std::thread thread([this] { serve(); });
            const std::thread::id id = thread.get_id();
            m_threads.emplace(id, std::move(thread));
        } catch (const std::system_error &error) {
            qWarning("BlockingCallPool: cannot start a thread: %s", error.what());
        }
    }

    void serve()
    {
        // Linux keeps 15 bytes of a thread's name and refuses a longer one.
        pthread_setname_np(pthread_self(), std::string(m_threadName).substr(0, 15).c_str());

        std::unique_lock lock(m_mutex);
        for (;;) {
            ++m_idle;
            const bool woken = m_wake.wait_for(lock, IdleExpiry, [this] { return !m_queue.empty() || m_stopping; });
            --m_idle;
            if (!woken || m_queue.empty())
                break;
            std::function<void()> task = std::move(m_queue.front());
            m_queue.pop_front();
            ++m_busy;
            lock.unlock();
            task();
            // What the task captured is released here, before waitForDone() can see it done.
            task = nullptr;
            lock.lock();
            if (--m_busy == 0 && m_queue.empty())
                m_done.notify_all();
        }
        // This thread's last act under the lock: whoever joins it next (run() or shutDown()) finds
        // it here, with nothing of this lane left for it to touch.
        const auto self = m_threads.find(std::this_thread::get_id());
        m_expired.push_back(std::move(self->second));
        m_threads.erase(self);
        if (m_threads.empty())
            m_ended.notify_all();
    }

    // The threads that expired have left serve(); joining them only waits for their return.
    void joinExpired()
    {
        std::vector<std::thread> expired;
        {
            std::lock_guard lock(m_mutex);
            expired.swap(m_expired);
        }
        for (std::thread &thread : expired)
            thread.join();
    }

    const char *const m_threadName;
    const std::size_t m_maxThreads;

    std::mutex m_mutex;
    std::condition_variable m_wake;   // a task queued, or the lane stopping
    std::condition_variable m_done;   // nothing queued or running
    std::condition_variable m_ended;  // no thread left in serve()
    std::deque<std::function<void()>> m_queue;
    std::map<std::thread::id, std::thread> m_threads;  // in serve()
    std::vector<std::thread> m_expired;                // out of serve(), to join
    std::size_t m_idle = 0;
    std::size_t m_busy = 0;
    bool m_stopping = false;
};

class Lanes
{
public:
    ~Lanes()
    {
        // Both lanes wind down at once, so exit waits ExitWait at most, not once per lane.
        const Clock::time_point deadline = Clock::now() + ExitWait;
        for (Lane *lane : {m_lookups, m_files}) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            // A lane still running a task then is left to end with the process: its thread holds
            // it, and its task touches only state it shares (BlockingCallPool's contract).
            if (lane->shutDown(std::max(left, std::chrono::milliseconds(0))))
                delete lane;
        }
    }

    Lane &lane(BlockingCallPool::Lane lane) { return lane == BlockingCallPool::Lane::Lookup ? *m_lookups : *m_files; }

private:
    // Far more than cores: lookups wait on the network, not the CPU.
    Lane *m_lookups = new Lane("SocketLab lookups", 256);
    Lane *m_files = new Lane("SocketLab file writes", 2);
};

Q_GLOBAL_STATIC(Lanes, lanes)

} // namespace

void BlockingCallPool::run(Lane lane, std::function<void()> task)
{
    lanes()->lane(lane).run(std::move(task));
}

bool BlockingCallPool::waitForDone(Lane lane, int timeoutMs)
{
    return lanes()->lane(lane).waitForDone(timeoutMs);
}

} // namespace SocketLab
