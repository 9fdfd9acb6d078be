#pragma once

#include <QColor>

class QPalette;

namespace SocketLab {

// The colours a conversation is drawn in, chosen per palette lightness so each reads as text on the
// palette's base, light or dark (4.5:1 or better): what was sent in blue, what was received in
// orange, a pair told apart with the common colour blindnesses too; errors in red.
struct ConversationColors
{
    QColor sent;
    QColor received;
    QColor error;
    QColor line;      // the two ends' lifelines and the marks that are neither sent nor received
    QColor dimText;   // times, addresses, the gap marks

    static ConversationColors forPalette(const QPalette &palette);
};

} // namespace SocketLab
