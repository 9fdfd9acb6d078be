#include "runcommand.h"

#include "exitcode.h"
#include "signalcancel.h"
#include "talkcommand.h"

#include "bytes/bytestore.h"

#include "collections/collectionfile.h"
#include "collections/localaddresstext.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "http/httpbodydecoder.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "text/collectiontext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryFile>

namespace SocketLab::Cli {

namespace {

// The request `name` names (its name, or its folders and name "api/v2/login"), or the only one.
bool pick(const QList<HttpFileEntry> &entries, const QString &name, HttpFileEntry *picked, CollectionError *error)
{
    QStringList names;
    QList<HttpFileEntry> matches;
    for (const HttpFileEntry &entry : entries) {
        const QString path = (entry.request.folder + QStringList{entry.request.name}).join(QLatin1Char('/'));
        names.append(path);
        if (!name.isEmpty() && (entry.request.name == name || path == name))
            matches.append(entry);
    }
    if (name.isEmpty()) {
        if (entries.size() == 1) {
            *picked = entries.constFirst();
            return true;
        }
        *error = {entries.isEmpty() ? CollectionError::Kind::NoSuchRequest : CollectionError::Kind::AmbiguousRequest, {}, 0, 0, {}, names};
        return false;
    }
    if (matches.size() == 1) {
        *picked = matches.constFirst();
        return true;
    }
    *error = {matches.isEmpty() ? CollectionError::Kind::NoSuchRequest : CollectionError::Kind::DuplicateName, {}, 0, 0, name, names};
    return false;
}

// One line on stderr for each thing the request's block holds and is not done (a handler not run).
void printNotices(const HttpFileEntry &entry)
{
    for (const HttpFileNotice &notice : entry.notices)
        printError(describeHttpFileNotice(entry.request.name, notice));
}

struct RunText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::RunCommand)
};

// Sends the named request whose reply another one needs, after the requests its own variables need,
// without showing its reply: only the request asked for is shown. `chain`: the requests waiting for
// it, to name them when they wait for each other. Returns the exit code (Success when sent).
int sendFirst(const RunCommand::Invocation &invocation, const QString &name, const QStringList &chain, SentHttpRequests *sent)
{
    for (;;) {
        CollectionError error;
        const QList<HttpFileEntry> entries = CollectionFile::load(invocation.path, invocation.environment, &error, *sent, name);
        HttpFileEntry entry;
        if (!error.isError() && !pick(entries, name, &entry, &error))
            error.file = invocation.path;
        if (!error.isError())
            error = entry.error;
        if (error.kind == CollectionError::Kind::RequestNotSent) {
            if (chain.contains(error.detail) || error.detail == name)
                return usageError(describeCollectionError({CollectionError::Kind::RequestCycle, invocation.path, 0, 0, {},
                                                           chain + QStringList{name, error.detail}}));
            if (const int code = sendFirst(invocation, error.detail, chain + QStringList{name}, sent); code != Success)
                return code;
            continue;
        }
        if (error.isError())
            return usageError(describeCollectionError(error));
        printNotices(entry);
        TcpRequest request = entry.request.tcpRequest();
        if (request.maxBytes == 0)
            request.maxBytes = JsonDefaultCap;
        ByteStore reply;
        Trace trace;
        CancelToken cancel;
        cancelOnSignals(cancel);
        TcpExchange exchange(request, reply, trace, cancel);
        const TcpResult result = exchange.run();
        if (result.error.isError()) {
            printError(RunText::tr("«%1» was sent first for its reply, and failed:").arg(name));
            printError(result.error);
            return exitCodeFor(result.error);
        }
        // Stopped at the size cap, the reply is only its first part: its body is not whole.
        sent->insert(entry.request.name, {request.payload, reply.read(0, reply.size()), result.stop.reason != StopReason::SizeCap});
        printError(RunText::tr("«%1» was sent first for its reply: %n byte(s) received.", nullptr, int(qMin<qint64>(reply.size(), INT_MAX)))
                       .arg(name));
        return Success;
    }
}

} // namespace

ParseOutcome RunCommand::parse(const QStringList &arguments, Invocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Send a saved request of a .http file (REST Client, JetBrains HTTP Client) or of a "
                                        "SocketLab collection file (.json), and show every byte of the reply as tcp does."));
    parser.addHelpOption();
    const QCommandLineOption name(QStringLiteral("name"),
                                  tr("The request to send: its name (# @name), or its folders and name (api/login). "
                                     "Needed when the file holds several."),
                                  tr("NAME"));
    const QCommandLineOption env(QStringLiteral("env"),
                                 tr("Take the {{variables}} of environment ENV from http-client.env.json and "
                                    "http-client.private.env.json beside the .http file."),
                                 tr("ENV"));
    // tcp's output options, the same words: --format, --out, --trace, --body.
    const QCommandLineOption format(QStringLiteral("format"), QCoreApplication::translate("SocketLab::Cli::TargetOptions", "Output: hexdump (default), raw or json."),
                                    QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FORMAT"), QStringLiteral("hexdump"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QCoreApplication::translate("SocketLab::Cli::TargetOptions", "Write the received bytes to FILE as they arrive, without keeping them."),
                                 QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FILE"));
    const QCommandLineOption trace(QStringLiteral("trace"),
                                   QCoreApplication::translate("SocketLab::Cli::TargetOptions", "With the hexdump format, also list the socket calls made."));
    const QCommandLineOption body(QStringLiteral("body"),
                                  tr("Write the HTTP response's body to FILE as it arrives: chunked framing removed, "
                                     "gzip, deflate or br undone, at most %1.")
                                      .arg(QLocale().formattedDataSize(HttpBodyDecoder::DefaultCap, 0)),
                                  QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FILE"));
    parser.addOptions({name, env, format, out, trace, body});
    parser.addPositionalArgument(tr("FILE"), tr("A .http or .rest file, or a SocketLab collection file."));

    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ParseOutcome::usage(tr("Expected one FILE, got %n argument(s).", nullptr, int(positional.size())));

    TargetOptions &target = invocation->target;
    const QString formatName = parser.value(format);
    if (formatName == QLatin1StringView("hexdump"))
        target.format = OutputFormat::HexDump;
    else if (formatName == QLatin1StringView("raw"))
        target.format = OutputFormat::Raw;
    else if (formatName == QLatin1StringView("json"))
        target.format = OutputFormat::Json;
    else
        return ParseOutcome::usage(QCoreApplication::translate("SocketLab::Cli::TargetOptions", "Unknown --format \"%1\": use hexdump, raw or json.").arg(formatName));
    target.outPath = parser.value(out);
    target.showTrace = parser.isSet(trace);
    invocation->body.decode = true;
    invocation->body.path = parser.value(body);
    if (parser.isSet(body) && invocation->body.path.isEmpty())
        return ParseOutcome::usage(QCoreApplication::translate("SocketLab::Cli::TcpCommand", "--body needs a file name."));
    if (!invocation->body.path.isEmpty() && !target.outPath.isEmpty()
        && QDir::cleanPath(QFileInfo(invocation->body.path).absoluteFilePath())
               == QDir::cleanPath(QFileInfo(target.outPath).absoluteFilePath()))
        return ParseOutcome::usage(QCoreApplication::translate("SocketLab::Cli::TcpCommand", "--body and --out name the same file: the reply and its body need one each."));

    invocation->path = positional.constFirst();
    invocation->name = parser.value(name);
    invocation->environment = parser.value(env);
    return ParseOutcome::run();
}

ParseOutcome RunCommand::load(Invocation *invocation, SavedRequest *request, const SentHttpRequests &sent, QStringList *needs)
{
    CollectionError error;
    const QList<HttpFileEntry> entries = CollectionFile::load(invocation->path, invocation->environment, &error, sent, invocation->name);
    HttpFileEntry entry;
    if (!error.isError() && !pick(entries, invocation->name, &entry, &error))
        error.file = invocation->path;
    if (!error.isError())
        error = entry.error;
    if (error.kind == CollectionError::Kind::RequestNotSent && needs) {
        *needs = {entry.request.name, error.detail};
        return ParseOutcome::run();
    }
    if (error.isError())
        return ParseOutcome::usage(describeCollectionError(error));
    if (needs)
        printNotices(entry);

    TargetOptions &target = invocation->target;
    *request = entry.request;
    if (request->kind == SavedRequest::Kind::Udp) {
        if (!invocation->body.path.isEmpty())
            return ParseOutcome::usage(tr("--body is for an HTTP request over TCP; \"%1\" is UDP.").arg(request->name));
        if (target.holdsBytesInMemory() && request->udp.maxBytes == 0)
            request->udp.maxBytes = JsonDefaultCap;
    } else if (request->kind == SavedRequest::Kind::Script) {
        if (target.format == OutputFormat::Raw || !target.outPath.isEmpty() || !invocation->body.path.isEmpty())
            return ParseOutcome::usage(tr("\"%1\" is a conversation script: its output is text or --format json, as talk's.")
                                           .arg(request->name));
    } else if (target.holdsBytesInMemory() && request->tcp.maxBytes == 0) {
        request->tcp.maxBytes = JsonDefaultCap;
    }
    target.host = request->host();
    target.service = request->service();
    target.family = request->kind == SavedRequest::Kind::Udp ? request->udp.family : request->tcp.family;
    return ParseOutcome::run();
}

int RunCommand::run(const QStringList &arguments)
{
    Invocation invocation;
    if (const ParseOutcome parsed = parse(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    // {{login.response...}}: "login" goes first, and what it needs before it.
    SavedRequest saved;
    SentHttpRequests sent;
    for (;;) {
        QStringList needs;
        if (const ParseOutcome loaded = load(&invocation, &saved, sent, &needs); !loaded.runs())
            return finish(loaded);
        if (needs.isEmpty())
            break;
        if (needs.at(0) == needs.at(1))
            return usageError(describeCollectionError({CollectionError::Kind::RequestCycle, invocation.path, 0, 0, {}, needs}));
        if (const int code = sendFirst(invocation, needs.at(1), {needs.at(0)}, &sent); code != Success)
            return code;
    }
    switch (saved.kind) {
    case SavedRequest::Kind::Udp: {
        UdpResult result;
        const int code = runExchange<UdpExchange>(invocation.target, saved.udp, &result);
        if (code == Success && saved.udp.maxDatagrams > 0 && result.datagrams.size() < saved.udp.maxDatagrams)
            return TimedOut;
        return code;
    }
    case SavedRequest::Kind::Script: {
        // The script runs as talk --script runs it, from a file of its text.
        QTemporaryFile script;
        if (!script.open() || script.write(saved.script.toUtf8()) < 0 || !script.flush())
            return usageError(tr("Cannot write the script to a temporary file (%1).").arg(script.errorString()));
        QStringList talk{QStringLiteral("socketlab-cli talk"), saved.tcp.host, saved.tcp.service,
                         QStringLiteral("--script"), script.fileName(),
                         QStringLiteral("--connect-timeout"), QString::number(saved.tcp.connectTimeoutMs)};
        // The socket as it was saved: its options and the local address it binds to.
        for (const SocketOptionSetting &option : saved.tcp.socketOptions)
            talk.append({QStringLiteral("--sockopt"), SocketOptions::format(option)});
        if (saved.tcp.localAddress.isValid())
            talk.append({QStringLiteral("--local"), localAddressText(saved.tcp.localAddress)});
        if (saved.tcp.family == IpFamily::V4)
            talk.append(QStringLiteral("-4"));
        else if (saved.tcp.family == IpFamily::V6)
            talk.append(QStringLiteral("-6"));
        if (invocation.target.format == OutputFormat::Json)
            talk.append({QStringLiteral("--format"), QStringLiteral("json")});
        if (invocation.target.format == OutputFormat::HexDump)
            talk.append(QStringLiteral("--hexdump"));
        if (invocation.target.showTrace)
            talk.append(QStringLiteral("--trace"));
        return TalkCommand::run(talk);
    }
    case SavedRequest::Kind::Tcp:
    case SavedRequest::Kind::Tls:
        break;
    }
    const TcpRequest request = saved.tcpRequest();
    invocation.body.setRequest(request.payload);
    TcpResult result;
    return runExchange<TcpExchange>(invocation.target, request, &result, invocation.body);
}

} // namespace SocketLab::Cli
