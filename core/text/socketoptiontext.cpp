#include "socketoptiontext.h"

#include "errortext.h"
#include "stoptext.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab {

namespace {

struct SocketOptionText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::SocketOptionText)
};

QString kindName(SocketKind kind)
{
    return kind == SocketKind::Stream ? SocketOptionText::tr("TCP") : SocketOptionText::tr("UDP");
}

QString meaning(SocketOptionName name)
{
    switch (name) {
    case SocketOptionName::NoDelay:
        return SocketOptionText::tr("send small writes at once instead of gathering them (no Nagle)");
    case SocketOptionName::KeepAlive:
        return SocketOptionText::tr("probe an idle connection, so a dead peer is found");
    case SocketOptionName::KeepIdle:
        return SocketOptionText::tr("seconds of silence before the first keepalive probe");
    case SocketOptionName::KeepInterval:
        return SocketOptionText::tr("seconds between keepalive probes");
    case SocketOptionName::KeepCount:
        return SocketOptionText::tr("unanswered probes before the connection is dropped");
    case SocketOptionName::ReceiveBuffer:
        return SocketOptionText::tr("receive buffer in bytes (Linux doubles it, capped by net.core.rmem_max)");
    case SocketOptionName::SendBuffer:
        return SocketOptionText::tr("send buffer in bytes (Linux doubles it, capped by net.core.wmem_max)");
    case SocketOptionName::ReuseAddress:
        return SocketOptionText::tr("bind a port still in TIME_WAIT");
    case SocketOptionName::ReusePort:
        return SocketOptionText::tr("let several sockets bind the same port");
    case SocketOptionName::Linger:
        return SocketOptionText::tr("off, or seconds close() waits for unsent bytes; 0: close() sends RST");
    case SocketOptionName::Ttl:
        return SocketOptionText::tr("hops a packet may cross (IP_TTL, IPV6_UNICAST_HOPS)");
    case SocketOptionName::Tos:
        return SocketOptionText::tr("type of service / traffic class byte (IP_TOS, IPV6_TCLASS)");
    case SocketOptionName::Broadcast:
        return SocketOptionText::tr("allow sending to a broadcast address");
    case SocketOptionName::V6Only:
        return SocketOptionText::tr("an IPv6 socket takes IPv6 only, not IPv4-mapped addresses");
    }
    return {};
}

} // namespace

QString describeOptionProblem(const SocketOptionParseError &error)
{
    switch (error.kind) {
    case SocketOptionParseError::Kind::None:
        return {};
    case SocketOptionParseError::Kind::NoEquals:
        return SocketOptionText::tr("\"%1\": a socket option is written NAME=VALUE, as nodelay=1.").arg(error.text);
    case SocketOptionParseError::Kind::UnknownName: {
        QStringList names;
        for (SocketOptionName name : SocketOptions::all())
            names.append(SocketOptions::cliName(name));
        return SocketOptionText::tr("\"%1\": no socket option is named \"%2\"; the names are %3.")
            .arg(error.text, error.name, names.join(QStringLiteral(", ")));
    }
    case SocketOptionParseError::Kind::NotANumber:
        if (const auto name = SocketOptions::fromCliName(error.name); name && SocketOptions::isSwitch(*name))
            return SocketOptionText::tr("\"%1\": %2 is a switch: give 1 or 0 (on or off).").arg(error.text, error.name);
        if (error.name.compare(QLatin1String("linger"), Qt::CaseInsensitive) == 0)
            return SocketOptionText::tr("\"%1\": linger takes off or a number of seconds.").arg(error.text);
        return SocketOptionText::tr("\"%1\": the value of %2 must be a whole number.").arg(error.text, error.name);
    case SocketOptionParseError::Kind::OutOfRange:
        return SocketOptionText::tr("\"%1\": %2 goes from %3 to %4.")
            .arg(error.text, error.name, QLocale().toString(error.minimum), QLocale().toString(error.maximum));
    case SocketOptionParseError::Kind::WrongSocketKind:
        return SocketOptionText::tr("\"%1\": %2 is for %3 sockets only.").arg(error.text, error.name, kindName(error.onlyFor));
    }
    return {};
}

QString optionValueText(SocketOptionName name, int value)
{
    if (SocketOptions::isSwitch(name))
        return value ? SocketOptionText::tr("on") : SocketOptionText::tr("off");
    switch (name) {
    case SocketOptionName::Linger:
        return value == SocketOptionSetting::LingerOff ? SocketOptionText::tr("off")
                                                       : SocketOptionText::tr("on, %1 s").arg(QLocale().toString(value));
    case SocketOptionName::ReceiveBuffer:
    case SocketOptionName::SendBuffer:
        return byteCount(value);
    case SocketOptionName::KeepIdle:
    case SocketOptionName::KeepInterval:
        return SocketOptionText::tr("%1 s").arg(QLocale().toString(value));
    case SocketOptionName::Tos:
        return QStringLiteral("0x%1").arg(value, 2, 16, QLatin1Char('0'));
    default:
        return QLocale().toString(value);
    }
}

QString describeOptionTooLate(SocketOptionName name)
{
    return SocketOptionText::tr("%1 only counts at bind(): set it before the conversation connects.")
        .arg(SocketOptions::systemName(name, name == SocketOptionName::V6Only ? IpFamily::V6 : IpFamily::V4));
}

QString optionAdjustmentReason(const SocketOptionOutcome &outcome)
{
    const bool receive = outcome.asked.name == SocketOptionName::ReceiveBuffer;
    switch (outcome.adjustment) {
    case SocketOptionAdjustment::None:
        return {};
    case SocketOptionAdjustment::Doubled:
        return SocketOptionText::tr("Linux doubles the size asked, for its own bookkeeping.");
    case SocketOptionAdjustment::CappedThenDoubled:
        return (receive ? SocketOptionText::tr("above net.core.rmem_max (%1), so capped at it, then doubled by Linux.")
                        : SocketOptionText::tr("above net.core.wmem_max (%1), so capped at it, then doubled by Linux."))
            .arg(byteCount(outcome.systemLimit));
    case SocketOptionAdjustment::RaisedToMinimum:
        return SocketOptionText::tr("below the kernel's smallest buffer, so raised to it.");
    case SocketOptionAdjustment::EcnBitsKept:
        return SocketOptionText::tr("on a TCP socket the kernel keeps the two low bits (ECN) for itself.");
    case SocketOptionAdjustment::NotForThisSocket:
        return SocketOptionText::tr("not set: this option is not for this socket's family or type.");
    case SocketOptionAdjustment::Other:
        return SocketOptionText::tr("the system changed it without saying why.");
    }
    return {};
}

QString describeOptionOutcome(const SocketOptionOutcome &outcome)
{
    const SocketOptionName name = outcome.asked.name;
    const QString asked = optionValueText(name, outcome.asked.value);
    if (outcome.error.isError())
        return SocketOptionText::tr("%1 %2: not set: %3.").arg(outcome.systemName, asked, ErrorText::inSentence(outcome.error));
    if (outcome.adjustment == SocketOptionAdjustment::NotForThisSocket)
        return SocketOptionText::tr("%1 %2: %3").arg(outcome.systemName, asked, optionAdjustmentReason(outcome));
    if (!outcome.readBack)
        return SocketOptionText::tr("%1 %2: set; getsockopt() could not read it back.").arg(outcome.systemName, asked);
    if (outcome.adjustment == SocketOptionAdjustment::None)
        return SocketOptionText::tr("%1 %2: set.").arg(outcome.systemName, asked);
    return SocketOptionText::tr("%1: asked %2, has %3: %4")
        .arg(outcome.systemName, asked, optionValueText(name, outcome.effective), optionAdjustmentReason(outcome));
}

QString optionHelp(SocketOptionName name)
{
    QString values;
    if (SocketOptions::isSwitch(name))
        values = QStringLiteral("0|1");
    else if (name == SocketOptionName::Linger)
        values = QStringLiteral("off|0-65535");
    else
        values = QStringLiteral("%1-%2").arg(SocketOptions::minimum(name)).arg(SocketOptions::maximum(name));
    // "%1: %2" through tr(): French puts a no-break space before the colon.
    QString line = SocketOptions::cliName(name) + QLatin1Char('=') + values + QStringLiteral("  ")
                   + SocketOptionText::tr("%1: %2").arg(SocketOptions::systemName(name, IpFamily::V4), meaning(name));
    const SocketKind only = SocketOptions::onlyFor(name);
    if (only != SocketKind::Any)
        line += SocketOptionText::tr(" (%1 only)").arg(kindName(only));
    return line;
}

} // namespace SocketLab
