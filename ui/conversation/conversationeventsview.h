#pragma once

#include "conversation/conversationevent.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <memory>

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
class TextView;
class TraceView;

// A conversation's events as the Conversation tab and a relayed connection of the Servers tab show
// them: the message list and the ladder side by side above; below, a line saying what is chosen and
// the tabs of its bytes in hex and as text, the socket calls and the HTTP tab. Choosing an event in
// the list or the ladder chooses it in the other and shows its bytes; a choice of the HTTP tab shows
// the whole direction with that range selected.
//
// Its owner reads the record's new events into it (showNewEvents()), fills the Socket calls tab and
// refreshes the HTTP tab as its conversation goes, may put a pane of its own beside the bytes
// (setSidePane()), and gives the words that differ between the two (setWording()).
class ConversationEventsView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { HexTab, TextTab, TraceTab, HttpTab };

    // The owner's words, in the language shown: given at construction and again when it changes.
    struct Wording
    {
        QString listName;          // the message list's accessible name
        QStringList tabTexts;      // Hex, Text, Socket calls, HTTP: with the owner's mnemonics or none
        QStringList tabToolTips;   // the same order; empty for none
        QString chooseEvent;       // "Choose a message to see its bytes.", while rows are there and none is chosen
        // What the HTTP tab selected, in the bytes sent (by this end, or a relay's client) or
        // received: %1 and %2 are the first and the last offset.
        QString sentRange;
        QString receivedRange;
        QStringList directionSamples;  // the widest texts the Direction column shows, for its width
    };

    explicit ConversationEventsView(QWidget *parent = nullptr);
    ~ConversationEventsView() override;

    void setWording(const Wording &wording);
    // Puts the owner's pane on the left of the bytes, in a splitter with them.
    void setSidePane(QWidget *pane);

    // A new conversation, or none: no rows, no bytes shown, no event read yet; the HTTP tab reads
    // record. The calls tab is the owner's to clear.
    void setRecord(std::shared_ptr<const ConversationRecord> record);
    // Shows the events the record has added since the last call in the list and the ladder, and
    // returns them for the owner's own use. The list follows the newest row while it shows the bottom.
    QList<ConversationEvent> showNewEvents();
    // Shows the bytes of row `row` (an event) and selects it in the list and the ladder.
    void selectEvent(int row);

    // The list and the ladder over the bytes: its owner sets how the height is shared.
    QSplitter *splitter() const { return m_splitter; }
    MessageModel *messageModel() const { return m_model; }
    QTableView *messageTable() const { return m_table; }
    LadderView *ladderView() const { return m_ladder; }
    // Which event, or which range of the HTTP tab, the bytes are.
    QLabel *selectionLabel() const { return m_selection; }
    QTabWidget *tabs() const { return m_tabs; }
    HexView *hexView() const { return m_hex; }
    TextView *textView() const { return m_text; }
    TraceView *traceView() const { return m_trace; }
    ConversationHttpView *httpView() const { return m_http; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void onCurrentRowChanged(const QModelIndex &current);
    void displayEvent(int row);
    // Shows a whole direction with the range the HTTP tab chose selected in it.
    void displayHttpRange(bool sent, qint64 offset, qint64 length);
    void updateSelectionLabel();
    void fitColumns();
    void applyColors();
    void retranslate();

    QSplitter *m_splitter;
    QSplitter *m_top;
    MessageModel *m_model;
    QTableView *m_table;
    LadderView *m_ladder;
    QSplitter *m_bottom;
    QLabel *m_selection;
    QTabWidget *m_tabs;
    HexView *m_hex;
    TextView *m_text;
    TraceView *m_trace;
    ConversationHttpView *m_http;

    Wording m_wording;
    std::shared_ptr<const ConversationRecord> m_record;
    qsizetype m_seenEvents = 0;
    int m_shownRow = -1;
    // What the HTTP tab selected, while no event is chosen: offset -1 when nothing is.
    qint64 m_httpOffset = -1;
    qint64 m_httpLength = 0;
    bool m_httpSent = true;
};

} // namespace SocketLab
