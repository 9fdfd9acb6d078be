#pragma once

#include "framing/framingfacts.h"
#include "framing/framingreplay.h"

#include <QString>

namespace SocketLab {

// The sentences of the Framing view and of socketlab-cli --explain: one fact, or where a replay step
// leaves the parser, translated.
namespace FramingText {

QString describe(const FramingFact &fact);
// Where the fact's bytes are, for a listing without a hex view beside it: "[0x84-0x87]", "[0x19a]"
// for a point between two bytes; empty for a fact about no bytes.
QString rangeLabel(const FramingFact &fact);
// "recv #3: 1,024 bytes, offsets 1,024 to 2,047, +12.3 ms after the first byte (+13.0 ms after the send)"
QString stepHeading(const ReplayStep &step);
// "Chunk 2 (size 0x1f4 = 500): 120 of 500 bytes."
QString stepState(const ReplayStep &step);

} // namespace FramingText

} // namespace SocketLab
