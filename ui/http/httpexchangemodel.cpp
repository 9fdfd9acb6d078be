#include "httpexchangemodel.h"

#include "httpexchangetext.h"

#include "text/stoptext.h"

#include <QLocale>

namespace SocketLab {

namespace {

bool isOver(const HttpConversationExchange &exchange)
{
    return exchange.request.complete && exchange.hasResponse && exchange.response.complete;
}

QString sizeText(const HttpMessage &message)
{
    return dataSize(message.range.length) + (message.complete ? QString() : QStringLiteral(" …"));
}

} // namespace

HttpExchangeModel::HttpExchangeModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HttpExchangeModel::update(const QList<HttpConversationExchange> &exchanges)
{
    const int before = int(m_exchanges.size());
    const int after = int(exchanges.size());
    if (after < before) {
        beginResetModel();
        m_exchanges = exchanges;
        m_firstOpen = 0;
        endResetModel();
    } else {
        if (after > before)
            beginInsertRows({}, before, after - 1);
        m_exchanges = exchanges;
        if (after > before)
            endInsertRows();
        if (m_firstOpen < before)
            emit dataChanged(index(m_firstOpen, 0), index(before - 1, ColumnCount - 1));
    }
    while (m_firstOpen < after && isOver(m_exchanges.at(m_firstOpen)))
        ++m_firstOpen;
}

void HttpExchangeModel::clear()
{
    update({});
}

bool HttpExchangeModel::isResponseColumn(int column)
{
    return column == StatusColumn || column == ResponseSizeColumn;
}

void HttpExchangeModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_exchanges.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int HttpExchangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exchanges.size());
}

int HttpExchangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HttpExchangeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_exchanges.size())
        return {};
    const HttpConversationExchange &exchange = m_exchanges.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == NumberColumn || index.column() == RequestSizeColumn
                            || index.column() == ResponseSizeColumn;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case NumberColumn: return QLocale().toString(index.row() + 1);
    case RequestColumn:
        return QStringLiteral("%1 %2").arg(QString::fromLatin1(exchange.method), QString::fromLatin1(exchange.target));
    case StatusColumn: return HttpExchangeText::status(exchange);
    case RequestSizeColumn: return sizeText(exchange.request);
    case ResponseSizeColumn: return exchange.hasResponse ? sizeText(exchange.response) : QString();
    case FramingColumn: {
        const QString request = HttpExchangeText::framing(exchange.request);
        if (!exchange.hasResponse)
            return request;
        //: How each message of an exchange ends: the request's framing, then the response's.
        return tr("%1 → %2").arg(request, HttpExchangeText::framing(exchange.response));
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant HttpExchangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NumberColumn: return tr("#");
    case RequestColumn: return tr("Request");
    case StatusColumn: return tr("Status");
    case RequestSizeColumn: return tr("Request size");
    case ResponseSizeColumn: return tr("Response size");
    case FramingColumn: return tr("Framing (request → response)");
    case ColumnCount: break;
    }
    return {};
}

} // namespace SocketLab
