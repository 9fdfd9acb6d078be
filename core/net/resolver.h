#pragma once

#include "neterror.h"
#include "socketaddress.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace SocketLab {

struct FlagInfo
{
    const char *name;  // lowercase, no prefix: "canonname", "numerichost"
    int value;         // AI_CANONNAME...
};

// Every AI_* flag this platform's getaddrinfo() takes, in the order of its man page.
QList<FlagInfo> addrInfoFlags();
// Every NI_* flag this platform's getnameinfo() takes.
QList<FlagInfo> nameInfoFlags();
// "canonname,numericserv" -> AI_CANONNAME|AI_NUMERICSERV; an unknown name sets *badName and returns -1.
int parseFlags(const QList<FlagInfo> &table, const QString &commaList, QString *badName = nullptr);
// AI_CANONNAME|AI_NUMERICSERV -> "canonname,numericserv"
QString flagsToString(const QList<FlagInfo> &table, int flags);

struct ResolveQuery
{
    QString host;           // empty means NULL (with AI_PASSIVE: the wildcard address)
    QString service;        // port number or service name; empty means NULL
    IpFamily family = IpFamily::Any;
    SocketKind socketType = SocketKind::Any;
    int protocol = 0;       // IANA protocol number; 0 for any
    int flags = 0;          // AI_*
};

// One row of the result, in the order getaddrinfo() returned it: Python's 5-tuple.
struct AddrInfoRow
{
    IpFamily family = IpFamily::Any;
    SocketKind socketType = SocketKind::Any;
    int protocol = 0;
    QString canonicalName;
    SocketAddress address;

    // "(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))"
    QString toPythonRepr() const;
};

struct ResolveResult
{
    QList<AddrInfoRow> rows;
    NetError error;
    qint64 elapsedUs = 0;
};

struct NameInfoQuery
{
    SocketAddress address;
    int flags = 0;          // NI_*
};

struct NameInfoResult
{
    QString host;
    QString service;
    bool hostIsNumeric = false;  // getnameinfo() fell back to the numeric form: no name was found
    NetError error;
    qint64 elapsedUs = 0;
};

// getaddrinfo() and getnameinfo() exactly as the C library answers them. These block: call them
// from a worker thread, or through Resolver below.
ResolveResult resolve(const ResolveQuery &query);
NameInfoResult reverseResolve(const NameInfoQuery &query);

struct ResolverShared;

// Runs lookups off the caller's thread; several may run at once, each answered under its own id.
// getaddrinfo() cannot be interrupted, so cancel() only makes the answer stale: it is dropped when it
// arrives, never delivered. A Resolver destroyed with lookups in flight returns at once; their
// answers are dropped.
class Resolver : public QObject
{
    Q_OBJECT
public:
    explicit Resolver(QObject *parent = nullptr);
    ~Resolver() override;

    quint64 lookup(const ResolveQuery &query);
    quint64 reverseLookup(const NameInfoQuery &query);
    void cancel(quint64 id);
    bool isPending(quint64 id) const { return m_pending.contains(id); }

signals:
    void lookupFinished(quint64 id, const SocketLab::ResolveResult &result);
    void reverseLookupFinished(quint64 id, const SocketLab::NameInfoResult &result);

private:
    quint64 m_nextId = 1;
    QSet<quint64> m_pending;
    // Outlives the Resolver while lookups are in flight: workers reach the Resolver only through it.
    std::shared_ptr<ResolverShared> m_shared;
};

} // namespace SocketLab

Q_DECLARE_METATYPE(SocketLab::ResolveResult)
Q_DECLARE_METATYPE(SocketLab::NameInfoResult)
