#include "servecommand.h"

#include "commandline.h"
#include "exitcode.h"
#include "signalcancel.h"
#include "targetoptions.h"

#include "net/canceltoken.h"
#include "servers/listener.h"
#include "text/errortext.h"
#include "text/stoptext.h"

#include <QCommandLineParser>
#include <QSocketNotifier>

#include <cstdio>

namespace SocketLab::Cli {

namespace {

void log(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

} // namespace

int ServeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run a local server until SIGINT or SIGTERM: http (the demo site), "
                                        "echo (TCP) or udp-echo."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("KIND"), tr("http, echo or udp-echo."));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("Numeric address to bind (default 127.0.0.1)."),
                                  tr("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), tr("Port to bind; 0 lets the system choose (default)."),
                                  tr("N"), QStringLiteral("0"));
    parser.addOptions({bind, port});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return showHelp(parser, arguments.constFirst());

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(tr("Expected one KIND: http, echo or udp-echo."));
    Listener::Settings settings;
    const QString kind = positional.first();
    if (kind == QLatin1StringView("http")) {
        settings.mode = Listener::Mode::HttpDemo;
    } else if (kind == QLatin1StringView("echo")) {
        settings.mode = Listener::Mode::Echo;
    } else if (kind == QLatin1StringView("udp-echo")) {
        settings.mode = Listener::Mode::Echo;
        settings.transport = Listener::Transport::Udp;
    } else {
        return usageError(tr("Unknown KIND \"%1\": use http, echo or udp-echo.").arg(kind));
    }
    QString error;
    qint64 portNumber = 0;
    if (!readCount(parser.value(port), QStringLiteral("--port"), 0, &portNumber, &error))
        return usageError(error);
    if (portNumber > 65535)
        return usageError(tr("Invalid --port %1: a port is a number from 0 to 65535.").arg(portNumber));
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(parser.value(bind), quint16(portNumber));
    if (!address)
        return usageError(tr("\"%1\" is not a numeric IPv4 or IPv6 address.").arg(parser.value(bind)));
    settings.address = *address;
    const QString host = address->host();
    if (host != QLatin1StringView("127.0.0.1") && host != QLatin1StringView("::1"))
        printError(tr("Warning: %1 is not a loopback address; other machines may reach this server.").arg(host));

    // Installed before the server starts: a signal right after "Listening on" must stop it cleanly.
    CancelToken stopRequest;
    cancelOnSignals(stopRequest);
    QSocketNotifier notifier(stopRequest.fd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, QCoreApplication::instance(), &QCoreApplication::quit);

    Listener listener;
    const NetError started = listener.start(settings);
    if (started.isError()) {
        printError(ErrorText::describe(started));
        return exitCodeFor(started);
    }
    log(tr("Listening on %1 (%2). Stop with Ctrl+C.").arg(listener.boundAddress().toString(), kind));

    QObject::connect(&listener, &Listener::clientConnected, [&listener](quint64 id) {
        if (const auto client = listener.client(id))
            log(tr("client %1 connected from %2").arg(id).arg(client->peer.toString()));
    });
    QObject::connect(&listener, &Listener::clientClosed, [&listener](quint64 id) {
        if (const auto client = listener.client(id))
            log(tr("client %1 closed: %2 in, %3 out").arg(id).arg(byteCount(client->bytesIn), byteCount(client->bytesOut)));
    });
    QObject::connect(&listener, &Listener::errorOccurred,
                     [](const NetError &error) { printError(ErrorText::describe(error)); });

    // A signal that came before the event loop started has already written the eventfd: exec()
    // sees it at once.
    QCoreApplication::exec();
    listener.stop();
    log(tr("Stopped."));
    return Success;
}

} // namespace SocketLab::Cli
