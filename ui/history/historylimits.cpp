#include "historylimits.h"

#include "settings/storedsettings.h"

#include <QSettings>

namespace SocketLab {

namespace {

const QString MaxEntriesKey = QStringLiteral("history/maxEntries");
const QString MaxMegabytesKey = QStringLiteral("history/maxMegabytes");
const QString InlineReplyKey = QStringLiteral("history/inlineReplyKiB");

} // namespace

HistoryLimits HistoryLimits::read(StoredSettings &settings)
{
    HistoryLimits limits;
    limits.maxEntries = settings.integer(MaxEntriesKey, DefaultMaxEntries, 0, MaxMaxEntries);
    limits.maxMegabytes = settings.integer(MaxMegabytesKey, DefaultMaxMegabytes, MinMaxMegabytes, MaxMaxMegabytes);
    limits.inlineReplyKiB = settings.integer(InlineReplyKey, DefaultInlineReplyKiB, 0, MaxInlineReplyKiB);
    return limits;
}

void HistoryLimits::write(QSettings &settings) const
{
    settings.setValue(MaxEntriesKey, maxEntries);
    settings.setValue(MaxMegabytesKey, maxMegabytes);
    settings.setValue(InlineReplyKey, inlineReplyKiB);
}

} // namespace SocketLab
