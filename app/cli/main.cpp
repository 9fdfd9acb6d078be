#include "commands.h"

#include "text/translations.h"

#include <QCoreApplication>
#include <QLocale>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The window's names: both find the same data folder, where `serve --tls` keeps the self-signed
    // certificate the window's servers use too.
    QCoreApplication::setApplicationName(QStringLiteral("SocketLab"));
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    // The messages follow the locale (LANG=fr_FR.UTF-8 gives French); the JSON keys never change.
    SocketLab::Translations::install(SocketLab::Translations::languageFor(QLocale::system()));
    return SocketLab::Cli::runCommandLine(QCoreApplication::arguments());
}
