#pragma once

#include "bytes/bytesource.h"
#include "bytes/segment.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "net/resolver.h"
#include "net/trace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace SocketLab {

// Core's values written to JSON and read back exactly, for what is kept between runs (the history of
// exchanges, UDP exchanges and look-ups). Unlike JsonFields, which reports for a reader and words errors in the
// current language, this keeps every field as it was: enums as their numbers, bytes in base64,
// addresses as their sockaddr bytes beside their text. Keys are English snake_case; docs/formats.md
// describes them.
//
// Each fromJson() takes what a file said, trusting none of it: a missing key, a value of the wrong
// type or out of range makes it return false, and the value is then not to be used. Address families
// and socket types are the C library's numbers, any int of which getaddrinfo() may return: they are
// kept as they were, not checked against the few SocketLab names.
namespace ValueJson {

QJsonValue toJson(const NetError &error);
QJsonValue toJson(const SocketAddress &address);
QJsonObject toJson(const AddrInfoRow &row);
QJsonObject toJson(const ConnectAttempt &attempt);
QJsonObject toJson(const ExchangeTimings &timings);
QJsonObject toJson(const StopInfo &stop);
QJsonValue toJson(const StopRule &rule);
QJsonObject toJson(const SocketOptionSetting &setting);
QJsonObject toJson(const SocketOptionOutcome &outcome);
QJsonObject toJson(const TraceEntry &entry);
QJsonArray toJson(const Segment &segment);
QJsonObject toJson(const CertificateInfo &certificate);
QJsonObject toJson(const TlsInfo &tls);
// Everything but http, which is rebuilt from the reply's bytes (see rebuildHttp()).
QJsonObject toJson(const TcpResult &result);
QJsonObject toJson(const Datagram &datagram);
QJsonObject toJson(const MulticastSendSettings &settings);
QJsonObject toJson(const UdpRequest &request);
QJsonObject toJson(const UdpResult &result);
QJsonObject toJson(const ResolveQuery &query);
QJsonObject toJson(const ResolveResult &result);
QJsonObject toJson(const NameInfoQuery &query);
QJsonObject toJson(const NameInfoResult &result);

bool fromJson(const QJsonValue &json, NetError *error);
bool fromJson(const QJsonValue &json, SocketAddress *address);
bool fromJson(const QJsonValue &json, AddrInfoRow *row);
bool fromJson(const QJsonValue &json, ConnectAttempt *attempt);
bool fromJson(const QJsonValue &json, ExchangeTimings *timings);
bool fromJson(const QJsonValue &json, StopInfo *stop);
bool fromJson(const QJsonValue &json, StopRule *rule);
bool fromJson(const QJsonValue &json, SocketOptionSetting *setting);
bool fromJson(const QJsonValue &json, SocketOptionOutcome *outcome);
bool fromJson(const QJsonValue &json, TraceEntry *entry);
bool fromJson(const QJsonValue &json, Segment *segment);
bool fromJson(const QJsonValue &json, CertificateInfo *certificate);
bool fromJson(const QJsonValue &json, TlsInfo *tls);
bool fromJson(const QJsonValue &json, TcpResult *result);
bool fromJson(const QJsonValue &json, Datagram *datagram);
bool fromJson(const QJsonValue &json, MulticastSendSettings *settings);
bool fromJson(const QJsonValue &json, UdpRequest *request);
bool fromJson(const QJsonValue &json, UdpResult *result);
bool fromJson(const QJsonValue &json, ResolveQuery *query);
bool fromJson(const QJsonValue &json, ResolveResult *result);
bool fromJson(const QJsonValue &json, NameInfoQuery *query);
bool fromJson(const QJsonValue &json, NameInfoResult *result);

// A list of any of the above, and back: false if any element is refused.
template<typename T>
QJsonArray listToJson(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

template<typename T>
bool listFromJson(const QJsonValue &json, QList<T> *items)
{
    if (!json.isArray())
        return false;
    items->clear();
    const QJsonArray array = json.toArray();
    items->reserve(array.size());
    for (const QJsonValue &element : array) {
        T item;
        if (!fromJson(element, &item))
            return false;
        items->append(std::move(item));
    }
    return true;
}

// The parse TcpExchange made of a reply, made again from its bytes as the exchange fed them (request
// for its method, the stop rule and reason for how it ended): what TcpResult::http held, so that it
// need not be kept. Null when the exchange would not have parsed it. Reads the whole reply, a piece
// at a time: call it off the GUI thread for a large one.
std::shared_ptr<const HttpResponseParser> rebuildHttp(const ByteSource &reply, const QByteArray &request,
                                                      const StopRule &rule, StopReason reason);

} // namespace ValueJson

} // namespace SocketLab
