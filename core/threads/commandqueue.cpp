#include "commandqueue.h"

#include <cerrno>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace SocketLab {

CommandWakeUp::CommandWakeUp()
    : m_fd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_fd < 0)
        m_error = NetError::fromErrno(errno, QStringLiteral("eventfd"));
}

CommandWakeUp::~CommandWakeUp()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void CommandWakeUp::notify()
{
    if (m_fd < 0)
        return;
    const std::uint64_t one = 1;
    // The counter only has to become non-zero; a full counter (EAGAIN) is non-zero already.
    [[maybe_unused]] const ssize_t n = ::write(m_fd, &one, sizeof one);
}

void CommandWakeUp::clear()
{
    if (m_fd < 0)
        return;
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_fd, &count, sizeof count);
}

} // namespace SocketLab
