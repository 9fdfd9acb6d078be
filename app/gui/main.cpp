#include "mainwindow.h"

#include "servers/localservers.h"
#include "text/errortext.h"
#include "text/translations.h"

#include <QApplication>
#include <QLocale>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SocketLab"));
    QApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    QApplication::setDesktopFileName(QStringLiteral("socketlab"));

    // The language chosen in the Language menu, else the system's (LANG=fr_FR.UTF-8 gives French).
    const QString language = QSettings().value(QStringLiteral("language"),
                                               SocketLab::Translations::languageFor(QLocale::system())).toString();
    SocketLab::Translations::install(language);

    // Something real to talk to on the first launch, with no network at all.
    SocketLab::LocalServers servers;
    const SocketLab::NetError started = servers.start();
    if (started.isError())
        qWarning("%s", qPrintable(SocketLab::ErrorText::describe(started)));

    // Passed even when they could not start: the Servers tab lists them stopped and can retry.
    SocketLab::MainWindow window(&servers);
    window.show();
    return QApplication::exec();
}
