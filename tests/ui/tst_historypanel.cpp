#include "history/historypanel.h"

#include "bytes/bytestore.h"

#include <QDir>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SocketLab;

namespace {

QByteArray bytesOf(int seed, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + seed * 13) & 0xff);
    return bytes;
}

std::shared_ptr<const ExchangeRecord> recordWith(int seed, qint64 size)
{
    auto store = std::make_shared<ByteStore>();
    const QByteArray bytes = bytesOf(seed, size);
    store->append(bytes.constData(), bytes.size(), 1000 + seed);
    auto record = std::make_shared<ExchangeRecord>();
    record->settings.host = QStringLiteral("127.0.0.1");
    record->settings.service = QString::number(8000 + seed);
    record->request = "GET /" + QByteArray::number(seed) + " HTTP/1.0\r\n\r\n";
    record->reply = store;
    record->segments = store->segments();
    record->result.receivedBytes = size;
    return record;
}

bool inMemory(const std::shared_ptr<const ExchangeRecord> &record)
{
    return dynamic_cast<const ByteStore *>(record->reply.get()) != nullptr;
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void oldestRepliesLeaveMemoryFirst();
    void newestNeverLeaves();
    void lowerBudgetMovesAtOnce();
    void pickedAfterMoveShowsTheSameBytes();
    void failedMoveKeepsTheReply();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistoryPanel::oldestRepliesLeaveMemoryFirst()
{
    HistoryPanel panel;
    panel.setSpillDirectory(m_dir->path());
    panel.setMemoryBudget(1000);
    QSignalSpy finished(&panel, &HistoryPanel::movesFinished);

    panel.add(recordWith(1, 600));
    QCOMPARE(panel.movesPending(), 0);
    QCOMPARE(panel.bytesInMemory(), 600);

    // 1200 bytes over a 1000-byte budget: the older reply goes.
    panel.add(recordWith(2, 600));
    QCOMPARE(panel.movesPending(), 1);
    QVERIFY(finished.wait(5000));
    QCOMPARE(panel.movesPending(), 0);
    QVERIFY(inMemory(panel.record(0)));
    QVERIFY(!inMemory(panel.record(1)));
    QCOMPARE(panel.bytesInMemory(), 600);

    // Replies under the budget together stay: 600 + 300 fits.
    panel.add(recordWith(3, 300));
    QCOMPARE(panel.movesPending(), 0);
    QCOMPARE(panel.bytesInMemory(), 900);

    panel.add(recordWith(4, 500));
    QVERIFY(finished.wait(5000));
    QCOMPARE(panel.bytesInMemory(), 800);
    QVERIFY(inMemory(panel.record(0)) && inMemory(panel.record(1)));
    QVERIFY(!inMemory(panel.record(2)) && !inMemory(panel.record(3)));

    // Each record keeps everything else, and its bytes are the same wherever they live.
    const int seeds[] = {4, 3, 2, 1};
    const qint64 sizes[] = {500, 300, 600, 600};
    for (int row = 0; row < 4; ++row) {
        const std::shared_ptr<const ExchangeRecord> record = panel.record(row);
        QCOMPARE(record->reply->size(), sizes[row]);
        QCOMPARE(record->reply->read(0, sizes[row]), bytesOf(seeds[row], sizes[row]));
        QCOMPARE(record->segments.size(), 1);
        QCOMPARE(record->segments.first().timeUs, qint64(1000 + seeds[row]));
        QCOMPARE(record->request, "GET /" + QByteArray::number(seeds[row]) + " HTTP/1.0\r\n\r\n");
        QCOMPARE(record->result.receivedBytes, sizes[row]);
    }
    QVERIFY(panel.list()->item(3)->toolTip().contains(QStringLiteral("temporary file")));
    QVERIFY(panel.list()->item(0)->toolTip().isEmpty());
    // The files have no name: nothing is left in the folder, even if the program were killed now.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestHistoryPanel::newestNeverLeaves()
{
    HistoryPanel panel;
    panel.setSpillDirectory(m_dir->path());
    panel.setMemoryBudget(0);
    panel.add(recordWith(1, 600));
    QCOMPARE(panel.movesPending(), 0);
    QVERIFY(inMemory(panel.record(0)));
}

void TestHistoryPanel::lowerBudgetMovesAtOnce()
{
    HistoryPanel panel;
    panel.setSpillDirectory(m_dir->path());
    QSignalSpy finished(&panel, &HistoryPanel::movesFinished);
    for (int seed = 1; seed <= 3; ++seed)
        panel.add(recordWith(seed, 400));
    QCOMPARE(panel.movesPending(), 0);
    QCOMPARE(panel.bytesInMemory(), 1200);

    panel.setMemoryBudget(500);
    QCOMPARE(panel.movesPending(), 2);
    QVERIFY(finished.wait(5000));
    QCOMPARE(panel.bytesInMemory(), 400);
    QVERIFY(inMemory(panel.record(0)));
}

void TestHistoryPanel::pickedAfterMoveShowsTheSameBytes()
{
    HistoryPanel panel;
    panel.setSpillDirectory(m_dir->path());
    panel.setMemoryBudget(100);
    QSignalSpy finished(&panel, &HistoryPanel::movesFinished);
    QSignalSpy chosen(&panel, &HistoryPanel::recordChosen);
    panel.add(recordWith(1, 3 * ByteStore::SmallRegionSize));
    panel.add(recordWith(2, 10));
    QVERIFY(finished.wait(10000));

    panel.list()->setCurrentRow(1);
    QCOMPARE(chosen.size(), 1);
    const auto record = chosen.first().first().value<std::shared_ptr<const ExchangeRecord>>();
    QVERIFY(!inMemory(record));
    QCOMPARE(record->reply->size(), 3 * ByteStore::SmallRegionSize);
    QCOMPARE(record->reply->read(ByteStore::SmallRegionSize - 5, 10),
             bytesOf(1, 3 * ByteStore::SmallRegionSize).mid(ByteStore::SmallRegionSize - 5, 10));
}

void TestHistoryPanel::failedMoveKeepsTheReply()
{
    HistoryPanel panel;
    panel.setSpillDirectory(m_dir->filePath(QStringLiteral("no such folder")));
    panel.setMemoryBudget(100);
    QSignalSpy finished(&panel, &HistoryPanel::movesFinished);
    panel.add(recordWith(1, 600));
    panel.add(recordWith(2, 600));
    QVERIFY(finished.wait(5000));
    QVERIFY(inMemory(panel.record(1)));
    QCOMPARE(panel.record(1)->reply->read(0, 600), bytesOf(1, 600));
    QVERIFY(panel.list()->item(1)->toolTip().contains(QStringLiteral("could not be moved")));

    // A reply that could not move is not tried again at each new exchange: only the second goes.
    panel.add(recordWith(3, 10));
    QCOMPARE(panel.movesPending(), 1);
    QVERIFY(finished.wait(5000));
    QVERIFY(inMemory(panel.record(2)));
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
