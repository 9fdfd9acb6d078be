#pragma once

#include "http/httpresponseparser.h"

namespace SocketLab {

// Why an exchange stopped reading, as a value; text/stoptext.h makes the sentence.
enum class StopReason {
    PeerClosed,         // recv() returned 0
    HttpComplete,       // the response's own framing said it was complete
    ByteCountReached,   // StopRule bytes:N
    Idle,               // StopRule idle:MS
    Timeout,            // the total timeout passed
    SizeCap,            // the size cap was reached; the rest was not read
    Cancelled,
    Stopped,            // the person stopped reading (Stop now): what came is the reply, not an error
    Error,              // a call failed (the result's error says which); bytes before it are kept
    Malformed,          // the reply broke HTTP framing (StopRule http); bytes are kept
    WaitElapsed,        // UDP: the wait window ended
    DatagramCountReached, // UDP: --count datagrams arrived
};

struct StopInfo
{
    StopReason reason = StopReason::PeerClosed;
    qint64 bytes = 0;       // bytes received when it stopped
    qint64 limit = 0;       // the N of bytes:N, the ms of idle/timeout/wait, the cap, the count
    HttpFraming framing = HttpFraming::Unknown; // for HttpComplete, PeerClosed and Stopped
    qint64 contentLength = -1;                  // for HttpComplete with ContentLength
    bool httpComplete = false;                  // for Stopped: the HTTP reply's framing had said it was complete
    // For PeerClosed over TLS: the connection ended without the peer's close_notify, so the reply
    // may have been cut off by anyone on the way.
    bool closeNotifyMissing = false;
    // For PeerClosed: the HTTP reply's Transfer-Encoding did not end with chunked, so the close is what
    // ended its body (RFC 9112 section 6.3).
    bool transferEncodingNotChunked = false;
};

} // namespace SocketLab
