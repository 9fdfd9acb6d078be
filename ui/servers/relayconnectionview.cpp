#include "relayconnectionview.h"

#include "listenermodel.h"
#include "relayconnectionmodel.h"

#include "conversation/conversationcolors.h"
#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "conversation/messagetable.h"
#include "conversation/recordbytes.h"
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
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
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
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_top(new QSplitter(Qt::Horizontal, m_splitter))
    , m_model(new MessageModel(this))
    , m_table(new QTableView(m_top))
    , m_ladder(new LadderView(m_top))
    , m_selection(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_hex(new HexView(m_tabs))
    , m_text(new TextView(m_tabs))
    , m_trace(new TraceView(m_tabs))
    , m_http(new ConversationHttpView(m_tabs))
{
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    for (QLabel *label : {m_status, m_totals, m_selection}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    setUpMessageTable(*m_table, *m_model);
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_text, QString());
    m_tabs->addTab(m_trace, QString());
    m_tabs->addTab(m_http, QString());
    connect(m_http, &ConversationHttpView::rangeSelected, this, &RelayConnectionView::displayHttpRange);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RelayConnectionView::refreshTrace);
    ByteViewBase::keepSelectionsInSync(m_hex, m_text);
    m_trace->setScrolling(TraceView::Scrolling::KeepStart);

    // The list and the ladder side by side, as in the Conversation tab: the same events, read as a
    // table or as a picture.
    m_top->addWidget(m_table);
    m_top->addWidget(m_ladder);
    m_top->setStretchFactor(0, 3);
    m_top->setStretchFactor(1, 2);
    m_top->setChildrenCollapsible(false);

    auto *bytesPane = new QWidget(m_splitter);
    auto *bytesLayout = new QVBoxLayout(bytesPane);
    bytesLayout->setContentsMargins(0, 0, 0, 0);
    bytesLayout->addWidget(m_selection);
    bytesLayout->addWidget(m_tabs, 1);
    m_splitter->addWidget(m_top);
    m_splitter->addWidget(bytesPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_totals);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_table, m_ladder);
    setTabOrder(m_ladder, m_tabs);
    setTabOrder(m_tabs, m_hex);
    setTabOrder(m_hex, m_text);
    setTabOrder(m_text, m_trace);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RelayConnectionView::onCurrentRowChanged);
    connect(m_ladder, &LadderView::eventActivated, this, &RelayConnectionView::selectEvent);

    applyColors();
    retranslate();
    const int line = fontMetrics().height();
    m_splitter->setSizes({line * 14, line * 12});
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
    m_seenEvents = 0;
    m_shownRow = -1;
    m_httpOffset = -1;
    m_model->reset(m_record);
    m_http->setRecord(m_record);
    m_ladder->clear();
    m_hex->setSource(nullptr);
    m_text->setSource(nullptr);
    m_trace->setEntries({});
    m_traceCalls = -1;
    updateNames();
    refresh();
}

void RelayConnectionView::refresh()
{
    if (m_relay && m_id && !m_record) {
        // Asked for before the relay had made it: it comes with the connection's first report.
        m_record = m_relay->record(*m_id);
        if (m_record) {
            m_model->reset(m_record);
            m_http->setRecord(m_record);
        }
    }
    if (m_relay && m_id && !m_traceData)
        m_traceData = m_relay->trace(*m_id);
    readNewEvents();
    m_http->refresh();
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
    if (!m_traceData || m_tabs->currentWidget() != m_trace || !isVisible())
        return;
    const qint64 calls = m_traceData->callCount();
    if (calls == m_traceCalls)
        return;
    m_traceCalls = calls;
    m_trace->setEntries(m_traceData->entries());
}

void RelayConnectionView::readNewEvents()
{
    if (!m_record)
        return;
    const QList<ConversationEvent> events = m_record->events(m_seenEvents);
    if (events.isEmpty())
        return;
    m_seenEvents += events.size();
    // The list follows the newest row while it shows the bottom, as the ladder does.
    QScrollBar *bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    m_model->appendEvents(events);
    m_ladder->appendEvents(events);
    if (atBottom)
        m_table->scrollToBottom();
    if (m_shownRow < 0)
        updateSelectionLabel();
}

void RelayConnectionView::selectEvent(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    if (row != m_shownRow)
        displayEvent(row);
}

void RelayConnectionView::onCurrentRowChanged(const QModelIndex &current)
{
    if (current.isValid() && current.row() != m_shownRow)
        displayEvent(current.row());
}

void RelayConnectionView::displayHttpRange(bool clientDirection, qint64 offset, qint64 length)
{
    if (!m_record)
        return;
    const std::shared_ptr<const ByteSource> bytes = directionBytes(m_record, clientDirection);
    m_shownRow = -1;
    // No current row either: a click on the row shown before must show it again.
    m_table->selectionModel()->clearCurrentIndex();
    m_table->clearSelection();
    m_hex->setSource(bytes);
    m_text->setSource(bytes);
    m_hex->setSelection(offset, length);
    m_text->setSelection(offset, length);
    m_httpOffset = offset;
    m_httpLength = length;
    m_httpClientDirection = clientDirection;
    updateSelectionLabel();
}

void RelayConnectionView::displayEvent(int row)
{
    m_shownRow = row;
    m_httpOffset = -1;
    m_ladder->setSelectedIndex(row);
    const ConversationEvent &event = m_model->eventAt(row);
    // Sent holds what the client said, Received what the target answered.
    if (std::shared_ptr<const ByteSource> bytes = eventBytes(m_record, event)) {
        m_hex->setSource(bytes);
        m_text->setSource(std::move(bytes));
        if (m_tabs->currentWidget() == m_trace)
            m_tabs->setCurrentWidget(m_hex);
    } else {
        m_hex->setSource(nullptr);
        m_text->setSource(nullptr);
    }
    updateSelectionLabel();
}

void RelayConnectionView::updateNames()
{
    const std::optional<Relay::Connection> connection = m_relay && m_id ? m_relay->connection(*m_id) : std::nullopt;
    const QString target = targetText(m_relay, connection);
    m_model->setEndNames(tr("client"), target.isEmpty() ? tr("target") : target);
    m_ladder->setEndNames(tr("Client"), tr("Target"));
    m_ladder->setLocalAddress(connection ? connection->client.toString() : QString());
    m_ladder->setPeerAddress(target);
}

void RelayConnectionView::updateStatus()
{
    const std::optional<Relay::Connection> connection = m_relay && m_id ? m_relay->connection(*m_id) : std::nullopt;
    if (!connection) {
        m_status->setText(m_relay ? tr("Select a connection to see what its client and the target said.") : QString());
        m_totals->clear();
        updateSelectionLabel();
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
    if (m_shownRow < 0)
        updateSelectionLabel();
}

void RelayConnectionView::updateSelectionLabel()
{
    if (m_shownRow < 0 && m_httpOffset >= 0) {
        const QString first = QLocale().toString(m_httpOffset);
        const QString last = QLocale().toString(m_httpOffset + m_httpLength - 1);
        m_selection->setText(m_httpClientDirection
                                 ? tr("The client's bytes %1 to %2 selected (HTTP tab).").arg(first, last)
                                 : tr("The target's bytes %1 to %2 selected (HTTP tab).").arg(first, last));
        return;
    }
    if (m_shownRow < 0 || m_shownRow >= m_model->rowCount()) {
        m_selection->setText(m_model->rowCount() > 0 ? tr("Choose an event to see its bytes.") : QString());
        return;
    }
    const ConversationEvent &event = m_model->eventAt(m_shownRow);
    const QString time = QLocale().toString(double(event.timeUs) / 1000.0, 'f', 3);
    if (!event.carriesBytes()) {
        m_selection->setText(tr("%1 at %2 ms.").arg(m_model->directionText(event), time));
        return;
    }
    m_selection->setText(tr("%1 at %2 ms: %3.").arg(m_model->directionText(event), time, byteCount(event.size)));
}

void RelayConnectionView::fitColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M'));
    const QLocale locale;
    // The widest each column shows: a time, "client → [ffff::1]:65535", a size.
    const QString samples[] = {locale.toString(99999.999, 'f', 3),
                               MessageModel::tr("%1 → %2", "who spoke → who it went to")
                                   .arg(tr("client"), QStringLiteral("255.255.255.255:65535")),
                               locale.toString(999999)};
    for (int column = MessageModel::TimeColumn; column < MessageModel::PreviewColumn; ++column) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        const int width = std::max(metrics.horizontalAdvance(header), metrics.horizontalAdvance(samples[column]));
        m_table->setColumnWidth(column, width + padding);
    }
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + metrics.height() / 2);
}

void RelayConnectionView::applyColors()
{
    m_model->setColors(ConversationColors::forPalette(m_table->palette()));
}

void RelayConnectionView::retranslate()
{
    m_table->setAccessibleName(tr("Events of the selected connection"));
    m_tabs->setTabText(HexTab, tr("Hex"));
    m_tabs->setTabText(TextTab, tr("Text"));
    m_tabs->setTabText(TraceTab, tr("Socket calls"));
    m_tabs->setTabText(HttpTab, tr("HTTP"));
    m_tabs->setTabToolTip(HttpTab, tr("The requests the client sent and the target's responses, with how each one's "
                                      "length was decided; a choice selects its bytes in the Hex and Text tabs."));
    m_tabs->setTabToolTip(TraceTab, tr("The socket calls of both legs: accept() and the client's reads and writes, "
                                       "connect() to the target and its reads and writes."));
    m_model->retranslate();
    fitColumns();
    updateNames();
    if (m_relay)
        updateStatus();
    else
        updateSelectionLabel();
}

void RelayConnectionView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange: retranslate(); break;
    case QEvent::PaletteChange: applyColors(); break;
    case QEvent::FontChange: fitColumns(); break;
    default: break;
    }
    QWidget::changeEvent(event);
}

} // namespace SocketLab
