#include "textview.h"

#include "bytecolors.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

namespace SocketLab {

namespace {

// What one slice of indexing reads before it lets the event loop run again.
constexpr qint64 IndexSliceBytes = 4 * 1024 * 1024;
constexpr qint64 IndexBlockBytes = 1024 * 1024;
// Enough for a whole display line and the byte after it, which decides where a long line is cut.
constexpr qint64 WalkBlockBytes = 64 * 1024;

constexpr char32_t ReplacementCharacter = 0xfffd;
constexpr char32_t MiddleDot = 0x00b7;
constexpr char32_t ControlPictures = 0x2400;
constexpr char32_t DeletePicture = 0x2421;

bool isUtf8Continuation(char c)
{
    return (uchar(c) & 0xc0) == 0x80;
}

// The length of the display line that starts at data, or -1 while it cannot be known yet: no LF
// within MaxLineBytes, and not enough bytes to cut there. `final` means no byte will follow.
qint64 lineLength(const char *data, qint64 available, bool final)
{
    const qint64 window = qMin(available, TextView::MaxLineBytes);
    if (const void *lf = std::memchr(data, '\n', size_t(window)))
        return static_cast<const char *>(lf) - data + 1;
    if (available > TextView::MaxLineBytes) {
        // Cut before the lead byte of a sequence rather than in its middle, so both halves of the
        // cut decode; never more than 3 bytes back, whatever the bytes are.
        qint64 cut = TextView::MaxLineBytes;
        for (int back = 0; back < 3 && isUtf8Continuation(data[cut]); ++back)
            --cut;
        return cut;
    }
    return final ? available : -1;
}

// A well-formed sequence's length (its code point in *out), or 0: overlong forms, surrogates and
// code points past U+10FFFF are refused, as RFC 3629 requires.
int decodeUtf8(const uchar *p, int available, char32_t *out)
{
    const uchar lead = p[0];
    int length;
    char32_t cp;
    uchar low = 0x80;
    uchar high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        cp = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        cp = lead & 0x0f;
        if (lead == 0xe0)
            low = 0xa0;
        else if (lead == 0xed)
            high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        cp = lead & 0x07;
        if (lead == 0xf0)
            low = 0x90;
        else if (lead == 0xf4)
            high = 0x8f;
    } else {
        return 0;
    }
    if (available < length)
        return 0;
    for (int k = 1; k < length; ++k) {
        const uchar c = p[k];
        if (c < low || c > high)
            return 0;
        low = 0x80;
        high = 0xbf;
        cp = (cp << 6) | (c & 0x3f);
    }
    *out = cp;
    return length;
}

// Characters that would draw nothing, move the text around (bidi controls), or sit on the cell
// before them (combining marks: "de ad" is U+07AD, a Thaana sukun) are replaced by a mark, and so
// are code points no font has: a person inspecting bytes must see every one of them, one a cell.
bool isInvisible(char32_t cp)
{
    if (cp >= 0x80 && cp <= 0x9f)
        return true;
    switch (QChar::category(uint(cp))) {
    case QChar::Other_Format:
    case QChar::Other_NotAssigned:
    case QChar::Other_PrivateUse:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

// What a control byte's mark spells: the two-letter name of the Control Picture where there is one
// (CR, LF, HT...), else the byte in hex. Drawn by the view rather than taken from a font: few
// monospace fonts have the Control Pictures block, and a missing glyph would draw as a blank box.
QString controlMark(char32_t picture)
{
    static const char *const Names[0x20] = {
        nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
        "BS",    "HT",    "LF",    "VT",    "FF",    "CR",    "SO",    "SI",
        nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
        nullptr, "EM",    nullptr, nullptr, "FS",    "GS",    "RS",    "US",
    };
    if (picture == DeletePicture)
        return QStringLiteral("7f");
    if (picture < ControlPictures || picture >= ControlPictures + 0x20)
        return {};
    const int byte = int(picture - ControlPictures);
    if (Names[byte])
        return QLatin1String(Names[byte]);
    return QString::number(byte, 16).rightJustified(2, u'0');
}

} // namespace

TextView::TextView(QWidget *parent)
    : ByteViewBase(parent)
    , m_indexTimer(new QTimer(this))
{
    retranslate();
    m_indexTimer->setSingleShot(true);
    m_indexTimer->setInterval(0);
    connect(m_indexTimer, &QTimer::timeout, this, &TextView::indexSlice);
    m_checkpoints.push_back({0, 0});
    updateFontMetrics();
    updateLayout();
}

void TextView::setEncoding(Encoding encoding)
{
    if (encoding == m_encoding)
        return;
    m_encoding = encoding;
    viewport()->update();
}

bool TextView::isIndexing() const
{
    return m_indexTimer->isActive();
}

QString TextView::bytesToText(const QByteArray &bytes) const
{
    return m_encoding == Encoding::Utf8 ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
}

void TextView::sourceReset()
{
    m_indexTimer->stop();
    m_checkpoints.assign(1, Checkpoint{0, 0});
    m_completeLines = 0;
    m_scanStart = 0;
    m_maxLineBytes = 0;
    m_goalColumn = -1;
    m_dragging = false;
    m_revealCursorWhenIndexed = false;
    indexSlice();
}

void TextView::sourceGrew(qint64)
{
    // A slice already pending reads up to the new size when it runs.
    if (!isIndexing())
        indexSlice();
}

void TextView::indexSlice()
{
    const qint64 firstChangedLine = m_completeLines;
    const std::shared_ptr<const ByteSource> src = source();
    qint64 budget = IndexSliceBytes;
    while (src && m_scanStart < size() && budget > 0) {
        const QByteArray block = src->read(m_scanStart, qMin(size() - m_scanStart, IndexBlockBytes));
        if (block.isEmpty())
            break;
        qint64 pos = 0;
        for (;;) {
            const qint64 length = lineLength(block.constData() + pos, block.size() - pos, false);
            if (length < 0)
                break;
            pos += length;
            m_maxLineBytes = qMax(m_maxLineBytes, length);
            ++m_completeLines;
            const Checkpoint &last = m_checkpoints.back();
            const qint64 start = m_scanStart + pos;
            if (m_completeLines - last.line >= CheckpointLines || start - last.offset >= CheckpointBytes)
                m_checkpoints.push_back({m_completeLines, start});
        }
        m_scanStart += pos;
        budget -= block.size();
        if (pos == 0)
            break;
    }
    m_maxLineBytes = qMax(m_maxLineBytes, qMin(size() - m_scanStart, MaxLineBytes));
    const bool more = budget <= 0 && m_scanStart < size();
    if (more)
        m_indexTimer->start();

    updateLayout();
    const qint64 linesShown = viewport()->height() / m_rowHeight + 1;
    if (firstChangedLine < topRow() + linesShown) {
        const int y = int(qMax<qint64>(0, firstChangedLine - topRow()) * m_rowHeight);
        viewport()->update(0, y, viewport()->width(), viewport()->height() - y);
    }
    if (!more && m_revealCursorWhenIndexed) {
        m_revealCursorWhenIndexed = false;
        ensureCursorVisible();
    }
}

void TextView::updateFontMetrics()
{
    const QFontMetricsF metrics(font(), viewport());
    m_charWidth = metrics.horizontalAdvance(QLatin1Char('0'));
    m_ascent = metrics.ascent();
    m_markFont = font();
    if (m_markFont.pointSizeF() > 0)
        m_markFont.setPointSizeF(m_markFont.pointSizeF() * 0.65);
    else
        m_markFont.setPixelSize(qMax(1, m_markFont.pixelSize() * 13 / 20));
    m_rowHeight = qMax(1, qCeil(metrics.height()));
}

void TextView::updateLayout()
{
    // A line never has more characters than bytes, so the longest line's bytes bound its width.
    const int width = qCeil(cellX(int(m_maxLineBytes) + 1));
    QScrollBar *bar = horizontalScrollBar();
    bar->setRange(0, qMax(0, width - viewport()->width()));
    bar->setPageStep(viewport()->width());
    bar->setSingleStep(qCeil(m_charWidth));

    setRowRange(lineCount(), qMax(1, viewport()->height() / m_rowHeight));
}

const TextView::Checkpoint &TextView::checkpointForLine(qint64 line) const
{
    const auto after = std::partition_point(m_checkpoints.cbegin(), m_checkpoints.cend(),
                                            [line](const Checkpoint &c) { return c.line <= line; });
    return *(after - 1);
}

const TextView::Checkpoint &TextView::checkpointForOffset(qint64 offset) const
{
    const auto after = std::partition_point(m_checkpoints.cbegin(), m_checkpoints.cend(),
                                            [offset](const Checkpoint &c) { return c.offset <= offset; });
    return *(after - 1);
}

template<typename Visit>
void TextView::walkLines(const Checkpoint &from, Visit visit) const
{
    const std::shared_ptr<const ByteSource> src = source();
    if (!src)
        return;
    qint64 line = from.line;
    qint64 offset = from.offset;
    QByteArray block;
    qint64 blockStart = offset;
    while (line < lineCount()) {
        qint64 available = blockStart + block.size() - offset;
        if (available <= MaxLineBytes && blockStart + block.size() < size()) {
            block = src->read(offset, WalkBlockBytes);
            blockStart = offset;
            available = block.size();
        }
        // Whatever the index has not seen yet is cut like the index will cut it.
        const bool final = blockStart + block.size() >= size();
        const qint64 length = lineLength(block.constData() + (offset - blockStart), available, final);
        if (length < 0 || !visit(line, offset, offset + length) || length == 0)
            return;
        offset += length;
        ++line;
    }
}

TextView::Lines TextView::readLines(qint64 first, qint64 count) const
{
    Lines lines;
    lines.first = first;
    walkLines(checkpointForLine(first), [&](qint64 line, qint64 start, qint64 end) {
        if (line < first)
            return true;
        if (lines.starts.empty())
            lines.starts.push_back(start);
        lines.starts.push_back(end);
        return line + 1 < first + count;
    });
    if (lines.starts.size() > 1)
        lines.bytes = source()->read(lines.starts.front(), lines.starts.back() - lines.starts.front());
    return lines;
}

TextView::LineCells TextView::lineCells(qint64 line) const
{
    LineCells out;
    const Lines lines = readLines(line, 1);
    if (lines.starts.size() < 2)
        return out;
    out.start = lines.starts[0];
    out.end = lines.starts[1];
    out.endsWithLf = !lines.bytes.isEmpty() && lines.bytes.endsWith('\n');
    out.cells = decode(lines.bytes.constData(), int(lines.bytes.size()));
    return out;
}

std::vector<TextView::Cell> TextView::decode(const char *data, int length) const
{
    std::vector<Cell> cells;
    cells.reserve(size_t(length));
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    int i = 0;
    while (i < length) {
        const uchar b = bytes[i];
        char32_t cp = b;
        int n = 1;
        bool valid = true;
        if (b >= 0x80 && m_encoding == Encoding::Utf8) {
            n = decodeUtf8(bytes + i, length - i, &cp);
            valid = n > 0;
            n = qMax(n, 1);
        }
        if (!valid)
            cells.push_back({ReplacementCharacter, i, 1, true});
        else if (cp < 0x20)
            cells.push_back({ControlPictures + cp, i, n, true});
        else if (cp == 0x7f)
            cells.push_back({DeletePicture, i, n, true});
        else if (cp >= 0x80 && isInvisible(cp))
            cells.push_back({MiddleDot, i, n, true});
        else
            cells.push_back({cp, i, n, false});
        i += n;
    }
    return cells;
}

qint64 TextView::lineStart(qint64 line) const
{
    qint64 found = size();
    const qint64 wanted = qBound<qint64>(0, line, lineCount() - 1);
    walkLines(checkpointForLine(wanted), [&](qint64 l, qint64 start, qint64) {
        if (l < wanted)
            return true;
        found = start;
        return false;
    });
    return found;
}

qint64 TextView::lineAt(qint64 offset) const
{
    if (offset >= m_scanStart)
        return lineCount() - 1;
    qint64 found = lineCount() - 1;
    walkLines(checkpointForOffset(qMax<qint64>(0, offset)), [&](qint64 line, qint64, qint64 end) {
        if (offset >= end)
            return true;
        found = line;
        return false;
    });
    return found;
}

QString TextView::lineText(qint64 line) const
{
    QString text;
    for (const Cell &cell : lineCells(line).cells)
        text.append(QString::fromUcs4(&cell.ch, 1));
    return text;
}

int TextView::cellIndexOf(const LineCells &line, qint64 offset)
{
    const qint64 relative = offset - line.start;
    const auto after = std::partition_point(line.cells.cbegin(), line.cells.cend(),
                                            [relative](const Cell &c) { return c.byte <= relative; });
    if (after == line.cells.cbegin())
        return 0;
    const auto cell = after - 1;
    if (relative >= cell->byte + cell->bytes)
        return int(line.cells.size());
    return int(cell - line.cells.cbegin());
}

qint64 TextView::offsetInLine(qint64 line, int column, bool extend) const
{
    const LineCells cells = lineCells(line);
    const int count = int(cells.cells.size());
    // The caret after a line's last character would be the next line's start, so it stops before
    // the last character: before the LF, or before the last character of a cut line unless a
    // selection is being extended over it.
    int last = count;
    if (line < lineCount() - 1 && count > 0 && (cells.endsWithLf || !extend))
        last = count - 1;
    const int at = qBound(0, column, last);
    return at < count ? cells.start + cells.cells[size_t(at)].byte : cells.end;
}

qint64 TextView::offsetAt(const QPoint &pos) const
{
    const int y = qBound(0, pos.y(), qMax(0, viewport()->height() - 1));
    const qint64 line = qBound<qint64>(0, topRow() + y / m_rowHeight, lineCount() - 1);
    const qreal x = pos.x() + horizontalScrollBar()->value();
    const int column = int(std::lround((x - cellX(0)) / m_charWidth));
    return offsetInLine(line, qMax(0, column), true);
}

QRect TextView::byteRect(qint64 offset) const
{
    if (offset < 0 || offset >= size())
        return {};
    const qint64 line = lineAt(offset);
    if (line < topRow() || line > topRow() + viewport()->height() / m_rowHeight)
        return {};
    const int column = cellIndexOf(lineCells(line), offset);
    const QRectF cell(cellX(column) - horizontalScrollBar()->value(), qreal((line - topRow()) * m_rowHeight),
                      m_charWidth, m_rowHeight);
    return cell.toRect();
}

void TextView::ensureCursorVisible()
{
    if (m_dragging)
        return;
    if (cursorPosition() > m_scanStart && isIndexing())
        m_revealCursorWhenIndexed = true;
    const qint64 line = lineAt(cursorPosition());
    ensureRowVisible(line);
    const int column = cellIndexOf(lineCells(line), cursorPosition());
    ensureXVisible(cellX(column), cellX(column + 1));
}

void TextView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    if (!source())
        return;

    const int scrollX = horizontalScrollBar()->value();
    painter.translate(-scrollX, 0);
    painter.setFont(font());
    const QColor dim = ByteColors::dimTextColor(pal);
    const QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    const qint64 selA = selectionStart();
    const qint64 selB = selectionStart() + selectionLength();
    // Only the columns in view are drawn: a 4096-byte line is decoded, not painted whole.
    const int firstColumn = qMax(0, int(scrollX / m_charWidth) - 2);
    const int lastColumn = int((scrollX + viewport()->width()) / m_charWidth) + 2;

    const Lines lines = readLines(topRow(), viewport()->height() / m_rowHeight + 1);
    for (size_t k = 0; k + 1 < lines.starts.size(); ++k) {
        LineCells line;
        line.start = lines.starts[k];
        line.end = lines.starts[k + 1];
        line.cells = decode(lines.bytes.constData() + (line.start - lines.starts.front()), int(line.end - line.start));
        const qreal y = qreal(k) * m_rowHeight;
        const int count = int(line.cells.size());
        const auto columnOf = [&](qint64 offset) { return offset >= line.end ? count : cellIndexOf(line, offset); };
        const auto band = [&](int from, int to) { return QRectF(cellX(from), y, (to - from) * m_charWidth, m_rowHeight); };

        const auto [firstMark, lastMark] = marksIn(line.start, line.end);
        for (qsizetype i = firstMark; i < lastMark; ++i) {
            const HttpMark &mark = marks().at(i);
            const int from = columnOf(qMax(line.start, mark.range.offset));
            const int to = columnOf(qMin(line.end, mark.range.end()));
            if (from < to)
                painter.fillRect(band(from, to), ByteColors::partColor(mark.part, pal));
        }
        const int selFrom = columnOf(qBound(line.start, selA, line.end));
        const int selTo = columnOf(qBound(line.start, selB, line.end));
        if (selFrom < selTo)
            painter.fillRect(band(selFrom, selTo), pal.brush(group, QPalette::Highlight));

        const qreal baseline = y + m_ascent;
        const auto drawCells = [&](int from, int to, const QColor &normal, const QColor &faint) {
            // Plain ASCII goes out in runs; anything else is drawn in its own cell so a glyph of
            // another width, or a right-to-left letter, cannot shift the columns after it.
            QString run;
            int runStart = from;
            const auto flush = [&](int next) {
                if (!run.isEmpty()) {
                    painter.setPen(normal);
                    painter.drawText(QPointF(cellX(runStart), baseline), run);
                    run.clear();
                }
                runStart = next;
            };
            for (int c = from; c < to; ++c) {
                const Cell &cell = line.cells[size_t(c)];
                if (!cell.dim && cell.ch < 0x80) {
                    if (run.isEmpty())
                        runStart = c;
                    run.append(QLatin1Char(char(cell.ch)));
                    continue;
                }
                flush(c + 1);
                painter.setPen(cell.dim ? faint : normal);
                if (const QString mark = controlMark(cell.ch); !mark.isEmpty())
                    drawControlMark(painter, QRectF(cellX(c), y, m_charWidth, m_rowHeight), mark);
                else
                    painter.drawText(QPointF(cellX(c), baseline), QString::fromUcs4(&cell.ch, 1));
            }
            flush(to);
        };
        const int visibleFrom = qMin(firstColumn, count);
        const int visibleTo = qMin(lastColumn, count);
        drawCells(visibleFrom, visibleTo, pal.color(QPalette::Text), dim);
        if (selFrom < selTo) {
            const QColor highlighted = pal.color(group, QPalette::HighlightedText);
            painter.setClipRect(band(selFrom, selTo));
            drawCells(qMax(visibleFrom, selFrom), qMin(visibleTo, selTo), highlighted, highlighted);
            painter.setClipping(false);
        }

        const qint64 cursor = cursorPosition();
        const bool lastLine = lines.first + qint64(k) == lineCount() - 1;
        if (cursor >= line.start && (cursor < line.end || (lastLine && cursor == line.end))) {
            const qreal dpr = viewport()->devicePixelRatioF();
            const qreal x = std::round(cellX(columnOf(cursor)) * dpr) / dpr;
            const qreal width = qMax<qreal>(1.0, std::round(m_charWidth / 6));
            painter.fillRect(QRectF(x - width / 2, y, width, m_rowHeight), hasFocus() ? pal.color(QPalette::Text) : dim);
        }
    }
}

void TextView::drawControlMark(QPainter &painter, const QRectF &cell, const QString &mark) const
{
    // The two characters small and on a diagonal, as the Control Pictures glyphs draw them.
    const QFontMetricsF metrics(m_markFont, viewport());
    painter.save();
    painter.setFont(m_markFont);
    const qreal inset = qMax<qreal>(0, cell.width() - metrics.horizontalAdvance(mark.at(1)));
    painter.drawText(QPointF(cell.left(), cell.top() + metrics.ascent()), mark.left(1));
    painter.drawText(QPointF(cell.left() + inset, cell.bottom() - metrics.descent()), mark.mid(1, 1));
    painter.restore();
}

void TextView::resizeEvent(QResizeEvent *event)
{
    ByteViewBase::resizeEvent(event);
    updateLayout();
}

void TextView::retranslate()
{
    setAccessibleName(tr("Reply bytes as text"));
    setAccessibleDescription(tr("The reply decoded as text; line ends and control bytes are shown as symbols"));
}

void TextView::fontChanged()
{
    updateFontMetrics();
    updateLayout();
}

void TextView::keyPressEvent(QKeyEvent *event)
{
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool toEdge = event->modifiers() & Qt::ControlModifier;
    const qint64 cursor = cursorPosition();
    const int key = event->key();
    const bool vertical = key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown;
    if (vertical && m_goalColumn < 0) {
        const qint64 line = lineAt(cursor);
        m_goalColumn = cellIndexOf(lineCells(line), cursor);
    }
    const auto toLine = [&](qint64 line) {
        if (line < 0)
            return qint64(0);
        if (line >= lineCount())
            return size();
        return offsetInLine(line, m_goalColumn, extend);
    };
    qint64 target = cursor;
    switch (key) {
    case Qt::Key_Left:
        if (cursor > 0) {
            const LineCells line = lineCells(lineAt(cursor - 1));
            const int column = cellIndexOf(line, cursor - 1);
            target = column < int(line.cells.size()) ? line.start + line.cells[size_t(column)].byte : cursor - 1;
        }
        break;
    case Qt::Key_Right:
        if (cursor < size()) {
            const LineCells line = lineCells(lineAt(cursor));
            const int column = cellIndexOf(line, cursor);
            if (column < int(line.cells.size())) {
                const Cell &cell = line.cells[size_t(column)];
                target = line.start + cell.byte + cell.bytes;
            } else {
                target = cursor + 1;
            }
        }
        break;
    case Qt::Key_Up:
        target = toLine(lineAt(cursor) - 1);
        break;
    case Qt::Key_Down:
        target = toLine(lineAt(cursor) + 1);
        break;
    case Qt::Key_PageUp:
        setTopRow(topRow() - pageRows());
        target = toLine(qMax<qint64>(0, lineAt(cursor) - pageRows()));
        break;
    case Qt::Key_PageDown:
        setTopRow(topRow() + pageRows());
        target = toLine(qMin(lineAt(cursor) + pageRows(), lineCount() - 1));
        break;
    case Qt::Key_Home:
        target = toEdge ? 0 : lineStart(lineAt(cursor));
        break;
    case Qt::Key_End:
        target = toEdge ? size() : offsetInLine(lineAt(cursor), INT_MAX, extend);
        break;
    default:
        m_goalColumn = -1;
        ByteViewBase::keyPressEvent(event);
        return;
    }
    if (!vertical)
        m_goalColumn = -1;
    moveCursorTo(target, extend);
}

void TextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        ByteViewBase::mousePressEvent(event);
        return;
    }
    m_goalColumn = -1;
    const qint64 offset = offsetAt(event->position().toPoint());
    m_dragging = true;
    setUserSelection(event->modifiers() & Qt::ShiftModifier ? anchorPosition() : offset, offset);
}

void TextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging || !(event->buttons() & Qt::LeftButton))
        return;
    const QPoint pos = event->position().toPoint();
    if (pos.y() < 0)
        setTopRow(topRow() - 1);
    else if (pos.y() >= viewport()->height())
        setTopRow(topRow() + 1);
    setUserSelection(anchorPosition(), offsetAt(pos));
}

void TextView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        return;
    }
    ByteViewBase::mouseReleaseEvent(event);
}

} // namespace SocketLab
