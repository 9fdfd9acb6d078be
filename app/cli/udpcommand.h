#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli udp HOST PORT: one datagram out, the replies collected for a while.
class UdpCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::UdpCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
