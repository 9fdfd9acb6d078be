#include "resolvestep.h"

#include "net/cancellableresolve.h"
#include "net/trace.h"

namespace SocketLab {

ResolveResult resolveTarget(const QString &host, const QString &service, IpFamily family, SocketKind kind,
                            Trace &trace, const CancelToken &cancel, QDeadlineTimer deadline)
{
    ResolveQuery query;
    query.host = host;
    query.service = service;
    query.family = family;
    query.socketType = kind;
    const ResolveResult resolved = resolveCancellable(query, cancel, deadline);
    trace.record(QStringLiteral("getaddrinfo"),
                 QStringLiteral("\"%1\", \"%2\", {%3, %4}").arg(host, service, familyName(family), socketTypeName(kind)),
                 resolved.error.kind == NetError::Kind::Resolve ? resolved.error.systemCode : 0,
                 resolved.error.errnoCode);
    return resolved;
}

} // namespace SocketLab
