#include "canceltoken.h"

#include <cerrno>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace SocketLab {

CancelToken::CancelToken()
    : m_fd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_fd < 0)
        m_error = NetError::fromErrno(errno, QStringLiteral("eventfd"));
}

CancelToken::~CancelToken()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void CancelToken::cancel()
{
    m_cancelled.store(true, std::memory_order_release);
    if (m_fd < 0)
        return;
    const std::uint64_t one = 1;
    // The counter only has to become non-zero; a full counter (EAGAIN) is non-zero already.
    [[maybe_unused]] const ssize_t n = ::write(m_fd, &one, sizeof one);
}

void CancelToken::stop()
{
    // Set before the wake-up, so that whoever wakes reads it.
    m_stopRequest.store(true, std::memory_order_release);
    cancel();
}

} // namespace SocketLab
