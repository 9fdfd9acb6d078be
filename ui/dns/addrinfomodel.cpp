#include "addrinfomodel.h"

#include <QStringList>

namespace SocketLab {

AddrInfoModel::AddrInfoModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AddrInfoModel::setRows(const QList<AddrInfoRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString AddrInfoModel::pythonText() const
{
    QStringList lines;
    lines.reserve(m_rows.size());
    for (const AddrInfoRow &row : m_rows)
        lines.append(row.toPythonRepr());
    return lines.join(u'\n');
}

void AddrInfoModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int AddrInfoModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AddrInfoModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AddrInfoModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AddrInfoRow &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Family: return familyName(row.family);
        case SocketType: return socketTypeName(row.socketType);
        case Protocol: return protocolName(row.protocol);
        case CanonicalName: return row.canonicalName;
        case Address: return row.address.host();
        case Port: return row.address.port();
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        // The names are what a C program writes, the numbers what Python's tuple shows.
        const auto nameAndValue = [](const QString &name, int value) -> QVariant {
            if (name == QString::number(value))
                return {};
            return tr("%1 = %2").arg(name).arg(value);
        };
        switch (index.column()) {
        case Family: return nameAndValue(familyName(row.family), int(row.family));
        case SocketType: return nameAndValue(socketTypeName(row.socketType), int(row.socketType));
        case Protocol: return nameAndValue(protocolName(row.protocol), row.protocol);
        case Address:
        case Port: return tr("Socket address as Python prints it: %1").arg(row.address.toPythonTuple());
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Port)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AddrInfoModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Family: return tr("Family");
    case SocketType: return tr("Socket type");
    case Protocol: return tr("Protocol");
    case CanonicalName: return tr("Canonical name");
    case Address: return tr("Address");
    case Port: return tr("Port");
    default: return {};
    }
}

} // namespace SocketLab
