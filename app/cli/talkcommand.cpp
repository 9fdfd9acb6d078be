#include "talkcommand.h"

#include "exchangeoutput.h"
#include "exitcode.h"
#include "pcaprecorder.h"
#include "reportwriter.h"
#include "signalcancel.h"
#include "talkoutput.h"
#include "socketoptionflags.h"
#include "talkstdin.h"
#include "tlsrequestoptions.h"

#include "capture/conversationcapture.h"
#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "codegen/exchangecode.h"
#include "conversation/conversationscript.h"
#include "conversation/conversationscriptrunner.h"
#include "net/canceltoken.h"
#include "text/exchangereport.h"
#include "text/scripttext.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QLocale>
#include <QSocketNotifier>

#include <memory>

namespace SocketLab::Cli {

ParseOutcome TalkCommand::parse(const QStringList &arguments, Invocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Keep a connection to HOST PORT open and talk: each line of standard input is sent and the peer's bytes "
           "are printed as they arrive; at the end of the input, shutdown(SHUT_WR), then reading until the peer "
           "closes. With --script, the steps of a file instead (send, send-hex, expect, expect-re, timeout, sleep, "
           "shutdown wr|rdwr, close, expect-close, sockopt NAME=VALUE, # comments). Exit codes: 0 done, 2 usage or script syntax error "
           "(line:column), 3 network error or reset, 4 an expectation timed out."));
    parser.addHelpOption();
    TargetOptions &target = invocation->target;
    target.addTo(parser);
    TlsRequestOptions tls;
    tls.addTo(parser);
    SocketOptionFlags socketFlags(SocketOptionFlags::Local::Offered);
    socketFlags.addTo(parser);
    const QCommandLineOption udp(QStringLiteral("udp"), tr("Talk over UDP: each line (or send step) one datagram, every "
                                                           "datagram received printed with its sender."));
    const QCommandLineOption script(QStringLiteral("script"), tr("Play the steps of FILE rather than read standard input."),
                                    QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FILE"));
    const QCommandLineOption crlf(QStringLiteral("crlf"), tr("Send each line of standard input with CRLF rather than LF."));
    const QCommandLineOption hexdump(QStringLiteral("hexdump"), tr("Print the received bytes as hex rows, one labelled "
                                                                   "block per recv() or datagram."));
    const QCommandLineOption connectTimeout(QStringLiteral("connect-timeout"),
                                            tr("Give up on an address after MS milliseconds of connect(), and on the TLS "
                                               "handshake after as long again (default 10000)."),
                                            tr("MS"), QStringLiteral("10000"));
    const QCommandLineOption pcap = PcapRecorder::option(PcapRecorder::Subject::Conversation);
    const QCommandLineOption report = ReportWriter::option();
    parser.addOptions({udp, script, crlf, hexdump, connectTimeout, pcap, report});
    invocation->code.addTo(parser);

    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    QString error;
    ConversationRequest &request = invocation->request;
    qint64 connectTimeoutMs = 0;
    if (!target.read(parser, &error) || !tls.read(parser, &request.tls, &error)
        || !socketFlags.read(parser, parser.isSet(udp) ? SocketKind::Datagram : SocketKind::Stream, &error)
        || !readCount(parser.value(connectTimeout), QStringLiteral("--connect-timeout"), 0, &connectTimeoutMs, &error)
        || !PcapRecorder::read(parser, pcap, target.outPath, &invocation->pcapPath, &error)
        || !ReportWriter::read(parser, report, {target.outPath, invocation->pcapPath}, &invocation->reportPath, &error)
        || !invocation->code.read(parser, &error))
        return ParseOutcome::usage(error);
    if (connectTimeoutMs > INT_MAX)
        return ParseOutcome::usage(tr("A timeout cannot exceed %1 ms.").arg(QLocale().toString(INT_MAX)));
    if (parser.isSet(udp) && request.tls.enabled)
        return ParseOutcome::usage(tr("--tls speaks over TCP: choose --udp or --tls."));
    if (parser.isSet(script) && parser.isSet(crlf))
        return ParseOutcome::usage(tr("--crlf is for standard input; a script writes its \\r\\n itself."));
    if (target.format == OutputFormat::Json && parser.isSet(hexdump))
        return ParseOutcome::usage(tr("--hexdump is for the text format: --format json holds the bytes in base64."));
    invocation->scriptPath = parser.value(script);
    if (parser.isSet(script) && invocation->scriptPath.isEmpty())
        return ParseOutcome::usage(tr("--script needs a file name."));
    if (invocation->code.language && !parser.isSet(script))
        return ParseOutcome::usage(tr("--code writes a script's program: give the script with --script."));
    invocation->crlf = parser.isSet(crlf);
    invocation->hexdump = parser.isSet(hexdump);
    request.transport = parser.isSet(udp) ? ConversationRequest::Transport::Udp : ConversationRequest::Transport::Tcp;
    request.host = target.host;
    request.service = target.service;
    request.family = target.family;
    request.connectTimeoutMs = int(connectTimeoutMs);
    request.socketOptions = socketFlags.settings;
    request.localAddress = socketFlags.local;
    // The JSON report holds every byte kept, as tcp's does.
    if (target.format == OutputFormat::Json)
        request.maxKeptBytes = JsonDefaultCap;
    return ParseOutcome::run();
}

int TalkCommand::run(const QStringList &arguments)
{
    Invocation invocation;
    if (const ParseOutcome parsed = parse(arguments, &invocation); !parsed.runs())
        return finish(parsed);

    QList<ScriptStep> steps;
    if (!invocation.scriptPath.isEmpty()) {
        QFile file(invocation.scriptPath);
        if (!file.open(QIODevice::ReadOnly))
            return usageError(tr("Cannot read %1: %2.").arg(file.fileName(), file.errorString()));
        const ScriptParse script = parseConversationScript(QString::fromUtf8(file.readAll()));
        if (script.error.isError())
            return usageError(QStringLiteral("%1: %2").arg(invocation.scriptPath, describeScriptError(script.error)));
        steps = script.steps;
    }
    if (invocation.code.language)
        return CodeOption::print(conversationCode(*invocation.code.language, invocation.request, steps));

    const bool udp = invocation.request.transport == ConversationRequest::Transport::Udp;
    TalkOutput output(invocation.target, invocation.hexdump, udp);
    Conversation conversation;
    conversation.setReceiveTap(output.tap());

    // SIGINT and SIGTERM write to this token's eventfd; the event loop hears it and ends the
    // conversation, whose report still follows.
    CancelToken interrupt;
    cancelOnSignals(interrupt);
    QSocketNotifier interruptNotifier(interrupt.fd(), QSocketNotifier::Read);
    QObject::connect(&interruptNotifier, &QSocketNotifier::activated, &conversation, [&] {
        interruptNotifier.setEnabled(false);
        conversation.cancel();
    });

    const qint64 startEpochUs = PcapRecorder::nowEpochUs();
    if (const NetError error = conversation.start(invocation.request); error.isError()) {
        printError(error);
        return exitCodeFor(error);
    }

    bool closing = false;
    auto closeOnce = [&] {
        if (!closing) {
            closing = true;
            conversation.close();
        }
    };
    std::unique_ptr<ConversationScriptRunner> runner;
    std::unique_ptr<TalkStdin> input;
    if (!invocation.scriptPath.isEmpty()) {
        runner = std::make_unique<ConversationScriptRunner>(conversation, steps);
        // The script's end is the conversation's: what the peer says after it is not waited for.
        QObject::connect(runner.get(), &ConversationScriptRunner::done, &conversation, closeOnce);
    } else {
        input = std::make_unique<TalkStdin>(conversation, invocation.crlf);
        // UDP has no half-close: the conversation goes on until SIGINT or SIGTERM, as nc -u does.
        if (!udp)
            QObject::connect(input.get(), &TalkStdin::endOfInput, &conversation, [&] { conversation.shutdownWrite(); });
    }
    QObject::connect(&conversation, &Conversation::progress, &conversation, [&] {
        const QList<ConversationEvent> events = output.showEvents(*conversation.record());
        if (runner) {
            runner->advance();
            return;
        }
        // Like nc: once the peer has closed, there is nobody left to talk to.
        for (const ConversationEvent &event : events) {
            if (event.kind == ConversationEvent::Kind::PeerClosed)
                closeOnce();
        }
    });
    QEventLoop loop;
    QObject::connect(&conversation, &Conversation::finished, &loop, &QEventLoop::quit);
    loop.exec();

    const ConversationRecord &record = *conversation.record();
    output.showEvents(record);
    TalkStop stop = TalkStop::fromRecord(record);
    // An expectation that failed is why the script closed; a reset or an error that ended the
    // conversation first is said as such.
    if (runner && runner->failure() && (stop.reason == TalkStop::Reason::Closed || stop.reason == TalkStop::Reason::PeerClosed)) {
        stop.reason = TalkStop::Reason::ExpectTimeout;
        stop.expectation = *runner->failure();
    }
    output.report(record, *conversation.trace(), stop);
    if (stop.exitCode() != Success)
        printError(stop.sentence(record.receivedBytes(), record.sentBytes()));
    QString fileError;
    bool written = invocation.pcapPath.isEmpty()
        || PcapRecorder::save(
            invocation.pcapPath,
            [&](const CaptureOutput &output) { return conversationCapture({&record, udp, startEpochUs}, output); },
            &fileError);
    if (written && !invocation.reportPath.isEmpty()) {
        const ConversationReportInput input{&invocation.request, &record, conversation.trace()->entries(),
                                            QDateTime::fromMSecsSinceEpoch(startEpochUs / 1000, Qt::UTC)};
        written = ReportWriter::save(invocation.reportPath, ExchangeReport::conversation(input), &fileError);
    }
    if (!written) {
        printError(fileError);
        if (stop.exitCode() == Success)
            return NetworkError;
    }
    return stop.exitCode();
}

} // namespace SocketLab::Cli
