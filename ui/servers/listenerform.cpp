#include "listenerform.h"

#include "relayshapingedit.h"

#include "request/requesteditor.h"
#include "widgets/flowlayout.h"
#include "widgets/multicastgroupsedit.h"
#include "widgets/savefiledialog.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/spinboxes.h"
#include "widgets/targetedit.h"
#include "tls/pinstore.h"

#include "net/multicast.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

// The address each row of the address box binds, in AddressChoice order.
const char *const AddressHosts[] = {"127.0.0.1", "::1", "0.0.0.0", "::"};

constexpr qint64 MiB = 1024 * 1024;
constexpr int MaxClientsLimit = 100000;
constexpr int MaxCaptureBudgetMiB = 64 * 1024;

} // namespace

ListenerForm::ListenerForm(QWidget *parent)
    : QWidget(parent)
    , m_transport(new QComboBox(this))
    , m_address(new QComboBox(this))
    , m_port(new QSpinBox(this))
    , m_mode(new QComboBox(this))
    , m_maxClients(new QSpinBox(this))
    , m_captureBudget(new QSpinBox(this))
    , m_start(new QPushButton(this))
    , m_closeAfterReply(new QCheckBox(this))
    , m_reply(new RequestEditor(this))
    , m_tls(new QCheckBox(this))
    , m_certificate(new QLineEdit(this))
    , m_certificateBrowse(new QToolButton(this))
    , m_key(new QLineEdit(this))
    , m_keyBrowse(new QToolButton(this))
    , m_options(new SocketOptionsEdit(SocketOptionsEdit::Use::TcpListener, SocketOptionsEdit::LocalField::None, this))
    , m_groups(new MulticastGroupsEdit(this))
    , m_relayTarget(new TargetEdit(this))
    , m_relayTls(new QCheckBox(this))
    , m_toTarget(new RelayShapingEdit(RelayDirection::ToTarget, this))
    , m_toClient(new RelayShapingEdit(RelayDirection::ToClient, this))
    , m_relayPane(new QWidget(this))
    , m_certificateLabel(new QLabel(this))
    , m_keyLabel(new QLabel(this))
    , m_transportLabel(new QLabel(this))
    , m_addressLabel(new QLabel(this))
    , m_portLabel(new QLabel(this))
    , m_modeLabel(new QLabel(this))
    , m_maxClientsLabel(new QLabel(this))
    , m_captureBudgetLabel(new QLabel(this))
    , m_replyLabel(new QLabel(this))
    , m_warningIcon(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_problem(new QLabel(this))
{
    m_transport->addItems({QStringLiteral("TCP"), QStringLiteral("UDP")});
    for (int i = 0; i < 4; ++i)
        m_address->addItem(QString(), QString::fromLatin1(AddressHosts[i]));
    for (Listener::Mode mode : {Listener::Mode::Echo, Listener::Mode::FixedReply, Listener::Mode::HttpDemo,
                                Listener::Mode::LogOnly})
        m_mode->addItem(QString(), int(mode));
    m_mode->addItem(QString(), RelayMode);
    // The Servers tab's buttons hold Alt+O and Alt+R, which the target's labels would take again.
    m_relayTarget->setMnemonics(false);
    m_port->setRange(0, 65535);
    m_port->setValue(0);
    m_port->setAccelerated(true);
    const Listener::Settings defaults;
    m_maxClients->setRange(1, MaxClientsLimit);
    m_maxClients->setValue(defaults.maxClients);
    m_maxClients->setAccelerated(true);
    m_captureBudget->setRange(1, MaxCaptureBudgetMiB);
    m_captureBudget->setValue(int(defaults.captureBudget / MiB));
    m_captureBudget->setAccelerated(true);
    m_address->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_warning->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    m_reply->setMaximumHeight(fontMetrics().lineSpacing() * 9);

    m_transportLabel->setBuddy(m_transport);
    m_addressLabel->setBuddy(m_address);
    m_portLabel->setBuddy(m_port);
    m_modeLabel->setBuddy(m_mode);
    m_maxClientsLabel->setBuddy(m_maxClients);
    m_captureBudgetLabel->setBuddy(m_captureBudget);
    m_certificateLabel->setBuddy(m_certificate);
    m_keyLabel->setBuddy(m_key);
    m_certificateBrowse->setText(QStringLiteral("…"));
    m_keyBrowse->setText(QStringLiteral("…"));
    m_certificate->setClearButtonEnabled(true);
    m_key->setClearButtonEnabled(true);
    // Room for a path, and for the placeholder that says what an empty field means.
    m_certificate->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16);
    m_key->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 16);

    // The settings wrap to a second row in a narrow window, each label with its field.
    auto *row = new FlowLayout;
    row->addGroup({m_transportLabel, m_transport});
    row->addGroup({m_addressLabel, m_address});
    row->addGroup({m_portLabel, m_port});
    row->addGroup({m_modeLabel, m_mode});
    row->addGroup({m_maxClientsLabel, m_maxClients});
    row->addGroup({m_captureBudgetLabel, m_captureBudget});
    row->addWidget(m_start);
    auto *tlsRow = new FlowLayout;
    tlsRow->addWidget(m_tls);
    tlsRow->addGroup({m_certificateLabel, m_certificate, m_certificateBrowse});
    tlsRow->addGroup({m_keyLabel, m_key, m_keyBrowse});
    // The relay's own settings, shown in its mode only.
    auto *relayTargetRow = new QHBoxLayout;
    relayTargetRow->addWidget(m_relayTarget, 1);
    relayTargetRow->addWidget(m_relayTls);
    auto *relayLayout = new QVBoxLayout(m_relayPane);
    relayLayout->setContentsMargins(0, 0, 0, 0);
    relayLayout->addLayout(relayTargetRow);
    relayLayout->addWidget(m_toTarget);
    relayLayout->addWidget(m_toClient);
    auto *warningRow = new QHBoxLayout;
    warningRow->addWidget(m_warningIcon, 0, Qt::AlignTop);
    warningRow->addWidget(m_warning, 1);
    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_replyLabel);
    replyRow->addStretch(1);
    replyRow->addWidget(m_closeAfterReply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_relayPane);
    layout->addLayout(tlsRow);
    layout->addWidget(m_options);
    layout->addWidget(m_groups);
    layout->addLayout(warningRow);
    layout->addLayout(replyRow);
    layout->addWidget(m_reply);
    layout->addWidget(m_problem);

    setTabOrder(m_transport, m_address);
    setTabOrder(m_address, m_port);
    setTabOrder(m_port, m_mode);
    setTabOrder(m_mode, m_maxClients);
    setTabOrder(m_maxClients, m_captureBudget);
    setTabOrder(m_captureBudget, m_start);
    setTabOrder(m_start, m_tls);
    setTabOrder(m_tls, m_certificate);
    setTabOrder(m_certificate, m_certificateBrowse);
    setTabOrder(m_certificateBrowse, m_key);
    setTabOrder(m_key, m_keyBrowse);
    setTabOrder(m_keyBrowse, m_options);
    setTabOrder(m_options, m_groups);
    setTabOrder(m_groups, m_closeAfterReply);
    setTabOrder(m_closeAfterReply, m_reply);
    // The relay's fields between Start and TLS, each put after the one before it, so what followed
    // Start still follows the last of them. One by one: the TargetEdit itself takes no focus.
    QWidget *previous = m_start;
    for (QWidget *next : std::initializer_list<QWidget *>{
             m_relayTarget->hostEdit(), m_relayTarget->portEdit(), m_relayTarget->familyCombo(), m_relayTls,
             m_toTarget->delaySpin(), m_toTarget->capSpin(), m_toTarget->pauseCheck(), m_toClient->delaySpin(),
             m_toClient->capSpin(), m_toClient->pauseCheck()}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_transport, &QComboBox::currentIndexChanged, this, &ListenerForm::updateState);
    connect(m_address, &QComboBox::currentIndexChanged, this, &ListenerForm::updateState);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ListenerForm::updateState);
    connect(m_reply, &RequestEditor::validityChanged, this, &ListenerForm::updateState);
    connect(m_start, &QPushButton::clicked, this, &ListenerForm::startRequested);
    connect(m_tls, &QCheckBox::toggled, this, &ListenerForm::updateState);
    connect(m_certificate, &QLineEdit::textChanged, this, &ListenerForm::updateState);
    connect(m_key, &QLineEdit::textChanged, this, &ListenerForm::updateState);
    connect(m_groups, &MulticastGroupsEdit::changed, this, &ListenerForm::updateState);
    connect(m_relayTarget, &TargetEdit::changed, this, &ListenerForm::updateState);
    connect(m_relayTarget, &TargetEdit::returnPressed, this, [this] {
        if (m_start->isEnabled())
            emit startRequested();
    });
    connect(m_certificateBrowse, &QToolButton::clicked, this,
            [this] { choosePemFile(m_certificate, tr("Certificate for the TLS listener")); });
    connect(m_keyBrowse, &QToolButton::clicked, this,
            [this] { choosePemFile(m_key, tr("Private key for the TLS listener")); });

    retranslate();
    applyColors();
}

Listener::Settings ListenerForm::settings() const
{
    Listener::Settings settings;
    settings.transport = m_transport->currentIndex() == 1 ? Listener::Transport::Udp : Listener::Transport::Tcp;
    settings.address = SocketAddress::fromNumeric(m_address->currentData().toString(), quint16(m_port->value()))
                           .value_or(SocketAddress());
    settings.mode = Listener::Mode(m_mode->currentData().toInt());
    settings.maxClients = m_maxClients->value();
    settings.captureBudget = qint64(m_captureBudget->value()) * MiB;
    if (settings.mode == Listener::Mode::FixedReply) {
        settings.fixedReply = m_reply->bytes();
        settings.closeAfterReply = settings.transport == Listener::Transport::Tcp && m_closeAfterReply->isChecked();
    }
    settings.tls = settings.transport == Listener::Transport::Tcp && m_tls->isChecked();
    if (settings.tls) {
        settings.certPath = m_certificate->text().trimmed();
        settings.keyPath = m_key->text().trimmed();
    }
    settings.socketOptions = m_options->settings();
    if (settings.transport == Listener::Transport::Udp)
        settings.groups = m_groups->groups();
    return settings;
}

bool ListenerForm::isRelay() const
{
    return m_mode->currentData().toInt() == RelayMode;
}

RelaySettings ListenerForm::relaySettings() const
{
    RelaySettings settings;
    const bool udp = m_transport->currentIndex() == 1;
    settings.transport = udp ? RelaySettings::Transport::Udp : RelaySettings::Transport::Tcp;
    settings.listenAddress = SocketAddress::fromNumeric(m_address->currentData().toString(), quint16(m_port->value()))
                                 .value_or(SocketAddress());
    settings.targetHost = m_relayTarget->host();
    settings.targetService = m_relayTarget->service();
    settings.targetFamily = m_relayTarget->family();
    // Verified as an exchange verifies; a certificate the person trusted for this target is its pin.
    settings.tlsToTarget.enabled = !udp && m_relayTls->isChecked();
    if (settings.tlsToTarget.enabled)
        settings.tlsToTarget.pinSha256 = PinStore::pin(settings.targetHost, settings.targetService);
    settings.toTarget = m_toTarget->shaping();
    settings.toClient = m_toClient->shaping();
    settings.maxConnections = m_maxClients->value();
    settings.captureBudget = qint64(m_captureBudget->value()) * MiB;
    return settings;
}

bool ListenerForm::isAllInterfaces() const
{
    return m_address->currentIndex() == AllInterfacesV4 || m_address->currentIndex() == AllInterfacesV6;
}

bool ListenerForm::isComplete(QString *problem) const
{
    if (isRelay()) {
        // The target's own sentence: its fields are the only ones a relay needs filled.
        if (!m_relayTarget->isComplete(problem))
            return false;
        problem->clear();
        return true;
    }
    const Listener::Mode mode = Listener::Mode(m_mode->currentData().toInt());
    if (mode == Listener::Mode::HttpDemo && m_transport->currentIndex() == 1) {
        *problem = tr("The HTTP demo needs TCP: choose TCP or another mode.");
        return false;
    }
    const bool tls = m_transport->currentIndex() == 0 && m_tls->isChecked();
    if (tls && m_certificate->text().trimmed().isEmpty() != m_key->text().trimmed().isEmpty()) {
        *problem = tr("Give both a certificate and its key, or neither for the self-signed localhost certificate.");
        return false;
    }
    if (mode == Listener::Mode::FixedReply && !m_reply->isValid()) {
        *problem = tr("The fixed reply is not valid yet: %1").arg(m_reply->errorMessage());
        return false;
    }
    if (m_transport->currentIndex() == 1 && !groupsCanBeJoined(problem))
        return false;
    problem->clear();
    return true;
}

bool ListenerForm::groupsCanBeJoined(QString *problem) const
{
    if (!m_groups->isComplete(problem))
        return false;
    const QList<MulticastGroup> groups = m_groups->groups();
    if (groups.isEmpty())
        return true;
    const QString bound = QString::fromLatin1(AddressHosts[m_address->currentIndex()]);
    // The kernel joins on any socket, but a socket bound to loopback only ever receives datagrams
    // sent to loopback: the group's would never reach it (listener.h), and nothing would say why.
    if (!isAllInterfaces()) {
        *problem = tr("A listener bound to %1 never receives a group's datagrams, which are sent to the group's "
                      "address: choose an \"All interfaces\" address to join groups.")
                       .arg(bound);
        return false;
    }
    if (m_address->currentIndex() == AllInterfacesV4) {
        for (int row = 0; row < groups.size(); ++row) {
            if (groups.at(row).group.family() == IpFamily::V6) {
                *problem = tr("Multicast group %1 (%2) is IPv6: an IPv4 socket cannot join it; choose \"All interfaces (::)\".")
                               .arg(QLocale().toString(row + 1), groups.at(row).group.host());
                return false;
            }
        }
    }
    return true;
}

QWidget *ListenerForm::lastInFocusChain() const
{
    return m_reply;
}

void ListenerForm::updateState()
{
    const bool relay = isRelay();
    const bool fixedReply = !relay && Listener::Mode(m_mode->currentData().toInt()) == Listener::Mode::FixedReply;
    m_replyLabel->setVisible(fixedReply);
    m_reply->setVisible(fixedReply);
    m_closeAfterReply->setVisible(fixedReply);
    m_closeAfterReply->setEnabled(m_transport->currentIndex() == 0);
    const bool tcp = m_transport->currentIndex() == 0;
    m_options->setUse(tcp ? SocketOptionsEdit::Use::TcpListener : SocketOptionsEdit::Use::UdpListener);
    m_tls->setEnabled(tcp);
    m_maxClients->setEnabled(tcp || relay);
    m_groups->setEnabled(!tcp);
    // A relay has its own settings: TLS towards the target, none for its clients, no socket options
    // of the listener's, no groups.
    m_relayPane->setVisible(relay);
    m_relayTls->setEnabled(tcp);
    m_relayTls->setToolTip(tcp ? tr("The relay speaks TLS to the target, verified as an exchange is, and plain TCP to "
                                    "its clients: what a client sends in clear is shown, and leaves encrypted.")
                               : tr("TLS needs TCP: a UDP relay cannot use it."));
    m_options->setVisible(!relay);
    m_groups->setVisible(!relay);
    for (QWidget *widget : {static_cast<QWidget *>(m_tls), static_cast<QWidget *>(m_certificateLabel),
                            static_cast<QWidget *>(m_certificate), static_cast<QWidget *>(m_certificateBrowse),
                            static_cast<QWidget *>(m_keyLabel), static_cast<QWidget *>(m_key),
                            static_cast<QWidget *>(m_keyBrowse)})
        widget->setVisible(!relay);
    m_groups->setToolTip(tcp ? tr("Multicast needs UDP: a TCP listener cannot join groups.") : QString());
    if (relay)
        m_maxClients->setToolTip(tcp ? tr("Connections relayed at once. The next client is accepted, closed at once and listed as refused.")
                                     : tr("Client addresses relayed at once, each with a socket of its own to the target."));
    else
        m_maxClients->setToolTip(tcp ? tr("Clients served at once. The next one is accepted, closed at once and listed as refused.")
                                     : tr("UDP has no connections: every sender is answered."));
    m_tls->setToolTip(tcp ? tr("Every client speaks TLS; the bytes recorded are those inside it.")
                          : tr("TLS needs TCP: a UDP listener cannot use it."));
    const bool tls = tcp && m_tls->isChecked();
    for (QWidget *widget : {static_cast<QWidget *>(m_certificateLabel), static_cast<QWidget *>(m_certificate),
                            static_cast<QWidget *>(m_certificateBrowse), static_cast<QWidget *>(m_keyLabel),
                            static_cast<QWidget *>(m_key), static_cast<QWidget *>(m_keyBrowse)})
        widget->setEnabled(tls);
    m_warningIcon->setVisible(isAllInterfaces());
    m_warning->setVisible(isAllInterfaces());
    QString problem;
    const bool complete = isComplete(&problem);
    m_start->setEnabled(complete);
    m_problem->setText(problem);
    m_problem->setVisible(!complete);
}

void ListenerForm::choosePemFile(QLineEdit *edit, const QString &title)
{
    const QString path = SaveFileDialog::askExisting(this, title, edit->text().trimmed());
    if (!path.isEmpty())
        edit->setText(path);
}

void ListenerForm::retranslate()
{
    m_transportLabel->setText(tr("Tra&nsport:"));
    m_transport->setToolTip(tr("TCP: bind, listen and accept connections. UDP: bind and answer datagrams."));
    m_addressLabel->setText(tr("&Address:"));
    m_address->setItemText(LoopbackV4, tr("127.0.0.1 (this machine only)"));
    m_address->setItemText(LoopbackV6, tr("::1 (this machine only)"));
    m_address->setItemText(AllInterfacesV4, tr("All interfaces (0.0.0.0)"));
    m_address->setItemText(AllInterfacesV6, tr("All interfaces (::)"));
    m_address->setToolTip(tr("The address to bind. Loopback is reachable from this machine only."));
    m_portLabel->setText(tr("&Port:"));
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setToolTip(tr("The port to bind, or 0 to let the system choose a free one."));
    m_modeLabel->setText(tr("&Mode:"));
    m_mode->setItemText(0, tr("Echo"));
    m_mode->setItemText(1, tr("Fixed reply"));
    m_mode->setItemText(2, tr("HTTP demo (TCP only)"));
    m_mode->setItemText(3, tr("Log only"));
    m_mode->setItemText(4, tr("Relay to HOST:PORT"));
    m_mode->setItemData(0, tr("Sends back every byte that arrives."), Qt::ToolTipRole);
    m_mode->setItemData(1, tr("TCP: sends the bytes below once per client, after its first bytes. UDP: answers every datagram with them."),
                        Qt::ToolTipRole);
    m_mode->setItemData(2, tr("Serves the pages of the built-in HTTP demo site."), Qt::ToolTipRole);
    m_mode->setItemData(3, tr("Receives and records, never sends."), Qt::ToolTipRole);
    m_mode->setItemData(4, tr("Forwards each client to a target and back, and shows both directions' bytes as they pass."),
                        Qt::ToolTipRole);
    m_relayTarget->hostEdit()->setPlaceholderText(tr("target host"));
    m_relayTarget->hostEdit()->setToolTip(tr("Where the relay forwards each client: a name, an IPv4 or an IPv6 address."));
    m_relayTarget->hostEdit()->setAccessibleName(tr("Relay target host"));
    m_relayTarget->portEdit()->setPlaceholderText(tr("port or service"));
    m_relayTarget->portEdit()->setToolTip(tr("The target's port: a number from 1 to 65535, or a service name."));
    m_relayTarget->portEdit()->setAccessibleName(tr("Relay target port"));
    m_relayTls->setText(tr("TLS to the target"));
    m_mode->setToolTip(tr("What the listener does with what it receives."));
    m_maxClientsLabel->setText(tr("Ma&x. clients:"));
    m_captureBudgetLabel->setText(tr("Capture &budget:"));
    m_captureBudget->setSuffix(tr(" MiB"));
    m_captureBudget->setToolTip(tr("The bytes kept to show, over all clients. When it is full, the oldest clients' "
                                   "bytes are dropped first; the byte counts stay exact."));
    m_start->setText(tr("&Start"));
    m_start->setToolTip(tr("Bind and start listening with these settings."));
    m_tls->setText(tr("TLS"));
    m_certificateLabel->setText(tr("Certificate:"));
    m_certificate->setPlaceholderText(tr("Self-signed for localhost, made on first use"));
    m_certificate->setToolTip(tr("The server's certificate (PEM), its chain after it. Empty with the key: a "
                                 "self-signed one for localhost, 127.0.0.1 and ::1, made on first use and kept."));
    m_certificateBrowse->setToolTip(tr("Choose the certificate file"));
    m_certificateBrowse->setAccessibleName(tr("Choose the certificate file"));
    m_keyLabel->setText(tr("Private key:"));
    m_key->setPlaceholderText(tr("Self-signed for localhost, made on first use"));
    m_key->setToolTip(tr("The certificate's private key (PEM)."));
    m_keyBrowse->setToolTip(tr("Choose the key file"));
    m_keyBrowse->setAccessibleName(tr("Choose the key file"));
    m_replyLabel->setText(tr("Fixed reply:"));
    m_closeAfterReply->setText(tr("Close the connect&ion after the reply"));
    m_closeAfterReply->setToolTip(tr("TCP only: close once the reply is sent, as an HTTP/1.0 server does."));
    m_reply->setAccessibleName(tr("Fixed reply bytes"));
    m_warningIcon->setAccessibleName(tr("Warning"));
    m_warning->setText(tr("Other machines on your network can reach this server: anyone who can reach this "
                          "machine can connect to it and read what it sends."));
    updateState();
    updateSpinBoxGeometries(this);
}

void ListenerForm::applyColors()
{
    const int size = fontMetrics().height();
    m_warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                                 .pixmap(QSize(size, size), devicePixelRatioF()));
    // A palette with only the text colour set: every other role follows the window's.
    QPalette palette;
    const bool dark = this->palette().color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xc8, 0x57) : QColor(0x8a, 0x4b, 0x00));
    m_warning->setPalette(palette);
}

void ListenerForm::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange: retranslate(); break;
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
    case QEvent::FontChange: applyColors(); break;
    default: break;
    }
    QWidget::changeEvent(event);
}

} // namespace SocketLab
