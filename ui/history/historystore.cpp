#include "historystore.h"

#include "historylimits.h"

#include "threads/blockingcallpool.h"
#include "threads/folderlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QStandardPaths>

#include <algorithm>

namespace SocketLab {

QString HistoryStore::historyRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history");
}

bool HistoryStore::waitForDone(int timeoutMs)
{
    return BlockingCallPool::waitForDone(BlockingCallPool::Lane::File, timeoutMs);
}

HistoryStore::HistoryStore(const QString &kind, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>(historyRoot() + u'/' + kind))
{
    const HistoryLimits defaults;
    m_shared->maxEntries = defaults.maxEntries;
    m_shared->maxBytes = defaults.maxBytes();
}

void HistoryStore::run(std::function<void(HistoryFolder &, const Post &)> task)
{
    const QPointer<HistoryStore> self(this);
    const Post post = [self](std::function<void(HistoryStore *)> f) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, f = std::move(f)] {
            if (self)
                f(self);
        });
    };
    m_tasks.run([shared = m_shared, task = std::move(task), post] {
        QDir().mkpath(shared->folder.path());
        const FolderLock lock(shared->folder.path());
        // The folder as it is, not as this process left it: the entries of earlier runs and of other
        // processes count towards the limits, and what they removed leaves this window's lists.
        QStringList removed = shared->folder.scan();
        // Before the task too: what the limits remove is not worth reading.
        removed += shared->folder.prune(shared->maxEntries, shared->maxBytes);
        task(shared->folder, post);
        removed += shared->folder.prune(shared->maxEntries, shared->maxBytes);
        std::sort(removed.begin(), removed.end());
        if (!removed.isEmpty())
            post([removed](HistoryStore *self) { emit self->pruned(removed); });
    });
}

void HistoryStore::runUnlocked(std::function<void(const HistoryFolder &)> task)
{
    m_tasks.run([shared = m_shared, task = std::move(task)] {
        QDir().mkpath(shared->folder.path());
        task(shared->folder);
    });
}

void HistoryStore::refresh()
{
    run([](HistoryFolder &, const Post &) {});
}

void HistoryStore::setLimits(int maxEntries, qint64 maxBytes)
{
    m_shared->maxEntries = qMax(0, maxEntries);
    m_shared->maxBytes = qMax<qint64>(0, maxBytes);
    run([](HistoryFolder &, const Post &) {});
}

void HistoryStore::clear()
{
    // What a load read before this clear must not come back into the lists once they are emptied.
    ++m_clears;
    run([](HistoryFolder &folder, const Post &) { folder.clear(); });
}

void HistoryStore::remove(const QString &id)
{
    if (id.isEmpty())
        return;
    run([id](HistoryFolder &folder, const Post &) { folder.remove(id); });
}

QString HistoryStore::skippedNotice(const QStringList &corrupt, const QStringList &newer)
{
    QStringList parts;
    if (!corrupt.isEmpty())
        parts.append(tr("%n history file(s) damaged or unreadable, skipped: %1", nullptr, int(corrupt.size()))
                         .arg(corrupt.join(QStringLiteral(", "))));
    if (!newer.isEmpty())
        parts.append(tr("%n history file(s) written by a newer SocketLab, skipped: %1", nullptr, int(newer.size()))
                         .arg(newer.join(QStringLiteral(", "))));
    return parts.join(u' ');
}

} // namespace SocketLab
