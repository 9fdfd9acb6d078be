#include "conversationcolors.h"

#include "reply/bytecolors.h"

#include <QPalette>

namespace SocketLab {

namespace {

QColor fromHsl(int hue, int saturation, int lightness)
{
    return QColor(QColor::fromHsl(hue, saturation, lightness).rgb());
}

} // namespace

ConversationColors ConversationColors::forPalette(const QPalette &palette)
{
    ConversationColors colors;
    // Deep on a light base, pale on a dark one: each keeps about 6:1 against its base.
    if (ByteColors::isDark(palette)) {
        colors.sent = fromHsl(212, 200, 172);
        colors.received = fromHsl(28, 200, 168);
        colors.error = fromHsl(0, 220, 180);
    } else {
        colors.sent = fromHsl(212, 200, 92);
        colors.received = fromHsl(28, 210, 84);
        colors.error = fromHsl(0, 200, 94);
    }
    colors.line = palette.color(QPalette::Text);
    colors.dimText = ByteColors::dimTextColor(palette);
    return colors;
}

} // namespace SocketLab
