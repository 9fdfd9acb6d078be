#pragma once

#include "byteviewbase.h"

#include "bytes/segment.h"

#include <QRawFont>

#include <array>

namespace SocketLab {

// The reply as rows of bytes: offset | hex (in groups of 8) | printable ASCII. A row holds as many
// groups of 8 as the width shows (8, 16, 24, 32...; at most MaxBytesPerRow), or the number a person
// fixed in the context menu, a choice every hex view of the window shares and remembers. Paints only the visible
// rows, read from the source for exactly that range, so a 1 GiB reply opens and scrolls like a
// 1 KiB one. Marks where each recv() (or datagram) began and colours the HTTP parts.
class HexView : public ByteViewBase
{
    Q_OBJECT
public:
    static constexpr int DefaultBytesPerRow = 16;
    static constexpr int MaxBytesPerRow = 64;
    enum class Column { Hex, Text };

    explicit HexView(QWidget *parent = nullptr);

    // Where each recv() or datagram landed, in offset order as ByteStore records them.
    void setSegments(const QList<Segment> &segments);
    // The word that names a segment in the tooltip ("datagram" for UDP); empty means "recv".
    void setSegmentLabel(const QString &label);
    // "recv #3: 1,024 bytes at 2.345 ms, offset 0x400" for the segment holding offset; empty if none.
    QString segmentDescription(qint64 offset) const;

    // Where the framed message ends: a rule is drawn there and the bytes after it are hatched, as not
    // part of the reply. -1: no end to show.
    void setMessageEnd(qint64 offset);
    qint64 messageEnd() const { return m_messageEnd; }
    // Scrolls so the row holding offset is the first one shown, when the rows after it fill the view.
    void scrollToOffset(qint64 offset);

    int bytesPerRow() const { return m_bytesPerRow; }
    // 0: as many as the width shows; else a multiple of 8 up to MaxBytesPerRow.
    int fixedBytesPerRow() const { return m_fixedBytesPerRow; }
    void setFixedBytesPerRow(int bytes);
    // The width a view needs to show rows of that many bytes whole, scroll bar included.
    int widthForBytesPerRow(int bytes) const;

    // The offset of the first row shown.
    qint64 firstVisibleOffset() const { return topRow() * m_bytesPerRow; }
    // Rows shown whole.
    int visibleRowCount() const { return int(pageRows()); }
    // Hex digits in the offset column: 8, more once offsets need them.
    int offsetDigits() const { return m_digits; }
    // The byte drawn at pos (viewport coordinates) and its column; -1 if pos is not on a byte.
    qint64 offsetAt(const QPoint &pos, Column *column = nullptr) const;
    // The cell of a byte in viewport coordinates; empty when its row is not shown.
    QRect byteRect(qint64 offset, Column column) const;

protected:
    void sourceReset() override;
    void sourceGrew(qint64 oldSize) override;
    void ensureCursorVisible() override;
    CopyFormat defaultCopyFormat() const override { return CopyFormat::Hex; }
    void addViewActions(QMenu &menu) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void fontChanged() override;
    void retranslate() override;
    bool viewportEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    enum class Drag { None, FromByte, FromAnchor };

    void updateFontMetrics();
    // Scroll ranges and the offset column's width, from the size and the viewport.
    void updateLayout();
    int neededDigits() const;
    int fittingBytesPerRow() const;
    qreal hexX(int column) const;
    qreal textX(int column) const;
    // Content x ranges (before horizontal scrolling) of bytes [from, to) of one row.
    QRectF hexRun(int from, int to, qreal y) const;
    QRectF textRun(int from, int to, qreal y) const;
    qint64 hitTest(QPoint pos, bool clamp, Column *column) const;
    // The row and column the caret is drawn at: after the last byte when it sits at a full row's end.
    std::pair<qint64, int> caretCell(qint64 position) const;
    void selectTo(qint64 byte);

    QList<Segment> m_segments;
    QString m_segmentLabel;
    qint64 m_messageEnd = -1;
    // The font's glyph for each ASCII character, so painting needs no text layout.
    QRawFont m_rawFont;
    std::array<quint32, 128> m_glyphs{};
    qreal m_charWidth = 8;
    qreal m_ascent = 10;
    int m_rowHeight = 16;
    int m_digits = 8;
    int m_bytesPerRow = DefaultBytesPerRow;
    int m_fixedBytesPerRow = 0;
    Column m_activeColumn = Column::Hex;
    Drag m_drag = Drag::None;
    qint64 m_pressByte = 0;
};

} // namespace SocketLab
