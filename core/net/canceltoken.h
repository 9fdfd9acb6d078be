#pragma once

#include <atomic>

namespace SocketLab {

// Stops an exchange from another thread at once: every wait of the exchange polls this token's
// eventfd beside its socket, so cancel() wakes it whatever it is blocked on (except getaddrinfo,
// which cannot be interrupted: its answer is then dropped).
class CancelToken
{
public:
    CancelToken();
    ~CancelToken();
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
    std::atomic<bool> m_cancelled{false};
};

} // namespace SocketLab
