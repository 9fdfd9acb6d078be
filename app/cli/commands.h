#pragma once

#include "commandline.h"

#include <QStringList>

namespace SocketLab::Cli {

// The sub-commands of socketlab-cli, by name. arguments are the program's, as main() gets them:
// the program, the command, then its own arguments.

// Reads and checks the whole command line without running anything, opening a socket or reading
// a file: what the fuzz target calls.
ParseOutcome parseCommandLine(const QStringList &arguments);
// Runs what the command line asks for; the exit code.
int runCommandLine(const QStringList &arguments);

} // namespace SocketLab::Cli
