#include "udpcommand.h"

#include "commandline.h"
#include "exchangeoutput.h"
#include "exitcode.h"

#include "codegen/exchangecode.h"
#include "pcaprecorder.h"
#include "reportwriter.h"
#include "payloadoptions.h"
#include "socketoptionflags.h"
#include "targetoptions.h"

#include "exchange/udpexchange.h"
#include "text/multicasttext.h"

#include <QCommandLineParser>
#include <QLocale>

namespace SocketLab::Cli {

ParseOutcome UdpCommand::parse(const QStringList &arguments, Invocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Send one UDP datagram to HOST PORT and show the datagrams that come back."));
    parser.addHelpOption();
    TargetOptions &target = invocation->target;
    target.addTo(parser);
    PayloadOptions payload;
    payload.addTo(parser);
    SocketOptionFlags socketFlags(SocketOptionFlags::Local::Offered);
    socketFlags.addTo(parser);
    const QCommandLineOption wait(QStringLiteral("wait"), tr("Collect replies for MS milliseconds (default 2000)."),
                                  tr("MS"), QStringLiteral("2000"));
    const QCommandLineOption count(QStringLiteral("count"), tr("Stop after N datagrams (default: until the wait ends)."),
                                   tr("N"), QStringLiteral("0"));
    const QCommandLineOption connect(QStringLiteral("connect"),
                                     tr("connect() the socket first: only the target's replies, and ICMP errors reported."));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("Send from local PORT."), tr("PORT"));
    const QCommandLineOption recvSize(QStringLiteral("recv-size"),
                                      tr("The buffer given to recvfrom(); a longer datagram is truncated (default 65536)."),
                                      tr("N"), QStringLiteral("65536"));
    const QCommandLineOption maxBytes(QStringLiteral("max-bytes"),
                                      tr("Stop after N bytes in all, the datagram that reaches N truncated (0: no cap). "
                                         "With --format json, which holds every byte, the default is %1; otherwise no cap.")
                                          .arg(QLocale().formattedDataSize(JsonDefaultCap, 0)),
                                      tr("N"));
    const QCommandLineOption broadcast(QStringLiteral("broadcast"),
                                       tr("Turn on SO_BROADCAST, without which sending to a broadcast address "
                                          "(10.0.0.255, 255.255.255.255) fails with EACCES."));
    const QCommandLineOption multicastTtl(QStringLiteral("multicast-ttl"),
                                          tr("For a datagram sent to a group: IP_MULTICAST_TTL (IPV6_MULTICAST_HOPS "
                                             "over IPv6), 0 to 255; the system's default is 1, this network only."),
                                          tr("N"));
    const QCommandLineOption multicastIf(QStringLiteral("multicast-if"),
                                         tr("For a datagram sent to a group: the interface it leaves by "
                                            "(IP_MULTICAST_IF / IPV6_MULTICAST_IF), by name or index."),
                                         tr("IFACE"));
    const QCommandLineOption multicastLoop(QStringLiteral("multicast-loop"),
                                           tr("For a datagram sent to a group: 1 (the default) delivers a copy to "
                                              "this machine's own members too, 0 does not (IP_MULTICAST_LOOP)."),
                                           tr("0|1"));
    const QCommandLineOption pcap = PcapRecorder::option();
    const QCommandLineOption report = ReportWriter::option();
    parser.addOptions({wait, count, connect, bind, recvSize, maxBytes, broadcast, multicastTtl, multicastIf, multicastLoop, pcap, report});
    invocation->code.addTo(parser);

    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    QString error;
    UdpRequest &request = invocation->request;
    qint64 waitMs = 0, maxDatagrams = 0, bindPort = 0;
    if (!target.read(parser, &error) || !payload.read(parser, &invocation->payload, &error)
        || !socketFlags.read(parser, SocketKind::Datagram, &error)
        || !readCount(parser.value(wait), QStringLiteral("--wait"), 0, &waitMs, &error)
        || !readCount(parser.value(count), QStringLiteral("--count"), 0, &maxDatagrams, &error)
        || !readCount(parser.value(recvSize), QStringLiteral("--recv-size"), 1, &request.recvSize, &error)
        || (parser.isSet(maxBytes)
            && !readCount(parser.value(maxBytes), QStringLiteral("--max-bytes"), 0, &request.maxBytes, &error))
        || !PcapRecorder::read(parser, pcap, target.outPath, &target.pcapPath, &error)
        || !ReportWriter::read(parser, report, {target.outPath, target.pcapPath}, &target.reportPath, &error)
        || !invocation->code.read(parser, &error))
        return ParseOutcome::usage(error);
    if (parser.isSet(bind)) {
        if (!readCount(parser.value(bind), QStringLiteral("--bind"), 1, &bindPort, &error))
            return ParseOutcome::usage(error);
        if (bindPort > 65535)
            return ParseOutcome::usage(tr("Invalid --bind %1: a port is a number from 1 to 65535.").arg(bindPort));
    }
    if (parser.isSet(bind) && socketFlags.localIsSet())
        return ParseOutcome::usage(tr("--bind and --local both choose the local port: give one of them."));
    if (waitMs > INT_MAX || maxDatagrams > INT_MAX)
        return ParseOutcome::usage(tr("--wait and --count cannot exceed %1.").arg(QLocale().toString(INT_MAX)));
    if (!parser.isSet(maxBytes) && target.holdsBytesInMemory() && !invocation->code.language)
        request.maxBytes = JsonDefaultCap;
    request.host = target.host;
    request.service = target.service;
    request.family = target.family;
    request.waitMs = int(waitMs);
    request.maxDatagrams = int(maxDatagrams);
    request.connected = parser.isSet(connect);
    request.bindPort = quint16(bindPort);
    request.socketOptions = socketFlags.settings;
    request.localAddress = socketFlags.local;
    request.recvSize = qMin<qint64>(request.recvSize, 1024 * 1024);
    // One path with --sockopt broadcast=1: the option goes with the request's other socket options.
    if (parser.isSet(broadcast))
        request.socketOptions.append({SocketOptionName::Broadcast, 1});
    if (parser.isSet(multicastTtl)) {
        qint64 hops = 0;
        if (!readCount(parser.value(multicastTtl), QStringLiteral("--multicast-ttl"), 0, &hops, &error))
            return ParseOutcome::usage(error);
        if (hops > 255)
            return ParseOutcome::usage(tr("Invalid --multicast-ttl %1: a TTL is a number from 0 to 255.").arg(hops));
        request.multicast.hops = int(hops);
    }
    if (parser.isSet(multicastLoop)) {
        const QString loop = parser.value(multicastLoop);
        if (loop != QLatin1StringView("0") && loop != QLatin1StringView("1"))
            return ParseOutcome::usage(tr("Invalid --multicast-loop \"%1\": give 0 or 1.").arg(loop));
        request.multicast.loop = loop.toInt();
    }
    if (parser.isSet(multicastIf)) {
        MulticastParseError problem;
        const std::optional<unsigned> index = Multicast::interfaceIndex(parser.value(multicastIf), &problem);
        if (!index)
            return ParseOutcome::usage(describeMulticastProblem(problem, QStringLiteral("--multicast-if")));
        request.multicast.interfaceName = parser.value(multicastIf);
        request.multicast.interfaceIndex = *index;
    }
    return ParseOutcome::run();
}

int UdpCommand::run(const QStringList &arguments)
{
    Invocation invocation;
    if (const ParseOutcome parsed = parse(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    QString error;
    UdpRequest &request = invocation.request;
    if (!invocation.payload.load(&request.payload, &error))
        return usageError(error);
    if (invocation.code.language)
        return CodeOption::print(exchangeCode(*invocation.code.language, request));

    UdpResult result;
    const int code = runExchange<UdpExchange>(invocation.target, request, &result);
    // Asking for N datagrams and getting fewer before the wait ended is a timeout to a script.
    if (code == Success && request.maxDatagrams > 0 && result.datagrams.size() < request.maxDatagrams)
        return TimedOut;
    return code;
}

} // namespace SocketLab::Cli
