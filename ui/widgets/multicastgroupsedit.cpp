#include "multicastgroupsedit.h"

#include "interfacecombo.h"

#include "text/multicasttext.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

MulticastGroupsEdit::MulticastGroupsEdit(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_add(new QPushButton(this))
    , m_grid(new QGridLayout)
{
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_title->setBuddy(m_add);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_empty);
    header->addWidget(m_add);
    header->addStretch(1);
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(m_grid);
    connect(m_add, &QPushButton::clicked, this, [this] { addGroup(); });
    retranslate();
}

void MulticastGroupsEdit::addGroup(const QString &text, const QString &interfaceName)
{
    Row row{new QLabel(this), new QLineEdit(this), new QLabel(this), new InterfaceCombo(this), new QToolButton(this)};
    row.edit->setText(text);
    row.edit->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 24);
    row.on->setBuddy(row.interface);
    row.interface->setInterfaceName(interfaceName);
    row.remove->setText(QStringLiteral("✕"));
    row.remove->setAutoRaise(true);
    connect(row.edit, &QLineEdit::textChanged, this, &MulticastGroupsEdit::changed);
    connect(row.interface, &QComboBox::currentIndexChanged, this, &MulticastGroupsEdit::changed);
    QToolButton *remove = row.remove;
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(), [remove](const Row &r) { return r.remove == remove; });
        if (found != m_rows.cend())
            removeGroup(int(found - m_rows.cbegin()));
    });
    m_rows.append(row);
    relayout();
    retranslate();
    row.edit->setFocus();
    emit changed();
}

void MulticastGroupsEdit::removeGroup(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const Row gone = m_rows.takeAt(row);
    for (QWidget *widget : {static_cast<QWidget *>(gone.number), static_cast<QWidget *>(gone.edit),
                            static_cast<QWidget *>(gone.on), static_cast<QWidget *>(gone.interface),
                            static_cast<QWidget *>(gone.remove)})
        widget->deleteLater();
    relayout();
    retranslate();
    // The focus stays in the list: on the row that took this one's place, or on Add.
    if (row < m_rows.size())
        m_rows.at(row).edit->setFocus();
    else
        m_add->setFocus();
    emit changed();
}

void MulticastGroupsEdit::relayout()
{
    while (m_grid->count() > 0)
        delete m_grid->takeAt(0);
    QWidget *previous = m_add;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        m_grid->addWidget(row.number, i, 0);
        m_grid->addWidget(row.edit, i, 1);
        m_grid->addWidget(row.on, i, 2);
        m_grid->addWidget(row.interface, i, 3);
        m_grid->addWidget(row.remove, i, 4);
        setTabOrder(previous, row.edit);
        setTabOrder(row.edit, row.interface);
        setTabOrder(row.interface, row.remove);
        previous = row.remove;
    }
    m_grid->setColumnStretch(5, 1);
    m_empty->setVisible(m_rows.isEmpty());
}

std::optional<MulticastGroup> MulticastGroupsEdit::parse(int row, MulticastParseError *error) const
{
    const QString text = m_rows.at(row).edit->text().trimmed();
    const QString interfaceName = m_rows.at(row).interface->interfaceName();
    // The interface goes where the CLI's --join has it, so both read a group the same way.
    return Multicast::parseGroup(interfaceName.isEmpty() || text.isEmpty() ? text : text + QLatin1Char('@') + interfaceName,
                                 error);
}

QList<MulticastGroup> MulticastGroupsEdit::groups() const
{
    QList<MulticastGroup> result;
    for (int row = 0; row < m_rows.size(); ++row) {
        MulticastParseError error;
        if (const std::optional<MulticastGroup> group = parse(row, &error))
            result.append(*group);
    }
    return result;
}

bool MulticastGroupsEdit::isComplete(QString *problem) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        MulticastParseError error;
        if (!parse(row, &error)) {
            *problem = tr("Multicast group %1: %2").arg(QLocale().toString(row + 1), describeMulticastProblem(error));
            return false;
        }
    }
    problem->clear();
    return true;
}

void MulticastGroupsEdit::retranslate()
{
    m_title->setText(tr("Multicast groups to &join:"));
    m_empty->setText(tr("none"));
    m_add->setText(tr("Add group"));
    m_add->setToolTip(tr("Join one more group after bind(), and leave it at stop: IPv4 (224.0.0.0/4) or IPv6 (ff00::/8)."));
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        row.number->setText(tr("%1.").arg(QLocale().toString(i + 1)));
        row.edit->setPlaceholderText(tr("239.1.2.3, ff12::1 or SOURCE>GROUP"));
        row.edit->setToolTip(tr("The group to join, or SOURCE>GROUP to hear only one sender (source-specific "
                                "multicast, 232.0.0.0/8 or ff3x::/32): 10.0.0.5>232.1.1.1."));
        row.edit->setAccessibleName(tr("Multicast group %1").arg(QLocale().toString(i + 1)));
        row.on->setText(tr("interface:"));
        row.interface->setToolTip(tr("The interface to join the group on: an interface of this machine, with its "
                                     "addresses; any: the kernel picks the one of its route to the group."));
        row.remove->setToolTip(tr("Do not join this group"));
        row.remove->setAccessibleName(tr("Remove multicast group %1").arg(QLocale().toString(i + 1)));
    }
}

void MulticastGroupsEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
