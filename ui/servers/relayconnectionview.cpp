#include "relayconnectionview.h"

#include "listenermodel.h"
#include "relayconnectionmodel.h"

#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "http/conversationhttpview.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "trace/traceview.h"

#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "relay/relay.h"
#include "text/errortext.h"
#include "text/stoptext.h"

#include <QEvent>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

// "127.0.0.1:8080": the address connected to once known, else the target as the relay was given it.
QString targetText(const Relay *relay, const std::optional<Relay::Connection> &connection)
{
    if (connection && connection->target.isValid())
        return connection->target.toString();
    return relay ? ListenerModel::relayTargetText(relay->settings()) : QString();
}

} // namespace

RelayConnectionView::RelayConnectionView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_events(new ConversationEventsView(this))
{
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    for (QLabel *label : {m_status, m_totals}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    connect(tabs(), &QTabWidget::currentChanged, this, &RelayConnectionView::refreshTrace);
    traceView()->setScrolling(TraceView::Scrolling::KeepStart);
    m_events->splitter()->setStretchFactor(0, 1);
    m_events->splitter()->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_totals);
    layout->addWidget(m_events, 1);

    setTabOrder(messageTable(), ladderView());
    setTabOrder(ladderView(), tabs());
    setTabOrder(tabs(), hexView());
    setTabOrder(hexView(), textView());
    setTabOrder(textView(), traceView());

    retranslate();
    const int line = fontMetrics().height();
    m_events->splitter()->setSizes({line * 14, line * 12});
}

RelayConnectionView::~RelayConnectionView() = default;

void RelayConnectionView::setConnection(Relay *relay, std::optional<quint64> id)
{
    if (relay == m_relay && id == m_id)
        return;
    m_relay = relay;
    m_id = relay ? id : std::nullopt;
    m_record = m_relay && m_id ? m_relay->record(*m_id) : nullptr;
    m_traceData = m_relay && m_id ? m_relay->trace(*m_id) : nullptr;
    m_events->setRecord(m_record);
    traceView()->setEntries({});
    m_traceCalls = -1;
    updateNames();
    refresh();
}

void RelayConnectionView::refresh()
{
    if (m_relay && m_id && !m_record) {
        // Asked for before the relay had made it: it comes with the connection's first report.
        m_record = m_relay->record(*m_id);
        if (m_record)
            m_events->setRecord(m_record);
    }
    if (m_relay && m_id && !m_traceData)
        m_traceData = m_relay->trace(*m_id);
    m_events->showNewEvents();
    httpView()->refresh();
    refreshTrace();
    updateNames();
    updateStatus();
}

void RelayConnectionView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshTrace();
}

void RelayConnectionView::refreshTrace()
{
    if (!m_traceData || tabs()->currentWidget() != traceView() || !isVisible())
        return;
    const qint64 calls = m_traceData->callCount();
    if (calls == m_traceCalls)
        return;
    m_traceCalls = calls;
    traceView()->setEntries(m_traceData->entries());
}

void RelayConnectionView::updateNames()
{
    const std::optional<Relay::Connection> connection = m_relay && m_id ? m_relay->connection(*m_id) : std::nullopt;
    const QString target = targetText(m_relay, connection);
    messageModel()->setEndNames(tr("client"), target.isEmpty() ? tr("target") : target);
    ladderView()->setEndNames(tr("Client"), tr("Target"));
    ladderView()->setLocalAddress(connection ? connection->client.toString() : QString());
    ladderView()->setPeerAddress(target);
}

void RelayConnectionView::updateStatus()
{
    const std::optional<Relay::Connection> connection = m_relay && m_id ? m_relay->connection(*m_id) : std::nullopt;
    if (!connection) {
        m_status->setText(m_relay ? tr("Select a connection to see what its client and the target said.") : QString());
        m_totals->clear();
        return;
    }
    const QString id = QString::number(connection->id);
    const QString state = RelayConnectionModel::stateText(*connection);
    QString status = tr("Connection %1: client %2, target %3. %4.")
                         .arg(id, connection->client.toString(), targetText(m_relay, connection), state);
    if (connection->error.isError())
        status += QLatin1Char(' ') + ErrorText::describe(connection->error);
    m_status->setText(status);

    const bool udp = m_relay->settings().transport == RelaySettings::Transport::Udp;
    const qint64 fromClient = m_record ? m_record->sentMessages() : 0;
    const qint64 fromTarget = m_record ? m_record->receivedMessages() : 0;
    const QString toTarget = (udp ? tr("Client → target: %1 in %Ln datagram(s)", nullptr, int(fromClient))
                                  : tr("Client → target: %1 in %Ln recv()", nullptr, int(fromClient)))
                                 .arg(byteCount(connection->fromClient));
    const QString toClient = (udp ? tr("target → client: %1 in %Ln datagram(s)", nullptr, int(fromTarget))
                                  : tr("target → client: %1 in %Ln recv()", nullptr, int(fromTarget)))
                                 .arg(byteCount(connection->fromTarget));
    QString totals = toTarget + QStringLiteral(" · ") + toClient + QStringLiteral(" · ")
                     + tr("queued: %1 to the target, %2 to the client")
                           .arg(byteCount(connection->queuedToTarget), byteCount(connection->queuedToClient));
    if (connection->bytesDropped)
        totals += QStringLiteral(" · ")
                  + tr("the relay's capture budget is full: bytes are forwarded and counted, not all are kept to show");
    m_totals->setText(totals);
}

void RelayConnectionView::retranslate()
{
    m_events->setWording(
        {.listName = tr("Events of the selected connection"),
         .tabTexts = {tr("Hex"), tr("Text"), tr("Socket calls"), tr("HTTP")},
         .tabToolTips = {QString(), QString(),
                         tr("The socket calls of both legs: accept() and the client's reads and writes, "
                            "connect() to the target and its reads and writes."),
                         tr("The requests the client sent and the target's responses, with how each one's "
                            "length was decided; a choice selects its bytes in the Hex and Text tabs.")},
         .chooseEvent = tr("Choose an event to see its bytes."),
         // The record's sent bytes are what the client said, its received ones what the target answered.
         .sentRange = tr("The client's bytes %1 to %2 selected (HTTP tab)."),
         .receivedRange = tr("The target's bytes %1 to %2 selected (HTTP tab)."),
         // The widest a row's direction gets: the client to an address and port.
         .directionSamples = {MessageModel::tr("%1 → %2", "who spoke → who it went to")
                                  .arg(tr("client"), QStringLiteral("255.255.255.255:65535"))}});
    updateNames();
    if (m_relay)
        updateStatus();
}

void RelayConnectionView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
