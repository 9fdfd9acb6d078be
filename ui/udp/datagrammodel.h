#pragma once

#include "bytes/segment.h"
#include "exchange/exchangeresult.h"

#include <QAbstractTableModel>
#include <QList>

namespace SocketLab {

// The datagrams of one UDP exchange as table rows: number, arrival time, sender, real size, bytes
// kept, truncated or not. Rows appear live from the store's segments while the exchange runs (the
// sender and the real size are only known once it ends) and are completed by its result.
class DatagramModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, TimeColumn, FromColumn, SizeColumn, KeptColumn, TruncatedColumn, ColumnCount };

    explicit DatagramModel(QObject *parent = nullptr);

    void clear();
    // While the exchange runs: one row per segment, appended as they come.
    void setSegments(const QList<Segment> &segments);
    // When it ends: the datagrams, their bytes being the store's segments in the same order.
    void setDatagrams(const QList<Datagram> &datagrams, const QList<Segment> &segments);

    // Where the bytes of a row are in the store.
    Segment segment(int row) const { return m_segments.value(row); }
    // False while the row is only known from its segment.
    bool isComplete(int row) const { return row >= 0 && row < m_datagrams.size(); }
    Datagram datagram(int row) const { return m_datagrams.value(row); }

    // The language changed: headers and the words in the cells are asked for again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(int row, int column) const;
    QString truncationToolTip(int row) const;
    void growTo(const QList<Segment> &segments);

    QList<Segment> m_segments;
    QList<Datagram> m_datagrams;
};

} // namespace SocketLab
