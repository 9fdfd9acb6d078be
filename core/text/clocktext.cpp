#include "clocktext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTime>

namespace SocketLab {

QString clockTime(const QTime &time, bool milliseconds)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::LongFormat);
    // "t" is the time zone's name, with the punctuation some locales put around it ("(t)", "[t]",
    // ", t"): the times shown are all local.
    static const QRegularExpression zone(QStringLiteral("\\s*[,(\\[]?\\s*(?<![A-Za-z'])t+(?![A-Za-z'])[)\\]]?"));
    format.remove(zone);
    format = format.trimmed();
    if (milliseconds) {
        // After the seconds, written "ss" or "s" (Korean writes "s초").
        static const QRegularExpression seconds(QStringLiteral("(?<![A-Za-z'])s+"));
        if (const QRegularExpressionMatch match = seconds.match(format); match.hasMatch())
            format.insert(match.capturedEnd(), QLatin1Char('\'') + locale.decimalPoint() + QLatin1String("'zzz"));
    }
    return locale.toString(time, format);
}

} // namespace SocketLab
