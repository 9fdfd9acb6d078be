#pragma once

#include "net/socketoption.h"
#include "threads/commandqueue.h"

#include <QByteArray>

#include <atomic>

namespace SocketLab {

// What the owner asks of a conversation's worker, in the order asked.
struct ConversationCommand
{
    enum class Kind { Send, ShutdownWrite, ShutdownBoth, Close, SetOption };
    Kind kind = Kind::Send;
    QByteArray bytes;  // Send
    int step = -1;     // the script line that asked, or -1
    SocketOptionSetting option;  // SetOption
};

// The queue between the owner and the worker (threads/commandqueue.h). A class rather than an alias,
// so the worker's header can declare it ahead.
class ConversationCommands : public CommandQueue<ConversationCommand>
{
public:
    // Counts a send's bytes as unsent before queuing it.
    void push(ConversationCommand command)
    {
        m_unsent.fetch_add(command.bytes.size(), std::memory_order_acq_rel);
        CommandQueue::push(std::move(command));
    }
    // Bytes pushed in sends that the socket has not taken yet; the worker tells what it wrote.
    qint64 unsent() const { return m_unsent.load(std::memory_order_acquire); }
    void written(qint64 bytes) { m_unsent.fetch_sub(bytes, std::memory_order_acq_rel); }

private:
    std::atomic<qint64> m_unsent{0};
};

} // namespace SocketLab
