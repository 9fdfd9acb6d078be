#include "neterror.h"

#include <cstring>
#include <netdb.h>

namespace SocketLab {

NetError NetError::fromErrno(int err, const QString &call, const QString &detail)
{
    return {Kind::System, err, err, call, detail, {}, {}};
}

NetError NetError::fromEai(int eai, int savedErrno, const QString &call)
{
    return {Kind::Resolve, eai, eai == EAI_SYSTEM ? savedErrno : 0, call, {}, {}, {}};
}

NetError NetError::timeout(const QString &call, const QString &detail)
{
    return {Kind::Timeout, ETIMEDOUT, ETIMEDOUT, call, detail, {}, {}};
}

NetError NetError::cancelled(const QString &call)
{
    return {Kind::Cancelled, ECANCELED, ECANCELED, call, {}, {}, {}};
}

NetError NetError::malformed(qint64 offset)
{
    return {Kind::Malformed, EPROTO, EPROTO, QStringLiteral("recv"), QString::number(offset), {}, {}};
}

QString NetError::codeName() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Resolve:
        return eaiName(systemCode);
    case Kind::Malformed:
        return QStringLiteral("EMALFORMED");
    case Kind::Tls:
    case Kind::Certificate:
        return symbol.isEmpty() ? QStringLiteral("EPROTO") : symbol;
    default:
        return errnoName(systemCode);
    }
}

QString errnoName(int err)
{
    // glibc >= 2.32 knows the symbolic names; it returns null for unknown values.
    if (const char *name = strerrorname_np(err))
        return QString::fromLatin1(name);
    return QStringLiteral("E%1").arg(err);
}

QString eaiName(int eai)
{
    switch (eai) {
    case EAI_BADFLAGS: return QStringLiteral("EAI_BADFLAGS");
    case EAI_NONAME: return QStringLiteral("EAI_NONAME");
    case EAI_AGAIN: return QStringLiteral("EAI_AGAIN");
    case EAI_FAIL: return QStringLiteral("EAI_FAIL");
    case EAI_FAMILY: return QStringLiteral("EAI_FAMILY");
    case EAI_SOCKTYPE: return QStringLiteral("EAI_SOCKTYPE");
    case EAI_SERVICE: return QStringLiteral("EAI_SERVICE");
    case EAI_MEMORY: return QStringLiteral("EAI_MEMORY");
    case EAI_SYSTEM: return QStringLiteral("EAI_SYSTEM");
    case EAI_OVERFLOW: return QStringLiteral("EAI_OVERFLOW");
#ifdef EAI_NODATA
    case EAI_NODATA: return QStringLiteral("EAI_NODATA");
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return QStringLiteral("EAI_ADDRFAMILY");
#endif
#ifdef EAI_CANCELED
    case EAI_CANCELED: return QStringLiteral("EAI_CANCELED");
#endif
#ifdef EAI_IDN_ENCODE
    case EAI_IDN_ENCODE: return QStringLiteral("EAI_IDN_ENCODE");
#endif
    default: return QStringLiteral("EAI_%1").arg(eai);
    }
}

} // namespace SocketLab
