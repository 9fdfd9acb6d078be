#include "mainwindow.h"

#include "code/showcodedialog.h"
#include "collections/collectionspanel.h"
#include "collections/httpfile.h"
#include "collections/httprequestvariables.h"
#include "exchange/stopinfo.h"
#include "connection/connectionpanel.h"
#include "connection/tlsoptionsedit.h"
#include "dns/dnspanel.h"
#include "dns/lookuphistory.h"
#include "dns/lookupstore.h"
#include "exchangecontroller.h"
#include "history/exchangestore.h"
#include "history/historylimits.h"
#include "history/historypanel.h"
#include "navigation/chainbuttons.h"
#include "navigation/exchangechain.h"
#include "reply/httpview.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "conversation/conversationpage.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "conversation/pastconversationlist.h"
#include "export/exporter.h"
#include "servers/serverspanel.h"
#include "settings/historypage.h"
#include "settings/settingsdialog.h"
#include "settings/settingsnotice.h"
#include "settings/storedsettings.h"
#include "tls/pinstore.h"
#include "tls/trustdialog.h"
#include "trace/traceview.h"
#include "udp/udppanel.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/targetedit.h"

#include "conversation/conversationscript.h"
#include "http/curlcommand.h"
#include "http/requestretarget.h"
#include "http/requesttemplates.h"
#include "net/trace.h"
#include "servers/localservers.h"
#include "text/clocktext.h"
#include "text/scripttext.h"
#include "text/translations.h"

#include <QAction>
#include <QCheckBox>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QGroupBox>
#include <QLabel>
#include <QClipboard>
#include <QDir>
#include <QComboBox>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {
// The version of the docks' layout kept under window/docks.
constexpr int DocksVersion = 1;
// What is kept of a reply whose body a .http file's request variables read: its head and a body up
// to MaxReplyBodyBytes, more than those variables use.
constexpr qint64 KeptReplyBytes = MaxReplyBodyBytes + 1024 * 1024;
}

MainWindow::MainWindow(LocalServers *servers, QWidget *parent)
    : QMainWindow(parent)
    , m_servers(servers)
    , m_controller(new ExchangeController(this))
    , m_connection(new ConnectionPanel)
    , m_editor(new RequestEditor)
    , m_reply(new ReplyPanel)
    , m_trace(new TraceView)
    , m_history(new HistoryPanel)
    , m_dns(new DnsPanel)
    , m_udp(new UdpPanel)
    , m_serversPanel(new ServersPanel(servers))
    , m_conversations(new ConversationPanel)
    , m_tools(new QTabWidget)
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_callsAndHistory(new QTabWidget)
    , m_serversLabel(new QLabel(this))
    , m_settingsNotice(new SettingsNotice(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    auto *requestBox = new QWidget;
    auto *requestLayout = new QVBoxLayout(requestBox);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addWidget(m_connection);
    requestLayout->addWidget(m_editor, 1);

    // The calls and the history are those of the TCP exchange alone: a pane of its tab, under the
    // reply, that a splitter handle resizes (the other tabs have their own calls). Docks would
    // float when their title is dragged and would need hiding on every other tab.
    m_callsAndHistory->setObjectName(QStringLiteral("CallsAndHistory"));
    m_callsAndHistory->setDocumentMode(true);
    m_callsAndHistory->addTab(m_trace, QString());
    m_callsAndHistory->addTab(m_history, QString());
    m_trace->setScrolling(TraceView::Scrolling::KeepStart);

    m_splitter->setObjectName(QStringLiteral("MainSplitter"));
    m_splitter->addWidget(requestBox);
    m_splitter->addWidget(m_reply);
    m_splitter->addWidget(m_callsAndHistory);
    m_splitter->setCollapsible(2, false);
    // A larger window goes to the request and the reply; the pane keeps the height it was given.
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->installEventFilter(this);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitDragged = true; });
    // One tab a tool of the notebooks: a TCP exchange, name resolution, a UDP form, servers, and the
    // conversations that keep a connection open.
    m_tools->setObjectName(QStringLiteral("Tools"));
    m_tools->setDocumentMode(true);
    m_tools->addTab(m_splitter, QString());
    m_tools->addTab(m_dns, QString());
    m_tools->addTab(m_udp, QString());
    m_tools->addTab(m_serversPanel, QString());
    m_tools->addTab(m_conversations, QString());
    setCentralWidget(m_tools);
    // A first launch gets a window large enough for the request, the reply with the first screen of
    // an HTML body, and eight rows of calls at once.
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 110, fontMetrics().height() * 60);
    statusBar()->addWidget(m_settingsNotice, 1);
    statusBar()->addPermanentWidget(m_serversLabel);

    createCollectionsDock();
    createActions();
    createChainNavigation();
    createHistoryStores();

    connect(m_connection, &ConnectionPanel::sendRequested, this, &MainWindow::send);
    connect(m_connection, &ConnectionPanel::cancelRequested, this, &MainWindow::cancel);
    connect(m_connection, &ConnectionPanel::urlEntered, this, &MainWindow::applyUrl);
    // What curl would send replaces the request, as one step that Undo takes back.
    connect(m_connection, &ConnectionPanel::curlImported, this,
            [this](const CurlImport &import) { m_editor->replaceRequest(import.request); });
    // The notes, and the TLS options, come between the form and the request: the reply gives up
    // their height, so the request stays in view.
    const auto growForm = [this](int change) {
        QList<int> sizes = m_splitter->sizes();
        const int moved = std::min(change, sizes[1] - m_reply->minimumSizeHint().height());
        if (moved == 0 || sizes[0] + moved <= 0)
            return;
        sizes[0] += moved;
        sizes[1] -= moved;
        m_splitter->setSizes(sizes);
    };
    connect(m_connection, &ConnectionPanel::curlNotesResized, this, growForm);
    connect(m_connection, &ConnectionPanel::tlsOptionsResized, this, growForm);
    connect(m_connection, &ConnectionPanel::targetChanged, this, &MainWindow::updateEditorTarget);
    // The Host header leaves out the scheme's own port: 443 with TLS, 80 without.
    connect(m_connection->tlsCheck(), &QCheckBox::toggled, this, &MainWindow::updateEditorTarget);
    connect(m_reply, &ReplyPanel::trustRequested, this, &MainWindow::askToTrust);
    connect(m_connection, &ConnectionPanel::udpRequested, this,
            [this](const QString &host, const QString &service, IpFamily family) {
                m_udp->setTarget(host, service);
                m_udp->targetEdit()->setFamily(family);
                m_tools->setCurrentIndex(UdpTab);
                statusBar()->showMessage(tr("UDP has a tab of its own: the target was carried over to its form."), 10000);
            });
    connect(m_editor, &RequestEditor::validityChanged, m_connection, &ConnectionPanel::setRequestValid);
    // A curl command pasted into the request fills the form as one pasted into the host field does.
    m_editor->setTakesCurlCommands(true);
    connect(m_editor, &RequestEditor::curlCommandPasted, m_connection, &ConnectionPanel::importCurl);
    connect(m_controller, &ExchangeController::started, this,
            [this](std::shared_ptr<const ByteSource> reply, std::shared_ptr<const Trace> trace) {
                m_liveTrace = std::move(trace);
                m_reply->beginExchange(std::move(reply), m_controller->stopRule());
                m_trace->setEntries({});
            });
    connect(m_controller, &ExchangeController::progress, this, [this](qint64 bytes, ExchangePhase phase) {
        m_reply->showProgress(bytes, phase);
        if (m_liveTrace)
            m_trace->setEntries(m_liveTrace->entries());
    });
    connect(m_controller, &ExchangeController::finished, this, &MainWindow::onFinished);
    connectWaitHint();
    connect(m_history, &HistoryPanel::recordChosen, this, &MainWindow::showRecord);
    connect(m_history, &HistoryPanel::loadRequested, this, &MainWindow::loadRecord);
    connect(m_history, &HistoryPanel::saveReplyRequested, this, [this](std::shared_ptr<const ExchangeRecord> record) {
        if (m_reply->record() != record)
            showRecord(record);
        m_reply->saveReply();
    });
    connect(m_history, &HistoryPanel::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_reply, &ReplyPanel::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_dns, &DnsPanel::useAddress, this, [this](const QString &host, quint16 port, IpFamily family) {
        m_connection->setTarget(host, QString::number(port));
        m_connection->targetEdit()->setFamily(family);
        m_tools->setCurrentIndex(ExchangeTab);
    });
    connect(m_serversPanel, &ServersPanel::useListener, this, &MainWindow::talkTo);
    connect(m_tools, &QTabWidget::currentChanged, this, &MainWindow::showTool);
    connect(m_udp, &UdpPanel::busyChanged, this, &MainWindow::updateActions);
    connect(m_conversations, &ConversationPanel::stateChanged, this, &MainWindow::updateActions);
    connect(m_conversations, &ConversationPanel::saveToCollectionRequested, this, &MainWindow::saveToCollection);
    connect(m_serversPanel, &ServersPanel::embeddedServersChanged, this, &MainWindow::updateServersLabel);
    if (m_servers) {
        // They start on their own threads: the label follows them once they have answered.
        connect(m_servers, &LocalServers::started, this, &MainWindow::updateServersLabel);
        connect(m_servers, &LocalServers::startFailed, this, &MainWindow::updateServersLabel);
    }
    if (m_servers && m_servers->isRunning()) {
        m_udp->setDefaultTarget(m_servers->udpEchoAddress());
        m_conversations->setDefaultTargets(m_servers->tcpEchoAddress(), m_servers->udpEchoAddress());
    }

    retranslate();
    showFirstLaunchTarget();
    restoreSettings();
    m_connection->setRequestValid(m_editor->isValid());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_sendAction = new QAction(this);
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::send);
    m_pasteCurlAction = new QAction(this);
    connect(m_pasteCurlAction, &QAction::triggered, this, [this] {
        m_tools->setCurrentIndex(ExchangeTab);
        m_connection->importCurl(QGuiApplication::clipboard()->text());
    });
    m_cancelAction = new QAction(this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancel);
    m_saveAction = new QAction(this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, m_reply, &ReplyPanel::saveReply);
    m_settingsAction = new QAction(this);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    // Ctrl+S saves the reply already.
    m_saveToCollectionAction = new QAction(this);
    m_saveToCollectionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveToCollectionAction, &QAction::triggered, this, &MainWindow::saveToCollection);
    m_showCodeAction = new QAction(this);
    m_showCodeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_showCodeAction, &QAction::triggered, this, &MainWindow::showCode);
    // The socket calls' table offers their program too: the calls are what the program makes.
    m_trace->addAction(m_showCodeAction);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About SocketLab"),
                           tr("<p><b>SocketLab</b> %1</p><p>A workbench for BSD sockets: type a raw request, send it, and "
                              "see every byte that crossed the socket, every socket call and why reading stopped.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_exchangeMenu = menuBar()->addMenu(QString());
    m_exchangeMenu->addAction(m_sendAction);
    m_exchangeMenu->addAction(m_cancelAction);
    m_exchangeMenu->addSeparator();
    m_exchangeMenu->addAction(m_pasteCurlAction);
    m_exchangeMenu->addAction(m_saveToCollectionAction);
    m_exchangeMenu->addAction(m_showCodeAction);
    createExportActions();
    m_viewMenu = menuBar()->addMenu(QString());
    m_showCallsAction = m_viewMenu->addAction(QString());
    m_showHistoryAction = m_viewMenu->addAction(QString());
    for (QAction *action : {m_showCallsAction, m_showHistoryAction}) {
        action->setCheckable(true);
        action->setChecked(true);
        QWidget *page = action == m_showCallsAction ? static_cast<QWidget *>(m_trace) : m_history;
        connect(action, &QAction::toggled, this, [this, page](bool shown) { setPageShown(page, shown); });
    }
    // Beside the History pane's switch: finding in it and clearing it.
    m_viewMenu->addSeparator();
    m_searchHistoryAction = m_viewMenu->addAction(QString());
    m_searchHistoryAction->setShortcut(QKeySequence::Find);
    connect(m_searchHistoryAction, &QAction::triggered, this, [this] {
        // The search of the tab in view: the DNS tab's look-ups, the UDP tab's exchanges, else the TCP ones.
        if (m_tools->currentIndex() == DnsTab) {
            m_dns->historyFilter()->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        if (m_tools->currentIndex() == UdpTab) {
            m_udp->callsAndHistory()->setCurrentWidget(m_udp->history());
            m_udp->history()->filterEdit()->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        m_tools->setCurrentIndex(ExchangeTab);
        m_showHistoryAction->setChecked(true);
        m_callsAndHistory->setCurrentWidget(m_history);
        m_history->filterEdit()->setFocus(Qt::ShortcutFocusReason);
    });
    m_clearHistoryAction = m_viewMenu->addAction(QString());
    m_clearHistoryAction->setObjectName(QStringLiteral("clearHistory"));
    connect(m_clearHistoryAction, &QAction::triggered, this, &MainWindow::confirmClearHistory);
    m_viewMenu->addSeparator();
    // An action of its own: the dock's toggleViewAction() takes the dock's title as its text, without a mnemonic.
    m_showCollectionsAction = m_viewMenu->addAction(QString());
    m_showCollectionsAction->setCheckable(true);
    m_showCollectionsAction->setChecked(m_collectionsDock->isVisibleTo(this));
    connect(m_showCollectionsAction, &QAction::toggled, m_collectionsDock, &QDockWidget::setVisible);
    connect(m_collectionsDock->toggleViewAction(), &QAction::toggled, m_showCollectionsAction, &QAction::setChecked);
    createLanguageMenu();
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createLanguageMenu()
{
    m_languageMenu = menuBar()->addMenu(QString());
    auto *group = new QActionGroup(this);
    // Each language is named in itself, so a person lost in the other one still finds their own.
    const QList<std::pair<QString, QString>> languages = {{QStringLiteral("en"), QStringLiteral("English")},
                                                          {QStringLiteral("fr"), QStringLiteral("Français")}};
    for (const auto &[code, name] : languages) {
        QAction *action = m_languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(Translations::current() == code);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { switchLanguage(code); });
    }
}

void MainWindow::switchLanguage(const QString &language)
{
    // Installing the translators sends LanguageChange to every widget: each panel retranslates itself.
    Translations::install(language);
    QSettings().setValue(QStringLiteral("language"), language);
    for (QAction *action : m_languageMenu->actions())
        action->setChecked(action->data().toString() == language);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("SocketLab"));
    m_fileMenu->setTitle(tr("&File"));
    m_exchangeMenu->setTitle(tr("Exchan&ge"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_searchHistoryAction->setText(tr("&Search the history"));
    m_clearHistoryAction->setText(tr("C&lear history…"));
    m_sendAction->setText(tr("&Send"));
    m_cancelAction->setText(tr("&Cancel"));
    m_pasteCurlAction->setText(tr("Paste c&url command"));
    m_pasteCurlAction->setToolTip(tr("Fill the form and the request from a curl command in the clipboard "
                                     "(a browser's \"Copy as cURL\")"));
    m_saveAction->setText(tr("&Save reply…"));
    m_quitAction->setText(tr("&Quit"));
    m_settingsAction->setText(tr("Se&ttings…"));
    m_aboutAction->setText(tr("&About SocketLab"));
    m_showCallsAction->setText(tr("Socket &calls"));
    m_showHistoryAction->setText(tr("&History"));
    m_saveToCollectionAction->setText(tr("Save to c&ollection…"));
    m_exportPcapngAction->setText(tr("E&xport as pcapng…"));
    m_copyReportAction->setText(tr("Cop&y the report"));
    m_saveReportAction->setText(tr("Save the repor&t…"));
    m_saveToCollectionAction->setToolTip(tr("Save the form of the tab in view (TCP exchange, UDP, conversation) "
                                            "as a request of a collection"));
    m_showCodeAction->setText(tr("Show co&de…"));
    m_showCodeAction->setToolTip(tr("The Python or C program that does what SocketLab does for the tab in view "
                                    "(TCP exchange, UDP, conversation)"));
    m_collectionsDock->setWindowTitle(tr("Collections"));
    m_showCollectionsAction->setText(tr("C&ollections"));
    m_callsAndHistory->setTabText(m_callsAndHistory->indexOf(m_trace), tr("Socket calls"));
    m_callsAndHistory->setTabText(m_callsAndHistory->indexOf(m_history), tr("History"));
    m_tools->setTabText(ExchangeTab, tr("T&CP exchange"));
    m_tools->setTabText(DnsTab, tr("&DNS"));
    m_tools->setTabText(UdpTab, tr("&UDP"));
    m_tools->setTabText(ServersTab, tr("S&ervers"));
    m_tools->setTabText(ConversationTab, tr("Conversations"));
    updateServersLabel();
}

void MainWindow::updateServersLabel()
{
    if (m_servers && m_servers->isRunning())
        m_serversLabel->setText(tr("Local servers: HTTP %1 · HTTPS %2 · TCP echo %3 · UDP echo %4")
                                    .arg(m_servers->httpAddress().toString(), m_servers->httpsAddress().toString(),
                                         m_servers->tcpEchoAddress().toString(), m_servers->udpEchoAddress().toString()));
    else
        m_serversLabel->setText(tr("Local servers: not running"));
}

void MainWindow::talkTo(const QString &host, quint16 port, const Listener::Settings &listener)
{
    if (listener.transport == Listener::Transport::Udp) {
        m_udp->setTarget(host, QString::number(port));
        m_tools->setCurrentIndex(UdpTab);
        return;
    }
    m_connection->setTarget(host, QString::number(port));
    // TLS as the listener speaks it; its certificate is trusted only once the person has seen it.
    m_connection->setTls(listener.tls);
    m_connection->setStopRule(stopRuleFor(listener));
    if (listener.mode == Listener::Mode::HttpDemo) {
        // The notebook's HTTP/1.1 GET, its Host this listener's address rather than the last target's.
        updateEditorTarget();
        m_editor->applyTemplate(RequestTemplate::Http11Get);
    } else {
        // A line of text: what an echo sends back, and what wakes a fixed reply or shows in a log.
        m_editor->setHttpMode(false);
        m_editor->setMode(PayloadMode::Escaped);
        m_editor->setBytes(QByteArrayLiteral("Hello\n"));
    }
    m_tools->setCurrentIndex(ExchangeTab);
}

StopRule MainWindow::stopRuleFor(const Listener::Settings &listener)
{
    // A few hundred ms of silence ends the read for a listener that never closes: the loopback
    // answer is there long before, and nobody waits for a keep-alive that never ends.
    constexpr qint64 QuietMs = 500;
    switch (listener.mode) {
    case Listener::Mode::HttpDemo:
        // The demo keeps HTTP/1.1 connections alive: its framing says where each reply ends.
        return StopRule{StopRule::Kind::Http, 0};
    case Listener::Mode::FixedReply:
        // One that closes after its reply ends the exchange as the notebooks' loop expects.
        return listener.closeAfterReply ? StopRule{StopRule::Kind::PeerClose, 0} : StopRule{StopRule::Kind::Idle, QuietMs};
    case Listener::Mode::Echo:
    case Listener::Mode::LogOnly:
        // An echo answers at once and stays open; a log never answers: either way silence is the end.
        break;
    }
    return StopRule{StopRule::Kind::Idle, QuietMs};
}

void MainWindow::connectWaitHint()
{
    connect(m_controller, &ExchangeController::httpReplyComplete, m_reply, &ReplyPanel::showHttpComplete);
    connect(m_controller, &ExchangeController::silence, m_reply, &ReplyPanel::showSilence);
    connect(m_reply, &ReplyPanel::stopNowRequested, m_controller, &ExchangeController::stop);
    connect(m_reply, &ReplyPanel::useHttpFramingRequested, this,
            [this] { m_connection->setStopRule(StopRule{StopRule::Kind::Http, 0}); });
}

void MainWindow::setPageShown(QWidget *page, bool shown)
{
    const int index = m_callsAndHistory->indexOf(page);
    m_callsAndHistory->setTabVisible(index, shown);
    if (shown)
        m_callsAndHistory->setCurrentIndex(index);
    m_callsAndHistory->setVisible(m_showCallsAction->isChecked() || m_showHistoryAction->isChecked());
}

void MainWindow::showTool(int index)
{
    // The calls and the history are those of the TCP exchange tab, in its pane: the View menu's
    // actions for them only make sense there.
    m_showCallsAction->setEnabled(index == ExchangeTab);
    m_showHistoryAction->setEnabled(index == ExchangeTab);
    updateActions();
    // Focus left in a page that is now hidden lands on whatever follows it in the window (a tab
    // bar): the tab in view takes it back where it was in that tab, or on its first control.
    const QWidget *focus = QApplication::focusWidget();
    if (focus && focus->isVisible() && m_tools->isAncestorOf(focus))
        return;
    QWidget *page = m_tools->currentWidget();
    if (QWidget *last = page->focusWidget(); last && last->isVisible() && last->isEnabled()) {
        last->setFocus(Qt::TabFocusReason);
        return;
    }
    for (QWidget *w = page->nextInFocusChain(); w != page; w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() && w->isVisible()
            && w->isEnabled()) {
            w->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

void MainWindow::updateActions()
{
    const int tab = m_tools->currentIndex();
    const bool exchangeRunning = m_controller->isRunning();
    m_sendAction->setEnabled((tab == ExchangeTab && !exchangeRunning) || tab == DnsTab
                             || (tab == UdpTab && !m_udp->isRunning())
                             || (tab == ConversationTab && m_conversations->currentPage() && m_conversations->currentPage()->canSend()));
    m_cancelAction->setEnabled((tab == ExchangeTab && exchangeRunning) || (tab == UdpTab && m_udp->isRunning()));
}

void MainWindow::createExportActions()
{
    m_exporter = new Exporter(this);
    connect(m_exporter, &Exporter::message, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    m_exportPcapngAction = new QAction(this);
    m_exportPcapngAction->setObjectName(QStringLiteral("exportPcapng"));
    m_copyReportAction = new QAction(this);
    m_copyReportAction->setObjectName(QStringLiteral("copyReport"));
    m_saveReportAction = new QAction(this);
    m_saveReportAction->setObjectName(QStringLiteral("saveReport"));
    // Nothing to export before the first exchange.
    for (QAction *action : {m_exportPcapngAction, m_copyReportAction, m_saveReportAction})
        action->setEnabled(false);
    connect(m_exportPcapngAction, &QAction::triggered, this, [this] { m_exporter->askAndExportPcapng(exportSubject()); });
    connect(m_copyReportAction, &QAction::triggered, this, [this] { m_exporter->copyReport(exportSubject()); });
    connect(m_saveReportAction, &QAction::triggered, this, [this] { m_exporter->askAndSaveReport(exportSubject()); });
    m_exchangeMenu->addSeparator();
    m_exchangeMenu->addAction(m_exportPcapngAction);
    m_exchangeMenu->addAction(m_copyReportAction);
    m_exchangeMenu->addAction(m_saveReportAction);
    // What the tab in view shows changes in many ways; the menu looks when it opens, which is the only
    // way to these actions (they have no shortcut). Not from updateActions(): the panels' signals call
    // it while the window's children are being destroyed, and this looks into the reply and the pages.
    connect(m_exchangeMenu, &QMenu::aboutToShow, this, &MainWindow::updateExportActions);

    // The histories of the TCP and UDP tabs, and the past conversations, export their entries.
    for (HistoryPanel *history : {m_history, m_udp->history()}) {
        connect(history, &HistoryPanel::exportPcapngRequested, this,
                [this](std::shared_ptr<const ExchangeRecord> record) { m_exporter->askAndExportPcapng(ExportSubject::ofExchange(record)); });
        connect(history, &HistoryPanel::copyReportRequested, this,
                [this](std::shared_ptr<const ExchangeRecord> record) { m_exporter->copyReport(ExportSubject::ofExchange(record)); });
        connect(history, &HistoryPanel::saveReportRequested, this,
                [this](std::shared_ptr<const ExchangeRecord> record) { m_exporter->askAndSaveReport(ExportSubject::ofExchange(record)); });
    }
    PastConversationList *past = m_conversations->pastList();
    connect(past, &PastConversationList::exportPcapngRequested, this,
            [this](const QString &path) { m_exporter->askAndExportPcapng(ExportSubject::ofSavedConversation(path)); });
    connect(past, &PastConversationList::copyReportRequested, this,
            [this](const QString &path) { m_exporter->copyReport(ExportSubject::ofSavedConversation(path)); });
    connect(past, &PastConversationList::saveReportRequested, this,
            [this](const QString &path) { m_exporter->askAndSaveReport(ExportSubject::ofSavedConversation(path)); });
}

ExportSubject MainWindow::exportSubject() const
{
    switch (m_tools->currentIndex()) {
    case ExchangeTab:
        return m_controller->isRunning() ? ExportSubject() : ExportSubject::ofExchange(m_reply->record());
    case UdpTab:
        return m_udp->isRunning() ? ExportSubject() : ExportSubject::ofExchange(m_udp->shownRecord());
    case ConversationTab: {
        const ConversationPage *page = m_conversations->currentPage();
        ExportSubject subject;
        if (!page)
            return subject;
        if (const std::shared_ptr<const SavedConversation> saved = page->savedConversation()) {
            subject.conversation = saved->record;
            subject.trace = saved->trace;
            subject.request = saved->summary.request;
            subject.startedAt = saved->summary.startedAt;
        } else if (page->record()) {
            subject.conversation = page->record();
            subject.trace = page->trace();
            subject.request = page->runningRequest();
            subject.startedAt = page->startedAt();
        }
        return subject;
    }
    default:
        return {};
    }
}

void MainWindow::updateExportActions()
{
    const bool any = !exportSubject().isEmpty();
    for (QAction *action : {m_exportPcapngAction, m_copyReportAction, m_saveReportAction})
        action->setEnabled(any);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // Widgets read numbers through their own locale, which does not follow QLocale::setDefault().
        setLocale(QLocale());
        retranslate();
    }
    // Another SocketLab window may have cleared or pruned the history they share: coming back to
    // this one is when its lists are looked at again. A watcher on the folders would wake this
    // window for each of its own writes too, for a list nobody is looking at.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_exchangeStore) {
        m_exchangeStore->refresh();
        m_lookupStore->refresh();
        m_datagramStore->refresh();
        m_conversations->history()->refresh();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showFirstLaunchTarget()
{
    // The notebook's HTTP/1.1 request, aimed at the embedded server: works with no network at all.
    if (m_servers && m_servers->isRunning()) {
        const SocketAddress http = m_servers->httpAddress();
        m_connection->setTarget(http.host(), QString::number(http.port()));
    } else {
        m_connection->setTarget(QStringLiteral("www.perdu.com"), QStringLiteral("80"));
    }
    updateEditorTarget();
    m_editor->applyTemplate(RequestTemplate::Http11Get);
}

void MainWindow::updateEditorTarget()
{
    const ConnectionSettings settings = m_connection->settings();
    // A curl command in the host field is no host: the request keeps its Host until the command is
    // imported (or, when it cannot be read, at all).
    if (looksLikeCurlCommand(settings.host))
        return;
    bool numeric = false;
    const quint16 port = settings.service.toUShort(&numeric);
    const QByteArray host = hostHeaderValue(settings.host, numeric ? port : (settings.tls ? 443 : 80), settings.tls);
    if (m_loadingForm)
        m_editor->setTarget(host, QByteArrayLiteral("/"));
    else
        m_editor->followTarget(host);
}

void MainWindow::applyUrl(const HttpUrl &url)
{
    // The request there may be the person's work: the URL goes into it, and only a request that
    // cannot take it (not HTTP, or not valid) is replaced, once they agree.
    if (m_editor->retarget(hostHeaderValue(url.host, url.port, url.tls), url.path, url.tls))
        return;
    if (m_editor->isValid() && m_editor->bytes().isEmpty()) {
        m_editor->applyTemplate(RequestTemplate::Http11Get);
        return;
    }
    // Asked once the host field is done with the key or paste that brought the URL: a dialog taking
    // the focus from it in the middle would undo its conversion.
    QMetaObject::invokeMethod(this, [this, url] { askToReplaceRequest(url); }, Qt::QueuedConnection);
}

void MainWindow::askToReplaceRequest(const HttpUrl &url)
{
    // Window-modal and answered later: an exchange finishing meanwhile is shown as usual.
    delete findChild<QMessageBox *>(QStringLiteral("replaceRequest"));
    const QString where = QString::fromLatin1(hostHeaderValue(url.host, url.port, url.tls) + url.path);
    const QString question = m_editor->isValid()
                                 ? tr("The request in the editor is not an HTTP request, so the URL cannot be put in "
                                      "it. Replace it with a GET request for %1?")
                                       .arg(where)
                                 : tr("The request in the editor has an error, so the URL cannot be put in it. "
                                      "Replace it with a GET request for %1?")
                                       .arg(where);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Replace the request?"), question, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("replaceRequest"));
    box->setInformativeText(tr("Undo (Ctrl+Z) in the request brings the current one back."));
    QPushButton *replace = box->addButton(tr("&Replace"), QMessageBox::AcceptRole);
    box->addButton(tr("&Keep it"), QMessageBox::RejectRole);
    box->setDefaultButton(replace);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, replace, url](QAbstractButton *button) {
        if (button != replace)
            return;
        m_editor->setTarget(hostHeaderValue(url.host, url.port, url.tls), url.path);
        m_editor->applyTemplate(RequestTemplate::Http11Get);
    });
    box->open();
}

void MainWindow::loadIntoForm(const ConnectionSettings &target, const QByteArray &request)
{
    {
        // The request comes with its own Host header: the new target must not rewrite it.
        const QScopedValueRollback loading(m_loadingForm, true);
        m_connection->setTarget(target.host, target.service);
        m_connection->targetEdit()->setFamily(target.family);
        m_connection->setStopRule(target.stopRule);
        m_connection->setTls(target.tls);
        m_connection->setTlsOptions(target);
        m_connection->setRecvSize(target.recvSize);
        m_connection->setSocketOptions(target.socketOptions, target.localAddress);
    }
    m_editor->replaceRequest(request, startsWithRequestLine(request));
    m_tools->setCurrentIndex(ExchangeTab);
}

void MainWindow::loadRecord(std::shared_ptr<const ExchangeRecord> record)
{
    loadIntoForm(record->settings, record->request);
    m_editor->setFocus(Qt::OtherFocusReason);
    statusBar()->showMessage(tr("The request of %1 is in the form, ready to send again. Undo (Ctrl+Z) in the request "
                                "brings back the one it replaced.")
                                 .arg(clockTime(record->startedAt.time())),
                             10000);
}

void MainWindow::createHistoryStores()
{
    m_exchangeStore = new ExchangeStore(this);
    m_lookupStore = new LookupStore(this);
    m_datagramStore = new ExchangeStore(ExchangeRecordJson::Kind::Udp, this);
    connect(m_exchangeStore, &ExchangeStore::loaded, m_history, &HistoryPanel::addLoaded);
    connect(m_exchangeStore, &HistoryStore::pruned, m_history, &HistoryPanel::removeHistoryIds);
    connect(m_history, &HistoryPanel::recordRemoved, m_exchangeStore,
            [this](std::shared_ptr<const ExchangeRecord> record) { m_exchangeStore->remove(record->historyId); });
    connect(m_history, &HistoryPanel::sendAgainRequested, this, [this](std::shared_ptr<const ExchangeRecord> record) {
        if (m_controller->isRunning())
            return;
        loadRecord(record);
        send();
    });
    connect(m_history, &HistoryPanel::saveToCollectionRequested, m_collections, &CollectionsPanel::saveRequest);
    connect(m_history, &HistoryPanel::showCodeRequested, this, &MainWindow::showCodeFor);
    HistoryPanel *udpHistory = m_udp->history();
    connect(m_datagramStore, &ExchangeStore::loaded, udpHistory, &HistoryPanel::addLoaded);
    connect(m_datagramStore, &HistoryStore::pruned, udpHistory, &HistoryPanel::removeHistoryIds);
    connect(udpHistory, &HistoryPanel::recordRemoved, m_datagramStore,
            [this](std::shared_ptr<const ExchangeRecord> record) { m_datagramStore->remove(record->historyId); });
    connect(m_udp, &UdpPanel::recorded, m_datagramStore, &ExchangeStore::save);
    connect(udpHistory, &HistoryPanel::saveToCollectionRequested, m_collections, &CollectionsPanel::saveRequest);
    connect(udpHistory, &HistoryPanel::showCodeRequested, this, &MainWindow::showCodeFor);
    connect(udpHistory, &HistoryPanel::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_lookupStore, &LookupStore::loaded, m_dns->lookupHistory(), &LookupHistory::addLoaded);
    connect(m_lookupStore, &HistoryStore::pruned, m_dns->lookupHistory(), &LookupHistory::removeHistoryIds);
    connect(m_dns, &DnsPanel::lookupEnded, m_lookupStore, &LookupStore::save);
    for (HistoryStore *store : {static_cast<HistoryStore *>(m_exchangeStore), static_cast<HistoryStore *>(m_lookupStore),
                                static_cast<HistoryStore *>(m_datagramStore)}) {
        connect(store, &HistoryStore::entriesSkipped, this, [this](const QString &notice) { statusBar()->showMessage(notice, 15000); });
        connect(store, &HistoryStore::writeFailed, this, [this](const QString &notice) { statusBar()->showMessage(notice, 15000); });
    }
}

void MainWindow::applyHistoryLimits(const HistoryLimits &limits)
{
    m_exchangeStore->setInlineReplyBytes(limits.inlineReplyBytes());
    m_exchangeStore->setLimits(limits.maxEntries, limits.maxBytes());
    m_lookupStore->setLimits(limits.maxEntries, limits.maxBytes());
    m_datagramStore->setInlineReplyBytes(limits.inlineReplyBytes());
    m_datagramStore->setLimits(limits.maxEntries, limits.maxBytes());
    m_udp->history()->setMaxEntries(limits.maxEntries);
    m_conversations->history()->setLimits(limits.maxEntries, limits.maxBytes());
    m_history->setMaxEntries(limits.maxEntries);
}

void MainWindow::confirmClearHistory()
{
    // Asked from the Settings dialog, the question stands over it.
    QWidget *over = findChild<SettingsDialog *>();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear history"),
                                tr("Remove every exchange, look-up and conversation kept, from the lists and from the disk?"),
                                QMessageBox::Yes | QMessageBox::Cancel, over ? over : this);
    box->setObjectName(QStringLiteral("clearHistoryQuestion"));
    box->setInformativeText(QDir::toNativeSeparators(HistoryStore::historyRoot()));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Clear"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            clearHistory();
    });
    box->open();
}

void MainWindow::clearHistory()
{
    m_history->clear();
    m_dns->lookupHistory()->clear();
    m_exchangeStore->clear();
    m_lookupStore->clear();
    m_udp->history()->clear();
    m_datagramStore->clear();
    m_conversations->history()->clear();
    statusBar()->showMessage(tr("The history is cleared."), 10000);
}

void MainWindow::showSettings()
{
    // Window-modal: a pin removed there applies to the next send, which waits for the dialog to close.
    if (auto *open = findChild<SettingsDialog *>()) {
        open->raise();
        return;
    }
    auto *dialog = new SettingsDialog(this);
    connect(dialog->historyPage(), &HistoryPage::limitsChanged, this, &MainWindow::applyHistoryLimits);
    connect(dialog->historyPage(), &HistoryPage::clearRequested, this, &MainWindow::confirmClearHistory);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::askToTrust(std::shared_ptr<const ExchangeRecord> record)
{
    if (!record->result.tls || record->result.tls->chain.isEmpty())
        return;
    delete findChild<TrustDialog *>();
    const ConnectionSettings &target = record->settings;
    const CertificateInfo certificate = record->result.tls->chain.first();
    auto *dialog = new TrustDialog(target.host, target.service, certificate, PinStore::pin(target.host, target.service), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Window-modal and answered later, as the question about replacing the request.
    connect(dialog, &QMessageBox::buttonClicked, this, [this, dialog, target, certificate, request = record->request] {
        if (!dialog->trusted())
            return;
        PinStore::setPin(target.host, target.service, certificate.sha256);
        statusBar()->showMessage(tr("The certificate of %1 is trusted for port %2: sending again.").arg(target.host, target.service),
                                 10000);
        // Sent again as it was, whatever the form holds now: the person trusted this exchange's server.
        if (m_controller->isRunning())
            return;
        QString error;
        if (!m_controller->send(target, request, &error)) {
            statusBar()->showMessage(error, 10000);
            return;
        }
        m_connection->setBusy(true);
        updateActions();
    });
    dialog->open();
}

void MainWindow::send()
{
    switch (m_tools->currentIndex()) {
    case DnsTab:
        m_dns->lookUp();
        return;
    case UdpTab:
        m_udp->send();
        return;
    case ServersTab:
        return;
    case ConversationTab:
        m_conversations->send();
        return;
    default:
        break;
    }
    QString problem;
    if (m_controller->isRunning() || !m_connection->isComplete(&problem) || !m_editor->isValid()) {
        if (!problem.isEmpty())
            statusBar()->showMessage(problem, 10000);
        return;
    }
    QString error;
    if (!m_controller->send(m_connection->settings(), m_editor->bytes(), &error)) {
        statusBar()->showMessage(error, 10000);
        return;
    }
    m_connection->setBusy(true);
    updateActions();
}

void MainWindow::cancel()
{
    if (m_tools->currentIndex() == ExchangeTab)
        m_controller->cancel();
    else if (m_tools->currentIndex() == UdpTab)
        m_udp->cancel();
}

void MainWindow::onFinished(std::shared_ptr<const ExchangeRecord> record)
{
    m_connection->setBusy(false);
    updateActions();
    m_liveTrace.reset();
    m_history->add(record);
    m_exchangeStore->save(record);
    // A named request of a .http file sent from the collections panel: its reply feeds the others'
    // request variables. Only its first part is kept past the cap: a body cut so is said to be cut
    // when a variable reads it, never used as if whole.
    if (m_collections->awaitsReply(record->request)) {
        const qint64 size = record->reply ? record->reply->size() : 0;
        const qint64 kept = qMin(size, KeptReplyBytes);
        const bool whole = kept == size && record->result.stop.reason != StopReason::SizeCap;
        const bool failed = record->result.error.isError() || size == 0;
        m_collections->takeReply(record->request, record->reply ? record->reply->read(0, kept) : QByteArray(), whole, failed);
    }
    showRecord(record);
}

void MainWindow::showRecord(std::shared_ptr<const ExchangeRecord> record)
{
    m_reply->showRecord(record);
    m_trace->setEntries(record->trace);
}

// Until a person drags a handle, the split is set again at every size of the splitter: sizes set
// before the window has its size are only proportions, and the first sizes a window goes through
// would squeeze the calls pane against the minimum heights of the others.
bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_splitter && event->type() == QEvent::Resize && !m_splitDragged) {
        if (m_savedSplit.isEmpty() || !m_splitter->restoreState(m_savedSplit))
            placeDefaultSplit();
    }
    return QMainWindow::eventFilter(watched, event);
}

// The calls pane gets a third of the height in whole rows, eight at least: enough for socket() to
// recv() of a short exchange in the smallest window, all its calls in a larger one. The request and
// the reply share the rest, the reply a little more.
void MainWindow::placeDefaultSplit()
{
    const int chrome = m_callsAndHistory->tabBar()->sizeHint().height() + m_trace->heightForRows(0);
    const int rowHeight = m_trace->heightForRows(1) - m_trace->heightForRows(0);
    const int available = m_splitter->height() - 2 * m_splitter->handleWidth();
    const int pane = chrome + rowHeight * std::max(8, (available / 3 - chrome) / rowHeight);
    const int rest = available - pane;
    const int request = rest * 17 / 38;
    m_splitter->setSizes({request, rest - request, pane});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_controller->cancel();
    m_conversations->closeAll();
    QMainWindow::closeEvent(event);
}

void MainWindow::createChainNavigation()
{
    m_chain = new ExchangeChain(this);
    m_reply->setChain(m_chain);
    m_chainButtons = new ChainButtons;
    m_reply->addButtons(m_chainButtons);
    m_exchangeMenu->addSeparator();
    m_exchangeMenu->addAction(m_chainButtons->backAction());
    m_exchangeMenu->addAction(m_chainButtons->forwardAction());
    connect(m_reply->httpView(), &HttpView::linkClicked, this, &MainWindow::followLink);
    connect(m_controller, &ExchangeController::finished, m_chain, &ExchangeChain::add);
    connect(m_controller, &ExchangeController::started, this, [this] {
        updateChainButtons();
        // Sent: "press Send" would be stale.
        if (!m_preparedMessage.isEmpty() && statusBar()->currentMessage() == m_preparedMessage)
            statusBar()->clearMessage();
    });
    connect(m_chain, &ExchangeChain::changed, this, &MainWindow::updateChainButtons);
    connect(m_connection, &ConnectionPanel::urlEntered, m_chain, &ExchangeChain::forgetClick);
    connect(m_history, &HistoryPanel::replyMoved, m_chain, &ExchangeChain::replace);
    connect(m_history, &HistoryPanel::httpParsed, m_chain, &ExchangeChain::replace);
    connect(m_chainButtons->backAction(), &QAction::triggered, this, [this] { showChainStep(m_chain->goBack()); });
    connect(m_chainButtons->forwardAction(), &QAction::triggered, this, [this] { showChainStep(m_chain->goForward()); });
}

void MainWindow::followLink(const LinkClick &click)
{
    const std::shared_ptr<const ExchangeRecord> from = m_reply->record();
    if (!from || m_controller->isRunning())
        return;
    const std::optional<PreparedRequest> prepared = m_chain->prepare(from, click, QDateTime::currentDateTime());
    if (!prepared) {
        statusBar()->showMessage(tr("Only http:// and https:// links lead to a request: %1").arg(click.link.toDisplayString()),
                                 10000);
        return;
    }
    m_connection->setTarget(prepared->host, QString::number(prepared->port));
    m_connection->setTls(prepared->tls);
    // The link's host is the name TLS checks, not one the form kept for the page it was clicked on.
    m_connection->tlsOptionsEdit()->setServerName(QString());
    m_editor->replaceRequest(prepared->request);
    const QString url = prepared->url.toDisplayString();
    m_preparedMessage = tr("Request for %1 prepared: press Send.").arg(url);
    statusBar()->showMessage(m_preparedMessage);
}

void MainWindow::showChainStep(std::shared_ptr<const ExchangeRecord> record)
{
    if (!record)
        return;
    m_connection->setTarget(record->settings.host, record->settings.service);
    m_connection->setTls(record->settings.tls);
    m_connection->setTlsOptions(record->settings);
    m_editor->replaceRequest(record->request);
    showRecord(record);
    statusBar()->showMessage(tr("Exchange %1 of %2 of this chain of clicks.")
                                 .arg(QLocale().toString(m_chain->position() + 1), QLocale().toString(m_chain->size())),
                             10000);
}

void MainWindow::updateChainButtons()
{
    const bool idle = !m_controller->isRunning();
    m_chainButtons->setAvailable(idle && m_chain->canGoBack(), idle && m_chain->canGoForward());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    // A newer SocketLab's settings are left for it: this version would write its own format over them.
    if (m_settingsFromNewerVersion)
        return;
    StoredSettings::stamp(settings);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    // The docks' layout of earlier versions means nothing to this one.
    settings.remove(QStringLiteral("window/state"));
    // Only a split a person chose is kept: the default one follows the window's size.
    if (m_splitDragged || !m_savedSplit.isEmpty())
        settings.setValue(QStringLiteral("window/exchangeSplitter"), m_splitter->saveState());
    else
        settings.remove(QStringLiteral("window/exchangeSplitter"));
    settings.setValue(QStringLiteral("window/showCalls"), m_showCallsAction->isChecked());
    settings.setValue(QStringLiteral("window/showHistory"), m_showHistoryAction->isChecked());
    settings.setValue(QStringLiteral("window/callsOrHistory"), m_callsAndHistory->currentIndex());
    // A target on the embedded servers is not kept: their ports change from run to run.
    const ConnectionSettings target = m_connection->settings();
    const bool embedded = m_servers && m_servers->isRunning() && target.host == m_servers->httpAddress().host()
                          && (target.service == QString::number(m_servers->httpAddress().port())
                              || target.service == QString::number(m_servers->httpsAddress().port())
                              || target.service == QString::number(m_servers->tcpEchoAddress().port())
                              || target.service == QString::number(m_servers->udpEchoAddress().port()));
    settings.setValue(QStringLiteral("connection/embedded"), embedded);
    m_connection->saveState(settings);
    settings.setValue(QStringLiteral("request/bytes"), m_editor->isValid() ? m_editor->bytes() : QByteArray());
    settings.setValue(QStringLiteral("request/mode"), int(m_editor->mode()));
    settings.setValue(QStringLiteral("request/http"), m_editor->isHttpMode());
    settings.setValue(QStringLiteral("window/tool"), m_tools->currentIndex());
    settings.setValue(QStringLiteral("window/docks"), saveState(DocksVersion));
    m_collections->saveState(settings);
    m_udp->saveState(settings);
    m_conversations->saveState(settings);
}

void MainWindow::restoreSettings()
{
    const QSettings file;
    StoredSettings settings(file);
    m_settingsFromNewerVersion = settings.fromNewerVersion();
    // Said once the window is up, after whatever else the restore itself shows.
    const auto notify = qScopeGuard([this, &settings] { m_settingsNotice->setProblem(settings.problem()); });
    // main() has installed the language already; read here again so that a value it could not use is told.
    settings.choice(QStringLiteral("language"), Translations::current(), Translations::available());
    restoreGeometry(settings.bytes(QStringLiteral("window/geometry")));
    m_savedSplit = settings.bytes(QStringLiteral("window/exchangeSplitter"));
    m_callsAndHistory->setCurrentIndex(
        settings.integer(QStringLiteral("window/callsOrHistory"), 0, 0, m_callsAndHistory->count() - 1));
    m_showCallsAction->setChecked(settings.boolean(QStringLiteral("window/showCalls"), true));
    m_showHistoryAction->setChecked(settings.boolean(QStringLiteral("window/showHistory"), true));
    m_tools->setCurrentIndex(settings.integer(QStringLiteral("window/tool"), ExchangeTab, 0, m_tools->count() - 1));
    showTool(m_tools->currentIndex());
    // The limits first, so that entries past them are removed rather than read.
    const HistoryLimits limits = HistoryLimits::read(settings);
    applyHistoryLimits(limits);
    m_exchangeStore->load();
    m_lookupStore->load();
    m_datagramStore->load();
    m_udp->restoreState(settings);
    m_conversations->restoreState(settings);
    restoreState(settings.bytes(QStringLiteral("window/docks")), DocksVersion);
    m_collections->restoreState(settings);
    if (!settings.contains(QStringLiteral("connection/host")))
        return;
    const ConnectionSettings firstLaunch = m_connection->settings();
    m_connection->restoreState(settings);
    if (settings.boolean(QStringLiteral("connection/embedded"), false))
        m_connection->setTarget(firstLaunch.host, firstLaunch.service);
    updateEditorTarget();
    const QByteArray lastRequest = settings.bytes(QStringLiteral("request/bytes"));
    if (!lastRequest.isEmpty()) {
        m_editor->setMode(PayloadMode(settings.integer(QStringLiteral("request/mode"), int(PayloadMode::Escaped),
                                                       int(PayloadMode::Escaped), int(PayloadMode::Hex))));
        m_editor->setHttpMode(settings.boolean(QStringLiteral("request/http"), true));
        m_editor->setBytes(lastRequest);
    }
}

void MainWindow::createCollectionsDock()
{
    m_collections = new CollectionsPanel;
    m_collectionsDock = new QDockWidget(this);
    m_collectionsDock->setObjectName(QStringLiteral("CollectionsDock"));
    m_collectionsDock->setWidget(m_collections);
    addDockWidget(Qt::LeftDockWidgetArea, m_collectionsDock);
    // Hidden until asked for: the first window is the notebooks' exchange, whole.
    m_collectionsDock->hide();
    connect(m_collections, &CollectionsPanel::openRequested, this,
            [this](const SavedRequest &request) { openSavedRequest(request, false); });
    connect(m_collections, &CollectionsPanel::sendRequested, this,
            [this](const SavedRequest &request) { openSavedRequest(request, true); });
    connect(m_collections, &CollectionsPanel::showCodeRequested, this, &MainWindow::showCodeFor);
}

bool MainWindow::currentSavedRequest(SavedRequest *request, QString *problem) const
{
    *request = SavedRequest();
    switch (m_tools->currentIndex()) {
    case ExchangeTab: {
        if (!m_editor->isValid()) {
            *problem = tr("The request has an error: fix it to save it.");
            return false;
        }
        const ConnectionSettings settings = m_connection->settings();
        request->kind = settings.tls ? SavedRequest::Kind::Tls : SavedRequest::Kind::Tcp;
        request->tcp = ExchangeController::request(settings, m_editor->bytes());
        // A pin is this machine's trust in a certificate, kept by the window, not part of the request.
        request->tcp.tls.pinSha256.clear();
        request->tcp.maxBytes = settings.maxBytes;
        const QByteArray firstLine = request->tcp.payload.left(request->tcp.payload.indexOf('\n')).trimmed();
        const QString line = QString::fromUtf8(firstLine.left(60));
        const bool printable = !line.isEmpty() && std::all_of(line.cbegin(), line.cend(), [](QChar c) { return c.isPrint(); });
        request->name = printable ? line : settings.host + QLatin1Char(':') + settings.service;
        return true;
    }
    case UdpTab:
        if (!m_udp->isComplete(problem))
            return false;
        request->kind = SavedRequest::Kind::Udp;
        request->udp = m_udp->request();
        request->name = tr("UDP %1:%2").arg(request->udp.host, request->udp.service);
        return true;
    case ConversationTab: {
        const ConversationPage *page = m_conversations->currentPage();
        if (!page)
            break;
        return page->savedRequest(request, problem);
    }
    default:
        break;
    }
    *problem = tr("This tab has no request to save: the TCP exchange, UDP and Conversations tabs have.");
    return false;
}

void MainWindow::saveToCollection()
{
    SavedRequest request;
    QString problem;
    if (!currentSavedRequest(&request, &problem)) {
        statusBar()->showMessage(problem, 10000);
        return;
    }
    m_collections->saveRequest(request);
}

void MainWindow::showCode()
{
    CodeRequest request;
    QString problem;
    bool ready = false;
    if (m_tools->currentIndex() == ConversationTab && m_conversations->currentPage()) {
        // Any conversation, TLS and UDP too: a saved script is plain TCP only, a program is not.
        ready = m_conversations->currentPage()->codeRequest(&request, &problem);
    } else {
        SavedRequest saved;
        ready = currentSavedRequest(&saved, &problem) && CodeRequest::fromSaved(saved, &request, &problem);
    }
    if (!ready) {
        statusBar()->showMessage(problem, 10000);
        return;
    }
    openCodeDialog(request);
}

void MainWindow::showCodeFor(const SavedRequest &saved)
{
    CodeRequest request;
    QString problem;
    if (!CodeRequest::fromSaved(saved, &request, &problem)) {
        statusBar()->showMessage(problem, 10000);
        return;
    }
    openCodeDialog(request);
}

void MainWindow::openCodeDialog(const CodeRequest &request)
{
    auto *dialog = new ShowCodeDialog(request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::openSavedRequest(const SavedRequest &request, bool send)
{
    switch (request.kind) {
    case SavedRequest::Kind::Udp:
        m_udp->setRequest(request.udp);
        m_tools->setCurrentIndex(UdpTab);
        if (send)
            m_udp->send();
        break;
    case SavedRequest::Kind::Script:
        openScript(request, send);
        return;
    case SavedRequest::Kind::Tcp:
    case SavedRequest::Kind::Tls: {
        const TcpRequest &tcp = request.tcp;
        ConnectionSettings target;
        target.host = tcp.host;
        target.service = tcp.service;
        target.family = tcp.family;
        target.tls = request.kind == SavedRequest::Kind::Tls;
        target.tlsServerName = tcp.tls.serverName;
        target.tlsAlpn = tcp.tls.alpn;
        target.tlsMinVersion = tcp.tls.minVersion;
        target.tlsCaFile = tcp.tls.caFile;
        target.recvSize = tcp.recvSize;
        target.stopRule = tcp.stopRule;
        target.socketOptions = tcp.socketOptions;
        target.localAddress = tcp.localAddress;
        loadIntoForm(target, tcp.payload);
        m_connection->setLimits(tcp.connectTimeoutMs, tcp.totalTimeoutMs, tcp.maxBytes);
        // The window trusts a certificate through its own pins (the Certificate tab), not a
        // collection's: a pin it does not have for this target is said, so nobody believes it was used.
        const bool pinLeft = target.tls && !tcp.tls.pinSha256.isEmpty()
                             && tcp.tls.pinSha256 != PinStore::pin(tcp.host, tcp.service);
        if (pinLeft)
            statusBar()->showMessage(tr("\"%1\" is in the form but for its pinned certificate: the window trusts the "
                                        "certificates trusted in the Certificate tab; socketlab-cli run uses the pin.")
                                         .arg(request.name),
                                     10000);
        if (send)
            this->send();
        if (!send && !pinLeft)
            statusBar()->showMessage(tr("\"%1\" is in the form: press Send.").arg(request.name), 10000);
        return;
    }
    }
    if (!send)
        statusBar()->showMessage(tr("\"%1\" is in the form: press Send.").arg(request.name), 10000);
}

void MainWindow::openScript(const SavedRequest &request, bool send)
{
    m_tools->setCurrentIndex(ConversationTab);
    ConversationPage *page = m_conversations->currentPage();
    if (!page || page->isRunning() || page->isSaved())
        page = m_conversations->newConversation();
    QComboBox *transport = page->transportCombo();
    transport->setCurrentIndex(transport->findData(int(ConversationRequest::Transport::Tcp)));
    page->tlsCheck()->setChecked(false);
    page->targetEdit()->setTarget(request.tcp.host, request.tcp.service);
    page->targetEdit()->setFamily(request.tcp.family);
    page->socketOptionsEdit()->setSettings(request.tcp.socketOptions);
    page->socketOptionsEdit()->setLocalAddressText(request.tcp.localAddress.isValid() ? request.tcp.localAddress.toString() : QString());
    // The whole script, in the page's Script tab: Run script plays it as talk --script does.
    page->setScript(request.script);
    if (!send) {
        statusBar()->showMessage(tr("\"%1\" is in the Script tab: press Run script.").arg(request.name), 10000);
        return;
    }
    // A syntax error (which the page marks too) or a form that cannot connect, said in the status bar.
    if (const ScriptParse parse = parseConversationScript(request.script); parse.error.isError())
        statusBar()->showMessage(describeScriptError(parse.error), 10000);
    else if (!page->runScript())
        statusBar()->showMessage(page->statusLabel()->text(), 10000);
}

} // namespace SocketLab
