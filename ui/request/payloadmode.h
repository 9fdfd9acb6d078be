#pragma once

namespace SocketLab {

// How the request editor shows the bytes it holds; every mode holds the same bytes.
enum class PayloadMode {
    Escaped, // PayloadCodec escapes: GET / HTTP/1.0\r\n\r\n
    Text,    // VisibleText: lines, with CR and LF shown as marks
    Hex,     // PayloadCodec hex, 16 bytes a line
};

} // namespace SocketLab
