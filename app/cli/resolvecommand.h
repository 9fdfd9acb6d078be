#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli resolve HOST [SERVICE] and reverse ADDRESS [PORT]: getaddrinfo() and getnameinfo()
// with every hint and flag, answered as the C library answers.
class ResolveCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ResolveCommand)
public:
    static int runResolve(const QStringList &arguments);
    static int runReverse(const QStringList &arguments);
};

} // namespace SocketLab::Cli
