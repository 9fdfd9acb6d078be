#pragma once

#include "conversation/conversationeventsview.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTabWidget;
class QTableView;

namespace SocketLab {

class ConversationRecord;
class Relay;
class Trace;

// One relayed connection as a conversation, live: what the client said and what the target
// answered, interleaved in time, in the message list and the ladder of the Conversation tab (its
// ConversationEventsView; the client on the left, the target on the right), the bytes of the chosen event in hex and as text,
// the totals each way with what is queued, the socket calls of both legs, and when the bytes are
// HTTP, its requests and responses with their framing (the HTTP tab, which selects them in the hex view). The relay works on
// its threads: refresh() reads the record's new events and the trace, and is all the view costs.
class RelayConnectionView : public QWidget
{
    Q_OBJECT

public:
    // The tabs of the bytes: RelayConnectionView::TraceTab is the Socket calls tab.
    using enum ConversationEventsView::Tab;

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
    // The message list, the ladder and the bytes of the chosen event.
    ConversationEventsView *eventsView() const { return m_events; }
    QLabel *selectionLabel() const { return m_events->selectionLabel(); }
    MessageModel *messageModel() const { return m_events->messageModel(); }
    QTableView *messageTable() const { return m_events->messageTable(); }
    LadderView *ladderView() const { return m_events->ladderView(); }
    QTabWidget *tabs() const { return m_events->tabs(); }
    HexView *hexView() const { return m_events->hexView(); }
    TextView *textView() const { return m_events->textView(); }
    TraceView *traceView() const { return m_events->traceView(); }
    ConversationHttpView *httpView() const { return m_events->httpView(); }

protected:
    void changeEvent(QEvent *event) override;
    // Shown again (the Servers tab chosen back): the calls catch up.
    void showEvent(QShowEvent *event) override;

private:
    // The calls, read again only when the Socket calls tab shows and there are new ones: a long
    // transfer's trace is thousands of entries, too many to copy and lay out every 30 ms.
    void refreshTrace();
    void updateNames();
    void updateStatus();
    void retranslate();

    QLabel *m_status;
    QLabel *m_totals;
    ConversationEventsView *m_events;

    QPointer<Relay> m_relay;
    std::optional<quint64> m_id;
    std::shared_ptr<const ConversationRecord> m_record;
    std::shared_ptr<const Trace> m_traceData;
    qint64 m_traceCalls = -1;  // the trace's call count when the tab last showed it, -1 for none
};

} // namespace SocketLab
