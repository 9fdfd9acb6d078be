#pragma once

#include <QColor>

class QPalette;

namespace SocketLab {

// The request editor's own colours, chosen from the palette so marks stay dim and errors stay
// readable on a dark palette as on a light one.
struct EditorColors
{
    QColor mark;              // the label of a CR, LF or other control byte: dim, not hidden
    QColor markBackground;
    QColor rawByte;           // the hex label of a byte that is not shown as a character
    QColor rawByteBackground;
    QColor escape;            // \r \n \xNN in Escapes mode
    QColor error;             // the wavy underline and the message
    QColor errorBackground;

    static EditorColors forPalette(const QPalette &palette);
};

} // namespace SocketLab
