#pragma once

#include "historyfolder.h"

#include "threads/serialtaskqueue.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace SocketLab {

// What one kind of history keeps on disk between runs, in its folder under historyRoot(). Every
// file operation runs on BlockingCallPool's file lane, never on the GUI thread, one at a time in
// the order asked; what they find comes back by the signals. A store can go before its tasks end:
// they hold the folder, not the store.
//
// ExchangeStore and LookupStore add what is written and read; this holds what all kinds share: the
// limits, removing an entry, clearing, and the notice for entries that could not be read.
//
// Two SocketLab windows (two processes) may share the folder: every task runs under the folder's
// FolderLock, after a scan of the folder as it is then, so that the limits count every process's
// entries and what another process removed is said by pruned().
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    // AppDataLocation/history: the kinds' folders are in it.
    static QString historyRoot();
    // Waits until every file task of every store has run (tests, and the end of the program).
    static bool waitForDone(int timeoutMs = -1);

    // The folder's path; kind: "exchanges", "lookups".
    QString folder() const { return m_shared->folder.path(); }
    int maxEntries() const { return m_shared->maxEntries; }
    qint64 maxBytes() const { return m_shared->maxBytes; }
    // Removes the oldest entries, with their files, until both limits hold; later writes keep them.
    void setLimits(int maxEntries, qint64 maxBytes);
    // Removes every entry and its files.
    void clear();
    // Removes the entry and its files, if it is still there.
    void remove(const QString &id);
    // Looks at the folder again: the entries another SocketLab removed (its limits, its Clear
    // history) come as pruned(), and the limits apply to what it added.
    void refresh();

signals:
    // Entries no longer in the folder (oldest first): the limits removed them, or another SocketLab did.
    void pruned(const QStringList &ids);
    // Files that could not be read at start, and were skipped: a translated sentence for the status bar.
    void entriesSkipped(const QString &notice);
    // An entry could not be written: a translated sentence.
    void writeFailed(const QString &notice);

protected:
    HistoryStore(const QString &kind, QObject *parent);

    struct Shared
    {
        explicit Shared(const QString &path) : folder(path) {}
        HistoryFolder folder;
        std::atomic<int> maxEntries;
        std::atomic<qint64> maxBytes;
    };

    // Hands a function to the GUI thread, which runs it with the store if the store is still there.
    using Post = std::function<void(std::function<void(HistoryStore *self)>)>;
    // Runs task on the file lane after the store's earlier tasks, the folder made, under its lock and
    // after a scan, and removes what the limits no longer allow before and after it, saying so (pruned()).
    void run(std::function<void(HistoryFolder &folder, const Post &post)> task);
    // Runs task on the file lane after the store's earlier tasks, the folder made, without the lock:
    // for what takes long and no other process counts yet (a reply's file, an entry only once its
    // JSON is written by a run() after it).
    void runUnlocked(std::function<void(const HistoryFolder &folder)> task);
    // The sentence for files skipped at start: their names, and why.
    static QString skippedNotice(const QStringList &corrupt, const QStringList &newer);

    std::shared_ptr<Shared> m_shared;
    // How many times clear() was asked: a load's result from before the last clear is dropped.
    quint64 m_clears = 0;

private:
    SerialTaskQueue m_tasks;
};

} // namespace SocketLab
