#pragma once

#include "neterror.h"
#include "socketaddress.h"

#include <QList>
#include <QString>

#include <optional>

namespace SocketLab {

class Socket;

// The socket options a person may set, by what they do rather than by level: TTL is IP_TTL on an
// IPv4 socket and IPV6_UNICAST_HOPS on an IPv6 one.
enum class SocketOptionName {
    NoDelay,        // TCP_NODELAY
    KeepAlive,      // SO_KEEPALIVE
    KeepIdle,       // TCP_KEEPIDLE, seconds
    KeepInterval,   // TCP_KEEPINTVL, seconds
    KeepCount,      // TCP_KEEPCNT
    ReceiveBuffer,  // SO_RCVBUF, bytes
    SendBuffer,     // SO_SNDBUF, bytes
    ReuseAddress,   // SO_REUSEADDR
    ReusePort,      // SO_REUSEPORT
    Linger,         // SO_LINGER: off, or on with a time in seconds ({on, 0}: close() sends RST)
    Ttl,            // IP_TTL / IPV6_UNICAST_HOPS
    Tos,            // IP_TOS / IPV6_TCLASS
    Broadcast,      // SO_BROADCAST
    V6Only,         // IPV6_V6ONLY
};

// One option and the value asked for. A switch is 0 or 1; Linger is LingerOff or the seconds.
struct SocketOptionSetting
{
    static constexpr int LingerOff = -1;

    SocketOptionName name = SocketOptionName::NoDelay;
    int value = 0;

    bool operator==(const SocketOptionSetting &) const = default;
};

// Why "name=value" could not be read; text/socketoptiontext.h says it in a sentence.
struct SocketOptionParseError
{
    enum class Kind { None, NoEquals, UnknownName, NotANumber, OutOfRange, WrongSocketKind };

    Kind kind = Kind::None;
    QString text;      // what was given, whole
    QString name;      // the name part
    QString value;     // the value part
    qint64 minimum = 0;  // OutOfRange: the range
    qint64 maximum = 0;
    SocketKind onlyFor = SocketKind::Any;  // WrongSocketKind: the only kind the option is for

    bool isError() const { return kind != Kind::None; }
};

// How the kernel's value (read back with getsockopt()) came to differ from the one asked.
enum class SocketOptionAdjustment {
    None,              // the same
    Doubled,           // Linux doubles SO_RCVBUF/SO_SNDBUF for its own bookkeeping
    CappedThenDoubled, // above net.core.rmem_max/wmem_max: capped at it, then doubled
    RaisedToMinimum,   // below the kernel's floor for a buffer: raised to it
    EcnBitsKept,       // IP_TOS on TCP: the kernel keeps the two ECN bits for itself
    NotForThisSocket,  // not set: the option is for another family or kind (IPV6_V6ONLY on IPv4)
    Other,             // differs for a reason the system does not say
};

// What became of one option on one socket.
struct SocketOptionOutcome
{
    SocketOptionSetting asked;
    QString systemName;          // "SO_RCVBUF", "IPV6_UNICAST_HOPS"
    NetError error;              // setsockopt() failed: the socket kept its default
    bool readBack = false;       // getsockopt() answered: effective holds its value
    int effective = 0;           // a switch as 0 or 1, Linger as LingerOff or the seconds
    SocketOptionAdjustment adjustment = SocketOptionAdjustment::None;
    qint64 systemLimit = -1;     // CappedThenDoubled: rmem_max or wmem_max, from /proc
};

namespace SocketOptions {

// Every option, in the order --help and the forms list them.
QList<SocketOptionName> all();
// The CLI's name: the C name in lower case without its prefix ("nodelay", "rcvbuf", "linger").
QString cliName(SocketOptionName name);
std::optional<SocketOptionName> fromCliName(const QString &name);
// The C name for a socket of this family: "IP_TTL" or "IPV6_UNICAST_HOPS".
QString systemName(SocketOptionName name, IpFamily family);
// Options for one kind of socket only: TCP_NODELAY, the keepalive ones and SO_LINGER for
// streams, SO_BROADCAST for datagrams; SocketKind::Any for the rest.
SocketKind onlyFor(SocketOptionName name);
bool isSwitch(SocketOptionName name);
// Whether setting it on a socket already bound or connected still does something: SO_REUSEADDR,
// SO_REUSEPORT and IPV6_V6ONLY only count at bind() (Linux refuses IPV6_V6ONLY after it).
bool settableWhenOpen(SocketOptionName name);
// The values a form or the CLI may give.
qint64 minimum(SocketOptionName name);
qint64 maximum(SocketOptionName name);

// "nodelay=1", "rcvbuf=4194304", "linger=0", "linger=off", "keepalive=on". A switch takes 0/1,
// on/off, true/false or yes/no. With a kind, an option for the other kind is refused.
std::optional<SocketOptionSetting> parse(const QString &text, SocketKind kind, SocketOptionParseError *error);
// The setting back as the CLI writes it: "linger=off".
QString format(const SocketOptionSetting &setting);

// Sets each option on an open socket (before bind() or connect()) and reads each back, every
// setsockopt() and getsockopt() in the socket's trace. An option that fails is told in its
// outcome and the others are still set: a person sees every one.
QList<SocketOptionOutcome> apply(Socket &socket, const QList<SocketOptionSetting> &settings, IpFamily family,
                                 SocketKind kind);

} // namespace SocketOptions

} // namespace SocketLab
