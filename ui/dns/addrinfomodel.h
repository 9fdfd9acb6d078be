#pragma once

#include "net/resolver.h"

#include <QAbstractTableModel>
#include <QList>

namespace SocketLab {

// The rows of one getaddrinfo() answer, in the order the C library returned them: Python's 5-tuple
// with the socket address split into address and port. Not sortable on purpose: the order is the
// order connect() should try.
class AddrInfoModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Family, SocketType, Protocol, CanonicalName, Address, Port, ColumnCount };

    explicit AddrInfoModel(QObject *parent = nullptr);

    void setRows(const QList<AddrInfoRow> &rows);
    const QList<AddrInfoRow> &rows() const { return m_rows; }
    // Each row as Python's socket.getaddrinfo() prints it in its list, one per line.
    QString pythonText() const;
    // The header texts are translated: call on a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AddrInfoRow> m_rows;
};

} // namespace SocketLab
