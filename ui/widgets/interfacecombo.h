#pragma once

#include <QComboBox>

namespace SocketLab {

// Picks a network interface for a multicast call: "Any interface" first (index 0: the kernel picks
// the one of its route), then each interface of this machine by name with its addresses, as
// core/net/interfaces.h lists them when the box is made or refreshed. A name set that is not on
// the machine now stays shown and chosen, marked as missing, so a saved form is not silently
// changed; so does a chosen interface that goes away. The multicast call then reports it. The form
// that holds it sets its tool tip.
class InterfaceCombo : public QComboBox
{
    Q_OBJECT
public:
    explicit InterfaceCombo(QWidget *parent = nullptr);

    // Empty for "Any interface".
    QString interfaceName() const;
    void setInterfaceName(const QString &name);
    // Reads the machine's interfaces again, keeping the choice.
    void refresh();

    // The list is read again each time it opens: an interface that came up since is there.
    void showPopup() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    // A name given by setInterfaceName() that the machine does not have now.
    QString m_missing;
};

} // namespace SocketLab
