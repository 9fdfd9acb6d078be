#include "markstyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace SocketLab {

MarkStyle::MarkStyle(const QFont &editorFont)
    : m_labelFont(editorFont)
{
    // Sizes follow the editor's font, so marks scale with it and stay sharp at any pixel ratio.
    if (editorFont.pointSizeF() > 0)
        m_labelFont.setPointSizeF(editorFont.pointSizeF() * 0.8);
    else
        m_labelFont.setPixelSize(qMax(1, qRound(editorFont.pixelSize() * 0.8)));
    m_margin = QFontMetricsF(editorFont).averageCharWidth() * 0.3;
}

qreal MarkStyle::boxWidth(const QString &label) const
{
    return QFontMetricsF(m_labelFont).horizontalAdvance(label) + 3 * m_margin;
}

void MarkStyle::paint(QPainter *painter, const QRectF &cell, const QString &label, const QColor &ink,
                      const QColor &fill) const
{
    const qreal inset = m_margin / 2;
    const QRectF box = cell.adjusted(inset, cell.height() * 0.12, -inset, -cell.height() * 0.12);
    const qreal radius = box.height() * 0.25;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, radius, radius);
    painter->setPen(ink);
    painter->setFont(m_labelFont);
    painter->drawText(box, Qt::AlignCenter, label);
    painter->restore();
}

} // namespace SocketLab
