#pragma once

#include "neterror.h"

#include <atomic>

namespace SocketLab {

// Stops an exchange or a listener from another thread at once: every wait of the worker polls this
// token's eventfd beside its sockets, so cancel() wakes it whatever it is blocked on (except
// getaddrinfo, which cannot be interrupted: its answer is then dropped).
//
// An eventfd the system will not make (EMFILE, ENFILE) leaves a token that could never wake a
// wait: error() says so, and whoever starts a worker with the token fails with that error rather
// than run a worker nobody can stop.
class CancelToken
{
public:
    CancelToken();
    ~CancelToken();
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();
    // Wakes every wait as cancel() does, as a person's choice to end now with what has come: an
    // exchange then ends without an error, its bytes being the reply.
    void stop();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    bool isStopRequest() const { return m_stopRequest.load(std::memory_order_acquire); }
    int fd() const { return m_fd; }
    // eventfd()'s failure, or no error.
    const NetError &error() const { return m_error; }

private:
    int m_fd = -1;
    NetError m_error;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_stopRequest{false};
};

} // namespace SocketLab
