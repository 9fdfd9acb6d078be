#pragma once

#include "byteviewbase.h"

#include <QFont>

#include <vector>

class QPainter;
class QTimer;

namespace SocketLab {

// The reply as text, virtualized like the hex view: only the visible lines are read and decoded.
// Every byte stays visible: CR, LF and the other control bytes as dim Control Pictures, invalid
// UTF-8 as a dim U+FFFD, invisible format characters as a dim middle dot.
//
// Display lines end after an LF, or are cut after MaxLineBytes bytes (never inside a UTF-8
// sequence). Their starts are indexed as the source grows, in slices that never hold up the window,
// and kept sparsely: one checkpoint per CheckpointLines lines or CheckpointBytes bytes, so the index
// of a 1 GiB reply of empty lines is 16 MiB, not 8 GiB.
class TextView : public ByteViewBase
{
    Q_OBJECT
public:
    enum class Encoding { Utf8, Latin1 };
    static constexpr qint64 MaxLineBytes = 4096;
    static constexpr qint64 CheckpointLines = 1024;
    static constexpr qint64 CheckpointBytes = 64 * 1024;

    explicit TextView(QWidget *parent = nullptr);

    void setEncoding(Encoding encoding);
    Encoding encoding() const { return m_encoding; }

    // Display lines indexed so far; the last one is the (possibly empty) line the bytes end in.
    qint64 lineCount() const { return m_completeLines + 1; }
    // refresh() or setSource() left bytes to index in later slices of the event loop.
    bool isIndexing() const;
    qint64 lineStart(qint64 line) const;
    // The line holding offset (the last line for offsets at or past the end of the index).
    qint64 lineAt(qint64 offset) const;
    // What the line shows, marks included: "GET / HTTP/1.0\u240d\u240a".
    QString lineText(qint64 line) const;
    qint64 firstVisibleLine() const { return topRow(); }
    // The caret position nearest to pos (viewport coordinates).
    qint64 offsetAt(const QPoint &pos) const;
    // The character cell holding offset, in viewport coordinates; empty when its line is not shown.
    QRect byteRect(qint64 offset) const;

protected:
    void sourceReset() override;
    void sourceGrew(qint64 oldSize) override;
    void ensureCursorVisible() override;
    CopyFormat defaultCopyFormat() const override { return CopyFormat::Text; }
    QString bytesToText(const QByteArray &bytes) const override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void fontChanged() override;
    void retranslate() override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    // One character on screen and the bytes it stands for (relative to its line's start).
    struct Cell
    {
        char32_t ch;
        int byte;
        int bytes;
        bool dim;
    };
    struct Checkpoint
    {
        qint64 line;
        qint64 offset;
    };
    // Lines [first, first + starts.size() - 1): their starts, the end of the last, and their bytes.
    struct Lines
    {
        qint64 first = 0;
        std::vector<qint64> starts;
        QByteArray bytes;
    };
    struct LineCells
    {
        qint64 start = 0;
        qint64 end = 0;
        bool endsWithLf = false;
        std::vector<Cell> cells;
    };

    void indexSlice();
    void updateFontMetrics();
    void updateLayout();
    Lines readLines(qint64 first, qint64 count) const;
    LineCells lineCells(qint64 line) const;
    std::vector<Cell> decode(const char *data, int length) const;
    // Calls visit(line, start, end) for each line from the checkpoint at or before the one wanted
    // until visit returns false or the lines run out.
    template<typename Visit>
    void walkLines(const Checkpoint &from, Visit visit) const;
    const Checkpoint &checkpointForLine(qint64 line) const;
    const Checkpoint &checkpointForOffset(qint64 offset) const;
    // The caret's column in a line's cells: the cell holding offset, or the count past the end.
    static int cellIndexOf(const LineCells &line, qint64 offset);
    // The offset of column `column` in line, kept on that line (see keyPressEvent).
    qint64 offsetInLine(qint64 line, int column, bool extend) const;
    qreal cellX(int column) const { return m_charWidth * (1 + column); }
    void drawControlMark(QPainter &painter, const QRectF &cell, const QString &mark) const;

    Encoding m_encoding = Encoding::Utf8;
    std::vector<Checkpoint> m_checkpoints;
    qint64 m_completeLines = 0;
    qint64 m_scanStart = 0;   // where the last, still open, line starts
    qint64 m_maxLineBytes = 0;
    QTimer *m_indexTimer;
    bool m_revealCursorWhenIndexed = false;
    bool m_dragging = false;
    int m_goalColumn = -1;
    qreal m_charWidth = 8;
    qreal m_ascent = 10;
    QFont m_markFont;
    int m_rowHeight = 16;
};

} // namespace SocketLab
