#pragma once

#include "threads/commandqueue.h"

#include <QByteArray>

namespace SocketLab {

// What the owner asks of a conversation's worker, in the order asked.
struct ConversationCommand
{
    enum class Kind { Send, ShutdownWrite, ShutdownBoth, Close };
    Kind kind = Kind::Send;
    QByteArray bytes;  // Send
    int step = -1;     // the script line that asked, or -1
};

// The queue between the owner and the worker (threads/commandqueue.h). A class rather than an alias,
// so the worker's header can declare it ahead.
class ConversationCommands : public CommandQueue<ConversationCommand>
{
};

} // namespace SocketLab
