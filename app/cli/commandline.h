#pragma once

#include <QString>

class QCommandLineParser;

namespace SocketLab::Cli {

// One clear line on stderr and exit code 2: what every sub-command does with bad arguments.
int usageError(const QString &message);
// --help of a sub-command ("socketlab-cli tcp"), on stdout, exit code 0.
int showHelp(const QCommandLineParser &parser, const QString &command);
// A line on stderr for a person, prefixed "socketlab-cli: ".
void printError(const QString &message);

} // namespace SocketLab::Cli
