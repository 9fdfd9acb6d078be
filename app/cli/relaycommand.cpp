#include "relaycommand.h"

#include "exitcode.h"
#include "signalcancel.h"
#include "targetoptions.h"
#include "tlsrequestoptions.h"

#include "net/canceltoken.h"
#include "relay/relay.h"
#include "text/errortext.h"

#include <QCommandLineParser>
#include <QSocketNotifier>

#include <limits>

namespace SocketLab::Cli {

namespace {

// "host:port", with the brackets an IPv6 address needs before a port.
QString targetText(const RelaySettings &settings)
{
    const QString host = settings.targetHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(settings.targetHost)
                                                                        : settings.targetHost;
    return host + QLatin1Char(':') + settings.targetService;
}

} // namespace

ParseOutcome RelayCommand::parse(const QStringList &arguments, Invocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Listen on LISTEN_PORT and relay each client to TARGET_HOST:TARGET_PORT, printing both directions' bytes "
           "as they pass, until SIGINT or SIGTERM; then the totals. A FIN is passed on as shutdown(SHUT_WR), a reset "
           "as a reset; a target that refuses or does not answer resets the client."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("LISTEN_PORT"), tr("The port to listen on; 0 lets the system choose."));
    parser.addPositionalArgument(tr("TARGET_HOST"), tr("Where each client is relayed to: a name or an address."));
    parser.addPositionalArgument(tr("TARGET_PORT"), tr("The target's port or service name."));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("Numeric address to listen on (default 127.0.0.1)."),
                                  tr("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption udp(QStringLiteral("udp"),
                                 tr("Relay UDP datagrams: each client address gets its own socket to the target."));
    const QCommandLineOption inet4(QStringList{QStringLiteral("4")}, tr("Use the target's IPv4 addresses only."));
    const QCommandLineOption inet6(QStringList{QStringLiteral("6")}, tr("Use the target's IPv6 addresses only."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("How the bytes are printed: text (escaped, default), hexdump, or json (one "
                                       "object per event, bytes in base64)."),
                                    tr("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   tr("Print no bytes: only the connections' events and the totals."));
    const QCommandLineOption delayToTarget(QStringLiteral("delay-to-target"),
                                           tr("Hold each byte from the client MS milliseconds before it goes on."), tr("MS"));
    const QCommandLineOption delayToClient(QStringLiteral("delay-to-client"),
                                           tr("Hold each byte from the target MS milliseconds before it goes on."), tr("MS"));
    const QCommandLineOption rateToTarget(QStringLiteral("rate-to-target"),
                                          tr("Send at most N bytes a second to the target."), tr("N"));
    const QCommandLineOption rateToClient(QStringLiteral("rate-to-client"),
                                          tr("Send at most N bytes a second to the client."), tr("N"));
    const QCommandLineOption pauseToTarget(QStringLiteral("pause-to-target"),
                                           tr("Hold everything the client sends: it queues, up to a cap, then the "
                                              "client waits, as with a stalled server."));
    const QCommandLineOption pauseToClient(QStringLiteral("pause-to-client"),
                                           tr("Hold everything the target sends: it queues, up to a cap, then the "
                                              "target waits, as with a stalled client."));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
                                            tr("Connections relayed at once (default 64); the next client is closed "
                                               "at once and reported."),
                                            tr("N"), QStringLiteral("64"));
    const QCommandLineOption connectTimeout(QStringLiteral("connect-timeout"),
                                            tr("How long to wait for the target's connect() (and TLS handshake), per "
                                               "address (default 10000; 0 waits for ever)."),
                                            tr("MS"), QStringLiteral("10000"));
    parser.addOptions({bind, udp, inet4, inet6, format, quiet, delayToTarget, delayToClient, rateToTarget, rateToClient,
                       pauseToTarget, pauseToClient, maxConnections, connectTimeout});
    const TlsRequestOptions tlsOptions(QStringLiteral("tls-to-target"));
    tlsOptions.addTo(parser);
    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return ParseOutcome::usage(tr("relay needs LISTEN_PORT TARGET_HOST TARGET_PORT."));
    RelaySettings &settings = invocation->settings;
    QString error;
    qint64 listenPort = 0;
    if (!readCount(positional.at(0), tr("LISTEN_PORT"), 0, &listenPort, &error))
        return ParseOutcome::usage(error);
    if (listenPort > 65535)
        return ParseOutcome::usage(tr("Invalid LISTEN_PORT %1: a port is a number from 0 to 65535.").arg(listenPort));
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(parser.value(bind), quint16(listenPort));
    if (!address)
        return ParseOutcome::usage(tr("\"%1\" is not a numeric IPv4 or IPv6 address.").arg(parser.value(bind)));
    settings.listenAddress = *address;
    settings.targetHost = positional.at(1);
    settings.targetService = positional.at(2);
    if (settings.targetHost.trimmed().isEmpty() || settings.targetService.trimmed().isEmpty())
        return ParseOutcome::usage(tr("relay needs a TARGET_HOST and a TARGET_PORT."));
    settings.transport = parser.isSet(udp) ? RelaySettings::Transport::Udp : RelaySettings::Transport::Tcp;
    if (parser.isSet(inet4) && parser.isSet(inet6))
        return ParseOutcome::usage(tr("Choose -4 or -6, not both."));
    settings.targetFamily = parser.isSet(inet4) ? IpFamily::V4 : parser.isSet(inet6) ? IpFamily::V6 : IpFamily::Any;

    const QString formatName = parser.value(format);
    if (formatName == QLatin1StringView("text"))
        invocation->format = RelayPrinter::Format::Text;
    else if (formatName == QLatin1StringView("hexdump"))
        invocation->format = RelayPrinter::Format::HexDump;
    else if (formatName == QLatin1StringView("json"))
        invocation->format = RelayPrinter::Format::Json;
    else
        return ParseOutcome::usage(tr("Unknown --format \"%1\": use text, hexdump or json.").arg(formatName));
    invocation->quiet = parser.isSet(quiet);

    if (!tlsOptions.read(parser, &settings.tlsToTarget, &error))
        return ParseOutcome::usage(error);
    if (settings.tlsToTarget.enabled && settings.transport == RelaySettings::Transport::Udp)
        return ParseOutcome::usage(tr("--tls-to-target needs TCP: it cannot go with --udp."));

    const auto readMs = [&parser, &error](const QCommandLineOption &option, int *value) {
        if (!parser.isSet(option))
            return true;
        qint64 number = 0;
        if (!readCount(parser.value(option), QStringLiteral("--") + option.names().constFirst(), 0, &number, &error))
            return false;
        *value = int(qMin<qint64>(number, std::numeric_limits<int>::max()));
        return true;
    };
    const auto readRate = [&parser, &error](const QCommandLineOption &option, qint64 *value) {
        return !parser.isSet(option)
               || readCount(parser.value(option), QStringLiteral("--") + option.names().constFirst(), 1, value, &error);
    };
    int maxCount = 64;
    if (!readMs(delayToTarget, &settings.toTarget.delayMs) || !readMs(delayToClient, &settings.toClient.delayMs)
        || !readRate(rateToTarget, &settings.toTarget.bytesPerSecond)
        || !readRate(rateToClient, &settings.toClient.bytesPerSecond) || !readMs(connectTimeout, &settings.connectTimeoutMs)
        || !readMs(maxConnections, &maxCount))
        return ParseOutcome::usage(error);
    if (maxCount < 1)
        return ParseOutcome::usage(tr("Invalid --max-connections 0: at least one connection must be relayed."));
    settings.maxConnections = maxCount;
    settings.toTarget.paused = parser.isSet(pauseToTarget);
    settings.toClient.paused = parser.isSet(pauseToClient);
    return ParseOutcome::run();
}

int RelayCommand::run(const QStringList &arguments)
{
    Invocation invocation;
    if (const ParseOutcome parsed = parse(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    const RelaySettings &settings = invocation.settings;
    const QString host = settings.listenAddress.host();
    if (host != QLatin1StringView("127.0.0.1") && host != QLatin1StringView("::1"))
        printError(tr("Warning: %1 is not a loopback address; other machines may reach this relay, and through it the target.")
                       .arg(host));

    // Installed before the relay starts: a signal right after "Relaying" must stop it cleanly.
    CancelToken stopRequest;
    if (stopRequest.error().isError()) {
        printError(stopRequest.error());
        return exitCodeFor(stopRequest.error());
    }
    cancelOnSignals(stopRequest);
    QSocketNotifier notifier(stopRequest.fd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, QCoreApplication::instance(), &QCoreApplication::quit);

    RelayPrinter printer(invocation.format, invocation.quiet, settings.transport == RelaySettings::Transport::Udp, stdout);
    Relay relay;
    relay.setTap([&printer](const RelayTapEvent &event) { printer.event(event); });
    int exitCode = Success;
    bool listened = false;
    QObject::connect(&relay, &Relay::listening, [&printer, &settings, &listened](const SocketAddress &bound) {
        listened = true;
        printer.listening(bound, targetText(settings));
    });
    QObject::connect(&relay, &Relay::startFailed, [&exitCode](const NetError &error) {
        printError(error);
        exitCode = exitCodeFor(error);
        QCoreApplication::quit();
    });
    QObject::connect(&relay, &Relay::connectionRefused, [&relay, &printer](quint64 id) {
        if (const auto connection = relay.connection(id))
            printer.refused(id, connection->client, relay.settings().maxConnections);
    });
    NetError lastError;
    QObject::connect(&relay, &Relay::errorOccurred, [&lastError](const NetError &error) {
        printError(error);
        lastError = error;
    });
    QObject::connect(&relay, &Relay::stopped, [&exitCode, &lastError] {
        exitCode = exitCodeFor(lastError);
        QCoreApplication::quit();
    });
    if (const NetError error = relay.start(settings); error.isError()) {
        printError(error);
        return exitCodeFor(error);
    }
    QCoreApplication::exec();
    // Every connection still open is closed, and told by the tap, before the totals.
    relay.stop();
    if (exitCode != Success)
        return exitCode;
    if (listened)
        printer.totals(relay.totals());
    return Success;
}

} // namespace SocketLab::Cli
