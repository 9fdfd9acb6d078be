#pragma once

#include "commandline.h"
#include "exchangeoutput.h"
#include "targetoptions.h"

#include "collections/httprequestvariables.h"
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
        QString path;
        QString name;
        QString environment;
        BodyOutput body;
    };

    // The arguments only: the file is read when the command runs, so that parsing never touches the
    // disk (the fuzz target parses arbitrary command lines).
    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    // The request the invocation names, checked against its output options; a usage error otherwise.
    // `sent`: the named requests sent already for their replies. When the request needs the reply of
    // one not sent yet, *needs is {the request's name, that one's name} and nothing else is done.
    static ParseOutcome load(Invocation *invocation, SavedRequest *request, const SentHttpRequests &sent = {},
                             QStringList *needs = nullptr);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
