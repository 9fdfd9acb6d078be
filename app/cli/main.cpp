#include "commandline.h"
#include "exitcode.h"
#include "resolvecommand.h"
#include "servecommand.h"
#include "tcpcommand.h"
#include "udpcommand.h"

#include "text/translations.h"

#include <QCoreApplication>
#include <QLocale>

#include <cstdio>

namespace {

struct Main
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::Main)
};

int showUsage()
{
    const QString text = Main::tr(
        "Usage: socketlab-cli COMMAND [options]\n"
        "\n"
        "Commands:\n"
        "  tcp HOST PORT          send a request over TCP and show every byte of the reply\n"
        "  udp HOST PORT          send a datagram and show the datagrams that come back\n"
        "  resolve HOST [SERVICE] getaddrinfo(), every row in order\n"
        "  reverse ADDRESS [PORT] getnameinfo()\n"
        "  serve KIND             run a local server until SIGINT or SIGTERM (http, echo, reply, log,\n"
        "                         udp-echo, udp-reply, udp-log; --tls for TCP)\n"
        "\n"
        "socketlab-cli COMMAND --help describes the options of a command.\n"
        "Exit codes: 0 success, 2 usage error, 3 network, name resolution or write error, 4 timeout,\n"
        "5 malformed reply, 6 TLS handshake failed or certificate refused, 130 interrupted.\n");
    std::fputs(text.toLocal8Bit().constData(), stdout);
    return SocketLab::Cli::Success;
}

} // namespace

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

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        SocketLab::Cli::printError(Main::tr("No command given: use tcp, udp, resolve, reverse or serve (socketlab-cli --help says more)."));
        return SocketLab::Cli::UsageError;
    }
    const QString command = arguments.at(1);
    // Each sub-command parses "socketlab-cli COMMAND ..." as if COMMAND were the program.
    arguments.removeAt(1);
    arguments[0] = QStringLiteral("socketlab-cli ") + command;

    using namespace SocketLab::Cli;
    if (command == QLatin1StringView("tcp"))
        return TcpCommand::run(arguments);
    if (command == QLatin1StringView("udp"))
        return UdpCommand::run(arguments);
    if (command == QLatin1StringView("resolve"))
        return ResolveCommand::runResolve(arguments);
    if (command == QLatin1StringView("reverse"))
        return ResolveCommand::runReverse(arguments);
    if (command == QLatin1StringView("serve"))
        return ServeCommand::run(arguments);
    if (command == QLatin1StringView("--help") || command == QLatin1StringView("-h") || command == QLatin1StringView("help"))
        return showUsage();
    if (command == QLatin1StringView("--version")) {
        std::printf("socketlab-cli %s\n", PROJECT_VERSION);
        return Success;
    }
    printError(Main::tr("Unknown command \"%1\": use tcp, udp, resolve, reverse or serve.").arg(command));
    return UsageError;
}
