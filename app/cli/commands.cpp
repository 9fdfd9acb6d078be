#include "commands.h"

#include "exitcode.h"
#include "resolvecommand.h"
#include "runcommand.h"
#include "relaycommand.h"
#include "servecommand.h"
#include "talkcommand.h"
#include "tcpcommand.h"
#include "udpcommand.h"

#include <QCoreApplication>

#include <utility>

namespace SocketLab::Cli {

namespace {

struct Main
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::Main)
};

QString usageText()
{
    return Main::tr("Usage: socketlab-cli COMMAND [options]\n"
                    "\n"
                    "Commands:\n"
                    "  tcp HOST PORT          send a request over TCP and show every byte of the reply\n"
                    "  udp HOST PORT          send a datagram and show the datagrams that come back\n"
                    "  resolve HOST [SERVICE] getaddrinfo(), every row in order\n"
                    "  reverse ADDRESS [PORT] getnameinfo()\n"
                    "  serve KIND             run a local server until SIGINT or SIGTERM (http, echo, reply, log,\n"
                    "                         udp-echo, udp-reply, udp-log; --tls for TCP)\n"
                    "  talk HOST PORT         keep a connection open: send lines of standard input or a --script's\n"
                    "                         steps, print the peer's bytes as they arrive\n"
                    "  relay PORT HOST PORT   listen on PORT and relay each client to HOST PORT, printing both\n"
                    "                         directions' bytes as they pass, until SIGINT or SIGTERM\n"
                    "  run FILE               send a saved request of a .http or collection file (--name, --env)\n"
                    "\n"
                    "socketlab-cli COMMAND --help describes the options of a command.\n"
                    "Exit codes: 0 success, 2 usage error, 3 network, name resolution or write error, 4 timeout,\n"
                    "5 malformed reply, 6 TLS handshake failed or certificate refused, 130 interrupted;\n"
                    "for talk, 4 is an expectation of the script that timed out and 2 a script syntax error.\n");
}

enum class Command { None, Tcp, Udp, Resolve, Reverse, Serve, Talk, Relay, Run };

// The command named by arguments, and its own arguments parsed as if it were the program
// ("socketlab-cli tcp ..."); otherwise the outcome to give at once (the usage, the version, an error).
Command commandOf(const QStringList &arguments, QStringList *commandArguments, ParseOutcome *outcome)
{
    if (arguments.size() < 2) {
        *outcome = ParseOutcome::usage(
            Main::tr("No command given: use tcp, udp, resolve, reverse, serve, talk, relay or run (socketlab-cli --help says more)."));
        return Command::None;
    }
    const QString command = arguments.at(1);
    static constexpr std::pair<const char *, Command> names[] = {
        {"tcp", Command::Tcp}, {"udp", Command::Udp}, {"resolve", Command::Resolve},
        {"reverse", Command::Reverse}, {"serve", Command::Serve}, {"talk", Command::Talk},
        {"relay", Command::Relay}, {"run", Command::Run},
    };
    for (const auto &[name, value] : names) {
        if (command == QLatin1StringView(name)) {
            *commandArguments = arguments;
            commandArguments->removeAt(1);
            (*commandArguments)[0] = QStringLiteral("socketlab-cli ") + command;
            return value;
        }
    }
    if (command == QLatin1StringView("--help") || command == QLatin1StringView("-h") || command == QLatin1StringView("help"))
        *outcome = {ParseOutcome::Action::Help, usageText()};
    else if (command == QLatin1StringView("--version"))
        *outcome = {ParseOutcome::Action::Help, QStringLiteral("socketlab-cli %1\n").arg(QCoreApplication::applicationVersion())};
    else
        *outcome = ParseOutcome::usage(Main::tr("Unknown command \"%1\": use tcp, udp, resolve, reverse, serve, talk, relay or run.").arg(command));
    return Command::None;
}

} // namespace

ParseOutcome parseCommandLine(const QStringList &arguments)
{
    QStringList own;
    ParseOutcome outcome;
    switch (commandOf(arguments, &own, &outcome)) {
    case Command::None:
        return outcome;
    case Command::Tcp: {
        TcpCommand::Invocation invocation;
        return TcpCommand::parse(own, &invocation);
    }
    case Command::Udp: {
        UdpCommand::Invocation invocation;
        return UdpCommand::parse(own, &invocation);
    }
    case Command::Resolve: {
        ResolveCommand::ResolveInvocation invocation;
        return ResolveCommand::parseResolve(own, &invocation);
    }
    case Command::Reverse: {
        ResolveCommand::ReverseInvocation invocation;
        return ResolveCommand::parseReverse(own, &invocation);
    }
    case Command::Serve: {
        ServeCommand::Invocation invocation;
        return ServeCommand::parse(own, &invocation);
    }
    case Command::Talk: {
        TalkCommand::Invocation invocation;
        return TalkCommand::parse(own, &invocation);
    }
    case Command::Relay: {
        RelayCommand::Invocation invocation;
        return RelayCommand::parse(own, &invocation);
    }
    case Command::Run: {
        RunCommand::Invocation invocation;
        return RunCommand::parse(own, &invocation);
    }
    }
    return outcome;
}

int runCommandLine(const QStringList &arguments)
{
    QStringList own;
    ParseOutcome outcome;
    switch (commandOf(arguments, &own, &outcome)) {
    case Command::None: return finish(outcome);
    case Command::Tcp: return TcpCommand::run(own);
    case Command::Udp: return UdpCommand::run(own);
    case Command::Resolve: return ResolveCommand::runResolve(own);
    case Command::Reverse: return ResolveCommand::runReverse(own);
    case Command::Serve: return ServeCommand::run(own);
    case Command::Talk: return TalkCommand::run(own);
    case Command::Relay: return RelayCommand::run(own);
    case Command::Run: return RunCommand::run(own);
    }
    return finish(outcome);
}

} // namespace SocketLab::Cli
