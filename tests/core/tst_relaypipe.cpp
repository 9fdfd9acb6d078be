#include "relay/relaypipe.h"

#include <QTest>

#include <cstring>

using namespace SocketLab;

// The relay's queue for one direction: bytes leave in order, never before their delay, never faster
// than the cap, never while paused; a full ring reads nothing more; the FIN waits its turn.
class TestRelayPipe : public QObject
{
    Q_OBJECT

private:
    static void put(RelayPipe &pipe, const QByteArray &bytes, qint64 nowUs, const RelayShaping &shaping = {})
    {
        const std::span<char> room = pipe.room(bytes.size());
        QCOMPARE(qint64(room.size()), bytes.size());
        std::memcpy(room.data(), bytes.constData(), size_t(bytes.size()));
        pipe.commit(bytes.size(), nowUs, shaping);
    }
    static QByteArray take(RelayPipe &pipe, qint64 nowUs, const RelayShaping &shaping = {})
    {
        QByteArray all;
        for (std::span<const char> ready = pipe.ready(nowUs, shaping); !ready.empty(); ready = pipe.ready(nowUs, shaping)) {
            all.append(ready.data(), qsizetype(ready.size()));
            pipe.consume(qint64(ready.size()), shaping);
        }
        return all;
    }

private slots:
    void bytesLeaveInOrderAcrossTheRingsEnd()
    {
        RelayPipe pipe(10);
        put(pipe, "abcdef", 0);
        QCOMPARE(take(pipe, 0), QByteArray("abcdef"));
        // The ring is empty again: it starts over, so a read gets its whole length.
        QCOMPARE(pipe.room(100).size(), size_t(10));
        put(pipe, "0123456", 0);
        pipe.consume(3, {});
        // Seven bytes at the start, three taken: the free part runs to the end, then wraps.
        QCOMPARE(pipe.room(100).size(), size_t(3));
        put(pipe, "xyz", 0);
        QCOMPARE(pipe.room(100).size(), size_t(3));
        put(pipe, "UVW", 0);
        QVERIFY(pipe.room(100).empty());
        QCOMPARE(pipe.queued(), qint64(10));
        QCOMPARE(take(pipe, 0), QByteArray("3456xyzUVW"));
    }

    void theRingGrowsWhileFullUpToItsCapacityKeepingTheOrder()
    {
        RelayPipe pipe(1024 * 1024);
        QByteArray all;
        qint64 n = 0;
        // Wrapped first, then filled: growing must move the bytes in their order.
        put(pipe, QByteArray(200'000, 'a'), 0);
        pipe.consume(100'000, {});
        all += QByteArray(100'000, 'a');
        while (!pipe.room(65536).empty()) {
            const std::span<char> room = pipe.room(65536);
            for (size_t i = 0; i < room.size(); ++i)
                room[i] = char('0' + (n + qint64(i)) % 10);
            for (size_t i = 0; i < room.size(); ++i)
                all.append(char('0' + (n + qint64(i)) % 10));
            n += qint64(room.size());
            pipe.commit(qint64(room.size()), 0, {});
        }
        QCOMPARE(pipe.queued(), qint64(1024 * 1024));
        QCOMPARE(take(pipe, 0), all);
    }

    void aDelayHoldsEachByteFromItsArrival()
    {
        RelayPipe pipe(1024);
        const RelayShaping shaping{100, 0, false};
        put(pipe, "first", 0, shaping);
        put(pipe, "second", 50'000, shaping);
        QVERIFY(take(pipe, 99'000, shaping).isEmpty());
        QCOMPARE(pipe.waitUs(99'000, shaping), qint64(1000));
        QCOMPARE(take(pipe, 100'000, shaping), QByteArray("first"));
        QCOMPARE(pipe.waitUs(100'000, shaping), qint64(50'000));
        QCOMPARE(take(pipe, 150'000, shaping), QByteArray("second"));
    }

    void theRateCapsWhatLeaves()
    {
        RelayPipe pipe(100'000);
        const RelayShaping shaping{0, 10'000, false};
        put(pipe, QByteArray(5000, 'x'), 0, shaping);
        // A tenth of a second's worth at once, then the allowance grows with time.
        QCOMPARE(take(pipe, 0, shaping).size(), 1000);
        QVERIFY(pipe.waitUs(0, shaping) > 0);
        QCOMPARE(take(pipe, 100'000, shaping).size(), 1000);
        QCOMPARE(take(pipe, 150'000, shaping).size(), 500);
        // Over a whole second at most the rate (plus the first burst) leaves, however often one asks.
        qint64 left = 0;
        for (qint64 t = 150'000; t <= 1'150'000; t += 7'000)
            left += take(pipe, t, shaping).size();
        QVERIFY2(left <= 10'000 + 1000, qPrintable(QString::number(left)));
        QCOMPARE(pipe.queued(), qint64(5000 - 2500 - left));
    }

    void aPauseHoldsEverythingAndTheEnd()
    {
        RelayPipe pipe(1024);
        const RelayShaping paused{0, 0, true};
        put(pipe, "held", 0, paused);
        pipe.markEnd(0, paused);
        QVERIFY(take(pipe, 10'000'000, paused).isEmpty());
        QCOMPARE(pipe.waitUs(0, paused), qint64(-1));
        QVERIFY(!pipe.endReady(10'000'000, paused));
        QVERIFY(pipe.room(10).empty());  // nothing is read after the end
        QCOMPARE(take(pipe, 10'000'000), QByteArray("held"));
        QVERIFY(pipe.endReady(10'000'000, {}));
    }

    void theEndWaitsForTheBytesBeforeItAndItsDelay()
    {
        RelayPipe pipe(1024);
        const RelayShaping shaping{20, 0, false};
        put(pipe, "abc", 0, shaping);
        pipe.markEnd(5'000, shaping);
        QVERIFY(!pipe.endReady(20'000, shaping));
        QCOMPARE(take(pipe, 20'000, shaping), QByteArray("abc"));
        QVERIFY(!pipe.endReady(20'000, shaping));
        QCOMPARE(pipe.waitUs(20'000, shaping), qint64(5'000));
        QVERIFY(pipe.endReady(25'000, shaping));
    }
};

QTEST_APPLESS_MAIN(TestRelayPipe)
#include "tst_relaypipe.moc"
