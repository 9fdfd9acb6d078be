#pragma once

#include "net/socketaddress.h"
#include "net/socketoption.h"

#include <QList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;
class QToolButton;

namespace SocketLab {

class ElidedLine;
class StoredSettings;

// The socket options of a form, folded by default into one line that says what is set
// ("nodelay=1, rcvbuf=4194304"), so a form does not grow for options most sends leave alone.
// Unfolded: the options that apply to the form's socket, switches as check boxes and numbers as spin
// boxes within the option's range, SO_LINGER as off or on with its seconds; and for a client, the
// local address to bind() before connecting. An option no one touched is not set at all: the socket
// keeps the system's default and nothing is sent for it. Reset brings every option back to that.
class SocketOptionsEdit : public QWidget
{
    Q_OBJECT
public:
    // Which socket the options are for: it decides the options offered.
    enum class Use { TcpClient, UdpClient, TcpListener, UdpListener };
    // Whether the form binds a local address, and whether its port is typed here ("127.0.0.1:5000")
    // or in a field of the form's own (the UDP form's Local port).
    enum class LocalField { None, Address, AddressAndPort };

    explicit SocketOptionsEdit(Use use, LocalField local, QWidget *parent = nullptr);

    Use use() const { return m_use; }
    // A form whose transport changes (a conversation, a listener) offers the other kind's options;
    // values of the options it hides are kept for when it comes back.
    void setUse(Use use);

    // The options set, in the order SocketOptions::all() lists them; none that this use does not offer.
    QList<SocketOptionSetting> settings() const;
    // Replaces every option: those not in `settings` become unset.
    void setSettings(const QList<SocketOptionSetting> &settings);
    // The address to bind; invalid when the field is empty or wrong. `port` is the port when the
    // field gives none (always, for LocalField::Address).
    SocketAddress localAddress(quint16 port = 0) const;
    QString localAddressText() const;
    void setLocalAddressText(const QString &text);
    // False with *problem (translated, naming the field) when what is typed cannot be used.
    bool isComplete(QString *problem) const;
    // What is set, as the CLI writes it: "nodelay=1, rcvbuf=4194304, local=127.0.0.1:5000"; empty if nothing.
    QString summary() const;

    bool isUnfolded() const;
    void setUnfolded(bool unfolded);

    // Keys under `group` ("connection", "udp"): one per option set (group/sockopt/nodelay), the local
    // address, whether the options are shown.
    void saveState(QSettings &settings, const QString &group) const;
    void restoreState(StoredSettings &settings, const QString &group);

    QToolButton *foldButton() const { return m_fold; }
    QPushButton *resetButton() const { return m_reset; }
    QLabel *problemLabel() const { return m_problem; }
    QLineEdit *localEdit() const { return m_local; }
    // The option's check box (a switch) or spin box (a number); null for the other kind and for SO_LINGER.
    QCheckBox *switchBox(SocketOptionName name) const;
    QSpinBox *numberBox(SocketOptionName name) const;
    QComboBox *lingerCombo() const { return m_lingerMode; }
    QSpinBox *lingerSecondsBox() const { return m_lingerSeconds; }
    // The row of an option, shown only when the use offers it.
    QWidget *optionRow(SocketOptionName name) const;

public slots:
    void reset();

signals:
    // An option, the local address or the fold changed, by a person or by the program.
    void changed();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Option
    {
        SocketOptionName name;
        QWidget *row = nullptr;
        QLabel *label = nullptr;     // numbers and SO_LINGER
        QCheckBox *check = nullptr;  // switches
        QSpinBox *spin = nullptr;    // numbers
    };

    bool offers(SocketOptionName name) const;
    std::optional<int> value(const Option &option) const;
    void setValue(const Option &option, std::optional<int> value);
    void retranslate();
    void refresh();

    Use m_use;
    LocalField m_localField;
    QList<Option> m_options;
    QToolButton *m_fold;
    ElidedLine *m_summary;
    QPushButton *m_reset;
    QWidget *m_body;
    QComboBox *m_lingerMode = nullptr;
    QSpinBox *m_lingerSeconds = nullptr;
    QLabel *m_localLabel;
    QLineEdit *m_local;
    QLabel *m_problem;
};

} // namespace SocketLab
