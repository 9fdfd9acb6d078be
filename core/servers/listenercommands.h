#pragma once

#include "threads/commandqueue.h"

#include <QByteArray>

namespace SocketLab {

// What a listener's owner asks of its worker for one client, in the order asked.
struct ListenerCommand
{
    enum class Kind { Send, ShutdownWrite, Close };
    Kind kind = Kind::Send;
    quint64 clientId = 0;
    QByteArray bytes;  // Send
};

// The queue from Listener to its worker (threads/commandqueue.h). A class rather than an alias, so
// headers can declare it ahead.
class ListenerCommands : public CommandQueue<ListenerCommand>
{
};

} // namespace SocketLab
