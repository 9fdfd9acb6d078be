#pragma once

#include "capture/pcapngfile.h"

namespace SocketLab {

class ConversationRecord;

// What a conversation left behind, from which its packets are rebuilt.
struct ConversationCaptureInput
{
    const ConversationRecord *record = nullptr;
    bool udp = false;
    qint64 startEpochUs = 0;  // the wall-clock time at which the conversation's clock started
};

// A conversation as a capture would have shown it, its events in their order at their times.
// TCP: the failed connect() attempts each a stream of their own, then the handshake, one packet per
// send() and per recv() (cut at MaxFramePayload) with the other side's ACK, a FIN for shutdown(SHUT_WR)
// or close() and for the peer's end of file, the peer's RST for a reset. A TLS conversation's
// application bytes go as plain payload, saying so. UDP: each datagram sent and received, with its
// sender. A conversation still open ends where its record is; messages the record did not keep (past
// its caps) are left out, and the section's comment says how many. Written to output as it is made:
// 0, or the errno of the write that failed.
int conversationCapture(const ConversationCaptureInput &input, const CaptureOutput &output);

} // namespace SocketLab
