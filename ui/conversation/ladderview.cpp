#include "ladderview.h"

#include "conversationcolors.h"
#include "text/errortext.h"
#include "text/socketoptiontext.h"
#include "text/stoptext.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QScrollBar>
#include <QToolTip>

#include <array>
#include <utility>

namespace SocketLab {

namespace {

using Kind = ConversationEvent::Kind;

// The marks of what this end did or suffered, drawn on its lifeline; the others are the peer's.
bool isLocalMark(Kind kind)
{
    return kind == Kind::ShutdownWrite || kind == Kind::ShutdownBoth || kind == Kind::Closed || kind == Kind::Failed;
}

// Where a label goes beside the point it labels.
enum class Side { LeftOf, RightOf, Centred };

} // namespace

LadderView::LadderView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(1);
    // A scroll the view did not make itself is the person's: following the newest event stops when
    // they leave the bottom and starts again when they come back to it.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_scrolling)
            m_follow = value == verticalScrollBar()->maximum();
    });
    updateAccessibleTexts();
    relayout();
}

void LadderView::setLocalAddress(const QString &address)
{
    if (address == m_localAddress)
        return;
    m_localAddress = address;
    relayout();
    viewport()->update();
}

void LadderView::setPeerAddress(const QString &address)
{
    if (address == m_peerAddress)
        return;
    m_peerAddress = address;
    relayout();
    viewport()->update();
}

void LadderView::setEndNames(const QString &local, const QString &peer)
{
    // Set again on every refresh of a live view: only a change lays the picture out again.
    if (local == m_localName && peer == m_peerName)
        return;
    m_localName = local;
    m_peerName = peer;
    relayout();
    viewport()->update();
}

QString LadderView::localName() const
{
    return m_localName.isEmpty() ? tr("SocketLab") : m_localName;
}

QString LadderView::peerName() const
{
    return m_peerName.isEmpty() ? tr("Peer") : m_peerName;
}

void LadderView::appendEvents(const QList<ConversationEvent> &events)
{
    if (events.isEmpty())
        return;
    const qsizetype first = m_events.size();
    const bool firstRowShown = first <= topRow() + pageRows();
    m_events.append(events);
    for (qsizetype i = first; i < m_events.size() && (m_localEnd < 0 || m_peerEnd < 0); ++i) {
        const Kind kind = m_events.at(i).kind;
        // After close() or a failure this end sees nothing more of either; after a reset the peer
        // is gone, while this end's socket stays open until close().
        if (m_localEnd < 0 && (kind == Kind::Closed || kind == Kind::Failed))
            m_localEnd = int(i);
        if (m_peerEnd < 0 && (kind == Kind::Closed || kind == Kind::Failed || kind == Kind::PeerReset))
            m_peerEnd = int(i);
    }
    const int oldTimeWidth = m_geometry.timeWidth;
    relayout();
    updateScrollRange();
    // Appends below the fold while the person reads further up change nothing they see.
    if (m_follow || firstRowShown || m_geometry.timeWidth != oldTimeWidth)
        viewport()->update();
}

void LadderView::setEvents(const QList<ConversationEvent> &events)
{
    clear();
    appendEvents(events);
}

void LadderView::clear()
{
    m_events.clear();
    m_localEnd = -1;
    m_peerEnd = -1;
    m_selected = -1;
    m_follow = true;
    relayout();
    updateScrollRange();
    updateAccessibleTexts();
    viewport()->update();
}

void LadderView::setSelectedIndex(int index)
{
    if (index < -1 || index >= m_events.size())
        index = -1;
    m_selected = index;
    if (index >= 0)
        ensureVisible(index);
    updateAccessibleTexts();
    viewport()->update();
}

int LadderView::topRow() const
{
    return verticalScrollBar()->value();
}

int LadderView::pageRows() const
{
    return qMax(1, (viewport()->height() - m_geometry.headerHeight) / m_geometry.rowHeight);
}

int LadderView::rowTop(int index) const
{
    return m_geometry.headerHeight + (index - topRow()) * m_geometry.rowHeight;
}

qreal LadderView::arrowY(int index) const
{
    const Geometry &g = m_geometry;
    // A whole y: the shafts, 2 and 4 pixels wide, then cover whole rows of pixels and stay crisp.
    return rowTop(index) + g.pad + g.lineHeight + g.lineHeight / 2 + 2;
}

QRect LadderView::eventRect(int index) const
{
    const int top = topRow();
    const int shown = (viewport()->height() - m_geometry.headerHeight + m_geometry.rowHeight - 1) / m_geometry.rowHeight;
    if (index < top || index >= m_events.size() || index >= top + shown)
        return {};
    const Geometry &g = m_geometry;
    return QRect(g.localX - g.lineHeight, rowTop(index), g.peerX - g.localX + 2 * g.lineHeight, g.rowHeight);
}

int LadderView::indexAt(const QPoint &pos) const
{
    const Geometry &g = m_geometry;
    if (pos.y() < g.headerHeight || pos.x() < g.localX - g.lineHeight || pos.x() >= g.peerX + g.lineHeight)
        return -1;
    const qsizetype index = topRow() + (pos.y() - g.headerHeight) / g.rowHeight;
    return index < m_events.size() ? int(index) : -1;
}

bool LadderView::hasGapBefore(int index) const
{
    return index > 0 && m_events.at(index).timeUs - m_events.at(index - 1).timeUs >= GapUs;
}

QString LadderView::timeText(qint64 us) const
{
    return tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', 3));
}

QString LadderView::gapText(qint64 us) const
{
    return tr("+%1 s").arg(QLocale().toString(double(us) / 1e6, 'f', 1));
}

QString LadderView::arrowLabel(const ConversationEvent &event) const
{
    const QString size = dataSize(event.size);
    return event.truncated ? tr("%1, truncated").arg(size) : size;
}

QString LadderView::markLabel(const ConversationEvent &event) const
{
    switch (event.kind) {
    case Kind::Connected: return tr("Connected");
    // The calls by their C names, as the trace writes them: the same in every language.
    // Watched ends (end names set) made no call SocketLab saw: what passed is the FIN itself.
    case Kind::ShutdownWrite: return m_localName.isEmpty() ? QStringLiteral("shutdown(SHUT_WR)") : QStringLiteral("FIN");
    case Kind::ShutdownBoth: return QStringLiteral("shutdown(SHUT_RDWR)");
    case Kind::Closed: return QStringLiteral("close()");
    case Kind::PeerClosed: {
        const QString fin = m_peerName.isEmpty() ? tr("FIN from the peer") : QStringLiteral("FIN");
        return event.closeNotifyMissing ? tr("%1, no close_notify", "a FIN over TLS without the peer's close_notify").arg(fin) : fin;
    }
    case Kind::PeerReset: return m_peerName.isEmpty() ? tr("RST from the peer") : QStringLiteral("RST");
    case Kind::Failed:
        return event.error.isError() ? tr("Failed: %1").arg(ErrorText::inSentence(event.error)) : tr("Failed");
    case Kind::OptionSet:
        return QStringLiteral("%1 = %2").arg(event.option->systemName,
                                             optionValueText(event.option->asked.name, event.option->readBack
                                                                 ? event.option->effective : event.option->asked.value));
    case Kind::Sent:
    case Kind::Received:
        break;
    }
    return {};
}

QString LadderView::eventDescription(int index) const
{
    if (index < 0 || index >= m_events.size())
        return {};
    const ConversationEvent &event = m_events.at(index);
    const QString at = timeText(event.timeUs);
    const QLocale locale;
    QStringList lines;
    switch (event.kind) {
    case Kind::Connected:
        lines << tr("Connected at %1").arg(at);
        break;
    case Kind::Sent:
    case Kind::Received: {
        const bool sent = event.kind == Kind::Sent;
        const QString bytes = byteCount(event.size);
        if (event.peer.isValid()) {
            lines << (sent ? tr("Datagram sent to %1: %2 at %3") : tr("Datagram received from %1: %2 at %3"))
                         .arg(event.peer.toString(), bytes, at);
        } else {
            lines << (sent ? tr("Sent %1 at %2") : tr("Received %1 at %2")).arg(bytes, at);
        }
        if (event.size > 0) {
            lines << (sent ? tr("Bytes %1 to %2 of all that was sent") : tr("Bytes %1 to %2 of all that was received"))
                         .arg(locale.toString(event.offset), locale.toString(event.offset + event.size - 1));
        } else {
            lines << (sent ? tr("No bytes, at offset %1 of all that was sent") : tr("No bytes, at offset %1 of all that was received"))
                         .arg(locale.toString(event.offset));
        }
        if (event.truncated)
            lines << tr("Truncated: the datagram was larger than the receive buffer, and the rest of it is lost");
        break;
    }
    case Kind::ShutdownWrite:
        lines << tr("shutdown(SHUT_WR) at %1: this end sends nothing more (the peer reads the end of the stream) and keeps reading")
                     .arg(at);
        break;
    case Kind::ShutdownBoth:
        lines << tr("shutdown(SHUT_RDWR) at %1: this end neither sends nor reads any more").arg(at);
        break;
    case Kind::Closed:
        lines << tr("close() at %1: the socket is closed").arg(at);
        break;
    case Kind::PeerClosed:
        lines << tr("The peer closed its side at %1 (FIN): recv() returned 0, it sends nothing more").arg(at);
        if (event.closeNotifyMissing)
            lines << describeCloseNotifyMissing();
        break;
    case Kind::PeerReset:
        lines << tr("The peer reset the connection at %1 (RST)").arg(at);
        if (event.error.isError())
            lines << ErrorText::describe(event.error);
        break;
    case Kind::Failed:
        lines << tr("Failed at %1").arg(at);
        if (event.error.isError())
            lines << ErrorText::describe(event.error);
        break;
    case Kind::OptionSet:
        lines << tr("Socket option set at %1").arg(at) << describeOptionOutcome(*event.option);
        break;
    }
    if (event.step >= 0)
        lines << tr("Script line %1").arg(locale.toString(event.step));
    return lines.join(QLatin1Char('\n'));
}

QSize LadderView::minimumSizeHint() const
{
    const Geometry &g = m_geometry;
    const int lane = fontMetrics().averageCharWidth() * 16;
    return {g.timeWidth + lane + 4 * g.lineHeight + verticalScrollBar()->sizeHint().width(),
            g.headerHeight + 3 * g.rowHeight};
}

QSize LadderView::sizeHint() const
{
    const Geometry &g = m_geometry;
    const int lane = fontMetrics().averageCharWidth() * 36;
    return {g.timeWidth + lane + 4 * g.lineHeight + verticalScrollBar()->sizeHint().width(),
            g.headerHeight + 10 * g.rowHeight};
}

void LadderView::relayout()
{
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    Geometry &g = m_geometry;
    g.lineHeight = fm.lineSpacing();
    g.pad = qMax(2, g.lineHeight / 4);
    // A line for the size above the arrow, a line for the arrow and the marks' labels around it.
    g.rowHeight = 2 * g.lineHeight + 2 * g.pad + 4;
    g.headerHeight = 2 * g.lineHeight + 5 * g.pad;

    // Times only grow, and so does their width: the last event's sets the column.
    const qint64 lastUs = m_events.isEmpty() ? 0 : m_events.constLast().timeUs;
    g.timeWidth = qMax(fm.horizontalAdvance(timeText(lastUs)), fm.horizontalAdvance(gapText(lastUs))) + 2 * g.pad;

    const int width = viewport()->width();
    const int maxBox = qMax(4 * g.lineHeight, (width - g.timeWidth) / 2 - 2 * g.pad);
    const auto boxWidth = [&](const QString &title, const QString &address) {
        return qMin(maxBox, qMax(boldFm.horizontalAdvance(title), fm.horizontalAdvance(address)) + 4 * g.pad);
    };
    const int mark = g.lineHeight / 2;
    g.localX = qMax(g.timeWidth + mark + g.pad, g.pad + boxWidth(localName(), m_localAddress) / 2);
    g.peerX = qMax(g.localX + 4 * g.lineHeight, width - qMax(3 * g.pad + boxWidth(peerName(), m_peerAddress) / 2, 2 * g.lineHeight));
}

void LadderView::updateScrollRange()
{
    QScrollBar *bar = verticalScrollBar();
    const int pages = pageRows();
    bar->setPageStep(pages);
    bar->setRange(0, int(qMax<qsizetype>(0, m_events.size() - pages)));
    if (m_follow)
        scrollToBottom();
}

void LadderView::scrollToBottom()
{
    m_scrolling = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_scrolling = false;
}

void LadderView::ensureVisible(int index)
{
    const int top = topRow();
    if (index < top)
        verticalScrollBar()->setValue(index);
    else if (index >= top + pageRows())
        verticalScrollBar()->setValue(index - pageRows() + 1);
}

void LadderView::userSelect(int index)
{
    if (m_events.isEmpty())
        return;
    index = qBound(0, index, int(m_events.size() - 1));
    setSelectedIndex(index);
    emit eventActivated(index);
}

void LadderView::updateAccessibleTexts()
{
    setAccessibleName(tr("Conversation as a sequence diagram"));
    // A screen reader reads the selected event, as the tooltip shows it to the eye.
    setAccessibleDescription(m_selected >= 0
                                 ? eventDescription(m_selected)
                                 : tr("Time runs downward: arrows to the right were sent, arrows to the left were "
                                      "received. Up and Down move from event to event."));
}

void LadderView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
    updateScrollRange();
}

void LadderView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        updateAccessibleTexts();
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        relayout();
        updateScrollRange();
        viewport()->update();
    }
}

bool LadderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = indexAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // Plain text made safe: an error's detail may hold a "<" a tooltip would take for markup.
            QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(eventDescription(index), Qt::WhiteSpaceNormal),
                               viewport(), eventRect(index));
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void LadderView::scrollContentsBy(int, int)
{
    // Rows are painted from topRow(), not moved as pixels.
    viewport()->update();
}

void LadderView::keyPressEvent(QKeyEvent *event)
{
    const int last = int(m_events.size()) - 1;
    const int lastShown = qMin(last, topRow() + pageRows() - 1);
    int target = -2;
    switch (event->key()) {
    case Qt::Key_Up:
        target = m_selected < 0 ? lastShown : m_selected - 1;
        break;
    case Qt::Key_Down:
        target = m_selected < 0 ? topRow() : m_selected + 1;
        break;
    case Qt::Key_PageUp:
        target = (m_selected < 0 ? lastShown : m_selected) - pageRows();
        break;
    case Qt::Key_PageDown:
        target = (m_selected < 0 ? topRow() : m_selected) + pageRows();
        break;
    case Qt::Key_Home:
        target = 0;
        break;
    case Qt::Key_End:
        target = last;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0) {
            emit eventActivated(m_selected);
            return;
        }
        break;
    default:
        break;
    }
    if (target == -2 || last < 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    target = qBound(0, target, last);
    if (target != m_selected)
        userSelect(target);
}

void LadderView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const int index = indexAt(event->position().toPoint());
    if (index >= 0)
        userSelect(index);
}

void LadderView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const ConversationColors colors = ConversationColors::forPalette(pal);
    const Geometry &g = m_geometry;
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const int width = viewport()->width();
    const int height = viewport()->height();
    painter.fillRect(viewport()->rect(), pal.base());

    // The two ends, named.
    const int boxTop = g.pad;
    const int boxHeight = 2 * g.lineHeight + 2 * g.pad;
    const int maxBox = qMax(4 * g.lineHeight, (width - g.timeWidth) / 2 - 2 * g.pad);
    const auto drawEnd = [&](int x, const QString &title, const QString &address) {
        const QString shownAddress = fm.elidedText(address, Qt::ElideMiddle, maxBox - 4 * g.pad);
        const int boxWidth = qMin(maxBox, qMax(QFontMetrics(bold).horizontalAdvance(title), fm.horizontalAdvance(shownAddress))
                                              + 4 * g.pad);
        const QRectF box(x - boxWidth / 2.0, boxTop + 0.5, boxWidth, boxHeight);
        painter.setPen(QPen(colors.line, 1));
        painter.setBrush(pal.alternateBase());
        painter.drawRoundedRect(box, g.pad, g.pad);
        painter.setFont(bold);
        const QRectF inner = box.adjusted(g.pad, g.pad, -g.pad, -g.pad);
        if (shownAddress.isEmpty()) {
            painter.drawText(inner, Qt::AlignCenter, title);
        } else {
            painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), g.lineHeight), Qt::AlignCenter, title);
            painter.setFont(font());
            painter.setPen(colors.dimText);
            painter.drawText(QRectF(inner.left(), inner.top() + g.lineHeight, inner.width(), g.lineHeight),
                             Qt::AlignCenter, shownAddress);
        }
        painter.setFont(font());
    };
    drawEnd(g.localX, localName(), m_localAddress);
    drawEnd(g.peerX, peerName(), m_peerAddress);
    const int lifelineTop = boxTop + boxHeight + 1;

    const int top = topRow();
    if (top > 0) {
        // Rows are hidden above: a rule says the header is not where the diagram begins.
        QColor rule = colors.dimText;
        rule.setAlphaF(0.5f);
        painter.fillRect(QRect(0, g.headerHeight - 1, width, 1), rule);
    }
    const int shown = (height - g.headerHeight + g.rowHeight - 1) / g.rowHeight;
    const int first = top;
    const int last = int(qMin<qsizetype>(m_events.size(), qsizetype(top) + shown));
    m_lastPainted = 0;

    if (m_selected >= first && m_selected < last) {
        QColor highlight = pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
        highlight.setAlphaF(0.25f);
        painter.fillRect(QRect(0, rowTop(m_selected), width, g.rowHeight), highlight);
    }

    // The lifelines: from the boxes down to the event that ended each end, or to the bottom while
    // the conversation goes on; dotted across each gap mark.
    const auto lifelineEnd = [&](int endIndex) -> qreal {
        if (endIndex < 0 || endIndex >= last)
            return height;
        return endIndex < first ? lifelineTop : arrowY(endIndex);
    };
    const std::array<std::pair<int, qreal>, 2> lifelines{
        {{g.localX, lifelineEnd(m_localEnd)}, {g.peerX, lifelineEnd(m_peerEnd)}}};
    const QPen solid(colors.line, 1);
    const QPen dotted(colors.line, 1, Qt::DotLine);
    const auto drawLifelines = [&](qreal from, qreal to, const QPen &pen) {
        // Without antialiasing, a 1-pixel line on a whole x is one crisp column of pixels.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(pen);
        for (const auto &[x, end] : lifelines) {
            if (from < qMin(to, end))
                painter.drawLine(QPointF(x, from), QPointF(x, qMin(to, end)));
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
    };
    qreal lifelineFrom = lifelineTop;
    for (int i = first; i < last; ++i) {
        if (!hasGapBefore(i))
            continue;
        const qreal gapTop = rowTop(i);
        const qreal gapBottom = gapTop + g.pad + g.lineHeight;
        drawLifelines(lifelineFrom, gapTop, solid);
        drawLifelines(gapTop, gapBottom, dotted);
        lifelineFrom = gapBottom;
        // The break mark of a chart's axis, "//" across each lifeline: time was left out here.
        const qreal middle = (gapTop + gapBottom) / 2;
        const qreal half = g.lineHeight * 0.3;
        painter.setPen(QPen(colors.line, 1.25));
        for (const auto &[x, end] : lifelines) {
            if (middle >= end)
                continue;
            for (const qreal dy : {-2.5, 2.5})
                painter.drawLine(QPointF(x - half, middle + dy + half / 2), QPointF(x + half, middle + dy - half / 2));
        }
    }
    drawLifelines(lifelineFrom, height, solid);

    if (m_events.isEmpty()) {
        painter.setPen(colors.dimText);
        painter.drawText(QRect(g.localX, g.headerHeight, g.peerX - g.localX, height - g.headerHeight),
                         Qt::AlignCenter | Qt::TextWordWrap, tr("Nothing sent or received yet"));
        return;
    }

    const qreal mark = g.lineHeight * 0.35;
    const qreal headLength = g.lineHeight * 0.7;
    const qreal headHalf = g.lineHeight * 0.3;
    const int lane = g.peerX - g.localX;
    // A label in a rounded frame, centred on y, left of or right of x or centred on it.
    const auto drawPill = [&](qreal x, qreal y, Side side, const QString &text, const QColor &color, int maxWidth) {
        const QString shownText = fm.elidedText(text, Qt::ElideRight, maxWidth - 2 * g.pad);
        const qreal w = fm.horizontalAdvance(shownText) + 2 * g.pad;
        const qreal left = side == Side::LeftOf ? x - w : side == Side::RightOf ? x : x - w / 2;
        const QRectF pill(left, y - g.lineHeight / 2.0 - 1, w, g.lineHeight + 2);
        painter.setPen(QPen(color, 1));
        painter.setBrush(pal.base());
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter.drawText(pill, Qt::AlignCenter, shownText);
    };
    const auto drawBar = [&](qreal x, qreal y, const QColor &color) {
        painter.setPen(QPen(color, 3, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(x - mark, y), QPointF(x + mark, y));
    };
    const auto drawCross = [&](qreal x, qreal y, const QColor &color) {
        painter.setPen(QPen(color, 2.5, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(x - mark, y - mark), QPointF(x + mark, y + mark));
        painter.drawLine(QPointF(x - mark, y + mark), QPointF(x + mark, y - mark));
    };

    for (int i = first; i < last; ++i) {
        const ConversationEvent &event = m_events.at(i);
        const int rowY = rowTop(i);
        const qreal y = arrowY(i);
        const bool selected = i == m_selected;
        ++m_lastPainted;

        painter.setPen(colors.dimText);
        painter.drawText(QRectF(g.pad, y - g.lineHeight / 2.0, g.timeWidth - 2 * g.pad, g.lineHeight),
                         Qt::AlignRight | Qt::AlignVCenter, timeText(event.timeUs));
        if (hasGapBefore(i)) {
            QFont italic = font();
            italic.setItalic(true);
            painter.setFont(italic);
            painter.drawText(QRectF(g.pad, rowY + g.pad, g.timeWidth - 2 * g.pad, g.lineHeight),
                             Qt::AlignRight | Qt::AlignVCenter, gapText(event.timeUs - m_events.at(i - 1).timeUs));
            painter.setFont(font());
        }

        switch (event.kind) {
        case Kind::Sent:
        case Kind::Received: {
            const bool sent = event.kind == Kind::Sent;
            const QColor color = sent ? colors.sent : colors.received;
            // The tip touches the receiving lifeline; the shaft stops where the head begins.
            const qreal from = sent ? g.localX : g.peerX;
            const qreal to = sent ? g.peerX : g.localX;
            const qreal direction = sent ? 1 : -1;
            painter.setPen(QPen(color, selected ? 4 : 2, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(from, y), QPointF(to - direction * headLength, y));
            QPainterPath head;
            head.moveTo(to, y);
            head.lineTo(to - direction * headLength, y - headHalf);
            head.lineTo(to - direction * headLength, y + headHalf);
            head.closeSubpath();
            painter.fillPath(head, color);
            painter.setPen(color);
            const QRectF label(g.localX + headLength, rowY + g.pad, lane - 2 * headLength, g.lineHeight);
            painter.drawText(label, Qt::AlignCenter,
                             fm.elidedText(arrowLabel(event), Qt::ElideRight, int(label.width())));
            break;
        }
        case Kind::OptionSet: {
            // On this end's lifeline: the option is this socket's, the peer sees no packet for it.
            const QColor color = event.option->error.isError() ? colors.error : colors.line;
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(QPointF(g.localX, y), mark * 0.5, mark * 0.5);
            drawPill(g.localX + mark + g.pad, y, Side::RightOf, markLabel(event), color, lane - int(mark) - 2 * g.pad);
            break;
        }
        case Kind::Connected: {
            painter.setPen(QPen(colors.line, 1, Qt::DashLine));
            painter.drawLine(QPointF(g.localX, y), QPointF(g.peerX, y));
            painter.setPen(Qt::NoPen);
            painter.setBrush(colors.line);
            painter.drawEllipse(QPointF(g.localX, y), mark * 0.7, mark * 0.7);
            painter.drawEllipse(QPointF(g.peerX, y), mark * 0.7, mark * 0.7);
            drawPill((g.localX + g.peerX) / 2.0, y, Side::Centred, markLabel(event), colors.line, lane - 2 * g.pad);
            break;
        }
        case Kind::ShutdownWrite:
        case Kind::ShutdownBoth:
        case Kind::Closed:
        case Kind::PeerClosed:
        case Kind::PeerReset:
        case Kind::Failed: {
            const bool local = isLocalMark(event.kind);
            const qreal x = local ? g.localX : g.peerX;
            const QColor color = event.kind == Kind::PeerReset || event.kind == Kind::Failed ? colors.error : colors.line;
            // One direction ended: a bar; both: two; the socket gone: a cross, where its lifeline stops.
            if (event.kind == Kind::ShutdownWrite || event.kind == Kind::PeerClosed) {
                drawBar(x, y, color);
            } else if (event.kind == Kind::ShutdownBoth) {
                drawBar(x, y - 3, color);
                drawBar(x, y + 3, color);
            } else {
                drawCross(x, y, color);
            }
            const int room = lane - int(mark) - 2 * g.pad;
            if (local)
                drawPill(x + mark + g.pad, y, Side::RightOf, markLabel(event), color, room);
            else
                drawPill(x - mark - g.pad, y, Side::LeftOf, markLabel(event), color, room);
            break;
        }
        }
    }
}

} // namespace SocketLab
