#include "commandline.h"

#include "exitcode.h"
#include "text/errortext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace SocketLab::Cli {

namespace {

// Qt 6.4's own translations lack the words QCommandLineParser gives the help options: ours, under
// Qt's context, fill them in so that "--help" reads in one language.
[[maybe_unused]] constexpr const char *QtHelpTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
};

} // namespace

void printError(const QString &message)
{
    std::fprintf(stderr, "socketlab-cli: %s\n", message.toLocal8Bit().constData());
}

void printError(const NetError &error)
{
    printError(ErrorText::inSentence(error));
}

int usageError(const QString &message)
{
    printError(message);
    return UsageError;
}

int showHelp(const QCommandLineParser &parser, const QString &command)
{
    // The parser names the program by its path; a person reads "socketlab-cli tcp".
    QString text = parser.helpText();
    text.replace(QCoreApplication::arguments().constFirst(), command);
    std::fputs(text.toLocal8Bit().constData(), stdout);
    return Success;
}

} // namespace SocketLab::Cli
