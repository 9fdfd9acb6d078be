#pragma once

#include <QFont>

class QColor;
class QPainter;
class QRectF;
class QString;

namespace SocketLab {

// How Text mode draws a mark: a small rounded box with a short label ("CR", "LF", "ff") in a
// smaller font. The mark characters themselves (Control Pictures, Braille) are missing from many
// monospace fonts and would show as identical empty boxes, so they are laid out invisible, widened
// to the box, and the box is painted over them.
class MarkStyle
{
public:
    explicit MarkStyle(const QFont &editorFont);

    // The width a mark takes in the line, its margins included.
    qreal boxWidth(const QString &label) const;
    // Paints the box inside cell (the mark's place in the line, a line high).
    void paint(QPainter *painter, const QRectF &cell, const QString &label, const QColor &ink,
               const QColor &fill) const;

private:
    QFont m_labelFont;
    qreal m_margin = 0;
};

} // namespace SocketLab
