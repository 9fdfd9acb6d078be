#include "hexview.h"

#include "bytecolors.h"

#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHelpEvent>
#include <QApplication>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <climits>
#include <cmath>

namespace SocketLab {

namespace {

constexpr char HexDigits[] = "0123456789abcdef";
constexpr int GroupBytes = 8;
// A group of 8 in characters: each byte as two digits and a space, and one more space after it.
constexpr int GroupChars = GroupBytes * 3 + 1;
constexpr int TextColumnGap = 2;
const QString BytesPerRowKey = QStringLiteral("hexView/bytesPerRow");

int hexCharIndex(int column)
{
    return column * 3 + column / GroupBytes;
}

// The hex column of a row of n bytes in characters: no space after the last byte or group.
int hexColumnChars(int bytes)
{
    return hexCharIndex(bytes - 1) + 2;
}

int validBytesPerRow(int bytes)
{
    return bytes > 0 && bytes % GroupBytes == 0 && bytes <= HexView::MaxBytesPerRow ? bytes : 0;
}

bool isPrintableAscii(char c)
{
    return c >= 0x20 && c < 0x7f;
}

struct GlyphBatch
{
    QList<quint32> glyphs;
    QList<QPointF> positions;
    void reserve(int n)
    {
        glyphs.reserve(n);
        positions.reserve(n);
    }
};

} // namespace

HexView::HexView(QWidget *parent)
    : ByteViewBase(parent)
    , m_fixedBytesPerRow(validBytesPerRow(QSettings().value(BytesPerRowKey, 0).toInt()))
{
    if (m_fixedBytesPerRow > 0)
        m_bytesPerRow = m_fixedBytesPerRow;
    retranslate();
    updateFontMetrics();
    updateLayout();
}

void HexView::retranslate()
{
    setAccessibleName(tr("Reply bytes in hexadecimal"));
    setAccessibleDescription(tr("Offset, a row of bytes in hexadecimal, and the same bytes as ASCII, one row at a time"));
}

void HexView::setSegments(const QList<Segment> &segments)
{
    m_segments = segments;
    viewport()->update();
}

void HexView::setMessageEnd(qint64 offset)
{
    m_messageEnd = offset;
    viewport()->update();
}

void HexView::scrollToOffset(qint64 offset)
{
    setTopRow(offset / m_bytesPerRow);
}

void HexView::setSegmentLabel(const QString &label)
{
    m_segmentLabel = label;
}

QString HexView::segmentDescription(qint64 offset) const
{
    // Segments tile the bytes in order; empty ones (a 0-byte datagram) hold no byte.
    const auto after = std::upper_bound(m_segments.cbegin(), m_segments.cend(), offset,
                                        [](qint64 value, const Segment &s) { return value < s.offset; });
    if (after == m_segments.cbegin())
        return {};
    const auto segment = after - 1;
    if (offset >= segment->offset + segment->length)
        return {};
    const QString label = m_segmentLabel.isEmpty() ? tr("recv") : m_segmentLabel;
    const QLocale locale;
    // One recv() or datagram never holds more than an int's worth of bytes.
    const int bytes = int(qMin<qint64>(segment->length, INT_MAX));
    return tr("%1 #%2: %Ln byte(s) at %3 ms, offset 0x%4", nullptr, bytes)
        .arg(label, locale.toString(qint64(segment - m_segments.cbegin()) + 1),
             locale.toString(double(segment->timeUs) / 1000.0, 'f', 3), QString::number(segment->offset, 16));
}

int HexView::neededDigits() const
{
    int digits = 1;
    for (quint64 v = quint64(qMax<qint64>(0, size() - 1)) >> 4; v != 0; v >>= 4)
        ++digits;
    return qMax(8, (digits + 1) / 2 * 2);
}

qreal HexView::hexX(int column) const
{
    return (1 + m_digits + 2 + hexCharIndex(column)) * m_charWidth;
}

qreal HexView::textX(int column) const
{
    return hexX(0) + (hexColumnChars(m_bytesPerRow) + TextColumnGap + column) * m_charWidth;
}

int HexView::widthForBytesPerRow(int bytes) const
{
    const int chars = 1 + m_digits + 2 + hexColumnChars(bytes) + TextColumnGap + bytes + 1;
    return qCeil(chars * m_charWidth) + 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
}

int HexView::fittingBytesPerRow() const
{
    const int available = viewport()->width();
    const int chrome = 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
    int bytes = GroupBytes;
    while (bytes + GroupBytes <= MaxBytesPerRow && widthForBytesPerRow(bytes + GroupBytes) - chrome <= available)
        bytes += GroupBytes;
    return bytes;
}

void HexView::setFixedBytesPerRow(int bytes)
{
    m_fixedBytesPerRow = validBytesPerRow(bytes);
    updateLayout();
    viewport()->update();
}

void HexView::addViewActions(QMenu &menu)
{
    menu.addSeparator();
    QMenu *rows = menu.addMenu(tr("&Bytes per Row"));
    const auto choose = [](int bytes) {
        // One choice for every hex view of the window, kept for the next session.
        QSettings().setValue(BytesPerRowKey, bytes);
        for (QWidget *widget : QApplication::allWidgets()) {
            if (auto *view = qobject_cast<HexView *>(widget))
                view->setFixedBytesPerRow(bytes);
        }
    };
    QAction *fit = rows->addAction(tr("As Many as &Fit"), this, [choose] { choose(0); });
    fit->setCheckable(true);
    fit->setChecked(m_fixedBytesPerRow == 0);
    rows->addSeparator();
    for (int bytes = GroupBytes; bytes <= MaxBytesPerRow; bytes += GroupBytes) {
        QAction *action = rows->addAction(QLocale().toString(bytes), this, [choose, bytes] { choose(bytes); });
        action->setCheckable(true);
        action->setChecked(m_fixedBytesPerRow == bytes);
    }
}

QRectF HexView::hexRun(int from, int to, qreal y) const
{
    // Half a character of padding each side, so a run of selected bytes reads as one band.
    const qreal left = hexX(from) - m_charWidth / 2;
    const qreal right = hexX(to - 1) + m_charWidth * 2.5;
    return {left, y, right - left, qreal(m_rowHeight)};
}

QRectF HexView::textRun(int from, int to, qreal y) const
{
    return {textX(from), y, (to - from) * m_charWidth, qreal(m_rowHeight)};
}

void HexView::updateFontMetrics()
{
    const QFontMetricsF metrics(font(), viewport());
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    m_ascent = metrics.ascent();
    m_rawFont = QRawFont::fromFont(font());
    QString ascii;
    for (char c = 0; c < 0x7f; ++c)
        ascii.append(QLatin1Char(isPrintableAscii(c) ? c : ' '));
    const QList<quint32> glyphs = m_rawFont.glyphIndexesForString(ascii);
    for (int c = 0; c < 0x80; ++c)
        m_glyphs[size_t(c)] = glyphs.value(c);
    m_rowHeight = qMax(1, qCeil(metrics.height()));
}

void HexView::updateLayout()
{
    m_digits = neededDigits();
    const int bytesPerRow = m_fixedBytesPerRow > 0 ? m_fixedBytesPerRow : fittingBytesPerRow();
    if (bytesPerRow != m_bytesPerRow) {
        // The first byte shown stays in view: the rows are cut anew around it.
        const qint64 first = firstVisibleOffset();
        m_bytesPerRow = bytesPerRow;
        setRowRange((size() + m_bytesPerRow - 1) / m_bytesPerRow, qMax(1, viewport()->height() / m_rowHeight));
        setTopRow(first / m_bytesPerRow);
        viewport()->update();
    }

    const int width = qCeil(textX(m_bytesPerRow) + m_charWidth);
    QScrollBar *bar = horizontalScrollBar();
    bar->setRange(0, qMax(0, width - viewport()->width()));
    bar->setPageStep(viewport()->width());
    bar->setSingleStep(qCeil(m_charWidth));

    setRowRange((size() + m_bytesPerRow - 1) / m_bytesPerRow, qMax(1, viewport()->height() / m_rowHeight));
}

void HexView::sourceReset()
{
    m_drag = Drag::None;
    updateLayout();
}

void HexView::sourceGrew(qint64 oldSize)
{
    const int digits = m_digits;
    updateLayout();
    if (m_digits != digits) {
        viewport()->update();
        return;
    }
    // Bytes appended below the last visible row change nothing on screen. The row before the old
    // end is included: a caret drawn after a full last row moves to the row the new bytes start.
    const qint64 firstChangedRow = qMax<qint64>(0, oldSize - 1) / m_bytesPerRow;
    const qint64 rowsShown = viewport()->height() / m_rowHeight + 1;
    if (firstChangedRow >= topRow() + rowsShown)
        return;
    const int y = int(qMax<qint64>(0, firstChangedRow - topRow()) * m_rowHeight);
    viewport()->update(0, y, viewport()->width(), viewport()->height() - y);
}

std::pair<qint64, int> HexView::caretCell(qint64 position) const
{
    if (position > 0 && position == size() && position % m_bytesPerRow == 0)
        return {position / m_bytesPerRow - 1, m_bytesPerRow};
    return {position / m_bytesPerRow, int(position % m_bytesPerRow)};
}

void HexView::ensureCursorVisible()
{
    // While dragging, the byte under the mouse is already in view; the caret just past it need not be.
    if (m_drag != Drag::None)
        return;
    const auto [row, column] = caretCell(cursorPosition());
    ensureRowVisible(row);
    if (m_activeColumn == Column::Hex) {
        const QRectF cell = column < m_bytesPerRow ? hexRun(column, column + 1, 0) : hexRun(m_bytesPerRow - 1, m_bytesPerRow, 0);
        ensureXVisible(cell.left(), cell.right());
    } else {
        ensureXVisible(textX(qMin(column, m_bytesPerRow - 1)), textX(qMin(column + 1, m_bytesPerRow)));
    }
}

qint64 HexView::offsetAt(const QPoint &pos, Column *column) const
{
    return hitTest(pos, false, column);
}

qint64 HexView::hitTest(QPoint pos, bool clamp, Column *column) const
{
    if (size() == 0)
        return -1;
    int y = pos.y();
    if (clamp)
        y = qBound(0, y, qMax(0, viewport()->height() - 1));
    if (y < 0)
        return -1;
    const qreal x = pos.x() + horizontalScrollBar()->value();
    const qreal boundary = (hexRun(m_bytesPerRow - 1, m_bytesPerRow, 0).right() + textX(0)) / 2;
    const Column hit = x < boundary ? Column::Hex : Column::Text;
    int index;
    if (hit == Column::Hex) {
        const qreal chars = (x - hexX(0)) / m_charWidth;
        if (!clamp && (chars < -0.5 || chars >= hexColumnChars(m_bytesPerRow) + 0.5))
            return -1;
        // Each byte owns its two digits and half of the space on either side; the middle of the
        // wider gap between two groups of 8 splits it between their bytes.
        const int group = qBound(0, int(std::floor((chars + 1) / GroupChars)), m_bytesPerRow / GroupBytes - 1);
        const qreal inGroup = chars - group * GroupChars;
        index = group * GroupBytes + qBound(0, int(std::floor((inGroup + 0.5) / 3)), GroupBytes - 1);
    } else {
        const qreal chars = (x - textX(0)) / m_charWidth;
        if (!clamp && (chars < 0 || chars >= m_bytesPerRow))
            return -1;
        index = qBound(0, int(std::floor(chars)), m_bytesPerRow - 1);
    }
    qint64 offset = (topRow() + y / m_rowHeight) * m_bytesPerRow + index;
    if (offset >= size()) {
        if (!clamp)
            return -1;
        offset = size() - 1;
    }
    if (column)
        *column = hit;
    return offset;
}

QRect HexView::byteRect(qint64 offset, Column column) const
{
    if (offset < 0 || offset >= size())
        return {};
    const qint64 row = offset / m_bytesPerRow;
    if (row < topRow() || row > topRow() + viewport()->height() / m_rowHeight)
        return {};
    const int index = int(offset % m_bytesPerRow);
    const qreal y = qreal((row - topRow()) * m_rowHeight);
    const QRectF cell = column == Column::Hex ? hexRun(index, index + 1, y) : textRun(index, index + 1, y);
    return cell.translated(-horizontalScrollBar()->value(), 0).toRect();
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    painter.translate(-horizontalScrollBar()->value(), 0);

    const qreal dpr = viewport()->devicePixelRatioF();
    const auto snap = [dpr](qreal x) { return std::round(x * dpr) / dpr; };
    const QColor dim = ByteColors::dimTextColor(pal);
    const qreal height = viewport()->height();

    QColor separator = dim;
    separator.setAlphaF(0.35f);
    const qreal separatorX = snap((hexRun(m_bytesPerRow - 1, m_bytesPerRow, 0).right() + textX(0)) / 2);
    painter.fillRect(QRectF(separatorX, 0, 1, height), separator);

    const std::shared_ptr<const ByteSource> src = source();
    if (!src || size() == 0)
        return;

    const qint64 top = topRow();
    const qint64 rowsShown = qMin<qint64>(rowCount() - top, viewport()->height() / m_rowHeight + 1);
    const qint64 from = top * m_bytesPerRow;
    const QByteArray bytes = src->read(from, qMin(size(), (top + rowsShown) * m_bytesPerRow) - from);
    const qint64 end = from + bytes.size();
    const auto rowY = [&](qint64 row) { return qreal((row - top) * m_rowHeight); };

    const auto fillBytes = [&](qint64 a, qint64 b, const QBrush &brush) {
        for (qint64 row = a / m_bytesPerRow; row * m_bytesPerRow < b; ++row) {
            const int first = int(qMax(a, row * m_bytesPerRow) - row * m_bytesPerRow);
            const int last = int(qMin(b, (row + 1) * m_bytesPerRow) - row * m_bytesPerRow);
            painter.fillRect(hexRun(first, last, rowY(row)), brush);
            painter.fillRect(textRun(first, last, rowY(row)), brush);
        }
    };

    const auto [firstMark, lastMark] = marksIn(from, end);
    for (qsizetype i = firstMark; i < lastMark; ++i) {
        const HttpMark &mark = marks().at(i);
        const qint64 a = qMax(from, mark.range.offset);
        const qint64 b = qMin(end, mark.range.end());
        if (a < b)
            fillBytes(a, b, ByteColors::partColor(mark.part, pal));
    }

    // Bytes past the message's end are hatched: they came on the same connection but belong to no reply.
    const QColor endColor = ByteColors::messageEndColor(pal);
    if (m_messageEnd >= 0 && m_messageEnd < end)
        fillBytes(qMax(from, m_messageEnd), end, QBrush(endColor, Qt::BDiagPattern));

    const QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    const qint64 selA = qMax(from, selectionStart());
    const qint64 selB = qMin(end, selectionStart() + selectionLength());
    if (selA < selB)
        fillBytes(selA, selB, pal.brush(group, QPalette::Highlight));

    // Every character is placed by hand in its cell, as one glyph run per colour for the whole
    // viewport: no text layout or shaping per row, which is most of what drawText() costs.
    GlyphBatch offsets;
    GlyphBatch plain;
    GlyphBatch selected;
    offsets.reserve(int(rowsShown) * m_digits);
    plain.reserve(int(rowsShown) * m_bytesPerRow * 3);
    const auto put = [this](GlyphBatch &batch, char c, qreal x, qreal baseline) {
        batch.glyphs.append(m_glyphs[uchar(c) & 0x7f]);
        batch.positions.append(QPointF(x, baseline));
    };
    char offsetText[17];
    for (qint64 row = top; row < top + rowsShown; ++row) {
        const qint64 rowStart = row * m_bytesPerRow;
        const int count = int(qMin<qint64>(m_bytesPerRow, end - rowStart));
        if (count <= 0)
            break;
        const qreal baseline = rowY(row) + m_ascent;
        quint64 value = quint64(rowStart);
        for (int d = m_digits - 1; d >= 0; --d, value >>= 4)
            offsetText[d] = HexDigits[value & 0xf];
        for (int d = 0; d < m_digits; ++d)
            put(offsets, offsetText[d], (1 + d) * m_charWidth, baseline);
        for (int i = 0; i < count; ++i) {
            const qint64 offset = rowStart + i;
            const char c = bytes.at(offset - from);
            const uchar b = uchar(c);
            GlyphBatch &batch = offset >= selA && offset < selB ? selected : plain;
            put(batch, HexDigits[b >> 4], hexX(i), baseline);
            put(batch, HexDigits[b & 0xf], hexX(i) + m_charWidth, baseline);
            put(batch, isPrintableAscii(c) ? c : '.', textX(i), baseline);
        }
    }
    const auto draw = [&](const GlyphBatch &batch, const QColor &colour) {
        if (batch.glyphs.isEmpty())
            return;
        QGlyphRun run;
        run.setRawFont(m_rawFont);
        run.setGlyphIndexes(batch.glyphs);
        run.setPositions(batch.positions);
        painter.setPen(colour);
        painter.drawGlyphRun(QPointF(0, 0), run);
    };
    draw(offsets, dim);
    draw(plain, pal.color(QPalette::Text));
    draw(selected, pal.color(group, QPalette::HighlightedText));

    // recv() boundaries: a rule at the left edge of the first byte of each segment but the first.
    const QColor boundary = ByteColors::boundaryColor(pal);
    const qreal ruleWidth = qMax<qreal>(1.0, std::round(m_charWidth / 4));
    const auto firstSegment = std::partition_point(m_segments.cbegin(), m_segments.cend(),
                                                   [from](const Segment &s) { return s.offset < from; });
    for (auto s = firstSegment; s != m_segments.cend() && s->offset < end; ++s) {
        if (s->offset == 0)
            continue;
        const qint64 row = s->offset / m_bytesPerRow;
        const int index = int(s->offset % m_bytesPerRow);
        const qreal y = rowY(row);
        painter.fillRect(QRectF(snap(hexX(index) - m_charWidth / 2) - ruleWidth / 2, y, ruleWidth, m_rowHeight), boundary);
        painter.fillRect(QRectF(snap(textX(index)) - ruleWidth / 2, y, ruleWidth, m_rowHeight), boundary);
    }

    if (m_messageEnd >= from && m_messageEnd <= end && m_messageEnd > 0) {
        // A rule twice as wide as a recv() boundary, after the message's last byte.
        const qint64 row = (m_messageEnd - 1) / m_bytesPerRow;
        const int index = int((m_messageEnd - 1) % m_bytesPerRow) + 1;
        const qreal y = rowY(row);
        const qreal hexRight = index < m_bytesPerRow ? hexX(index) - m_charWidth / 2 : hexRun(index - 1, index, 0).right();
        painter.fillRect(QRectF(snap(hexRight) - ruleWidth, y, ruleWidth * 2, m_rowHeight), endColor);
        painter.fillRect(QRectF(snap(textX(index)) - ruleWidth, y, ruleWidth * 2, m_rowHeight), endColor);
    }

    const auto [caretRow, caretColumn] = caretCell(cursorPosition());
    if (caretRow >= top && caretRow < top + rowsShown) {
        const qreal y = rowY(caretRow);
        const QColor strong = hasFocus() ? pal.color(QPalette::Text) : dim;
        const QPen hexPen(m_activeColumn == Column::Hex ? strong : dim, 0);
        const QPen textPen(m_activeColumn == Column::Text ? strong : dim, 0);
        painter.setBrush(Qt::NoBrush);
        if (caretColumn < m_bytesPerRow) {
            // A frame around the byte the caret is before: the usual hex-editor caret, and it leaves
            // the boundary rule at the cell's left edge visible.
            const QRectF hexCell(hexX(caretColumn) - m_charWidth / 4, y, m_charWidth * 2.5, m_rowHeight);
            const QRectF textCell(textX(caretColumn), y, m_charWidth, m_rowHeight);
            painter.setPen(hexPen);
            painter.drawRect(hexCell.toAlignedRect().adjusted(0, 0, -1, -1));
            painter.setPen(textPen);
            painter.drawRect(textCell.toAlignedRect().adjusted(0, 0, -1, -1));
        } else {
            const qreal hexRight = snap(hexRun(m_bytesPerRow - 1, m_bytesPerRow, 0).right());
            const qreal textRight = snap(textX(m_bytesPerRow));
            painter.fillRect(QRectF(hexRight - ruleWidth, y, ruleWidth, m_rowHeight), hexPen.color());
            painter.fillRect(QRectF(textRight, y, ruleWidth, m_rowHeight), textPen.color());
        }
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    ByteViewBase::resizeEvent(event);
    updateLayout();
}

void HexView::fontChanged()
{
    updateFontMetrics();
    updateLayout();
}

bool HexView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        Column column = Column::Hex;
        const qint64 offset = offsetAt(help->pos(), &column);
        const QString text = offset >= 0 ? segmentDescription(offset) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport(), byteRect(offset, column));
        return true;
    }
    return ByteViewBase::viewportEvent(event);
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool toEdge = event->modifiers() & Qt::ControlModifier;
    const qint64 cursor = cursorPosition();
    const qint64 page = pageRows() * m_bytesPerRow;
    const qint64 rowStart = caretCell(cursor).first * m_bytesPerRow;
    qint64 target = cursor;
    switch (event->key()) {
    case Qt::Key_Left:
        target = cursor - 1;
        break;
    case Qt::Key_Right:
        target = cursor + 1;
        break;
    case Qt::Key_Up:
        target = cursor >= m_bytesPerRow ? cursor - m_bytesPerRow : cursor;
        break;
    case Qt::Key_Down:
        target = qMin(cursor + m_bytesPerRow, size());
        break;
    case Qt::Key_PageUp:
        setTopRow(topRow() - pageRows());
        target = cursor >= page ? cursor - page : cursor % m_bytesPerRow;
        break;
    case Qt::Key_PageDown:
        setTopRow(topRow() + pageRows());
        target = qMin(cursor + page, size());
        break;
    case Qt::Key_Home:
        target = toEdge ? 0 : rowStart;
        break;
    case Qt::Key_End:
        // Shift+End takes the row's last byte into the selection; a bare End puts the caret on it.
        target = toEdge ? size() : qMin(rowStart + m_bytesPerRow - (extend ? 0 : 1), size());
        break;
    default:
        ByteViewBase::keyPressEvent(event);
        return;
    }
    moveCursorTo(target, extend);
}

void HexView::selectTo(qint64 byte)
{
    if (m_drag == Drag::FromByte) {
        // Both the pressed byte and the one under the mouse belong to the selection.
        if (byte >= m_pressByte)
            setUserSelection(m_pressByte, byte + 1);
        else
            setUserSelection(m_pressByte + 1, byte);
        return;
    }
    const qint64 anchor = anchorPosition();
    setUserSelection(anchor, byte >= anchor ? byte + 1 : byte);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || size() == 0) {
        ByteViewBase::mousePressEvent(event);
        return;
    }
    Column column = Column::Hex;
    const qint64 byte = hitTest(event->position().toPoint(), true, &column);
    m_activeColumn = column;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::FromAnchor;
        selectTo(byte);
        return;
    }
    m_drag = Drag::FromByte;
    m_pressByte = byte;
    setUserSelection(byte, byte);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None || !(event->buttons() & Qt::LeftButton))
        return;
    const QPoint pos = event->position().toPoint();
    if (pos.y() < 0)
        setTopRow(topRow() - 1);
    else if (pos.y() >= viewport()->height())
        setTopRow(topRow() + 1);
    const qint64 byte = hitTest(pos, true, nullptr);
    if (m_drag == Drag::FromByte && byte == m_pressByte && selectionLength() == 0)
        return;
    selectTo(byte);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_drag != Drag::None) {
        m_drag = Drag::None;
        return;
    }
    ByteViewBase::mouseReleaseEvent(event);
}

} // namespace SocketLab
