#pragma once

#include "net/socketaddress.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;

namespace SocketLab {
class StoredSettings;
}

namespace SocketLab {

// Where a form sends to: host, port or service name, and address family, with the checks a form
// needs before it may send. The TCP exchange and the UDP form both use it, so a target is typed,
// checked and remembered the same way in each. The form sets the placeholders and tool tips, which
// say what its own target is.
class TargetEdit : public QWidget
{
    Q_OBJECT
public:
    explicit TargetEdit(QWidget *parent = nullptr);

    QString host() const;      // trimmed
    QString service() const;   // trimmed
    IpFamily family() const;
    void setTarget(const QString &host, const QString &service);
    void setFamily(IpFamily family);

    // False with *problem (translated) when host or port cannot be sent to as they are.
    bool isComplete(QString *problem) const;

    // Keys under `group` ("connection", "udp"): host, port, family.
    void saveState(QSettings &settings, const QString &group) const;
    void restoreState(StoredSettings &settings, const QString &group);

    // Off: the labels carry no Alt key, for a form where the usual ones are taken already (the
    // Servers tab's buttons use Alt+O and Alt+R).
    void setMnemonics(bool shown);

    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *portEdit() const { return m_port; }
    QComboBox *familyCombo() const { return m_family; }

signals:
    // Host, port or family changed, by a person or by the program.
    void changed();
    // A person typed in the host or port field (not setTarget()).
    void edited();
    // Return in the host or port field.
    void returnPressed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QLineEdit *m_port;
    QComboBox *m_family;
    bool m_mnemonics = true;
};

} // namespace SocketLab
