#pragma once

#include "net/socketaddress.h"
#include "relay/relaysettings.h"
#include "servers/listener.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace SocketLab {

class Relay;

// The listeners of the servers panel, one row each: the three embedded servers and those a person
// started, relays among them. The model points at the listeners and never owns them. refresh() reads their state again
// and only the rows whose numbers moved emit dataChanged(), so a selection survives every update.
class ListenerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Transport, Address, Mode, State, Clients, Open, BytesIn, BytesOut, ColumnCount };
    enum class Origin { User, EmbeddedHttp, EmbeddedHttps, EmbeddedTcpEcho, EmbeddedUdpEcho };

    explicit ListenerModel(QObject *parent = nullptr);

    // Appends a row for the listener and returns it. User listeners are numbered from 1 in the order
    // they were added; a number is never given twice.
    int addListener(Listener *listener, Origin origin);
    // A relay a person started, numbered with the listeners.
    int addRelay(Relay *relay);
    // Takes a listener's or a relay's row out.
    void removeListener(const QObject *server);
    // The row's listener; null for a relay's row.
    Listener *listenerAt(int row) const;
    // The row's relay; null for a listener's row.
    Relay *relayAt(int row) const;
    Origin originAt(int row) const;
    bool isEmbedded(int row) const { return originAt(row) != Origin::User; }
    // A listener's or a relay's row, or -1.
    int rowOf(const QObject *server) const;
    // The address it listens on, or once stopped the one it listened on last: a restart takes it
    // again so the port a person was given stays the same.
    SocketAddress lastAddress(int row) const;
    // "Built-in TCP echo", "Listener 2"; the name it has in the table.
    QString nameAt(int row) const;

    // Reads every listener's state and counters again.
    void refresh();
    // The language changed: every header and cell is text again.
    void retranslate();

    static QString modeName(Listener::Mode mode);
    // "Relay to 127.0.0.1:8080", "Relay to [::1]:8080 (TLS)".
    static QString relayModeName(const RelaySettings &settings);
    // "127.0.0.1:8080", "[::1]:8080": the relay's target as it was given.
    static QString relayTargetText(const RelaySettings &settings);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Listener *listener = nullptr;
        Relay *relay = nullptr;
        Origin origin = Origin::User;
        int number = 0;
        SocketAddress address;
        bool running = false;
        bool starting = false;  // a relay between start() and its outcome: the State column says so
        qint64 clients = 0;
        qint64 refused = 0;
        qint64 open = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        std::optional<qint64> kernelDrops;  // UDP: see Listener::Totals
        qint64 receiveBufferBytes = 0;
        QByteArray certificateSha256;  // while running with TLS
    };

    // Row's numbers read from its listener; true if any changed.
    static bool update(Row &row);
    QString displayText(const Row &row, int column) const;
    QString toolTip(const Row &row, int column) const;

    QList<Row> m_rows;
    int m_lastNumber = 0;
};

} // namespace SocketLab
