#pragma once

#include "lookuprecord.h"

#include "history/exchangerecordjson.h"

#include <QJsonObject>

#include <optional>

namespace SocketLab {

class HistoryFolder;

// A LookupRecord as the history keeps it between runs: <id>.json in the lookups/ folder
// (docs/formats.md, "History"). The Resolver's id is not kept: it means nothing in another run.
namespace LookupRecordJson {

constexpr int Version = 1;
using Problem = ExchangeRecordJson::Problem;

QJsonObject toJson(const LookupRecord &record);
// Whole or not at all; blocking: call it off the GUI thread.
NetError write(const LookupRecord &record, const HistoryFolder &folder);
std::optional<LookupRecord> read(const HistoryFolder &folder, const QString &id, Problem *problem);

} // namespace LookupRecordJson

} // namespace SocketLab
