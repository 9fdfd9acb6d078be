#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <mutex>

namespace SocketLab {

// One kind's folder of the history kept between runs (exchanges/, lookups/...): an entry is the file
// <id>.json and the files <id>.* beside it (a reply too large to be inline). Ids start with the UTC
// time the entry started, so their order is the entries' order, oldest first.
//
// Blocking and thread-safe: used from the file lane of BlockingCallPool, never from the GUI thread.
// The tasks of one store lock mutex() for their whole run, so that a write, a prune and a clear
// queued from the GUI thread never interleave on the files; the methods below expect it locked.
class HistoryFolder
{
public:
    explicit HistoryFolder(const QString &path);

    // "20261206T221100123Z-3f9a01c2": the time, then a random part two entries of one millisecond differ by.
    static QString newId(const QDateTime &startedAt);

    QString path() const { return m_path; }
    QString jsonPath(const QString &id) const;
    // A file beside the entry's JSON: "<id>.<suffix>".
    QString sidePath(const QString &id, const QString &suffix) const;

    std::mutex &mutex() { return m_mutex; }

    // Reads the folder's entries and their sizes (every <id>.* counted) into the index.
    void scan();
    // The indexed ids, oldest first.
    QStringList ids() const { return m_sizes.keys(); }
    qint64 totalBytes() const;
    // Indexes an entry just written.
    void added(const QString &id);
    // Removes the oldest entries until at most maxEntries stay and their files add up to at most
    // maxBytes; the ids removed, oldest first.
    QStringList prune(int maxEntries, qint64 maxBytes);
    void remove(const QString &id);
    // Every entry's files, and anything else in the folder.
    void clear();

private:
    QString m_path;
    std::mutex m_mutex;
    QMap<QString, qint64> m_sizes;
};

} // namespace SocketLab
