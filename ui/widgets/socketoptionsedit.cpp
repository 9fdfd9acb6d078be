#include "socketoptionsedit.h"

#include "errorpalette.h"
#include "flowlayout.h"
#include "spinboxes.h"

#include "settings/storedsettings.h"
#include "text/socketoptiontext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace SocketLab {

// The folded editor's one line: as long as its text when there is room, cut with an ellipsis when
// there is not, so what is set never widens the form. The tool tip keeps it whole.
class ElidedLine : public QWidget
{
public:
    explicit ElidedLine(QWidget *parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        setForegroundRole(QPalette::PlaceholderText);
    }

    QString text() const { return m_text; }
    void setText(const QString &text)
    {
        if (text == m_text)
            return;
        m_text = text;
        setToolTip(text);
        updateGeometry();
        update();
    }

    QSize sizeHint() const override { return {fontMetrics().horizontalAdvance(m_text), fontMetrics().height()}; }
    QSize minimumSizeHint() const override { return {0, fontMetrics().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setPen(palette().color(foregroundRole()));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter,
                         fontMetrics().elidedText(m_text, Qt::ElideRight, width()));
    }

private:
    QString m_text;
};

namespace {

enum LingerIndex { LingerDefault, LingerOff, LingerOn };

// A switch no one touched shows partly checked: not set, the system's default. A click sets it on,
// the next ones toggle it; only Reset brings the default back.
class SwitchBox : public QCheckBox
{
public:
    using QCheckBox::QCheckBox;

protected:
    void nextCheckState() override
    {
        setCheckState(checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    }
};

enum class LocalProblem { None, NotAnAddress, BadPort, PortNotHere };

// "127.0.0.1", "127.0.0.1:5000", "::1", "[::1]:5000", "fe80::1%lo": numeric only, since bind() takes
// an address of this machine, not a name to resolve.
LocalProblem parseLocal(const QString &typed, bool takesPort, quint16 defaultPort, SocketAddress *address)
{
    QString host = typed.trimmed();
    QString port;
    bool hasPort = false;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return LocalProblem::NotAnAddress;
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return LocalProblem::NotAnAddress;
            port = rest.mid(1);
            hasPort = true;
        }
    } else if (host.count(QLatin1Char(':')) == 1) {
        // One colon is an IPv4 address and its port; an IPv6 address has two at least.
        port = host.section(QLatin1Char(':'), 1);
        host = host.section(QLatin1Char(':'), 0, 0);
        hasPort = true;
    }
    if (hasPort && !takesPort)
        return LocalProblem::PortNotHere;
    quint16 number = defaultPort;
    if (hasPort) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value > 65535)
            return LocalProblem::BadPort;
        number = quint16(value);
    }
    const std::optional<SocketAddress> parsed = SocketAddress::fromNumeric(host, number);
    if (!parsed)
        return LocalProblem::NotAnAddress;
    *address = *parsed;
    return LocalProblem::None;
}

QString optionKey(const QString &group, SocketOptionName name)
{
    return group + QStringLiteral("/sockopt/") + SocketOptions::cliName(name);
}

} // namespace

SocketOptionsEdit::SocketOptionsEdit(Use use, LocalField local, QWidget *parent)
    : QWidget(parent)
    , m_use(use)
    , m_localField(local)
    , m_fold(new QToolButton(this))
    , m_summary(new ElidedLine(this))
    , m_reset(new QPushButton(this))
    , m_body(new QWidget(this))
    , m_localLabel(new QLabel(m_body))
    , m_local(new QLineEdit(m_body))
    , m_problem(new QLabel(this))
{
    m_fold->setObjectName(QStringLiteral("socketOptionsFold"));
    m_fold->setAutoRaise(true);
    m_fold->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fold->setArrowType(Qt::RightArrow);
    m_reset->setObjectName(QStringLiteral("socketOptionsReset"));
    m_problem->setObjectName(QStringLiteral("socketOptionsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    setErrorTextColor(m_problem);
    m_local->setObjectName(QStringLiteral("localAddress"));
    m_local->setClearButtonEnabled(true);
    m_localLabel->setBuddy(m_local);

    auto *options = new FlowLayout;
    for (SocketOptionName name : SocketOptions::all()) {
        Option option{name};
        option.row = new QWidget(m_body);
        auto *rowLayout = new QHBoxLayout(option.row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        const QString cli = SocketOptions::cliName(name);
        if (SocketOptions::isSwitch(name)) {
            option.check = new SwitchBox(cli, option.row);
            option.check->setObjectName(cli);
            option.check->setTristate(true);
            option.check->setCheckState(Qt::PartiallyChecked);
            rowLayout->addWidget(option.check);
            connect(option.check, &QCheckBox::stateChanged, this, &SocketOptionsEdit::refresh);
        } else if (name == SocketOptionName::Linger) {
            option.label = new QLabel(option.row);
            m_lingerMode = new QComboBox(option.row);
            m_lingerMode->setObjectName(cli);
            for (int i = 0; i < 3; ++i)
                m_lingerMode->addItem(QString());
            m_lingerMode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
            m_lingerSeconds = makeSpinBox(0, int(SocketOptions::maximum(name)), 0, option.row);
            m_lingerSeconds->setObjectName(QStringLiteral("lingerSeconds"));
            m_lingerSeconds->setEnabled(false);
            option.label->setBuddy(m_lingerMode);
            rowLayout->addWidget(option.label);
            rowLayout->addWidget(m_lingerMode);
            rowLayout->addWidget(m_lingerSeconds);
            connect(m_lingerMode, &QComboBox::currentIndexChanged, this, &SocketOptionsEdit::refresh);
            connect(m_lingerSeconds, &QSpinBox::valueChanged, this, &SocketOptionsEdit::refresh);
        } else {
            option.label = new QLabel(option.row);
            // One below the option's range is "default": not set.
            const int minimum = int(SocketOptions::minimum(name));
            option.spin = makeSpinBox(minimum - 1, int(SocketOptions::maximum(name)), minimum - 1, option.row);
            option.spin->setObjectName(cli);
            option.label->setBuddy(option.spin);
            rowLayout->addWidget(option.label);
            rowLayout->addWidget(option.spin);
            connect(option.spin, &QSpinBox::valueChanged, this, &SocketOptionsEdit::refresh);
        }
        options->addWidget(option.row);
        m_options.append(option);
    }
    auto *localRow = new QWidget(m_body);
    auto *localLayout = new QHBoxLayout(localRow);
    localLayout->setContentsMargins(0, 0, 0, 0);
    localLayout->addWidget(m_localLabel);
    localLayout->addWidget(m_local, 1);
    // Room for an IPv6 address and its port.
    m_local->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("[ffff:ffff::ffff]:65535")));
    localRow->setVisible(m_localField != LocalField::None);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(fontMetrics().horizontalAdvance(QLatin1Char('M')), 0, 0, 0);
    bodyLayout->addLayout(options);
    bodyLayout->addWidget(localRow);
    m_body->setVisible(false);
    m_body->installEventFilter(this);

    auto *header = new QHBoxLayout;
    header->addWidget(m_fold);
    header->addWidget(m_summary, 1);
    header->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(fontMetrics().height() / 4);
    layout->addLayout(header);
    layout->addWidget(m_body);
    layout->addWidget(m_problem);

    // Not a checkable button: a checked one is drawn pressed, which reads as a setting turned on.
    connect(m_fold, &QToolButton::clicked, this, [this] { setUnfolded(!isUnfolded()); });
    connect(m_reset, &QPushButton::clicked, this, &SocketOptionsEdit::reset);
    connect(m_local, &QLineEdit::textChanged, this, &SocketOptionsEdit::refresh);

    setUse(use);
    retranslate();
}

void SocketOptionsEdit::retranslate()
{
    m_fold->setText(tr("Socket options"));
    m_fold->setToolTip(tr("The setsockopt() calls made before bind() and connect(), and the local address to "
                          "bind. An option left alone is not set: the socket keeps the system's default."));
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(tr("Set no option and bind no local address: every option back to the system's default"));
    const QString unset = tr("Partly checked: not set, the system's default. A click sets it.");
    for (const Option &option : std::as_const(m_options)) {
        const QString help = optionHelp(option.name);
        if (option.label)
            //: The label of an option's field: its name as the command line writes it, such as "rcvbuf:".
            option.label->setText(tr("%1:").arg(SocketOptions::cliName(option.name)));
        if (option.check) {
            option.check->setToolTip(help + QLatin1Char('\n') + unset);
        } else if (option.spin) {
            option.spin->setSpecialValueText(tr("default"));
            option.spin->setToolTip(help + QLatin1Char('\n') + tr("\"default\": not set, the system's default."));
            option.label->setToolTip(help);
        }
        switch (option.name) {
        case SocketOptionName::ReceiveBuffer:
        case SocketOptionName::SendBuffer:
            option.spin->setSuffix(tr(" bytes"));
            break;
        case SocketOptionName::KeepIdle:
        case SocketOptionName::KeepInterval:
            option.spin->setSuffix(tr(" s"));
            break;
        case SocketOptionName::Linger: {
            const QString linger = help + QLatin1Char('\n')
                                   + tr("On with 0 s, close() sends RST: the connection is reset instead of "
                                        "closed, and the peer reads ECONNRESET.");
            option.label->setToolTip(linger);
            m_lingerMode->setToolTip(linger);
            m_lingerSeconds->setToolTip(linger);
            break;
        }
        default:
            break;
        }
    }
    m_lingerMode->setItemText(LingerDefault, tr("default"));
    m_lingerMode->setItemText(LingerOff, tr("off"));
    m_lingerMode->setItemText(LingerOn, tr("on"));
    m_lingerSeconds->setSuffix(tr(" s"));
    m_lingerSeconds->setAccessibleName(tr("Linger time"));
    m_localLabel->setText(tr("Local address:"));
    if (m_localField == LocalField::AddressAndPort) {
        m_local->setPlaceholderText(tr("any (address[:port])"));
        m_local->setToolTip(tr("The address, and optionally the port, to bind() before connect(), such as 127.0.0.2 "
                               "or [::1]:5000; empty lets the system choose."));
    } else {
        m_local->setPlaceholderText(tr("any"));
        m_local->setToolTip(tr("The address to bind() before sending, such as 127.0.0.2; the port is the Local port "
                               "field. Empty lets the system choose."));
    }
    refresh();
    updateSpinBoxGeometries(this);
}

void SocketOptionsEdit::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        // The spin boxes group digits as the new language's locale does.
        if (locale() != QLocale())
            setLocale(QLocale());
        retranslate();
        break;
    case QEvent::PaletteChange:
        setErrorTextColor(m_problem);
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

bool SocketOptionsEdit::eventFilter(QObject *watched, QEvent *event)
{
    // The options wrap onto more rows in a narrow form. A layout short of height squeezes a widget
    // down to its minimum, not to the height its rows need at its width, and the rows would overlap
    // the local address: the height they need at this width is the body's minimum. Asked again when
    // the body changes width and when its rows do (another language, an option shown or hidden).
    if (watched == m_body && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)) {
        const int needed = m_body->layout()->totalHeightForWidth(m_body->width());
        if (m_body->minimumHeight() != needed)
            m_body->setMinimumHeight(needed);
    }
    return QWidget::eventFilter(watched, event);
}

bool SocketOptionsEdit::offers(SocketOptionName name) const
{
    const bool stream = m_use == Use::TcpClient || m_use == Use::TcpListener;
    const bool listener = m_use == Use::TcpListener || m_use == Use::UdpListener;
    const SocketKind only = SocketOptions::onlyFor(name);
    if (only != SocketKind::Any && only != (stream ? SocketKind::Stream : SocketKind::Datagram))
        return false;
    // IPV6_V6ONLY decides what a socket bound to :: accepts: a listener's question.
    if (name == SocketOptionName::V6Only)
        return listener;
    // A TCP listener always sets SO_REUSEADDR, so a restart does not wait for TIME_WAIT.
    if (name == SocketOptionName::ReuseAddress)
        return m_use != Use::TcpListener;
    return true;
}

void SocketOptionsEdit::setUse(Use use)
{
    m_use = use;
    for (const Option &option : std::as_const(m_options))
        option.row->setVisible(offers(option.name));
    refresh();
}

std::optional<int> SocketOptionsEdit::value(const Option &option) const
{
    if (option.check) {
        if (option.check->checkState() == Qt::PartiallyChecked)
            return std::nullopt;
        return option.check->isChecked() ? 1 : 0;
    }
    if (option.spin)
        return option.spin->value() == option.spin->minimum() ? std::nullopt : std::optional<int>(option.spin->value());
    switch (m_lingerMode->currentIndex()) {
    case LingerOff: return SocketOptionSetting::LingerOff;
    case LingerOn: return m_lingerSeconds->value();
    default: return std::nullopt;
    }
}

void SocketOptionsEdit::setValue(const Option &option, std::optional<int> value)
{
    if (option.check) {
        option.check->setCheckState(!value ? Qt::PartiallyChecked : *value ? Qt::Checked : Qt::Unchecked);
    } else if (option.spin) {
        option.spin->setValue(value ? *value : option.spin->minimum());
    } else if (!value) {
        m_lingerMode->setCurrentIndex(LingerDefault);
    } else if (*value == SocketOptionSetting::LingerOff) {
        m_lingerMode->setCurrentIndex(LingerOff);
    } else {
        m_lingerMode->setCurrentIndex(LingerOn);
        m_lingerSeconds->setValue(*value);
    }
}

QList<SocketOptionSetting> SocketOptionsEdit::settings() const
{
    QList<SocketOptionSetting> settings;
    for (const Option &option : m_options) {
        if (!offers(option.name))
            continue;
        if (const std::optional<int> v = value(option))
            settings.append({option.name, *v});
    }
    return settings;
}

void SocketOptionsEdit::setSettings(const QList<SocketOptionSetting> &settings)
{
    for (const Option &option : std::as_const(m_options)) {
        std::optional<int> v;
        for (const SocketOptionSetting &setting : settings) {
            if (setting.name == option.name)
                v = setting.value;
        }
        setValue(option, v);
    }
}

SocketAddress SocketOptionsEdit::localAddress(quint16 port) const
{
    SocketAddress address;
    if (!m_local->text().trimmed().isEmpty())
        parseLocal(m_local->text(), m_localField == LocalField::AddressAndPort, port, &address);
    return address;
}

QString SocketOptionsEdit::localAddressText() const
{
    return m_local->text().trimmed();
}

void SocketOptionsEdit::setLocalAddressText(const QString &text)
{
    m_local->setText(text);
}

bool SocketOptionsEdit::isComplete(QString *problem) const
{
    const QString typed = localAddressText();
    if (m_localField == LocalField::None || typed.isEmpty())
        return true;
    SocketAddress address;
    switch (parseLocal(typed, m_localField == LocalField::AddressAndPort, 0, &address)) {
    case LocalProblem::None:
        return true;
    case LocalProblem::NotAnAddress:
        *problem = tr("Local address: \"%1\" is not a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1.").arg(typed);
        return false;
    case LocalProblem::BadPort:
        *problem = tr("Local address: the port of \"%1\" must be a number from 0 to 65535.").arg(typed);
        return false;
    case LocalProblem::PortNotHere:
        *problem = tr("Local address: give \"%1\" without a port; the port goes in the Local port field.").arg(typed);
        return false;
    }
    return true;
}

QString SocketOptionsEdit::summary() const
{
    QStringList parts;
    for (const SocketOptionSetting &setting : settings())
        parts.append(SocketOptions::format(setting));
    if (m_localField != LocalField::None && !localAddressText().isEmpty())
        parts.append(QStringLiteral("local=") + localAddressText());
    return parts.join(QStringLiteral(", "));
}

bool SocketOptionsEdit::isUnfolded() const
{
    return !m_body->isHidden();
}

void SocketOptionsEdit::setUnfolded(bool unfolded)
{
    if (unfolded == isUnfolded())
        return;
    m_fold->setArrowType(unfolded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(unfolded);
    emit changed();
}

void SocketOptionsEdit::reset()
{
    setSettings({});
    m_local->clear();
}

QCheckBox *SocketOptionsEdit::switchBox(SocketOptionName name) const
{
    for (const Option &option : m_options) {
        if (option.name == name)
            return option.check;
    }
    return nullptr;
}

QSpinBox *SocketOptionsEdit::numberBox(SocketOptionName name) const
{
    for (const Option &option : m_options) {
        if (option.name == name)
            return option.spin;
    }
    return nullptr;
}

QWidget *SocketOptionsEdit::optionRow(SocketOptionName name) const
{
    for (const Option &option : m_options) {
        if (option.name == name)
            return option.row;
    }
    return nullptr;
}

void SocketOptionsEdit::refresh()
{
    m_lingerSeconds->setEnabled(m_lingerMode->currentIndex() == LingerOn);
    const QString summary = this->summary();
    m_summary->setText(summary.isEmpty() ? tr("none set: the system's defaults") : summary);
    m_reset->setEnabled(!summary.isEmpty());
    QString problem;
    const bool complete = isComplete(&problem);
    m_problem->setText(complete ? QString() : problem);
    m_problem->setVisible(!complete);
    emit changed();
}

void SocketOptionsEdit::saveState(QSettings &settings, const QString &group) const
{
    settings.remove(group + QStringLiteral("/sockopt"));
    for (const SocketOptionSetting &setting : this->settings())
        settings.setValue(optionKey(group, setting.name), setting.value);
    if (m_localField != LocalField::None)
        settings.setValue(group + QStringLiteral("/localAddress"), localAddressText());
    settings.setValue(group + QStringLiteral("/socketOptionsShown"), isUnfolded());
}

void SocketOptionsEdit::restoreState(StoredSettings &settings, const QString &group)
{
    QList<SocketOptionSetting> restored;
    for (SocketOptionName name : SocketOptions::all()) {
        const QString key = optionKey(group, name);
        if (!settings.contains(key))
            continue;
        // SO_LINGER's "off" is one below its range.
        const int minimum = int(SocketOptions::minimum(name)) - (name == SocketOptionName::Linger ? 1 : 0);
        const int unset = minimum - 1;
        const int value = settings.integer(key, unset, minimum, int(SocketOptions::maximum(name)));
        if (value != unset)
            restored.append({name, value});
    }
    setSettings(restored);
    if (m_localField != LocalField::None)
        setLocalAddressText(settings.string(group + QStringLiteral("/localAddress"), QString()));
    setUnfolded(settings.boolean(group + QStringLiteral("/socketOptionsShown"), false));
}

} // namespace SocketLab
