#pragma once

#include "net/neterror.h"
#include "servers/listener.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace SocketLab {

class ByteStore;
class ClientModel;
class ClientSendPane;
class FittingSplitter;
class HexView;
class Listener;
class ListenerForm;
class ListenerModel;
class LocalServers;
class Relay;
class RelayView;
class TextView;
class TraceView;

// Servers: start TCP and UDP listeners from the window, and watch them and the embedded servers
// work. A form starts a listener (echo, fixed reply, HTTP demo, log only; loopback unless a person
// picks all interfaces); a table lists the listeners, which can be stopped, restarted and (those
// started here) removed; another lists the selected listener's clients with their bytes; the bytes
// of the selected client, received or sent, show in hex and as text, and the listener's socket calls
// in a trace. A relay started from the form (mode "Relay to HOST:PORT") is listed with the
// listeners; selected, it shows its connections and the chosen one as a conversation (RelayView)
// where the clients would be. From a client's row (its button or context menu) a person sends bytes to that
// client with the main window's request editor, and shuts or closes its connection: SocketLab is
// then the server end of a conversation, scripted by hand.
//
// The listeners work on their threads and report queued; those reports only schedule a refresh, at
// most every RefreshIntervalMs, which brings the tables up to date row by row so selections survive.
// A start or restart returns at once: the listener binds on its thread, and the message (and, for
// a new listener, its row) follows when it listens or fails.
class ServersPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshIntervalMs = 100;

    // servers: the embedded servers, listed first (may be null). They must outlive the panel.
    explicit ServersPanel(LocalServers *servers, QWidget *parent = nullptr);
    ~ServersPanel() override;

    // The selected listener, or null (for a relay too).
    Listener *selectedListener() const;
    // The selected relay, or null.
    Relay *selectedRelay() const;
    // The id of the selected client of the selected listener.
    std::optional<quint64> selectedClient() const;
    // Selects the listener's row (and so shows its clients); false if it is not listed.
    bool selectListener(const QObject *listener);

    ListenerForm *form() const { return m_form; }
    ListenerModel *listenerModel() const { return m_listeners; }
    ClientModel *clientModel() const { return m_clients; }
    QTableView *listenersView() const { return m_listenersView; }
    QTableView *clientsView() const { return m_clientsView; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *restartButton() const { return m_restart; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *talkButton() const { return m_talk; }
    QPushButton *sendToClientButton() const { return m_sendToClient; }
    // Hidden until "Send to client…" opens it.
    ClientSendPane *sendPane() const { return m_sendPane; }
    // What happened last: a listener started, or why it could not.
    QLabel *messageLabel() const { return m_message; }
    QToolButton *receivedButton() const { return m_receivedButton; }
    QToolButton *sentButton() const { return m_sentButton; }
    QTabWidget *trafficTabs() const { return m_tabs; }
    HexView *hexView() const { return m_hex; }
    TextView *textView() const { return m_text; }
    TraceView *traceView() const { return m_trace; }
    // In place of the clients and their bytes while a relay is selected.
    RelayView *relayView() const { return m_relayView; }

public slots:
    // Starts a listener (or a relay) as the form says; once it listens it is listed and selected, and if it
    // cannot (EADDRINUSE for a busy port) messageLabel() says why and it is not listed. False if
    // the form is incomplete or the start failed at once. The form keeps its values either way.
    bool startListener();
    void stopSelected();
    // Starts the selected listener again on the address and port it had; the outcome shows in
    // messageLabel() once it is known.
    void restartSelected();
    // Stops the selected listener and takes it out of the table; the embedded servers stay.
    void removeSelected();
    // Emits useListener() for the selected running listener.
    void talkToSelected();
    // Shows the send editor for the selected client, the focus in it.
    void openSendPane();
    // Reads the listeners' tables now rather than at the next refresh.
    void refresh();

signals:
    // "Talk to it": put this address into the connection form, with a stop rule and a request that
    // fit the listener's settings (transport, mode). For a listener bound to all interfaces, host is
    // the loopback address of its family.
    void useListener(const QString &host, quint16 port, const SocketLab::Listener::Settings &settings);
    // An embedded server stopped or started again: its address or state changed.
    void embeddedServersChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class MessageKind { None, Started, StartFailed, RelayStartFailed, RestartFailed, Failed, AcceptPaused, AcceptResumed };

    void watch(Listener *listener);
    void watchRelay(Relay *relay);
    bool startRelay();
    void onListening(Listener *listener);
    void onStartFailed(Listener *listener, const NetError &error);
    void onRelayListening(Relay *relay);
    void onRelayStartFailed(Relay *relay, const NetError &error);
    void onStateChanged(QObject *server);
    void scheduleRefresh();
    int selectedRow() const;
    void showSelectedListener();
    void updateTraffic();
    // The Destination column, for a UDP listener that joined groups.
    void showDestinations();
    void updateTrafficLabel();
    void updateButtons();
    void updateSendPane();
    void showClientMenu(const QPoint &position);
    void setMessage(MessageKind kind, QObject *server, const NetError &error = {});
    void showMessage();
    void applyColors();
    void retranslate();
    void fitClientColumns();
    int clientsPaneWidth(int available) const;

    LocalServers *m_servers;
    std::vector<std::unique_ptr<Listener>> m_owned;
    std::vector<std::unique_ptr<Relay>> m_ownedRelays;
    ListenerForm *m_form;
    QLabel *m_message;
    ListenerModel *m_listeners;
    QTableView *m_listenersView;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QPushButton *m_remove;
    QPushButton *m_talk;
    ClientModel *m_clients;
    QTableView *m_clientsView;
    QPushButton *m_sendToClient;
    ClientSendPane *m_sendPane;
    QSplitter *m_splitter;
    FittingSplitter *m_clientsSplitter;
    QLabel *m_trafficLabel;
    QToolButton *m_receivedButton;
    QToolButton *m_sentButton;
    QTabWidget *m_tabs;
    HexView *m_hex;
    TextView *m_text;
    TraceView *m_trace;
    QWidget *m_details;
    RelayView *m_relayView;
    QTimer *m_refreshTimer;

    // Listeners whose start or restart the panel asked for and whose outcome it has not seen.
    QSet<const QObject *> m_awaited;
    QPointer<Listener> m_shownListener;
    std::shared_ptr<const ByteStore> m_shownStore;
    qint64 m_shownSize = 0;

    MessageKind m_messageKind = MessageKind::None;
    // The listener or relay the message is about.
    QPointer<QObject> m_messageListener;
    NetError m_messageError;
};

} // namespace SocketLab
