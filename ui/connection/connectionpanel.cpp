#include "connectionpanel.h"

#include "tlsoptionsedit.h"

#include "settings/storedsettings.h"
#include "text/curltext.h"
#include "widgets/errorpalette.h"
#include "widgets/flowlayout.h"
#include "widgets/savefiledialog.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/spinboxes.h"
#include "widgets/targetedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {

enum RuleIndex { RuleEof, RuleHttp, RuleBytes, RuleIdle };
enum TransportIndex { TransportTcp, TransportUdp };

// As `tcp --recv-size` and a collection's recvSize allow.
constexpr int MaxRecvSize = 16 * 1024 * 1024;
constexpr int DefaultRecvSize = 64 * 1024;

} // namespace

ConnectionPanel::ConnectionPanel(QWidget *parent)
    : QWidget(parent)
    , m_target(new TargetEdit(this))
    , m_transport(new QComboBox(this))
    , m_tls(new QCheckBox(this))
    , m_rule(new QComboBox(this))
    , m_ruleValue(makeSpinBox(1, 2000000000, 2000, this))
    , m_connectTimeout(makeSpinBox(0, 3600000, 10000, this))
    , m_totalTimeout(makeSpinBox(0, 86400000, 0, this))
    , m_maxMiB(makeSpinBox(0, 1024 * 1024, 256, this))
    , m_recvSize(makeSpinBox(1, MaxRecvSize, DefaultRecvSize, this))
    , m_toFile(new QCheckBox(this))
    , m_replyFile(new QLineEdit(this))
    , m_browse(new QToolButton(this))
    , m_options(new SocketOptionsEdit(SocketOptionsEdit::Use::TcpClient, SocketOptionsEdit::LocalField::AddressAndPort, this))
    , m_tlsOptions(new TlsOptionsEdit(this))
    , m_send(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_cancelFocus(m_cancel, {m_send})
    , m_ruleLabel(new QLabel(this))
    , m_connectLabel(new QLabel(this))
    , m_totalLabel(new QLabel(this))
    , m_capLabel(new QLabel(this))
    , m_recvLabel(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_curlBox(new QWidget(this))
    , m_curlNotes(new QLabel(m_curlBox))
    , m_curlDismiss(new QToolButton(m_curlBox))
{
    m_transport->addItems({QStringLiteral("TCP"), QStringLiteral("UDP")});
    for (int i = 0; i < 4; ++i)
        m_rule->addItem(QString());
    // Translated items: the box follows their width in every language, not the first one's.
    m_rule->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_rule->setCurrentIndex(RuleEof);
    // Named for the tests, which drive the option as a person does.
    m_toFile->setObjectName(QStringLiteral("toFile"));
    m_recvSize->setObjectName(QStringLiteral("recvSize"));
    // Shown while TLS is on.
    m_tlsOptions->setVisible(false);
    m_replyFile->setObjectName(QStringLiteral("replyFile"));
    m_replyFile->setEnabled(false);
    m_browse->setEnabled(false);
    m_browse->setText(QStringLiteral("…"));
    m_cancel->setEnabled(false);
    m_send->setDefault(true);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);
    m_curlNotes->setObjectName(QStringLiteral("curlNotes"));
    m_curlNotes->setWordWrap(true);
    m_curlNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_curlDismiss->setObjectName(QStringLiteral("curlDismiss"));
    m_curlDismiss->setText(QStringLiteral("×"));
    m_curlDismiss->setAutoRaise(true);
    auto *curlRow = new QHBoxLayout(m_curlBox);
    curlRow->setContentsMargins(0, 0, 0, 0);
    curlRow->addWidget(m_curlNotes, 1);
    curlRow->addWidget(m_curlDismiss, 0, Qt::AlignTop);
    m_curlBox->hide();

    m_ruleLabel->setBuddy(m_rule);
    m_connectLabel->setBuddy(m_connectTimeout);
    m_totalLabel->setBuddy(m_totalTimeout);
    m_capLabel->setBuddy(m_maxMiB);
    m_recvLabel->setBuddy(m_recvSize);

    // Three rows: the target and the buttons (and under them the TLS options while TLS is on), how to
    // read, where the reply goes.
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_transport);
    targetRow->addWidget(m_tls);
    targetRow->addSpacing(fontMetrics().horizontalAdvance(QLatin1Char('M')));
    targetRow->addWidget(m_send);
    targetRow->addWidget(m_cancel);
    // The longest row in French: the timeouts wrap below the stop rule in a narrow window.
    auto *readRow = new FlowLayout;
    readRow->addGroup({m_ruleLabel, m_rule, m_ruleValue});
    readRow->addGroup({m_connectLabel, m_connectTimeout});
    readRow->addGroup({m_totalLabel, m_totalTimeout});
    readRow->addGroup({m_recvLabel, m_recvSize});
    auto *keepRow = new QHBoxLayout;
    keepRow->addWidget(m_capLabel);
    keepRow->addWidget(m_maxMiB);
    keepRow->addWidget(m_toFile);
    keepRow->addWidget(m_replyFile, 1);
    keepRow->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(targetRow);
    layout->addWidget(m_tlsOptions);
    layout->addLayout(readRow);
    layout->addLayout(keepRow);
    layout->addWidget(m_options);
    layout->addWidget(m_problem);
    layout->addWidget(m_curlBox);

    setTabOrder(m_target->familyCombo(), m_transport);
    setTabOrder(m_transport, m_tls);
    setTabOrder(m_tls, m_send);
    setTabOrder(m_send, m_cancel);
    // setTabOrder() moves one widget, not those that followed it: the TLS options' chain is set whole.
    setTabOrder(m_cancel, m_tlsOptions->foldButton());
    setTabOrder(m_tlsOptions->foldButton(), m_tlsOptions->serverNameEdit());
    setTabOrder(m_tlsOptions->serverNameEdit(), m_tlsOptions->alpnEdit());
    setTabOrder(m_tlsOptions->alpnEdit(), m_tlsOptions->minVersionCombo());
    setTabOrder(m_tlsOptions->minVersionCombo(), m_tlsOptions->caFileEdit());
    setTabOrder(m_tlsOptions->caFileEdit(), m_tlsOptions->caFileButton());
    setTabOrder(m_tlsOptions->caFileButton(), m_rule);
    setTabOrder(m_rule, m_ruleValue);
    setTabOrder(m_ruleValue, m_connectTimeout);
    setTabOrder(m_connectTimeout, m_totalTimeout);
    setTabOrder(m_totalTimeout, m_recvSize);
    setTabOrder(m_recvSize, m_maxMiB);
    setTabOrder(m_maxMiB, m_toFile);
    setTabOrder(m_toFile, m_replyFile);
    setTabOrder(m_replyFile, m_browse);
    setTabOrder(m_browse, m_options);

    // A URL becomes host, port and request when it is pasted whole or finished being typed: converting
    // while it is typed would turn "http://1" into a host of its own.
    QLineEdit *host = m_target->hostEdit();
    connect(host, &QLineEdit::textEdited, this, [this](const QString &text) {
        const bool pasted = qAbs(text.size() - m_hostLength) > 1;
        // Set first: a conversion sets it to the host it leaves, so the next paste is seen as one.
        m_hostLength = text.size();
        if (pasted)
            convertUrl();
    });
    connect(host, &QLineEdit::editingFinished, this, &ConnectionPanel::convertUrl);
    connect(m_target, &TargetEdit::changed, this, [this] {
        followTargetWithTls();
        m_tlsOptions->setHost(m_target->host());
        updateSendState();
        emit targetChanged();
    });
    connect(m_target, &TargetEdit::returnPressed, this, [this] {
        convertUrl();
        if (m_send->isEnabled())
            emit sendRequested();
    });
    connect(m_transport, &QComboBox::activated, this, [this](int index) {
        if (index == TransportUdp)
            handOverToUdp(m_target->host(), m_target->service());
    });
    // Only a person's click: what the port or a URL sets is not a choice to remember.
    connect(m_tls, &QCheckBox::clicked, this, [this](bool on) {
        m_tlsAutomatic = false;
        if (on)
            m_tlsTurnedOff.remove(targetKey());
        else
            m_tlsTurnedOff.insert(targetKey());
    });
    // The options of TLS only while it is on: Send does not wait for fields that would not be used.
    connect(m_tls, &QCheckBox::toggled, this, [this](bool on) {
        m_tlsOptions->setVisible(on);
        updateSendState();
        followTlsOptionsHeight();
    });
    connect(m_tlsOptions, &TlsOptionsEdit::changed, this, [this] {
        updateSendState();
        followTlsOptionsHeight();
    });
    connect(m_recvSize, &QSpinBox::valueChanged, this, &ConnectionPanel::updateRecvSuffix);
    connect(m_rule, &QComboBox::currentIndexChanged, this, &ConnectionPanel::updateRuleValue);
    connect(m_ruleValue, &QSpinBox::valueChanged, this, &ConnectionPanel::updateRuleValue);
    connect(m_toFile, &QCheckBox::toggled, this, [this](bool on) {
        m_replyFile->setEnabled(on);
        m_browse->setEnabled(on);
        m_maxMiB->setEnabled(!on);
        if (on && m_replyFile->text().isEmpty())
            chooseReplyFile();
        updateSendState();
    });
    connect(m_replyFile, &QLineEdit::textChanged, this, &ConnectionPanel::updateSendState);
    connect(m_browse, &QToolButton::clicked, this, &ConnectionPanel::chooseReplyFile);
    connect(m_options, &SocketOptionsEdit::changed, this, &ConnectionPanel::updateSendState);
    connect(m_send, &QPushButton::clicked, this, &ConnectionPanel::sendRequested);
    connect(m_curlDismiss, &QToolButton::clicked, this, [this] {
        const int before = curlNotesHeight();
        m_curlImported = false;
        m_curlError.reset();
        showCurlNotes();
        emit curlNotesResized(curlNotesHeight() - before);
    });
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionPanel::cancelRequested);

    retranslate();
    updateRuleValue();
    updateSendState();
}

void ConnectionPanel::retranslate()
{
    m_target->hostEdit()->setPlaceholderText(tr("name, address, http:// URL or curl command"));
    m_target->hostEdit()->setToolTip(tr("A host name, an IPv4 or IPv6 address, or a URL such as http://www.perdu.com/ "
                                        "(which fills the port and an HTTP/1.1 request). A udp:// target opens the UDP tab. "
                                        "A pasted curl command (a browser's \"Copy as cURL\") fills the form and the request."));
    m_target->portEdit()->setPlaceholderText(tr("80 or http"));
    m_target->portEdit()->setToolTip(tr("A port number from 1 to 65535, or a service name such as http."));
    m_transport->setToolTip(tr("TCP: a connection and a byte stream. UDP has a tab of its own, with every datagram "
                               "option: choosing UDP takes this target there."));
    m_transport->setAccessibleName(tr("Transport"));
    m_tls->setText(tr("TLS"));
    m_tls->setToolTip(tr("Speak TLS over the connection, as HTTPS does: the server's certificate is verified against the "
                         "trusted authorities (or the certificate you trusted for this host and port), and its chain "
                         "shows in the Certificate tab. On by itself for https:// URLs and port 443."));
    m_send->setText(tr("&Send"));
    m_send->setToolTip(tr("Send the request (Ctrl+Return)"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the exchange now; what arrived stays (Esc)"));
    m_ruleLabel->setText(tr("Stop re&ading:"));
    m_rule->setItemText(RuleEof, tr("when the server closes"));
    m_rule->setItemText(RuleHttp, tr("at the end of the HTTP response"));
    m_rule->setItemText(RuleBytes, tr("after N bytes"));
    m_rule->setItemText(RuleIdle, tr("after T ms without data"));
    m_connectLabel->setText(tr("Co&nnect timeout:"));
    m_connectTimeout->setSuffix(tr(" ms"));
    m_connectTimeout->setSpecialValueText(tr("none"));
    m_connectTimeout->setToolTip(tr("How long connect() may take for each address tried."));
    m_totalLabel->setText(tr("Total ti&meout:"));
    m_totalTimeout->setSuffix(tr(" ms"));
    m_totalTimeout->setSpecialValueText(tr("none"));
    m_totalTimeout->setToolTip(tr("How long the whole exchange may take, name resolution included."));
    m_capLabel->setText(tr("Si&ze cap:"));
    m_maxMiB->setSuffix(tr(" MiB"));
    m_maxMiB->setSpecialValueText(tr("none"));
    m_maxMiB->setToolTip(tr("Stop reading once this much is kept in memory; stream to a file for more."));
    m_recvLabel->setText(tr("recv() &buffer:"));
    m_recvSize->setToolTip(tr("The size passed to each recv() call: the most one call can return. The notebooks "
                              "use recv(1024); a smaller size shows the reply arrive in more pieces."));
    updateRecvSuffix();
    m_toFile->setText(tr("Stream the reply to a f&ile:"));
    m_toFile->setToolTip(tr("Write the reply to a file as it arrives instead of keeping it in memory."));
    m_browse->setToolTip(tr("Choose the file"));
    m_browse->setAccessibleName(tr("Choose the reply file"));
    m_curlDismiss->setToolTip(tr("Hide these notes"));
    m_curlDismiss->setAccessibleName(tr("Hide the curl notes"));
    showCurlNotes();
    updateRuleValue();
    updateSendState();
    updateSpinBoxGeometries(this);
}

void ConnectionPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // The spin boxes group digits the way their locale says, and a widget's locale does not
        // follow QLocale::setDefault() by itself: the new language's digits come with its words.
        if (locale() != QLocale())
            setLocale(QLocale());
        retranslate();
    }
    QWidget::changeEvent(event);
}

void ConnectionPanel::convertUrl()
{
    const QString text = m_target->hostEdit()->text().trimmed();
    if (looksLikeCurlCommand(text)) {
        importCurl(text);
        return;
    }
    if (text.startsWith(QLatin1String("udp://"), Qt::CaseInsensitive)) {
        const QUrl url(text);
        if (!url.isValid() || url.host().isEmpty())
            return;
        m_target->setTarget(QString(), m_target->service());
        m_hostLength = 0;
        handOverToUdp(url.host(), url.port() > 0 ? QString::number(url.port()) : m_target->service());
        return;
    }
    const std::optional<HttpUrl> url = parseHttpUrl(text);
    if (!url)
        return;
    m_target->setTarget(url->host, QString::number(url->port));
    m_hostLength = m_target->hostEdit()->text().size();
    // The URL's scheme says it: https:// is TLS, http:// is not, whatever the port. Its host is the
    // name TLS checks: a server name kept from another target would be sent to this one.
    setTls(url->tls);
    m_tlsOptions->setServerName(QString());
    emit urlEntered(*url);
}

bool ConnectionPanel::importCurl(const QString &command)
{
    const CurlParse parse = parseCurlCommand(command);
    const int before = curlNotesHeight();
    if (const auto *error = std::get_if<CurlError>(&parse)) {
        m_curlImported = false;
        m_curlError = *error;
        showCurlNotes();
        emit curlNotesResized(curlNotesHeight() - before);
        return false;
    }
    const CurlImport &import = std::get<CurlImport>(parse);
    m_target->setTarget(import.host, QString::number(import.port));
    m_hostLength = m_target->hostEdit()->text().size();
    setTls(import.tls);
    // The TLS curl would speak: its --cacert and --tlsv1.x; SNI from the host and ALPN http/1.1,
    // since the request is HTTP/1.1 whatever curl would have offered.
    m_tlsOptions->setOptions(QString(), {QByteArrayLiteral("http/1.1")}, import.tlsMinVersion, import.caFile);
    // The request has no "Connection: close" (curl sends none): like curl, reading stops where the
    // HTTP response ends, not when a keep-alive server closes, which may take long.
    setStopRule(StopRule{StopRule::Kind::Http, 0});
    m_curlError.reset();
    m_curlImported = true;
    m_curlNotices = import.notices;
    showCurlNotes();
    emit curlImported(import);
    emit curlNotesResized(curlNotesHeight() - before);
    return true;
}

int ConnectionPanel::curlNotesHeight() const
{
    // As the layout will make it at the panel's width: it may not have been laid out yet.
    if (m_curlBox->isHidden())
        return 0;
    return m_curlBox->heightForWidth(width()) + layout()->spacing();
}

int ConnectionPanel::tlsOptionsHeight() const
{
    // As the layout will make it at the panel's width, as for the curl notes.
    if (m_tlsOptions->isHidden())
        return 0;
    // Folded, nothing in the row wraps and it has no height for a width.
    const int height = m_tlsOptions->hasHeightForWidth() ? m_tlsOptions->heightForWidth(width())
                                                         : m_tlsOptions->sizeHint().height();
    return height + layout()->spacing();
}

void ConnectionPanel::followTlsOptionsHeight()
{
    const int height = tlsOptionsHeight();
    if (height == m_tlsOptionsHeight)
        return;
    const int change = height - m_tlsOptionsHeight;
    m_tlsOptionsHeight = height;
    emit tlsOptionsResized(change);
}

void ConnectionPanel::showCurlNotes()
{
    // The colour of an error, or the label's own for notes: the palette is set anew each time.
    m_curlNotes->setPalette(QPalette());
    if (m_curlError) {
        m_curlNotes->setText(CurlText::error(*m_curlError) + QLatin1Char(' ') + tr("The form and the request are unchanged."));
        setErrorTextColor(m_curlNotes);
    } else if (m_curlImported) {
        QStringList lines{tr("The curl command is in the form and the request; reading stops at the end of the HTTP "
                             "response, as curl does.")};
        if (!m_curlNotices.isEmpty())
            lines.append(tr("Not in the request:"));
        for (const CurlNotice &notice : std::as_const(m_curlNotices))
            lines.append(QStringLiteral("• ") + CurlText::notice(notice));
        m_curlNotes->setText(lines.join(QLatin1Char('\n')));
    }
    m_curlBox->setVisible(m_curlError || m_curlImported);
}

void ConnectionPanel::setTls(bool on)
{
    m_tlsAutomatic = false;
    m_tls->setChecked(on);
    if (on)
        m_tlsTurnedOff.remove(targetKey());
}

QString ConnectionPanel::targetKey() const
{
    return m_target->host().toLower() + QLatin1Char(' ') + m_target->service();
}

void ConnectionPanel::followTargetWithTls()
{
    // Port 443 is HTTPS: TLS comes on by itself, unless the person turned it off for this target.
    // Leaving 443 takes back what it turned on, not what the person chose.
    const QString service = m_target->service();
    const bool httpsPort = service == QLatin1String("443") || service.compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    if (httpsPort && !m_tls->isChecked() && !m_tlsTurnedOff.contains(targetKey())) {
        m_tls->setChecked(true);
        m_tlsAutomatic = true;
    } else if (!httpsPort && m_tls->isChecked() && m_tlsAutomatic) {
        m_tls->setChecked(false);
        m_tlsAutomatic = false;
    }
}

void ConnectionPanel::handOverToUdp(const QString &host, const QString &service)
{
    // The picker says where UDP is; this form itself stays a TCP one.
    m_transport->setCurrentIndex(TransportTcp);
    emit udpRequested(host, service, m_target->family());
}

void ConnectionPanel::updateRuleValue()
{
    const int rule = m_rule->currentIndex();
    m_ruleValue->setVisible(rule == RuleBytes || rule == RuleIdle);
    // The byte suffix agrees with the number ("1 byte", "2 bytes"); set only when it changes, since
    // setting it rewrites the text being typed.
    const QString suffix = rule == RuleIdle ? tr(" ms") : tr(" byte(s)", nullptr, m_ruleValue->value());
    if (m_ruleValue->suffix() != suffix)
        m_ruleValue->setSuffix(suffix);
    m_ruleValue->setAccessibleName(rule == RuleIdle ? tr("Idle time") : tr("Byte count"));
}

void ConnectionPanel::updateRecvSuffix()
{
    // Set only when it changes: setting it rewrites the text being typed.
    const QString suffix = tr(" byte(s)", nullptr, m_recvSize->value());
    if (m_recvSize->suffix() != suffix)
        m_recvSize->setSuffix(suffix);
}

bool ConnectionPanel::isComplete(QString *problem) const
{
    if (!m_target->isComplete(problem))
        return false;
    if (m_tls->isChecked() && !m_tlsOptions->isComplete(problem))
        return false;
    if (m_toFile->isChecked() && m_replyFile->text().isEmpty()) {
        *problem = tr("Choose the file the reply goes to.");
        return false;
    }
    return m_options->isComplete(problem);
}

void ConnectionPanel::setRequestValid(bool valid)
{
    m_requestValid = valid;
    updateSendState();
}

void ConnectionPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_cancelFocus.setBusy(busy, [this] { updateSendState(); });
}

void ConnectionPanel::updateSendState()
{
    QString problem;
    const bool complete = isComplete(&problem);
    if (complete && !m_requestValid)
        problem = tr("The request has an error: fix it to send.");
    // The options say their own problem in red beside the field.
    QString optionsProblem;
    if (!m_options->isComplete(&optionsProblem) && problem == optionsProblem)
        problem.clear();
    if (m_tls->isChecked() && !m_tlsOptions->isComplete(&optionsProblem) && problem == optionsProblem)
        problem.clear();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_send->setEnabled(complete && m_requestValid && !m_busy);
}

void ConnectionPanel::chooseReplyFile()
{
    const QString path = SaveFileDialog::ask(this, tr("Stream the reply to"), m_replyFile->text());
    if (!path.isEmpty())
        m_replyFile->setText(path);
    else if (m_replyFile->text().isEmpty())
        m_toFile->setChecked(false);
}

ConnectionSettings ConnectionPanel::settings() const
{
    ConnectionSettings s;
    s.host = m_target->host();
    s.service = m_target->service();
    s.family = m_target->family();
    s.tls = m_tls->isChecked();
    s.tlsServerName = m_tlsOptions->serverName();
    s.tlsAlpn = m_tlsOptions->alpn();
    s.tlsMinVersion = m_tlsOptions->minVersion();
    s.tlsCaFile = m_tlsOptions->caFile();
    switch (m_rule->currentIndex()) {
    case RuleHttp: s.stopRule = StopRule{StopRule::Kind::Http, 0}; break;
    case RuleBytes: s.stopRule = StopRule{StopRule::Kind::Bytes, m_ruleValue->value()}; break;
    case RuleIdle: s.stopRule = StopRule{StopRule::Kind::Idle, m_ruleValue->value()}; break;
    default: s.stopRule = StopRule{StopRule::Kind::PeerClose, 0}; break;
    }
    s.connectTimeoutMs = m_connectTimeout->value();
    s.totalTimeoutMs = m_totalTimeout->value();
    s.maxBytes = qint64(m_maxMiB->value()) * 1024 * 1024;
    s.recvSize = m_recvSize->value();
    if (m_toFile->isChecked())
        s.replyFile = m_replyFile->text();
    s.socketOptions = m_options->settings();
    s.localAddress = m_options->localAddress();
    return s;
}

void ConnectionPanel::setTarget(const QString &host, const QString &service)
{
    m_target->setTarget(host, service);
}


void ConnectionPanel::setStopRule(const StopRule &rule)
{
    switch (rule.kind) {
    case StopRule::Kind::Http: m_rule->setCurrentIndex(RuleHttp); break;
    case StopRule::Kind::Bytes: m_rule->setCurrentIndex(RuleBytes); break;
    case StopRule::Kind::Idle: m_rule->setCurrentIndex(RuleIdle); break;
    case StopRule::Kind::PeerClose: m_rule->setCurrentIndex(RuleEof); break;
    }
    if (rule.kind == StopRule::Kind::Bytes || rule.kind == StopRule::Kind::Idle)
        m_ruleValue->setValue(int(qMin<qint64>(rule.value, m_ruleValue->maximum())));
}

void ConnectionPanel::setLimits(int connectTimeoutMs, int totalTimeoutMs, qint64 maxBytes)
{
    constexpr qint64 MiB = 1024 * 1024;
    m_connectTimeout->setValue(connectTimeoutMs);
    m_totalTimeout->setValue(totalTimeoutMs);
    m_maxMiB->setValue(int(qMin<qint64>((maxBytes + MiB - 1) / MiB, m_maxMiB->maximum())));
}

void ConnectionPanel::setRecvSize(qint64 bytes)
{
    m_recvSize->setValue(int(std::clamp<qint64>(bytes, m_recvSize->minimum(), m_recvSize->maximum())));
}

void ConnectionPanel::setTlsOptions(const ConnectionSettings &settings)
{
    m_tlsOptions->setOptions(settings.tlsServerName, settings.tlsAlpn, settings.tlsMinVersion, settings.tlsCaFile);
}

void ConnectionPanel::setSocketOptions(const QList<SocketOptionSetting> &options, const SocketAddress &localAddress)
{
    m_options->setSettings(options);
    // The port only when one was bound: "127.0.0.2" reads as the address alone, as typed.
    m_options->setLocalAddressText(!localAddress.isValid() ? QString()
                                   : localAddress.port() != 0 ? localAddress.toString()
                                                              : localAddress.host());
}

void ConnectionPanel::saveState(QSettings &settings) const
{
    m_target->saveState(settings, QStringLiteral("connection"));
    settings.setValue(QStringLiteral("connection/tls"), m_tls->isChecked());
    settings.setValue(QStringLiteral("connection/rule"), m_rule->currentIndex());
    settings.setValue(QStringLiteral("connection/ruleValue"), m_ruleValue->value());
    settings.setValue(QStringLiteral("connection/connectTimeout"), m_connectTimeout->value());
    settings.setValue(QStringLiteral("connection/totalTimeout"), m_totalTimeout->value());
    settings.setValue(QStringLiteral("connection/maxMiB"), m_maxMiB->value());
    settings.setValue(QStringLiteral("connection/recvSize"), m_recvSize->value());
    m_tlsOptions->saveState(settings, QStringLiteral("connection"));
    m_options->saveState(settings, QStringLiteral("connection"));
}

void ConnectionPanel::restoreState(StoredSettings &settings)
{
    m_target->restoreState(settings, QStringLiteral("connection"));
    // After the target, which may have turned TLS on by its port: the saved choice is the person's.
    setTls(settings.boolean(QStringLiteral("connection/tls"), false));
    m_rule->setCurrentIndex(settings.integer(QStringLiteral("connection/rule"), int(RuleEof), 0, m_rule->count() - 1));
    const auto restoreSpin = [&settings](QSpinBox *box, const QString &key, int defaultValue) {
        box->setValue(settings.integer(key, defaultValue, box->minimum(), box->maximum()));
    };
    restoreSpin(m_ruleValue, QStringLiteral("connection/ruleValue"), 2000);
    restoreSpin(m_connectTimeout, QStringLiteral("connection/connectTimeout"), 10000);
    restoreSpin(m_totalTimeout, QStringLiteral("connection/totalTimeout"), 0);
    restoreSpin(m_maxMiB, QStringLiteral("connection/maxMiB"), 256);
    restoreSpin(m_recvSize, QStringLiteral("connection/recvSize"), DefaultRecvSize);
    m_tlsOptions->restoreState(settings, QStringLiteral("connection"));
    m_options->restoreState(settings, QStringLiteral("connection"));
}

} // namespace SocketLab
