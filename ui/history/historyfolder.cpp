#include "historyfolder.h"

#include "bytes/sourcetofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace SocketLab {

namespace {

// What newId() makes: "20261206T221100123Z-3f9a01c2". Only such names are entries: an id goes back
// into paths, and a name read from the folder (a stray "2*.json") must never become a pattern.
const QRegularExpression IdPattern(QStringLiteral("^\\d{8}T\\d{9}Z-[0-9a-f]{8}$"));

// The suffixes an entry's files have: its JSON, and its reply when too large to be inline.
const QString JsonSuffix = QStringLiteral("json");
const QString ReplySuffix = QStringLiteral("reply");

// A reply file whose JSON is missing this long after it was written is a crash's leftover, not a
// write still on its way.
constexpr qint64 OrphanAgeSeconds = 600;

} // namespace

HistoryFolder::HistoryFolder(const QString &path)
    : m_path(path)
{
}

QString HistoryFolder::newId(const QDateTime &startedAt)
{
    return startedAt.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")) + u'-'
           + QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

QString HistoryFolder::jsonPath(const QString &id) const
{
    return sidePath(id, QStringLiteral("json"));
}

QString HistoryFolder::sidePath(const QString &id, const QString &suffix) const
{
    return m_path + u'/' + id + u'.' + suffix;
}

QStringList HistoryFolder::scan()
{
    const QStringList known = m_sizes.keys();
    m_sizes.clear();
    const QFileInfoList files = QDir(m_path).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    // An entry is its JSON; anything not named as an entry's file is left alone and not counted.
    for (const QFileInfo &file : files) {
        if (file.suffix() == JsonSuffix && IdPattern.match(file.completeBaseName()).hasMatch())
            m_sizes.insert(file.completeBaseName(), file.size());
    }
    const QDateTime orphanedBefore = QDateTime::currentDateTimeUtc().addSecs(-OrphanAgeSeconds);
    for (const QFileInfo &file : files) {
        if (file.suffix() != ReplySuffix || !IdPattern.match(file.completeBaseName()).hasMatch())
            continue;
        const auto entry = m_sizes.find(file.completeBaseName());
        if (entry != m_sizes.end())
            *entry += file.size();
        else if (file.lastModified() < orphanedBefore)
            QFile::remove(file.filePath());
    }
    QStringList gone;
    for (const QString &id : known) {
        if (!m_sizes.contains(id))
            gone.append(id);
    }
    return gone;
}

qint64 HistoryFolder::totalBytes() const
{
    qint64 total = 0;
    for (qint64 size : m_sizes)
        total += size;
    return total;
}

void HistoryFolder::added(const QString &id)
{
    m_sizes.insert(id, QFileInfo(jsonPath(id)).size() + QFileInfo(sidePath(id, ReplySuffix)).size());
}

QStringList HistoryFolder::prune(int maxEntries, qint64 maxBytes)
{
    QStringList removed;
    // An entry larger than the whole allowance goes on its own: counted with the others, it would
    // take every older entry with it.
    for (const QString &id : m_sizes.keys()) {
        if (m_sizes.value(id) > maxBytes) {
            remove(id);
            removed.append(id);
        }
    }
    qint64 total = totalBytes();
    while (!m_sizes.isEmpty() && (m_sizes.size() > maxEntries || total > maxBytes)) {
        const QString oldest = m_sizes.firstKey();
        total -= m_sizes.first();
        remove(oldest);
        removed.append(oldest);
    }
    std::sort(removed.begin(), removed.end());
    return removed;
}

void HistoryFolder::remove(const QString &id)
{
    // The JSON first: an entry without it is no entry, whatever else is left.
    QFile::remove(jsonPath(id));
    QFile::remove(sidePath(id, ReplySuffix));
    m_sizes.remove(id);
}

void HistoryFolder::clear()
{
    QDir dir(m_path);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        dir.remove(name);
    m_sizes.clear();
}

NetError HistoryFolder::writeEntry(const QString &id, const QJsonObject &json) const
{
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return writeToFile(jsonPath(id), [&bytes](const FileWriter &write) { return write(bytes.constData(), bytes.size()); });
}

std::optional<QJsonObject> HistoryFolder::readEntry(const QString &id, const QString &format, int version, qint64 maxBytes,
                                                    HistoryEntryProblem *problem) const
{
    *problem = HistoryEntryProblem::None;
    QFile file(jsonPath(id));
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = HistoryEntryProblem::Unreadable;
        return std::nullopt;
    }
    // Read whole into memory: a file past what SocketLab writes is not one of its entries.
    if (file.size() > maxBytes) {
        *problem = HistoryEntryProblem::Corrupt;
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject o = document.object();
    if (!document.isObject() || o.value(u"format").toString() != format || !o.value(u"version").isDouble()) {
        *problem = HistoryEntryProblem::Corrupt;
        return std::nullopt;
    }
    if (o.value(u"version").toInt() > version) {
        *problem = HistoryEntryProblem::NewerVersion;
        return std::nullopt;
    }
    return o;
}

} // namespace SocketLab
