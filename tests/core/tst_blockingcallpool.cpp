#include "threads/blockingcallpool.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <semaphore>

using namespace SocketLab;

// Short blocking calls run off the caller's thread, and a lane that is stuck (getaddrinfo() cannot
// be interrupted) holds up neither the other lane nor the next lookups.
class TestBlockingCallPool : public QObject
{
    Q_OBJECT

private slots:
    void stuckLookupsDoNotHoldUpFileWrites();
    void stuckLookupsDoNotHoldUpTheNextLookup();
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

QTEST_GUILESS_MAIN(TestBlockingCallPool)
#include "tst_blockingcallpool.moc"
