#include "tcpcommand.h"

#include "commandline.h"
#include "exitcode.h"
#include "pcaprecorder.h"
#include "reportwriter.h"
#include "exchangeoutput.h"
#include "payloadoptions.h"
#include "targetoptions.h"
#include "socketoptionflags.h"
#include "tlsrequestoptions.h"

#include "codegen/exchangecode.h"
#include "exchange/tcpexchange.h"
#include "http/httpbodydecoder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace SocketLab::Cli {

ParseOutcome TcpCommand::parse(const QStringList &arguments, Invocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Connect to HOST PORT over TCP (and TLS with --tls), send the payload, and show every byte of "
                                          "the reply."));
    parser.addHelpOption();
    TargetOptions &target = invocation->target;
    target.addTo(parser);
    PayloadOptions payload;
    payload.addTo(parser);
    TlsRequestOptions tls;
    tls.addTo(parser);
    SocketOptionFlags socketFlags(SocketOptionFlags::Local::Offered);
    socketFlags.addTo(parser);
    const QCommandLineOption until(QStringLiteral("until"),
                                   tr("When to stop reading: eof (the server closes; default, or http with --body), "
                                      "http (one HTTP response), bytes:N, idle:MS."),
                                   tr("RULE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), tr("Give up after MS milliseconds in all (0: never)."),
                                     tr("MS"), QStringLiteral("0"));
    const QCommandLineOption connectTimeout(QStringLiteral("connect-timeout"),
                                            tr("Give up on an address after MS milliseconds of connect(), and on the TLS "
                                               "handshake after as long again (default 10000)."),
                                            tr("MS"), QStringLiteral("10000"));
    const QCommandLineOption maxBytes(QStringLiteral("max-bytes"),
                                      tr("Stop reading after N bytes (0: no cap). With --format json, which holds "
                                         "every byte, the default is %1; otherwise no cap.")
                                          .arg(QLocale().formattedDataSize(JsonDefaultCap, 0)),
                                      tr("N"));
    const QCommandLineOption recvSize(QStringLiteral("recv-size"),
                                      tr("Ask each recv() for at most N bytes, like Python's recv(1024) (default 65536)."),
                                      tr("N"), QStringLiteral("65536"));
    const QCommandLineOption body(QStringLiteral("body"),
                                  tr("Write the HTTP response's body to FILE as it arrives: chunked framing removed, "
                                     "gzip, deflate or br undone, at most %1.")
                                      .arg(QLocale().formattedDataSize(HttpBodyDecoder::DefaultCap, 0)),
                                  QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FILE"));
    const QCommandLineOption pcap = PcapRecorder::option();
    const QCommandLineOption explain(QStringLiteral("explain"),
                                     tr("After the reply, say on stderr why reading stopped, on the bytes: the header "
                                        "that decided the length, each chunk size line in hexadecimal and decimal, "
                                        "where the message ends, what came after it, and what a read-until-close loop "
                                        "would have done. Keeps a copy of the reply in memory to quote its lines."));
    const QCommandLineOption report = ReportWriter::option();
    parser.addOptions({until, timeout, connectTimeout, maxBytes, recvSize, body, pcap, explain, report});
    invocation->code.addTo(parser);

    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    QString error;
    TcpRequest &request = invocation->request;
    qint64 timeoutMs = 0, connectTimeoutMs = 0;
    if (!target.read(parser, &error) || !payload.read(parser, &invocation->payload, &error)
        || !tls.read(parser, &request.tls, &error) || !socketFlags.read(parser, SocketKind::Stream, &error)
        || !readCount(parser.value(timeout), QStringLiteral("--timeout"), 0, &timeoutMs, &error)
        || !readCount(parser.value(connectTimeout), QStringLiteral("--connect-timeout"), 0, &connectTimeoutMs, &error)
        || (parser.isSet(maxBytes)
            && !readCount(parser.value(maxBytes), QStringLiteral("--max-bytes"), 0, &request.maxBytes, &error))
        || !readCount(parser.value(recvSize), QStringLiteral("--recv-size"), 1, &request.recvSize, &error)
        || !PcapRecorder::read(parser, pcap, target.outPath, &target.pcapPath, &error)
        || !ReportWriter::read(parser, report, {target.outPath, target.pcapPath}, &target.reportPath, &error)
        || !invocation->code.read(parser, &error))
        return ParseOutcome::usage(error);
    // Like curl, --body reads one response and stops at its end rather than waiting for a kept-alive
    // connection to close; an explicit --until still decides.
    const QString untilText = parser.isSet(until) ? parser.value(until)
                                                  : parser.isSet(body) ? QStringLiteral("http") : QStringLiteral("eof");
    const std::optional<StopRule> rule = StopRule::parse(untilText);
    if (!rule)
        return ParseOutcome::usage(tr("Unknown --until \"%1\": use eof, http, bytes:N or idle:MS.").arg(untilText));
    BodyOutput &bodyOutput = invocation->body;
    bodyOutput.decode = true;
    bodyOutput.path = parser.value(body);
    if (parser.isSet(body) && bodyOutput.path.isEmpty())
        return ParseOutcome::usage(tr("--body needs a file name."));
    if (!bodyOutput.path.isEmpty() && !target.outPath.isEmpty()
        && QDir::cleanPath(QFileInfo(bodyOutput.path).absoluteFilePath())
               == QDir::cleanPath(QFileInfo(target.outPath).absoluteFilePath()))
        return ParseOutcome::usage(tr("--body and --out name the same file: the reply and its body need one each."));
    if (timeoutMs > INT_MAX || connectTimeoutMs > INT_MAX)
        return ParseOutcome::usage(tr("A timeout cannot exceed %1 ms.").arg(QLocale().toString(INT_MAX)));
    // A printed program keeps what it receives nowhere: no cap for it but the one asked.
    if (!parser.isSet(maxBytes) && target.holdsBytesInMemory() && !invocation->code.language)
        request.maxBytes = JsonDefaultCap;
    target.explain = parser.isSet(explain);
    request.host = target.host;
    request.service = target.service;
    request.family = target.family;
    request.socketOptions = socketFlags.settings;
    request.localAddress = socketFlags.local;
    request.stopRule = *rule;
    request.totalTimeoutMs = int(timeoutMs);
    request.connectTimeoutMs = int(connectTimeoutMs);
    request.recvSize = qMin<qint64>(request.recvSize, 16 * 1024 * 1024);
    return ParseOutcome::run();
}

int TcpCommand::run(const QStringList &arguments)
{
    Invocation invocation;
    if (const ParseOutcome parsed = parse(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    QString error;
    TcpRequest &request = invocation.request;
    if (!invocation.payload.load(&request.payload, &error))
        return usageError(error);
    if (invocation.code.language)
        return CodeOption::print(exchangeCode(*invocation.code.language, request));
    invocation.body.setRequest(request.payload);

    TcpResult result;
    return runExchange<TcpExchange>(invocation.target, request, &result, invocation.body);
}

} // namespace SocketLab::Cli
