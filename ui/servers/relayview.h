#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QSplitter;
class QTableView;

namespace SocketLab {

class Relay;
class RelayConnectionModel;
class RelayConnectionView;
class RelayShapingEdit;

// The selected relay in the Servers tab: what it does to each direction now (delay, cap, pause,
// changed on the running relay at once), its connections with their bytes and queues each way, and
// the chosen connection as a conversation (RelayConnectionView).
class RelayView : public QWidget
{
    Q_OBJECT

public:
    explicit RelayView(QWidget *parent = nullptr);

    // The relay shown, or none. The panel calls setRelay(nullptr) before it deletes the one shown.
    void setRelay(Relay *relay);
    Relay *relay() const { return m_relay; }
    std::optional<quint64> selectedConnection() const;
    // Selects the connection's row; false if it is not listed.
    bool selectConnection(quint64 id);

    // Reads the relay's connections, the chosen one's events and the shaping again.
    void refresh();

    RelayShapingEdit *toTargetShaping() const { return m_toTarget; }
    RelayShapingEdit *toClientShaping() const { return m_toClient; }
    RelayConnectionModel *connectionModel() const { return m_connections; }
    QTableView *connectionsView() const { return m_connectionsView; }
    RelayConnectionView *connectionView() const { return m_connection; }
    // The relay's totals in a sentence.
    QLabel *totalsLabel() const { return m_totals; }
    // The ends of the view's tab order, for the panel to continue from and to.
    QWidget *firstInFocusChain() const;
    QWidget *lastInFocusChain() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyShaping(const RelayShapingEdit *edit);
    void showSelectedConnection();
    void updateTotals();
    void fitColumns();
    void retranslate();

    QPointer<Relay> m_relay;
    QGroupBox *m_shaping;
    RelayShapingEdit *m_toTarget;
    RelayShapingEdit *m_toClient;
    QLabel *m_totals;
    RelayConnectionModel *m_connections;
    QTableView *m_connectionsView;
    RelayConnectionView *m_connection;
    QSplitter *m_splitter;
};

} // namespace SocketLab
