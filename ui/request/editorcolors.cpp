#include "editorcolors.h"

#include <QPalette>

namespace SocketLab {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amountOfB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amountOfB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amountOfB));
}

} // namespace

EditorColors EditorColors::forPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightness() < 128;
    EditorColors colors;
    colors.mark = mix(text, base, 0.45);
    colors.markBackground = mix(base, text, 0.08);
    colors.rawByte = dark ? QColor(0xe5, 0xb5, 0x67) : QColor(0x8a, 0x52, 0x00);
    colors.rawByteBackground = mix(base, colors.rawByte, 0.14);
    colors.escape = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x56, 0xb0);
    colors.error = dark ? QColor(0xff, 0x80, 0x78) : QColor(0xc0, 0x1c, 0x1c);
    colors.errorBackground = mix(base, colors.error, 0.22);
    return colors;
}

} // namespace SocketLab
