#pragma once

#include "bytes/segment.h"

#include <QList>
#include <QString>

#include <cstdio>
#include <functional>

namespace SocketLab {
class ByteSource;
}

namespace SocketLab::Cli {

// Writes "offset | hex | text" rows, 16 bytes a row, with a line before each segment (one recv() or
// one datagram) so a person sees where every call ended; rows restart at each segment's first byte.
void writeHexDump(std::FILE *out, const ByteSource &bytes, const QList<Segment> &segments,
                  const std::function<QString(qsizetype, const Segment &)> &segmentLabel);

} // namespace SocketLab::Cli
