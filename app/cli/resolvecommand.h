#pragma once

#include "commandline.h"

#include "net/resolver.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli resolve HOST [SERVICE] and reverse ADDRESS [PORT]: getaddrinfo() and getnameinfo()
// with every hint and flag, answered as the C library answers.
class ResolveCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ResolveCommand)
public:
    // What the arguments ask for, read and checked but not run.
    struct ResolveInvocation
    {
        ResolveQuery query;
        bool json = false;
    };
    struct ReverseInvocation
    {
        NameInfoQuery query;
        QString address;  // as typed, for the JSON report
        int port = 0;
        bool json = false;
    };

    static ParseOutcome parseResolve(const QStringList &arguments, ResolveInvocation *invocation);
    static ParseOutcome parseReverse(const QStringList &arguments, ReverseInvocation *invocation);
    static int runResolve(const QStringList &arguments);
    static int runReverse(const QStringList &arguments);
};

} // namespace SocketLab::Cli
