// Two SocketLab windows are two processes sharing the history's folders. This program is both the
// test and, started with --child, the other window: it writes or clears the same folder while the
// test (or a second child) does too.
#include "historytesting.h"

#include "history/exchangerecordjson.h"
#include "history/exchangestore.h"
#include "history/historyfolder.h"
#include "history/historypanel.h"

#include "bytes/bytestore.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "threads/folderlock.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

#include <cstring>

using namespace SocketLab;

namespace {

const QString AppName = QStringLiteral("tst_historylock");
constexpr qint64 InlineBytes = 1024;

// An exchange with a reply of replyBytes (past InlineBytes it goes to a file of its own), started
// laterMs after now: ids of one millisecond sort by their random part.
std::shared_ptr<const ExchangeRecord> exchange(qint64 replyBytes, qint64 laterMs = 0)
{
    auto record = std::make_shared<ExchangeRecord>();
    record->startedAt = QDateTime::currentDateTime().addMSecs(laterMs);
    record->historyId = HistoryFolder::newId(record->startedAt);
    record->settings.host = QStringLiteral("127.0.0.1");
    record->settings.service = QStringLiteral("80");
    record->request = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
    QByteArray reply = QByteArrayLiteral("HTTP/1.0 200 OK\r\n\r\n");
    reply += QByteArray(qMax<qint64>(0, replyBytes - reply.size()), 'x');
    auto store = std::make_shared<ByteStore>();
    store->append(reply.constData(), reply.size(), 0);
    record->reply = store;
    record->segments = {{0, reply.size(), 0}};
    record->result.receivedBytes = reply.size();
    return record;
}

QString exchangesFolder()
{
    return HistoryStore::historyRoot() + QStringLiteral("/exchanges");
}

// The other window: `--child write COUNT MAX_ENTRIES` saves COUNT exchanges (every third one with
// its reply in a file of its own) within MAX_ENTRIES; `--child clear` clears the exchanges; `--child
// hold` takes the exchanges' lock, says "locked" and waits to be killed.
int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(AppName);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.value(2) == QLatin1String("hold")) {
        const FolderLock lock(exchangesFolder());
        std::fputs(lock.isLocked() ? "locked\n" : "not locked\n", stdout);
        std::fflush(stdout);
        QThread::sleep(600);
        return 1;
    }
    ExchangeStore store;
    store.setInlineReplyBytes(InlineBytes);
    if (args.value(2) == QLatin1String("clear")) {
        store.clear();
    } else {
        store.setLimits(args.value(4).toInt(), qint64(1) << 30);
        const int count = args.value(3).toInt();
        for (int i = 0; i < count; ++i)
            store.save(exchange(i % 3 == 0 ? 4096 : 200));
    }
    return HistoryStore::waitForDone(60000) ? 0 : 1;
}

} // namespace

class TestHistoryLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void twoWritersKeepTheLimitsBetweenThem();
    void twoWritersLoseNothing();
    void clearInOneIsSeenByTheOther();
    void staleLockOfADeadProcessIsTakenOver();
    void aWriteWaitsForTheOtherWindowsLock();
    void conversationsRemovedElsewhereLeaveTheList();

private:
    // Starts the other window with args after --child.
    static std::unique_ptr<QProcess> child(const QStringList &args);
    // The folder's entries, checked whole: each reads back, no reply is left without its JSON.
    static QStringList checkedEntries();
};

void TestHistoryLock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryLock::init()
{
    clearHistoryFolder();
}

std::unique_ptr<QProcess> TestHistoryLock::child(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    process->start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--child")} + args);
    return process;
}

QStringList TestHistoryLock::checkedEntries()
{
    const HistoryFolder folder(exchangesFolder());
    QStringList ids;
    const QStringList names = QDir(folder.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        const QString id = name.section(u'.', 0, 0);
        if (name.endsWith(QLatin1String(".json"))) {
            ExchangeRecordJson::Problem problem = ExchangeRecordJson::Problem::None;
            const std::optional<ExchangeRecord> record = ExchangeRecordJson::read(folder, id, &problem);
            if (!record || !record->reply || record->reply->read(0, 15) != QByteArrayLiteral("HTTP/1.0 200 OK")) {
                qWarning("entry %s does not read back (problem %d)", qPrintable(id), int(problem));
                return {};
            }
            ids.append(id);
        } else if (!name.endsWith(QLatin1String(".reply")) || !names.contains(id + QStringLiteral(".json"))) {
            qWarning("%s is no whole entry's file", qPrintable(name));
            return {};
        }
    }
    return ids;
}

void TestHistoryLock::twoWritersKeepTheLimitsBetweenThem()
{
    // Each would keep 25 of its own without the lock: 50 between them.
    const auto a = child({QStringLiteral("write"), QStringLiteral("60"), QStringLiteral("25")});
    const auto b = child({QStringLiteral("write"), QStringLiteral("60"), QStringLiteral("25")});
    for (QProcess *process : {a.get(), b.get()}) {
        QVERIFY(process->waitForFinished(120000));
        QCOMPARE(process->exitCode(), 0);
    }
    const QStringList ids = checkedEntries();
    QVERIFY(!ids.isEmpty());
    QVERIFY2(ids.size() <= 25, qPrintable(QString::number(ids.size())));
    QVERIFY(!QFileInfo::exists(FolderLock::lockPath(exchangesFolder())));
}

void TestHistoryLock::twoWritersLoseNothing()
{
    const auto a = child({QStringLiteral("write"), QStringLiteral("60"), QStringLiteral("1000")});
    const auto b = child({QStringLiteral("write"), QStringLiteral("60"), QStringLiteral("1000")});
    for (QProcess *process : {a.get(), b.get()}) {
        QVERIFY(process->waitForFinished(120000));
        QCOMPARE(process->exitCode(), 0);
    }
    QCOMPARE(checkedEntries().size(), 120);
}

void TestHistoryLock::clearInOneIsSeenByTheOther()
{
    QStringList ids;
    {
        ExchangeStore earlier;
        earlier.setInlineReplyBytes(InlineBytes);
        for (qint64 size : {200, 4096, 300}) {
            const auto record = exchange(size, ids.size());
            ids.append(record->historyId);
            earlier.save(record);
        }
        QVERIFY(HistoryStore::waitForDone(30000));
    }
    QCOMPARE(checkedEntries().size(), 3);
    // This window read them back at its start: the 4 KiB reply from its file.
    ExchangeStore store;
    HistoryPanel panel;
    connect(&store, &ExchangeStore::loaded, &panel, &HistoryPanel::addLoaded);
    store.load();
    QTRY_COMPARE_WITH_TIMEOUT(panel.list()->count(), 3, 30000);

    const auto other = child({QStringLiteral("clear")});
    QVERIFY(other->waitForFinished(60000));
    QCOMPARE(other->exitCode(), 0);
    QVERIFY(checkedEntries().isEmpty());

    // Picked before this window has looked again: the reply's file is gone, and it says so once the
    // file lane has looked.
    panel.list()->setCurrentRow(1);
    QTRY_VERIFY2_WITH_TIMEOUT(panel.targetLabel()->text().contains(QStringLiteral("removed from the history")),
                              qPrintable(panel.targetLabel()->text()), 30000);

    // Looked at again (the window activated, or its next write): the entries leave the lists.
    QSignalSpy pruned(&store, &HistoryStore::pruned);
    connect(&store, &HistoryStore::pruned, &panel, &HistoryPanel::removeHistoryIds);
    store.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(pruned.size(), 1, 10000);
    ids.sort();
    QCOMPARE(pruned.at(0).at(0).toStringList(), ids);
    QCOMPARE(panel.list()->count(), 0);
}

void TestHistoryLock::staleLockOfADeadProcessIsTakenOver()
{
    // A window killed while it held the lock: its pid is gone, the next writer goes on at once.
    QProcess holder;
    holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), QStringLiteral("hold")});
    QVERIFY(holder.waitForReadyRead(30000));
    QCOMPARE(holder.readLine(), QByteArray("locked\n"));
    {
        // While its owner lives, the lock is waited for, not taken.
        const FolderLock waiting(exchangesFolder(), 300);
        QVERIFY(!waiting.isLocked());
    }
    holder.kill();
    QVERIFY(holder.waitForFinished());
    QVERIFY(QFileInfo::exists(FolderLock::lockPath(exchangesFolder())));
    // Taken at once: far sooner than a live holder's lock would ever be given up.
    const FolderLock taken(exchangesFolder(), 5000);
    QVERIFY(taken.isLocked());
}

void TestHistoryLock::aWriteWaitsForTheOtherWindowsLock()
{
    QProcess holder;
    holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), QStringLiteral("hold")});
    QVERIFY(holder.waitForReadyRead(30000));
    QCOMPARE(holder.readLine(), QByteArray("locked\n"));
    ExchangeStore store;
    store.save(exchange(200));
    // While the other window holds the lock, the entry is not written: without the lock it would be
    // there within milliseconds.
    QTest::qWait(1500);
    QVERIFY(QDir(exchangesFolder()).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty());
    holder.kill();
    QVERIFY(holder.waitForFinished());
    QVERIFY(HistoryStore::waitForDone(30000));
    QCOMPARE(checkedEntries().size(), 1);
}

void TestHistoryLock::conversationsRemovedElsewhereLeaveTheList()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("conversations"));
    // Two windows on one folder: two histories, each with its own queue of file tasks.
    ConversationHistory mine(folder);
    ConversationHistory other(folder);
    mine.load();
    other.load();
    QTRY_VERIFY_WITH_TIMEOUT(mine.isLoaded() && other.isLoaded(), 30000);

    auto record = std::make_shared<ConversationRecord>(1024, 100);
    const auto trace = std::make_shared<Trace>();
    ConversationRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QStringLiteral("7");
    for (int i = 0; i < 3; ++i)
        mine.save(record, trace, request, QDateTime::currentDateTimeUtc().addSecs(i), false);
    QTRY_COMPARE_WITH_TIMEOUT(mine.conversations().size(), 3, 30000);

    // The other window's limits take the two oldest: its next look shows one, this one's too.
    other.setLimits(1, ConversationHistory::DefaultMaxBytes);
    ConversationHistory::waitForFiles();
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
    const QString gone = mine.conversations().constLast().path;
    QSignalSpy notices(&mine, &ConversationHistory::notice);
    mine.open(gone);
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 30000);
    QVERIFY2(notices.at(0).at(0).toString().contains(QStringLiteral("no longer in the history")),
             qPrintable(notices.at(0).at(0).toString()));
    QCOMPARE(mine.conversations().size(), 2);
    mine.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(mine.conversations().size(), 1, 30000);

    // Its Clear history empties this window's list at its next look.
    other.clear();
    ConversationHistory::waitForFiles();
    mine.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(mine.conversations().size(), 0, 30000);
    QVERIFY(!QFileInfo::exists(FolderLock::lockPath(folder)));
}

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0)
        return childMain(argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(AppName);
    TestHistoryLock test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historylock.moc"
