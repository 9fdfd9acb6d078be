#include "relayconnectionmodel.h"

#include "text/errortext.h"

#include <QLocale>

#include <cerrno>

namespace SocketLab {

namespace {

bool sameError(const NetError &a, const NetError &b)
{
    return a.kind == b.kind && a.systemCode == b.systemCode && a.errnoCode == b.errnoCode && a.call == b.call
           && a.detail == b.detail;
}

bool sameConnection(const Relay::Connection &a, const Relay::Connection &b)
{
    return a.state == b.state && a.fromClient == b.fromClient && a.toTarget == b.toTarget && a.fromTarget == b.fromTarget
           && a.toClient == b.toClient && a.queuedToTarget == b.queuedToTarget && a.queuedToClient == b.queuedToClient
           && a.datagramsFromClient == b.datagramsFromClient && a.datagramsFromTarget == b.datagramsFromTarget
           && a.clientShut == b.clientShut && a.targetShut == b.targetShut && a.refused == b.refused
           && a.bytesDropped == b.bytesDropped && a.client == b.client && a.target == b.target
           && a.closedAt == b.closedAt && sameError(a.error, b.error);
}

} // namespace

RelayConnectionModel::RelayConnectionModel(QObject *parent)
    : IdRowsModel(parent)
{
}

void RelayConnectionModel::reset(QList<Relay::Connection> connections, bool udp)
{
    sortById(connections);
    beginResetModel();
    m_rows = std::move(connections);
    m_udp = udp;
    endResetModel();
}

void RelayConnectionModel::setConnections(QList<Relay::Connection> connections)
{
    mergeRows(std::move(connections), sameConnection, ColumnCount);
}

void RelayConnectionModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QString RelayConnectionModel::stateText(const Relay::Connection &connection)
{
    using State = Relay::Connection::State;
    if (connection.refused)
        return tr("Refused");
    switch (connection.state) {
    case State::Connecting: return tr("Connecting to the target");
    case State::Open:
        if (connection.clientShut && connection.targetShut)
            return tr("Both sent FIN");
        if (connection.clientShut)
            return tr("Client sent FIN");
        if (connection.targetShut)
            return tr("Target sent FIN");
        return tr("Open");
    case State::Closed:
        return connection.error.isError() ? tr("Failed") : tr("Closed");
    }
    return {};
}

QStringList RelayConnectionModel::stateTexts()
{
    using State = Relay::Connection::State;
    QStringList texts;
    Relay::Connection connection;
    connection.refused = true;
    texts << stateText(connection);
    connection.refused = false;
    for (const State state : {State::Connecting, State::Open, State::Closed}) {
        connection.state = state;
        for (const bool failed : {false, true}) {
            connection.error = failed ? NetError::fromErrno(ECONNRESET, QStringLiteral("recv")) : NetError();
            for (const int shut : {0, 1, 2, 3}) {
                connection.clientShut = shut & 1;
                connection.targetShut = shut & 2;
                texts << stateText(connection);
            }
        }
    }
    texts.removeDuplicates();
    return texts;
}

QString RelayConnectionModel::displayText(const Relay::Connection &connection, int column) const
{
    const QLocale locale;
    switch (column) {
    case Id: return QString::number(connection.id);
    case Client: return connection.client.toString();
    case Target: return connection.target.isValid() ? connection.target.toString() : QString();
    case State: return stateText(connection);
    case ToTarget: return locale.toString(connection.toTarget);
    case ToClient: return locale.toString(connection.toClient);
    case QueuedToTarget: return locale.toString(connection.queuedToTarget);
    case QueuedToClient: return locale.toString(connection.queuedToClient);
    case Error: return connection.error.isError() ? ErrorText::describe(connection.error) : QString();
    }
    return {};
}

QString RelayConnectionModel::toolTip(const Relay::Connection &connection, int column) const
{
    const QLocale locale;
    switch (column) {
    case Client: return connection.client.toString();
    case Target:
        return connection.target.isValid() ? connection.target.toString()
                                           : tr("Not connected to the target yet.");
    case State:
        if (connection.refused)
            return tr("Accepted and closed at once: the relay was relaying its maximum of connections.");
        if (connection.state == Relay::Connection::State::Closed)
            return tr("Closed at %1").arg(locale.toString(connection.closedAt.toLocalTime(), QLocale::LongFormat));
        return tr("Opened at %1").arg(locale.toString(connection.openedAt.toLocalTime(), QLocale::LongFormat));
    case ToTarget:
        return m_udp ? tr("%1 bytes read from the client in %2 datagrams; %3 sent on to the target, %4 datagrams dropped.")
                           .arg(locale.toString(connection.fromClient), locale.toString(connection.datagramsFromClient),
                                locale.toString(connection.toTarget), locale.toString(connection.datagramsDropped))
                     : tr("%1 bytes read from the client; %2 sent on to the target, %3 waiting in the relay.")
                           .arg(locale.toString(connection.fromClient), locale.toString(connection.toTarget),
                                locale.toString(connection.queuedToTarget));
    case ToClient:
        return m_udp ? tr("%1 bytes read from the target in %2 datagrams; %3 sent on to the client.")
                           .arg(locale.toString(connection.fromTarget), locale.toString(connection.datagramsFromTarget),
                                locale.toString(connection.toClient))
                     : tr("%1 bytes read from the target; %2 sent on to the client, %3 waiting in the relay.")
                           .arg(locale.toString(connection.fromTarget), locale.toString(connection.toClient),
                                locale.toString(connection.queuedToClient));
    case Error: return connection.error.isError() ? ErrorText::describe(connection.error) : QString();
    default: break;
    }
    return {};
}

QString RelayConnectionModel::headerToolTip(int section) const
{
    switch (section) {
    case Id: return tr("The relay numbers its connections in the order it accepts them.");
    case Client: return m_udp ? tr("The address and port the client's datagrams came from.") : tr("The client's address and port.");
    case Target: return tr("The target address the relay connected to for this client.");
    case State: return tr("Whether the connection is being made, open, half-closed, closed or was refused.");
    case ToTarget: return tr("Bytes from the client, sent on to the target.");
    case ToClient: return tr("Bytes from the target, sent on to the client.");
    case QueuedToTarget: return tr("Bytes read from the client that wait to be sent on: a pause, a delay, a cap, or a target that does not read.");
    case QueuedToClient: return tr("Bytes read from the target that wait to be sent on: a pause, a delay, a cap, or a client that does not read.");
    case Error: return tr("Why the connection ended, when it was not both sides closing: the target refused or timed out, a reset.");
    }
    return {};
}

int RelayConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RelayConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelayConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Relay::Connection &connection = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayText(connection, index.column());
    case Qt::ToolTipRole: return toolTip(connection, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Id || (index.column() >= ToTarget && index.column() <= QueuedToClient))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant RelayConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole)
        return headerToolTip(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Id");
    case Client: return tr("Client");
    case Target: return tr("Target");
    case State: return tr("State");
    case ToTarget: return tr("To target");
    case ToClient: return tr("To client");
    case QueuedToTarget: return tr("Queued to target");
    case QueuedToClient: return tr("Queued to client");
    case Error: return tr("Error");
    }
    return {};
}

} // namespace SocketLab
