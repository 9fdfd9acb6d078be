#include "byteviewbase.h"

#include "bytes/payloadcodec.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace SocketLab {

ByteViewBase::ByteViewBase(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(false);
}

void ByteViewBase::setSource(std::shared_ptr<const ByteSource> source)
{
    m_source = std::move(source);
    m_size = m_source ? m_source->size() : 0;
    m_anchor = 0;
    m_cursor = 0;
    m_topRow = 0;
    horizontalScrollBar()->setValue(0);
    sourceReset();
    viewport()->update();
}

void ByteViewBase::refresh()
{
    const qint64 now = m_source ? m_source->size() : 0;
    if (now == m_size)
        return;
    const qint64 old = m_size;
    m_size = now;
    if (now < old) {
        // Only a cleared store shrinks: what was derived from the old bytes no longer holds.
        m_anchor = qMin(m_anchor, now);
        m_cursor = qMin(m_cursor, now);
        sourceReset();
        viewport()->update();
        return;
    }
    sourceGrew(old);
}

void ByteViewBase::setMarks(const QList<HttpMark> &marks)
{
    m_marks = marks;
    std::stable_sort(m_marks.begin(), m_marks.end(),
                     [](const HttpMark &a, const HttpMark &b) { return a.range.offset < b.range.offset; });
    viewport()->update();
}

std::pair<qsizetype, qsizetype> ByteViewBase::marksIn(qint64 from, qint64 to) const
{
    // Sorted and disjoint, so their ends are sorted too.
    const auto first = std::partition_point(m_marks.cbegin(), m_marks.cend(),
                                            [from](const HttpMark &m) { return m.range.end() <= from; });
    const auto last = std::partition_point(first, m_marks.cend(),
                                           [to](const HttpMark &m) { return m.range.offset < to; });
    return {first - m_marks.cbegin(), last - m_marks.cbegin()};
}

void ByteViewBase::setSelection(qint64 start, qint64 length)
{
    const qint64 from = qBound<qint64>(0, start, m_size);
    const qint64 to = from + qBound<qint64>(0, length, m_size - from);
    if (from == m_anchor && to == m_cursor)
        return;
    m_anchor = from;
    m_cursor = to;
    ensureCursorVisible();
    viewport()->update();
}

void ByteViewBase::selectAll()
{
    setUserSelection(0, m_size);
}

void ByteViewBase::moveCursorTo(qint64 position, bool extend)
{
    const qint64 to = qBound<qint64>(0, position, m_size);
    setUserSelection(extend ? m_anchor : to, to);
}

void ByteViewBase::setUserSelection(qint64 anchor, qint64 cursor)
{
    const qint64 oldStart = selectionStart();
    const qint64 oldLength = selectionLength();
    const qint64 oldCursor = m_cursor;
    m_anchor = qBound<qint64>(0, anchor, m_size);
    m_cursor = qBound<qint64>(0, cursor, m_size);
    if (m_cursor != oldCursor)
        ensureCursorVisible();
    viewport()->update();
    emitIfChanged(oldStart, oldLength);
}

void ByteViewBase::emitIfChanged(qint64 oldStart, qint64 oldLength)
{
    if (selectionStart() != oldStart || selectionLength() != oldLength)
        emit selectionChanged(selectionStart(), selectionLength());
}

void ByteViewBase::addViewActions(QMenu &)
{
}

QString ByteViewBase::bytesToText(const QByteArray &bytes) const
{
    return QString::fromUtf8(bytes);
}

bool ByteViewBase::copyAsHex()
{
    return copy(CopyFormat::Hex);
}

bool ByteViewBase::copyAsText()
{
    return copy(CopyFormat::Text);
}

bool ByteViewBase::copyAsCArray()
{
    return copy(CopyFormat::CArray);
}

bool ByteViewBase::copyAsPythonBytes()
{
    return copy(CopyFormat::PythonBytes);
}

bool ByteViewBase::copy(CopyFormat format)
{
    const qint64 length = selectionLength();
    if (!m_source || length == 0)
        return false;
    if (length > MaxCopyBytes) {
        emit copyTooLarge(length, MaxCopyBytes);
        return false;
    }
    const QByteArray bytes = m_source->read(selectionStart(), length);
    QString text;
    switch (format) {
    case CopyFormat::Hex: text = PayloadCodec::encodeHex(bytes); break;
    case CopyFormat::Text: text = bytesToText(bytes); break;
    case CopyFormat::CArray: text = PayloadCodec::toCArray(bytes); break;
    case CopyFormat::PythonBytes: text = PayloadCodec::toPythonBytes(bytes); break;
    }
    QGuiApplication::clipboard()->setText(text);
    return true;
}

void ByteViewBase::setRowRange(qint64 rows, qint64 pageRows)
{
    m_rows = qMax<qint64>(0, rows);
    m_pageRows = qMax<qint64>(1, pageRows);
    m_topRow = qBound<qint64>(0, m_topRow, maxTopRow());
    syncScrollBar();
}

qint64 ByteViewBase::maxTopRow() const
{
    return qMax<qint64>(0, m_rows - m_pageRows);
}

void ByteViewBase::setTopRow(qint64 row)
{
    const qint64 top = qBound<qint64>(0, row, maxTopRow());
    if (top == m_topRow)
        return;
    m_topRow = top;
    syncScrollBar();
    viewport()->update();
}

void ByteViewBase::ensureRowVisible(qint64 row)
{
    if (row < m_topRow)
        setTopRow(row);
    else if (row >= m_topRow + m_pageRows)
        setTopRow(row - m_pageRows + 1);
}

void ByteViewBase::ensureXVisible(qreal left, qreal right)
{
    QScrollBar *bar = horizontalScrollBar();
    const int width = viewport()->width();
    if (left < bar->value())
        bar->setValue(int(left));
    else if (right > bar->value() + width)
        bar->setValue(int(std::ceil(right)) - width);
}

void ByteViewBase::syncScrollBar()
{
    // The bar's own valueChanged() must not be read back as a user scroll while it is being set.
    QScopedValueRollback guard(m_syncingScrollBar, true);
    QScrollBar *bar = verticalScrollBar();
    const qint64 maxTop = maxTopRow();
    if (maxTop <= MaxUnscaledRows) {
        bar->setRange(0, int(maxTop));
        bar->setPageStep(int(qMin(m_pageRows, MaxUnscaledRows)));
        bar->setSingleStep(1);
        bar->setValue(int(m_topRow));
        return;
    }
    bar->setRange(0, int(MaxUnscaledRows));
    bar->setPageStep(int(qMax<qint64>(1, m_pageRows * MaxUnscaledRows / maxTop)));
    bar->setSingleStep(1);
    bar->setValue(int(static_cast<long double>(m_topRow) * MaxUnscaledRows / maxTop + 0.5L));
}

qint64 ByteViewBase::rowForScrollValue(int value) const
{
    const qint64 maxTop = maxTopRow();
    if (maxTop <= MaxUnscaledRows)
        return value;
    if (value >= MaxUnscaledRows)
        return maxTop;
    return qint64(static_cast<long double>(value) * maxTop / MaxUnscaledRows);
}

void ByteViewBase::scrollContentsBy(int, int dy)
{
    if (dy != 0 && !m_syncingScrollBar)
        m_topRow = qBound<qint64>(0, rowForScrollValue(verticalScrollBar()->value()), maxTopRow());
    viewport()->update();
}

void ByteViewBase::wheelEvent(QWheelEvent *event)
{
    const int angle = event->angleDelta().y();
    if (angle == 0) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    // Rows, not scroll-bar steps: once the bar is scaled one step is many rows. Small steps from a
    // touchpad add up until they make a notch.
    m_wheelAngle += angle;
    const int notches = m_wheelAngle / 120;
    m_wheelAngle -= notches * 120;
    setTopRow(m_topRow - qint64(notches) * QApplication::wheelScrollLines());
    event->accept();
}

void ByteViewBase::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy(defaultCopyFormat());
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    // Not the base class: it would scroll the bar by its (possibly scaled) steps.
    event->ignore();
}

void ByteViewBase::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const qint64 length = selectionLength();
    const bool canCopy = length > 0 && length <= MaxCopyBytes;
    const struct
    {
        QString text;
        CopyFormat format;
    } entries[] = {
        {tr("Copy as &Hex"), CopyFormat::Hex},
        {tr("Copy as &Text"), CopyFormat::Text},
        {tr("Copy as &C Array"), CopyFormat::CArray},
        {tr("Copy as &Python Bytes"), CopyFormat::PythonBytes},
    };
    for (const auto &entry : entries) {
        QAction *action = menu.addAction(entry.text);
        action->setEnabled(canCopy);
        if (entry.format == defaultCopyFormat())
            action->setShortcut(QKeySequence::Copy);
        const CopyFormat format = entry.format;
        connect(action, &QAction::triggered, this, [this, format] { copy(format); });
    }
    if (length > MaxCopyBytes) {
        QAction *note = menu.addAction(tr("Selection too large to copy (more than %1)")
                                           .arg(QLocale().formattedDataSize(MaxCopyBytes)));
        note->setEnabled(false);
    }
    menu.addSeparator();
    QAction *all = menu.addAction(tr("Select &All"), this, &ByteViewBase::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    all->setEnabled(m_size > 0);
    addViewActions(menu);
    menu.exec(event->globalPos());
}

void ByteViewBase::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void ByteViewBase::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void ByteViewBase::keepSelectionsInSync(ByteViewBase *first, ByteViewBase *second)
{
    connect(first, &ByteViewBase::selectionChanged, second, &ByteViewBase::setSelection);
    connect(second, &ByteViewBase::selectionChanged, first, &ByteViewBase::setSelection);
}

void ByteViewBase::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        fontChanged();
        viewport()->update();
    } else if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
}

} // namespace SocketLab
