#pragma once

#include "idrowsmodel.h"

#include "relay/relay.h"

#include <QList>

namespace SocketLab {

// The connections of one relay (for UDP its client addresses), by id: client, target, state, the
// bytes each way and what waits in each direction (a pause, a delay, a cap or a full socket), and
// why it ended. setConnections() is called many times a second while bytes flow: rows are
// inserted, removed and updated where they changed, so the selected connection stays selected.
class RelayConnectionModel : public IdRowsModel<Relay::Connection>
{
    Q_OBJECT

public:
    enum Column { Id, Client, Target, State, ToTarget, ToClient, QueuedToTarget, QueuedToClient, Error, ColumnCount };

    explicit RelayConnectionModel(QObject *parent = nullptr);

    // Another relay: the rows start over.
    void reset(QList<Relay::Connection> connections, bool udp);
    // The same relay's connections read again.
    void setConnections(QList<Relay::Connection> connections);

    bool isUdp() const { return m_udp; }
    const Relay::Connection &connectionAt(int row) const { return m_rows.at(row); }
    // "Open", "Client sent FIN", "Closed", "Refused", "Target refused": a connection's state in words.
    static QString stateText(const Relay::Connection &connection);
    // Every text stateText() can give, in the current language: the State column fits the widest.
    static QStringList stateTexts();

    // The language changed: every header and cell is text again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const Relay::Connection &connection, int column) const;
    QString toolTip(const Relay::Connection &connection, int column) const;
    QString headerToolTip(int section) const;

    bool m_udp = false;
};

} // namespace SocketLab
