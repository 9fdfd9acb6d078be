#pragma once

#include "http/httpresponseparser.h"

#include <QColor>
#include <QList>
#include <QString>

class QPalette;

namespace SocketLab {

// The colours the byte views paint with, chosen per palette lightness so they read on a light and
// on a dark theme alike, and the names a legend shows beside them.
class ByteColors
{
public:
    static QList<HttpPart> allParts();
    // The background of the bytes of one HTTP part.
    static QColor partColor(HttpPart part, const QPalette &palette);
    // "Status line", "Chunk data"...: translated.
    static QString partName(HttpPart part);
    // The rule drawn where one recv() (or datagram) ends and the next begins.
    static QColor boundaryColor(const QPalette &palette);
    // Where a framed message ends, and the hatching of the bytes after it.
    static QColor messageEndColor(const QPalette &palette);
    // Offsets, and the marks that stand for bytes rather than being them (CR, LF, U+FFFD).
    static QColor dimTextColor(const QPalette &palette);
    static bool isDark(const QPalette &palette);
};

} // namespace SocketLab
