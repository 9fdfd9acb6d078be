#include "socketoptionflags.h"

#include "text/socketoptiontext.h"

#include <QCommandLineParser>

namespace SocketLab::Cli {

namespace {

QString sockoptHelp()
{
    QStringList lines{SocketOptionFlags::tr("Set a socket option before bind() and connect(), as NAME=VALUE; "
                                            "repeatable. Each is read back with getsockopt() and reported. NAME is one of:")};
    for (SocketOptionName name : SocketOptions::all())
        lines.append(QStringLiteral("  ") + optionHelp(name));
    return lines.join(QLatin1Char('\n'));
}

std::optional<quint16> portNumber(const QString &text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    return ok && port <= 65535 ? std::optional<quint16>(quint16(port)) : std::nullopt;
}

} // namespace

std::optional<SocketAddress> parseLocalAddress(const QString &text)
{
    QString host = text;
    quint16 port = 0;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            const std::optional<quint16> number = rest.startsWith(QLatin1Char(':')) ? portNumber(rest.mid(1)) : std::nullopt;
            if (!number)
                return std::nullopt;
            port = *number;
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        // One colon: IPv4 and a port. More: a bare IPv6 address, whose port needs the brackets.
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        host = text.left(colon);
        const std::optional<quint16> number = portNumber(text.mid(colon + 1));
        if (!number)
            return std::nullopt;
        port = *number;
    }
    return SocketAddress::fromNumeric(host, port);
}

SocketOptionFlags::SocketOptionFlags(Local local)
    : m_offersLocal(local)
    , m_sockopt(QStringLiteral("sockopt"), sockoptHelp(), tr("NAME=VALUE"))
    , m_local(QStringLiteral("local"),
              tr("bind() the socket to ADDR (and PORT; 0 or none: the kernel picks) before connect(); an IPv6 "
                 "address with a port is written [::1]:PORT."),
              tr("ADDR[:PORT]"))
{
}

void SocketOptionFlags::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_sockopt);
    if (m_offersLocal == Local::Offered)
        parser.addOption(m_local);
}

bool SocketOptionFlags::read(const QCommandLineParser &parser, SocketKind kind, QString *error)
{
    settings.clear();
    for (const QString &text : parser.values(m_sockopt)) {
        SocketOptionParseError problem;
        const std::optional<SocketOptionSetting> setting = SocketOptions::parse(text, kind, &problem);
        if (!setting) {
            *error = tr("--sockopt %1").arg(describeOptionProblem(problem));
            return false;
        }
        settings.append(*setting);
    }
    local = {};
    if (m_offersLocal == Local::Offered && parser.isSet(m_local)) {
        const std::optional<SocketAddress> address = parseLocalAddress(parser.value(m_local));
        if (!address) {
            *error = tr("--local \"%1\": give a numeric address and an optional port, as 127.0.0.1:5000 or [::1]:5000.")
                         .arg(parser.value(m_local));
            return false;
        }
        local = *address;
    }
    return true;
}

} // namespace SocketLab::Cli
