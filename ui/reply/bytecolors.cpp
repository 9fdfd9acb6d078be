#include "bytecolors.h"

#include <QCoreApplication>
#include <QPalette>

namespace SocketLab {

namespace {

// Hues far enough apart that neighbouring parts (a header after the status line, a chunk's data
// between its size line and its CRLF) never look alike.
int partHue(HttpPart part)
{
    switch (part) {
    case HttpPart::StatusLine: return 215;
    case HttpPart::Header: return 140;
    case HttpPart::BlankLine: return 285;
    case HttpPart::ChunkSizeLine: return 30;
    case HttpPart::ChunkData: return 185;
    case HttpPart::ChunkDataEnd: return 330;
    case HttpPart::Trailer: return 60;
    case HttpPart::Body: return 40;
    }
    return 0;
}

// Rounded to 8 bits a channel, as every pixel is: a colour read back from a painted image then
// compares equal to the one that painted it.
QColor fromHsl(int hue, int saturation, int lightness)
{
    return QColor(QColor::fromHsl(hue, saturation, lightness).rgb());
}

QColor blend(const QColor &a, const QColor &b, qreal aWeight)
{
    const qreal bWeight = 1.0 - aWeight;
    return QColor::fromRgbF(float(a.redF() * aWeight + b.redF() * bWeight),
                            float(a.greenF() * aWeight + b.greenF() * bWeight),
                            float(a.blueF() * aWeight + b.blueF() * bWeight));
}

} // namespace

QList<HttpPart> ByteColors::allParts()
{
    return {HttpPart::StatusLine, HttpPart::Header,       HttpPart::BlankLine, HttpPart::ChunkSizeLine,
            HttpPart::ChunkData,  HttpPart::ChunkDataEnd, HttpPart::Trailer,   HttpPart::Body};
}

bool ByteColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor ByteColors::partColor(HttpPart part, const QPalette &palette)
{
    // The body is most of a reply: a quiet tint, so the framing parts around it stand out.
    const bool quiet = part == HttpPart::Body;
    // Pale on a light base, deep on a dark one: the palette's own text colour stays readable on both,
    // and so do the dim marks (CR, LF) drawn over them, at about 3:1 or better.
    if (isDark(palette))
        return fromHsl(partHue(part), quiet ? 40 : 110, quiet ? 46 : 54);
    return fromHsl(partHue(part), quiet ? 70 : 170, quiet ? 230 : 212);
}

QString ByteColors::partName(HttpPart part)
{
    switch (part) {
    case HttpPart::StatusLine: return QCoreApplication::translate("SocketLab::ByteColors", "Status line");
    case HttpPart::Header: return QCoreApplication::translate("SocketLab::ByteColors", "Header");
    case HttpPart::BlankLine: return QCoreApplication::translate("SocketLab::ByteColors", "Blank line");
    case HttpPart::ChunkSizeLine: return QCoreApplication::translate("SocketLab::ByteColors", "Chunk size line");
    case HttpPart::ChunkData: return QCoreApplication::translate("SocketLab::ByteColors", "Chunk data");
    case HttpPart::ChunkDataEnd: return QCoreApplication::translate("SocketLab::ByteColors", "Chunk end (CRLF)");
    case HttpPart::Trailer: return QCoreApplication::translate("SocketLab::ByteColors", "Trailer");
    case HttpPart::Body: return QCoreApplication::translate("SocketLab::ByteColors", "Body");
    }
    return {};
}

QColor ByteColors::boundaryColor(const QPalette &palette)
{
    return isDark(palette) ? fromHsl(25, 230, 150) : fromHsl(10, 220, 115);
}

QColor ByteColors::messageEndColor(const QPalette &palette)
{
    // Purple: apart from the recv() boundaries' orange and from every part's tint.
    return isDark(palette) ? fromHsl(290, 200, 175) : fromHsl(285, 200, 95);
}

QColor ByteColors::dimTextColor(const QPalette &palette)
{
    // Nearer the text than the base: halfway, a CR mark over a header's tint fell under 2:1 on a
    // dark palette and was lost.
    return blend(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.6);
}

} // namespace SocketLab
