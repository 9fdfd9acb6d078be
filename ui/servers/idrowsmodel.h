#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

#include <algorithm>

namespace SocketLab {

// A table whose rows carry an id (a listener's clients, a relay's connections), kept sorted by it
// and read again many times a second: mergeRows() removes, inserts and updates rows only where they
// changed instead of resetting, so the selected row stays selected and the view keeps its place.
template <typename Row>
class IdRowsModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    // The row of id, or -1.
    int rowOf(quint64 id) const
    {
        const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                         [](const Row &row, quint64 wanted) { return row.id < wanted; });
        return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
    }

protected:
    static void sortById(QList<Row> &rows)
    {
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.id < b.id; });
    }

    // The rows become incoming; same(old, new) says when a row's cells need not be painted again.
    template <typename Same>
    void mergeRows(QList<Row> incoming, Same same, int columnCount)
    {
        sortById(incoming);

        // Rows whose id is gone go first, in runs, from the bottom so rows stay put.
        QSet<quint64> ids;
        ids.reserve(incoming.size());
        for (const Row &row : std::as_const(incoming))
            ids.insert(row.id);
        for (qsizetype last = m_rows.size() - 1; last >= 0;) {
            if (ids.contains(m_rows.at(last).id)) {
                --last;
                continue;
            }
            qsizetype first = last;
            while (first > 0 && !ids.contains(m_rows.at(first - 1).id))
                --first;
            this->beginRemoveRows({}, int(first), int(last));
            m_rows.remove(first, last - first + 1);
            this->endRemoveRows();
            last = first - 1;
        }

        // What is left is a subsequence of incoming, both sorted by id: walk them together,
        // inserting the new runs where they belong and noting the rows that changed.
        qsizetype row = 0;
        qsizetype firstChanged = -1;
        qsizetype lastChanged = -1;
        for (qsizetype i = 0; i < incoming.size();) {
            if (row < m_rows.size() && m_rows.at(row).id == incoming.at(i).id) {
                if (!same(m_rows.at(row), incoming.at(i))) {
                    m_rows[row] = incoming.at(i);
                    if (firstChanged < 0)
                        firstChanged = row;
                    lastChanged = row;
                }
                ++row;
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < incoming.size() && (row >= m_rows.size() || incoming.at(end).id < m_rows.at(row).id))
                ++end;
            this->beginInsertRows({}, int(row), int(row + end - i - 1));
            m_rows.insert(row, end - i, Row());
            std::copy(incoming.cbegin() + i, incoming.cbegin() + end, m_rows.begin() + row);
            this->endInsertRows();
            row += end - i;
            i = end;
        }
        if (firstChanged >= 0)
            emit this->dataChanged(this->index(int(firstChanged), 0), this->index(int(lastChanged), columnCount - 1));
    }

    QList<Row> m_rows;
};

} // namespace SocketLab
