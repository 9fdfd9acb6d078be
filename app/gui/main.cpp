#include "mainwindow.h"
#include "settings/storedsettings.h"

#include "servers/localservers.h"
#include "text/errortext.h"
#include "text/translations.h"
#include "threads/blockingcallpool.h"

#include <QApplication>
#include <QLocale>
#include <QSettings>

#include <cstdio>
#include <memory>
#include <span>
#include <string_view>

namespace {

// Answered before QApplication exists, which would need a display: `socketlab --version` works on a
// machine without one (the package check runs it on the installed binary).
bool asksForVersion(std::span<char *> arguments)
{
    for (const char *argument : arguments.subspan(arguments.empty() ? 0 : 1)) {
        if (std::string_view(argument) == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksForVersion(std::span(argv, static_cast<std::size_t>(argc)))) {
        std::fputs("socketlab " PROJECT_VERSION "\n", stdout);
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SocketLab"));
    QApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    QApplication::setDesktopFileName(QStringLiteral("socketlab"));

    // The language chosen in the Language menu, else the system's (LANG=fr_FR.UTF-8 gives French).
    // The window says what it could not use in the settings; here a bad value only gives way.
    const QSettings settingsFile;
    SocketLab::StoredSettings settings(settingsFile);
    const QString language = settings.choice(QStringLiteral("language"), SocketLab::Translations::languageFor(QLocale::system()),
                                             SocketLab::Translations::available());
    SocketLab::Translations::install(language);

    // Something real to talk to on the first launch, with no network at all. They start on their
    // own threads; the window opens as soon as they have answered (a few milliseconds), so that its
    // first target is the embedded HTTP server. The GUI thread never waits for a bind.
    SocketLab::LocalServers servers;
    std::unique_ptr<SocketLab::MainWindow> window;
    const auto openWindow = [&servers, &window] {
        if (window)
            return;
        // Opened even when they could not start: the Servers tab lists them stopped and can retry.
        window = std::make_unique<SocketLab::MainWindow>(&servers);
        window->show();
    };
    const auto warn = [](const SocketLab::NetError &error) {
        qWarning("%s", qPrintable(SocketLab::ErrorText::describe(error)));
    };
    QObject::connect(&servers, &SocketLab::LocalServers::started, &app, openWindow);
    QObject::connect(&servers, &SocketLab::LocalServers::startFailed, &app, [&](const SocketLab::NetError &error) {
        warn(error);
        openWindow();
    });
    if (const SocketLab::NetError error = servers.start(); error.isError()) {
        warn(error);
        openWindow();
    }
    // Declared after the servers, the window and its panels go first.
    const int status = QApplication::exec();
    // The conversations the close kept are still being written on the pool's file lane: the window
    // is gone already, so waiting here freezes nothing, and a file is not left unwritten.
    SocketLab::BlockingCallPool::waitForDone(SocketLab::BlockingCallPool::Lane::File, 60000);
    return status;
}
