#pragma once

#include "conversation/conversationevent.h"
#include "conversation/conversationeventlist.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QString>

namespace SocketLab {

// A conversation as a time-sequence ("ladder") diagram: this end on the left, the peer on the
// right, each a vertical lifeline; one arrow per send (to the right) and per recv() or datagram
// (to the left) with its size and its time; the calls that end a direction or the connection
// (shutdown(), close(), the peer's FIN or RST) as labelled marks on the lifeline they happened on.
//
// Time runs downward but not to scale: each event gets one row, the same height for all, and its
// time is written beside it. To scale, a 10 s silence between two messages 1 ms apart would be a
// screen of empty lifelines with the two arrows drawn on top of each other; a large jump is shown
// instead by a gap mark (dotted lifelines and "+10.0 s").
//
// Built for conversations that keep talking: events are appended in batches, each append costs
// O(1) amortized whatever the length, and a paint draws only the rows in view, so 100 000 events
// scroll like 10. The view follows the newest event unless the person scrolled up to read.
class LadderView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // From this silence on, an event's row gets a gap mark.
    static constexpr qint64 GapUs = 1'000'000;

    explicit LadderView(QWidget *parent = nullptr);

    // The address (or any words) shown under each end's name, "127.0.0.1:54321" and "127.0.0.1:7".
    void setLocalAddress(const QString &address);
    void setPeerAddress(const QString &address);
    QString localAddress() const { return m_localAddress; }
    QString peerAddress() const { return m_peerAddress; }
    // The names over the two ends, for a conversation SocketLab watches rather than holds (a relay's
    // client and target): the marks of a FIN or RST then say "FIN" or "RST" on the lifeline of the
    // end that sent it. Empty: "SocketLab" and "Peer", in the language shown.
    void setEndNames(const QString &local, const QString &peer);
    QString localName() const;
    QString peerName() const;

    // Events in time order, as the conversation reports them. The selection stays where it is.
    void appendEvents(const QList<ConversationEvent> &events);
    // Replaces everything: no selection, following the newest again.
    void setEvents(const QList<ConversationEvent> &events);
    void clear();
    qsizetype eventCount() const { return m_events.size(); }
    const ConversationEvent &eventAt(qsizetype index) const { return m_events.at(index); }

    // -1 when nothing is selected. setSelectedIndex() scrolls to it and emits nothing.
    int selectedIndex() const { return m_selected; }
    void setSelectedIndex(int index);

    // The area of event index's row between and around the two lifelines, in viewport coordinates:
    // what a click selects it by. Empty when the row is scrolled out of view.
    QRect eventRect(int index) const;
    // The event whose row holds pos (viewport coordinates), or -1.
    int indexAt(const QPoint &pos) const;
    // What the tooltip says of an event, as plain text: direction, size, time, offsets; for a
    // datagram its peer and whether it was truncated.
    QString eventDescription(int index) const;

    // True while new events scroll the view down to them: until the person scrolls up, again once
    // they scroll back to the bottom.
    bool isFollowingNewest() const { return m_follow; }
    // The first row in view.
    int topRow() const;
    // How many rows the viewport shows whole.
    int pageRows() const;
    // How many events the last paint drew: bounded by the rows in view, not by eventCount(), which
    // the tests check.
    int lastPaintedEventCount() const { return m_lastPainted; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    // The person selected the event (click, Up/Down, Return): its owner shows its bytes, when it
    // carries some (ConversationEvent::carriesBytes()).
    void eventActivated(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    // Every size follows the font, so the diagram scales with it.
    struct Geometry
    {
        int pad = 4;          // around texts and inside the header
        int lineHeight = 16;  // one line of text
        int rowHeight = 40;
        int headerHeight = 48;
        int timeWidth = 80;   // the column of times on the left
        int localX = 100;     // the lifelines
        int peerX = 300;
    };

    void relayout();
    void updateScrollRange();
    void scrollToBottom();
    void ensureVisible(int index);
    void userSelect(int index);
    // The accessible name, and a description that reads the selected event.
    void updateAccessibleTexts();

    int rowTop(int index) const;
    qreal arrowY(int index) const;
    QString timeText(qint64 us) const;
    // "+2.3 s": the silence before an event with a gap mark.
    QString gapText(qint64 us) const;
    QString arrowLabel(const ConversationEvent &event) const;
    QString markLabel(const ConversationEvent &event) const;
    bool hasGapBefore(int index) const;

    ConversationEventList m_events;
    QString m_localAddress;
    QString m_peerAddress;
    QString m_localName;
    QString m_peerName;
    Geometry m_geometry;
    // The event where each end's lifeline stops (close(), a failure; for the peer also its reset), or -1.
    int m_localEnd = -1;
    int m_peerEnd = -1;
    int m_selected = -1;
    bool m_follow = true;
    bool m_scrolling = false;  // the view itself moves the scroll bar: not the person scrolling up
    int m_lastPainted = 0;
};

} // namespace SocketLab
