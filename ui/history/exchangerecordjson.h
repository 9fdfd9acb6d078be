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
// from the reply as the exchange made it, at once for an inline reply, for a reply in its own file
// only when the entry is opened (withHttp()): the start reads what the list shows of it, its status
// line, from the JSON's "http".
//
// A UDP exchange (ExchangeRecord::udp) is kept the same way in a folder of its own, under another
// format name: its form and result in place of the TCP settings and result, its datagrams' bytes as
// the reply, one segment per datagram.
namespace ExchangeRecordJson {

constexpr int Version = 1;
// The most datagrams an entry holds: a UDP exchange with more is not kept, a file with more not read.
constexpr qsizetype MaxDatagrams = 100000;

using Problem = HistoryEntryProblem;

enum class Kind { Tcp, Udp };
// The kind's folder under HistoryStore::historyRoot(): "exchanges", "datagrams".
QString folderName(Kind kind);

// The JSON of record; its reply inline when it has at most inlineReplyBytes, else named as in
// <historyId>.reply.
QJsonObject toJson(const ExchangeRecord &record, qint64 inlineReplyBytes);
// The reply's file, when the reply is not inline (else nothing to write). The entry counts only once
// folder.writeEntry(toJson()) has written its JSON after it. Blocking: call it off the GUI thread (a
// large reply is copied a few MiB at a time).
NetError writeReplyFile(const ExchangeRecord &record, const HistoryFolder &folder, qint64 inlineReplyBytes);
// What the list shows of record's HTTP reply: from its parse, or from its entry until it is opened.
std::optional<HttpSummary> httpSummary(const ExchangeRecord &record);
// record with its HTTP parse made from its reply, if it was left for when it is opened
// (httpPending). Blocking: reads the whole reply; call it off the GUI thread.
std::shared_ptr<const ExchangeRecord> withHttp(const ExchangeRecord &record);
// Reads the entry id of folder back, an exchange of that kind; nullopt with *problem set if it cannot be used.
std::optional<ExchangeRecord> read(const HistoryFolder &folder, const QString &id, Problem *problem,
                                   Kind kind = Kind::Tcp);

} // namespace ExchangeRecordJson

} // namespace SocketLab
