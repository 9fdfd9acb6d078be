#pragma once

#include "codeoption.h"

#include "commandline.h"
#include "targetoptions.h"

#include "conversation/conversationrequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli talk HOST PORT: a conversation kept open, typed on standard input like nc, or played
// from a script of sends and expectations.
class TalkCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TalkCommand)
public:
    struct Invocation
    {
        TargetOptions target{QStringLiteral("talk"), true, FormatChoice::Conversation};
        ConversationRequest request;
        QString scriptPath;  // read when the command runs
        bool crlf = false;
        bool hexdump = false;
        CodeOption code;  // --code: print the script's program rather than run it
        QString pcapPath;    // --pcap: the conversation as a capture, written once it is over
        QString reportPath;  // --report: the conversation as a text report, written once it is over
    };

    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
