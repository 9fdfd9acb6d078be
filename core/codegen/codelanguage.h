#pragma once

namespace SocketLab {

// The languages "Show code" writes an exchange in.
enum class CodeLanguage { Python, C };

} // namespace SocketLab
