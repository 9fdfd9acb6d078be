#pragma once

#include "http/httpconversationparser.h"

#include <QAbstractTableModel>
#include <QList>

namespace SocketLab {

// A connection's HTTP exchanges as table rows, in the order of the requests: the request, the status,
// each direction's size and how each message's end is found.
class HttpExchangeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, RequestColumn, StatusColumn, RequestSizeColumn, ResponseSizeColumn, FramingColumn, ColumnCount };

    explicit HttpExchangeModel(QObject *parent = nullptr);

    // The exchanges as they stand now: rows are added, and the rows that may have changed since the
    // last call (from the first one not over) are repainted.
    void update(const QList<HttpConversationExchange> &exchanges);
    void clear();
    const HttpConversationExchange &exchangeAt(int row) const { return m_exchanges.at(row); }
    // Whether a column speaks of the response (what a click on it selects).
    static bool isResponseColumn(int column);
    // The language changed.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HttpConversationExchange> m_exchanges;
    // Rows before this one are over (both messages complete) and never change again.
    int m_firstOpen = 0;
};

} // namespace SocketLab
