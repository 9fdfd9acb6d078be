#include "history/historypanel.h"

#include "bytes/bytestore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
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
    record->startedAt = QDateTime(QDate(2026, 12, 5), QTime(14, 2, 11));
    record->settings.host = QStringLiteral("127.0.0.1");
    record->settings.service = QString::number(8000 + seed);
    record->request = "GET /" + QByteArray::number(seed) + " HTTP/1.0\r\n\r\n";
    record->reply = store;
    record->segments = store->segments();
    record->result.receivedBytes = size;
    record->result.sentBytes = record->request.size();
    record->result.connectedTo = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), quint16(8000 + seed));
    return record;
}

using Record = std::shared_ptr<const ExchangeRecord>;

Record recordOf(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<Record>();
}

// A right click on the list's row, as the platform reports it.
void openContextMenu(HistoryPanel &panel, int row)
{
    QWidget *viewport = panel.list()->viewport();
    const QPoint pos = panel.list()->visualItemRect(panel.list()->item(row)).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport->mapToGlobal(pos));
    QApplication::sendEvent(viewport, &event);
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
    void pickingShowsRequestAndTarget();
    void doubleClickReturnAndButtonLoad();
    void contextMenuActsOnTheEntryUnderThePointer();
    void deleteTakesTheEntryOut();

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

void TestHistoryPanel::pickingShowsRequestAndTarget()
{
    HistoryPanel panel;
    QVERIFY(panel.targetLabel()->text().startsWith(QStringLiteral("No exchange yet")));
    QVERIFY(!panel.loadButton()->isEnabled());
    auto older = std::make_shared<ExchangeRecord>(*recordWith(1, 10));
    older->settings.family = IpFamily::V4;
    older->settings.stopRule = StopRule{StopRule::Kind::Http, 0};
    older->request = "HEAD /big.bin HTTP/1.1\r\nHost: 127.0.0.1:8001\r\n\r\n";
    older->result.sentBytes = older->request.size();
    panel.add(older);
    panel.add(recordWith(2, 10));
    QSignalSpy chosen(&panel, &HistoryPanel::recordChosen);

    QCOMPARE(panel.requestView()->toPlainText(), QStringLiteral("GET /2 HTTP/1.0\\r\\n\n\\r\\n\n"));
    panel.list()->setCurrentRow(1);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(recordOf(chosen, 0), Record(older));
    QCOMPARE(panel.requestView()->toPlainText(),
             QStringLiteral("HEAD /big.bin HTTP/1.1\\r\\n\nHost: 127.0.0.1:8001\\r\\n\n\\r\\n\n"));
    QVERIFY(panel.requestView()->isReadOnly());
    const QString target = panel.targetLabel()->text();
    QVERIFY2(target.contains(QStringLiteral("127.0.0.1, port 8001 · IPv4 only · stop reading at the end of the HTTP response")),
             qPrintable(target));
    QVERIFY2(target.contains(QStringLiteral("Sent at 14:02:11 to 127.0.0.1:8001: 48 byte")), qPrintable(target));
    QVERIFY(panel.loadButton()->isEnabled());
}

void TestHistoryPanel::doubleClickReturnAndButtonLoad()
{
    HistoryPanel panel;
    panel.add(recordWith(1, 10));
    panel.add(recordWith(2, 10));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy load(&panel, &HistoryPanel::loadRequested);

    QListWidget *list = panel.list();
    const QPoint second = list->visualItemRect(list->item(1)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, second);
    QCOMPARE(load.size(), 1);
    QCOMPARE(recordOf(load, 0), panel.record(1));

    list->setCurrentRow(0);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(load.size(), 2);
    QCOMPARE(recordOf(load, 1), panel.record(0));

    QTest::mouseClick(panel.loadButton(), Qt::LeftButton);
    QCOMPARE(load.size(), 3);
    QCOMPARE(recordOf(load, 2), panel.record(0));
}

void TestHistoryPanel::contextMenuActsOnTheEntryUnderThePointer()
{
    HistoryPanel panel;
    panel.add(recordWith(1, 600));
    panel.add(recordWith(2, 10));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy chosen(&panel, &HistoryPanel::recordChosen);
    QSignalSpy save(&panel, &HistoryPanel::saveReplyRequested);
    QSignalSpy load(&panel, &HistoryPanel::loadRequested);
    QSignalSpy message(&panel, &HistoryPanel::message);

    // A right click on the older entry picks it, so the window shows what the menu acts on.
    openContextMenu(panel, 1);
    QMenu *menu = panel.contextMenu();
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(panel.list()->currentRow(), 1);
    QCOMPARE(chosen.size(), 1);
    QVERIFY(panel.loadAction()->font().bold());
    QCOMPARE(menu->actions().constFirst(), panel.loadAction());
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    QCOMPARE(texts, QStringList({QStringLiteral("&Load into the form"), QStringLiteral("Send &again"),
                                 QStringLiteral("Save to &collection…"), QStringLiteral("Show c&ode…"), QStringLiteral("Copy the &request"),
                                 QStringLiteral("Copy the re&ply"), QStringLiteral("&Save the reply…"),
                                 QStringLiteral("E&xport as pcapng…"), QStringLiteral("Cop&y the report"),
                                 QStringLiteral("Save the repor&t…"), QStringLiteral("&Delete")}));
    for (QAction *action : menu->actions())
        QVERIFY(action->isEnabled());
    menu->hide();

    panel.copyRequestAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("GET /1 HTTP/1.0\r\n\r\n"));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("application/octet-stream")),
             QByteArray("GET /1 HTTP/1.0\r\n\r\n"));
    panel.copyReplyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("application/octet-stream")), bytesOf(1, 600));
    QCOMPARE(message.size(), 2);
    panel.saveReplyAction()->trigger();
    QCOMPARE(save.size(), 1);
    QCOMPARE(recordOf(save, 0), panel.record(1));
    panel.loadAction()->trigger();
    QCOMPARE(load.size(), 1);
    QCOMPARE(recordOf(load, 0), panel.record(1));

    // Not on an entry: no menu.
    const QPoint empty(5, panel.list()->viewport()->height() - 2);
    QContextMenuEvent below(QContextMenuEvent::Mouse, empty, panel.list()->viewport()->mapToGlobal(empty));
    QApplication::sendEvent(panel.list()->viewport(), &below);
    QVERIFY(!menu->isVisible());
}

void TestHistoryPanel::deleteTakesTheEntryOut()
{
    HistoryPanel panel;
    panel.add(recordWith(1, 10));
    panel.add(recordWith(2, 10));
    panel.add(recordWith(3, 10));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const Record oldest = panel.record(2);
    QSignalSpy chosen(&panel, &HistoryPanel::recordChosen);

    panel.list()->setCurrentRow(1);
    panel.deleteAction()->trigger();
    QCOMPARE(panel.count(), 2);
    QCOMPARE(panel.list()->count(), 2);
    QCOMPARE(panel.record(1), oldest);
    // The entry that took its place is picked and shown, request included.
    const Record shown = panel.record(panel.list()->currentRow());
    QVERIFY(shown);
    QCOMPARE(recordOf(chosen, chosen.size() - 1), shown);
    QVERIFY(panel.requestView()->toPlainText().startsWith(QString::fromLatin1(shown->request.left(7))));

    // The Delete key on the list does the same; the last one leaves the panel empty.
    panel.list()->setFocus();
    QTest::keyClick(panel.list(), Qt::Key_Delete);
    QTest::keyClick(panel.list(), Qt::Key_Delete);
    QCOMPARE(panel.count(), 0);
    QVERIFY(panel.requestView()->toPlainText().isEmpty());
    QVERIFY(!panel.loadButton()->isEnabled());
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
