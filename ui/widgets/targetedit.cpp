#include "targetedit.h"

#include "net/servicecheck.h"
#include "settings/storedsettings.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

namespace SocketLab {

namespace {

enum FamilyIndex { AnyFamily, V4Only, V6Only };

} // namespace

TargetEdit::TargetEdit(QWidget *parent)
    : QWidget(parent)
    , m_hostLabel(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_portLabel(new QLabel(this))
    , m_port(new QLineEdit(this))
    , m_family(new QComboBox(this))
{
    for (int i = 0; i < 3; ++i)
        m_family->addItem(QString());
    // Translated items: the box follows their width in every language, not the first one's.
    m_family->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_port->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setBuddy(m_port);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hostLabel);
    layout->addWidget(m_host, 1);
    layout->addWidget(m_portLabel);
    layout->addWidget(m_port);
    layout->addWidget(m_family);
    setFocusProxy(m_host);
    setTabOrder(m_host, m_port);
    setTabOrder(m_port, m_family);

    connect(m_host, &QLineEdit::textChanged, this, &TargetEdit::changed);
    connect(m_port, &QLineEdit::textChanged, this, &TargetEdit::changed);
    connect(m_family, &QComboBox::currentIndexChanged, this, &TargetEdit::changed);
    connect(m_host, &QLineEdit::textEdited, this, &TargetEdit::edited);
    connect(m_port, &QLineEdit::textEdited, this, &TargetEdit::edited);
    connect(m_host, &QLineEdit::returnPressed, this, &TargetEdit::returnPressed);
    connect(m_port, &QLineEdit::returnPressed, this, &TargetEdit::returnPressed);

    retranslate();
}

void TargetEdit::setMnemonics(bool shown)
{
    m_mnemonics = shown;
    retranslate();
}

void TargetEdit::retranslate()
{
    const auto label = [this](QString text) { return m_mnemonics ? text : text.remove(QLatin1Char('&')); };
    m_hostLabel->setText(label(tr("H&ost:")));
    m_portLabel->setText(label(tr("Po&rt:")));
    m_family->setItemText(AnyFamily, tr("Any family"));
    m_family->setItemText(V4Only, tr("IPv4 only"));
    m_family->setItemText(V6Only, tr("IPv6 only"));
    m_family->setAccessibleName(tr("Address family"));
    m_family->setToolTip(tr("Which addresses of the name to try: IPv4, IPv6, or both in the order getaddrinfo() gives."));
}

void TargetEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString TargetEdit::host() const
{
    return m_host->text().trimmed();
}

QString TargetEdit::service() const
{
    return m_port->text().trimmed();
}

IpFamily TargetEdit::family() const
{
    switch (m_family->currentIndex()) {
    case V4Only: return IpFamily::V4;
    case V6Only: return IpFamily::V6;
    default: return IpFamily::Any;
    }
}

void TargetEdit::setTarget(const QString &host, const QString &service)
{
    m_host->setText(host);
    m_port->setText(service);
}

void TargetEdit::setFamily(IpFamily family)
{
    m_family->setCurrentIndex(family == IpFamily::V4 ? V4Only : family == IpFamily::V6 ? V6Only : AnyFamily);
}

bool TargetEdit::isComplete(QString *problem) const
{
    if (host().isEmpty()) {
        *problem = tr("Type a host name or an address.");
        return false;
    }
    switch (checkService(service())) {
    case ServiceProblem::None:
        return true;
    case ServiceProblem::Empty:
        *problem = tr("Type a port number or a service name.");
        return false;
    case ServiceProblem::PortOutOfRange:
        *problem = tr("Port %1 does not exist: a port is a number from 1 to 65535.").arg(service());
        return false;
    case ServiceProblem::BadName:
        *problem = tr("\"%1\" is neither a port number nor a service name.").arg(service());
        return false;
    }
    return true;
}

void TargetEdit::saveState(QSettings &settings, const QString &group) const
{
    settings.setValue(group + QStringLiteral("/host"), m_host->text());
    settings.setValue(group + QStringLiteral("/port"), m_port->text());
    settings.setValue(group + QStringLiteral("/family"), m_family->currentIndex());
}

void TargetEdit::restoreState(StoredSettings &settings, const QString &group)
{
    setTarget(settings.string(group + QStringLiteral("/host"), m_host->text()),
              settings.string(group + QStringLiteral("/port"), m_port->text()));
    m_family->setCurrentIndex(settings.integer(group + QStringLiteral("/family"), 0, 0, m_family->count() - 1));
}

} // namespace SocketLab
