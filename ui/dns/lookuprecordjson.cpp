#include "lookuprecordjson.h"

#include "history/historyfolder.h"

#include "text/valuejson.h"

namespace SocketLab::LookupRecordJson {

namespace {

// The largest entry file read back (a look-up is a few rows).
constexpr qint64 MaxFileBytes = qint64(16) << 20;


const QString Format = QStringLiteral("socketlab-lookup");

} // namespace

QJsonObject toJson(const LookupRecord &record)
{
    return QJsonObject{
        {QStringLiteral("format"), Format},
        {QStringLiteral("version"), Version},
        {QStringLiteral("id"), record.historyId},
        {QStringLiteral("kind"), int(record.kind)},
        {QStringLiteral("state"), int(record.state)},
        {QStringLiteral("started_at"), record.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("started_at_ms"), double(record.startedAt.toMSecsSinceEpoch())},
        {QStringLiteral("addr_info_query"), ValueJson::toJson(record.addrInfoQuery)},
        {QStringLiteral("addr_info_result"), ValueJson::toJson(record.addrInfoResult)},
        {QStringLiteral("name_info_query"), ValueJson::toJson(record.nameInfoQuery)},
        {QStringLiteral("name_info_result"), ValueJson::toJson(record.nameInfoResult)},
    };
}

NetError write(const LookupRecord &record, const HistoryFolder &folder)
{
    return folder.writeEntry(record.historyId, toJson(record));
}

std::optional<LookupRecord> read(const HistoryFolder &folder, const QString &id, Problem *problem)
{
    const std::optional<QJsonObject> entry = folder.readEntry(id, Format, Version, MaxFileBytes, problem);
    if (!entry)
        return std::nullopt;
    const QJsonObject &o = *entry;
    LookupRecord record;
    record.historyId = id;
    const QJsonValue kind = o.value(u"kind");
    const QJsonValue state = o.value(u"state");
    const QJsonValue started = o.value(u"started_at_ms");
    const bool ok = o.value(u"version").toInt() == Version && kind.isDouble() && (kind.toInt() == 0 || kind.toInt() == 1)
                    && state.isDouble() && state.toInt() >= 0 && state.toInt() <= int(LookupRecord::State::Cancelled)
                    && started.isDouble() && double(started.toInteger()) == started.toDouble()
                    && ValueJson::fromJson(o.value(u"addr_info_query"), &record.addrInfoQuery)
                    && ValueJson::fromJson(o.value(u"addr_info_result"), &record.addrInfoResult)
                    && ValueJson::fromJson(o.value(u"name_info_query"), &record.nameInfoQuery)
                    && ValueJson::fromJson(o.value(u"name_info_result"), &record.nameInfoResult);
    if (!ok) {
        *problem = Problem::Corrupt;
        return std::nullopt;
    }
    record.kind = LookupRecord::Kind(kind.toInt());
    record.state = LookupRecord::State(state.toInt());
    record.startedAt = QDateTime::fromMSecsSinceEpoch(started.toInteger());
    return record;
}

} // namespace SocketLab::LookupRecordJson
