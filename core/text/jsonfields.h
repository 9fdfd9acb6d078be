#pragma once

#include "exchange/tcpexchange.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace SocketLab {
class ByteStore;
class Trace;
struct ExchangeTimings;
struct TlsInfo;

// The pieces the JSON reports are made of (socketlab-cli's --format json, a saved conversation
// transcript), so that an address, an error, the trace or TLS read the same in every one of them.
// Keys are English snake_case and never translated; messages are sentences in the current language.
namespace JsonFields {

// Milliseconds from microseconds; -1 for a time that never came.
double ms(qint64 us);
QJsonValue nullIfEmpty(const QString &text);
QJsonValue nullIfEmpty(const QByteArray &text);
// {family, address, port}, or null.
QJsonValue addressJson(const SocketAddress &address);
// {code, call, message}, or null; message replaces the sentence ErrorText would say.
QJsonValue errorJson(const NetError &error, const QString &message = {});
// getaddrinfo()'s rows.
QJsonArray rowsJson(const QList<AddrInfoRow> &rows);
// Each connect() tried: its address, error, start and duration.
QJsonArray attemptsJson(const QList<ConnectAttempt> &attempts);
QJsonObject timingsJson(const ExchangeTimings &timings);
// What became of one socket option: {name, system_name, asked, effective, adjustment, reason, error}.
// asked and effective are numbers (null for SO_LINGER off, and effective null when not read back);
// adjustment a snake_case code, reason its sentence or null.
QJsonObject socketOptionJson(const SocketOptionOutcome &outcome);
QJsonArray socketOptionsJson(const QList<SocketOptionOutcome> &outcomes);
QJsonArray traceJson(const Trace &trace);
// What the handshake agreed on, the verdict and the chain; null without TLS.
QJsonValue tlsJson(const std::optional<TlsInfo> &tls, const QString &host);
// The bytes of store at [offset, offset + length) in base64; null without a store.
QJsonValue base64(const ByteStore *store, qint64 offset, qint64 length);

} // namespace JsonFields

} // namespace SocketLab
