#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

class QObject;
class QThread;

namespace SocketLab {

// Hands out ByteStore's large chunks: mappings of ChunkSize bytes aligned to ChunkSize, so that
// the kernel can back each with one huge page.
//
// The kernel provides and zeroes a fresh page on its first write: 60-75 ms a GiB in huge pages on
// memory it has just had back, 1.1-2.4 s a GiB on a virtual machine whose host takes back the
// memory its guest leaves free. Done by the thread calling recv(), that time is lost to the
// transfer. So while chunks are being taken, the pool keeps a few mapped and written ahead of need
// on its own thread, which runs on whatever CPU the transfer leaves idle. After a second with no
// taker it unmaps what it holds: an idle window keeps no memory for it.
//
// That thread follows core's model (workerthread.h): a worker moved to a QThread of its own, for
// the pool's whole life, stopped by the pool's destructor. Not a BlockingCallPool task: it runs at
// a low priority that a pool thread would carry on into the next lookup, and it waits on its
// condition variable between transfers, where a task would hold one of the pool's threads for
// nothing. A thread the system will not make costs only the work ahead: take() maps for itself.
class LargeChunkPool
{
public:
    static constexpr qint64 ChunkSize = 2 * 1024 * 1024;

    static LargeChunkPool &instance();

    LargeChunkPool(const LargeChunkPool &) = delete;
    LargeChunkPool &operator=(const LargeChunkPool &) = delete;
    ~LargeChunkPool();

    // A chunk of ChunkSize bytes, or nullptr if the system will not map one. Never waits for the
    // pool's thread. Give it back with release().
    char *take();
    static void release(char *chunk);
    // How many chunks wait ready now.
    int prepared();

private:
    LargeChunkPool();
    void run();

    // 4 MiB ahead: a millisecond of a loopback transfer, and little more memory than the reply.
    static constexpr size_t Depth = 2;
    static constexpr std::chrono::milliseconds IdleRelease{1000};

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<char *> m_ready;
    std::chrono::steady_clock::time_point m_lastTake;
    bool m_wanted = false;
    bool m_stopping = false;

    struct ThreadStopper
    {
        LargeChunkPool *pool = nullptr;
        void operator()(QThread *thread) const;
    };
    // Declared in this order so the thread is stopped before its worker goes.
    std::unique_ptr<QObject> m_worker;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
};

} // namespace SocketLab
