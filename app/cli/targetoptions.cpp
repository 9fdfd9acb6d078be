#include "targetoptions.h"

#include "http/requesttemplates.h"
#include "net/servicecheck.h"

#include <QCommandLineParser>

namespace SocketLab::Cli {

TargetOptions::TargetOptions(const QString &command, bool offersTls, FormatChoice formats)
    : m_command(command)
    , m_offersTls(offersTls)
    , m_formats(formats)
    , m_inet4(QStringList{QStringLiteral("4")}, tr("Use IPv4 addresses only."))
    , m_inet6(QStringList{QStringLiteral("6")}, tr("Use IPv6 addresses only."))
    , m_format(QStringLiteral("format"),
               formats == FormatChoice::Exchange ? tr("Output: hexdump (default), raw or json.")
                                                 : tr("Output: text (default: the bytes as they arrive) or json (one object at the end)."),
               tr("FORMAT"), formats == FormatChoice::Exchange ? QStringLiteral("hexdump") : QStringLiteral("text"))
    , m_out(QStringLiteral("out"), tr("Write the received bytes to FILE as they arrive, without keeping them."),
            tr("FILE"))
    , m_trace(QStringLiteral("trace"), formats == FormatChoice::Exchange
                                           ? tr("With the hexdump format, also list the socket calls made.")
                                           : tr("With the text format, also list the socket calls made, at the end."))
{
}

void TargetOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_inet4, m_inet6, m_format, m_trace});
    // A conversation's bytes are printed as they come or reported whole: there is no file to stream to.
    if (m_formats == FormatChoice::Exchange)
        parser.addOption(m_out);
    parser.addPositionalArgument(tr("HOST"), tr("Host name or address."));
    parser.addPositionalArgument(tr("PORT"), tr("Port number or service name (http)."));
}

bool TargetOptions::read(const QCommandLineParser &parser, QString *error)
{
    const QStringList positional = parser.positionalArguments();
    // Said first: a URL usually comes alone, without the port it already names.
    if (!positional.isEmpty()) {
        if (const QString urlError = urlAsHostError(positional.constFirst(), m_command, m_offersTls); !urlError.isEmpty()) {
            *error = urlError;
            return false;
        }
    }
    if (positional.size() != 2) {
        *error = tr("Expected HOST and PORT, got %n argument(s).", nullptr, int(positional.size()));
        return false;
    }
    host = positional.at(0);
    service = positional.at(1);
    if (host.isEmpty()) {
        *error = tr("The host is empty.");
        return false;
    }
    if (!checkService(service, error))
        return false;
    if (parser.isSet(m_inet4) && parser.isSet(m_inet6)) {
        *error = tr("Choose -4 or -6, not both.");
        return false;
    }
    family = parser.isSet(m_inet4) ? IpFamily::V4 : parser.isSet(m_inet6) ? IpFamily::V6 : IpFamily::Any;
    const QString formatName = parser.value(m_format);
    if (m_formats == FormatChoice::Conversation) {
        if (formatName == QLatin1StringView("text")) {
            format = OutputFormat::Text;
        } else if (formatName == QLatin1StringView("json")) {
            format = OutputFormat::Json;
        } else {
            *error = tr("Unknown --format \"%1\": use text or json.").arg(formatName);
            return false;
        }
        showTrace = parser.isSet(m_trace);
        return true;
    }
    if (formatName == QLatin1StringView("hexdump"))
        format = OutputFormat::HexDump;
    else if (formatName == QLatin1StringView("raw"))
        format = OutputFormat::Raw;
    else if (formatName == QLatin1StringView("json"))
        format = OutputFormat::Json;
    else {
        *error = tr("Unknown --format \"%1\": use hexdump, raw or json.").arg(formatName);
        return false;
    }
    outPath = parser.value(m_out);
    showTrace = parser.isSet(m_trace);
    return true;
}

QString urlAsHostError(const QString &host, const QString &command, bool offersTls)
{
    // A name or address never holds "://"; getaddrinfo() would only say it does not exist.
    if (!host.contains(QLatin1StringView("://")))
        return {};
    const std::optional<HttpUrl> url = parseHttpUrl(host);
    if (!url) {
        return QCoreApplication::translate("SocketLab::Cli::TargetOptions",
                                           "\"%1\" is a URL, not a host: give the host name or address alone, then the port.")
            .arg(host);
    }
    if (url->tls && offersTls) {
        return QCoreApplication::translate("SocketLab::Cli::TargetOptions",
                                           "\"%1\" is a URL, not a host: for HTTPS use --tls with its host and port, "
                                           "socketlab-cli %2 --tls %3 %4.")
            .arg(host, command, url->host)
            .arg(url->port);
    }
    return QCoreApplication::translate("SocketLab::Cli::TargetOptions",
                                       "\"%1\" is a URL, not a host: give its host and port, socketlab-cli %2 %3 %4.")
        .arg(host, command, url->host)
        .arg(url->port);
}

bool checkService(const QString &text, QString *error)
{
    switch (SocketLab::checkService(text)) {
    case ServiceProblem::None:
        return true;
    case ServiceProblem::PortOutOfRange:
        *error = QCoreApplication::translate("SocketLab::Cli::TargetOptions",
                                             "Invalid port %1: a port is a number from 1 to 65535.")
                     .arg(text);
        return false;
    case ServiceProblem::Empty:
    case ServiceProblem::BadName:
        break;
    }
    *error = QCoreApplication::translate("SocketLab::Cli::TargetOptions",
                                         "Invalid port \"%1\": give a number from 1 to 65535 or a service name such as http.")
                 .arg(text);
    return false;
}

bool readCount(const QString &text, const QString &name, qint64 minimum, qint64 *value, QString *error)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    if (!ok || *value < minimum) {
        *error = QCoreApplication::translate("SocketLab::Cli::TargetOptions",
                                             "Invalid %1 \"%2\": expected a whole number of at least %3.")
                     .arg(name, text)
                     .arg(minimum);
        return false;
    }
    return true;
}

} // namespace SocketLab::Cli
