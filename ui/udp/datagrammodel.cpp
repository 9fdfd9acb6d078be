#include "datagrammodel.h"

#include "text/stoptext.h"

#include <QFont>
#include <QLocale>

namespace SocketLab {

DatagramModel::DatagramModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DatagramModel::clear()
{
    beginResetModel();
    m_segments.clear();
    m_datagrams.clear();
    endResetModel();
}

void DatagramModel::growTo(const QList<Segment> &segments)
{
    // A store only appends, so the rows already shown keep their place and their selection.
    if (segments.size() < m_segments.size()) {
        beginResetModel();
        m_segments = segments;
        m_datagrams.clear();
        endResetModel();
        return;
    }
    if (segments.size() == m_segments.size())
        return;
    beginInsertRows({}, int(m_segments.size()), int(segments.size()) - 1);
    m_segments = segments;
    endInsertRows();
}

void DatagramModel::setSegments(const QList<Segment> &segments)
{
    growTo(segments);
}

void DatagramModel::setDatagrams(const QList<Datagram> &datagrams, const QList<Segment> &segments)
{
    growTo(segments.mid(0, datagrams.size()));
    m_datagrams = datagrams.mid(0, m_segments.size());
    if (!m_segments.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_segments.size()) - 1, ColumnCount - 1));
}

void DatagramModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_segments.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_segments.size()) - 1, ColumnCount - 1));
}

int DatagramModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_segments.size());
}

int DatagramModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatagramModel::displayData(int row, int column) const
{
    const Segment &segment = m_segments.at(row);
    const QLocale locale;
    switch (column) {
    case NumberColumn:
        return locale.toString(row + 1);
    case TimeColumn:
        return locale.toString(double(segment.timeUs) / 1000.0, 'f', 3);
    case KeptColumn:
        return locale.toString(segment.length);
    default:
        break;
    }
    // The sender, the real size and the truncation come with the result.
    if (!isComplete(row))
        return QStringLiteral("…");
    const Datagram &datagram = m_datagrams.at(row);
    switch (column) {
    case FromColumn:
        return datagram.from.toString();
    case SizeColumn:
        return locale.toString(datagram.size);
    case TruncatedColumn:
        return datagram.truncated ? tr("yes") : tr("no");
    default:
        return {};
    }
}

QString DatagramModel::truncationToolTip(int row) const
{
    if (!isComplete(row))
        return tr("Known when the exchange ends.");
    const Datagram &datagram = m_datagrams.at(row);
    if (!datagram.truncated)
        return tr("The whole datagram fit in the receive buffer.");
    return tr("The datagram had %1; recvfrom() kept the first %2, the kernel dropped the rest (MSG_TRUNC).")
        .arg(byteCount(datagram.size), byteCount(datagram.kept));
}

QVariant DatagramModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_segments.size())
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::TextAlignmentRole:
        if (column == FromColumn || column == TruncatedColumn)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (column == TruncatedColumn && isComplete(row) && m_datagrams.at(row).truncated) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == TruncatedColumn || column == SizeColumn || column == KeptColumn)
            return truncationToolTip(row);
        if (column == FromColumn && !isComplete(row))
            return tr("Known when the exchange ends.");
        return {};
    default:
        return {};
    }
}

QVariant DatagramModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NumberColumn: return tr("#");
        case TimeColumn: return tr("Time (ms)");
        case FromColumn: return tr("From");
        case SizeColumn: return tr("Size");
        case KeptColumn: return tr("Kept");
        case TruncatedColumn: return tr("Truncated");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn: return tr("When recvfrom() returned the datagram, since the exchange started");
        case FromColumn: return tr("The sender's address and port, as recvfrom() gave them");
        case SizeColumn: return tr("The datagram's real size, even when the buffer was smaller");
        case KeptColumn: return tr("The bytes recvfrom() copied into the receive buffer");
        case TruncatedColumn: return tr("Whether the datagram was larger than the receive buffer (MSG_TRUNC)");
        default: return {};
        }
    }
    return {};
}

} // namespace SocketLab
