#include "conversationhistory.h"

#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "text/conversationfiletext.h"
#include "text/errortext.h"
#include "threads/blockingcallpool.h"
#include "threads/folderlock.h"
#include "threads/serialtaskqueue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>


namespace SocketLab {

namespace {

const QString Suffix = QStringLiteral(".json");

// The folder's conversation files, oldest first: their names start with the UTC time they started.
QFileInfoList files(const QString &folder)
{
    return QDir(folder).entryInfoList({QStringLiteral("*") + Suffix}, QDir::Files, QDir::Name);
}

// Removes the oldest files beyond the limits and returns their paths. A file larger than the whole
// allowance goes on its own first: counted with the others, it would take every older one with it.
QStringList prune(const QString &folder, int maxEntries, qint64 maxBytes)
{
    QStringList removed;
    QFileInfoList all;
    for (const QFileInfo &file : files(folder)) {
        if (file.size() <= maxBytes)
            all.append(file);
        else if (QFile::remove(file.filePath()))
            removed.append(file.filePath());
    }
    qint64 total = 0;
    qsizetype kept = 0;
    // The newest are counted first: what passes a limit, and everything older, goes.
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        total += all.at(i).size();
        if (kept < maxEntries && total <= maxBytes) {
            ++kept;
            continue;
        }
        total -= all.at(i).size();
        if (QFile::remove(all.at(i).filePath()))
            removed.append(all.at(i).filePath());
        maxEntries = int(kept);  // nothing older is kept either
    }
    return removed;
}

// The folder's conversation files as they are now: another SocketLab may have removed some.
QSet<QString> present(const QString &folder)
{
    QSet<QString> paths;
    for (const QFileInfo &file : files(folder))
        paths.insert(file.filePath());
    return paths;
}

// Prunes under the folder's lock, from the folder as it is then: other SocketLab windows share it.
QStringList prunedUnderLock(const QString &folder, int maxEntries, qint64 maxBytes)
{
    QDir().mkpath(folder);
    const FolderLock lock(folder);
    return prune(folder, maxEntries, maxBytes);
}

// Runs task after the history's earlier tasks, on the file lane, and then done with its result on
// the owner's thread while it lives.
template<typename Result, typename Task, typename Done>
void runThenDeliver(SerialTaskQueue &queue, QObject *owner, Task task, Done done)
{
    QPointer<QObject> guard(owner);
    queue.run([guard, task = std::move(task), done = std::move(done)]() mutable {
        auto result = std::make_shared<Result>(task());
        QMetaObject::invokeMethod(qApp, [guard, result, done = std::move(done)]() mutable {
            if (guard)
                done(std::move(*result));
        });
    });
}

} // namespace

ConversationHistory::ConversationHistory(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
{
}

ConversationHistory::~ConversationHistory() = default;

QString ConversationHistory::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history/conversations");
}

void ConversationHistory::waitForFiles()
{
    BlockingCallPool::waitForDone(BlockingCallPool::Lane::File);
}

void ConversationHistory::keepOnly(const QSet<QString> &paths)
{
    if (m_list.removeIf([&paths](const ConversationSummary &summary) { return !paths.contains(summary.path); }) > 0)
        emit changed();
}

void ConversationHistory::forget(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_list.removeIf([&paths](const ConversationSummary &summary) { return paths.contains(summary.path); });
    emit changed();
}

void ConversationHistory::setLimits(int maxEntries, qint64 maxBytes)
{
    m_maxEntries = qMax(0, maxEntries);
    m_maxBytes = qMax<qint64>(0, maxBytes);
    runThenDeliver<QSet<QString>>(
        m_tasks, this,
        [folder = m_folder, maxEntries = m_maxEntries, maxBytes = m_maxBytes] {
            prunedUnderLock(folder, maxEntries, maxBytes);
            return present(folder);
        },
        [this](QSet<QString> paths) { keepOnly(paths); });
}

void ConversationHistory::refresh()
{
    setLimits(m_maxEntries, m_maxBytes);
}

void ConversationHistory::load()
{
    struct Listing
    {
        QList<ConversationSummary> summaries;
        QStringList notices;
    };
    runThenDeliver<Listing>(
        m_tasks, this,
        [folder = m_folder, maxEntries = m_maxEntries, maxBytes = m_maxBytes] {
            prunedUnderLock(folder, maxEntries, maxBytes);
            Listing listing;
            const QFileInfoList all = files(folder);
            for (qsizetype i = all.size() - 1; i >= 0; --i) {
                ConversationFileError error;
                if (std::optional<ConversationSummary> summary = ConversationFile::readSummary(all.at(i).filePath(), &error))
                    listing.summaries.append(std::move(*summary));
                // Read without the lock: another SocketLab's limits or Clear history may take a file
                // meanwhile, which is no damage to report.
                else if (all.at(i).exists())
                    listing.notices.append(describeConversationFileError(all.at(i).fileName(), error));
            }
            return listing;
        },
        [this](Listing listing) {
            m_list = std::move(listing.summaries);
            m_loaded = true;
            for (const QString &text : std::as_const(listing.notices))
                emit notice(text);
            emit loaded();
            emit changed();
        });
}

void ConversationHistory::save(std::shared_ptr<const ConversationRecord> record, std::shared_ptr<const Trace> trace,
                               const ConversationRequest &request, const QDateTime &startedAt, bool cutShort,
                               const QString &script)
{
    if (m_maxEntries == 0)
        return;
    struct Saved
    {
        std::optional<ConversationSummary> summary;
        QStringList pruned;
        QSet<QString> present;
        QString problem;
    };
    // Named by when it started, to the millisecond, so that the names sort as the conversations do,
    // and 32 random bits, so that two begun in the same millisecond never take one file.
    const QString name = startedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")) + QLatin1Char('-')
                       + QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, QLatin1Char('0'))
                       + Suffix;
    runThenDeliver<Saved>(
        m_tasks, this,
        [folder = m_folder, maxEntries = m_maxEntries, maxBytes = m_maxBytes, record, trace, request,
         startedAt, cutShort, name, script] {
            Saved saved;
            if (!QDir().mkpath(folder)) {
                saved.problem = QCoreApplication::translate("SocketLab::ConversationHistory",
                                                            "The conversation was not kept: the folder %1 cannot be made.")
                                    .arg(folder);
                return saved;
            }
            const QString path = folder + QLatin1Char('/') + name;
            qint64 size = 0;
            if (NetError error = ConversationFile::write(path, *record, *trace, request, startedAt, cutShort, &size, script);
                error.isError()) {
                saved.problem = QCoreApplication::translate("SocketLab::ConversationHistory", "The conversation was not kept: %1")
                                    .arg(ErrorText::describe(error));
                return saved;
            }
            // Written without the lock (it can be large), counted under it: until its name is there,
            // no process prunes it.
            saved.pruned = prunedUnderLock(folder, maxEntries, maxBytes);
            saved.present = present(folder);
            if (saved.present.contains(path)) {
                ConversationFileError error;
                saved.summary = ConversationFile::readSummary(path, &error);
            }
            return saved;
        },
        [this](Saved saved) {
            if (!saved.problem.isEmpty())
                emit notice(saved.problem);
            m_list.removeIf([&saved](const ConversationSummary &summary) {
                return saved.pruned.contains(summary.path) || !saved.present.contains(summary.path);
            });
            if (saved.summary) {
                // Newest first, by when they started: a long conversation ends after one begun later.
                const auto at = std::find_if(m_list.begin(), m_list.end(), [&saved](const ConversationSummary &summary) {
                    return summary.startedAt < saved.summary->startedAt;
                });
                m_list.insert(at - m_list.begin(), std::move(*saved.summary));
            }
            emit changed();
        });
}

void ConversationHistory::open(const QString &path)
{
    struct Opened
    {
        std::shared_ptr<const SavedConversation> conversation;
        QString problem;
        bool gone = false;
    };
    runThenDeliver<Opened>(
        m_tasks, this,
        [path] {
            ConversationFileError error;
            Opened opened;
            if (std::optional<SavedConversation> saved = ConversationFile::read(path, &error))
                opened.conversation = std::make_shared<const SavedConversation>(std::move(*saved));
            else if (!QFileInfo::exists(path))
                opened.gone = true;
            else
                opened.problem = describeConversationFileError(QFileInfo(path).fileName(), error);
            return opened;
        },
        [this, path](Opened opened) {
            if (opened.conversation) {
                emit this->opened(opened.conversation);
                return;
            }
            if (opened.gone) {
                emit notice(QCoreApplication::translate("SocketLab::ConversationHistory",
                                                        "This conversation is no longer in the history: it was removed, "
                                                        "perhaps by another SocketLab window (its Clear history or its limits)."));
                forget({path});
                return;
            }
            emit notice(opened.problem);
        });
}

void ConversationHistory::remove(const QString &path)
{
    runThenDeliver<bool>(
        m_tasks, this,
        [path] {
            const FolderLock lock(QFileInfo(path).path());
            return QFile::remove(path) || !QFileInfo::exists(path);
        },
        [this, path](bool removed) {
            if (removed)
                forget({path});
            else
                emit notice(QCoreApplication::translate("SocketLab::ConversationHistory", "%1 could not be removed.").arg(path));
        });
}

void ConversationHistory::clear()
{
    runThenDeliver<QStringList>(
        m_tasks, this,
        [folder = m_folder] {
            return prunedUnderLock(folder, 0, 0);
        },
        [this](QStringList) {
            m_list.clear();
            emit changed();
        });
}

} // namespace SocketLab
