#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QModelIndex;
class QSplitter;
class QTabWidget;
class QTableView;

namespace SocketLab {

class ConversationHttpView;
class ConversationRecord;
class HexView;
class LadderView;
class MessageModel;
class Relay;
class TextView;
class Trace;
class TraceView;

// One relayed connection as a conversation, live: what the client said and what the target
// answered, interleaved in time, in the message list and the ladder of the Conversation tab (the
// client on the left, the target on the right), the bytes of the chosen event in hex and as text,
// the totals each way with what is queued, the socket calls of both legs, and when the bytes are
// HTTP, its requests and responses with their framing (the HTTP tab, which selects them in the hex view). The relay works on
// its threads: refresh() reads the record's new events and the trace, and is all the view costs.
class RelayConnectionView : public QWidget
{
    Q_OBJECT

public:
    enum Tab { HexTab, TextTab, TraceTab, HttpTab };

    explicit RelayConnectionView(QWidget *parent = nullptr);
    ~RelayConnectionView() override;

    // Shows the relay's connection id, or nothing without one. The relay must outlive the view's use of it
    // (the panel calls setConnection(nullptr, {}) before it deletes one); the record and trace shown
    // are kept alive by the view.
    void setConnection(Relay *relay, std::optional<quint64> id);
    std::optional<quint64> connectionId() const { return m_id; }
    std::shared_ptr<const ConversationRecord> record() const { return m_record; }

    // Reads the connection's new events, its counts and its calls.
    void refresh();

    QLabel *statusLabel() const { return m_status; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *selectionLabel() const { return m_selection; }
    MessageModel *messageModel() const { return m_model; }
    QTableView *messageTable() const { return m_table; }
    LadderView *ladderView() const { return m_ladder; }
    QTabWidget *tabs() const { return m_tabs; }
    HexView *hexView() const { return m_hex; }
    TextView *textView() const { return m_text; }
    TraceView *traceView() const { return m_trace; }
    ConversationHttpView *httpView() const { return m_http; }

protected:
    void changeEvent(QEvent *event) override;
    // Shown again (the Servers tab chosen back): the calls catch up.
    void showEvent(QShowEvent *event) override;

private:
    void readNewEvents();
    // The calls, read again only when the Socket calls tab shows and there are new ones: a long
    // transfer's trace is thousands of entries, too many to copy and lay out every 30 ms.
    void refreshTrace();
    void selectEvent(int row);
    void onCurrentRowChanged(const QModelIndex &current);
    void displayEvent(int row);
    // Shows a whole direction with the range the HTTP tab chose selected in it.
    void displayHttpRange(bool clientDirection, qint64 offset, qint64 length);
    void updateNames();
    void updateStatus();
    void updateSelectionLabel();
    void fitColumns();
    void applyColors();
    void retranslate();

    QLabel *m_status;
    QLabel *m_totals;
    QSplitter *m_splitter;
    QSplitter *m_top;
    MessageModel *m_model;
    QTableView *m_table;
    LadderView *m_ladder;
    QLabel *m_selection;
    QTabWidget *m_tabs;
    HexView *m_hex;
    TextView *m_text;
    TraceView *m_trace;
    ConversationHttpView *m_http;

    QPointer<Relay> m_relay;
    std::optional<quint64> m_id;
    std::shared_ptr<const ConversationRecord> m_record;
    std::shared_ptr<const Trace> m_traceData;
    qsizetype m_seenEvents = 0;
    int m_shownRow = -1;
    qint64 m_traceCalls = -1;  // the trace's call count when the tab last showed it, -1 for none
    // What the HTTP tab selected, while no event is chosen: offset -1 when nothing is.
    qint64 m_httpOffset = -1;
    qint64 m_httpLength = 0;
    bool m_httpClientDirection = true;
};

} // namespace SocketLab
