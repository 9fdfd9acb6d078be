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

ParseOutcome ParseOutcome::help(const QCommandLineParser &parser, const QString &command)
{
    // The parser names the program by its path; a person reads "socketlab-cli tcp".
    QString text = parser.helpText();
    if (const QStringList arguments = QCoreApplication::arguments(); !arguments.isEmpty() && !arguments.constFirst().isEmpty())
        text.replace(arguments.constFirst(), command);
    return {Action::Help, text};
}

int finish(const ParseOutcome &outcome)
{
    switch (outcome.action) {
    case ParseOutcome::Action::Help:
        std::fputs(outcome.text.toLocal8Bit().constData(), stdout);
        return Success;
    case ParseOutcome::Action::UsageError:
        return usageError(outcome.text);
    case ParseOutcome::Action::Run:
        break;
    }
    return Success;
}

} // namespace SocketLab::Cli
