#include "clocktext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTime>

namespace SocketLab {

QString clockTime(const QTime &time, bool milliseconds)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::LongFormat);
    // "t" is the time zone's name: the times shown are all local.
    static const QRegularExpression zone(QStringLiteral("\\s*(?<![A-Za-z'])t+(?![A-Za-z'])"));
    format.remove(zone);
    format = format.trimmed();
    if (milliseconds) {
        const qsizetype seconds = format.indexOf(QLatin1String("ss"));
        if (seconds >= 0)
            format.insert(seconds + 2, QLatin1Char('\'') + locale.decimalPoint() + QLatin1String("'zzz"));
    }
    return locale.toString(time, format);
}

} // namespace SocketLab
