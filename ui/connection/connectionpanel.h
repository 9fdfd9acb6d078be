#pragma once

#include "connectionsettings.h"
#include "http/curlcommand.h"
#include "http/requesttemplates.h"
#include "widgets/cancelfocus.h"

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace SocketLab {
class StoredSettings;
}
class QSpinBox;
class QToolButton;

namespace SocketLab {

class SocketOptionsEdit;
class TargetEdit;
class TlsOptionsEdit;

// The TCP exchange's target and how to read the reply: host (a pasted URL or curl command fills the
// rest), port or service, address family, TLS and its options, stop rule, timeouts, recv() size,
// size cap, and where the reply goes; Send and Cancel.
// UDP has a form of its own: choosing UDP here, or typing a udp:// target, hands the target to it.
class ConnectionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionPanel(QWidget *parent = nullptr);

    ConnectionSettings settings() const;
    void setTarget(const QString &host, const QString &service);
    void setStopRule(const StopRule &rule);
    // The timeouts and the size cap (kept in whole MiB, rounded up: the form counts in MiB).
    void setLimits(int connectTimeoutMs, int totalTimeoutMs, qint64 maxBytes);
    // The size passed to each recv(), kept within the field's 1 byte to 16 MiB.
    void setRecvSize(qint64 bytes);
    // How TLS is spoken (the settings' tlsServerName, tlsAlpn, tlsMinVersion, tlsCaFile).
    void setTlsOptions(const ConnectionSettings &settings);
    // The options and local address of an exchange sent before, back in the form.
    void setSocketOptions(const QList<SocketOptionSetting> &options, const SocketAddress &localAddress);
    // False with *problem (translated) when the form cannot be sent as it is.
    bool isComplete(QString *problem) const;

    // The editor's validity: Send waits for both the form and the request to be right.
    void setRequestValid(bool valid);
    void setBusy(bool busy);

    void saveState(QSettings &settings) const;
    void restoreState(StoredSettings &settings);

    QPushButton *sendButton() const { return m_send; }
    QPushButton *cancelButton() const { return m_cancel; }
    TargetEdit *targetEdit() const { return m_target; }
    SocketOptionsEdit *socketOptionsEdit() const { return m_options; }
    // Shown while TLS is on.
    TlsOptionsEdit *tlsOptionsEdit() const { return m_tlsOptions; }
    QSpinBox *recvSizeSpin() const { return m_recvSize; }
    // Why Send is disabled, when the reason is not the options' own (which they show in red).
    QLabel *problemLabel() const { return m_problem; }
    QComboBox *transportCombo() const { return m_transport; }
    // What the last curl command left out, or why it could not be read; hidden when there is none.
    QLabel *curlNotesLabel() const { return m_curlNotes; }
    QToolButton *curlDismissButton() const { return m_curlDismiss; }
    QCheckBox *tlsCheck() const { return m_tls; }
    void setTls(bool on);
    // A curl command (a browser's "Copy as cURL"): fills host, port, TLS and the stop rule, emits
    // curlImported for the request, and says under the form what it left out. A command that
    // cannot be read changes nothing and says why; false then.
    bool importCurl(const QString &command);

signals:
    void sendRequested();
    void cancelRequested();
    // A URL was pasted or typed into the host field: host and port are filled from it already.
    void urlEntered(const SocketLab::HttpUrl &url);
    void targetChanged();
    // A curl command was imported: the form holds its target already; the request is for the editor.
    void curlImported(const SocketLab::CurlImport &import);
    // The notes of a curl command (or why it could not be read) came up under the form, or went:
    // the form needs this many more pixels (fewer when negative) to keep the rest as it was.
    void curlNotesResized(int change);
    // The TLS options came or went with TLS, were unfolded or folded, or their problem line changed:
    // the form needs this many more pixels (fewer when negative), as for the curl notes.
    void tlsOptionsResized(int change);
    // UDP was chosen, or a udp:// target typed: the UDP form takes this target. The form stays TCP.
    void udpRequested(const QString &host, const QString &service, SocketLab::IpFamily family);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void convertUrl();
    void handOverToUdp(const QString &host, const QString &service);
    void updateRuleValue();
    void updateRecvSuffix();
    void updateSendState();
    void chooseReplyFile();
    void followTargetWithTls();
    void showCurlNotes();
    int curlNotesHeight() const;
    int tlsOptionsHeight() const;
    void followTlsOptionsHeight();
    QString targetKey() const;

    TargetEdit *m_target;
    QComboBox *m_transport;
    QCheckBox *m_tls;
    QComboBox *m_rule;
    QSpinBox *m_ruleValue;
    QSpinBox *m_connectTimeout;
    QSpinBox *m_totalTimeout;
    QSpinBox *m_maxMiB;
    QSpinBox *m_recvSize;
    QCheckBox *m_toFile;
    QLineEdit *m_replyFile;
    QToolButton *m_browse;
    SocketOptionsEdit *m_options;
    TlsOptionsEdit *m_tlsOptions;
    QPushButton *m_send;
    QPushButton *m_cancel;
    CancelFocus m_cancelFocus;
    QLabel *m_ruleLabel;
    QLabel *m_connectLabel;
    QLabel *m_totalLabel;
    QLabel *m_capLabel;
    QLabel *m_recvLabel;
    QLabel *m_problem;
    QWidget *m_curlBox;
    QLabel *m_curlNotes;
    QToolButton *m_curlDismiss;
    QList<CurlNotice> m_curlNotices;  // of the last import, kept to be shown again in another language
    std::optional<CurlError> m_curlError;
    bool m_curlImported = false;
    bool m_requestValid = true;
    bool m_busy = false;
    int m_tlsOptionsHeight = 0;  // as last told by tlsOptionsResized
    qsizetype m_hostLength = 0;
    bool m_tlsAutomatic = false;  // TLS was turned on by the port, not by the person
    QSet<QString> m_tlsTurnedOff;  // host:port the person turned TLS off for
};

} // namespace SocketLab
