#pragma once

#include "commandline.h"
#include "exchangeoutput.h"
#include "targetoptions.h"

#include "collections/savedrequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli run FILE: a saved request of a .http file or a collection file, sent as tcp, udp or
// talk --script would send it, with tcp's output options and exit codes.
class RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::RunCommand)
public:
    struct Invocation
    {
        TargetOptions target{QStringLiteral("run"), true};  // only its output options are read
        SavedRequest request;
        BodyOutput body;
    };

    // Reads the file too: which request to run is part of what the arguments say.
    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
