#pragma once

#include "commandline.h"

#include "servers/listener.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli serve http|echo|reply|log|udp-echo|udp-reply|udp-log: a listener in the foreground,
// until SIGINT or SIGTERM; prints the address it bound so a script can connect to it, and with --tls
// the certificate's SHA-256 so a client can pin it.
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ServeCommand)
public:
    // What the arguments ask for, read and checked but not started.
    struct Invocation
    {
        QString kind;
        Listener::Settings settings;
    };

    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
