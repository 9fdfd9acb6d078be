#include "lookuprecord.h"

#include <QLocale>
#include <QStringList>

namespace SocketLab {

namespace {

// "AI_CANONNAME|AI_NUMERICSERV" from flagsToString()'s "canonname,numericserv"; bits without a name
// stay in hexadecimal, 0 stays 0.
QString flagExpression(const QList<FlagInfo> &table, QLatin1StringView prefix, int flags)
{
    if (flags == 0)
        return QStringLiteral("0");
    QStringList parts = flagsToString(table, flags).split(u',');
    for (QString &part : parts) {
        if (!part.startsWith(QLatin1StringView("0x")))
            part = prefix + part.toUpper();
    }
    return parts.join(u'|');
}

QString quotedOrNull(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("\"%1\"").arg(text);
}

} // namespace

const NetError &LookupRecord::error() const
{
    return kind == Kind::AddrInfo ? addrInfoResult.error : nameInfoResult.error;
}

qint64 LookupRecord::elapsedUs() const
{
    return kind == Kind::AddrInfo ? addrInfoResult.elapsedUs : nameInfoResult.elapsedUs;
}

QString LookupRecord::callText() const
{
    if (kind == Kind::NameInfo) {
        return QStringLiteral("getnameinfo(%1, %2)")
            .arg(nameInfoQuery.address.toString(),
                 flagExpression(nameInfoFlags(), QLatin1StringView("NI_"), nameInfoQuery.flags));
    }
    const ResolveQuery &q = addrInfoQuery;
    return QStringLiteral("getaddrinfo(%1, %2, %3, %4, %5, %6)")
        .arg(quotedOrNull(q.host), quotedOrNull(q.service), familyName(q.family), socketTypeName(q.socketType),
             protocolName(q.protocol), flagExpression(addrInfoFlags(), QLatin1StringView("AI_"), q.flags));
}

QString millisecondsText(qint64 elapsedUs)
{
    return QLocale().toString(double(elapsedUs) / 1000.0, 'f', 2);
}

} // namespace SocketLab
