#include "tlsoptionsedit.h"

#include "settings/storedsettings.h"
#include "widgets/errorpalette.h"
#include "widgets/flowlayout.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {

const QString DefaultAlpn = QStringLiteral("http/1.1");
// RFC 7301: a protocol name is 1 to 255 bytes. RFC 1035: a name is at most 253 characters written out.
constexpr qsizetype MaxAlpnName = 255;
constexpr qsizetype MaxServerName = 253;

enum VersionIndex { VersionAny, Version12, Version13 };

// The protocols of "h2, http/1.1", in order; false when one is empty or too long ("h2,,http/1.1").
bool parseAlpn(const QString &text, QList<QByteArray> *protocols)
{
    protocols->clear();
    if (text.trimmed().isEmpty())
        return true;
    bool ok = true;
    for (const QString &name : text.split(QLatin1Char(','))) {
        const QByteArray bytes = name.trimmed().toUtf8();
        if (bytes.isEmpty() || bytes.size() > MaxAlpnName)
            ok = false;
        else
            protocols->append(bytes);
    }
    return ok;
}

QString alpnText(const QList<QByteArray> &protocols)
{
    QStringList names;
    for (const QByteArray &protocol : protocols)
        names.append(QString::fromUtf8(protocol));
    return names.join(QStringLiteral(","));
}

} // namespace

TlsOptionsEdit::TlsOptionsEdit(QWidget *parent)
    : QWidget(parent)
    , m_fold(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_body(new QWidget(this))
    , m_serverNameLabel(new QLabel(m_body))
    , m_serverName(new QLineEdit(m_body))
    , m_alpnLabel(new QLabel(m_body))
    , m_alpn(new QLineEdit(m_body))
    , m_minVersionLabel(new QLabel(m_body))
    , m_minVersion(new QComboBox(m_body))
    , m_caFileLabel(new QLabel(m_body))
    , m_caFile(new QLineEdit(m_body))
    , m_browse(new QToolButton(m_body))
    , m_problem(new QLabel(this))
{
    m_fold->setObjectName(QStringLiteral("tlsOptionsFold"));
    m_fold->setAutoRaise(true);
    m_fold->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fold->setArrowType(Qt::RightArrow);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_serverName->setObjectName(QStringLiteral("tlsServerName"));
    m_serverName->setClearButtonEnabled(true);
    m_alpn->setObjectName(QStringLiteral("tlsAlpn"));
    m_alpn->setText(DefaultAlpn);
    m_minVersion->setObjectName(QStringLiteral("tlsMinVersion"));
    m_minVersion->addItems({QString(), QStringLiteral("TLS 1.2"), QStringLiteral("TLS 1.3")});
    m_minVersion->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_caFile->setObjectName(QStringLiteral("tlsCaFile"));
    m_caFile->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("tlsCaFileBrowse"));
    m_browse->setText(QStringLiteral("…"));
    m_problem->setObjectName(QStringLiteral("tlsOptionsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    setErrorTextColor(m_problem);
    m_serverNameLabel->setBuddy(m_serverName);
    m_alpnLabel->setBuddy(m_alpn);
    m_minVersionLabel->setBuddy(m_minVersion);
    m_caFileLabel->setBuddy(m_caFile);
    // Room for a host name, a list of protocols and a path, as each is usually typed.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_serverName->setMinimumWidth(em * 14);
    m_alpn->setMinimumWidth(em * 9);
    m_caFile->setMinimumWidth(em * 16);

    auto *caRow = new QWidget(m_body);
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFileLabel);
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(m_browse);
    caRow->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *fields = new FlowLayout(m_body);
    fields->setContentsMargins(em, 0, 0, 0);
    fields->addGroup({m_serverNameLabel, m_serverName});
    fields->addGroup({m_alpnLabel, m_alpn});
    fields->addGroup({m_minVersionLabel, m_minVersion});
    fields->addWidget(caRow);
    m_body->setVisible(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_fold);
    header->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(fontMetrics().height() / 4);
    layout->addLayout(header);
    layout->addWidget(m_body);
    layout->addWidget(m_problem);

    // Not a checkable button: a checked one is drawn pressed, which reads as a setting turned on.
    connect(m_fold, &QToolButton::clicked, this, [this] { setUnfolded(!isUnfolded()); });
    connect(m_serverName, &QLineEdit::textChanged, this, &TlsOptionsEdit::refresh);
    connect(m_alpn, &QLineEdit::textChanged, this, &TlsOptionsEdit::refresh);
    connect(m_minVersion, &QComboBox::currentIndexChanged, this, &TlsOptionsEdit::refresh);
    connect(m_caFile, &QLineEdit::textChanged, this, &TlsOptionsEdit::refresh);
    connect(m_browse, &QToolButton::clicked, this, &TlsOptionsEdit::chooseCaFile);

    retranslate();
}

void TlsOptionsEdit::retranslate()
{
    m_fold->setText(tr("TLS options"));
    m_fold->setToolTip(tr("The name sent in SNI, the application protocols offered (ALPN), the oldest TLS version "
                          "accepted and the authorities trusted, as openssl s_client's -servername, -alpn, -tls1_3 "
                          "and -CAfile set them."));
    m_serverNameLabel->setText(tr("Server name:"));
    m_serverName->setToolTip(tr("The name sent in SNI and that the certificate must cover. Empty: the host, and no SNI "
                                "when the host is an IP address. A name here reaches a virtual host by its address."));
    m_alpnLabel->setText(tr("ALPN:"));
    m_alpn->setPlaceholderText(tr("none"));
    m_alpn->setToolTip(tr("The application protocols offered, in order of preference and separated by commas, such as "
                          "h2,http/1.1. Empty offers none. The Certificate tab says which one the server chose."));
    m_minVersionLabel->setText(tr("Oldest version:"));
    m_minVersion->setItemText(VersionAny, tr("any"));
    m_minVersion->setToolTip(tr("The oldest TLS version accepted: a server that cannot speak it fails the handshake."));
    m_caFileLabel->setText(tr("CA file:"));
    m_caFile->setPlaceholderText(tr("the system's authorities only"));
    m_caFile->setToolTip(tr("A file of PEM certificates of authorities trusted beside the system's, such as a test "
                            "CA's or a company's."));
    m_browse->setToolTip(tr("Choose the CA file"));
    m_browse->setAccessibleName(tr("Choose the CA file"));
    refresh();
}

void TlsOptionsEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        setErrorTextColor(m_problem);
    QWidget::changeEvent(event);
}

void TlsOptionsEdit::refresh()
{
    const QString text = summary();
    m_summary->setText(text);
    m_summary->setToolTip(text);
    QString problem;
    m_problem->setText(isComplete(&problem) ? QString() : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    emit changed();
}

QString TlsOptionsEdit::serverName() const
{
    return m_serverName->text().trimmed();
}

QList<QByteArray> TlsOptionsEdit::alpn() const
{
    QList<QByteArray> protocols;
    parseAlpn(m_alpn->text(), &protocols);
    return protocols;
}

TlsVersion TlsOptionsEdit::minVersion() const
{
    switch (m_minVersion->currentIndex()) {
    case Version12: return TlsVersion::Tls12;
    case Version13: return TlsVersion::Tls13;
    default: return TlsVersion::Any;
    }
}

QString TlsOptionsEdit::caFile() const
{
    return m_caFile->text().trimmed();
}

void TlsOptionsEdit::setOptions(const QString &serverName, const QList<QByteArray> &alpn, TlsVersion minVersion,
                                const QString &caFile)
{
    m_serverName->setText(serverName);
    m_alpn->setText(alpnText(alpn));
    m_minVersion->setCurrentIndex(minVersion == TlsVersion::Tls12 ? Version12 : minVersion == TlsVersion::Tls13 ? Version13 : VersionAny);
    m_caFile->setText(caFile);
}

void TlsOptionsEdit::setServerName(const QString &name)
{
    m_serverName->setText(name);
}

void TlsOptionsEdit::setHost(const QString &host)
{
    m_serverName->setPlaceholderText(host);
}

bool TlsOptionsEdit::isComplete(QString *problem) const
{
    const QString name = serverName();
    const bool blank = std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.isSpace() || !c.isPrint(); });
    if (blank || name.size() > MaxServerName) {
        *problem = tr("Server name: \"%1\" is not a host name: no spaces, at most %2 characters, such as www.example.com.")
                       .arg(name)
                       .arg(MaxServerName);
        return false;
    }
    QList<QByteArray> protocols;
    if (!parseAlpn(m_alpn->text(), &protocols)) {
        *problem = tr("ALPN: \"%1\" has an empty or too long protocol name: each has 1 to %2 bytes, separated by "
                      "commas, such as h2,http/1.1.")
                       .arg(m_alpn->text())
                       .arg(MaxAlpnName);
        return false;
    }
    const QString ca = caFile();
    if (!ca.isEmpty()) {
        const QFileInfo file(ca);
        if (!file.exists()) {
            *problem = tr("CA file: %1 does not exist.").arg(QDir::toNativeSeparators(ca));
            return false;
        }
        if (!file.isFile() || !file.isReadable()) {
            *problem = tr("CA file: %1 is not a file that can be read.").arg(QDir::toNativeSeparators(ca));
            return false;
        }
    }
    return true;
}

QString TlsOptionsEdit::summary() const
{
    QStringList parts;
    if (!serverName().isEmpty())
        parts.append(tr("SNI %1").arg(serverName()));
    const QList<QByteArray> protocols = alpn();
    if (m_alpn->text().trimmed() != DefaultAlpn)
        parts.append(protocols.isEmpty() ? tr("no ALPN") : tr("ALPN %1").arg(alpnText(protocols)));
    if (minVersion() != TlsVersion::Any)
        parts.append(tr("%1 at least").arg(m_minVersion->currentText()));
    if (!caFile().isEmpty())
        parts.append(tr("CA %1").arg(QFileInfo(caFile()).fileName()));
    if (parts.isEmpty())
        return tr("SNI from the host, ALPN http/1.1, any version, the system's authorities");
    return parts.join(QStringLiteral(", "));
}

bool TlsOptionsEdit::isUnfolded() const
{
    return !m_body->isHidden();
}

void TlsOptionsEdit::setUnfolded(bool unfolded)
{
    if (unfolded == isUnfolded())
        return;
    m_fold->setArrowType(unfolded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(unfolded);
    emit changed();
}

void TlsOptionsEdit::chooseCaFile()
{
    auto *dialog = new QFileDialog(this, tr("Trust the authorities of"), QFileInfo(caFile()).path());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
    dialog->open();
}

void TlsOptionsEdit::saveState(QSettings &settings, const QString &group) const
{
    settings.setValue(group + QStringLiteral("/tlsServerName"), m_serverName->text());
    settings.setValue(group + QStringLiteral("/tlsAlpn"), m_alpn->text());
    settings.setValue(group + QStringLiteral("/tlsMinVersion"), m_minVersion->currentIndex());
    settings.setValue(group + QStringLiteral("/tlsCaFile"), m_caFile->text());
    settings.setValue(group + QStringLiteral("/tlsShown"), isUnfolded());
}

void TlsOptionsEdit::restoreState(StoredSettings &settings, const QString &group)
{
    // As they were typed, even when they cannot be sent: the form says why, and nothing typed is lost.
    m_serverName->setText(settings.string(group + QStringLiteral("/tlsServerName"), QString()));
    m_alpn->setText(settings.string(group + QStringLiteral("/tlsAlpn"), DefaultAlpn));
    m_minVersion->setCurrentIndex(settings.integer(group + QStringLiteral("/tlsMinVersion"), VersionAny, VersionAny, Version13));
    m_caFile->setText(settings.string(group + QStringLiteral("/tlsCaFile"), QString()));
    setUnfolded(settings.boolean(group + QStringLiteral("/tlsShown"), false));
}

} // namespace SocketLab
