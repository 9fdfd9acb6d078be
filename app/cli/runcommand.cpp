#include "runcommand.h"

#include "exitcode.h"
#include "talkcommand.h"

#include "collections/collectionfile.h"
#include "collections/localaddresstext.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "http/httpbodydecoder.h"
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

ParseOutcome RunCommand::load(Invocation *invocation, SavedRequest *request)
{
    CollectionError error;
    const QList<HttpFileEntry> entries = CollectionFile::load(invocation->path, invocation->environment, &error);
    HttpFileEntry entry;
    if (!error.isError() && !pick(entries, invocation->name, &entry, &error))
        error.file = invocation->path;
    if (!error.isError())
        error = entry.error;
    if (error.isError())
        return ParseOutcome::usage(describeCollectionError(error));

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
    SavedRequest saved;
    if (const ParseOutcome loaded = load(&invocation, &saved); !loaded.runs())
        return finish(loaded);
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
