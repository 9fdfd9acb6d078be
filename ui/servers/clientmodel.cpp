#include "clientmodel.h"

#include "text/clocktext.h"
#include "text/errortext.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QStringList>

#include <algorithm>

namespace SocketLab {

namespace {

bool sameError(const NetError &a, const NetError &b)
{
    return a.kind == b.kind && a.systemCode == b.systemCode && a.errnoCode == b.errnoCode && a.call == b.call
           && a.detail == b.detail;
}

bool sameClient(const Listener::Client &a, const Listener::Client &b)
{
    return a.bytesIn == b.bytesIn && a.bytesOut == b.bytesOut && a.open == b.open && a.closedAt == b.closedAt
           && a.refused == b.refused && a.keptIn == b.keptIn && a.keptOut == b.keptOut
           && a.bytesDropped == b.bytesDropped && a.queuedOut == b.queuedOut && a.writeShut == b.writeShut
           && a.peer == b.peer && a.connectedAt == b.connectedAt && a.lastDatagramAt == b.lastDatagramAt
           && sameError(a.error, b.error);
}

} // namespace

ClientModel::ClientModel(QObject *parent)
    : IdRowsModel(parent)
{
}

void ClientModel::reset(const QList<Listener::Client> &clients, bool udp)
{
    beginResetModel();
    m_rows = clients;
    sortById(m_rows);
    m_udp = udp;
    m_destinations.clear();
    endResetModel();
}

void ClientModel::setClients(QList<Listener::Client> clients)
{
    mergeRows(std::move(clients), sameClient, ColumnCount);
}

void ClientModel::clear()
{
    reset({}, m_udp);
}

bool ClientModel::setDatagrams(const QList<Listener::Datagram> &datagrams)
{
    QHash<quint64, QList<SocketAddress>> destinations;
    for (const Listener::Datagram &datagram : datagrams) {
        if (!datagram.destination.isValid())
            continue;
        QList<SocketAddress> &seen = destinations[datagram.clientId];
        if (!seen.contains(datagram.destination))
            seen.append(datagram.destination);
    }
    if (destinations == m_destinations)
        return false;
    m_destinations = std::move(destinations);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Destination), index(int(m_rows.size()) - 1, Destination));
    return true;
}

QString ClientModel::destinations(quint64 id) const
{
    QStringList hosts;
    for (const SocketAddress &address : m_destinations.value(id)) {
        // An IPv6 socket that joined an IPv4 group hears it as ::ffff:239.1.2.3: the group is
        // shown as it was joined.
        const QString host = address.host();
        const QLatin1StringView mapped("::ffff:");
        hosts << (host.startsWith(mapped) && host.contains(QLatin1Char('.')) ? host.mid(mapped.size()) : host);
    }
    return hosts.join(QStringLiteral(", "));
}

void ClientModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QString ClientModel::widestText(int column) const
{
    // Eleven at night, local time: the longest hour on a 12-hour clock, two digits on a 24-hour one.
    const QDateTime late = QDateTime(QDate(2000, 1, 1), QTime(23, 59, 59, 999)).toUTC();
    Listener::Client sample;
    sample.open = false;
    sample.connectedAt = late;
    sample.lastDatagramAt = late;
    switch (column) {
    case State:
        return m_udp ? displayText(sample, State)
                     : std::max({tr("Open"), tr("Half-closed"), tr("Closed"), tr("Refused")},
                                [](const QString &a, const QString &b) { return a.size() < b.size(); });
    case ConnectedAt:
        return displayText(sample, ConnectedAt);
    case Id:
        return QStringLiteral("99999");
    case Peer:
        return QStringLiteral("255.255.255.255:65535");
    case Destination: {
        // A sender that sent to several groups lists them all: the widest list there is, read from
        // the few senders with destinations rather than from every row.
        QString widest = QStringLiteral("239.255.255.255");
        for (auto it = m_destinations.cbegin(); it != m_destinations.cend(); ++it) {
            const QString text = destinations(it.key());
            if (text.size() > widest.size())
                widest = text;
        }
        return widest;
    }
    case BytesIn:
    case BytesOut:
        return QLocale().toString(Q_INT64_C(9999999999));
    }
    return {};
}

QString ClientModel::displayText(const Listener::Client &client, int column) const
{
    const QLocale locale;
    switch (column) {
    case Id: return QString::number(client.id);
    case Peer: return client.peer.toString();
    case Destination: return destinations(client.id);
    case BytesIn: return locale.toString(client.bytesIn);
    case BytesOut: return locale.toString(client.bytesOut);
    case State:
        // A UDP sender has no connection to be open: what there is to say is when it last sent.
        if (m_udp)
            return tr("Last datagram %1").arg(clockTime(client.lastDatagramAt.toLocalTime().time(), true));
        if (client.refused)
            return tr("Refused");
        if (client.open && client.writeShut)
            return tr("Half-closed");
        return client.open ? tr("Open") : tr("Closed");
    case ConnectedAt: return clockTime(client.connectedAt.toLocalTime().time(), true);
    case Error: return client.error.isError() ? ErrorText::describe(client.error) : QString();
    }
    return {};
}

QString ClientModel::toolTip(const Listener::Client &client, int column) const
{
    const QLocale locale;
    switch (column) {
    // An IPv6 address with its port may be wider than the column: whole here.
    case Peer:
        return client.peer.toString();
    case Destination:
        return m_destinations.contains(client.id) ? tr("This sender's datagrams were sent to %1.").arg(destinations(client.id))
                                                  : QString();
    case ConnectedAt:
        return locale.toString(client.connectedAt.toLocalTime(), QLocale::LongFormat);
    case State:
        if (m_udp)
            return tr("A sender seen while the listener runs; its last datagram came at %1.")
                .arg(locale.toString(client.lastDatagramAt.toLocalTime(), QLocale::LongFormat));
        if (client.refused)
            return tr("Accepted and closed at once: the listener was serving its maximum of clients.");
        if (client.open && client.writeShut)
            return tr("The listener shuts its write side (shutdown(SHUT_WR)) once the bytes waiting for the client "
                      "have left: the client then reads end of file, and the listener still reads what it sends.");
        if (client.open)
            return tr("The connection is open.");
        return tr("Closed at %1").arg(locale.toString(client.closedAt.toLocalTime(), QLocale::LongFormat));
    case Error:
        return client.error.isError() ? ErrorText::describe(client.error) : QString();
    case BytesIn:
    case BytesOut: {
        const bool in = column == BytesIn;
        const QString what = in ? (m_udp ? tr("Bytes in the datagrams from this sender.") : tr("Bytes received from this client."))
                                : (m_udp ? tr("Bytes in the datagrams sent back to this sender.") : tr("Bytes sent to this client."));
        QString text = what;
        if (!in && client.queuedOut > 0)
            text += QLatin1Char(' ') + tr("%1 more bytes wait to be sent: the client is not reading them yet.")
                                           .arg(locale.toString(client.queuedOut));
        if (client.bytesDropped)
            text += QLatin1Char(' ')
                    + tr("Only the first %1 are kept to show: the listener's capture budget is full, and the oldest "
                         "clients' bytes are dropped first.")
                          .arg(locale.toString(in ? client.keptIn : client.keptOut));
        return text;
    }
    }
    return {};
}

QString ClientModel::headerToolTip(int section) const
{
    switch (section) {
    case Id: return tr("The listener numbers its clients in the order it accepts them.");
    case Peer: return m_udp ? tr("The address and port the datagrams came from.") : tr("The client's address and port.");
    case Destination: return tr("The addresses the sender's datagrams were sent to: the multicast groups the listener joined, or its own.");
    case BytesIn: return m_udp ? tr("Bytes in the datagrams from the sender.") : tr("Bytes received from the client.");
    case BytesOut: return m_udp ? tr("Bytes in the datagrams sent back.") : tr("Bytes sent to the client.");
    case State: return m_udp ? tr("When the sender's last datagram came.") : tr("Whether the connection is open, closed or was refused.");
    case ConnectedAt: return m_udp ? tr("When the sender's first datagram came.") : tr("When the listener accepted the connection.");
    case Error: return tr("What went wrong on the connection, if anything.");
    }
    return {};
}

int ClientModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Listener::Client &client = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayText(client, index.column());
    case Qt::ToolTipRole: return toolTip(client, index.column());
    case Qt::ForegroundRole:
        // Counts whose bytes are not all kept, and refused connections, are greyed like a hint.
        if ((client.bytesDropped && (index.column() == BytesIn || index.column() == BytesOut))
            || (client.refused && index.column() == State))
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Id || index.column() == BytesIn || index.column() == BytesOut)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant ClientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return headerToolTip(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("ID");
    case Peer: return m_udp ? tr("Sender") : tr("Peer");
    case Destination: return tr("Destination");
    case BytesIn: return tr("Bytes in");
    case BytesOut: return tr("Bytes out");
    case State: return tr("State");
    case ConnectedAt: return m_udp ? tr("First datagram") : tr("Connected at");
    case Error: return tr("Error");
    }
    return {};
}

} // namespace SocketLab
