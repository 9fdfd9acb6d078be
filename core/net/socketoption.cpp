#include "socketoption.h"

#include "socket.h"

#include <QFile>

#include <climits>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace SocketLab::SocketOptions {

namespace {

struct OptionInfo
{
    SocketOptionName name;
    const char *cli;
    SocketKind onlyFor;
    bool isSwitch;
    qint64 minimum;
    qint64 maximum;
};

// The kernel's own bounds where it has them (TCP_KEEPIDLE up to MAX_TCP_KEEPIDLE, TCP_KEEPCNT up
// to MAX_TCP_KEEPCNT), so a value is refused here with its range rather than with EINVAL.
constexpr OptionInfo Options[] = {
    {SocketOptionName::NoDelay, "nodelay", SocketKind::Stream, true, 0, 1},
    {SocketOptionName::KeepAlive, "keepalive", SocketKind::Stream, true, 0, 1},
    {SocketOptionName::KeepIdle, "keepidle", SocketKind::Stream, false, 1, 32767},
    {SocketOptionName::KeepInterval, "keepintvl", SocketKind::Stream, false, 1, 32767},
    {SocketOptionName::KeepCount, "keepcnt", SocketKind::Stream, false, 1, 127},
    {SocketOptionName::ReceiveBuffer, "rcvbuf", SocketKind::Any, false, 1, INT_MAX / 2},
    {SocketOptionName::SendBuffer, "sndbuf", SocketKind::Any, false, 1, INT_MAX / 2},
    {SocketOptionName::ReuseAddress, "reuseaddr", SocketKind::Any, true, 0, 1},
    {SocketOptionName::ReusePort, "reuseport", SocketKind::Any, true, 0, 1},
    {SocketOptionName::Linger, "linger", SocketKind::Stream, false, 0, 65535},
    {SocketOptionName::Ttl, "ttl", SocketKind::Any, false, 1, 255},
    {SocketOptionName::Tos, "tos", SocketKind::Any, false, 0, 255},
    {SocketOptionName::Broadcast, "broadcast", SocketKind::Datagram, true, 0, 1},
    {SocketOptionName::V6Only, "v6only", SocketKind::Any, true, 0, 1},
};

const OptionInfo &info(SocketOptionName name)
{
    for (const OptionInfo &option : Options) {
        if (option.name == name)
            return option;
    }
    Q_UNREACHABLE();
}

struct SystemOption
{
    int level;
    int name;
    const char *text;
};

SystemOption systemOption(SocketOptionName name, IpFamily family)
{
    const bool v6 = family == IpFamily::V6;
    switch (name) {
    case SocketOptionName::NoDelay: return {IPPROTO_TCP, TCP_NODELAY, "TCP_NODELAY"};
    case SocketOptionName::KeepAlive: return {SOL_SOCKET, SO_KEEPALIVE, "SO_KEEPALIVE"};
    case SocketOptionName::KeepIdle: return {IPPROTO_TCP, TCP_KEEPIDLE, "TCP_KEEPIDLE"};
    case SocketOptionName::KeepInterval: return {IPPROTO_TCP, TCP_KEEPINTVL, "TCP_KEEPINTVL"};
    case SocketOptionName::KeepCount: return {IPPROTO_TCP, TCP_KEEPCNT, "TCP_KEEPCNT"};
    case SocketOptionName::ReceiveBuffer: return {SOL_SOCKET, SO_RCVBUF, "SO_RCVBUF"};
    case SocketOptionName::SendBuffer: return {SOL_SOCKET, SO_SNDBUF, "SO_SNDBUF"};
    case SocketOptionName::ReuseAddress: return {SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR"};
    case SocketOptionName::ReusePort: return {SOL_SOCKET, SO_REUSEPORT, "SO_REUSEPORT"};
    case SocketOptionName::Linger: return {SOL_SOCKET, SO_LINGER, "SO_LINGER"};
    case SocketOptionName::Ttl:
        return v6 ? SystemOption{IPPROTO_IPV6, IPV6_UNICAST_HOPS, "IPV6_UNICAST_HOPS"} : SystemOption{IPPROTO_IP, IP_TTL, "IP_TTL"};
    case SocketOptionName::Tos:
        return v6 ? SystemOption{IPPROTO_IPV6, IPV6_TCLASS, "IPV6_TCLASS"} : SystemOption{IPPROTO_IP, IP_TOS, "IP_TOS"};
    case SocketOptionName::Broadcast: return {SOL_SOCKET, SO_BROADCAST, "SO_BROADCAST"};
    case SocketOptionName::V6Only: return {IPPROTO_IPV6, IPV6_V6ONLY, "IPV6_V6ONLY"};
    }
    Q_UNREACHABLE();
}

std::optional<int> switchValue(const QString &text)
{
    static const QStringList on = {QStringLiteral("1"), QStringLiteral("on"), QStringLiteral("true"), QStringLiteral("yes")};
    static const QStringList off = {QStringLiteral("0"), QStringLiteral("off"), QStringLiteral("false"), QStringLiteral("no")};
    if (on.contains(text, Qt::CaseInsensitive))
        return 1;
    if (off.contains(text, Qt::CaseInsensitive))
        return 0;
    return std::nullopt;
}

// net.core.rmem_max or wmem_max: what an unprivileged SO_RCVBUF or SO_SNDBUF is capped at.
qint64 bufferLimit(SocketOptionName name)
{
    QFile file(name == SocketOptionName::ReceiveBuffer ? QStringLiteral("/proc/sys/net/core/rmem_max")
                                                       : QStringLiteral("/proc/sys/net/core/wmem_max"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const qint64 limit = file.readAll().trimmed().toLongLong(&ok);
    return ok ? limit : -1;
}

// Linux (net/core/sock.c): the value is capped at the limit, doubled, and raised to a floor.
void explainBuffer(SocketOptionOutcome &outcome)
{
    const qint64 asked = outcome.asked.value;
    const qint64 effective = outcome.effective;
    const qint64 limit = bufferLimit(outcome.asked.name);
    if (effective == 2 * asked) {
        outcome.adjustment = SocketOptionAdjustment::Doubled;
    } else if (limit >= 0 && asked > limit && effective == 2 * limit) {
        outcome.adjustment = SocketOptionAdjustment::CappedThenDoubled;
        outcome.systemLimit = limit;
    } else if (effective > 2 * asked) {
        outcome.adjustment = SocketOptionAdjustment::RaisedToMinimum;
    } else {
        outcome.adjustment = SocketOptionAdjustment::Other;
    }
}

void explain(SocketOptionOutcome &outcome, SocketKind kind, IpFamily family)
{
    if (!outcome.readBack)
        return;
    // Linux never keeps a buffer size as asked (it doubles it): one read back equal to the one asked
    // is twice the limit, capped at it, then doubled back to itself.
    const bool buffer = outcome.asked.name == SocketOptionName::ReceiveBuffer || outcome.asked.name == SocketOptionName::SendBuffer;
    if (buffer) {
        explainBuffer(outcome);
        return;
    }
    if (outcome.effective == outcome.asked.value)
        return;
    switch (outcome.asked.name) {
    case SocketOptionName::Tos:
        // ip_sockglue.c: on a TCP socket the low two bits stay the connection's ECN state.
        if (kind == SocketKind::Stream && family == IpFamily::V4
            && (outcome.effective & ~3) == (outcome.asked.value & ~3)) {
            outcome.adjustment = SocketOptionAdjustment::EcnBitsKept;
            return;
        }
        break;
    default:
        break;
    }
    outcome.adjustment = SocketOptionAdjustment::Other;
}

} // namespace

QList<SocketOptionName> all()
{
    QList<SocketOptionName> names;
    for (const OptionInfo &option : Options)
        names.append(option.name);
    return names;
}

QString cliName(SocketOptionName name)
{
    return QString::fromLatin1(info(name).cli);
}

std::optional<SocketOptionName> fromCliName(const QString &name)
{
    for (const OptionInfo &option : Options) {
        if (name.compare(QLatin1StringView(option.cli), Qt::CaseInsensitive) == 0)
            return option.name;
    }
    return std::nullopt;
}

QString systemName(SocketOptionName name, IpFamily family)
{
    return QString::fromLatin1(systemOption(name, family).text);
}

SocketKind onlyFor(SocketOptionName name)
{
    return info(name).onlyFor;
}

bool isSwitch(SocketOptionName name)
{
    return info(name).isSwitch;
}

bool settableWhenOpen(SocketOptionName name)
{
    return name != SocketOptionName::ReuseAddress && name != SocketOptionName::ReusePort && name != SocketOptionName::V6Only;
}

qint64 minimum(SocketOptionName name)
{
    return info(name).minimum;
}

qint64 maximum(SocketOptionName name)
{
    return info(name).maximum;
}

std::optional<SocketOptionSetting> parse(const QString &text, SocketKind kind, SocketOptionParseError *error)
{
    SocketOptionParseError problem;
    problem.text = text;
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    const auto fail = [&](SocketOptionParseError::Kind what) -> std::optional<SocketOptionSetting> {
        problem.kind = what;
        if (error)
            *error = problem;
        return std::nullopt;
    };
    if (equals < 0)
        return fail(SocketOptionParseError::Kind::NoEquals);
    problem.name = text.left(equals).trimmed();
    problem.value = text.mid(equals + 1).trimmed();
    const std::optional<SocketOptionName> name = fromCliName(problem.name);
    if (!name)
        return fail(SocketOptionParseError::Kind::UnknownName);
    const OptionInfo &option = info(*name);
    if (kind != SocketKind::Any && option.onlyFor != SocketKind::Any && option.onlyFor != kind) {
        problem.onlyFor = option.onlyFor;
        return fail(SocketOptionParseError::Kind::WrongSocketKind);
    }
    SocketOptionSetting setting;
    setting.name = *name;
    if (option.isSwitch) {
        const std::optional<int> value = switchValue(problem.value);
        if (!value)
            return fail(SocketOptionParseError::Kind::NotANumber);
        setting.value = *value;
    } else if (*name == SocketOptionName::Linger && problem.value.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0) {
        setting.value = SocketOptionSetting::LingerOff;
    } else {
        bool ok = false;
        const qint64 value = problem.value.toLongLong(&ok, 0);
        if (!ok)
            return fail(SocketOptionParseError::Kind::NotANumber);
        if (value < option.minimum || value > option.maximum) {
            problem.minimum = option.minimum;
            problem.maximum = option.maximum;
            return fail(SocketOptionParseError::Kind::OutOfRange);
        }
        setting.value = int(value);
    }
    if (error)
        *error = {};
    return setting;
}

QString format(const SocketOptionSetting &setting)
{
    const QString value = setting.name == SocketOptionName::Linger && setting.value == SocketOptionSetting::LingerOff
                              ? QStringLiteral("off")
                              : QString::number(setting.value);
    return cliName(setting.name) + QLatin1Char('=') + value;
}

QList<SocketOptionOutcome> apply(Socket &socket, const QList<SocketOptionSetting> &settings, IpFamily family,
                                 SocketKind kind)
{
    QList<SocketOptionOutcome> outcomes;
    for (const SocketOptionSetting &setting : settings) {
        SocketOptionOutcome outcome;
        outcome.asked = setting;
        const SystemOption system = systemOption(setting.name, family);
        outcome.systemName = QString::fromLatin1(system.text);
        const SocketKind only = onlyFor(setting.name);
        if ((setting.name == SocketOptionName::V6Only && family != IpFamily::V6)
            || (only != SocketKind::Any && only != kind)) {
            outcome.adjustment = SocketOptionAdjustment::NotForThisSocket;
            outcomes.append(outcome);
            continue;
        }
        if (setting.name == SocketOptionName::Linger) {
            const bool on = setting.value != SocketOptionSetting::LingerOff;
            outcome.error = socket.setLinger(on, on ? setting.value : 0);
            bool readOn = false;
            int seconds = 0;
            if (!outcome.error.isError() && !socket.linger(&readOn, &seconds).isError()) {
                outcome.readBack = true;
                outcome.effective = readOn ? seconds : SocketOptionSetting::LingerOff;
            }
        } else {
            outcome.error = socket.setOption(system.level, system.name, setting.value, system.text);
            int value = 0;
            if (!outcome.error.isError() && !socket.option(system.level, system.name, &value, system.text).isError()) {
                outcome.readBack = true;
                // The kernel answers a switch with any non-zero value.
                outcome.effective = isSwitch(setting.name) ? (value != 0 ? 1 : 0) : value;
            }
        }
        explain(outcome, kind, family);
        outcomes.append(outcome);
    }
    return outcomes;
}

} // namespace SocketLab::SocketOptions
