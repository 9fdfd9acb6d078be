#pragma once

#include "net/neterror.h"

#include <QByteArray>

#include <atomic>
#include <deque>
#include <mutex>

namespace SocketLab {

// What the owner asks of a conversation's worker, in the order asked.
struct ConversationCommand
{
    enum class Kind { Send, ShutdownWrite, ShutdownBoth, Close };
    Kind kind = Kind::Send;
    QByteArray bytes;  // Send
    int step = -1;     // the script line that asked, or -1
};

// The queue between the owner and the worker: push() from any thread wakes the worker's poll()
// through an eventfd, which fd() gives; the worker takes everything queued at once.
class ConversationCommands
{
public:
    ConversationCommands();
    ~ConversationCommands();
    ConversationCommands(const ConversationCommands &) = delete;
    ConversationCommands &operator=(const ConversationCommands &) = delete;

    void push(ConversationCommand command);
    // Everything queued, oldest first; clears the eventfd.
    std::deque<ConversationCommand> takeAll();
    int fd() const { return m_fd; }
    // Bytes pushed in sends that the socket has not taken yet; the worker tells what it wrote.
    qint64 unsent() const { return m_unsent.load(std::memory_order_acquire); }
    void written(qint64 bytes) { m_unsent.fetch_sub(bytes, std::memory_order_acq_rel); }
    // eventfd()'s failure, or no error: a worker nobody can wake is not started.
    const NetError &error() const { return m_error; }

private:
    int m_fd = -1;
    NetError m_error;
    std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    std::deque<ConversationCommand> m_queue;
    std::atomic<qint64> m_unsent{0};
};

} // namespace SocketLab
