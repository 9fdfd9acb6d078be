#include "udppanel.h"

#include "bytesourceslice.h"
#include "datagrammodel.h"

#include "history/historyfolder.h"
#include "history/historypanel.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "request/requesteditor.h"
#include "settings/storedsettings.h"
#include "trace/traceview.h"
#include "widgets/flowlayout.h"
#include "widgets/interfacecombo.h"
#include "widgets/socketoptionoutcomes.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/spinboxes.h"
#include "widgets/targetedit.h"

#include "bytes/bytestore.h"
#include "exchange/exchangerunner.h"
#include "net/multicast.h"
#include "net/trace.h"
#include "text/errortext.h"
#include "text/kerneldropstext.h"
#include "text/multicasttext.h"
#include "text/stoptext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QStringList>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cerrno>

namespace SocketLab {

namespace {

// The notebook's datagram, so the first Send does what the course does.
const QByteArray DefaultPayload = QByteArrayLiteral("Test en classe");
constexpr int DefaultWaitMs = 2000;
constexpr int DefaultRecvSize = 65536;
// A UDP payload is at most 65,535 bytes less the headers; a larger buffer would never fill.
constexpr int MaxRecvSize = 65536;

Qt::KeyboardModifiers plainModifiers(const QKeyEvent *event)
{
    return event->modifiers() & ~Qt::KeypadModifier;
}

bool isSendKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
           && plainModifiers(event) == Qt::ControlModifier;
}

bool isCancelKey(const QKeyEvent *event)
{
    return event->key() == Qt::Key_Escape && plainModifiers(event) == Qt::NoModifier;
}

} // namespace

UdpPanel::UdpPanel(QWidget *parent)
    : QWidget(parent)
    , m_runner(std::make_unique<ExchangeRunner>())
    , m_target(new TargetEdit(this))
    , m_echo(new QToolButton(this))
    , m_send(new QPushButton(this))
    , m_resend(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_cancelFocus(m_cancel, {m_send, m_resend})
    , m_localPortLabel(new QLabel(this))
    , m_localPort(makeSpinBox(0, 65535, 0, this))
    , m_connected(new QCheckBox(this))
    , m_waitLabel(new QLabel(this))
    , m_wait(makeSpinBox(1, 3600000, DefaultWaitMs, this))
    , m_countLabel(new QLabel(this))
    , m_count(makeSpinBox(0, 1000000, 0, this))
    , m_recvSizeLabel(new QLabel(this))
    , m_recvSize(makeSpinBox(1, MaxRecvSize, DefaultRecvSize, this))
    , m_multicastLabel(new QLabel(this))
    , m_hopsLabel(new QLabel(this))
    , m_hops(makeSpinBox(-1, 255, -1, this))
    , m_loopLabel(new QLabel(this))
    , m_loop(new QComboBox(this))
    , m_interfaceLabel(new QLabel(this))
    , m_interface(new InterfaceCombo(this))
    // The port to bind is the form's Local port: the options take the address alone.
    , m_options(new SocketOptionsEdit(SocketOptionsEdit::Use::UdpClient, SocketOptionsEdit::LocalField::Address, this))
    , m_problem(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_payloadBox(new QGroupBox(m_splitter))
    , m_editor(new RequestEditor(m_payloadBox))
    , m_datagramBox(new QGroupBox(m_splitter))
    , m_status(new QLabel(m_datagramBox))
    , m_notice(new QLabel(m_datagramBox))
    , m_details(new QLabel(m_datagramBox))
    , m_outcomes(new SocketOptionOutcomes(m_datagramBox))
    , m_model(new DatagramModel(this))
    , m_results(new QSplitter(Qt::Horizontal, m_datagramBox))
    , m_table(new QTableView(m_results))
    , m_selection(new QLabel(m_datagramBox))
    , m_tabs(new QTabWidget(m_datagramBox))
    , m_hex(new HexView(m_tabs))
    , m_text(new TextView(m_tabs))
    , m_callsAndHistory(new QTabWidget(m_splitter))
    , m_trace(new TraceView(m_callsAndHistory))
    , m_history(new HistoryPanel(m_callsAndHistory))
{
    m_echo->setEnabled(false);
    m_cancel->setEnabled(false);
    m_resend->setEnabled(false);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    m_editor->setBytes(DefaultPayload);

    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    for (QLabel *label : {m_status, m_notice, m_details, m_selection}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_notice->setVisible(false);
    m_notice->setAutoFillBackground(true);
    m_notice->setMargin(fontMetrics().height() / 4);
    applyNoticeColors();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Tab goes on to the bytes of the datagram, as in the other tables; the arrow keys pick one.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(DatagramModel::FromColumn, QHeaderView::Stretch);
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_text, QString());

    m_localPortLabel->setBuddy(m_localPort);
    m_waitLabel->setBuddy(m_wait);
    m_countLabel->setBuddy(m_count);
    m_recvSizeLabel->setBuddy(m_recvSize);
    m_hopsLabel->setBuddy(m_hops);
    m_loopLabel->setBuddy(m_loop);
    m_interfaceLabel->setBuddy(m_interface);
    for (int row = LoopDefault; row <= LoopOff; ++row)
        m_loop->addItem(QString());
    m_loop->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    const int gap = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_echo);
    targetRow->addSpacing(gap);
    targetRow->addWidget(m_send);
    targetRow->addWidget(m_resend);
    targetRow->addWidget(m_cancel);
    // The socket's options, then how to receive: one row in a wide window, wrapped in a narrow one.
    auto *optionsRow = new FlowLayout;
    optionsRow->setHorizontalGap(gap);
    optionsRow->addGroup({m_localPortLabel, m_localPort});
    optionsRow->addWidget(m_connected);
    optionsRow->addGroup({m_waitLabel, m_wait});
    optionsRow->addGroup({m_countLabel, m_count});
    optionsRow->addGroup({m_recvSizeLabel, m_recvSize});

    // To a group: how the datagram leaves.
    auto *multicastRow = new FlowLayout;
    multicastRow->setHorizontalGap(gap);
    multicastRow->addWidget(m_multicastLabel);
    multicastRow->addGroup({m_hopsLabel, m_hops});
    multicastRow->addGroup({m_loopLabel, m_loop});
    multicastRow->addGroup({m_interfaceLabel, m_interface});

    auto *payloadLayout = new QVBoxLayout(m_payloadBox);
    payloadLayout->addWidget(m_editor);

    auto *bytesPane = new QWidget(m_datagramBox);
    auto *bytesLayout = new QVBoxLayout(bytesPane);
    bytesLayout->setContentsMargins(0, 0, 0, 0);
    bytesLayout->addWidget(m_selection);
    bytesLayout->addWidget(m_tabs, 1);
    m_results->addWidget(m_table);
    m_results->addWidget(bytesPane);
    // The table is as wide as its columns; the hex view, which needs the width most, takes the rest.
    m_results->setStretchFactor(0, 0);
    m_results->setStretchFactor(1, 1);
    m_results->setChildrenCollapsible(false);
    auto *datagramLayout = new QVBoxLayout(m_datagramBox);
    datagramLayout->addWidget(m_status);
    datagramLayout->addWidget(m_notice);
    datagramLayout->addWidget(m_details);
    datagramLayout->addWidget(m_outcomes);
    datagramLayout->addWidget(m_results, 1);

    // As in the TCP exchange tab: the calls and the history share the pane, one tab each.
    m_callsAndHistory->setObjectName(QStringLiteral("UdpCallsAndHistory"));
    m_callsAndHistory->setDocumentMode(true);
    m_callsAndHistory->addTab(m_trace, QString());
    m_callsAndHistory->addTab(m_history, QString());

    m_splitter->addWidget(m_payloadBox);
    m_splitter->addWidget(m_datagramBox);
    m_splitter->addWidget(m_callsAndHistory);
    // A datagram to send is a line or two; the space goes to what came back and to the calls.
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setChildrenCollapsible(false);
    const int line = fontMetrics().height();
    m_splitter->setSizes({line * 6, line * 18, line * 10});
    // A pane can be dragged down to a few lines. Its contents would ask for more (wrapped sentences
    // measured at their narrowest, room for the scroll bars' arrows): the tab then fits a 700 px window.
    for (QWidget *box : {static_cast<QWidget *>(m_payloadBox), static_cast<QWidget *>(m_datagramBox),
                         static_cast<QWidget *>(m_callsAndHistory)}) {
        box->setSizePolicy(box->sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);
        box->setMinimumHeight(line * 6);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(targetRow);
    layout->addLayout(optionsRow);
    layout->addLayout(multicastRow);
    layout->addWidget(m_options);
    layout->addWidget(m_problem);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_target->familyCombo(), m_echo);
    setTabOrder(m_echo, m_send);
    setTabOrder(m_send, m_resend);
    setTabOrder(m_resend, m_cancel);
    setTabOrder(m_cancel, m_localPort);
    setTabOrder(m_localPort, m_connected);
    setTabOrder(m_connected, m_wait);
    setTabOrder(m_wait, m_count);
    setTabOrder(m_count, m_recvSize);
    setTabOrder(m_recvSize, m_hops);
    setTabOrder(m_hops, m_loop);
    setTabOrder(m_loop, m_interface);
    setTabOrder(m_interface, m_options);
    setTabOrder(m_options, m_editor);
    setTabOrder(m_editor, m_table);
    setTabOrder(m_table, m_tabs);
    setTabOrder(m_tabs, m_hex);
    setTabOrder(m_hex, m_text);
    setTabOrder(m_text, m_callsAndHistory);
    setTabOrder(m_callsAndHistory, m_trace);
    setTabOrder(m_trace, m_history);

    // F5 and Ctrl+R belong to this panel alone. Ctrl+Return and Esc are also the window's Send and
    // Cancel, which reach this panel on its tab wherever the focus is; the panel claims the keys in
    // event() while the focus is inside it, so that it works the same on its own (and in its tests).
    for (const QKeySequence &key : {QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &UdpPanel::resend);
    }

    connect(m_runner.get(), &ExchangeRunner::progress, this, &UdpPanel::onProgress);
    connect(m_runner.get(), &ExchangeRunner::udpFinished, this, &UdpPanel::onFinished);
    connect(m_target, &TargetEdit::edited, this, [this] { m_targetIsDefault = false; });
    connect(m_target, &TargetEdit::changed, this, &UdpPanel::updateSendState);
    connect(m_target, &TargetEdit::changed, this, &UdpPanel::updateMulticastState);
    connect(m_interface, &QComboBox::currentIndexChanged, this, &UdpPanel::updateSendState);
    connect(m_target, &TargetEdit::returnPressed, this, &UdpPanel::send);
    connect(m_editor, &RequestEditor::validityChanged, this, &UdpPanel::updateSendState);
    connect(m_options, &SocketOptionsEdit::changed, this, &UdpPanel::updateSendState);
    connect(m_count, &QSpinBox::valueChanged, this, &UdpPanel::updateCountSuffix);
    connect(m_echo, &QToolButton::clicked, this, &UdpPanel::applyDefaultTarget);
    connect(m_send, &QPushButton::clicked, this, &UdpPanel::send);
    connect(m_resend, &QPushButton::clicked, this, &UdpPanel::resend);
    connect(m_cancel, &QPushButton::clicked, this, &UdpPanel::cancel);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UdpPanel::onCurrentRowChanged);
    ByteViewBase::keepSelectionsInSync(m_hex, m_text);
    connectHistory();

    retranslate();

    // The first layout gives the table its columns and the hex view a whole row of 16 bytes; the
    // splitter keeps those proportions until the person drags it.
    m_results->setSizes({fitColumns(), m_hex->widthForBytesPerRow(HexView::DefaultBytesPerRow)});
}

UdpPanel::~UdpPanel() = default;

void UdpPanel::connectHistory()
{
    connect(m_history, &HistoryPanel::recordChosen, this, &UdpPanel::showRecord);
    connect(m_history, &HistoryPanel::loadRequested, this, &UdpPanel::loadRecord);
    connect(m_history, &HistoryPanel::sendAgainRequested, this, [this](std::shared_ptr<const ExchangeRecord> record) {
        if (isRunning())
            return;
        loadRecord(record);
        send();
    });
    // The UDP tab has no reply panel to save from: the datagrams, end to end, are what is saved.
    m_history->saveReplyAction()->setVisible(false);
}

void UdpPanel::retranslate()
{
    m_target->hostEdit()->setPlaceholderText(tr("name or address"));
    m_target->hostEdit()->setToolTip(tr("The host the datagram goes to: a name, an IPv4 or an IPv6 address."));
    m_target->portEdit()->setPlaceholderText(tr("7 or echo"));
    m_target->portEdit()->setToolTip(tr("The UDP port the datagram goes to: a number from 1 to 65535, or a service name."));
    m_echo->setText(tr("&Built-in echo"));
    m_echo->setToolTip(m_defaultTarget.isValid()
                           ? tr("Target the embedded UDP echo at %1, which sends every datagram back.")
                                 .arg(m_defaultTarget.toString())
                           : tr("The embedded UDP echo is not running."));
    m_send->setText(tr("&Send"));
    m_send->setToolTip(tr("Send the datagram and collect the replies (Ctrl+Return)"));
    m_resend->setText(tr("Rese&nd"));
    m_resend->setToolTip(tr("Send the last datagram again, to the same target with the same options (F5 or Ctrl+R)"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop waiting now; the datagrams already received stay (Esc)"));
    m_localPortLabel->setText(tr("Local &port:"));
    m_localPort->setSpecialValueText(tr("any"));
    m_localPort->setToolTip(tr("The port to bind() before sending, so the server sees this source port; "
                               "\"any\" lets the system choose one."));
    m_connected->setText(tr("Connected soc&ket (connect())"));
    m_connected->setToolTip(tr("Call connect() before sending: the socket then only accepts replies from the "
                               "target, and an ICMP port unreachable comes back as ECONNREFUSED, so a closed "
                               "port is reported. Without it, a closed port just sends nothing back."));
    m_waitLabel->setText(tr("&Wait:"));
    m_wait->setSuffix(tr(" ms"));
    m_wait->setToolTip(tr("How long to collect datagrams after sending."));
    m_countLabel->setText(tr("Stop &after:"));
    m_count->setSpecialValueText(tr("the whole wait"));
    m_count->setToolTip(tr("Stop as soon as this many datagrams have arrived; otherwise wait the whole window."));
    updateCountSuffix();
    m_recvSizeLabel->setText(tr("Rece&ive buffer:"));
    m_recvSize->setSuffix(tr(" bytes"));
    m_recvSize->setToolTip(tr("The buffer size given to recvfrom(). A longer datagram is cut to it and marked "
                              "truncated; the notebook uses 1024."));
    m_multicastLabel->setText(tr("To a multicast group:"));
    m_hopsLabel->setText(tr("TTL/hops:"));
    m_hops->setSpecialValueText(tr("system default"));
    m_hopsLabel->setToolTip(tr("How many routers the datagram may cross (IP_MULTICAST_TTL, IPV6_MULTICAST_HOPS); "
                               "0 keeps it on this machine. The system default is 1: this network only."));
    m_loopLabel->setText(tr("Loopback:"));
    m_loop->setItemText(LoopDefault, tr("system default (on)"));
    m_loop->setItemText(LoopOn, tr("on"));
    m_loop->setItemText(LoopOff, tr("off"));
    m_loopLabel->setToolTip(tr("Whether this machine's own sockets that joined the group get a copy "
                               "(IP_MULTICAST_LOOP, IPV6_MULTICAST_LOOP)."));
    m_interfaceLabel->setText(tr("Leave by:"));
    m_interfaceLabel->setToolTip(tr("The interface the datagram leaves by (IP_MULTICAST_IF, IPV6_MULTICAST_IF); "
                                    "any: the interface of the route to the group."));
    updateMulticastState();
    m_payloadBox->setTitle(tr("Datagram to send"));
    m_datagramBox->setTitle(tr("Datagrams received"));
    m_callsAndHistory->setTabText(m_callsAndHistory->indexOf(m_trace), tr("Socket calls"));
    m_callsAndHistory->setTabText(m_callsAndHistory->indexOf(m_history), tr("History"));
    m_table->setAccessibleName(tr("Datagrams received"));
    m_tabs->setTabText(0, tr("He&x"));
    m_tabs->setTabText(1, tr("&Text"));
    m_model->retranslate();
    fitColumns();
    updateSendState();
    updateStatus();
    updateSelectionLabel();
    updateSpinBoxGeometries(this);
}

void UdpPanel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::PaletteChange:
        applyNoticeColors();
        break;
    case QEvent::FontChange:
        fitColumns();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

bool UdpPanel::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isSendKey(key) || (m_busy && isCancelKey(key))) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void UdpPanel::keyPressEvent(QKeyEvent *event)
{
    if (isSendKey(event)) {
        send();
        event->accept();
        return;
    }
    if (m_busy && isCancelKey(event)) {
        cancel();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

int UdpPanel::fitColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M'));
    const QLocale locale;
    // Wide enough for the header and for the values a long wait gives, without measuring every row.
    const QString samples[] = {locale.toString(99999),
                               locale.toString(99999.999, 'f', 3),
                               QString(),
                               locale.toString(65535),
                               locale.toString(65535),
                               m_model->headerData(DatagramModel::TruncatedColumn, Qt::Horizontal).toString()};
    int total = metrics.horizontalAdvance(QStringLiteral("127.0.0.1:65535")) + padding;
    for (int column = 0; column < DatagramModel::ColumnCount; ++column) {
        if (column == DatagramModel::FromColumn)
            continue;
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        // The header view's own hint adds the style's margins, which the padding may fall short of.
        const int width = std::max({metrics.horizontalAdvance(header) + padding, metrics.horizontalAdvance(samples[column]) + padding,
                                m_table->horizontalHeader()->sectionSizeHint(column)});
        m_table->setColumnWidth(column, width);
        total += width;
    }
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + metrics.height() / 2);
    return total + m_table->frameWidth() * 2 + m_table->verticalScrollBar()->sizeHint().width();
}

void UdpPanel::applyNoticeColors()
{
    // A notice, not an alarm: amber on the palette's side of light or dark.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette notice = m_notice->palette();
    notice.setColor(QPalette::Window, dark ? QColor(0x4a, 0x3c, 0x10) : QColor(0xff, 0xf4, 0xce));
    notice.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe6, 0xa3) : QColor(0x4d, 0x38, 0x00));
    m_notice->setPalette(notice);
}

void UdpPanel::updateCountSuffix()
{
    m_count->setSuffix(tr(" datagram(s)", nullptr, m_count->value()));
}

bool UdpPanel::targetIsMulticast() const
{
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(m_target->host(), 0);
    return address && Multicast::isMulticast(*address);
}

void UdpPanel::updateMulticastState()
{
    const bool multicast = targetIsMulticast();
    const QString why = multicast ? QString()
                                  : tr("For a datagram sent to a multicast group: type a group address as the host "
                                       "(224.0.0.0/4 or ff00::/8) to set these.");
    for (QWidget *widget : {static_cast<QWidget *>(m_multicastLabel), static_cast<QWidget *>(m_hopsLabel),
                            static_cast<QWidget *>(m_hops), static_cast<QWidget *>(m_loopLabel),
                            static_cast<QWidget *>(m_loop), static_cast<QWidget *>(m_interfaceLabel),
                            static_cast<QWidget *>(m_interface)})
        widget->setEnabled(multicast);
    m_multicastLabel->setToolTip(why);
    m_hops->setToolTip(multicast ? m_hopsLabel->toolTip() : why);
    m_loop->setToolTip(multicast ? m_loopLabel->toolTip() : why);
    m_interface->setToolTip(multicast ? m_interfaceLabel->toolTip() : why);
}

void UdpPanel::setTarget(const QString &host, const QString &service)
{
    m_target->setTarget(host, service);
    m_targetIsDefault = false;
}


void UdpPanel::setDefaultTarget(const SocketAddress &address)
{
    const bool follow = m_targetIsDefault || (m_target->host().isEmpty() && m_target->service().isEmpty());
    m_defaultTarget = address;
    m_echo->setEnabled(address.isValid());
    if (follow)
        applyDefaultTarget();
    retranslate();
}

void UdpPanel::applyDefaultTarget()
{
    if (!m_defaultTarget.isValid())
        return;
    m_target->setTarget(m_defaultTarget.host(), QString::number(m_defaultTarget.port()));
    m_target->setFamily(IpFamily::Any);
    m_targetIsDefault = true;
}

UdpRequest UdpPanel::request() const
{
    UdpRequest request;
    request.host = m_target->host();
    request.service = m_target->service();
    request.family = m_target->family();
    request.payload = m_editor->bytes();
    request.waitMs = m_wait->value();
    request.maxDatagrams = m_count->value();
    request.connected = m_connected->isChecked();
    request.bindPort = quint16(m_localPort->value());
    request.recvSize = m_recvSize->value();
    request.socketOptions = m_options->settings();
    request.localAddress = m_options->localAddress(request.bindPort);
    if (targetIsMulticast()) {
        request.multicast.hops = m_hops->value();
        request.multicast.loop = m_loop->currentIndex() == LoopDefault ? -1 : m_loop->currentIndex() == LoopOn ? 1 : 0;
        request.multicast.interfaceName = m_interface->interfaceName();
        if (!request.multicast.interfaceName.isEmpty())
            request.multicast.interfaceIndex = Multicast::interfaceIndex(request.multicast.interfaceName, nullptr).value_or(0);
    }
    return request;
}

void UdpPanel::setRequest(const UdpRequest &request)
{
    setTarget(request.host, request.service);
    m_target->setFamily(request.family);
    m_editor->setBytes(request.payload);
    m_wait->setValue(request.waitMs);
    m_count->setValue(request.maxDatagrams);
    m_connected->setChecked(request.connected);
    m_recvSize->setValue(int(request.recvSize));
    m_options->setSettings(request.socketOptions);
    // The local address's port is the form's local port, as request() reads them.
    m_localPort->setValue(request.localAddress.isValid() ? request.localAddress.port() : request.bindPort);
    m_options->setLocalAddressText(request.localAddress.isValid() ? request.localAddress.host() : QString());
    m_hops->setValue(request.multicast.hops);
    m_loop->setCurrentIndex(request.multicast.loop < 0 ? LoopDefault : request.multicast.loop ? LoopOn : LoopOff);
    m_interface->setInterfaceName(request.multicast.interfaceName);
}

bool UdpPanel::isComplete(QString *problem) const
{
    if (!m_target->isComplete(problem))
        return false;
    if (!m_editor->isValid()) {
        *problem = tr("The datagram has an error: fix it to send.");
        return false;
    }
    if (targetIsMulticast() && !m_interface->interfaceName().isEmpty()) {
        MulticastParseError error;
        if (!Multicast::interfaceIndex(m_interface->interfaceName(), &error)) {
            *problem = tr("Leave by: %1").arg(describeMulticastProblem(error));
            return false;
        }
    }
    return m_options->isComplete(problem);
}

bool UdpPanel::isRunning() const
{
    return m_runner->isRunning();
}

bool UdpPanel::send()
{
    QString problem;
    if (!isComplete(&problem))
        return false;
    return start(request());
}

bool UdpPanel::resend()
{
    if (!m_lastRequest)
        return send();
    return start(*m_lastRequest);
}

void UdpPanel::cancel()
{
    m_runner->cancel();
}

bool UdpPanel::start(const UdpRequest &request)
{
    auto store = std::make_shared<ByteStore>();
    if (!m_runner->startUdp(request, store))
        return false;
    m_startedAt = QDateTime::currentDateTime();
    m_historyId = HistoryFolder::newId(m_startedAt);
    m_store = std::move(store);
    m_shownBytes = m_store;
    m_shownRecord.reset();
    m_lastRequest = request;
    m_shownRequest = request;
    m_result.reset();
    m_shownRow = -1;
    m_model->clear();
    m_hex->setSource(nullptr);
    m_text->setSource(nullptr);
    m_trace->setEntries({});
    setBusy(true);
    updateStatus();
    updateSelectionLabel();
    return true;
}

void UdpPanel::onProgress()
{
    if (!m_store || !m_runner->trace())
        return;
    m_model->setSegments(m_store->segments());
    m_trace->setEntries(m_runner->trace()->entries());
    // The first datagram shows at once; later ones wait for the person to choose them.
    if (m_shownRow < 0 && m_model->rowCount() > 0)
        showDatagram(0);
    updateStatus();
}

void UdpPanel::onFinished(const UdpResult &result)
{
    auto record = std::make_shared<ExchangeRecord>();
    record->historyId = m_historyId;
    record->startedAt = m_startedAt;
    record->settings.host = m_lastRequest->host;
    record->settings.service = m_lastRequest->service;
    record->settings.family = m_lastRequest->family;
    record->request = m_lastRequest->payload;
    record->reply = m_store;
    record->segments = m_store->segments();
    record->trace = m_runner->trace()->entries();
    record->udp = UdpExchangePart{*m_lastRequest, result};
    m_shownRecord = record;

    m_result = result;
    m_model->setDatagrams(result.datagrams, record->segments);
    m_trace->setEntries(record->trace);
    if (m_shownRow < 0 && m_model->rowCount() > 0)
        showDatagram(0);
    else
        updateSelectionLabel();
    setBusy(false);
    updateStatus();
    m_history->add(record);
    emit recorded(record);
    emit finished(result);
}

void UdpPanel::showRecord(std::shared_ptr<const ExchangeRecord> record)
{
    if (!record || !record->udp || m_busy || record == m_shownRecord)
        return;
    m_shownRecord = record;
    m_shownBytes = record->reply;
    m_shownRequest = record->udp->request;
    m_result = record->udp->result;
    m_shownRow = -1;
    m_model->setDatagrams(record->udp->result.datagrams, record->segments);
    m_hex->setSource(nullptr);
    m_text->setSource(nullptr);
    m_trace->setEntries(record->trace);
    if (m_model->rowCount() > 0)
        showDatagram(0);
    else
        updateSelectionLabel();
    updateStatus();
}

void UdpPanel::loadRecord(const std::shared_ptr<const ExchangeRecord> &record)
{
    if (!record || !record->udp)
        return;
    UdpRequest request = record->udp->request;
    request.payload = record->request;
    setRequest(request);
}

void UdpPanel::showDatagram(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    if (row != m_shownRow)
        displayDatagram(row);
}

void UdpPanel::onCurrentRowChanged(const QModelIndex &current)
{
    if (current.isValid() && current.row() != m_shownRow)
        displayDatagram(current.row());
}

void UdpPanel::displayDatagram(int row)
{
    m_shownRow = row;
    const Segment segment = m_model->segment(row);
    auto slice = std::make_shared<ByteSourceSlice>(m_shownBytes, segment.offset, segment.length);
    m_hex->setSource(slice);
    m_text->setSource(std::move(slice));
    updateSelectionLabel();
}

void UdpPanel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_cancelFocus.setBusy(busy, [this] { updateSendState(); });
    emit busyChanged(busy);
}

void UdpPanel::updateSendState()
{
    QString problem;
    const bool complete = isComplete(&problem);
    // The options say their own problem in red beside the field.
    QString optionsProblem;
    const bool ownProblem = !complete && (m_options->isComplete(&optionsProblem) || problem != optionsProblem);
    m_problem->setText(problem);
    m_problem->setVisible(ownProblem);
    m_send->setEnabled(complete && !m_busy);
    m_resend->setEnabled(m_lastRequest.has_value() && !m_busy);
}

void UdpPanel::updateSelectionLabel()
{
    if (m_shownRow < 0 || m_shownRow >= m_model->rowCount()) {
        m_selection->setText(m_model->rowCount() > 0 ? tr("Choose a datagram to see its bytes.") : QString());
        return;
    }
    const QString number = QLocale().toString(m_shownRow + 1);
    const Segment segment = m_model->segment(m_shownRow);
    if (!m_model->isComplete(m_shownRow)) {
        m_selection->setText(tr("Datagram %1: %2.").arg(number, byteCount(segment.length)));
        return;
    }
    const Datagram datagram = m_model->datagram(m_shownRow);
    if (datagram.truncated) {
        m_selection->setText(tr("Datagram %1 from %2: the first %3 of %4 (truncated).")
                                 .arg(number, datagram.from.toString(), byteCount(datagram.kept),
                                      byteCount(datagram.size)));
    } else {
        m_selection->setText(tr("Datagram %1 from %2: %3.").arg(number, datagram.from.toString(), byteCount(datagram.size)));
    }
}

void UdpPanel::updateStatus()
{
    if (m_busy || !m_result) {
        m_status->setText(m_busy ? tr("Waiting for datagrams… %n received so far.", nullptr, m_model->rowCount())
                                 : tr("Nothing sent yet: press Send (Ctrl+Return)."));
        m_notice->setVisible(false);
        m_details->clear();
        if (!m_outcomes->outcomes().isEmpty())
            m_outcomes->setOutcomes({});
        return;
    }
    m_status->setText(describeStop(m_result->stop));
    const QString notice = noticeText(*m_result);
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
    m_details->setText(m_shownRequest ? detailsText(*m_result, *m_shownRequest) : QString());
    m_outcomes->setOutcomes(m_result->socketOptions);
}

QString UdpPanel::noticeText(const UdpResult &result) const
{
    const NetError &error = result.error;
    if (!error.isError() || error.kind == NetError::Kind::Cancelled)
        return {};
    if (error.kind == NetError::Kind::System && error.systemCode == ECONNREFUSED) {
        const QString where = result.target.isValid() ? result.target.toString() : error.detail;
        return QStringLiteral("%1\n%2").arg(
            tr("No UDP server at %1: the port is closed (ICMP port unreachable).").arg(where),
            ErrorText::describe(error));
    }
    return ErrorText::describe(error);
}

QString UdpPanel::detailsText(const UdpResult &result, const UdpRequest &request) const
{
    if (!result.local.isValid())
        return {};
    QStringList lines;
    lines << tr("Sent %1 from %2 to %3; %n datagram(s) received.", nullptr, int(result.datagrams.size()))
                 .arg(byteCount(result.sentBytes), result.local.toString(), result.target.toString());
    const auto truncated = std::count_if(result.datagrams.cbegin(), result.datagrams.cend(),
                                         [](const Datagram &d) { return d.truncated; });
    if (truncated > 0) {
        lines << tr("%n datagram(s) did not fit in the %1 receive buffer: the rest of each was lost.", nullptr,
                    int(truncated))
                     .arg(byteCount(request.recvSize));
    }
    if (result.kernelDrops.value_or(0) > 0)
        lines << describeKernelDrops(*result.kernelDrops, result.receiveBufferBytes);
    // A group's members seldom answer, and no ICMP comes back from a group: the hint would mislead.
    if (result.datagrams.isEmpty() && result.stop.reason == StopReason::WaitElapsed && !request.connected
        && !Multicast::isMulticast(result.target)) {
        lines << tr("Nothing came back. A closed UDP port answers with ICMP port unreachable, which only a "
                    "connected socket reports: tick \"Connected socket\" to see it.");
    }
    return lines.join(QLatin1Char('\n'));
}

void UdpPanel::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("udp/defaultTarget"), m_targetIsDefault);
    m_target->saveState(settings, QStringLiteral("udp"));
    settings.setValue(QStringLiteral("udp/localPort"), m_localPort->value());
    settings.setValue(QStringLiteral("udp/connected"), m_connected->isChecked());
    settings.setValue(QStringLiteral("udp/waitMs"), m_wait->value());
    settings.setValue(QStringLiteral("udp/maxDatagrams"), m_count->value());
    settings.setValue(QStringLiteral("udp/recvSize"), m_recvSize->value());
    settings.setValue(QStringLiteral("udp/payload"), m_editor->bytes());
    settings.setValue(QStringLiteral("udp/payloadMode"), int(m_editor->mode()));
    settings.setValue(QStringLiteral("udp/multicastHops"), m_hops->value());
    settings.setValue(QStringLiteral("udp/multicastLoop"), m_loop->currentIndex());
    settings.setValue(QStringLiteral("udp/multicastInterface"), m_interface->interfaceName());
    m_options->saveState(settings, QStringLiteral("udp"));
}

void UdpPanel::restoreState(StoredSettings &settings)
{
    // The embedded echo's port may differ from one run to the next: a form that targeted it follows it.
    if (settings.boolean(QStringLiteral("udp/defaultTarget"), true)) {
        m_targetIsDefault = true;
        applyDefaultTarget();
    } else {
        m_target->restoreState(settings, QStringLiteral("udp"));
        m_targetIsDefault = false;
    }
    const auto restoreSpin = [&settings](QSpinBox *box, const QString &key, int defaultValue) {
        box->setValue(settings.integer(key, defaultValue, box->minimum(), box->maximum()));
    };
    restoreSpin(m_localPort, QStringLiteral("udp/localPort"), 0);
    m_connected->setChecked(settings.boolean(QStringLiteral("udp/connected"), false));
    restoreSpin(m_wait, QStringLiteral("udp/waitMs"), DefaultWaitMs);
    restoreSpin(m_count, QStringLiteral("udp/maxDatagrams"), 0);
    restoreSpin(m_recvSize, QStringLiteral("udp/recvSize"), DefaultRecvSize);
    m_editor->setBytes(settings.bytes(QStringLiteral("udp/payload"), DefaultPayload));
    m_editor->setMode(PayloadMode(settings.integer(QStringLiteral("udp/payloadMode"), int(PayloadMode::Escaped),
                                                   int(PayloadMode::Escaped), int(PayloadMode::Hex))));
    restoreSpin(m_hops, QStringLiteral("udp/multicastHops"), -1);
    m_loop->setCurrentIndex(settings.integer(QStringLiteral("udp/multicastLoop"), LoopDefault, LoopDefault, LoopOff));
    m_interface->setInterfaceName(settings.string(QStringLiteral("udp/multicastInterface"), QString()));
    m_options->restoreState(settings, QStringLiteral("udp"));
}

} // namespace SocketLab
