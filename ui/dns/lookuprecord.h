#pragma once

#include "net/resolver.h"

#include <QDateTime>
#include <QString>

namespace SocketLab {

// One lookup of the session, forward or reverse: what was asked and, once answered, what the C library
// said. A record is a value, copied into the history and into the section that shows it.
struct LookupRecord
{
    enum class Kind { AddrInfo, NameInfo };
    enum class State { Pending, Answered, Cancelled };

    quint64 id = 0;  // the Resolver's id; 0 for a lookup of an earlier run
    QString historyId; // its name in the history kept between runs (HistoryFolder::newId())
    Kind kind = Kind::AddrInfo;
    State state = State::Pending;
    QDateTime startedAt;
    ResolveQuery addrInfoQuery;      // Kind::AddrInfo
    ResolveResult addrInfoResult;
    NameInfoQuery nameInfoQuery;     // Kind::NameInfo
    NameInfoResult nameInfoResult;

    const NetError &error() const;
    qint64 elapsedUs() const;
    // The call as C would write it: getaddrinfo("localhost", "http", AF_UNSPEC, 0, 0, AI_CANONNAME),
    // getnameinfo(127.0.0.1:80, NI_NUMERICHOST). Not translated: it is code.
    QString callText() const;
};

// A lookup's duration in milliseconds, in the current locale, to two decimals: "0.25".
QString millisecondsText(qint64 elapsedUs);

} // namespace SocketLab
