#include "largechunkpool.h"

#include <QThread>

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>

namespace SocketLab {

namespace {

char *mapAlignedChunk()
{
    constexpr size_t Size = size_t(LargeChunkPool::ChunkSize);
    // Twice the size, then the unaligned ends are given back: mmap only promises page alignment.
    void *base = mmap(nullptr, 2 * Size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return nullptr;
    const auto start = reinterpret_cast<std::uintptr_t>(base);
    const std::uintptr_t aligned = (start + Size - 1) & ~std::uintptr_t(Size - 1);
    if (aligned > start)
        munmap(base, aligned - start);
    if (const std::uintptr_t tail = start + 2 * Size - (aligned + Size); tail > 0)
        munmap(reinterpret_cast<void *>(aligned + Size), tail);
    char *chunk = reinterpret_cast<char *>(aligned);
#ifdef MADV_HUGEPAGE
    // Only a hint: where huge pages are off, the chunk works the same with small pages.
    madvise(chunk, Size, MADV_HUGEPAGE);
#endif
    return chunk;
}

// One write per page is what makes the kernel provide (and zero) each page now, on this thread.
void faultIn(char *chunk)
{
    const long page = sysconf(_SC_PAGESIZE);
    const size_t step = page > 0 ? size_t(page) : 4096;
    for (size_t at = 0; at < size_t(LargeChunkPool::ChunkSize); at += step)
        *static_cast<volatile char *>(chunk + at) = 0;
}

} // namespace

LargeChunkPool &LargeChunkPool::instance()
{
    static LargeChunkPool pool;
    return pool;
}

void LargeChunkPool::ThreadStopper::operator()(QThread *thread) const
{
    // quit() first: once run() returns, QThread starts an event loop unless quit() came before, and
    // at the program's exit (this pool is a static) an event loop with no application left prints
    // "QEventLoop: Cannot be used without QApplication" on standard error.
    thread->quit();
    {
        std::lock_guard lock(pool->m_mutex);
        pool->m_stopping = true;
    }
    pool->m_wake.notify_one();
    thread->wait();
    delete thread;
}

LargeChunkPool::LargeChunkPool()
    : m_worker(std::make_unique<QObject>())
    , m_thread(new QThread, ThreadStopper{this})
{
    // Named for top and perf; it would otherwise carry the name of the thread that first took.
    m_thread->setObjectName(QStringLiteral("SocketLab pages"));
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::started, m_worker.get(), [this] { run(); });
    // Should the system refuse the thread, take() maps every chunk itself: nothing waits for it.
    m_thread->start();
}

LargeChunkPool::~LargeChunkPool()
{
    m_thread.reset();
    for (char *chunk : m_ready)
        release(chunk);
}

char *LargeChunkPool::take()
{
    char *chunk = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (!m_ready.empty()) {
            chunk = m_ready.front();
            m_ready.pop_front();
        }
        m_wanted = true;
        m_lastTake = std::chrono::steady_clock::now();
    }
    m_wake.notify_one();
    return chunk ? chunk : mapAlignedChunk();
}

void LargeChunkPool::release(char *chunk)
{
    munmap(chunk, size_t(ChunkSize));
}

int LargeChunkPool::prepared()
{
    std::lock_guard lock(m_mutex);
    return int(m_ready.size());
}

void LargeChunkPool::run()
{
    // Work ahead is worth only the CPU nobody else wants: the GUI thread and the thread calling
    // recv() come first, and a chunk not ready in time is mapped by the taker itself.
    // QThread's priorities do nothing under SCHED_OTHER; the nice value of this one thread does.
    setpriority(PRIO_PROCESS, id_t(gettid()), 10);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_wanted && m_ready.size() < Depth) {
            lock.unlock();
            char *chunk = mapAlignedChunk();
            if (chunk)
                faultIn(chunk);
            lock.lock();
            if (!chunk) {
                // Out of memory or address space: prepare nothing until the next take() asks.
                m_wanted = false;
                continue;
            }
            m_ready.push_back(chunk);
            continue;
        }
        if (m_wanted) {
            const auto idleSince = m_lastTake;
            m_wake.wait_until(lock, idleSince + IdleRelease);
            if (m_lastTake == idleSince && std::chrono::steady_clock::now() >= idleSince + IdleRelease) {
                m_wanted = false;
                for (char *chunk : m_ready)
                    release(chunk);
                m_ready.clear();
            }
            continue;
        }
        m_wake.wait(lock);
    }
}

} // namespace SocketLab
