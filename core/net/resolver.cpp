#include "resolver.h"

#include "threads/blockingcallpool.h"

#include <QMetaObject>
#include <QStringList>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <netdb.h>
#include <sys/socket.h>

namespace SocketLab {

struct ResolverShared
{
    std::mutex mutex;
    Resolver *owner = nullptr;  // null once the Resolver is destroyed; read and written under mutex
};

namespace {

qint64 microsecondsSince(std::chrono::steady_clock::time_point start)
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now() - start).count();
}

// CPython's enum repr, "<AddressFamily.AF_INET: 2>"; a value outside the enum prints as a plain int.
QString addressFamilyRepr(int family)
{
    const char *name = nullptr;
    switch (family) {
    case AF_UNSPEC: name = "AF_UNSPEC"; break;
    case AF_UNIX: name = "AF_UNIX"; break;
    case AF_INET: name = "AF_INET"; break;
    case AF_INET6: name = "AF_INET6"; break;
    default: return QString::number(family);
    }
    return QStringLiteral("<AddressFamily.%1: %2>").arg(QLatin1StringView(name)).arg(family);
}

QString socketKindRepr(int type)
{
    const char *name = nullptr;
    switch (type) {
    case SOCK_STREAM: name = "SOCK_STREAM"; break;
    case SOCK_DGRAM: name = "SOCK_DGRAM"; break;
    case SOCK_RAW: name = "SOCK_RAW"; break;
    case SOCK_RDM: name = "SOCK_RDM"; break;
    case SOCK_SEQPACKET: name = "SOCK_SEQPACKET"; break;
    case SOCK_NONBLOCK: name = "SOCK_NONBLOCK"; break;
    case SOCK_CLOEXEC: name = "SOCK_CLOEXEC"; break;
    default: return QString::number(type);
    }
    return QStringLiteral("<SocketKind.%1: %2>").arg(QLatin1StringView(name)).arg(type);
}

// str.isprintable() for one code point: everything but the Other and Separator categories, space kept.
bool isPythonPrintable(char32_t cp)
{
    if (cp == U' ')
        return true;
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

// repr() of a Python str: single quotes unless only single quotes appear inside, and its escapes.
QString pythonStrRepr(const QString &text)
{
    const QChar quote = text.contains(u'\'') && !text.contains(u'"') ? u'"' : u'\'';
    QString out = quote;
    for (const char32_t cp : text.toUcs4()) {
        if (cp == quote.unicode() || cp == U'\\') {
            out += u'\\';
            out += QChar(cp);
        } else if (cp == U'\t') {
            out += QLatin1StringView("\\t");
        } else if (cp == U'\n') {
            out += QLatin1StringView("\\n");
        } else if (cp == U'\r') {
            out += QLatin1StringView("\\r");
        } else if (cp < 0x80 ? (cp >= 0x20 && cp < 0x7f) : isPythonPrintable(cp)) {
            out += QString::fromUcs4(&cp, 1);
        } else if (cp <= 0xff) {
            out += QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
        } else if (cp <= 0xffff) {
            out += QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
        }
    }
    out += quote;
    return out;
}

} // namespace

QList<FlagInfo> addrInfoFlags()
{
    return {
        {"passive", AI_PASSIVE},
        {"canonname", AI_CANONNAME},
        {"numerichost", AI_NUMERICHOST},
        {"numericserv", AI_NUMERICSERV},
        {"v4mapped", AI_V4MAPPED},
        {"all", AI_ALL},
        {"addrconfig", AI_ADDRCONFIG},
#ifdef AI_IDN
        {"idn", AI_IDN},
#endif
#ifdef AI_CANONIDN
        {"canonidn", AI_CANONIDN},
#endif
    };
}

QList<FlagInfo> nameInfoFlags()
{
    return {
        {"numerichost", NI_NUMERICHOST},
        {"numericserv", NI_NUMERICSERV},
        {"nofqdn", NI_NOFQDN},
        {"namereqd", NI_NAMEREQD},
        {"dgram", NI_DGRAM},
#ifdef NI_IDN
        {"idn", NI_IDN},
#endif
    };
}

int parseFlags(const QList<FlagInfo> &table, const QString &commaList, QString *badName)
{
    if (commaList.trimmed().isEmpty())
        return 0;
    int flags = 0;
    for (const QString &part : commaList.split(u',')) {
        const QString name = part.trimmed();
        const auto known = std::find_if(table.cbegin(), table.cend(), [&name](const FlagInfo &info) {
            return name.compare(QLatin1StringView(info.name), Qt::CaseInsensitive) == 0;
        });
        if (known != table.cend()) {
            flags |= known->value;
            continue;
        }
        // flagsToString() writes bits without a name as a number; read them back.
        bool isNumber = false;
        const int value = name.toInt(&isNumber, 0);
        if (isNumber && value >= 0) {
            flags |= value;
            continue;
        }
        if (badName)
            *badName = name;
        return -1;
    }
    return flags;
}

QString flagsToString(const QList<FlagInfo> &table, int flags)
{
    QStringList names;
    int unnamed = flags;
    for (const FlagInfo &info : table) {
        if (info.value != 0 && (flags & info.value) == info.value) {
            names += QLatin1StringView(info.name);
            unnamed &= ~info.value;
        }
    }
    if (unnamed != 0)
        names += QStringLiteral("0x%1").arg(uint(unnamed), 0, 16);
    return names.join(u',');
}

QString AddrInfoRow::toPythonRepr() const
{
    return QStringLiteral("(%1, %2, %3, %4, %5)")
        .arg(addressFamilyRepr(int(family)), socketKindRepr(int(socketType)), QString::number(protocol),
             pythonStrRepr(canonicalName), address.toPythonTuple());
}

ResolveResult resolve(const ResolveQuery &query)
{
    addrinfo hints{};
    hints.ai_flags = query.flags;
    hints.ai_family = int(query.family);
    hints.ai_socktype = int(query.socketType);
    hints.ai_protocol = query.protocol;
    const QByteArray host = query.host.toUtf8();
    const QByteArray service = query.service.toUtf8();

    ResolveResult result;
    addrinfo *list = nullptr;
    const auto start = std::chrono::steady_clock::now();
    const int rc = getaddrinfo(host.isEmpty() ? nullptr : host.constData(),
                               service.isEmpty() ? nullptr : service.constData(), &hints, &list);
    const int savedErrno = errno;
    result.elapsedUs = microsecondsSince(start);

    if (rc != 0) {
        result.error = NetError::fromEai(rc, savedErrno);
        result.error.detail = query.host;
        return result;
    }
    for (const addrinfo *ai = list; ai; ai = ai->ai_next) {
        AddrInfoRow row;
        row.family = IpFamily(ai->ai_family);
        row.socketType = SocketKind(ai->ai_socktype);
        row.protocol = ai->ai_protocol;
        if (ai->ai_canonname)
            row.canonicalName = QString::fromUtf8(ai->ai_canonname);
        row.address = SocketAddress(ai->ai_addr, ai->ai_addrlen);
        result.rows.append(row);
    }
    freeaddrinfo(list);
    return result;
}

NameInfoResult reverseResolve(const NameInfoQuery &query)
{
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};

    NameInfoResult result;
    const auto start = std::chrono::steady_clock::now();
    const int rc = getnameinfo(query.address.data(), query.address.size(), host, sizeof host, service,
                               sizeof service, query.flags);
    const int savedErrno = errno;
    result.elapsedUs = microsecondsSince(start);

    if (rc != 0) {
        result.error = NetError::fromEai(rc, savedErrno, QStringLiteral("getnameinfo"));
        result.error.detail = query.address.toString();
        return result;
    }
    result.host = QString::fromUtf8(host);
    result.service = QString::fromUtf8(service);
    result.hostIsNumeric = !(query.flags & NI_NUMERICHOST) && result.host == query.address.host();
    return result;
}

Resolver::Resolver(QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<ResolverShared>())
{
    qRegisterMetaType<SocketLab::ResolveResult>();
    qRegisterMetaType<SocketLab::NameInfoResult>();
    m_shared->owner = this;
}

Resolver::~Resolver()
{
    // A worker posts only while holding the mutex and seeing a live owner; answers it posted
    // before this point are still in the event queue and ~QObject discards them.
    std::lock_guard lock(m_shared->mutex);
    m_shared->owner = nullptr;
}

quint64 Resolver::lookup(const ResolveQuery &query)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id);
    BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [shared = m_shared, id, query] {
        ResolveResult result = resolve(query);
        std::lock_guard lock(shared->mutex);
        if (Resolver *owner = shared->owner) {
            QMetaObject::invokeMethod(owner, [owner, id, result = std::move(result)] {
                if (owner->m_pending.remove(id))
                    emit owner->lookupFinished(id, result);
            }, Qt::QueuedConnection);
        }
    });
    return id;
}

quint64 Resolver::reverseLookup(const NameInfoQuery &query)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id);
    BlockingCallPool::run(BlockingCallPool::Lane::Lookup, [shared = m_shared, id, query] {
        NameInfoResult result = reverseResolve(query);
        std::lock_guard lock(shared->mutex);
        if (Resolver *owner = shared->owner) {
            QMetaObject::invokeMethod(owner, [owner, id, result = std::move(result)] {
                if (owner->m_pending.remove(id))
                    emit owner->reverseLookupFinished(id, result);
            }, Qt::QueuedConnection);
        }
    });
    return id;
}

void Resolver::cancel(quint64 id)
{
    m_pending.remove(id);
}

} // namespace SocketLab
