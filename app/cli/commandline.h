#pragma once

#include <QString>

class QCommandLineParser;

namespace SocketLab {
struct NetError;
}

namespace SocketLab::Cli {

// One clear line on stderr and exit code 2: what every sub-command does with bad arguments.
int usageError(const QString &message);

// What reading a command line gives, before anything runs: go on, show the help, or a usage error.
// Parsing only returns it; main() (through finish()) prints and picks the exit code, so that the
// parsing can be run alone, as the fuzz target does, and never ends the process.
struct ParseOutcome
{
    enum class Action { Run, Help, UsageError };
    Action action = Action::Run;
    QString text;  // the help, or the usage error's sentence

    bool runs() const { return action == Action::Run; }
    static ParseOutcome run() { return {}; }
    // --help of a sub-command, naming it as a person types it ("socketlab-cli tcp").
    static ParseOutcome help(const QCommandLineParser &parser, const QString &command);
    static ParseOutcome usage(const QString &message) { return {Action::UsageError, message}; }
};

// Prints a help on stdout (exit code 0) or a usage error on stderr (exit code 2).
int finish(const ParseOutcome &outcome);
// A line on stderr for a person, prefixed "socketlab-cli: ".
void printError(const QString &message);
// An error after the prefix, in the form made for inside a sentence: the prefix's colon is the only
// one before it, the code said once ("socketlab-cli: connection refused by ... (ECONNREFUSED) during connect()").
void printError(const NetError &error);

} // namespace SocketLab::Cli
