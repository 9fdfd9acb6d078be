#include "serverspanel.h"

#include "clientmodel.h"
#include "clientsendpane.h"
#include "listenerform.h"
#include "listenermodel.h"
#include "relayview.h"

#include "reply/hexview.h"
#include "reply/textview.h"
#include "request/requesteditor.h"
#include "trace/traceview.h"
#include "widgets/fittingsplitter.h"

#include "bytes/bytestore.h"
#include "relay/relay.h"
#include "servers/acceptbackoff.h"
#include "servers/listener.h"
#include "servers/localservers.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "text/tlstext.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTabBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {

enum TrafficTab { HexTab, TextTab, TraceTab };

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    // Tab leaves the table for the next control; the arrow keys move between rows.
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + view->fontMetrics().height() / 2);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QToolButton *makeToggle(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

// The host to connect to for a listener bound to addr: all interfaces are reached on loopback.
QString reachableHost(const SocketAddress &addr)
{
    const QString host = addr.host();
    if (host == QLatin1String("0.0.0.0") || host == QLatin1String("::"))
        return Listener::loopback(0, addr.family()).host();
    return host;
}

} // namespace

ServersPanel::ServersPanel(LocalServers *servers, QWidget *parent)
    : QWidget(parent)
    , m_servers(servers)
    , m_form(new ListenerForm(this))
    , m_message(new QLabel(this))
    , m_listeners(new ListenerModel(this))
    , m_listenersView(makeTable(m_listeners, this))
    , m_stop(new QPushButton(this))
    , m_restart(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_talk(new QPushButton(this))
    , m_clients(new ClientModel(this))
    , m_clientsView(makeTable(m_clients, this))
    , m_sendToClient(new QPushButton(this))
    , m_sendPane(new ClientSendPane(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_clientsSplitter(
          new FittingSplitter(Qt::Horizontal, [this](int available) { return clientsPaneWidth(available); }, this))
    , m_trafficLabel(new QLabel(this))
    , m_receivedButton(makeToggle(this))
    , m_sentButton(makeToggle(this))
    , m_tabs(new QTabWidget(this))
    , m_hex(new HexView(this))
    , m_text(new TextView(this))
    , m_trace(new TraceView(this))
    , m_details(new QWidget(this))
    , m_relayView(new RelayView(this))
    , m_refreshTimer(new QTimer(this))
{
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);
    m_trafficLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A dropped-bytes notice makes it long: wrapped, it leaves the client table its width.
    m_trafficLabel->setWordWrap(true);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(RefreshIntervalMs);
    m_listenersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listenersView->horizontalHeader()->setStretchLastSection(false);

    auto *directions = new QButtonGroup(this);
    directions->addButton(m_receivedButton);
    directions->addButton(m_sentButton);
    m_receivedButton->setChecked(true);
    auto *toggles = new QWidget(this);
    auto *toggleLayout = new QHBoxLayout(toggles);
    toggleLayout->setContentsMargins(0, 0, 0, 0);
    toggleLayout->addWidget(m_receivedButton);
    toggleLayout->addWidget(m_sentButton);
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_text, QString());
    m_tabs->addTab(m_trace, QString());
    m_tabs->setCornerWidget(toggles, Qt::TopRightCorner);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_stop);
    buttons->addWidget(m_restart);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_talk);
    auto *listenersPane = new QWidget(this);
    auto *listenersLayout = new QVBoxLayout(listenersPane);
    listenersLayout->setContentsMargins(0, 0, 0, 0);
    listenersLayout->addWidget(m_listenersView, 1);
    listenersLayout->addLayout(buttons);

    auto *trafficPane = new QWidget(this);
    auto *trafficLayout = new QVBoxLayout(trafficPane);
    trafficLayout->setContentsMargins(0, 0, 0, 0);
    trafficLayout->addWidget(m_trafficLabel);
    trafficLayout->addWidget(m_tabs, 1);
    auto *clientsPane = new QWidget(this);
    auto *clientsLayout = new QVBoxLayout(clientsPane);
    clientsLayout->setContentsMargins(0, 0, 0, 0);
    clientsLayout->addWidget(m_clientsView, 1);
    auto *clientButtons = new QHBoxLayout;
    clientButtons->addWidget(m_sendToClient);
    clientButtons->addStretch(1);
    clientsLayout->addLayout(clientButtons);
    m_clientsSplitter->addWidget(clientsPane);
    m_clientsSplitter->addWidget(trafficPane);
    m_clientsView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_clientsView->setColumnHidden(ClientModel::Destination, true);
    m_sendPane->setVisible(false);

    // A listener's clients, or a relay's connections: one place under the table, what is selected
    // says which. The other is hidden rather than a page of a stack, so its minimum height does not
    // take room from the listeners' table.
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_clientsSplitter);
    detailsLayout->addWidget(m_relayView);
    m_relayView->hide();
    m_splitter->addWidget(listenersPane);
    m_splitter->addWidget(m_details);
    m_splitter->addWidget(m_sendPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_form->lastInFocusChain(), m_listenersView);
    setTabOrder(m_listenersView, m_stop);
    setTabOrder(m_stop, m_restart);
    setTabOrder(m_restart, m_remove);
    setTabOrder(m_remove, m_talk);
    setTabOrder(m_talk, m_clientsView);
    setTabOrder(m_clientsView, m_sendToClient);
    setTabOrder(m_sendToClient, m_tabs);
    setTabOrder(m_tabs, m_receivedButton);
    setTabOrder(m_receivedButton, m_sentButton);
    setTabOrder(m_sentButton, m_hex);
    setTabOrder(m_hex, m_text);
    setTabOrder(m_text, m_trace);
    setTabOrder(m_trace, m_relayView->firstInFocusChain());
    setTabOrder(m_relayView->lastInFocusChain(), m_sendPane->editor());

    connect(m_form, &ListenerForm::startRequested, this, &ServersPanel::startListener);
    connect(m_stop, &QPushButton::clicked, this, &ServersPanel::stopSelected);
    connect(m_restart, &QPushButton::clicked, this, &ServersPanel::restartSelected);
    connect(m_remove, &QPushButton::clicked, this, &ServersPanel::removeSelected);
    connect(m_talk, &QPushButton::clicked, this, &ServersPanel::talkToSelected);
    connect(m_listenersView, &QTableView::activated, this, &ServersPanel::talkToSelected);
    connect(m_listenersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ServersPanel::showSelectedListener);
    connect(m_clientsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ServersPanel::updateTraffic);
    connect(m_clientsView, &QTableView::customContextMenuRequested, this, &ServersPanel::showClientMenu);
    connect(m_sendToClient, &QPushButton::clicked, this, &ServersPanel::openSendPane);
    connect(m_sendPane, &ClientSendPane::hideRequested, this, [this] {
        m_sendPane->hide();
        m_sendToClient->setFocus();
    });
    connect(m_sendPane, &ClientSendPane::called, this, &ServersPanel::scheduleRefresh);
    connect(directions, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            updateTraffic();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        m_receivedButton->setEnabled(tab != TraceTab);
        m_sentButton->setEnabled(tab != TraceTab);
    });
    ByteViewBase::keepSelectionsInSync(m_hex, m_text);
    connect(m_refreshTimer, &QTimer::timeout, this, &ServersPanel::refresh);

    if (m_servers) {
        const std::pair<Listener *, ListenerModel::Origin> embedded[] = {
            {m_servers->http(), ListenerModel::Origin::EmbeddedHttp},
            {m_servers->https(), ListenerModel::Origin::EmbeddedHttps},
            {m_servers->tcpEcho(), ListenerModel::Origin::EmbeddedTcpEcho},
            {m_servers->udpEcho(), ListenerModel::Origin::EmbeddedUdpEcho},
        };
        for (const auto &[listener, origin] : embedded) {
            watch(listener);
            m_listeners->addListener(listener, origin);
        }
    }

    retranslate();
    applyColors();
    updateButtons();
}

ServersPanel::~ServersPanel()
{
    // The listeners go before the views that point at them; stopping each waits for its thread.
    m_refreshTimer->stop();
    m_relayView->setRelay(nullptr);
    for (const std::unique_ptr<Listener> &listener : m_owned)
        m_listeners->removeListener(listener.get());
    m_owned.clear();
    for (const std::unique_ptr<Relay> &relay : m_ownedRelays)
        m_listeners->removeListener(relay.get());
    m_ownedRelays.clear();
}

void ServersPanel::watch(Listener *listener)
{
    connect(listener, &Listener::clientConnected, this, &ServersPanel::scheduleRefresh);
    connect(listener, &Listener::clientChanged, this, &ServersPanel::scheduleRefresh);
    connect(listener, &Listener::clientClosed, this, &ServersPanel::scheduleRefresh);
    connect(listener, &Listener::datagramsReceived, this, &ServersPanel::scheduleRefresh);
    connect(listener, &Listener::clientRefused, this, &ServersPanel::scheduleRefresh);
    connect(listener, &Listener::callFailed, this, [this, listener](quint64 id, const NetError &error) {
        if (listener == m_shownListener)
            m_sendPane->showCallFailed(id, error);
    });
    connect(listener, &Listener::acceptPaused, this, [this, listener](const NetError &error) {
        setMessage(MessageKind::AcceptPaused, listener, error);
    });
    connect(listener, &Listener::acceptResumed, this, [this, listener] {
        // Only the notice it ends is replaced: a newer message about something else stays.
        if (m_messageKind == MessageKind::AcceptPaused && m_messageListener == listener)
            setMessage(MessageKind::AcceptResumed, listener);
    });
    connect(listener, &Listener::errorOccurred, this, [this, listener](const NetError &error) {
        setMessage(MessageKind::Failed, listener, error);
        scheduleRefresh();
    });
    // A listener binds on its own thread: these say how a start went, after start() has returned.
    connect(listener, &Listener::listening, this, [this, listener] { onListening(listener); });
    connect(listener, &Listener::startFailed, this,
            [this, listener](const NetError &error) { onStartFailed(listener, error); });
    connect(listener, &Listener::stopped, this, [this, listener] { onStateChanged(listener); });
}

void ServersPanel::watchRelay(Relay *relay)
{
    connect(relay, &Relay::connectionOpened, this, &ServersPanel::scheduleRefresh);
    connect(relay, &Relay::connectionChanged, this, &ServersPanel::scheduleRefresh);
    connect(relay, &Relay::connectionClosed, this, &ServersPanel::scheduleRefresh);
    connect(relay, &Relay::connectionRefused, this, &ServersPanel::scheduleRefresh);
    connect(relay, &Relay::errorOccurred, this, [this, relay](const NetError &error) {
        setMessage(MessageKind::Failed, relay, error);
        scheduleRefresh();
    });
    // A relay binds (and resolves its target) on its own thread, as a listener does.
    connect(relay, &Relay::listening, this, [this, relay] { onRelayListening(relay); });
    connect(relay, &Relay::startFailed, this, [this, relay](const NetError &error) { onRelayStartFailed(relay, error); });
    connect(relay, &Relay::stopped, this, [this, relay] { onStateChanged(relay); });
}

void ServersPanel::onRelayListening(Relay *relay)
{
    if (m_listeners->rowOf(relay) < 0) {
        const int row = m_listeners->addRelay(relay);
        m_listenersView->selectRow(row);
    }
    if (m_awaited.remove(relay))
        setMessage(MessageKind::Started, relay);
    onStateChanged(relay);
}

void ServersPanel::onRelayStartFailed(Relay *relay, const NetError &error)
{
    m_awaited.remove(relay);
    if (m_listeners->rowOf(relay) >= 0) {
        setMessage(MessageKind::RestartFailed, relay, error);
        onStateChanged(relay);
        return;
    }
    setMessage(MessageKind::RelayStartFailed, nullptr, error);
    const auto owned = std::find_if(m_ownedRelays.begin(), m_ownedRelays.end(),
                                    [relay](const std::unique_ptr<Relay> &r) { return r.get() == relay; });
    if (owned != m_ownedRelays.end()) {
        // This runs inside the relay's own signal: it may only go once that has returned.
        Relay *failed = owned->release();
        m_ownedRelays.erase(owned);
        failed->setParent(this);
        failed->deleteLater();
    }
}

void ServersPanel::onListening(Listener *listener)
{
    if (m_listeners->rowOf(listener) < 0) {
        // Started from the form: listed once it listens, as a start that failed never is.
        const int row = m_listeners->addListener(listener, ListenerModel::Origin::User);
        m_listenersView->selectRow(row);
    }
    if (m_awaited.remove(listener))
        setMessage(MessageKind::Started, listener);
    onStateChanged(listener);
}

void ServersPanel::onStartFailed(Listener *listener, const NetError &error)
{
    m_awaited.remove(listener);
    if (m_listeners->rowOf(listener) >= 0) {
        setMessage(MessageKind::RestartFailed, listener, error);
        onStateChanged(listener);
        return;
    }
    setMessage(MessageKind::StartFailed, nullptr, error);
    const auto owned = std::find_if(m_owned.begin(), m_owned.end(),
                                    [listener](const std::unique_ptr<Listener> &l) { return l.get() == listener; });
    if (owned != m_owned.end()) {
        // This runs inside the listener's own signal: it may only go once that has returned.
        Listener *failed = owned->release();
        m_owned.erase(owned);
        failed->setParent(this);
        failed->deleteLater();
    }
}

void ServersPanel::onStateChanged(QObject *server)
{
    refresh();
    const int row = m_listeners->rowOf(server);
    if (row >= 0 && m_listeners->isEmbedded(row))
        emit embeddedServersChanged();
}

void ServersPanel::scheduleRefresh()
{
    // Not restarted while pending: a steady stream of reports must not put the refresh off forever.
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void ServersPanel::refresh()
{
    m_refreshTimer->stop();
    m_listeners->refresh();
    if (m_shownListener) {
        m_clients->setClients(m_shownListener->clients());
        showDestinations();
        m_trace->setEntries(m_shownListener->trace().entries());
    }
    m_relayView->refresh();
    updateTraffic();
    updateButtons();
}

bool ServersPanel::startListener()
{
    QString problem;
    if (!m_form->isComplete(&problem))
        return false;
    if (m_form->isRelay())
        return startRelay();
    auto listener = std::make_unique<Listener>();
    // Watched before it starts, so a client that comes at once is not missed.
    watch(listener.get());
    const NetError error = listener->start(m_form->settings());
    if (error.isError()) {
        setMessage(MessageKind::StartFailed, nullptr, error);
        return false;
    }
    setMessage(MessageKind::None, nullptr);
    m_awaited.insert(listener.get());
    m_owned.push_back(std::move(listener));
    return true;
}

bool ServersPanel::startRelay()
{
    auto relay = std::make_unique<Relay>();
    // Watched before it starts, so a client that comes at once is not missed.
    watchRelay(relay.get());
    const NetError error = relay->start(m_form->relaySettings());
    if (error.isError()) {
        setMessage(MessageKind::RelayStartFailed, nullptr, error);
        return false;
    }
    setMessage(MessageKind::None, nullptr);
    m_awaited.insert(relay.get());
    m_ownedRelays.push_back(std::move(relay));
    return true;
}

void ServersPanel::stopSelected()
{
    const int row = selectedRow();
    if (Relay *relay = m_listeners->relayAt(row)) {
        relay->stop();
        m_awaited.remove(relay);
        if (m_messageListener == relay)
            setMessage(MessageKind::None, nullptr);
        refresh();
        return;
    }
    Listener *listener = m_listeners->listenerAt(row);
    if (!listener)
        return;
    listener->stop();
    m_awaited.remove(listener);
    if (m_messageListener == listener)
        setMessage(MessageKind::None, nullptr);
    refresh();
    if (m_listeners->isEmbedded(row))
        emit embeddedServersChanged();
}

void ServersPanel::restartSelected()
{
    const int row = selectedRow();
    if (Relay *relay = m_listeners->relayAt(row)) {
        RelaySettings settings = relay->settings();
        if (m_listeners->lastAddress(row).isValid())
            settings.listenAddress = m_listeners->lastAddress(row);
        // Its connections start over: the view lets go of the old ones first.
        m_relayView->setRelay(nullptr);
        const NetError error = relay->start(settings);
        m_relayView->setRelay(relay);
        if (error.isError()) {
            setMessage(MessageKind::RestartFailed, relay, error);
        } else {
            setMessage(MessageKind::None, nullptr);
            m_awaited.insert(relay);
        }
        refresh();
        return;
    }
    Listener *listener = m_listeners->listenerAt(row);
    if (!listener)
        return;
    Listener::Settings settings = listener->settings();
    if (m_listeners->lastAddress(row).isValid())
        settings.address = m_listeners->lastAddress(row);
    const NetError error = listener->start(settings);
    if (error.isError()) {
        setMessage(MessageKind::RestartFailed, listener, error);
    } else {
        setMessage(MessageKind::None, nullptr);
        m_awaited.insert(listener);
    }
    refresh();
}

void ServersPanel::removeSelected()
{
    const int row = selectedRow();
    if (row < 0 || m_listeners->isEmbedded(row))
        return;
    if (Relay *relay = m_listeners->relayAt(row)) {
        if (m_messageListener == relay)
            setMessage(MessageKind::None, nullptr);
        m_awaited.remove(relay);
        m_listenersView->clearSelection();
        m_relayView->setRelay(nullptr);
        m_listeners->removeListener(relay);
        const auto owned = std::find_if(m_ownedRelays.begin(), m_ownedRelays.end(),
                                        [relay](const std::unique_ptr<Relay> &r) { return r.get() == relay; });
        if (owned != m_ownedRelays.end())
            m_ownedRelays.erase(owned);
        if (m_listeners->rowCount() > 0)
            m_listenersView->selectRow(qMin(row, m_listeners->rowCount() - 1));
        updateButtons();
        return;
    }
    Listener *listener = m_listeners->listenerAt(row);
    if (m_messageListener == listener)
        setMessage(MessageKind::None, nullptr);
    m_awaited.remove(listener);
    m_listenersView->clearSelection();
    m_listeners->removeListener(listener);
    const auto owned = std::find_if(m_owned.begin(), m_owned.end(),
                                    [listener](const std::unique_ptr<Listener> &l) { return l.get() == listener; });
    if (owned != m_owned.end())
        m_owned.erase(owned);
    if (m_listeners->rowCount() > 0)
        m_listenersView->selectRow(qMin(row, m_listeners->rowCount() - 1));
    updateButtons();
}

void ServersPanel::openSendPane()
{
    if (!m_sendToClient->isEnabled())
        return;
    if (m_sendPane->isHidden()) {
        m_sendPane->show();
        // Shown after the layout was made, the pane would get no height: it takes the lower two
        // fifths, the tables share the rest as they did.
        const QList<int> sizes = m_splitter->sizes();
        const int tables = sizes.at(0) + sizes.at(1);
        if (tables > 0) {
            const int pane = std::max(m_sendPane->minimumSizeHint().height(), tables * 2 / 5);
            const int left = std::max(0, tables - pane);
            m_splitter->setSizes({sizes.at(0) * left / tables, sizes.at(1) * left / tables, pane});
        }
    }
    m_sendPane->editor()->setFocus();
}

void ServersPanel::showClientMenu(const QPoint &position)
{
    const QModelIndex index = m_clientsView->indexAt(position);
    if (!index.isValid())
        return;
    m_clientsView->selectRow(index.row());
    QMenu menu(this);
    QAction *send = menu.addAction(m_sendToClient->text(), this, &ServersPanel::openSendPane);
    send->setEnabled(m_sendToClient->isEnabled());
    if (!m_clients->isUdp()) {
        QAction *shutdown = menu.addAction(m_sendPane->shutdownButton()->text(), m_sendPane, &ClientSendPane::shutdownWrite);
        shutdown->setEnabled(m_sendPane->shutdownButton()->isEnabled());
        QAction *close = menu.addAction(m_sendPane->closeButton()->text(), m_sendPane, &ClientSendPane::closeClient);
        close->setEnabled(m_sendPane->closeButton()->isEnabled());
    }
    menu.exec(m_clientsView->viewport()->mapToGlobal(position));
}

void ServersPanel::talkToSelected()
{
    if (Relay *relay = selectedRelay()) {
        if (!relay->isRunning())
            return;
        // The client side of the relay: a line of text, read until the target falls silent.
        Listener::Settings settings;
        settings.transport = relay->settings().transport == RelaySettings::Transport::Udp ? Listener::Transport::Udp
                                                                                           : Listener::Transport::Tcp;
        settings.mode = Listener::Mode::LogOnly;
        const SocketAddress bound = relay->boundAddress();
        emit useListener(reachableHost(bound), bound.port(), settings);
        return;
    }
    Listener *listener = selectedListener();
    if (!listener || !listener->isRunning())
        return;
    const SocketAddress bound = listener->boundAddress();
    emit useListener(reachableHost(bound), bound.port(), listener->settings());
}

int ServersPanel::selectedRow() const
{
    const QModelIndexList rows = m_listenersView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

Listener *ServersPanel::selectedListener() const
{
    return m_listeners->listenerAt(selectedRow());
}

Relay *ServersPanel::selectedRelay() const
{
    return m_listeners->relayAt(selectedRow());
}

std::optional<quint64> ServersPanel::selectedClient() const
{
    const QModelIndexList rows = m_clientsView->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_clients->rowCount())
        return std::nullopt;
    return m_clients->clientAt(rows.first().row()).id;
}

bool ServersPanel::selectListener(const QObject *listener)
{
    const int row = m_listeners->rowOf(listener);
    if (row < 0)
        return false;
    m_listenersView->selectRow(row);
    return true;
}

void ServersPanel::showSelectedListener()
{
    Relay *relay = selectedRelay();
    m_relayView->setRelay(relay);
    m_clientsSplitter->setVisible(!relay);
    m_relayView->setVisible(relay);
    Listener *listener = selectedListener();
    if (listener != m_shownListener) {
        m_shownListener = listener;
        if (listener) {
            const bool udp = listener->settings().transport == Listener::Transport::Udp;
            const bool wordingChanges = udp != m_clients->isUdp();
            m_clients->reset(listener->clients(), udp);
            showDestinations();
            // A sender's state is a time, a connection's a word: the column follows.
            if (wordingChanges)
                fitClientColumns();
            m_trace->setEntries(listener->trace().entries());
        } else {
            m_clients->clear();
            showDestinations();
            m_trace->setEntries({});
        }
    }
    updateTraffic();
    updateButtons();
}

void ServersPanel::showDestinations()
{
    // Only a listener that joined groups learns where each datagram went: for the others the
    // column would stay empty, and is not shown.
    const bool joined = m_shownListener && m_shownListener->settings().transport == Listener::Transport::Udp
                        && !m_shownListener->settings().groups.isEmpty();
    const bool changed = joined && m_clients->setDatagrams(m_shownListener->datagrams());
    if (m_clientsView->isColumnHidden(ClientModel::Destination) == joined) {
        m_clientsView->setColumnHidden(ClientModel::Destination, !joined);
        fitClientColumns();
    } else if (changed) {
        fitClientColumns();
    }
}

void ServersPanel::updateTraffic()
{
    const std::optional<quint64> client = selectedClient();
    const bool received = m_receivedButton->isChecked();
    std::shared_ptr<const ByteStore> store;
    if (m_shownListener && client)
        store = received ? m_shownListener->received(*client) : m_shownListener->sent(*client);
    if (store != m_shownStore) {
        m_shownStore = store;
        // The size before the segments: bytes that land in between show at the next refresh.
        m_shownSize = store ? store->size() : 0;
        m_hex->setSegments(store ? store->segments() : QList<Segment>());
        m_hex->setSource(store);
        m_text->setSource(store);
    } else if (store && store->size() != m_shownSize) {
        m_shownSize = store->size();
        m_hex->setSegments(store->segments());
        m_hex->refresh();
        m_text->refresh();
    }
    updateTrafficLabel();
    updateSendPane();
}

void ServersPanel::updateSendPane()
{
    const std::optional<quint64> id = selectedClient();
    std::optional<Listener::Client> client;
    if (id && m_shownListener)
        client = m_clients->clientAt(m_clients->rowOf(*id));
    m_sendPane->setClient(m_shownListener, client, m_clients->isUdp());
    // An open connection (a half-closed one still has close() left), or a sender while its listener runs.
    m_sendToClient->setEnabled(client && client->open);
}

void ServersPanel::updateTrafficLabel()
{
    const bool udp = m_clients->isUdp();
    const bool received = m_receivedButton->isChecked();
    m_hex->setSegmentLabel(udp ? tr("datagram") : received ? QString() : tr("send"));
    const std::optional<quint64> client = selectedClient();
    if (!m_shownListener) {
        m_trafficLabel->setText(tr("Select a listener to see its clients and its socket calls."));
        return;
    }
    const int row = client ? m_clients->rowOf(*client) : -1;
    if (row < 0) {
        m_trafficLabel->setText(udp ? tr("Select a sender to see its datagrams.") : tr("Select a client to see its bytes."));
        return;
    }
    const Listener::Client &info = m_clients->clientAt(row);
    const QString id = QString::number(info.id);
    const QString peer = info.peer.toString();
    QString text;
    const QString destinations = m_clients->destinations(info.id);
    if (udp && received && !destinations.isEmpty())
        text = tr("Received from sender %1 (%2), sent to %3: %4").arg(id, peer, destinations, byteCount(info.bytesIn));
    else if (udp && received)
        text = tr("Received from sender %1 (%2): %3").arg(id, peer, byteCount(info.bytesIn));
    else if (udp)
        text = tr("Sent to sender %1 (%2): %3").arg(id, peer, byteCount(info.bytesOut));
    else if (info.refused)
        text = tr("Client %1 (%2) was refused: the listener was serving its maximum of clients.").arg(id, peer);
    else if (received)
        text = tr("Received from client %1 (%2): %3").arg(id, peer, byteCount(info.bytesIn));
    else
        text = tr("Sent to client %1 (%2): %3").arg(id, peer, byteCount(info.bytesOut));
    const qint64 counted = received ? info.bytesIn : info.bytesOut;
    const qint64 kept = received ? info.keptIn : info.keptOut;
    if (info.bytesDropped && kept < counted) {
        // Said where the bytes are shown, so an empty or short hex view is not taken for the traffic.
        // A sentence of its own after the count, which has no full stop.
        if (!text.endsWith(QLatin1Char('.')))
            text += QLatin1Char('.');
        text += QLatin1Char(' ')
                + (kept == 0 ? tr("Bytes dropped: the listener's capture budget went to newer clients, none are kept to show.")
                             : tr("Bytes dropped: the listener's capture budget is full, only the first %1 are shown.")
                                   .arg(byteCount(kept)));
    }
    m_trafficLabel->setText(text);
}

void ServersPanel::updateButtons()
{
    const int row = selectedRow();
    Listener *listener = m_listeners->listenerAt(row);
    Relay *relay = m_listeners->relayAt(row);
    const bool running = (listener && listener->isRunning()) || (relay && relay->isRunning());
    const bool starting = (listener && listener->isStarting()) || (relay && relay->isStarting());
    m_stop->setEnabled(running || starting);
    m_restart->setEnabled(listener || relay);
    m_remove->setEnabled((listener || relay) && !m_listeners->isEmbedded(row));
    m_talk->setEnabled(running);
}

void ServersPanel::setMessage(MessageKind kind, QObject *server, const NetError &error)
{
    m_messageKind = kind;
    m_messageListener = server;
    m_messageError = error;
    showMessage();
}

void ServersPanel::showMessage()
{
    const int row = m_listeners->rowOf(m_messageListener);
    const QString name = m_listeners->nameAt(row);
    switch (m_messageKind) {
    case MessageKind::None:
        m_message->clear();
        break;
    case MessageKind::Started:
        if (auto *relay = qobject_cast<Relay *>(m_messageListener.data()); relay && relay->isRunning()) {
            const bool udp = relay->settings().transport == RelaySettings::Transport::Udp;
            const QString target = ListenerModel::relayTargetText(relay->settings());
            const QString address = relay->boundAddress().toString();
            const QString transport = udp ? QStringLiteral("UDP") : QStringLiteral("TCP");
            m_message->setText(relay->settings().tlsToTarget.enabled
                                   ? tr("%1 is listening on %2 (%3) and relays each client to %4 over TLS: point the client at %2.")
                                         .arg(name, address, transport, target)
                                   : tr("%1 is listening on %2 (%3) and relays each client to %4: point the client at %2.")
                                         .arg(name, address, transport, target));
        } else if (auto *listener = qobject_cast<Listener *>(m_messageListener.data()); listener && listener->isRunning()) {
            const bool udp = listener->settings().transport == Listener::Transport::Udp;
            const QString address = listener->boundAddress().toString();
            // The fingerprint where it can be selected and copied, to check or pin on the client side.
            if (listener->settings().tls)
                m_message->setText(tr("%1 is listening on %2 (TCP+TLS, certificate SHA-256 %3).")
                                       .arg(name, address, TlsText::fingerprint(listener->certificateSha256())));
            else
                m_message->setText(tr("%1 is listening on %2 (%3).")
                                       .arg(name, address, udp ? QStringLiteral("UDP") : QStringLiteral("TCP")));
        } else {
            m_message->clear();
        }
        break;
    case MessageKind::StartFailed:
        m_message->setText(tr("Could not start the listener: %1.").arg(ErrorText::inSentence(m_messageError)));
        break;
    case MessageKind::RelayStartFailed:
        m_message->setText(tr("Could not start the relay: %1.").arg(ErrorText::inSentence(m_messageError)));
        break;
    case MessageKind::RestartFailed:
        m_message->setText(tr("Could not restart %1: %2.").arg(name, ErrorText::inSentence(m_messageError)));
        break;
    case MessageKind::Failed:
        m_message->setText(tr("%1 reported an error: %2.").arg(name, ErrorText::inSentence(m_messageError)));
        break;
    case MessageKind::AcceptPaused:
        m_message->setText(tr("%1 cannot accept new clients: %2. They wait in the queue; accept() is tried again "
                              "after a pause that grows to %3 ms.")
                               .arg(name, ErrorText::inSentence(m_messageError))
                               .arg(QLocale().toString(AcceptBackoff::MaxPauseMs)));
        break;
    case MessageKind::AcceptResumed:
        m_message->setText(tr("%1 accepts new clients again.").arg(name));
        break;
    }
    m_message->setVisible(!m_message->text().isEmpty());
    applyColors();
}

void ServersPanel::applyColors()
{
    const bool error = m_messageKind == MessageKind::StartFailed || m_messageKind == MessageKind::RelayStartFailed
                       || m_messageKind == MessageKind::RestartFailed
                       || m_messageKind == MessageKind::Failed || m_messageKind == MessageKind::AcceptPaused;
    // A palette with only the text colour set: every other role follows the window's.
    QPalette palette;
    if (error) {
        const bool dark = this->palette().color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    m_message->setPalette(palette);
}

void ServersPanel::retranslate()
{
    m_listenersView->setAccessibleName(tr("Listeners"));
    m_clientsView->setAccessibleName(tr("Clients of the selected listener"));
    m_stop->setText(tr("St&op"));
    m_stop->setToolTip(tr("Stop the selected listener: its socket and every client connection are closed."));
    m_restart->setText(tr("Res&tart"));
    m_restart->setToolTip(tr("Start the selected listener again on the same address and port."));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Stop the selected listener and take it out of the table (not the built-in servers)."));
    m_talk->setText(tr("Tal&k to it"));
    m_talk->setToolTip(tr("Put the selected listener's address and port into the connection form."));
    m_sendToClient->setText(tr("Send to client…"));
    m_sendToClient->setToolTip(tr("Send bytes to the selected client (or UDP sender) from the request editor, "
                                  "and shut down or close its connection: SocketLab as the server."));
    m_receivedButton->setText(tr("Received"));
    m_receivedButton->setToolTip(tr("The bytes the selected client sent to the listener."));
    m_sentButton->setText(tr("Sent"));
    m_sentButton->setToolTip(tr("The bytes the listener sent to the selected client."));
    m_tabs->setTabText(HexTab, tr("Hex"));
    m_tabs->setTabText(TextTab, tr("Text"));
    m_tabs->setTabText(TraceTab, tr("Trace"));
    m_tabs->setTabToolTip(TraceTab, tr("The socket calls of the selected listener: bind, listen, accept, recv, send, close."));
    m_listeners->retranslate();
    m_clients->retranslate();
    fitClientColumns();
    updateTrafficLabel();
    showMessage();
}

void ServersPanel::fitClientColumns()
{
    // A client table can hold a thousand rows that change ten times a second: widths come from the
    // headers, in the language shown, and from the widest values, never from the rows.
    // Each column as wide as its title or its widest value, whichever is wider: the counts, times
    // and states as the language and the locale write them (10 digits with their group separators,
    // "Heure de connexion").
    QHeaderView *header = m_clientsView->horizontalHeader();
    const QFontMetrics metrics = m_clientsView->fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M'));
    for (int column = ClientModel::Id; column < ClientModel::Error; ++column) {
        const int text = metrics.horizontalAdvance(m_clients->widestText(column)) + padding;
        header->resizeSection(column, qMax(text, header->sectionSizeHint(column)));
    }
    m_clientsSplitter->fit();
}

int ServersPanel::clientsPaneWidth(int available) const
{
    // The client table as wide as its columns (an error column of a dozen characters included), the
    // bytes of the chosen client beside it with their tabs and direction buttons whole; at most two
    // thirds of the width, in any language: in a 1024 px window the French headers then show whole
    // ("Heure de connexion").
    const QHeaderView *header = m_clientsView->horizontalHeader();
    const int columns = header->sectionPosition(ClientModel::Error)
                        + m_clientsView->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12;
    const int wanted = columns + 2 * m_clientsView->frameWidth() + m_clientsView->verticalScrollBar()->sizeHint().width();
    const int traffic = m_tabs->tabBar()->sizeHint().width() + m_tabs->cornerWidget(Qt::TopRightCorner)->sizeHint().width()
                        + m_tabs->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    return qMax(0, std::min({wanted, available * 2 / 3, available - traffic}));
}

void ServersPanel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange: retranslate(); break;
    case QEvent::PaletteChange: applyColors(); break;
    default: break;
    }
    QWidget::changeEvent(event);
}

} // namespace SocketLab
