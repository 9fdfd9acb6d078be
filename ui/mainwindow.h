#pragma once

#include "collections/savedrequest.h"
#include "history/exchangerecord.h"
#include "servers/listener.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace SocketLab {

class ChainButtons;
struct CodeRequest;
class CollectionsPanel;
class ConnectionPanel;
class DnsPanel;
class ExchangeChain;
class ExchangeController;
class ExchangeStore;
class Exporter;
struct ExportSubject;
class LookupStore;
struct HistoryLimits;
class HistoryPanel;
class LocalServers;
class ReplyPanel;
class RequestEditor;
class ServersPanel;
class SettingsNotice;
class TraceView;
class UdpPanel;
class ConversationPanel;

// The window, thin: it lays the panels out, wires them to the exchange controller, and keeps the
// layout and the last target between runs. Each panel is its own class.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // servers: the embedded servers (may be null if they could not start); the first launch targets
    // their HTTP server so that a newcomer with no network gets a real reply.
    explicit MainWindow(LocalServers *servers, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConnectionPanel *connectionPanel() const { return m_connection; }
    RequestEditor *requestEditor() const { return m_editor; }
    ReplyPanel *replyPanel() const { return m_reply; }
    TraceView *traceView() const { return m_trace; }
    HistoryPanel *historyPanel() const { return m_history; }
    DnsPanel *dnsPanel() const { return m_dns; }
    UdpPanel *udpPanel() const { return m_udp; }
    ServersPanel *serversPanel() const { return m_serversPanel; }
    ConversationPanel *conversationPanel() const { return m_conversations; }
    QTabWidget *tools() const { return m_tools; }
    // Exchange > Export as pcapng…, Copy the report, Save the report…: of what the tab in view shows.
    QAction *exportPcapngAction() const { return m_exportPcapngAction; }
    QAction *copyReportAction() const { return m_copyReportAction; }
    QAction *saveReportAction() const { return m_saveReportAction; }
    QMenu *exchangeMenu() const { return m_exchangeMenu; }
    Exporter *exporter() const { return m_exporter; }
    // The exchange or conversation the tab in view shows (the TCP tab's, the UDP tab's, the
    // conversation sub-tab's); empty when it shows none.
    ExportSubject exportSubject() const;
    // Under the reply in the TCP exchange tab: the socket calls and the history, one tab each.
    QTabWidget *callsAndHistory() const { return m_callsAndHistory; }
    QSplitter *exchangeSplitter() const { return m_splitter; }
    QAction *showCallsAction() const { return m_showCallsAction; }
    QAction *showHistoryAction() const { return m_showHistoryAction; }
    QLabel *serversLabel() const { return m_serversLabel; }
    // In the status bar when saved settings were ignored at start.
    SettingsNotice *settingsNotice() const { return m_settingsNotice; }
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *pasteCurlAction() const { return m_pasteCurlAction; }
    ExchangeChain *exchangeChain() const { return m_chain; }
    ChainButtons *chainButtons() const { return m_chainButtons; }
    // What is kept between runs: the exchanges of the History tab and the DNS tab's look-ups.
    ExchangeStore *exchangeStore() const { return m_exchangeStore; }
    // The UDP tab's exchanges, in their own folder.
    ExchangeStore *datagramStore() const { return m_datagramStore; }
    LookupStore *lookupStore() const { return m_lookupStore; }
    // View > Clear history…: asks, then clears the exchanges and the look-ups, files included.
    QAction *clearHistoryAction() const { return m_clearHistoryAction; }
    // The collections side panel, a dock that the View menu shows and hides.
    CollectionsPanel *collectionsPanel() const { return m_collections; }
    QDockWidget *collectionsDock() const { return m_collectionsDock; }
    QAction *saveToCollectionAction() const { return m_saveToCollectionAction; }
    QAction *showCodeAction() const { return m_showCodeAction; }
    QAction *showCollectionsAction() const { return m_showCollectionsAction; }

    // The form of the tab in view as a request to save (TCP exchange, UDP, or the conversation in view
    // as a script); false with *problem (translated) when that tab has nothing to save.
    bool currentSavedRequest(SavedRequest *request, QString *problem) const;

    // The tool tabs, in their order.
    enum ToolTab { ExchangeTab, DnsTab, UdpTab, ServersTab, ConversationTab };

public slots:
    // Send (Ctrl+Return) acts on the tab in view, wherever the focus was left: the exchange, the DNS
    // look-up whose form has the focus, the UDP datagram. Cancel (Esc) stops the exchange or the UDP
    // wait of the tab in view; a DNS look-up has its own Cancel buttons. The Servers tab has neither.
    void send();
    void cancel();
    // Puts an exchange's target (host, port, family, stop rule) and request in the form, ready to
    // send again; the request replaces the editor's as one edit Undo takes back.
    void loadIntoForm(const SocketLab::ConnectionSettings &target, const QByteArray &request);
    // Without asking: every exchange, look-up and conversation kept, in the lists and on disk.
    void clearHistory();
    // Fills the form of the request's tab (TCP exchange, UDP, Conversations) with a saved request,
    // and sends it when `send`.
    void openSavedRequest(const SocketLab::SavedRequest &request, bool send);
    // Asks where, and saves the form of the tab in view to a collection.
    void saveToCollection();
    // The program of the tab in view's request, in a dialog of its own (several may stay open to compare).
    void showCode();
    void showCodeFor(const SavedRequest &saved);
    void openCodeDialog(const CodeRequest &request);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createLanguageMenu();
    void switchLanguage(const QString &language);
    void retranslate();
    void showFirstLaunchTarget();
    void onFinished(std::shared_ptr<const ExchangeRecord> record);
    void showRecord(std::shared_ptr<const ExchangeRecord> record);
    void showSettings();
    // A refused certificate: trust it (or replace its pin) once the person has seen its fingerprint.
    void askToTrust(std::shared_ptr<const ExchangeRecord> record);
    void applyUrl(const struct HttpUrl &url);
    void askToReplaceRequest(const HttpUrl &url);
    void loadRecord(std::shared_ptr<const ExchangeRecord> record);
    void setPageShown(QWidget *page, bool shown);
    void placeDefaultSplit();
    void updateEditorTarget();
    void updateServersLabel();
    void talkTo(const QString &host, quint16 port, const Listener::Settings &listener);
    void connectWaitHint();
    // What "Talk to it" reads a listener's reply until, from what the listener does.
    static StopRule stopRuleFor(const Listener::Settings &listener);
    void showTool(int index);
    void updateActions();
    void createExportActions();
    void updateExportActions();
    // Following the links of a reply: a click prepares a request, Back and Forward walk the chain.
    void createChainNavigation();
    void followLink(const struct LinkClick &click);
    void showChainStep(std::shared_ptr<const ExchangeRecord> record);
    void updateChainButtons();
    void saveSettings() const;
    void createHistoryStores();
    void applyHistoryLimits(const HistoryLimits &limits);
    void confirmClearHistory();
    void restoreSettings();
    void createCollectionsDock();
    void openScript(const SavedRequest &request, bool send);

    LocalServers *m_servers;
    ExchangeController *m_controller;
    ConnectionPanel *m_connection;
    RequestEditor *m_editor;
    ReplyPanel *m_reply;
    TraceView *m_trace;
    HistoryPanel *m_history;
    DnsPanel *m_dns;
    UdpPanel *m_udp;
    ServersPanel *m_serversPanel;
    ConversationPanel *m_conversations;
    QTabWidget *m_tools;
    QSplitter *m_splitter;
    QTabWidget *m_callsAndHistory;
    QLabel *m_serversLabel;
    SettingsNotice *m_settingsNotice;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_exchangeMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_searchHistoryAction = nullptr;
    QAction *m_clearHistoryAction = nullptr;
    ExchangeStore *m_exchangeStore = nullptr;
    ExchangeStore *m_datagramStore = nullptr;
    LookupStore *m_lookupStore = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_pasteCurlAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_showCallsAction = nullptr;
    QAction *m_showHistoryAction = nullptr;
    QAction *m_saveToCollectionAction = nullptr;
    QAction *m_showCodeAction = nullptr;
    QAction *m_exportPcapngAction = nullptr;
    QAction *m_copyReportAction = nullptr;
    QAction *m_saveReportAction = nullptr;
    Exporter *m_exporter = nullptr;
    QAction *m_showCollectionsAction = nullptr;
    CollectionsPanel *m_collections = nullptr;
    QDockWidget *m_collectionsDock = nullptr;
    bool m_loadingForm = false; // the form takes a whole exchange: the request is not retargeted
    QByteArray m_savedSplit;   // the exchange tab's split as the last run left it, if it was kept
    bool m_splitDragged = false; // a person dragged a handle in this run: the split is theirs
    bool m_settingsFromNewerVersion = false; // saved by a newer SocketLab: not written over
    std::shared_ptr<const Trace> m_liveTrace;
    ExchangeChain *m_chain = nullptr;
    ChainButtons *m_chainButtons = nullptr;
    QString m_preparedMessage; // the status bar's word on the request a click prepared
};

} // namespace SocketLab
