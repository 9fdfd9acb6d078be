#pragma once

#include "conversation/conversationfile.h"
#include "threads/serialtaskqueue.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

namespace SocketLab {

// The conversations kept between runs: one file each (ConversationFile) in a folder of their own,
// the newest kept within a number of files and a number of bytes, the oldest removed first. Every
// file is read, written and removed on the pool's file lane, never on the owner's thread; what
// changed comes back as signals. The list is the owner's copy, newest first.
//
// Two SocketLab windows (two processes) may share the folder: pruning, removing and clearing run
// under its FolderLock and decide from the folder as it is then; each task says which files are
// still there, and the list drops what another process removed.
class ConversationHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxEntries = 500;
    static constexpr qint64 DefaultMaxBytes = 256LL * 1024 * 1024;

    explicit ConversationHistory(const QString &folder, QObject *parent = nullptr);
    ~ConversationHistory() override;

    // The history folder's conversations/ subfolder of the application's data folder.
    static QString defaultFolder();

    QString folder() const { return m_folder; }
    // The conversations listed, newest first.
    const QList<ConversationSummary> &conversations() const { return m_list; }
    bool isLoaded() const { return m_loaded; }

    // From now on at most maxEntries files and maxBytes bytes are kept (0 entries: none); the oldest
    // beyond them go at once.
    void setLimits(int maxEntries, qint64 maxBytes);
    int maxEntries() const { return m_maxEntries; }
    qint64 maxBytes() const { return m_maxBytes; }
    // Lists the folder: loaded() when done, a notice() for each file skipped.
    void load();
    // Writes a conversation as it stands (cutShort: the window closes while it is open); added()
    // when it is on disk. record and trace are shared: the worker may still add to them. script: the
    // script played on it, if any, whole.
    void save(std::shared_ptr<const ConversationRecord> record, std::shared_ptr<const Trace> trace,
              const ConversationRequest &request, const QDateTime &startedAt, bool cutShort,
              const QString &script = QString());
    // Reads one back whole: opened() or a notice().
    void open(const QString &path);
    // Removes one file; removed() when it is gone.
    void remove(const QString &path);
    // Removes every file of the folder.
    void clear();
    // Looks at the folder again: the conversations another SocketLab removed leave the list.
    void refresh();
    // Blocks until every file task of this history has run (the window's close, tests).
    static void waitForFiles();

signals:
    void loaded();
    // The list changed: added, removed, pruned or cleared.
    void changed();
    void opened(std::shared_ptr<const SavedConversation> conversation);
    // A sentence for the person: a file skipped, a save or a removal that failed.
    void notice(const QString &text);

private:
    // Drops from the list the paths no longer on disk.
    void forget(const QStringList &paths);
    // Drops from the list the paths not among these (the folder's files as a task found them).
    void keepOnly(const QSet<QString> &paths);

    const QString m_folder;
    int m_maxEntries = DefaultMaxEntries;
    qint64 m_maxBytes = DefaultMaxBytes;
    bool m_loaded = false;
    QList<ConversationSummary> m_list;
    // The file tasks, one at a time in the order asked: a save queued before a clear never comes back.
    SerialTaskQueue m_tasks;
};

} // namespace SocketLab
