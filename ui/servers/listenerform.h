#pragma once

#include "relay/relaysettings.h"
#include "servers/listener.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace SocketLab {

class MulticastGroupsEdit;
class RelayShapingEdit;
class RequestEditor;
class SocketOptionsEdit;
class TargetEdit;

// What a new listener will be: TCP or UDP, the address to bind (loopback unless a person picks all
// interfaces, which is then flagged), the port (0: any free one), the mode, and for a fixed reply
// its bytes in the request editor; for TCP, TLS with a certificate and key the person picks, or the
// self-signed localhost one; for UDP, the multicast groups to join; how many clients it serves at
// once and how many bytes it keeps for display. Or, in the mode "Relay to HOST:PORT", a relay
// (core/relay/relay.h): the target, TLS to it, a delay, a bandwidth cap and a pause per direction
// (all off by default), the connections relayed at once. Start asks the panel to start it; the form
// keeps its values whatever happens, so a busy port is one edit away from a second try.
class ListenerForm : public QWidget
{
    Q_OBJECT

public:
    // The rows of the address box.
    enum AddressChoice { LoopbackV4, LoopbackV6, AllInterfacesV4, AllInterfacesV6 };

    explicit ListenerForm(QWidget *parent = nullptr);

    // The mode box's value for the relay, beside the Listener::Mode values.
    static constexpr int RelayMode = 100;

    Listener::Settings settings() const;
    // The mode "Relay to HOST:PORT" is chosen: Start starts a relay with relaySettings().
    bool isRelay() const;
    RelaySettings relaySettings() const;
    bool isAllInterfaces() const;
    // False with *problem (translated) when the form cannot be started as it is.
    bool isComplete(QString *problem) const;

    QComboBox *transportCombo() const { return m_transport; }
    QComboBox *addressCombo() const { return m_address; }
    QSpinBox *portSpin() const { return m_port; }
    QComboBox *modeCombo() const { return m_mode; }
    // TCP only: connections served at once; disabled, with a tooltip saying why, while UDP is chosen.
    QSpinBox *maxClientsSpin() const { return m_maxClients; }
    // MiB kept for display over all clients, the oldest clients' bytes dropped first.
    QSpinBox *captureBudgetSpin() const { return m_captureBudget; }
    QCheckBox *closeAfterReplyCheck() const { return m_closeAfterReply; }
    // TCP only: disabled, with a tooltip saying why, while UDP is chosen.
    QCheckBox *tlsCheck() const { return m_tls; }
    // Empty, both: the self-signed localhost certificate, made on first use.
    QLineEdit *certificateEdit() const { return m_certificate; }
    QLineEdit *keyEdit() const { return m_key; }
    QToolButton *certificateBrowseButton() const { return m_certificateBrowse; }
    QToolButton *keyBrowseButton() const { return m_keyBrowse; }
    RequestEditor *replyEditor() const { return m_reply; }
    // Set on the listening socket, and inherited by the connections it accepts.
    SocketOptionsEdit *socketOptionsEdit() const { return m_options; }
    // UDP only: the groups to join after bind(); disabled, with a tooltip saying why, while TCP is chosen.
    MulticastGroupsEdit *groupsEdit() const { return m_groups; }
    // The relay's target, TLS to it, and what it does to each direction's bytes.
    TargetEdit *relayTargetEdit() const { return m_relayTarget; }
    QCheckBox *relayTlsCheck() const { return m_relayTls; }
    RelayShapingEdit *toTargetShaping() const { return m_toTarget; }
    RelayShapingEdit *toClientShaping() const { return m_toClient; }
    QPushButton *startButton() const { return m_start; }
    // Shown while an all-interfaces address is chosen.
    QLabel *warningLabel() const { return m_warning; }
    // Why Start is disabled, when it is.
    QLabel *problemLabel() const { return m_problem; }
    // The last widget in the tab order, for the panel to continue from.
    QWidget *lastInFocusChain() const;

signals:
    void startRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyColors();
    void updateState();
    // False with *problem when the groups cannot be joined as the form is: a row that does not
    // parse, a loopback address, an IPv6 group on an IPv4 socket.
    bool groupsCanBeJoined(QString *problem) const;
    void choosePemFile(QLineEdit *edit, const QString &title);

    QComboBox *m_transport;
    QComboBox *m_address;
    QSpinBox *m_port;
    QComboBox *m_mode;
    QSpinBox *m_maxClients;
    QSpinBox *m_captureBudget;
    QPushButton *m_start;
    QCheckBox *m_closeAfterReply;
    RequestEditor *m_reply;
    QCheckBox *m_tls;
    QLineEdit *m_certificate;
    QToolButton *m_certificateBrowse;
    QLineEdit *m_key;
    QToolButton *m_keyBrowse;
    SocketOptionsEdit *m_options;
    MulticastGroupsEdit *m_groups;
    TargetEdit *m_relayTarget;
    QCheckBox *m_relayTls;
    RelayShapingEdit *m_toTarget;
    RelayShapingEdit *m_toClient;
    QWidget *m_relayPane;
    QLabel *m_certificateLabel;
    QLabel *m_keyLabel;
    QLabel *m_transportLabel;
    QLabel *m_addressLabel;
    QLabel *m_portLabel;
    QLabel *m_modeLabel;
    QLabel *m_maxClientsLabel;
    QLabel *m_captureBudgetLabel;
    QLabel *m_replyLabel;
    QLabel *m_warningIcon;
    QLabel *m_warning;
    QLabel *m_problem;
};

} // namespace SocketLab
