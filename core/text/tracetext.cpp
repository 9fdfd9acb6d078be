#include "tracetext.h"

#include "net/neterror.h"
#include "text/errortext.h"
#include "text/stoptext.h"

#include <QLocale>

namespace SocketLab {

QString TraceText::ms(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

QStringList TraceText::lines(const QList<TraceEntry> &entries)
{
    QStringList lines;
    for (const TraceEntry &entry : entries) {
        QString line = QStringLiteral("%1 ms  %2(%3) = %4").arg(ms(entry.timeUs), entry.call, entry.args).arg(entry.result);
        if (entry.errnoCode)
            line += QStringLiteral(" %1 (%2)").arg(errnoName(entry.errnoCode), ErrorText::errnoMeaning(entry.errnoCode));
        // OpenSSL's calls report through their own codes, not errno.
        else if (!entry.status.isEmpty())
            line += QLatin1Char(' ') + entry.status;
        if (!entry.errnoCode && !entry.statusDetail.isEmpty())
            line += QStringLiteral(" (%1)").arg(entry.statusDetail);
        if (entry.count > 1)
            line += QLatin1Char(' ') + tr("[%Ln call(s), %1 in all, until %2 ms]", nullptr, entry.count)
                                          .arg(byteCount(entry.totalBytes), ms(entry.lastTimeUs));
        lines.append(line);
    }
    return lines;
}

} // namespace SocketLab
