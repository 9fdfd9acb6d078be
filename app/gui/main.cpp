#include "mainwindow.h"

#include "servers/localservers.h"
#include "text/errortext.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SocketLab"));
    QApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    QApplication::setDesktopFileName(QStringLiteral("socketlab"));

    // Something real to talk to on the first launch, with no network at all.
    SocketLab::LocalServers servers;
    const SocketLab::NetError started = servers.start();
    if (started.isError())
        qWarning("%s", qPrintable(SocketLab::ErrorText::describe(started)));

    SocketLab::MainWindow window(started.isError() ? nullptr : &servers);
    window.show();
    return QApplication::exec();
}
