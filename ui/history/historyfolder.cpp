#include "historyfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

namespace SocketLab {

namespace {

// "<id>.json", "<id>.reply": the id is what comes before the first dot.
QString idOf(const QString &fileName)
{
    return fileName.section(u'.', 0, 0);
}

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

void HistoryFolder::scan()
{
    m_sizes.clear();
    const QFileInfoList files = QDir(m_path).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    // An entry is its JSON: a reply file whose JSON is gone (a crash between the two writes) is
    // counted with nothing and goes at the next clear.
    for (const QFileInfo &file : files) {
        if (file.suffix() == u"json")
            m_sizes.insert(idOf(file.fileName()), 0);
    }
    for (const QFileInfo &file : files) {
        const auto entry = m_sizes.find(idOf(file.fileName()));
        if (entry != m_sizes.end())
            *entry += file.size();
    }
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
    qint64 size = 0;
    const QFileInfoList files = QDir(m_path).entryInfoList({id + QStringLiteral(".*")}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files)
        size += file.size();
    m_sizes.insert(id, size);
}

QStringList HistoryFolder::prune(int maxEntries, qint64 maxBytes)
{
    QStringList removed;
    qint64 total = totalBytes();
    while (!m_sizes.isEmpty() && (m_sizes.size() > maxEntries || total > maxBytes)) {
        const QString oldest = m_sizes.firstKey();
        total -= m_sizes.first();
        remove(oldest);
        removed.append(oldest);
    }
    return removed;
}

void HistoryFolder::remove(const QString &id)
{
    QDir dir(m_path);
    // The JSON first: an entry without it is no entry, whatever else is left.
    dir.remove(id + QStringLiteral(".json"));
    for (const QString &name : dir.entryList({id + QStringLiteral(".*")}, QDir::Files | QDir::Hidden))
        dir.remove(name);
    m_sizes.remove(id);
}

void HistoryFolder::clear()
{
    QDir dir(m_path);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        dir.remove(name);
    m_sizes.clear();
}

} // namespace SocketLab
