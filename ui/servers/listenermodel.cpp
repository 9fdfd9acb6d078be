#include "listenermodel.h"

#include "relay/relay.h"
#include "text/kerneldropstext.h"
#include "text/tlstext.h"

#include <QLocale>

#include <climits>

namespace SocketLab {

ListenerModel::ListenerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ListenerModel::addListener(Listener *listener, Origin origin)
{
    Row row;
    row.listener = listener;
    row.origin = origin;
    if (origin == Origin::User)
        row.number = ++m_lastNumber;
    row.address = listener->settings().address;
    update(row);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    return at;
}

int ListenerModel::addRelay(Relay *relay)
{
    Row row;
    row.relay = relay;
    row.number = ++m_lastNumber;
    row.address = relay->settings().listenAddress;
    update(row);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    return at;
}

void ListenerModel::removeListener(const QObject *server)
{
    const int row = rowOf(server);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

Listener *ListenerModel::listenerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).listener : nullptr;
}

Relay *ListenerModel::relayAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).relay : nullptr;
}

ListenerModel::Origin ListenerModel::originAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).origin : Origin::User;
}

int ListenerModel::rowOf(const QObject *server) const
{
    if (!server)
        return -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        if (row.listener == server || row.relay == server)
            return int(i);
    }
    return -1;
}

SocketAddress ListenerModel::lastAddress(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).address : SocketAddress();
}

QString ListenerModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? displayText(m_rows.at(row), Name) : QString();
}

void ListenerModel::refresh()
{
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!update(m_rows[i]))
            continue;
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        emit dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
}

void ListenerModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

bool ListenerModel::update(Row &row)
{
    if (row.relay) {
        // Into the listeners' columns: its clients are the connections, bytes in what the clients
        // sent on to the target, bytes out what the target answered them.
        const bool running = row.relay->isRunning();
        const bool starting = row.relay->isStarting();
        const SocketAddress address = running ? row.relay->boundAddress() : row.address;
        const Relay::Totals totals = row.relay->totals();
        const bool changed = running != row.running || starting != row.starting || !(address == row.address)
                             || totals.connections != row.clients
                             || totals.refused != row.refused || totals.open != row.open
                             || totals.toTarget != row.bytesIn || totals.toClient != row.bytesOut;
        row.running = running;
        row.starting = starting;
        if (address.isValid())
            row.address = address;
        row.clients = totals.connections;
        row.refused = totals.refused;
        row.open = totals.open;
        row.bytesIn = totals.toTarget;
        row.bytesOut = totals.toClient;
        return changed;
    }
    const bool running = row.listener->isRunning();
    const SocketAddress address = running ? row.listener->boundAddress() : row.address;
    // The totals, not the table: it forgets the oldest closed clients.
    const Listener::Totals totals = row.listener->totals();
    const QByteArray certificateSha256 = row.listener->certificateSha256();
    const bool changed = running != row.running || !(address == row.address) || totals.clients != row.clients
                         || totals.refused != row.refused || totals.open != row.open || totals.bytesIn != row.bytesIn
                         || totals.bytesOut != row.bytesOut || certificateSha256 != row.certificateSha256
                         || totals.kernelDrops != row.kernelDrops;
    row.running = running;
    row.certificateSha256 = certificateSha256;
    if (address.isValid())
        row.address = address;
    row.clients = totals.clients;
    row.refused = totals.refused;
    row.open = totals.open;
    row.bytesIn = totals.bytesIn;
    row.bytesOut = totals.bytesOut;
    row.kernelDrops = totals.kernelDrops;
    row.receiveBufferBytes = totals.receiveBufferBytes;
    return changed;
}

QString ListenerModel::modeName(Listener::Mode mode)
{
    switch (mode) {
    case Listener::Mode::Echo: return tr("Echo");
    case Listener::Mode::FixedReply: return tr("Fixed reply");
    case Listener::Mode::HttpDemo: return tr("HTTP demo");
    case Listener::Mode::LogOnly: return tr("Log only");
    }
    return {};
}

QString ListenerModel::relayTargetText(const RelaySettings &settings)
{
    // An IPv6 address in brackets, as an address with a port is written.
    const QString host = settings.targetHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(settings.targetHost)
                                                                       : settings.targetHost;
    return QStringLiteral("%1:%2").arg(host, settings.targetService);
}

QString ListenerModel::relayModeName(const RelaySettings &settings)
{
    const QString target = relayTargetText(settings);
    return settings.tlsToTarget.enabled ? tr("Relay to %1 (TLS)").arg(target) : tr("Relay to %1").arg(target);
}

QString ListenerModel::displayText(const Row &row, int column) const
{
    const QLocale locale;
    if (row.relay) {
        switch (column) {
        case Name: return tr("Relay %1").arg(row.number);
        case Transport:
            return row.relay->settings().transport == RelaySettings::Transport::Udp ? QStringLiteral("UDP")
                                                                                    : QStringLiteral("TCP");
        case Mode: return relayModeName(row.relay->settings());
        case State: return row.running ? tr("Running") : row.starting ? tr("Starting") : tr("Stopped");
        default: break;
        }
    }
    switch (column) {
    case Name:
        switch (row.origin) {
        case Origin::EmbeddedHttp: return tr("Built-in HTTP demo");
        case Origin::EmbeddedHttps: return tr("Built-in HTTPS demo");
        case Origin::EmbeddedTcpEcho: return tr("Built-in TCP echo");
        case Origin::EmbeddedUdpEcho: return tr("Built-in UDP echo");
        case Origin::User: return tr("Listener %1").arg(row.number);
        }
        return {};
    case Transport:
        if (row.listener->settings().transport == Listener::Transport::Udp)
            return QStringLiteral("UDP");
        return row.listener->settings().tls ? QStringLiteral("TCP+TLS") : QStringLiteral("TCP");
    case Address: return row.address.isValid() ? row.address.toString() : QString();
    case Mode: return modeName(row.listener->settings().mode);
    case State: {
        const QString state = row.running ? tr("Running") : tr("Stopped");
        // The one count no other tool shows: a UDP listener that could not keep up.
        if (row.kernelDrops.value_or(0) > 0)
            return tr("%1, %Ln datagram(s) dropped", nullptr, int(qMin<qint64>(*row.kernelDrops, INT_MAX))).arg(state);
        return state;
    }
    case Clients: return locale.toString(row.clients);
    case Open: return locale.toString(row.open);
    case BytesIn: return locale.toString(row.bytesIn);
    case BytesOut: return locale.toString(row.bytesOut);
    }
    return {};
}

QString ListenerModel::toolTip(const Row &row, int column) const
{
    if (row.relay) {
        const bool udp = row.relay->settings().transport == RelaySettings::Transport::Udp;
        switch (column) {
        case Name: return tr("Started from this panel; Remove stops it and takes it away.");
        case Mode: return tr("Each client gets its own connection to the target; both directions' bytes are forwarded as they come.");
        case Address:
            return row.running ? tr("The address and port the relay listens on: point the client here.")
                               : tr("Stopped; Restart binds this address and port again.");
        case Clients:
            return udp ? tr("Client addresses seen, each with its own socket to the target.")
                       : tr("Connections accepted, %1 of them refused for want of a free slot.").arg(QLocale().toString(row.refused));
        case Open: return udp ? tr("Client addresses with a socket to the target now.") : tr("Connections relayed now.");
        case BytesIn: return tr("Bytes the clients sent, forwarded to the target.");
        case BytesOut: return tr("Bytes the target answered, forwarded to the clients.");
        default: return {};
        }
    }
    const bool udp = row.listener->settings().transport == Listener::Transport::Udp;
    switch (column) {
    case Name:
        return row.origin == Origin::User ? tr("Started from this panel; Remove stops it and takes it away.")
                                          : tr("Started with SocketLab on loopback; it can be stopped and restarted, not removed.");
    case Transport:
        if (!row.listener->settings().tls)
            return {};
        if (row.certificateSha256.isEmpty())
            return tr("Every client speaks TLS.");
        return tr("Every client speaks TLS. Certificate SHA-256 (to pin): %1")
            .arg(TlsText::fingerprint(row.certificateSha256));
    case State:
        if (!udp || !row.kernelDrops)
            return {};
        if (*row.kernelDrops == 0)
            return tr("The kernel has dropped no datagram: the receive buffer never overflowed.");
        return describeKernelDrops(*row.kernelDrops, row.receiveBufferBytes);
    case Address:
        return row.running ? tr("The address and port the socket is bound to.")
                           : tr("Stopped; Restart binds this address and port again.");
    case Clients:
        return udp ? tr("Senders seen (each address and port is one peer); the table forgets the oldest first.")
                   : tr("Connections accepted, %1 of them refused for want of a free client slot; the table "
                        "forgets the oldest closed ones first.")
                         .arg(QLocale().toString(row.refused));
    case Open:
        return udp ? tr("Senders seen during this run.") : tr("Connections open now.");
    case BytesIn:
        return tr("Bytes received from every client, those the table forgot included.");
    case BytesOut:
        return tr("Bytes sent to every client, those the table forgot included.");
    }
    return {};
}

int ListenerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ListenerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ListenerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::ToolTipRole: return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= Clients)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant ListenerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Transport: return tr("Transport");
    case Address: return tr("Address");
    case Mode: return tr("Mode");
    case State: return tr("State");
    case Clients: return tr("Clients");
    case Open: return tr("Open");
    case BytesIn: return tr("Bytes in");
    case BytesOut: return tr("Bytes out");
    }
    return {};
}

} // namespace SocketLab
