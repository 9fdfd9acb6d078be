#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli tcp HOST PORT: one TCP exchange, its bytes and how it went.
class TcpCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TcpCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
