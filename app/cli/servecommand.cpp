#include "servecommand.h"

#include "commandline.h"
#include "exchangeoutput.h"
#include "exitcode.h"
#include "signalcancel.h"
#include "socketoptionflags.h"
#include "targetoptions.h"

#include "bytes/bytestore.h"
#include "bytes/payloadcodec.h"
#include "net/canceltoken.h"
#include "servers/acceptbackoff.h"
#include "servers/listener.h"
#include "text/codectext.h"
#include "text/errortext.h"
#include "text/kerneldropstext.h"
#include "text/multicasttext.h"
#include "text/stoptext.h"
#include "text/tlstext.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSet>
#include <QSocketNotifier>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace SocketLab::Cli {

namespace {

void log(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

// A line of a run of them: stdout is flushed once after the run, not once a line, so a flood of
// datagrams costs a write() per batch.
void logUnflushed(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
}

} // namespace

ParseOutcome ServeCommand::parse(const QStringList &arguments, Invocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run a local server until SIGINT or SIGTERM: http (the demo site), echo, "
                                        "reply (the --reply bytes to each client), log (receive only), and the "
                                        "same over UDP: udp-echo, udp-reply, udp-log."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("KIND"), tr("http, echo, reply, log, or udp-echo, udp-reply, udp-log."));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("Numeric address to bind (default 127.0.0.1)."),
                                  tr("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), tr("Port to bind; 0 lets the system choose (default)."),
                                  tr("N"), QStringLiteral("0"));
    const QCommandLineOption reply(QStringLiteral("reply"),
                                   tr("For reply and udp-reply: the bytes sent back, with escapes (\\r \\n \\xNN...)."),
                                   tr("TEXT"));
    const QCommandLineOption tls(QStringLiteral("tls"),
                                 tr("TCP only: every client speaks TLS. Without --cert and --key, a self-signed "
                                    "certificate for localhost, 127.0.0.1 and ::1 is made on first use and kept in "
                                    "SocketLab's data folder. The line printed when listening gives the "
                                    "certificate's SHA-256 fingerprint, for a client to pin."));
    const QCommandLineOption cert(QStringLiteral("cert"), tr("With --tls: the certificate (PEM, the chain after it)."),
                                  tr("PATH"));
    const QCommandLineOption key(QStringLiteral("key"), tr("With --tls and --cert: its private key (PEM)."), tr("PATH"));
    const QCommandLineOption maxClients(QStringLiteral("max-clients"),
                                        tr("TCP: clients served at once (default 64); the next one is accepted, "
                                           "closed at once and logged as refused."),
                                        tr("N"), QStringLiteral("64"));
    const QCommandLineOption join(QStringLiteral("join"),
                                  tr("UDP: join a multicast group after bind(), and leave it when stopping; repeatable. "
                                     "GROUP@IFACE joins on that interface (a name or an index), GROUP alone on the "
                                     "interface of the route, SOURCE>GROUP@IFACE only for datagrams from SOURCE "
                                     "(source-specific). Without --bind, binds 0.0.0.0 (or :: for IPv6 groups). Each "
                                     "datagram is then printed with its sender and the address it was sent to (IP_PKTINFO)."),
                                  tr("GROUP[@IFACE]"));
    parser.addOptions({bind, port, reply, tls, cert, key, maxClients, join});
    SocketOptionFlags socketFlags(SocketOptionFlags::Local::NotOffered);
    socketFlags.addTo(parser);
    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    // Every mode of the core's Listener, over TCP and over UDP (the HTTP demo is TCP only).
    struct Kind
    {
        const char *name;
        Listener::Transport transport;
        Listener::Mode mode;
    };
    static constexpr Kind kinds[] = {
        {"http", Listener::Transport::Tcp, Listener::Mode::HttpDemo},
        {"echo", Listener::Transport::Tcp, Listener::Mode::Echo},
        {"reply", Listener::Transport::Tcp, Listener::Mode::FixedReply},
        {"log", Listener::Transport::Tcp, Listener::Mode::LogOnly},
        {"udp-echo", Listener::Transport::Udp, Listener::Mode::Echo},
        {"udp-reply", Listener::Transport::Udp, Listener::Mode::FixedReply},
        {"udp-log", Listener::Transport::Udp, Listener::Mode::LogOnly},
    };
    const QStringList positional = parser.positionalArguments();
    const QString kind = invocation->kind = positional.value(0);
    const auto found = std::find_if(std::begin(kinds), std::end(kinds),
                                    [&kind](const Kind &k) { return kind == QLatin1StringView(k.name); });
    if (positional.size() != 1 || found == std::end(kinds))
        return ParseOutcome::usage(tr("Unknown KIND \"%1\": use http, echo, reply, log, udp-echo, udp-reply or udp-log.").arg(kind));
    Listener::Settings &settings = invocation->settings;
    settings.transport = found->transport;
    settings.mode = found->mode;
    QString optionError;
    const bool tcp = settings.transport == Listener::Transport::Tcp;
    if (!socketFlags.read(parser, tcp ? SocketKind::Stream : SocketKind::Datagram, &optionError))
        return ParseOutcome::usage(optionError);
    settings.socketOptions = socketFlags.settings;
    if (settings.mode == Listener::Mode::FixedReply) {
        if (!parser.isSet(reply))
            return ParseOutcome::usage(tr("%1 needs --reply TEXT: the bytes to send back.").arg(kind));
        const PayloadCodec::DecodeResult decoded = PayloadCodec::decodeEscaped(parser.value(reply));
        if (!decoded.ok())
            return ParseOutcome::usage(tr("Bad --reply value at column %1: %2.")
                                           .arg(decoded.column + 1)
                                           .arg(describeCodecError(decoded.error)));
        settings.fixedReply = decoded.bytes;
    }
    if ((parser.isSet(cert) || parser.isSet(key)) && !parser.isSet(tls))
        return ParseOutcome::usage(tr("--cert and --key go with --tls."));
    if (parser.isSet(cert) != parser.isSet(key))
        return ParseOutcome::usage(tr("--cert and --key go together: give both, or neither for the self-signed certificate."));
    if (parser.isSet(tls)) {
        if (settings.transport == Listener::Transport::Udp)
            return ParseOutcome::usage(tr("%1 cannot use --tls: TLS needs TCP.").arg(kind));
        settings.tls = true;
        settings.certPath = parser.value(cert);
        settings.keyPath = parser.value(key);
        // A path that leads nowhere is a typing error, said as such; a file OpenSSL cannot use is
        // told by the listener when it starts, with OpenSSL's reason.
        if (parser.isSet(cert) && !QFileInfo(settings.certPath).isFile())
            return ParseOutcome::usage(tr("Cannot read the --cert file \"%1\": there is no such file.").arg(settings.certPath));
        if (parser.isSet(cert) && !QFileInfo(settings.certPath).isReadable())
            return ParseOutcome::usage(tr("Cannot read the --cert file \"%1\": permission denied.").arg(settings.certPath));
        if (parser.isSet(key) && !QFileInfo(settings.keyPath).isFile())
            return ParseOutcome::usage(tr("Cannot read the --key file \"%1\": there is no such file.").arg(settings.keyPath));
        if (parser.isSet(key) && !QFileInfo(settings.keyPath).isReadable())
            return ParseOutcome::usage(tr("Cannot read the --key file \"%1\": permission denied.").arg(settings.keyPath));
    }
    QString error;
    qint64 maxClientCount = 0;
    if (!readCount(parser.value(maxClients), QStringLiteral("--max-clients"), 1, &maxClientCount, &error))
        return ParseOutcome::usage(error);
    settings.maxClients = int(qMin<qint64>(maxClientCount, std::numeric_limits<int>::max()));
    qint64 portNumber = 0;
    if (!readCount(parser.value(port), QStringLiteral("--port"), 0, &portNumber, &error))
        return ParseOutcome::usage(error);
    if (portNumber > 65535)
        return ParseOutcome::usage(tr("Invalid --port %1: a port is a number from 0 to 65535.").arg(portNumber));
    for (const QString &text : parser.values(join)) {
        if (settings.transport != Listener::Transport::Udp)
            return ParseOutcome::usage(tr("%1 cannot use --join: multicast groups are for UDP (udp-echo, udp-reply, udp-log).").arg(kind));
        MulticastParseError problem;
        const std::optional<MulticastGroup> group = Multicast::parseGroup(text, &problem);
        if (!group)
            return ParseOutcome::usage(describeMulticastProblem(problem, QStringLiteral("--join")));
        if (!settings.groups.isEmpty() && settings.groups.constFirst().group.family() != group->group.family())
            return ParseOutcome::usage(tr("--join %1: all the groups of one server are of one family (IPv4 or IPv6).").arg(text));
        settings.groups.append(*group);
    }
    // A socket bound to 127.0.0.1 never sees a group's datagrams: with groups, the wildcard by default.
    QString bindText = parser.value(bind);
    if (!settings.groups.isEmpty() && !parser.isSet(bind))
        bindText = settings.groups.constFirst().group.family() == IpFamily::V6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0");
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(bindText, quint16(portNumber));
    if (!address)
        return ParseOutcome::usage(tr("\"%1\" is not a numeric IPv4 or IPv6 address.").arg(bindText));
    settings.address = *address;
    if (!settings.groups.isEmpty() && settings.groups.constFirst().group.family() != address->family())
        return ParseOutcome::usage(tr("--join %1: the group is not of the family of --bind %2.")
                                       .arg(settings.groups.constFirst().toString(), bindText));
    return ParseOutcome::run();
}

int ServeCommand::run(const QStringList &arguments)
{
    Invocation invocation;
    if (const ParseOutcome parsed = parse(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    const QString &kind = invocation.kind;
    const Listener::Settings &settings = invocation.settings;
    const QString host = settings.address.host();
    if (host != QLatin1StringView("127.0.0.1") && host != QLatin1StringView("::1"))
        printError(tr("Warning: %1 is not a loopback address; other machines may reach this server.").arg(host));

    // Installed before the server starts: a signal right after "Listening on" must stop it cleanly.
    CancelToken stopRequest;
    if (stopRequest.error().isError()) {
        printError(stopRequest.error());
        return exitCodeFor(stopRequest.error());
    }
    cancelOnSignals(stopRequest);
    QSocketNotifier notifier(stopRequest.fd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, QCoreApplication::instance(), &QCoreApplication::quit);

    Listener listener;
    // The outcome of start() and every report come through the event loop, in the order they happened.
    int exitCode = Success;
    bool listened = false;
    QObject::connect(&listener, &Listener::listening, [&kind, &listener, &listened](const SocketAddress &bound) {
        listened = true;
        for (const MulticastGroup &group : listener.settings().groups)
            log(tr("Joined %1.").arg(multicastGroupWords(group)));
        if (listener.settings().tls)
            log(tr("Listening on %1 (%2 over TLS, certificate SHA-256 %3). Stop with Ctrl+C.")
                    .arg(bound.toString(), kind, TlsText::fingerprint(listener.certificateSha256())));
        else
            log(tr("Listening on %1 (%2). Stop with Ctrl+C.").arg(bound.toString(), kind));
        for (const QString &line : ExchangeOutput::socketOptionLines(listener.socketOptions()))
            log(line);
    });
    QObject::connect(&listener, &Listener::startFailed, [&exitCode](const NetError &error) {
        printError(error);
        exitCode = exitCodeFor(error);
        QCoreApplication::quit();
    });
    // The ids already logged: the reports still queued when the server stops are logged from the
    // final table instead, so that every client's lines come before "Stopped.".
    QSet<quint64> connectedLogged;
    QSet<quint64> closedLogged;
    const auto logConnected = [&connectedLogged](const Listener::Client &client) {
        connectedLogged.insert(client.id);
        log(tr("client %1 connected from %2").arg(client.id).arg(client.peer.toString()));
    };
    const auto logClosed = [&closedLogged](const Listener::Client &client) {
        closedLogged.insert(client.id);
        // A TLS client that failed its handshake (a plain-text one, say) is closed alone: say why.
        if (client.error.isError())
            log(tr("client %1 closed after a failure: %2 in, %3 out; %4.")
                    .arg(client.id)
                    .arg(byteCount(client.bytesIn), byteCount(client.bytesOut), ErrorText::inSentence(client.error)));
        else
            log(tr("client %1 closed: %2 in, %3 out").arg(client.id).arg(byteCount(client.bytesIn), byteCount(client.bytesOut)));
    };
    QObject::connect(&listener, &Listener::clientConnected, [&listener, &logConnected](quint64 id) {
        if (const auto client = listener.client(id))
            logConnected(*client);
    });
    QObject::connect(&listener, &Listener::clientClosed, [&listener, &logClosed](quint64 id) {
        if (const auto client = listener.client(id))
            logClosed(*client);
    });
    QObject::connect(&listener, &Listener::clientRefused, [&listener](quint64 id) {
        if (const auto client = listener.client(id))
            log(tr("client %1 from %2 refused: the --max-clients limit (%3) is reached")
                    .arg(id)
                    .arg(client->peer.toString())
                    .arg(listener.settings().maxClients));
    });
    QObject::connect(&listener, &Listener::acceptPaused, [](const NetError &error) {
        log(tr("Cannot accept new clients: %1. They wait in the queue; accept() is tried again after a pause "
               "that grows to %2 ms.")
                .arg(ErrorText::inSentence(error))
                .arg(AcceptBackoff::MaxPauseMs));
    });
    QObject::connect(&listener, &Listener::acceptResumed, [] { log(tr("Accepting new clients again.")); });
    // With groups, each datagram: which sender, which group, what it held.
    qint64 nextDatagram = 0;
    const auto logDatagrams = [&listener, &nextDatagram] {
        for (const Listener::Datagram &datagram : listener.datagramsFrom(nextDatagram)) {
            nextDatagram = datagram.index + 1;
            QByteArray bytes;
            if (const auto store = listener.received(datagram.clientId); store && datagram.offset >= 0)
                bytes = store->read(datagram.offset, qMin<qint64>(datagram.keptSize, 64));
            if (datagram.destination.isValid())
                logUnflushed(tr("datagram %1 from %2 to %3, %4: \"%5\"")
                        .arg(datagram.index)
                        .arg(datagram.sender.toString(), datagram.destination.host(), byteCount(datagram.size),
                             PayloadCodec::encodeEscaped(bytes)));
            else
                logUnflushed(tr("datagram %1 from %2, %3: \"%4\"")
                        .arg(datagram.index)
                        .arg(datagram.sender.toString(), byteCount(datagram.size), PayloadCodec::encodeEscaped(bytes)));
        }
        std::fflush(stdout);
    };
    if (!settings.groups.isEmpty())
        QObject::connect(&listener, &Listener::datagramsReceived, logDatagrams);
    NetError lastError;
    QObject::connect(&listener, &Listener::errorOccurred, [&lastError](const NetError &error) {
        printError(error);
        lastError = error;
    });
    // The worker ends by itself only when its poll() fails: there is nothing left to serve.
    QObject::connect(&listener, &Listener::stopped, [&exitCode, &lastError] {
        exitCode = exitCodeFor(lastError);
        QCoreApplication::quit();
    });
    if (const NetError error = listener.start(settings); error.isError()) {
        printError(error);
        return exitCodeFor(error);
    }

    // A signal that came before the event loop started has already written the eventfd: exec()
    // sees it at once.
    QCoreApplication::exec();
    // The worker may have closed a client (and its peer seen the end) just before the signal came,
    // with its report still queued; stop() closes the ones still open without one.
    listener.stop();
    if (!settings.groups.isEmpty())
        logDatagrams();
    const bool tcp = listener.settings().transport == Listener::Transport::Tcp;
    for (const Listener::Client &client : listener.clients()) {
        if (!connectedLogged.contains(client.id))
            logConnected(client);
        // A UDP sender has no connection to close.
        if (tcp && !closedLogged.contains(client.id))
            logClosed(client);
    }
    // After stop(): the worker read the kernel's last count of drops before it ended.
    if (!tcp && listened) {
        const Listener::Totals totals = listener.totals();
        log(describeDatagramCounts(totals.datagrams, totals.kernelDrops));
    }
    if (exitCode != Success)
        return exitCode;
    log(tr("Stopped."));
    return Success;
}

} // namespace SocketLab::Cli
