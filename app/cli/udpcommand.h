#pragma once

#include "codeoption.h"
#include "commandline.h"
#include "payloadoptions.h"
#include "targetoptions.h"

#include "exchange/udpexchange.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli udp HOST PORT: one datagram out, the replies collected for a while.
class UdpCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::UdpCommand)
public:
    // What the arguments ask for, read and checked but not run.
    struct Invocation
    {
        TargetOptions target{QStringLiteral("udp"), false};
        PayloadSource payload;
        UdpRequest request;  // all but the payload, which is read when the exchange runs
        CodeOption code;     // --code: print the program rather than run
    };

    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
