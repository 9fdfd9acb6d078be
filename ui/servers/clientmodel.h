#pragma once

#include "idrowsmodel.h"

#include "servers/listener.h"

#include <QHash>
#include <QList>

namespace SocketLab {

// The clients of one listener (for UDP its peers, one per sender address), by id. setClients() is
// called many times a second while traffic flows: it changes only the rows that changed (IdRowsModel).
class ClientModel : public IdRowsModel<Listener::Client>
{
    Q_OBJECT

public:
    // Destination: UDP, a listener that joined groups: the addresses the sender's datagrams went to.
    enum Column { Id, Peer, Destination, BytesIn, BytesOut, State, ConnectedAt, Error, ColumnCount };

    explicit ClientModel(QObject *parent = nullptr);

    // Another listener: the rows start over. udp changes the wording ("First datagram").
    void reset(const QList<Listener::Client> &clients, bool udp);
    // The same listener's clients read again.
    void setClients(QList<Listener::Client> clients);
    void clear();
    // The listener's datagram records, for the Destination column: each sender's destinations, in
    // the order they were first seen. Datagrams without a destination (no group joined) add none.
    // True when a sender's destinations changed.
    bool setDatagrams(const QList<Listener::Datagram> &datagrams);
    // What the Destination column shows for a sender: "239.1.2.3, ff12::1", empty when none is known.
    QString destinations(quint64 id) const;

    bool isUdp() const { return m_udp; }
    const Listener::Client &clientAt(int row) const { return m_rows.at(row); }

    // The language changed: every header and cell is text again.
    void retranslate();
    // The widest text a cell of column shows in the current language and locale (the longest count,
    // address, state or time), for sizing the columns without measuring every row; empty for Error.
    QString widestText(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const Listener::Client &client, int column) const;
    QString toolTip(const Listener::Client &client, int column) const;
    QString headerToolTip(int section) const;

    QHash<quint64, QList<SocketAddress>> m_destinations;
    bool m_udp = false;
};

} // namespace SocketLab
