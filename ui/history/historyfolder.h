#pragma once

#include "net/neterror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>


namespace SocketLab {

// Why an entry of the history was not read back.
enum class HistoryEntryProblem {
    None,
    Unreadable,     // the file could not be opened or read
    Corrupt,        // not JSON, too large, or a field missing, of the wrong type or out of range
    NewerVersion,   // written by a newer SocketLab
    ReplyMissing,   // the reply's file is gone or shorter than the JSON says
};

// One kind's folder of the history kept between runs (exchanges/, lookups/...): an entry is the file
// <id>.json and, for a reply too large to be inline, <id>.reply beside it. Ids start with the UTC
// time the entry started, so their order is the entries' order, oldest first; a file not named so is
// no entry, and is neither counted nor removed but by clear().
//
// Blocking: used from the file lane of BlockingCallPool, never from the GUI thread, by one store's
// tasks one at a time (HistoryStore's SerialTaskQueue). Other processes share the folder: what
// changes it runs under its FolderLock, after a scan().
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

    // Reads the folder's entries and their sizes (JSON and reply) into the index, as the folder is now:
    // another SocketLab may have written, pruned or cleared since; a reply left without its JSON by a
    // crash goes once it is some minutes old. The ids indexed before that are gone, oldest first.
    QStringList scan();
    // The indexed ids, oldest first.
    QStringList ids() const { return m_sizes.keys(); }
    qint64 totalBytes() const;
    // Indexes an entry just written.
    void added(const QString &id);
    // Removes any entry larger than maxBytes by itself, then the oldest entries until at most
    // maxEntries stay and their files add up to at most maxBytes; the ids removed, oldest first.
    QStringList prune(int maxEntries, qint64 maxBytes);
    void remove(const QString &id);
    // Every entry's files, and anything else in the folder.
    void clear();

    // Writes entry id's JSON whole or not at all.
    NetError writeEntry(const QString &id, const QJsonObject &json) const;
    // Entry id's JSON, if its file is at most maxBytes, holds an object of this `format` and was
    // written in at most `version`; else nullopt, and *problem says why. What the fields hold is the
    // caller's to check.
    std::optional<QJsonObject> readEntry(const QString &id, const QString &format, int version, qint64 maxBytes,
                                         HistoryEntryProblem *problem) const;

private:
    QString m_path;
    QMap<QString, qint64> m_sizes;
};

} // namespace SocketLab
