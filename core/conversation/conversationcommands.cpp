#include "conversationcommands.h"

#include <cerrno>
#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace SocketLab {

ConversationCommands::ConversationCommands()
    : m_fd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_fd < 0)
        m_error = NetError::fromErrno(errno, QStringLiteral("eventfd"));
}

ConversationCommands::~ConversationCommands()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void ConversationCommands::push(ConversationCommand command)
{
    m_unsent.fetch_add(command.bytes.size(), std::memory_order_acq_rel);
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(command));
    }
    if (m_fd < 0)
        return;
    const std::uint64_t one = 1;
    // The counter only has to become non-zero; a full counter (EAGAIN) is non-zero already.
    [[maybe_unused]] const ssize_t n = ::write(m_fd, &one, sizeof one);
}

std::deque<ConversationCommand> ConversationCommands::takeAll()
{
    if (m_fd >= 0) {
        std::uint64_t count = 0;
        // Read before taking: a push that follows the read wakes the next poll() again.
        [[maybe_unused]] const ssize_t n = ::read(m_fd, &count, sizeof count);
    }
    std::lock_guard lock(m_mutex);
    std::deque<ConversationCommand> taken;
    taken.swap(m_queue);
    return taken;
}

} // namespace SocketLab
