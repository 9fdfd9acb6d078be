#pragma once

#include "bytes/bytesource.h"
#include "http/httpresponseparser.h"

#include <QAbstractScrollArea>
#include <QList>

#include <memory>
#include <utility>

class QMenu;

namespace SocketLab {

// What the hex view and the text view of a reply share: the source they read from, a selection
// in byte offsets, the HTTP marks, copying, and a vertical scroll bar that counts qint64 rows.
//
// selectionChanged() is emitted on user action only (keys, mouse, the context menu), never by
// setSelection() or setSource(): two views can forward it to each other's setSelection() without
// echoing it back and forth.
class ByteViewBase : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // A copy larger than this is refused with copyTooLarge(): 16 MiB already makes a 48 MiB hex
    // string, and a person pasting more than that wants "Save reply" instead.
    static constexpr qint64 MaxCopyBytes = 16 * 1024 * 1024;
    // Up to this many rows the scroll bar counts rows one for one. Past it (a 1.5 GiB reply in the
    // hex view, 2^36 rows for 1 TiB) the bar gets this many steps and each step stands for
    // rows / MaxUnscaledRows rows: a QScrollBar is an int, and QStyle's slider arithmetic is only
    // exact well inside the int range. The keys and the wheel still move by single rows.
    static constexpr qint64 MaxUnscaledRows = 100'000'000;

    explicit ByteViewBase(QWidget *parent = nullptr);

    // Shows another run of bytes: the selection goes back to offset 0 and the view to the top.
    void setSource(std::shared_ptr<const ByteSource> source);
    std::shared_ptr<const ByteSource> source() const { return m_source; }
    // The size as of the last setSource() or refresh().
    qint64 size() const { return m_size; }

    // Colours the background of each part. Sorted by offset here; they are expected not to overlap,
    // as HttpResponseParser makes them.
    void setMarks(const QList<HttpMark> &marks);
    const QList<HttpMark> &marks() const { return m_marks; }

    qint64 selectionStart() const { return qMin(m_anchor, m_cursor); }
    qint64 selectionLength() const { return qAbs(m_cursor - m_anchor); }
    // Where the keyboard caret is: one end of the selection.
    qint64 cursorPosition() const { return m_cursor; }

    // Two views of the same bytes (hex and text): a selection made in one is the selection in the other.
    static void keepSelectionsInSync(ByteViewBase *first, ByteViewBase *second);

public slots:
    // The source grew: cheap enough to be called every 30 ms during a transfer.
    void refresh();
    // Clamped to the bytes there are; the caret goes to the end. Emits nothing.
    void setSelection(qint64 start, qint64 length);
    void selectAll();
    // Each puts the selection on the clipboard; false if there is nothing selected or it is larger
    // than MaxCopyBytes (then copyTooLarge() says so).
    bool copyAsHex();
    bool copyAsText();
    bool copyAsCArray();
    bool copyAsPythonBytes();

signals:
    void selectionChanged(qint64 start, qint64 length);
    void copyTooLarge(qint64 length, qint64 limit);

protected:
    enum class CopyFormat { Hex, Text, CArray, PythonBytes };

    // The source was replaced: everything derived from it must be rebuilt.
    virtual void sourceReset() = 0;
    // size() went from oldSize to a larger value.
    virtual void sourceGrew(qint64 oldSize) = 0;
    virtual void ensureCursorVisible() = 0;
    // What Ctrl+C copies.
    virtual CopyFormat defaultCopyFormat() const = 0;
    // How "Copy as text" turns bytes into characters.
    virtual QString bytesToText(const QByteArray &bytes) const;
    // The view's own entries at the end of its context menu.
    virtual void addViewActions(QMenu &menu);
    // The font changed: character metrics and layout follow (the viewport is repainted after).
    // Not pure: the base's own constructor sets the font, before a view exists to follow it.
    virtual void fontChanged() {}
    // The language changed: the accessible texts follow.
    virtual void retranslate() {}

    // A user action moved the caret (extend: Shift held). Emits selectionChanged() if it changed.
    void moveCursorTo(qint64 position, bool extend);
    void setUserSelection(qint64 anchor, qint64 cursor);
    qint64 anchorPosition() const { return m_anchor; }

    // rows: how many there are; pageRows: how many fit entirely in the viewport.
    void setRowRange(qint64 rows, qint64 pageRows);
    qint64 rowCount() const { return m_rows; }
    qint64 pageRows() const { return m_pageRows; }
    qint64 topRow() const { return m_topRow; }
    void setTopRow(qint64 row);
    // Scrolls as little as possible to show the row whole.
    void ensureRowVisible(qint64 row);
    // Scrolls horizontally as little as possible to show [left, right), in content pixels.
    void ensureXVisible(qreal left, qreal right);

    // The indices [first, last) of the marks that overlap [from, to).
    std::pair<qsizetype, qsizetype> marksIn(qint64 from, qint64 to) const;

    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    bool copy(CopyFormat format);
    void syncScrollBar();
    qint64 maxTopRow() const;
    qint64 rowForScrollValue(int value) const;
    void emitIfChanged(qint64 oldStart, qint64 oldLength);

    std::shared_ptr<const ByteSource> m_source;
    qint64 m_size = 0;
    QList<HttpMark> m_marks;
    qint64 m_anchor = 0;
    qint64 m_cursor = 0;
    qint64 m_rows = 0;
    qint64 m_pageRows = 1;
    qint64 m_topRow = 0;
    int m_wheelAngle = 0;
    bool m_syncingScrollBar = false;
};

} // namespace SocketLab
