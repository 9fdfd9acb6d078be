#pragma once

namespace SocketLab {
class CancelToken;
}

namespace SocketLab::Cli {

// SIGINT and SIGTERM cancel the token (its eventfd write is async-signal-safe), so a ^C ends the
// exchange or the server cleanly and what was received is still printed.
void cancelOnSignals(CancelToken &token);

} // namespace SocketLab::Cli
