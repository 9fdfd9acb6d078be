#include "errorpalette.h"

#include <QPalette>
#include <QWidget>

namespace SocketLab {

void setErrorTextColor(QWidget *widget)
{
    QPalette palette = widget->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    widget->setPalette(palette);
}

} // namespace SocketLab
