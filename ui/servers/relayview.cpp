#include "relayview.h"

#include "relayconnectionmodel.h"
#include "relayconnectionview.h"
#include "relayshapingedit.h"

#include "trace/traceview.h"

#include "relay/relay.h"
#include "text/stoptext.h"

#include <QCheckBox>
#include <QEvent>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

RelayView::RelayView(QWidget *parent)
    : QWidget(parent)
    , m_shaping(new QGroupBox(this))
    , m_toTarget(new RelayShapingEdit(RelayDirection::ToTarget, m_shaping))
    , m_toClient(new RelayShapingEdit(RelayDirection::ToClient, m_shaping))
    , m_totals(new QLabel(this))
    , m_connections(new RelayConnectionModel(this))
    , m_connectionsView(new QTableView(this))
    , m_connection(new RelayConnectionView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionsView->setModel(m_connections);
    m_connectionsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_connectionsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_connectionsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_connectionsView->setWordWrap(false);
    m_connectionsView->setTabKeyNavigation(false);
    m_connectionsView->setAlternatingRowColors(true);
    m_connectionsView->verticalHeader()->setVisible(false);
    m_connectionsView->horizontalHeader()->setStretchLastSection(true);
    m_connectionsView->horizontalHeader()->setHighlightSections(false);

    auto *connectionsPane = new QWidget(this);
    auto *connectionsLayout = new QVBoxLayout(connectionsPane);
    connectionsLayout->setContentsMargins(0, 0, 0, 0);
    // Framed and titled apart from the form's rows of the same words, which are for the next relay started.
    auto *shapingLayout = new QVBoxLayout(m_shaping);
    shapingLayout->addWidget(m_toTarget);
    shapingLayout->addWidget(m_toClient);
    connectionsLayout->addWidget(m_shaping);
    connectionsLayout->addWidget(m_totals);
    connectionsLayout->addWidget(m_connectionsView, 1);
    m_splitter->addWidget(connectionsPane);
    m_splitter->addWidget(m_connection);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    setTabOrder(m_toTarget->pauseCheck(), m_toClient->delaySpin());
    setTabOrder(m_toClient->pauseCheck(), m_connectionsView);
    setTabOrder(m_connectionsView, m_connection->messageTable());

    connect(m_toTarget, &RelayShapingEdit::changed, this, [this] { applyShaping(m_toTarget); });
    connect(m_toClient, &RelayShapingEdit::changed, this, [this] { applyShaping(m_toClient); });
    connect(m_connectionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RelayView::showSelectedConnection);

    retranslate();
}

void RelayView::setRelay(Relay *relay)
{
    if (relay == m_relay)
        return;
    m_relay = relay;
    const bool udp = relay && relay->settings().transport == RelaySettings::Transport::Udp;
    m_connections->reset(relay ? relay->connections() : QList<Relay::Connection>(), udp);
    if (relay) {
        m_toTarget->setShaping(relay->shaping(RelayDirection::ToTarget));
        m_toClient->setShaping(relay->shaping(RelayDirection::ToClient));
    }
    m_toTarget->setEnabled(relay);
    m_toClient->setEnabled(relay);
    m_connection->setConnection(relay, std::nullopt);
    updateTotals();
}

std::optional<quint64> RelayView::selectedConnection() const
{
    const QModelIndexList rows = m_connectionsView->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_connections->rowCount())
        return std::nullopt;
    return m_connections->connectionAt(rows.first().row()).id;
}

bool RelayView::selectConnection(quint64 id)
{
    const int row = m_connections->rowOf(id);
    if (row < 0)
        return false;
    m_connectionsView->selectRow(row);
    return true;
}

void RelayView::refresh()
{
    if (!m_relay)
        return;
    m_connections->setConnections(m_relay->connections());
    m_connection->refresh();
    updateTotals();
}

void RelayView::applyShaping(const RelayShapingEdit *edit)
{
    // At once, for every connection of the running relay: a pause shows as queued bytes at the next refresh.
    if (m_relay)
        m_relay->setShaping(edit->direction(), edit->shaping());
}

QWidget *RelayView::firstInFocusChain() const
{
    return m_toTarget->delaySpin();
}

QWidget *RelayView::lastInFocusChain() const
{
    return m_connection->traceView();
}

void RelayView::showSelectedConnection()
{
    m_connection->setConnection(m_relay, selectedConnection());
}

void RelayView::updateTotals()
{
    if (!m_relay) {
        m_totals->clear();
        return;
    }
    const Relay::Totals totals = m_relay->totals();
    const QLocale locale;
    QString text = tr("%Ln connection(s), %1 open, %2 refused, %3 failed", nullptr, int(totals.connections))
                       .arg(locale.toString(totals.open), locale.toString(totals.refused), locale.toString(totals.failed))
                   + QStringLiteral(" · ")
                   + tr("to the target %1, to the client %2").arg(byteCount(totals.toTarget), byteCount(totals.toClient));
    m_totals->setText(text);
}

void RelayView::fitColumns()
{
    // Each column as wide as its title or its widest value, whichever is wider, as the client table's.
    QHeaderView *header = m_connectionsView->horizontalHeader();
    const QFontMetrics metrics = m_connectionsView->fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M'));
    const QString count = QLocale().toString(Q_INT64_C(9999999));
    const QString address = QStringLiteral("127.0.0.1:65535");
    const QStringList states = RelayConnectionModel::stateTexts();
    const QString state = *std::max_element(states.cbegin(), states.cend(), [&metrics](const QString &a, const QString &b) {
        return metrics.horizontalAdvance(a) < metrics.horizontalAdvance(b);
    });
    const QString widest[] = {QStringLiteral("9999"), address, address, state, count, count, count, count};
    for (int column = RelayConnectionModel::Id; column < RelayConnectionModel::Error; ++column) {
        const int text = metrics.horizontalAdvance(widest[column]) + padding;
        header->resizeSection(column, qMax(text, header->sectionSizeHint(column)));
    }
}

void RelayView::retranslate()
{
    m_connectionsView->setAccessibleName(tr("Connections of the selected relay"));
    m_shaping->setTitle(tr("The selected relay, changed at once"));
    m_shaping->setToolTip(tr("Delay, cap and pause of the running relay, for every connection: a change applies at once."));
    m_connections->retranslate();
    fitColumns();
    updateTotals();
}

void RelayView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
