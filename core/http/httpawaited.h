#pragma once

#include <QtGlobal>

namespace SocketLab {

class ByteSource;

// What an HTTP reply that has not ended still waits for, by its own framing, read from its bytes so
// far: what the window says while an exchange stopping at the HTTP framing waits on a silent server.
struct HttpAwaited
{
    enum class Kind {
        HeadEnd,   // the header section is not complete: its blank line has not come
        Bytes,     // `bytes` more, as Content-Length announced
        LastChunk, // the rest of a chunked body, up to its last (zero-size) chunk
        Close,     // no Content-Length and not chunked: the body ends when the server closes
        Nothing,   // the reply is complete by its framing, or is not HTTP at all
    };
    Kind kind = Kind::Nothing;
    qint64 bytes = 0; // with Bytes: how many are still to come
    qint64 total = 0; // with Bytes: the Content-Length
};

// Reads the reply's head only (at most HeadLimit bytes), whatever the reply's size.
HttpAwaited httpAwaited(const ByteSource &reply);

} // namespace SocketLab
