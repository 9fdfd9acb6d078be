#include "smalltmpfs.h"
#include "bytes/bytestore.h"
#include "bytes/filesink.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <pthread.h>
#include <random>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace SocketLab;

Q_DECLARE_METATYPE(SocketLab::Segment)
Q_DECLARE_METATYPE(SocketLab::TmpFileMode)

namespace SocketLab {
char *toString(const Segment &s)
{
    return QTest::toString(QStringLiteral("Segment{%1, %2, %3}").arg(s.offset).arg(s.length).arg(s.timeUs));
}
} // namespace SocketLab

namespace {

// Not periodic in 256 or in any power of two, so a byte read from the wrong chunk or offset shows.
char patternByte(qint64 offset)
{
    return char((quint64(offset) * 0x9E3779B97F4A7C15ull) >> 56);
}

QByteArray pattern(qint64 from, qint64 n)
{
    QByteArray out(n, Qt::Uninitialized);
    for (qint64 i = 0; i < n; ++i)
        out[i] = patternByte(from + i);
    return out;
}

// Small chunks, then two large ones and a bit of a third: every kind of chunk boundary.
constexpr qint64 StoreSize = ByteStore::SmallRegionSize + 2 * ByteStore::LargeChunkSize + 100;

// What a receive loop does: ask for room, fill what was given, commit it, until n bytes are in.
bool writePattern(ByteSink &sink, qint64 n)
{
    qint64 done = 0;
    while (done < n) {
        const std::span<char> room = sink.writableSpan(n - done);
        if (room.empty() || qint64(room.size()) > n - done)
            return false;
        const qint64 at = sink.size();
        for (size_t i = 0; i < room.size(); ++i)
            room[i] = patternByte(at + qint64(i));
        if (!sink.commit(qint64(room.size())))
            return false;
        done += qint64(room.size());
    }
    return true;
}

QList<qint64> openDescriptorsFor(const QString &path)
{
    const QByteArray target = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    QList<qint64> fds;
    const QDir fdDir(QStringLiteral("/proc/self/fd"));
    const QStringList entries = fdDir.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        char link[4096];
        const QByteArray linkPath = QFile::encodeName(fdDir.filePath(entry));
        const ssize_t len = ::readlink(linkPath.constData(), link, sizeof link);
        if (len > 0 && QByteArray(link, len) == target)
            fds.append(entry.toLongLong());
    }
    return fds;
}

// The descriptors this process has open on files in dir, named or not (an O_TMPFILE file shows as
// "dir/#inode (deleted)").
QList<qint64> openDescriptorsIn(const QString &dir)
{
    const QByteArray prefix = QFile::encodeName(QFileInfo(dir).absoluteFilePath()) + '/';
    QList<qint64> fds;
    const QDir fdDir(QStringLiteral("/proc/self/fd"));
    const QStringList entries = fdDir.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        char link[4096];
        const QByteArray linkPath = QFile::encodeName(fdDir.filePath(entry));
        const ssize_t len = ::readlink(linkPath.constData(), link, sizeof link);
        if (len > 0 && QByteArray(link, len).startsWith(prefix))
            fds.append(entry.toLongLong());
    }
    return fds;
}

} // namespace

// The contract every ByteSink keeps, whatever it does with the bytes (Okteta's interface tests):
// each implementation derives from this suite, says how to make one and how to read back what it
// kept, and adds its own tests.
class ByteSinkSuite : public QObject
{
    Q_OBJECT

protected:
    virtual std::unique_ptr<ByteSink> createSink() = 0;
    virtual QByteArray keptBytes(ByteSink &sink) = 0;

private slots:
    void startsEmpty();
    void writableSpanBounds_data();
    void writableSpanBounds();
    void segments_data();
    void segments();
    void partialCommitDropsTheRest();
    void commitNothing();
    void appendIsOneSegment();
};

void ByteSinkSuite::startsEmpty()
{
    const std::unique_ptr<ByteSink> sink = createSink();
    QCOMPARE(sink->size(), 0);
    QVERIFY(sink->segments().isEmpty());
    QCOMPARE(sink->lastErrno(), 0);
    QCOMPARE(keptBytes(*sink), QByteArray());
}

void ByteSinkSuite::writableSpanBounds_data()
{
    QTest::addColumn<qint64>("want");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("one") << qint64(1) << qint64(1);
    QTest::newRow("zero is one") << qint64(0) << qint64(1);
    QTest::newRow("negative is one") << qint64(-7) << qint64(1);
    QTest::newRow("ten") << qint64(10) << qint64(10);
    QTest::newRow("a recv buffer") << qint64(4096) << qint64(4096);
}

void ByteSinkSuite::writableSpanBounds()
{
    QFETCH(qint64, want);
    QFETCH(qint64, expected);

    const std::unique_ptr<ByteSink> sink = createSink();
    QCOMPARE(qint64(sink->writableSpan(want).size()), expected);
    const qint64 huge = qint64(1) << 40;
    const std::span<char> big = sink->writableSpan(huge);
    QVERIFY(!big.empty());
    QVERIFY(qint64(big.size()) < huge);
}

void ByteSinkSuite::segments_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QList<Segment>>("expected");
    QTest::addColumn<qint64>("size");

    // "wN" writes N bytes through writableSpan()/commit(); "e" ends a segment at time 1000 * its rank.
    QTest::newRow("one recv") << QStringLiteral("w5 e") << QList<Segment>{{0, 5, 1000}} << qint64(5);
    QTest::newRow("empty datagram") << QStringLiteral("e") << QList<Segment>{{0, 0, 1000}} << qint64(0);
    QTest::newRow("empty between") << QStringLiteral("w3 e e w4 e")
                                   << QList<Segment>{{0, 3, 1000}, {3, 0, 2000}, {3, 4, 3000}} << qint64(7);
    QTest::newRow("commits in one segment") << QStringLiteral("w3 w4 w5 e")
                                            << QList<Segment>{{0, 12, 1000}} << qint64(12);
    QTest::newRow("across chunks") << QStringLiteral("w70000 e w200000 e")
                                   << QList<Segment>{{0, 70000, 1000}, {70000, 200000, 2000}} << qint64(270000);
    QTest::newRow("larger than a buffer") << QStringLiteral("w300000 e")
                                          << QList<Segment>{{0, 300000, 1000}} << qint64(300000);
    QTest::newRow("open segment") << QStringLiteral("w3 e w4")
                                  << QList<Segment>{{0, 3, 1000}} << qint64(7);
}

void ByteSinkSuite::segments()
{
    QFETCH(QString, script);
    QFETCH(QList<Segment>, expected);
    QFETCH(qint64, size);

    const std::unique_ptr<ByteSink> sink = createSink();
    qint64 ends = 0;
    for (const QString &step : script.split(u' ')) {
        if (step == QLatin1String("e"))
            sink->endSegment(1000 * ++ends);
        else
            QVERIFY(writePattern(*sink, step.mid(1).toLongLong()));
    }
    QCOMPARE(sink->segments(), expected);
    QCOMPARE(sink->size(), size);
    QCOMPARE(keptBytes(*sink), pattern(0, size));
}

void ByteSinkSuite::partialCommitDropsTheRest()
{
    const std::unique_ptr<ByteSink> sink = createSink();
    const std::span<char> room = sink->writableSpan(100);
    QCOMPARE(room.size(), size_t(100));
    std::memset(room.data(), 'x', room.size());
    std::memcpy(room.data(), pattern(0, 30).constData(), 30);
    QVERIFY(sink->commit(30));
    QVERIFY(writePattern(*sink, 10));
    sink->endSegment(5);
    QCOMPARE(sink->size(), 40);
    QCOMPARE(keptBytes(*sink), pattern(0, 40));
    QCOMPARE(sink->segments(), (QList<Segment>{{0, 40, 5}}));
}

void ByteSinkSuite::commitNothing()
{
    const std::unique_ptr<ByteSink> sink = createSink();
    std::memset(sink->writableSpan(10).data(), 'x', 10);
    QVERIFY(sink->commit(0));
    sink->endSegment(7);
    QCOMPARE(sink->size(), 0);
    QCOMPARE(keptBytes(*sink), QByteArray());
    QCOMPARE(sink->segments(), (QList<Segment>{{0, 0, 7}}));
}

void ByteSinkSuite::appendIsOneSegment()
{
    const std::unique_ptr<ByteSink> sink = createSink();
    const QByteArray datagram = pattern(0, 300000);
    QVERIFY(sink->append(datagram.constData(), 3, 10));
    QVERIFY(sink->append(datagram.constData() + 3, 0, 20));
    QVERIFY(sink->append(datagram.constData() + 3, datagram.size() - 3, 30));
    QCOMPARE(sink->segments(), (QList<Segment>{{0, 3, 10}, {3, 0, 20}, {3, 299997, 30}}));
    QCOMPARE(keptBytes(*sink), datagram);
}

class TestByteStore : public ByteSinkSuite
{
    Q_OBJECT

protected:
    std::unique_ptr<ByteSink> createSink() override { return std::make_unique<ByteStore>(); }
    QByteArray keptBytes(ByteSink &sink) override { return static_cast<ByteStore &>(sink).toByteArray(); }

private slots:
    void read_data();
    void read();
    void segmentIndexAt_data();
    void segmentIndexAt();
    void chunkAccounting();
    void largeChunksPastTheSmallRegion();
    void poolPreparesChunksOnlyWhileTaken();
    void chunksNeverMove();
    void largeAppend();
    void clearStartsOver();
    void readersSeeAPrefix();
};

void TestByteStore::read_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("len");
    QTest::addColumn<qint64>("expectedLen");

    constexpr qint64 C = ByteStore::SmallChunkSize;
    constexpr qint64 R = ByteStore::SmallRegionSize;
    constexpr qint64 L = ByteStore::LargeChunkSize;
    constexpr qint64 size = StoreSize;
    QTest::newRow("all") << qint64(0) << size << size;
    QTest::newRow("first byte") << qint64(0) << qint64(1) << qint64(1);
    QTest::newRow("last byte of a chunk") << C - 1 << qint64(1) << qint64(1);
    QTest::newRow("first byte of a chunk") << C << qint64(1) << qint64(1);
    QTest::newRow("across a boundary") << C - 10 << qint64(20) << qint64(20);
    QTest::newRow("across two boundaries") << C - 1 << C + 2 << C + 2;
    QTest::newRow("whole chunk unaligned") << 2 * C - 3 << C << C;
    QTest::newRow("last small byte") << R - 1 << qint64(1) << qint64(1);
    QTest::newRow("first large byte") << R << qint64(1) << qint64(1);
    QTest::newRow("small into large") << R - 10 << qint64(20) << qint64(20);
    QTest::newRow("small chunk into two large") << R - C - 5 << C + L + 10 << C + L + 10;
    QTest::newRow("across large chunks") << R + L - 3 << qint64(6) << qint64(6);
    QTest::newRow("whole large chunk unaligned") << R + 7 << L << L;
    QTest::newRow("at the end") << size - 5 << qint64(5) << qint64(5);
    QTest::newRow("over the end") << size - 5 << qint64(100) << qint64(5);
    QTest::newRow("huge length") << qint64(1) << std::numeric_limits<qint64>::max() << size - 1;
    QTest::newRow("at size") << size << qint64(10) << qint64(0);
    QTest::newRow("past the end") << size + 1000 << qint64(10) << qint64(0);
    QTest::newRow("negative offset") << qint64(-1) << qint64(10) << qint64(0);
    QTest::newRow("very negative offset") << std::numeric_limits<qint64>::min() << qint64(10) << qint64(0);
    QTest::newRow("zero length") << qint64(5) << qint64(0) << qint64(0);
    QTest::newRow("negative length") << qint64(5) << qint64(-3) << qint64(0);
}

void TestByteStore::read()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, len);
    QFETCH(qint64, expectedLen);

    ByteStore store;
    QVERIFY(writePattern(store, StoreSize));
    const QByteArray got = store.read(offset, len);
    QCOMPARE(got.size(), expectedLen);
    if (expectedLen > 0)
        QCOMPARE(got, pattern(offset, expectedLen));
}

void TestByteStore::segmentIndexAt_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qsizetype>("index");

    // Segments as written below: [0,5) [5,5) [5,8) [8,8) [8,8) [8,70008) [70008,70010), then 4
    // bytes in a segment not yet ended.
    QTest::newRow("negative") << qint64(-1) << qsizetype(-1);
    QTest::newRow("first byte") << qint64(0) << qsizetype(0);
    QTest::newRow("end of first") << qint64(4) << qsizetype(0);
    QTest::newRow("after an empty one") << qint64(5) << qsizetype(2);
    QTest::newRow("end of third") << qint64(7) << qsizetype(2);
    QTest::newRow("after two empty ones") << qint64(8) << qsizetype(5);
    QTest::newRow("across a chunk") << qint64(ByteStore::SmallChunkSize) << qsizetype(5);
    QTest::newRow("end of a long one") << qint64(70007) << qsizetype(5);
    QTest::newRow("last segment") << qint64(70008) << qsizetype(6);
    QTest::newRow("end of last segment") << qint64(70009) << qsizetype(6);
    QTest::newRow("not yet ended") << qint64(70010) << qsizetype(-1);
    QTest::newRow("at size") << qint64(70014) << qsizetype(-1);
    QTest::newRow("far past") << std::numeric_limits<qint64>::max() << qsizetype(-1);
}

void TestByteStore::segmentIndexAt()
{
    QFETCH(qint64, offset);
    QFETCH(qsizetype, index);

    ByteStore store;
    QCOMPARE(store.segmentIndexAt(offset), qsizetype(-1));
    for (const qint64 length : {5, 0, 3, 0, 0, 70000, 2}) {
        QVERIFY(writePattern(store, length));
        store.endSegment(0);
    }
    QVERIFY(writePattern(store, 4));
    QCOMPARE(store.segmentIndexAt(offset), index);
}

void TestByteStore::chunkAccounting()
{
    constexpr qint64 C = ByteStore::SmallChunkSize;
    ByteStore store;
    const std::span<char> first = store.writableSpan(10 * C);
    QCOMPARE(qint64(first.size()), C);
    QCOMPARE(store.writableSpan(10 * C).data(), first.data());

    QVERIFY(store.commit(100));
    const std::span<char> rest = store.writableSpan(10 * C);
    QCOMPARE(rest.data(), first.data() + 100);
    QCOMPARE(qint64(rest.size()), C - 100);
    QCOMPARE(qint64(store.writableSpan(0).size()), 1);

    QVERIFY(store.commit(C - 100));
    QCOMPARE(store.size(), C);
    const std::span<char> second = store.writableSpan(10 * C);
    QCOMPARE(qint64(second.size()), C);
    QVERIFY(second.data() < first.data() || second.data() >= first.data() + C);

    // A commit larger than the span handed out must not reach into memory that is not there.
    QVERIFY(store.commit(5 * C));
    QCOMPARE(store.size(), 2 * C);
}

void TestByteStore::largeChunksPastTheSmallRegion()
{
    // Past the first SmallRegionSize bytes, spans come from chunks of LargeChunkSize aligned to
    // that size: an unaligned one could never be backed by a huge page.
    constexpr qint64 R = ByteStore::SmallRegionSize;
    constexpr qint64 L = ByteStore::LargeChunkSize;
    ByteStore store;
    QVERIFY(writePattern(store, R - 3));
    QCOMPARE(qint64(store.writableSpan(L).size()), 3);
    QVERIFY(store.commit(3));
    const std::span<char> large = store.writableSpan(10 * L);
    QCOMPARE(qint64(large.size()), L);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(large.data()) % std::uintptr_t(L), std::uintptr_t(0));
    QVERIFY(store.commit(L - 1));
    QCOMPARE(qint64(store.writableSpan(L).size()), 1);
    QVERIFY(store.commit(1));
    const std::span<char> next = store.writableSpan(1);
    QCOMPARE(qint64(next.size()), 1);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(next.data()) % std::uintptr_t(L), std::uintptr_t(0));
    QCOMPARE(store.size(), R + L);
}

void TestByteStore::poolPreparesChunksOnlyWhileTaken()
{
    LargeChunkPool &pool = LargeChunkPool::instance();
    // Nobody took a chunk for a while: the pool holds nothing.
    QTRY_COMPARE_WITH_TIMEOUT(pool.prepared(), 0, 5000);
    char *first = pool.take();
    QVERIFY(first);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(first) % std::uintptr_t(LargeChunkPool::ChunkSize), std::uintptr_t(0));
    // Its thread prepares the next ones, and they are whole, aligned and writable.
    QTRY_VERIFY_WITH_TIMEOUT(pool.prepared() > 0, 5000);
    char *second = pool.take();
    QVERIFY(second && second != first);
    QCOMPARE(reinterpret_cast<std::uintptr_t>(second) % std::uintptr_t(LargeChunkPool::ChunkSize), std::uintptr_t(0));
    std::memset(first, 1, size_t(LargeChunkPool::ChunkSize));
    std::memset(second, 2, size_t(LargeChunkPool::ChunkSize));
    QCOMPARE(first[LargeChunkPool::ChunkSize - 1], char(1));
    LargeChunkPool::release(first);
    LargeChunkPool::release(second);
    // A second without a taker and what it holds is given back.
    QTRY_COMPARE_WITH_TIMEOUT(pool.prepared(), 0, 5000);
}

void TestByteStore::chunksNeverMove()
{
    // A store that reallocated as it grew would copy a large reply again and again; here the
    // first chunk's memory must still hold its bytes after many more chunks, small and large.
    constexpr qint64 C = ByteStore::SmallChunkSize;
    ByteStore store;
    const std::span<char> first = store.writableSpan(C);
    QVERIFY(writePattern(store, C));
    QVERIFY(writePattern(store, ByteStore::SmallRegionSize + 3 * ByteStore::LargeChunkSize + 1));
    QVERIFY(std::memcmp(first.data(), pattern(0, C).constData(), first.size()) == 0);
    QCOMPARE(store.read(0, C), pattern(0, C));
}

void TestByteStore::largeAppend()
{
    // 256 MiB in recv()-sized steps that straddle chunk boundaries; each step is filled with its
    // own number so the content can be checked without a second copy of it.
    constexpr qint64 Total = qint64(256) << 20;
    constexpr qint64 Step = 4000;
    ByteStore store;
    for (qint64 at = 0; at < Total; at += Step) {
        const qint64 n = qMin(Step, Total - at);
        qint64 done = 0;
        while (done < n) {
            const std::span<char> room = store.writableSpan(n - done);
            std::memset(room.data(), char(at / Step), room.size());
            QVERIFY(store.commit(qint64(room.size())));
            done += qint64(room.size());
        }
        store.endSegment(at);
    }
    QCOMPARE(store.size(), Total);
    QCOMPARE(store.segments().size(), (Total + Step - 1) / Step);
    for (qint64 at = ByteStore::SmallChunkSize - 2; at < Total; at += 97 * ByteStore::SmallChunkSize + 1) {
        const QByteArray got = store.read(at, 4);
        QCOMPARE(got.size(), 4);
        for (qint64 i = 0; i < 4; ++i)
            QCOMPARE(got.at(i), char((at + i) / Step));
    }
    const qsizetype last = store.segmentIndexAt(Total - 1);
    QCOMPARE(last, store.segments().size() - 1);
}

void TestByteStore::clearStartsOver()
{
    ByteStore store;
    QVERIFY(writePattern(store, 100000));
    store.endSegment(1);
    store.clear();
    QCOMPARE(store.size(), 0);
    QVERIFY(store.segments().isEmpty());
    QCOMPARE(store.read(0, 10), QByteArray());
    QCOMPARE(store.segmentIndexAt(0), qsizetype(-1));
    QVERIFY(writePattern(store, 10));
    store.endSegment(2);
    QCOMPARE(store.toByteArray(), pattern(0, 10));
    QCOMPARE(store.segments(), (QList<Segment>{{0, 10, 2}}));
}

void TestByteStore::readersSeeAPrefix()
{
    constexpr qint64 Total = 8 << 20;
    ByteStore store;
    std::atomic<bool> writerDone{false};
    QList<Segment> written;

    std::thread writer([&] {
        std::mt19937 random(1);
        qint64 at = 0;
        while (at < Total) {
            const qint64 n = qMin<qint64>(random() % 70000, Total - at);
            if (random() % 2) {
                const QByteArray chunk = pattern(at, n);
                store.append(chunk.constData(), n, at);
            } else {
                writePattern(store, n);
                store.endSegment(at);
            }
            written.append(Segment{at, n, at});
            at += n;
        }
        writerDone = true;
    });

    // QTest may only fail from the test's own thread: readers count what they saw go wrong.
    std::atomic<int> wrongBytes{0};
    std::atomic<int> wrongSizes{0};
    std::atomic<int> wrongSegments{0};
    auto reader = [&](unsigned seed) {
        std::mt19937 random(seed);
        qint64 previousSize = 0;
        do {
            const QList<Segment> segments = store.segments();
            const qint64 size = store.size();
            if (size < previousSize || size > Total)
                ++wrongSizes;
            previousSize = size;
            qint64 next = 0;
            for (const Segment &s : segments) {
                if (s.offset != next || s.length < 0)
                    ++wrongSegments;
                next = s.offset + s.length;
            }
            if (next > size)
                ++wrongSegments;
            const qint64 offset = size > 0 ? qint64(random() % quint64(size)) : 0;
            const QByteArray got = store.read(offset, 100000);
            // The store may have grown since size() was read, never shrunk.
            if (got.size() < qMin<qint64>(100000, size - offset) || got.size() > 100000
                || offset + got.size() > Total)
                ++wrongSizes;
            if (got != pattern(offset, got.size()))
                ++wrongBytes;
        } while (!writerDone);
    };
    std::thread reader1(reader, 2u);
    std::thread reader2(reader, 3u);
    writer.join();
    reader1.join();
    reader2.join();

    QCOMPARE(wrongSizes.load(), 0);
    QCOMPARE(wrongSegments.load(), 0);
    QCOMPARE(wrongBytes.load(), 0);
    QCOMPARE(store.size(), Total);
    QCOMPARE(store.segments(), written);
    QVERIFY(store.toByteArray() == pattern(0, Total));
}

namespace {

std::atomic<int> g_signalsHandled{0};

void countSignal(int)
{
    ++g_signalsHandled;
}

char threadState(pid_t tid)
{
    QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
    if (!stat.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = stat.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    return paren >= 0 && paren + 2 < line.size() ? line.at(paren + 2) : '?';
}

} // namespace

// The ByteSink contract for a FileSink opening files the given way, each test's sink a new file of
// one temporary folder.
class FileSinkSuite : public ByteSinkSuite
{
protected:
    explicit FileSinkSuite(TmpFileMode mode) : m_mode(mode) {}

    std::unique_ptr<ByteSink> createSink() override
    {
        auto sink = std::make_unique<FileSink>(m_mode);
        m_path = m_dir.filePath(QStringLiteral("sink-%1").arg(++m_files));
        if (!sink->open(m_path))
            qFatal("cannot open %s", qPrintable(m_path));
        return sink;
    }
    // Read as the window reads a reply that streams: the file has its name only once closed.
    QByteArray keptBytes(ByteSink &sink) override
    {
        QFile file;
        const int fd = static_cast<FileSink &>(sink).openForReading();
        return fd >= 0 && file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle) ? file.readAll()
                                                                                           : QByteArray("unreadable");
    }

    const TmpFileMode m_mode;
    QTemporaryDir m_dir;
    QString m_path;
    int m_files = 0;
};

class TestFileSink : public FileSinkSuite
{
    Q_OBJECT

public:
    TestFileSink() : FileSinkSuite(TmpFileMode::WhereSupported) {}

private slots:
    void initTestCase();
    void createsAndTruncates();
    void noNameUntilClosed();
    void readWhileGrowing();
    void replacesKeepingMode();
    void replacesLinkedFile();
    void fullDiskKeepsEarlierFile();
    void discardKeepsEarlierFile();
    void descriptorIsPrivate();
    void oneBuffer();
    void devNull();
    void devFull();
    void openFailure();
    void commitWhenNotOpen();
    void reopenStartsOver();
    void attachLeavesDescriptorOpen();
    void attachInvalid();
    void interruptedWrites();
    void sizeIsReadWhileWriting();
};

void TestFileSink::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFileSink::createsAndTruncates()
{
    const QString path = m_dir.filePath(QStringLiteral("truncated"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(1000, 'o'));
    }
    FileSink sink;
    QVERIFY(sink.open(path));
    QVERIFY(sink.append("new", 3, 0));
    // The earlier file stays whole until the new one takes its place.
    QCOMPARE(QFileInfo(path).size(), 1000);
    QVERIFY(sink.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("new"));

    const QString created = m_dir.filePath(QStringLiteral("created"));
    const mode_t mask = ::umask(0);
    ::umask(mask);
    QVERIFY(sink.open(created));
    QVERIFY(sink.close());
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(created).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0644 & ~mask);
}

// Killed while it writes, SocketLab leaves nothing under the name: the file has none until closed.
void TestFileSink::noNameUntilClosed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    FileSink sink;
    QVERIFY(sink.open(path));
    QVERIFY(writePattern(sink, 300 * 1024));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot), QStringList());
    QVERIFY(sink.close());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("reply.bin")});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), pattern(0, 300 * 1024));
}

// The window's reply panel reads the file as it grows, and the named file once the exchange ends.
void TestFileSink::readWhileGrowing()
{
    const QString path = m_dir.filePath(QStringLiteral("growing"));
    FileSink sink;
    QVERIFY(sink.open(path));
    const int fd = sink.openForReading();
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    QVERIFY(::fcntl(fd, F_GETFD) & FD_CLOEXEC);
    char buffer[8] = {};
    QVERIFY(sink.append("abc", 3, 0));
    QCOMPARE(::pread(fd, buffer, sizeof buffer, 0), ssize_t(3));
    QCOMPARE(QByteArray(buffer, 3), QByteArray("abc"));
    QVERIFY(sink.append("de", 2, 1));
    QVERIFY(sink.close());
    QCOMPARE(::pread(fd, buffer, sizeof buffer, 0), ssize_t(5));
    QCOMPARE(QByteArray(buffer, 5), QByteArray("abcde"));
    QCOMPARE(::write(fd, "x", 1), ssize_t(-1));

    // What is written directly is read the same way.
    QVERIFY(sink.open(QStringLiteral("/dev/null")));
    const int nullFd = sink.openForReading();
    QVERIFY(nullFd >= 0);
    QCOMPARE(::read(nullFd, buffer, sizeof buffer), ssize_t(0));
    ::close(nullFd);
    QVERIFY(sink.close());
    QCOMPARE(sink.openForReading(), -1);
    QCOMPARE(errno, EBADF);
}

void TestFileSink::replacesKeepingMode()
{
    const QString path = m_dir.filePath(QStringLiteral("private-mode"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    FileSink sink;
    QVERIFY(sink.open(path));
    QVERIFY(sink.append("new", 3, 0));
    QVERIFY(sink.close());
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("new"));
}

// A link to a file: the file it points to gets the bytes, the link stays a link.
void TestFileSink::replacesLinkedFile()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("target"));
    const QString link = dir.filePath(QStringLiteral("link"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    QVERIFY(QFile::link(target, link));
    FileSink sink;
    QVERIFY(sink.open(link));
    QVERIFY(sink.append("linked", 6, 0));
    QVERIFY(sink.close());
    QVERIFY(QFileInfo(link).isSymLink());
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("linked"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             (QStringList{QStringLiteral("link"), QStringLiteral("target")}));
}

// A disk with 1 MiB free (a tmpfs of that size, mounted in a mount namespace of this thread's own,
// so nothing shows outside the test): streaming 2 MiB fails with ENOSPC, the file there before is as
// it was, and nothing else is left.
void TestFileSink::fullDiskKeepsEarlierFile()
{
    const SmallTmpfs dir;
    if (!dir.whyNot().isEmpty())
        QSKIP(qPrintable(dir.whyNot()));

    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    const QByteArray before("a reply streamed earlier\n");
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write(before), before.size());
    }
    FileSink sink;
    QVERIFY(sink.open(path));
    QVERIFY(!writePattern(sink, 2 * 1024 * 1024));
    QCOMPARE(sink.lastErrno(), ENOSPC);
    QCOMPARE(sink.lastCall(), QStringLiteral("write"));
    QVERIFY(!sink.close());
    QCOMPARE(sink.lastErrno(), ENOSPC);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("reply.bin")});
}

void TestFileSink::discardKeepsEarlierFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier");
    }
    FileSink sink;
    QVERIFY(sink.open(path));
    QVERIFY(sink.append("new", 3, 0));
    sink.discard();
    QVERIFY(sink.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("earlier"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("reply.bin")});
}

void TestFileSink::descriptorIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("private"));
    {
        FileSink sink;
        QVERIFY(sink.open(path));
        const QList<qint64> fds = openDescriptorsIn(dir.path());
        QCOMPARE(fds.size(), 1);
        // A child process (a peer started by a test, a browser opened by the GUI) must not inherit it.
        QVERIFY(::fcntl(int(fds.first()), F_GETFD) & FD_CLOEXEC);
    }
    QVERIFY(openDescriptorsIn(dir.path()).isEmpty());
}

void TestFileSink::oneBuffer()
{
    FileSink sink;
    QVERIFY(sink.open(QStringLiteral("/dev/null")));
    const std::span<char> small = sink.writableSpan(1);
    const std::span<char> large = sink.writableSpan(qint64(1) << 30);
    QCOMPARE(large.data(), small.data());
    QCOMPARE(large.size(), size_t(256 * 1024));
    QVERIFY(sink.commit(qint64(large.size())));
    QCOMPARE(sink.writableSpan(10).data(), small.data());
}

void TestFileSink::devNull()
{
    FileSink sink;
    QVERIFY(sink.open(QStringLiteral("/dev/null")));
    QVERIFY(writePattern(sink, 1 << 20));
    sink.endSegment(1);
    sink.endSegment(2);
    QCOMPARE(sink.size(), 1 << 20);
    QCOMPARE(sink.segments(), (QList<Segment>{{0, 1 << 20, 1}, {1 << 20, 0, 2}}));
    QVERIFY(sink.close());
    QCOMPARE(sink.lastErrno(), 0);
}

void TestFileSink::devFull()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    FileSink sink;
    QVERIFY(sink.open(QStringLiteral("/dev/full")));
    QVERIFY(!sink.append("abc", 3, 0));
    QCOMPARE(sink.lastErrno(), ENOSPC);
    QCOMPARE(sink.size(), 0);
    QVERIFY(!sink.commit(qint64(sink.writableSpan(1).size())));
    QCOMPARE(sink.lastErrno(), ENOSPC);
    QVERIFY(!sink.close());
    QCOMPARE(sink.lastErrno(), ENOSPC);
}

void TestFileSink::openFailure()
{
    FileSink sink;
    QVERIFY(!sink.open(m_dir.filePath(QStringLiteral("missing/file"))));
    QCOMPARE(sink.lastErrno(), ENOENT);
    QVERIFY(!sink.commit(qint64(sink.writableSpan(1).size())));
}

void TestFileSink::commitWhenNotOpen()
{
    FileSink sink;
    std::memset(sink.writableSpan(4).data(), 'x', 4);
    QVERIFY(!sink.commit(4));
    QCOMPARE(sink.lastErrno(), EBADF);
    QCOMPARE(sink.size(), 0);
}

void TestFileSink::reopenStartsOver()
{
    const QString first = m_dir.filePath(QStringLiteral("first"));
    const QString second = m_dir.filePath(QStringLiteral("second"));
    FileSink sink;
    QVERIFY(sink.open(QStringLiteral("/dev/full")));
    QVERIFY(!sink.append("abc", 3, 0));
    QVERIFY(sink.open(first));
    QCOMPARE(sink.lastErrno(), 0);
    QVERIFY(sink.append("abc", 3, 0));
    QVERIFY(sink.open(second));
    QVERIFY(openDescriptorsFor(first).isEmpty());
    QCOMPARE(sink.size(), 0);
    QVERIFY(sink.segments().isEmpty());
    QVERIFY(sink.append("de", 2, 0));
    QCOMPARE(sink.segments(), (QList<Segment>{{0, 2, 0}}));
    QCOMPARE(QFileInfo(first).size(), 3);
    QVERIFY(sink.close());
    QCOMPARE(QFileInfo(second).size(), 2);
}

void TestFileSink::attachLeavesDescriptorOpen()
{
    const QString path = m_dir.filePath(QStringLiteral("attached"));
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    {
        FileSink sink;
        QVERIFY(sink.attach(fd));
        QVERIFY(sink.append("abc", 3, 1));
        QCOMPARE(sink.segments(), (QList<Segment>{{0, 3, 1}}));
        QVERIFY(sink.close());
        QVERIFY(::fcntl(fd, F_GETFD) != -1);
        QVERIFY(sink.attach(fd));
        QVERIFY(sink.append("de", 2, 2));
        QCOMPARE(sink.size(), 2);
    }
    QVERIFY(::fcntl(fd, F_GETFD) != -1);
    QCOMPARE(::write(fd, "f", 1), ssize_t(1));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("abcdef"));
}

void TestFileSink::attachInvalid()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("after-attach"));
    {
        FileSink sink;
        QVERIFY(!sink.attach(-1));
        QCOMPARE(sink.lastErrno(), EBADF);
        QVERIFY(!sink.commit(qint64(sink.writableSpan(1).size())));
        // A sink that never owned a descriptor still owns the one it opens next.
        QVERIFY(sink.open(path));
        QCOMPARE(sink.lastErrno(), 0);
        QCOMPARE(openDescriptorsIn(dir.path()).size(), 1);
    }
    QVERIFY(openDescriptorsIn(dir.path()).isEmpty());
}

void TestFileSink::interruptedWrites()
{
    // A FIFO that nobody drains makes write() block once the pipe is full; a signal without
    // SA_RESTART then makes it return early, first with a short count, then with EINTR.
    const QString path = m_dir.filePath(QStringLiteral("fifo"));
    const QByteArray name = QFile::encodeName(path);
    QCOMPARE(::mkfifo(name.constData(), 0600), 0);
    const int readFd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(readFd >= 0);
    const auto closeRead = qScopeGuard([readFd] { ::close(readFd); });
    FileSink sink;
    QVERIFY(sink.open(path));
    const qint64 capacity = ::fcntl(readFd, F_GETPIPE_SZ);
    const qint64 n = qMin<qint64>(4 * capacity, 256 * 1024);
    if (n <= capacity)
        QSKIP("the pipe holds a whole buffer");

    struct sigaction action = {};
    action.sa_handler = countSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    struct sigaction previous = {};
    QCOMPARE(::sigaction(SIGUSR1, &action, &previous), 0);
    g_signalsHandled = 0;

    const std::span<char> room = sink.writableSpan(n);
    QCOMPARE(qint64(room.size()), n);
    const QByteArray expected = pattern(0, n);
    std::memcpy(room.data(), expected.constData(), size_t(n));

    std::atomic<pid_t> writerTid{0};
    std::atomic<bool> committed{false};
    std::atomic<bool> commitResult{false};
    std::thread writer([&] {
        writerTid = ::gettid();
        commitResult = sink.commit(n);
        committed = true;
    });
    QByteArray received;
    auto drain = [&] {
        for (;;) {
            pollfd p{readFd, POLLIN, 0};
            const int ready = ::poll(&p, 1, 100);
            if (ready > 0) {
                char buffer[16384];
                const ssize_t got = ::read(readFd, buffer, sizeof buffer);
                if (got > 0) {
                    received.append(buffer, got);
                    continue;
                }
            }
            if (committed)
                break;
        }
    };
    // Whatever happens below, the writer is unblocked and joined before the test returns.
    const auto finish = qScopeGuard([&] {
        drain();
        writer.join();
        ::sigaction(SIGUSR1, &previous, nullptr);
    });

    auto queued = [readFd] {
        int bytes = 0;
        return ::ioctl(readFd, FIONREAD, &bytes) == 0 ? bytes : -1;
    };
    // Blocked again in write() ('S'), or gave up: commit() must not return with bytes unwritten.
    auto blockedOrDone = [&] { return committed || (writerTid != 0 && threadState(writerTid) == 'S'); };
    QTRY_COMPARE_WITH_TIMEOUT(qint64(queued()), capacity, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(blockedOrDone(), 10000);
    QCOMPARE(::pthread_kill(writer.native_handle(), SIGUSR1), 0);
    QTRY_COMPARE_WITH_TIMEOUT(g_signalsHandled.load(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(blockedOrDone(), 10000);
    QVERIFY2(!committed, "commit() returned after a short write");
    QCOMPARE(::pthread_kill(writer.native_handle(), SIGUSR1), 0);
    QTRY_COMPARE_WITH_TIMEOUT(g_signalsHandled.load(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(blockedOrDone(), 10000);
    QVERIFY2(!committed, "commit() returned on EINTR");

    drain();
    QVERIFY(commitResult);
    QCOMPARE(received.size(), n);
    QVERIFY(received == expected);
    QCOMPARE(sink.size(), n);
}

void TestFileSink::sizeIsReadWhileWriting()
{
    // The window's progress timer reads size() on the GUI thread while the exchange's worker
    // writes: under ThreadSanitizer a plain counter there is a reported data race.
    constexpr int Commits = 2000;
    constexpr qint64 Each = 100;
    FileSink sink;
    QVERIFY(sink.open(QStringLiteral("/dev/null")));
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (int i = 0; i < Commits; ++i) {
            std::memset(sink.writableSpan(Each).data(), 'x', size_t(Each));
            sink.commit(Each);
            if (i % 10 == 9)
                sink.endSegment(0);
        }
        done = true;
    });
    qint64 last = 0;
    bool monotonic = true;
    while (!done) {
        const qint64 now = sink.size();
        monotonic = monotonic && now >= last && now % Each == 0;
        last = now;
    }
    writer.join();
    QVERIFY(monotonic);
    QCOMPARE(sink.size(), Commits * Each);
    QCOMPARE(sink.segments().size(), Commits / 10);
}

// The same contract and the same promises where the file system has no O_TMPFILE: the bytes go to a
// hidden file beside the target, renamed over it at close().
class TestFileSinkFallback : public FileSinkSuite
{
    Q_OBJECT

public:
    TestFileSinkFallback() : FileSinkSuite(TmpFileMode::Never) {}

private slots:
    void initTestCase();
    void namesTheCompleteFileAndNothingElse();
    void newFileAndNothingElse();
    void killedMidWayKeepsEarlierFile_data();
    void killedMidWayKeepsEarlierFile();
    void fullDiskKeepsEarlierFile();
    void discardLeavesNothing();
};

namespace {

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("unreadable");
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

void TestFileSinkFallback::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

// While it writes, the earlier file is whole under its name and the new bytes are in one hidden file
// beside it (the fallback really ran: O_TMPFILE would list nothing); once closed, the wanted name has
// every byte and nothing else is left.
void TestFileSinkFallback::namesTheCompleteFileAndNothingElse()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    writeFile(path, "the reply streamed before");
    FileSink sink(TmpFileMode::Never);
    QVERIFY(sink.open(path));
    QVERIFY(writePattern(sink, 700 * 1024 + 3));
    const QStringList midWay = entriesOf(dir.path());
    QCOMPARE(midWay.size(), 2);
    QCOMPARE(midWay.at(1), QStringLiteral("reply.bin"));
    QVERIFY2(midWay.at(0).startsWith(QStringLiteral(".reply.bin.socketlab-")), qPrintable(midWay.at(0)));
    QCOMPARE(contentsOf(path), QByteArray("the reply streamed before"));
    QVERIFY(sink.close());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("reply.bin")});
    QCOMPARE(contentsOf(path), pattern(0, 700 * 1024 + 3));
}

void TestFileSinkFallback::newFileAndNothingElse()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.bin"));
    FileSink sink(TmpFileMode::Never);
    QVERIFY(sink.open(path));
    QVERIFY(writePattern(sink, 1000));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(sink.close());
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("new.bin")});
    QCOMPARE(contentsOf(path), pattern(0, 1000));
}

void TestFileSinkFallback::killedMidWayKeepsEarlierFile_data()
{
    QTest::addColumn<TmpFileMode>("mode");
    QTest::newRow("O_TMPFILE") << TmpFileMode::WhereSupported;
    QTest::newRow("hidden name") << TmpFileMode::Never;
}

// SocketLab killed while it streams (a child process here, stopped after 300 KiB): the wanted name
// still holds the earlier file, never half the new one. With O_TMPFILE nothing else is on disk; in the
// fallback the hidden file it was writing is left beside it, as QSaveFile's would be.
void TestFileSinkFallback::killedMidWayKeepsEarlierFile()
{
    QFETCH(TmpFileMode, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    writeFile(path, "earlier");
    int ready[2];
    QCOMPARE(::pipe(ready), 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(ready[0]);
        FileSink sink(mode);
        const char done = sink.open(path) && writePattern(sink, 300 * 1024) ? 'w' : 'f';
        if (::write(ready[1], &done, 1) != 1)
            ::_exit(3);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char byte = 0;
    const ssize_t got = ::read(ready[0], &byte, 1);
    ::close(ready[0]);
    ::kill(child, SIGKILL);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QCOMPARE(got, ssize_t(1));
    QCOMPARE(byte, 'w');
    QVERIFY(WIFSIGNALED(status));
    QCOMPARE(contentsOf(path), QByteArray("earlier"));
    QStringList left = entriesOf(dir.path());
    left.removeOne(QStringLiteral("reply.bin"));
    if (mode == TmpFileMode::WhereSupported) {
        QCOMPARE(left, QStringList());
    } else {
        QCOMPARE(left.size(), 1);
        QVERIFY2(left.first().startsWith(QStringLiteral(".reply.bin.socketlab-")), qPrintable(left.first()));
    }
}

// A disk with 1 MiB free: streaming 2 MiB fails with ENOSPC on write(), the earlier file is as it
// was, and the hidden file is gone.
void TestFileSinkFallback::fullDiskKeepsEarlierFile()
{
    const SmallTmpfs dir;
    if (!dir.whyNot().isEmpty())
        QSKIP(qPrintable(dir.whyNot()));

    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    writeFile(path, "a reply streamed earlier\n");
    FileSink sink(TmpFileMode::Never);
    QVERIFY(sink.open(path));
    QCOMPARE(entriesOf(dir.path()).size(), 2);
    QVERIFY(!writePattern(sink, 2 * 1024 * 1024));
    QCOMPARE(sink.lastErrno(), ENOSPC);
    QCOMPARE(sink.lastCall(), QStringLiteral("write"));
    QVERIFY(!sink.close());
    QCOMPARE(sink.lastErrno(), ENOSPC);
    QCOMPARE(contentsOf(path), QByteArray("a reply streamed earlier\n"));
    QCOMPARE(entriesOf(dir.path()), QStringList{QStringLiteral("reply.bin")});
}

void TestFileSinkFallback::discardLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    FileSink sink(TmpFileMode::Never);
    QVERIFY(sink.open(path));
    QVERIFY(writePattern(sink, 1000));
    sink.discard();
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestByteStore storeTest;
    TestFileSink fileTest;
    TestFileSinkFallback fallbackTest;
    int status = QTest::qExec(&storeTest, argc, argv);
    status |= QTest::qExec(&fileTest, argc, argv);
    status |= QTest::qExec(&fallbackTest, argc, argv);
    return status;
}

#include "tst_bytesink.moc"
