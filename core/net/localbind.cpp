#include "localbind.h"

#include "socket.h"

#include <cerrno>

namespace SocketLab {

NetError prepareClientSocket(Socket &socket, const QList<SocketOptionSetting> &options, const SocketAddress &local,
                             IpFamily family, SocketKind kind, QList<SocketOptionOutcome> *outcomes)
{
    *outcomes = SocketOptions::apply(socket, options, family, kind);
    if (!local.isValid())
        return {};
    if (!fitsLocalAddress(local, family))
        return localFamilyMismatch(local);
    return socket.bind(local);
}

bool fitsLocalAddress(const SocketAddress &local, IpFamily family)
{
    return !local.isValid() || local.family() == family;
}

const AddrInfoRow *firstRowFitting(const QList<AddrInfoRow> &rows, const SocketAddress &local)
{
    for (const AddrInfoRow &row : rows) {
        if (fitsLocalAddress(local, row.family))
            return &row;
    }
    return nullptr;
}

NetError localFamilyMismatch(const SocketAddress &local)
{
    return NetError::fromErrno(EAFNOSUPPORT, QStringLiteral("bind"), local.toString());
}

} // namespace SocketLab
