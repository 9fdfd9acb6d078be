#include "lookuphistory.h"

#include "text/clocktext.h"
#include "text/errortext.h"

#include <QLocale>
#include <QSet>

namespace SocketLab {

namespace {

// A lookup keeps only its query and rows, but a session left open for days must not grow without end.
constexpr int MaxRecords = 1000;

} // namespace

LookupHistory::LookupHistory(QObject *parent)
    : QAbstractListModel(parent)
{
}

void LookupHistory::add(const LookupRecord &record)
{
    if (m_records.size() >= MaxRecords) {
        beginRemoveRows({}, MaxRecords - 1, int(m_records.size()) - 1);
        m_records.resize(MaxRecords - 1);
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_records.prepend(record);
    endInsertRows();
}

void LookupHistory::addLoaded(const QList<LookupRecord> &records)
{
    const qsizetype room = qMin<qsizetype>(records.size(), MaxRecords - m_records.size());
    if (room <= 0)
        return;
    beginInsertRows({}, int(m_records.size()), int(m_records.size() + room) - 1);
    m_records.append(records.mid(0, room));
    endInsertRows();
}

void LookupHistory::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

void LookupHistory::removeHistoryIds(const QStringList &ids)
{
    const QSet<QString> gone(ids.cbegin(), ids.cend());
    for (qsizetype row = m_records.size() - 1; row >= 0; --row) {
        if (!m_records.at(row).historyId.isEmpty() && gone.contains(m_records.at(row).historyId)) {
            beginRemoveRows({}, int(row), int(row));
            m_records.removeAt(row);
            endRemoveRows();
        }
    }
}

bool LookupHistory::matches(const LookupRecord &record, const QString &text)
{
    if (text.isEmpty())
        return true;
    QStringList haystack{record.callText()};
    if (record.state == LookupRecord::State::Answered) {
        if (record.error().isError())
            haystack.append(record.error().codeName());
        for (const AddrInfoRow &row : record.addrInfoResult.rows)
            haystack += {row.canonicalName, row.address.toString()};
        haystack += {record.nameInfoResult.host, record.nameInfoResult.service};
    }
    return haystack.join(u'\n').contains(text, Qt::CaseInsensitive);
}

void LookupHistory::update(const LookupRecord &record)
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == record.id) {
            m_records[row] = record;
            emit dataChanged(index(row), index(row));
            return;
        }
    }
}

void LookupHistory::retranslate()
{
    if (!m_records.isEmpty())
        emit dataChanged(index(0), index(int(m_records.size()) - 1));
}

int LookupHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant LookupHistory::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const LookupRecord &record = m_records.at(index.row());
    if (role == Qt::DisplayRole) {
        return tr("%1  %2\n%3")
            .arg(clockTime(record.startedAt.time()), record.callText(),
                 outcome(record));
    }
    if (role == Qt::ToolTipRole && record.state == LookupRecord::State::Answered && record.error().isError())
        return ErrorText::describe(record.error());
    return {};
}

QString LookupHistory::outcome(const LookupRecord &record)
{
    switch (record.state) {
    case LookupRecord::State::Pending:
        return tr("looking up…");
    case LookupRecord::State::Cancelled:
        return tr("cancelled: the answer was dropped");
    case LookupRecord::State::Answered:
        break;
    }
    const QString ms = millisecondsText(record.elapsedUs());
    if (record.error().isError())
        return tr("%1 in %2 ms").arg(record.error().codeName(), ms);
    if (record.kind == LookupRecord::Kind::AddrInfo)
        return tr("%n row(s) in %1 ms", nullptr, int(record.addrInfoResult.rows.size())).arg(ms);
    const NameInfoResult &answer = record.nameInfoResult;
    if (answer.hostIsNumeric)
        return tr("%1 (no name: numeric form), %2 in %3 ms").arg(answer.host, answer.service, ms);
    return tr("%1, %2 in %3 ms").arg(answer.host, answer.service, ms);
}

} // namespace SocketLab
