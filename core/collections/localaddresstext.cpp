#include "localaddresstext.h"

namespace SocketLab {

QString localAddressText(const SocketAddress &address)
{
    return address.toString();
}

std::optional<SocketAddress> parseLocalAddressText(const QString &text)
{
    QString host, port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1StringView("]:"));
        if (close < 0)
            return std::nullopt;
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return std::nullopt;
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return std::nullopt;
    return SocketAddress::fromNumeric(host, quint16(number));
}

} // namespace SocketLab
