#include "stoprule.h"

namespace SocketLab {

std::optional<StopRule> StopRule::parse(const QString &text)
{
    if (text == QLatin1StringView("eof"))
        return StopRule{Kind::PeerClose, 0};
    if (text == QLatin1StringView("http"))
        return StopRule{Kind::Http, 0};
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    const QStringView name = QStringView(text).left(colon);
    bool ok = false;
    const qint64 value = QStringView(text).mid(colon + 1).toLongLong(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    if (name == QLatin1StringView("bytes"))
        return StopRule{Kind::Bytes, value};
    if (name == QLatin1StringView("idle") && value <= 24LL * 3600 * 1000)
        return StopRule{Kind::Idle, value};
    return std::nullopt;
}

QString StopRule::toString() const
{
    switch (kind) {
    case Kind::PeerClose: return QStringLiteral("eof");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Bytes: return QStringLiteral("bytes:%1").arg(value);
    case Kind::Idle: return QStringLiteral("idle:%1").arg(value);
    }
    return {};
}

} // namespace SocketLab
