#include "interfacecombo.h"

#include "net/interfaces.h"

#include <QEvent>
#include <QSignalBlocker>
#include <QStringList>

#include <algorithm>

namespace SocketLab {

namespace {

constexpr int IndexRole = Qt::UserRole + 1;

// "eth0 (10.0.0.5, fe80::1)": a person knows an interface by its addresses more than by its name.
QString describe(const NetworkInterface &interface)
{
    QStringList addresses;
    // A link-local address's scope is this very interface: "%eth0" would only repeat its name.
    for (const InterfaceAddress &address : interface.addresses)
        addresses << address.address.host().section(QLatin1Char('%'), 0, 0);
    if (addresses.isEmpty())
        return interface.name;
    return QStringLiteral("%1 (%2)").arg(interface.name, addresses.join(QStringLiteral(", ")));
}

} // namespace

InterfaceCombo::InterfaceCombo(QWidget *parent)
    : QComboBox(parent)
{
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    refresh();
}

QString InterfaceCombo::interfaceName() const
{
    return currentData().toString();
}

void InterfaceCombo::setInterfaceName(const QString &name)
{
    const int row = findData(name);
    if (row >= 0 || name.isEmpty()) {
        setCurrentIndex(std::max(row, 0));
        return;
    }
    m_missing = name;
    refresh();
    setCurrentIndex(findData(name));
}

void InterfaceCombo::refresh()
{
    const QString chosen = count() > 0 ? interfaceName() : QString();
    {
        // Rebuilt without a signal per row: one change, if any, is told below.
        const QSignalBlocker blocker(this);
        clear();
        addItem(QString(), QString());
        bool missingFound = false;
        bool chosenFound = chosen.isEmpty();
        for (const NetworkInterface &interface : Interfaces::list()) {
            addItem(describe(interface), interface.name);
            setItemData(count() - 1, interface.index, IndexRole);
            missingFound = missingFound || interface.name == m_missing;
            chosenFound = chosenFound || interface.name == chosen;
        }
        if (missingFound)
            m_missing.clear();
        // Gone since it was chosen: kept and marked, as a name set that was never here is.
        if (!chosenFound)
            m_missing = chosen;
        if (!m_missing.isEmpty())
            addItem(QString(), m_missing);
        retranslate();
        setCurrentIndex(std::max(findData(chosen), 0));
    }
    if (interfaceName() != chosen)
        emit currentIndexChanged(currentIndex());
}

void InterfaceCombo::showPopup()
{
    refresh();
    QComboBox::showPopup();
}

void InterfaceCombo::retranslate()
{
    setItemText(0, tr("Any interface"));
    setItemData(0, tr("The kernel picks the interface of its route to the group."), Qt::ToolTipRole);
    for (int row = 1; row < count(); ++row) {
        const QString name = itemData(row).toString();
        if (name == m_missing)
            setItemText(row, tr("%1 (not on this machine now)").arg(name));
        else
            setItemData(row, tr("Interface %1, index %2").arg(name).arg(itemData(row, IndexRole).toUInt()), Qt::ToolTipRole);
    }
}

void InterfaceCombo::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

} // namespace SocketLab
