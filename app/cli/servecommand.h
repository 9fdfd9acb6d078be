#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli serve http|echo|udp-echo: one of the embedded servers, in the foreground, until
// SIGINT or SIGTERM; prints the address it bound so a script can connect to it.
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ServeCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
