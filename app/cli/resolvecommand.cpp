#include "resolvecommand.h"

#include "commandline.h"
#include "exitcode.h"
#include "jsonreport.h"
#include "targetoptions.h"

#include "net/resolver.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QLocale>

#include <cstdio>

namespace SocketLab::Cli {

namespace {

void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toUtf8().constData());
}

void printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
}

bool readTextFormat(const QCommandLineParser &parser, bool *json, QString *error)
{
    const QString format = parser.value(QStringLiteral("format"));
    *json = format == QLatin1StringView("json");
    if (!*json && format != QLatin1StringView("text")) {
        *error = ResolveCommand::tr("Unknown --format \"%1\": use text or json.").arg(format);
        return false;
    }
    return true;
}

bool readFlags(const QList<FlagInfo> &table, const QString &text, int *flags, QString *error)
{
    QString badName;
    *flags = parseFlags(table, text, &badName);
    if (*flags < 0) {
        QStringList known;
        for (const FlagInfo &flag : table)
            known << QString::fromLatin1(flag.name);
        *error = ResolveCommand::tr("Unknown flag \"%1\" in --flags: use %2.").arg(badName, known.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

QString elapsedText(qint64 us)
{
    return ResolveCommand::tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', 3));
}

} // namespace

ParseOutcome ResolveCommand::parseResolve(const QStringList &arguments, ResolveInvocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Resolve HOST (and SERVICE) with getaddrinfo() and list the rows it returns, in order."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("HOST"), tr("Host name or numeric address (\"\" for none)."));
    parser.addPositionalArgument(tr("SERVICE"), tr("Port number or service name (optional)."), tr("[SERVICE]"));
    const QCommandLineOption family(QStringLiteral("family"), tr("any (default), inet or inet6."), tr("FAMILY"), QStringLiteral("any"));
    const QCommandLineOption type(QStringLiteral("type"), tr("any (default), stream or dgram."), tr("TYPE"), QStringLiteral("any"));
    const QCommandLineOption protocol(QStringLiteral("protocol"), tr("Protocol number (6 TCP, 17 UDP; default 0)."), tr("N"), QStringLiteral("0"));
    const QCommandLineOption flags(QStringLiteral("flags"), tr("AI_* flags, lowercase without prefix, comma separated: canonname,numerichost..."), tr("FLAGS"));
    const QCommandLineOption format(QStringLiteral("format"), tr("text (default, as Python prints the rows) or json."), tr("FORMAT"), QStringLiteral("text"));
    parser.addOptions({family, type, protocol, flags, format});
    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    QString error;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        return ParseOutcome::usage(tr("Expected HOST and an optional SERVICE."));
    ResolveQuery &query = invocation->query;
    query.host = positional.at(0);
    query.service = positional.value(1);
    const QString familyText = parser.value(family);
    if (familyText == QLatin1StringView("any"))
        query.family = IpFamily::Any;
    else if (familyText == QLatin1StringView("inet"))
        query.family = IpFamily::V4;
    else if (familyText == QLatin1StringView("inet6"))
        query.family = IpFamily::V6;
    else
        return ParseOutcome::usage(tr("Unknown --family \"%1\": use any, inet or inet6.").arg(familyText));
    const QString typeText = parser.value(type);
    if (typeText == QLatin1StringView("any"))
        query.socketType = SocketKind::Any;
    else if (typeText == QLatin1StringView("stream"))
        query.socketType = SocketKind::Stream;
    else if (typeText == QLatin1StringView("dgram"))
        query.socketType = SocketKind::Datagram;
    else
        return ParseOutcome::usage(tr("Unknown --type \"%1\": use any, stream or dgram.").arg(typeText));
    qint64 protocolNumber = 0;
    if (!readCount(parser.value(protocol), QStringLiteral("--protocol"), 0, &protocolNumber, &error)
        || !readFlags(addrInfoFlags(), parser.value(flags), &query.flags, &error)
        || !readTextFormat(parser, &invocation->json, &error))
        return ParseOutcome::usage(error);
    if (protocolNumber > 255)
        return ParseOutcome::usage(tr("Invalid --protocol %1: a protocol number is at most 255.").arg(protocolNumber));
    query.protocol = int(protocolNumber);
    return ParseOutcome::run();
}

int ResolveCommand::runResolve(const QStringList &arguments)
{
    ResolveInvocation invocation;
    if (const ParseOutcome parsed = parseResolve(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    const ResolveQuery &query = invocation.query;
    const ResolveResult result = resolve(query);
    if (invocation.json) {
        printJson(resolveReport(query, result));
    } else if (result.error.isError()) {
        NetError shown = result.error;
        if (shown.detail.isEmpty())
            shown.detail = query.host;
        printError(shown);
    } else {
        for (const AddrInfoRow &row : result.rows)
            printLine(row.toPythonRepr());
        std::fprintf(stderr, "# %s\n", tr("%Ln row(s) in %1", nullptr, int(result.rows.size()))
                                            .arg(elapsedText(result.elapsedUs)).toLocal8Bit().constData());
    }
    return result.error.isError() ? NetworkError : Success;
}

ParseOutcome ResolveCommand::parseReverse(const QStringList &arguments, ReverseInvocation *invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Find the host and service names of ADDRESS and PORT with getnameinfo()."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("ADDRESS"), tr("Numeric IPv4 or IPv6 address."));
    parser.addPositionalArgument(tr("PORT"), tr("Port number (optional, default 0)."), tr("[PORT]"));
    const QCommandLineOption flags(QStringLiteral("flags"), tr("NI_* flags, lowercase without prefix, comma separated: numerichost,namereqd..."), tr("FLAGS"));
    const QCommandLineOption format(QStringLiteral("format"), tr("text (default, as Python prints the pair) or json."), tr("FORMAT"), QStringLiteral("text"));
    parser.addOptions({flags, format});
    if (!parser.parse(arguments))
        return ParseOutcome::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return ParseOutcome::help(parser, arguments.constFirst());

    QString error;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        return ParseOutcome::usage(tr("Expected ADDRESS and an optional PORT."));
    qint64 port = 0;
    if (positional.size() == 2 && (!readCount(positional.at(1), tr("port"), 0, &port, &error) || port > 65535))
        return ParseOutcome::usage(error.isEmpty() ? tr("Invalid port %1: a port is a number from 0 to 65535.").arg(positional.at(1)) : error);
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(positional.at(0), quint16(port));
    if (!address)
        return ParseOutcome::usage(tr("\"%1\" is not a numeric IPv4 or IPv6 address.").arg(positional.at(0)));
    NameInfoQuery &query = invocation->query;
    query.address = *address;
    invocation->address = positional.at(0);
    invocation->port = int(port);
    if (!readFlags(nameInfoFlags(), parser.value(flags), &query.flags, &error)
        || !readTextFormat(parser, &invocation->json, &error))
        return ParseOutcome::usage(error);
    return ParseOutcome::run();
}

int ResolveCommand::runReverse(const QStringList &arguments)
{
    ReverseInvocation invocation;
    if (const ParseOutcome parsed = parseReverse(arguments, &invocation); !parsed.runs())
        return finish(parsed);
    const NameInfoQuery &query = invocation.query;
    const NameInfoResult result = reverseResolve(query);
    if (invocation.json) {
        printJson(reverseReport(result, invocation.address, invocation.port, query.flags));
    } else if (result.error.isError()) {
        printError(result.error);
    } else {
        printLine(QStringLiteral("('%1', '%2')").arg(result.host, result.service));
        if (result.hostIsNumeric)
            std::fprintf(stderr, "# %s\n", tr("No name for this address: getnameinfo() returned it in numeric form.").toLocal8Bit().constData());
    }
    return result.error.isError() ? NetworkError : Success;
}

} // namespace SocketLab::Cli
