#pragma once

#include "exchangerecord.h"
#include "historyfolder.h"

#include "net/neterror.h"

#include <QJsonObject>

#include <optional>

namespace SocketLab {

// An ExchangeRecord as the history keeps it between runs: <id>.json holds everything the window
// shows of it (docs/formats.md, "History"), the reply inline in base64 up to a size, else in
// <id>.reply beside it, read back lazily from there. The HTTP parse is not kept: it is made again
// from the reply as the exchange made it.
namespace ExchangeRecordJson {

constexpr int Version = 1;

using Problem = HistoryEntryProblem;

// The JSON of record; its reply inline when it has at most inlineReplyBytes, else named as in
// <historyId>.reply.
QJsonObject toJson(const ExchangeRecord &record, qint64 inlineReplyBytes);
// Writes the record in folder: its reply file first, then its JSON, each whole or not at all.
// Blocking: call it off the GUI thread (a large reply is copied a few MiB at a time).
NetError write(const ExchangeRecord &record, const HistoryFolder &folder, qint64 inlineReplyBytes);
// Reads the entry id of folder back; nullopt with *problem set if it cannot be used.
std::optional<ExchangeRecord> read(const HistoryFolder &folder, const QString &id, Problem *problem);

} // namespace ExchangeRecordJson

} // namespace SocketLab
