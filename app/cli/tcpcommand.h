#pragma once

#include "codeoption.h"
#include "commandline.h"
#include "exchangeoutput.h"
#include "payloadoptions.h"
#include "targetoptions.h"

#include "exchange/tcpexchange.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli tcp HOST PORT: one TCP exchange, its bytes and how it went.
class TcpCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TcpCommand)
public:
    // What the arguments ask for, read and checked but not run.
    struct Invocation
    {
        TargetOptions target{QStringLiteral("tcp"), true};
        PayloadSource payload;
        TcpRequest request;  // all but the payload, which is read when the exchange runs
        BodyOutput body;
        CodeOption code;  // --code: print the program rather than run
    };

    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
