#pragma once

#include <QString>

class QCommandLineParser;

namespace SocketLab {
struct NetError;
}

namespace SocketLab::Cli {

// One clear line on stderr and exit code 2: what every sub-command does with bad arguments.
int usageError(const QString &message);
// --help of a sub-command ("socketlab-cli tcp"), on stdout, exit code 0.
int showHelp(const QCommandLineParser &parser, const QString &command);
// A line on stderr for a person, prefixed "socketlab-cli: ".
void printError(const QString &message);
// An error after the prefix, in the form made for inside a sentence: the prefix's colon is the only
// one before it, the code said once ("socketlab-cli: connection refused by ... (ECONNREFUSED) during connect()").
void printError(const NetError &error);

} // namespace SocketLab::Cli
