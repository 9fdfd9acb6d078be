#pragma once

#include "commandline.h"
#include "relayprinter.h"

#include "relay/relaysettings.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab::Cli {

// socketlab-cli relay LISTEN_PORT TARGET_HOST TARGET_PORT: listens, forwards each client to the
// target and prints both directions' bytes as they pass, until SIGINT or SIGTERM; then the totals.
class RelayCommand
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::RelayCommand)
public:
    struct Invocation
    {
        RelaySettings settings;
        RelayPrinter::Format format = RelayPrinter::Format::Text;
        bool quiet = false;
    };

    static ParseOutcome parse(const QStringList &arguments, Invocation *invocation);
    static int run(const QStringList &arguments);
};

} // namespace SocketLab::Cli
