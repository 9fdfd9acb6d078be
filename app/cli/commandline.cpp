#include "commandline.h"

#include "exitcode.h"

#include <QCommandLineParser>

#include <cstdio>

namespace SocketLab::Cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "socketlab-cli: %s\n", message.toLocal8Bit().constData());
}

int usageError(const QString &message)
{
    printError(message);
    return UsageError;
}

int showHelp(const QCommandLineParser &parser)
{
    std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
    return Success;
}

} // namespace SocketLab::Cli
