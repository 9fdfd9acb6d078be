#include "threads/blockingcallpool.h"
#include "threads/serialtaskqueue.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <numeric>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

using namespace SocketLab;

// Short blocking calls run off the caller's thread, and a lane that is stuck (getaddrinfo() cannot
// be interrupted) holds up neither the other lane nor the next lookups.
class TestBlockingCallPool : public QObject
{
    Q_OBJECT

private slots:
    void stuckLookupsDoNotHoldUpFileWrites();
    void stuckLookupsDoNotHoldUpTheNextLookup();
    void fileWritesRunTwoAtATimeInOrderQueued();
    void anIdleThreadServesTheNextTask();
    void waitForDoneWaitsForQueuedTasks();
    void aSerialQueueRunsOneAtATimeInOrder();
};

namespace {

// Lookups that block until released, as many as a busy session might abandon at once.
struct StuckLookups
{
    static constexpr int Count = 24;
    std::shared_ptr<std::counting_semaphore<>> release = std::make_shared<std::counting_semaphore<>>(0);
    std::shared_ptr<std::atomic<int>> running = std::make_shared<std::atomic<int>>(0);

    void start()
    {
        for (int i = 0; i < Count; ++i) {
            BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [release = release, running = running] {
                ++*running;
                release->acquire();
            });
        }
    }
    ~StuckLookups()
    {
        release->release(Count);
        BlockingCallPool::waitForDone(BlockingCallPool::Lane::Lookup);
    }
};

// The lookup lane's threads alive now; Linux keeps 15 bytes of a thread's name.
int lookupThreads()
{
    int count = 0;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "SocketLab looku")
            ++count;
    }
    return count;
}

} // namespace

void TestBlockingCallPool::stuckLookupsDoNotHoldUpFileWrites()
{
    StuckLookups stuck;
    stuck.start();
    QTRY_COMPARE(stuck.running->load(), StuckLookups::Count);
    auto written = std::make_shared<std::atomic<bool>>(false);
    BlockingCallPool::run(BlockingCallPool::Lane::File, [written] { *written = true; });
    QTRY_VERIFY(written->load());
}

void TestBlockingCallPool::stuckLookupsDoNotHoldUpTheNextLookup()
{
    StuckLookups stuck;
    stuck.start();
    // Each is running and blocked before the next is asked for, not merely queued: a loaded machine
    // may not have run them all yet when the new one is answered.
    QTRY_COMPARE(stuck.running->load(), StuckLookups::Count);
    auto answered = std::make_shared<std::atomic<bool>>(false);
    BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [answered] { *answered = true; });
    // Every earlier lookup is still blocked: the new one got a thread of its own.
    QTRY_VERIFY(answered->load());
    QCOMPARE(stuck.running->load(), StuckLookups::Count);
}

// The file lane has two threads: more writes queue, none is dropped, and they start in the order given.
void TestBlockingCallPool::fileWritesRunTwoAtATimeInOrderQueued()
{
    constexpr int Writes = 6;
    struct Shared
    {
        std::counting_semaphore<> release{0};
        std::atomic<int> running{0};
        std::atomic<int> mostAtOnce{0};
        std::mutex mutex;
        std::vector<int> order;
    };
    auto shared = std::make_shared<Shared>();
    for (int i = 0; i < Writes; ++i) {
        BlockingCallPool::run(BlockingCallPool::Lane::File, [shared, i] {
            {
                std::lock_guard lock(shared->mutex);
                shared->order.push_back(i);
            }
            const int now = ++shared->running;
            int most = shared->mostAtOnce.load();
            while (now > most && !shared->mostAtOnce.compare_exchange_weak(most, now)) {
            }
            shared->release.acquire();
            --shared->running;
        });
    }
    QTRY_COMPARE(shared->running.load(), 2);
    // Given time, a third would have started by now if the lane had one more thread.
    QTest::qWait(100);
    QCOMPARE(shared->running.load(), 2);
    QVERIFY(!BlockingCallPool::waitForDone(BlockingCallPool::Lane::File, 50));
    // One write ends at a time, so exactly one queued write can start each time: two threads freed at
    // once would take the next two in order but could record them in either order.
    for (int started = 2; started < Writes; ++started) {
        shared->release.release(1);
        QTRY_COMPARE(int([&] { std::lock_guard lock(shared->mutex); return shared->order.size(); }()), started + 1);
        QTRY_COMPARE(shared->running.load(), 2);
    }
    shared->release.release(2);
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::File, 10000));
    QCOMPARE(shared->mostAtOnce.load(), 2);
    std::lock_guard lock(shared->mutex);
    // Two threads take the first two in either order; the rest start in the order queued.
    QCOMPARE(int(shared->order.size()), Writes);
    QCOMPARE(std::min(shared->order[0], shared->order[1]), 0);
    QCOMPARE(std::max(shared->order[0], shared->order[1]), 1);
    QCOMPARE(std::vector<int>(shared->order.begin() + 2, shared->order.end()), (std::vector<int>{2, 3, 4, 5}));
}

// A thread is made for a task only when none is idle: lookups one after another make no new thread.
void TestBlockingCallPool::anIdleThreadServesTheNextTask()
{
    // At least one lookup thread exists, idle, before counting.
    BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [] {});
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::Lookup, 10000));
    const int before = lookupThreads();
    QVERIFY(before >= 1);
    auto elsewhere = std::make_shared<std::atomic<int>>(0);
    const std::thread::id caller = std::this_thread::get_id();
    for (int i = 0; i < 20; ++i) {
        BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [elsewhere, caller] {
            if (std::this_thread::get_id() != caller)
                ++*elsewhere;
        });
        QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::Lookup, 10000));
    }
    QCOMPARE(elsewhere->load(), 20);
    QCOMPARE(lookupThreads(), before);
}

// waitForDone() returns once the last task has returned and let go of what it captured: the caller
// may then read what the tasks wrote, and find their captures released.
void TestBlockingCallPool::waitForDoneWaitsForQueuedTasks()
{
    constexpr int Tasks = 40;
    auto captured = std::make_shared<int>(0);
    auto ran = std::make_shared<std::atomic<int>>(0);
    for (int i = 0; i < Tasks; ++i) {
        BlockingCallPool::run(BlockingCallPool::Lane::File, [captured, ran] {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ++*ran;
        });
    }
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::File, 10000));
    QCOMPARE(ran->load(), Tasks);
    QCOMPARE(captured.use_count(), 1L);
}

// A store's tasks on the file lane's two threads: one at a time and in the order given, and all of
// them run by the time the lane is done, though the queue itself is gone.
void TestBlockingCallPool::aSerialQueueRunsOneAtATimeInOrder()
{
    constexpr int Tasks = 2000;
    struct Shared
    {
        std::atomic<int> running{0};
        std::atomic<int> overlaps{0};
        std::mutex mutex;
        std::vector<int> order;
    };
    auto shared = std::make_shared<Shared>();
    {
        SerialTaskQueue queue;
        for (int i = 0; i < Tasks; ++i) {
            queue.run([shared, i] {
                if (++shared->running > 1)
                    ++shared->overlaps;
                {
                    std::lock_guard lock(shared->mutex);
                    shared->order.push_back(i);
                }
                --shared->running;
            });
            // Another user of the lane between them, as the other stores are.
            if (i % 100 == 0)
                BlockingCallPool::run(BlockingCallPool::Lane::File, [] { std::this_thread::sleep_for(std::chrono::milliseconds(1)); });
        }
    }
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::File, 10000));
    QCOMPARE(shared->overlaps.load(), 0);
    std::vector<int> expected(Tasks);
    std::iota(expected.begin(), expected.end(), 0);
    std::lock_guard lock(shared->mutex);
    QVERIFY(shared->order == expected);
}

QTEST_GUILESS_MAIN(TestBlockingCallPool)
#include "tst_blockingcallpool.moc"
