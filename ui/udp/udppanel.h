#pragma once

#include "exchange/udpexchange.h"
#include "history/exchangerecord.h"
#include "net/socketaddress.h"
#include "widgets/cancelfocus.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSettings;

namespace SocketLab {
class StoredSettings;
}
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;

namespace SocketLab {

class ByteStore;
class DatagramModel;
class ExchangeRunner;
class HistoryPanel;
class HexView;
class InterfaceCombo;
class RequestEditor;
class SocketOptionOutcomes;
class SocketOptionsEdit;
class TargetEdit;
class TextView;
class TraceView;

// The UDP form: a target (the embedded UDP echo by default), an optional local port, connected or
// not, one datagram typed in the request editor, then the datagrams that come back during a wait
// window or until N have arrived, each shown in hex and as text when chosen, and the socket calls.
//
// The exchange runs on an ExchangeRunner's worker thread: the window never waits, and Cancel ends
// the wait at once. An error (ICMP port unreachable on a connected socket, a name that does not
// resolve) is the result of the exchange, shown as a notice in the panel, never a dialog.
//
// Each exchange that ends goes first in the panel's History (beside the socket calls), which keeps the
// exchanges of the session and, through the window, those of earlier runs: picking one shows its
// datagrams and calls as they were, "Send again" sends it again from the form.
//
// Keys while the focus is in the panel: Ctrl+Return sends the form, F5 or Ctrl+R sends the last
// datagram again, Esc cancels.
class UdpPanel : public QWidget
{
    Q_OBJECT
public:
    // The rows of the multicast loopback box.
    enum MulticastLoopChoice { LoopDefault, LoopOn, LoopOff };

    explicit UdpPanel(QWidget *parent = nullptr);
    ~UdpPanel() override;

    // Fills the target: a host name or address, and a port number or a service name.
    void setTarget(const QString &host, const QString &service);
    // The embedded UDP echo. The form targets it until a person types another target, and the
    // "Built-in echo" button goes back to it.
    void setDefaultTarget(const SocketAddress &address);
    SocketAddress defaultTarget() const { return m_defaultTarget; }

    // The form as a request, valid or not; isComplete() says whether it can be sent.
    UdpRequest request() const;
    // The form filled from a request (a saved one): request() then gives it back.
    void setRequest(const UdpRequest &request);
    // False with *problem (translated) when the form or the payload cannot be sent as they are.
    bool isComplete(QString *problem) const;
    bool isRunning() const;
    // The result of the last exchange that ended; none before the first one.
    const std::optional<UdpResult> &lastResult() const { return m_result; }

    void saveState(QSettings &settings) const;
    void restoreState(StoredSettings &settings);

    TargetEdit *targetEdit() const { return m_target; }
    QToolButton *echoButton() const { return m_echo; }
    QSpinBox *localPortSpin() const { return m_localPort; }
    QCheckBox *connectedCheck() const { return m_connected; }
    QSpinBox *waitSpin() const { return m_wait; }
    QSpinBox *countSpin() const { return m_count; }
    QSpinBox *recvSizeSpin() const { return m_recvSize; }
    // How a datagram to a multicast group leaves: enabled while the target is a numeric group address
    // (224.0.0.0/4, ff00::/8), the settings kept but not applied otherwise.
    // IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS; the minimum, -1, is "system default".
    QSpinBox *multicastHopsSpin() const { return m_hops; }
    // IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP: rows MulticastLoopChoice.
    QComboBox *multicastLoopCombo() const { return m_loop; }
    // IP_MULTICAST_IF / IPV6_MULTICAST_IF: any (the route's) or one of the machine's interfaces.
    InterfaceCombo *multicastInterfaceCombo() const { return m_interface; }
    SocketOptionsEdit *socketOptionsEdit() const { return m_options; }
    // What became of the socket options of the last exchange.
    SocketOptionOutcomes *optionOutcomes() const { return m_outcomes; }
    // Why Send is disabled, when the reason is not the options' own (which they show in red).
    QLabel *problemLabel() const { return m_problem; }
    RequestEditor *requestEditor() const { return m_editor; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *resendButton() const { return m_resend; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTableView *datagramTable() const { return m_table; }
    DatagramModel *datagramModel() const { return m_model; }
    QLabel *selectionLabel() const { return m_selection; }
    QTabWidget *byteTabs() const { return m_tabs; }
    HexView *hexView() const { return m_hex; }
    TextView *textView() const { return m_text; }
    TraceView *traceView() const { return m_trace; }
    // Under the datagrams: the socket calls and the history of the tab's exchanges, one tab each.
    QTabWidget *callsAndHistory() const { return m_callsAndHistory; }
    HistoryPanel *history() const { return m_history; }
    // The exchange whose datagrams the panel shows: the last one, or one picked in the history.
    std::shared_ptr<const ExchangeRecord> shownRecord() const { return m_shownRecord; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *noticeLabel() const { return m_notice; }
    QLabel *detailsLabel() const { return m_details; }

public slots:
    // Sends the form's datagram; false, and nothing happens, if the form is not complete or an
    // exchange is running.
    bool send();
    // Sends the last datagram again, to the same target with the same options, whatever the form
    // says now; the form's datagram if nothing was sent yet.
    bool resend();
    void cancel();
    // Shows datagram `row` (0-based) in the byte views and selects it in the table.
    void showDatagram(int row);
    // Shows a UDP exchange of the history (ExchangeRecord::udp) as it was: its datagrams, their
    // bytes, its calls and how it ended; the form is left as it is. Nothing while one runs.
    void showRecord(std::shared_ptr<const ExchangeRecord> record);
    // Puts a UDP exchange's target, options and datagram in the form.
    void loadRecord(const std::shared_ptr<const ExchangeRecord> &record);

signals:
    void busyChanged(bool busy);
    void finished(const SocketLab::UdpResult &result);
    // An exchange ended and went into the history: the window keeps it between runs.
    void recorded(std::shared_ptr<const SocketLab::ExchangeRecord> record);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool start(const UdpRequest &request);
    void onProgress();
    void onFinished(const UdpResult &result);
    void onCurrentRowChanged(const QModelIndex &current);
    void displayDatagram(int row);
    void applyDefaultTarget();
    void setBusy(bool busy);
    void updateSendState();
    void updateStatus();
    void updateSelectionLabel();
    void updateCountSuffix();
    // The multicast fields follow the target: enabled for a group address only.
    void updateMulticastState();
    bool targetIsMulticast() const;
    // Sizes the table's columns to the font; returns the width that shows them all.
    int fitColumns();
    void applyNoticeColors();
    void retranslate();
    QString noticeText(const UdpResult &result) const;
    QString detailsText(const UdpResult &result, const UdpRequest &request) const;
    void connectHistory();

    std::unique_ptr<ExchangeRunner> m_runner;
    std::shared_ptr<ByteStore> m_store;
    std::optional<UdpRequest> m_lastRequest;
    std::optional<UdpResult> m_result;
    // The bytes of the datagrams shown, and the request they answered: the running exchange's, or
    // those of the exchange picked in the history.
    std::shared_ptr<const ByteSource> m_shownBytes;
    std::optional<UdpRequest> m_shownRequest;
    std::shared_ptr<const ExchangeRecord> m_shownRecord;
    QDateTime m_startedAt;
    QString m_historyId;
    SocketAddress m_defaultTarget;
    bool m_targetIsDefault = false;
    bool m_busy = false;
    int m_shownRow = -1;

    TargetEdit *m_target;
    QToolButton *m_echo;
    QPushButton *m_send;
    QPushButton *m_resend;
    QPushButton *m_cancel;
    CancelFocus m_cancelFocus;
    QLabel *m_localPortLabel;
    QSpinBox *m_localPort;
    QCheckBox *m_connected;
    QLabel *m_waitLabel;
    QSpinBox *m_wait;
    QLabel *m_countLabel;
    QSpinBox *m_count;
    QLabel *m_recvSizeLabel;
    QSpinBox *m_recvSize;
    QLabel *m_multicastLabel;
    QLabel *m_hopsLabel;
    QSpinBox *m_hops;
    QLabel *m_loopLabel;
    QComboBox *m_loop;
    QLabel *m_interfaceLabel;
    InterfaceCombo *m_interface;
    SocketOptionsEdit *m_options;
    QLabel *m_problem;
    QSplitter *m_splitter;
    QGroupBox *m_payloadBox;
    RequestEditor *m_editor;
    QGroupBox *m_datagramBox;
    QLabel *m_status;
    QLabel *m_notice;
    QLabel *m_details;
    SocketOptionOutcomes *m_outcomes;
    DatagramModel *m_model;
    QSplitter *m_results;
    QTableView *m_table;
    QLabel *m_selection;
    QTabWidget *m_tabs;
    HexView *m_hex;
    TextView *m_text;
    QTabWidget *m_callsAndHistory;
    TraceView *m_trace;
    HistoryPanel *m_history;
};

} // namespace SocketLab
