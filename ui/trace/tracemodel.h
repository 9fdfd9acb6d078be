#pragma once

#include "net/trace.h"

#include <QAbstractTableModel>
#include <QList>

namespace SocketLab {

// The socket calls of one exchange as table rows, one per TraceEntry. A folded run of calls shows how
// many calls it stands for and the bytes they moved in all.
class TraceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Call, Arguments, Result, Calls, Bytes, Errno, Meaning, ColumnCount };

    explicit TraceModel(QObject *parent = nullptr);

    // During an exchange the trace only grows and only its last entry changes (a fold): that case
    // inserts rows and updates one, so selection and scrolling survive; so does a long-running trace
    // letting its oldest entries go (their rows are removed). Anything else resets.
    void setEntries(const QList<TraceEntry> &entries);
    const QList<TraceEntry> &entries() const { return m_entries; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The rows as tab-separated text, a header line first, the way a spreadsheet pastes it.
    QString toTsv(const QList<int> &rows) const;

    // The language changed: the headers, meanings and tooltips read again in it.
    void retranslate();

private:
    // Whether entries is what this model holds from row `from` on, the last of those perhaps folded
    // further, then maybe more.
    bool continuesFrom(qsizetype from, const QList<TraceEntry> &entries) const;
    // The row of the same call as entry, or -1.
    qsizetype rowOf(const TraceEntry &entry) const;
    QString displayText(const TraceEntry &entry, int column) const;
    QString toolTip(const TraceEntry &entry, int column) const;
    static QString statusMeaning(const TraceEntry &entry);

    QList<TraceEntry> m_entries;
};

} // namespace SocketLab
