#include "servicecheck.h"

#include <QRegularExpression>

namespace SocketLab {

ServiceProblem checkService(const QString &text)
{
    if (text.isEmpty())
        return ServiceProblem::Empty;
    bool numeric = false;
    const qlonglong port = text.toLongLong(&numeric);
    if (numeric)
        return port >= 1 && port <= 65535 ? ServiceProblem::None : ServiceProblem::PortOutOfRange;
    // The characters /etc/services names use; anything else would only fail later in getaddrinfo().
    static const QRegularExpression serviceName(QStringLiteral("^[A-Za-z][A-Za-z0-9._+-]*$"));
    return serviceName.match(text).hasMatch() ? ServiceProblem::None : ServiceProblem::BadName;
}

} // namespace SocketLab
