#pragma once

#include <QString>

class QCommandLineParser;

namespace SocketLab::Cli {

// One clear line on stderr and exit code 2: what every sub-command does with bad arguments.
int usageError(const QString &message);
// --help of a sub-command, on stdout, exit code 0.
int showHelp(const QCommandLineParser &parser);
// A line on stderr for a person, prefixed "socketlab-cli: ".
void printError(const QString &message);

} // namespace SocketLab::Cli
