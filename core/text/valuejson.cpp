#include "valuejson.h"

#include "http/httpresponseparser.h"

#include <QDateTime>

#include <netinet/in.h>
#include <sys/socket.h>

#include <limits>

namespace SocketLab::ValueJson {

namespace {

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonValue dateJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(double(time.toMSecsSinceEpoch())) : QJsonValue();
}

// Reads the keys of one object, remembering whether any was missing, of the wrong type or out of
// range, so that a fromJson() reads every field in a row and checks once.
class Reader
{
public:
    explicit Reader(const QJsonValue &json)
        : m_object(json.toObject())
        , m_ok(json.isObject())
    {
    }

    bool ok() const { return m_ok; }
    bool fail() { return m_ok = false; }

    QJsonValue value(const char *key) const { return m_object.value(QLatin1StringView(key)); }

    QString string(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isString())
            fail();
        return v.toString();
    }

    QStringList strings(const char *key)
    {
        const QJsonValue v = value(key);
        QStringList list;
        if (!v.isArray())
            fail();
        for (const QJsonValue &element : v.toArray()) {
            if (!element.isString())
                fail();
            list.append(element.toString());
        }
        return list;
    }

    qint64 integer(const char *key, qint64 minimum = std::numeric_limits<qint64>::min(),
                   qint64 maximum = std::numeric_limits<qint64>::max())
    {
        const QJsonValue v = value(key);
        const std::optional<qint64> number = v.isDouble() ? std::optional(v.toInteger()) : std::nullopt;
        // toInteger() gives 0 for a fraction: the value must be the whole number it says.
        if (!number || double(*number) != v.toDouble() || *number < minimum || *number > maximum) {
            fail();
            return 0;
        }
        return *number;
    }

    int int32(const char *key) { return int(integer(key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())); }

    template<typename E>
    E enumeration(const char *key, E last)
    {
        return E(integer(key, 0, qint64(last)));
    }

    bool boolean(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isBool())
            fail();
        return v.toBool();
    }

    QByteArray bytes(const char *key)
    {
        const QJsonValue v = value(key);
        if (!v.isString()) {
            fail();
            return {};
        }
        auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail();
        return decoded.decoded;
    }

    QDateTime date(const char *key)
    {
        const QJsonValue v = value(key);
        if (v.isNull())
            return {};
        return QDateTime::fromMSecsSinceEpoch(integer(key), Qt::UTC);
    }

    template<typename T>
    void read(const char *key, T *item)
    {
        if (!fromJson(value(key), item))
            fail();
    }

    template<typename T>
    void list(const char *key, QList<T> *items)
    {
        if (!listFromJson(value(key), items))
            fail();
    }

private:
    QJsonObject m_object;
    bool m_ok;
};

} // namespace

QJsonValue toJson(const NetError &error)
{
    if (!error.isError())
        return QJsonValue();
    return QJsonObject{
        {QStringLiteral("kind"), int(error.kind)},
        {QStringLiteral("code_name"), error.codeName()}, // for a reader; not read back
        {QStringLiteral("system_code"), error.systemCode},
        {QStringLiteral("errno_code"), error.errnoCode},
        {QStringLiteral("call"), error.call},
        {QStringLiteral("detail"), error.detail},
        {QStringLiteral("message"), error.message},
        {QStringLiteral("symbol"), error.symbol},
    };
}

bool fromJson(const QJsonValue &json, NetError *error)
{
    *error = NetError();
    if (json.isNull())
        return true;
    Reader r(json);
    error->kind = r.enumeration("kind", NetError::Kind::Certificate);
    error->systemCode = r.int32("system_code");
    error->errnoCode = r.int32("errno_code");
    error->call = r.string("call");
    error->detail = r.string("detail");
    error->message = r.string("message");
    error->symbol = r.string("symbol");
    // An error of kind None is no error: the file said otherwise.
    return r.ok() && error->isError();
}

QJsonValue toJson(const SocketAddress &address)
{
    if (!address.isValid())
        return QJsonValue();
    // The text for a reader, the sockaddr for an exact copy (flow label and scope included).
    return QJsonObject{
        {QStringLiteral("text"), address.toString()},
        {QStringLiteral("sockaddr"), base64(QByteArray(reinterpret_cast<const char *>(address.data()), address.size()))},
    };
}

bool fromJson(const QJsonValue &json, SocketAddress *address)
{
    *address = SocketAddress();
    if (json.isNull())
        return true;
    Reader r(json);
    const QByteArray raw = r.bytes("sockaddr");
    if (!r.ok())
        return false;
    // Only what the program itself makes: an IPv4 or IPv6 sockaddr of its exact size.
    sockaddr_storage storage{};
    if (raw.size() < qsizetype(sizeof(sa_family_t)) || raw.size() > qsizetype(sizeof storage))
        return false;
    std::memcpy(&storage, raw.constData(), size_t(raw.size()));
    const bool v4 = storage.ss_family == AF_INET && raw.size() == qsizetype(sizeof(sockaddr_in));
    const bool v6 = storage.ss_family == AF_INET6 && raw.size() == qsizetype(sizeof(sockaddr_in6));
    if (!v4 && !v6)
        return false;
    *address = SocketAddress(reinterpret_cast<const sockaddr *>(&storage), quint32(raw.size()));
    return true;
}

QJsonObject toJson(const AddrInfoRow &row)
{
    return QJsonObject{
        {QStringLiteral("family"), int(row.family)},
        {QStringLiteral("socket_type"), int(row.socketType)},
        {QStringLiteral("protocol"), row.protocol},
        {QStringLiteral("canonical_name"), row.canonicalName},
        {QStringLiteral("address"), toJson(row.address)},
    };
}

bool fromJson(const QJsonValue &json, AddrInfoRow *row)
{
    Reader r(json);
    row->family = IpFamily(r.int32("family"));
    row->socketType = SocketKind(r.int32("socket_type"));
    row->protocol = r.int32("protocol");
    row->canonicalName = r.string("canonical_name");
    r.read("address", &row->address);
    return r.ok();
}

QJsonObject toJson(const ConnectAttempt &attempt)
{
    return QJsonObject{
        {QStringLiteral("address"), toJson(attempt.address)},
        {QStringLiteral("error"), toJson(attempt.error)},
        {QStringLiteral("start_us"), attempt.startUs},
        {QStringLiteral("end_us"), attempt.endUs},
    };
}

bool fromJson(const QJsonValue &json, ConnectAttempt *attempt)
{
    Reader r(json);
    r.read("address", &attempt->address);
    r.read("error", &attempt->error);
    attempt->startUs = r.integer("start_us");
    attempt->endUs = r.integer("end_us");
    return r.ok();
}

QJsonObject toJson(const ExchangeTimings &timings)
{
    return QJsonObject{
        {QStringLiteral("resolved_us"), timings.resolvedUs},
        {QStringLiteral("connected_us"), timings.connectedUs},
        {QStringLiteral("tls_us"), timings.tlsUs},
        {QStringLiteral("first_byte_us"), timings.firstByteUs},
        {QStringLiteral("total_us"), timings.totalUs},
    };
}

bool fromJson(const QJsonValue &json, ExchangeTimings *timings)
{
    Reader r(json);
    timings->resolvedUs = r.integer("resolved_us");
    timings->connectedUs = r.integer("connected_us");
    timings->tlsUs = r.integer("tls_us");
    timings->firstByteUs = r.integer("first_byte_us");
    timings->totalUs = r.integer("total_us");
    return r.ok();
}

QJsonObject toJson(const StopInfo &stop)
{
    return QJsonObject{
        {QStringLiteral("reason"), int(stop.reason)},
        {QStringLiteral("bytes"), stop.bytes},
        {QStringLiteral("limit"), stop.limit},
        {QStringLiteral("framing"), int(stop.framing)},
        {QStringLiteral("content_length"), stop.contentLength},
        {QStringLiteral("http_complete"), stop.httpComplete},
        {QStringLiteral("close_notify_missing"), stop.closeNotifyMissing},
        {QStringLiteral("transfer_encoding_not_chunked"), stop.transferEncodingNotChunked},
    };
}

bool fromJson(const QJsonValue &json, StopInfo *stop)
{
    Reader r(json);
    stop->reason = r.enumeration("reason", StopReason::DatagramCountReached);
    stop->bytes = r.integer("bytes");
    stop->limit = r.integer("limit");
    stop->framing = r.enumeration("framing", HttpFraming::Tunnel);
    stop->contentLength = r.integer("content_length");
    stop->httpComplete = r.boolean("http_complete");
    stop->closeNotifyMissing = r.boolean("close_notify_missing");
    stop->transferEncodingNotChunked = r.boolean("transfer_encoding_not_chunked");
    return r.ok();
}

QJsonValue toJson(const StopRule &rule)
{
    return rule.toString();
}

bool fromJson(const QJsonValue &json, StopRule *rule)
{
    const std::optional<StopRule> parsed = json.isString() ? StopRule::parse(json.toString()) : std::nullopt;
    if (parsed)
        *rule = *parsed;
    return bool(parsed);
}

QJsonObject toJson(const SocketOptionSetting &setting)
{
    return QJsonObject{
        {QStringLiteral("name"), SocketOptions::cliName(setting.name)},
        {QStringLiteral("value"), setting.value},
    };
}

bool fromJson(const QJsonValue &json, SocketOptionSetting *setting)
{
    Reader r(json);
    const std::optional<SocketOptionName> name = SocketOptions::fromCliName(r.string("name"));
    setting->value = r.int32("value");
    if (name)
        setting->name = *name;
    return r.ok() && name;
}

QJsonObject toJson(const SocketOptionOutcome &outcome)
{
    return QJsonObject{
        {QStringLiteral("asked"), toJson(outcome.asked)},
        {QStringLiteral("system_name"), outcome.systemName},
        {QStringLiteral("error"), toJson(outcome.error)},
        {QStringLiteral("read_back"), outcome.readBack},
        {QStringLiteral("effective"), outcome.effective},
        {QStringLiteral("adjustment"), int(outcome.adjustment)},
        {QStringLiteral("system_limit"), outcome.systemLimit},
    };
}

bool fromJson(const QJsonValue &json, SocketOptionOutcome *outcome)
{
    Reader r(json);
    r.read("asked", &outcome->asked);
    outcome->systemName = r.string("system_name");
    r.read("error", &outcome->error);
    outcome->readBack = r.boolean("read_back");
    outcome->effective = r.int32("effective");
    outcome->adjustment = r.enumeration("adjustment", SocketOptionAdjustment::Other);
    outcome->systemLimit = r.integer("system_limit");
    return r.ok();
}

QJsonObject toJson(const TraceEntry &entry)
{
    return QJsonObject{
        {QStringLiteral("time_us"), entry.timeUs},
        {QStringLiteral("call"), entry.call},
        {QStringLiteral("args"), entry.args},
        {QStringLiteral("result"), entry.result},
        {QStringLiteral("errno"), entry.errnoCode},
        {QStringLiteral("count"), entry.count},
        {QStringLiteral("total_bytes"), entry.totalBytes},
        {QStringLiteral("last_time_us"), entry.lastTimeUs},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("status_detail"), entry.statusDetail},
    };
}

bool fromJson(const QJsonValue &json, TraceEntry *entry)
{
    Reader r(json);
    entry->timeUs = r.integer("time_us");
    entry->call = r.string("call");
    entry->args = r.string("args");
    entry->result = r.integer("result");
    entry->errnoCode = r.int32("errno");
    entry->count = r.int32("count");
    entry->totalBytes = r.integer("total_bytes");
    entry->lastTimeUs = r.integer("last_time_us");
    entry->status = r.string("status");
    entry->statusDetail = r.string("status_detail");
    return r.ok();
}

QJsonArray toJson(const Segment &segment)
{
    // [offset, length, time_us]: a 1 GiB reply has thousands of them.
    return QJsonArray{segment.offset, segment.length, segment.timeUs};
}

bool fromJson(const QJsonValue &json, Segment *segment)
{
    const QJsonArray array = json.toArray();
    if (!json.isArray() || array.size() != 3)
        return false;
    for (const QJsonValue &v : array) {
        if (!v.isDouble() || double(v.toInteger()) != v.toDouble())
            return false;
    }
    *segment = Segment{array.at(0).toInteger(), array.at(1).toInteger(), array.at(2).toInteger()};
    return segment->offset >= 0 && segment->length >= 0;
}

QJsonObject toJson(const CertificateInfo &certificate)
{
    return QJsonObject{
        {QStringLiteral("subject"), certificate.subject},
        {QStringLiteral("issuer"), certificate.issuer},
        {QStringLiteral("not_before_ms"), dateJson(certificate.notBefore)},
        {QStringLiteral("not_after_ms"), dateJson(certificate.notAfter)},
        {QStringLiteral("subject_alt_names"), QJsonArray::fromStringList(certificate.subjectAltNames)},
        {QStringLiteral("key_type"), certificate.keyType},
        {QStringLiteral("key_bits"), certificate.keyBits},
        {QStringLiteral("signature_algorithm"), certificate.signatureAlgorithm},
        {QStringLiteral("sha256"), base64(certificate.sha256)},
        {QStringLiteral("der"), base64(certificate.der)},
        {QStringLiteral("self_signed"), certificate.selfSigned},
    };
}

bool fromJson(const QJsonValue &json, CertificateInfo *certificate)
{
    Reader r(json);
    certificate->subject = r.string("subject");
    certificate->issuer = r.string("issuer");
    certificate->notBefore = r.date("not_before_ms");
    certificate->notAfter = r.date("not_after_ms");
    certificate->subjectAltNames = r.strings("subject_alt_names");
    certificate->keyType = r.string("key_type");
    certificate->keyBits = r.int32("key_bits");
    certificate->signatureAlgorithm = r.string("signature_algorithm");
    certificate->sha256 = r.bytes("sha256");
    certificate->der = r.bytes("der");
    certificate->selfSigned = r.boolean("self_signed");
    return r.ok();
}

QJsonObject toJson(const TlsInfo &tls)
{
    const TlsVerify &v = tls.verify;
    const QJsonObject verify{
        {QStringLiteral("outcome"), int(v.outcome)},
        {QStringLiteral("code"), v.code},
        {QStringLiteral("code_name"), v.codeName},
        {QStringLiteral("message"), v.message},
        {QStringLiteral("checked_name"), v.checkedName},
        {QStringLiteral("pinned"), v.pinned},
        {QStringLiteral("expected_pin"), base64(v.expectedPin)},
    };
    return QJsonObject{
        {QStringLiteral("handshake_done"), tls.handshakeDone},
        {QStringLiteral("version"), tls.version},
        {QStringLiteral("cipher"), tls.cipher},
        {QStringLiteral("alpn"), base64(tls.alpn)},
        {QStringLiteral("server_name"), tls.serverName},
        {QStringLiteral("resumed"), tls.resumed},
        {QStringLiteral("handshake_us"), tls.handshakeUs},
        {QStringLiteral("close_notify"), tls.closeNotify},
        {QStringLiteral("verify"), verify},
        {QStringLiteral("chain"), listToJson(tls.chain)},
    };
}

bool fromJson(const QJsonValue &json, TlsInfo *tls)
{
    Reader r(json);
    tls->handshakeDone = r.boolean("handshake_done");
    tls->version = r.string("version");
    tls->cipher = r.string("cipher");
    tls->alpn = r.bytes("alpn");
    tls->serverName = r.string("server_name");
    tls->resumed = r.boolean("resumed");
    tls->handshakeUs = r.integer("handshake_us");
    tls->closeNotify = r.boolean("close_notify");
    r.list("chain", &tls->chain);
    Reader v(r.value("verify"));
    TlsVerify &verify = tls->verify;
    verify.outcome = v.enumeration("outcome", TlsVerify::Outcome::Other);
    verify.code = v.int32("code");
    verify.codeName = v.string("code_name");
    verify.message = v.string("message");
    verify.checkedName = v.string("checked_name");
    verify.pinned = v.boolean("pinned");
    verify.expectedPin = v.bytes("expected_pin");
    return r.ok() && v.ok();
}

QJsonObject toJson(const TcpResult &result)
{
    return QJsonObject{
        {QStringLiteral("resolved"), listToJson(result.resolved)},
        {QStringLiteral("attempts"), listToJson(result.attempts)},
        {QStringLiteral("connected_to"), toJson(result.connectedTo)},
        {QStringLiteral("local"), toJson(result.local)},
        {QStringLiteral("sent_bytes"), result.sentBytes},
        {QStringLiteral("received_bytes"), result.receivedBytes},
        {QStringLiteral("stop"), toJson(result.stop)},
        {QStringLiteral("error"), toJson(result.error)},
        {QStringLiteral("timings"), toJson(result.timings)},
        {QStringLiteral("tls"), result.tls ? QJsonValue(toJson(*result.tls)) : QJsonValue()},
        {QStringLiteral("socket_options"), listToJson(result.socketOptions)},
    };
}

bool fromJson(const QJsonValue &json, TcpResult *result)
{
    Reader r(json);
    r.list("resolved", &result->resolved);
    r.list("attempts", &result->attempts);
    r.read("connected_to", &result->connectedTo);
    r.read("local", &result->local);
    result->sentBytes = r.integer("sent_bytes", 0);
    result->receivedBytes = r.integer("received_bytes", 0);
    r.read("stop", &result->stop);
    r.read("error", &result->error);
    r.read("timings", &result->timings);
    result->tls.reset();
    if (const QJsonValue tls = r.value("tls"); !tls.isNull()) {
        TlsInfo info;
        if (!fromJson(tls, &info))
            r.fail();
        result->tls = info;
    }
    r.list("socket_options", &result->socketOptions);
    result->http.reset();
    return r.ok();
}

QJsonObject toJson(const Datagram &datagram)
{
    return QJsonObject{
        {QStringLiteral("from"), toJson(datagram.from)},
        {QStringLiteral("size"), datagram.size},
        {QStringLiteral("kept"), datagram.kept},
        {QStringLiteral("truncated"), datagram.truncated},
        {QStringLiteral("time_us"), datagram.timeUs},
    };
}

bool fromJson(const QJsonValue &json, Datagram *datagram)
{
    Reader r(json);
    r.read("from", &datagram->from);
    // A UDP payload is at most 65,535 bytes; an IPv6 jumbogram at most 4 GiB.
    datagram->size = r.integer("size", 0, std::numeric_limits<quint32>::max());
    datagram->kept = r.integer("kept", 0, datagram->size);
    datagram->truncated = r.boolean("truncated");
    datagram->timeUs = r.integer("time_us", 0);
    return r.ok();
}

QJsonObject toJson(const MulticastSendSettings &settings)
{
    return QJsonObject{
        {QStringLiteral("hops"), settings.hops},
        {QStringLiteral("loop"), settings.loop},
        {QStringLiteral("interface"), settings.interfaceName},
    };
}

bool fromJson(const QJsonValue &json, MulticastSendSettings *settings)
{
    Reader r(json);
    settings->hops = int(r.integer("hops", -1, 255));
    settings->loop = int(r.integer("loop", -1, 1));
    settings->interfaceName = r.string("interface");
    // The index is the machine's of the moment: looked up again when the datagram is sent.
    settings->interfaceIndex = 0;
    return r.ok();
}

QJsonObject toJson(const UdpRequest &request)
{
    return QJsonObject{
        {QStringLiteral("host"), request.host},
        {QStringLiteral("service"), request.service},
        {QStringLiteral("family"), int(request.family)},
        {QStringLiteral("wait_ms"), request.waitMs},
        {QStringLiteral("max_datagrams"), request.maxDatagrams},
        {QStringLiteral("connected"), request.connected},
        {QStringLiteral("bind_port"), int(request.bindPort)},
        {QStringLiteral("recv_size"), request.recvSize},
        {QStringLiteral("max_bytes"), request.maxBytes},
        {QStringLiteral("socket_options"), listToJson(request.socketOptions)},
        {QStringLiteral("local_address"), toJson(request.localAddress)},
        {QStringLiteral("multicast"), toJson(request.multicast)},
    };
}

// The payload is not here: the entry that holds the request keeps it beside, as its bytes.
bool fromJson(const QJsonValue &json, UdpRequest *request)
{
    Reader r(json);
    request->host = r.string("host");
    request->service = r.string("service");
    request->family = IpFamily(r.int32("family"));
    request->waitMs = r.int32("wait_ms");
    request->maxDatagrams = r.int32("max_datagrams");
    request->connected = r.boolean("connected");
    request->bindPort = quint16(r.integer("bind_port", 0, 65535));
    request->recvSize = r.integer("recv_size", 1, 65536);
    request->maxBytes = r.integer("max_bytes", 0);
    r.list("socket_options", &request->socketOptions);
    r.read("local_address", &request->localAddress);
    r.read("multicast", &request->multicast);
    // The form's own choices only: a family from the file goes to getaddrinfo() when sent again.
    if (request->waitMs < 0 || request->maxDatagrams < 0
        || (request->family != IpFamily::Any && request->family != IpFamily::V4 && request->family != IpFamily::V6))
        r.fail();
    return r.ok();
}

QJsonObject toJson(const UdpResult &result)
{
    return QJsonObject{
        {QStringLiteral("resolved"), listToJson(result.resolved)},
        {QStringLiteral("target"), toJson(result.target)},
        {QStringLiteral("local"), toJson(result.local)},
        {QStringLiteral("sent_bytes"), result.sentBytes},
        {QStringLiteral("datagrams"), listToJson(result.datagrams)},
        {QStringLiteral("received_bytes"), result.receivedBytes},
        {QStringLiteral("stop"), toJson(result.stop)},
        {QStringLiteral("error"), toJson(result.error)},
        {QStringLiteral("timings"), toJson(result.timings)},
        {QStringLiteral("socket_options"), listToJson(result.socketOptions)},
        {QStringLiteral("kernel_drops"), result.kernelDrops ? QJsonValue(*result.kernelDrops) : QJsonValue()},
        {QStringLiteral("receive_buffer_bytes"), result.receiveBufferBytes},
    };
}

bool fromJson(const QJsonValue &json, UdpResult *result)
{
    Reader r(json);
    r.list("resolved", &result->resolved);
    r.read("target", &result->target);
    r.read("local", &result->local);
    result->sentBytes = r.integer("sent_bytes", 0);
    r.list("datagrams", &result->datagrams);
    result->receivedBytes = r.integer("received_bytes", 0);
    r.read("stop", &result->stop);
    r.read("error", &result->error);
    r.read("timings", &result->timings);
    r.list("socket_options", &result->socketOptions);
    result->kernelDrops.reset();
    if (!r.value("kernel_drops").isNull())
        result->kernelDrops = r.integer("kernel_drops", 0);
    result->receiveBufferBytes = r.integer("receive_buffer_bytes", 0);
    return r.ok();
}

QJsonObject toJson(const ResolveQuery &query)
{
    return QJsonObject{
        {QStringLiteral("host"), query.host},
        {QStringLiteral("service"), query.service},
        {QStringLiteral("family"), int(query.family)},
        {QStringLiteral("socket_type"), int(query.socketType)},
        {QStringLiteral("protocol"), query.protocol},
        {QStringLiteral("flags"), query.flags},
    };
}

bool fromJson(const QJsonValue &json, ResolveQuery *query)
{
    Reader r(json);
    query->host = r.string("host");
    query->service = r.string("service");
    query->family = IpFamily(r.int32("family"));
    query->socketType = SocketKind(r.int32("socket_type"));
    query->protocol = r.int32("protocol");
    query->flags = r.int32("flags");
    return r.ok();
}

QJsonObject toJson(const ResolveResult &result)
{
    return QJsonObject{
        {QStringLiteral("rows"), listToJson(result.rows)},
        {QStringLiteral("error"), toJson(result.error)},
        {QStringLiteral("elapsed_us"), result.elapsedUs},
    };
}

bool fromJson(const QJsonValue &json, ResolveResult *result)
{
    Reader r(json);
    r.list("rows", &result->rows);
    r.read("error", &result->error);
    result->elapsedUs = r.integer("elapsed_us");
    return r.ok();
}

QJsonObject toJson(const NameInfoQuery &query)
{
    return QJsonObject{
        {QStringLiteral("address"), toJson(query.address)},
        {QStringLiteral("flags"), query.flags},
    };
}

bool fromJson(const QJsonValue &json, NameInfoQuery *query)
{
    Reader r(json);
    r.read("address", &query->address);
    query->flags = r.int32("flags");
    return r.ok();
}

QJsonObject toJson(const NameInfoResult &result)
{
    return QJsonObject{
        {QStringLiteral("host"), result.host},
        {QStringLiteral("service"), result.service},
        {QStringLiteral("host_is_numeric"), result.hostIsNumeric},
        {QStringLiteral("error"), toJson(result.error)},
        {QStringLiteral("elapsed_us"), result.elapsedUs},
    };
}

bool fromJson(const QJsonValue &json, NameInfoResult *result)
{
    Reader r(json);
    result->host = r.string("host");
    result->service = r.string("service");
    result->hostIsNumeric = r.boolean("host_is_numeric");
    r.read("error", &result->error);
    result->elapsedUs = r.integer("elapsed_us");
    return r.ok();
}

std::shared_ptr<const HttpResponseParser> rebuildHttp(const ByteSource &reply, const QByteArray &request,
                                                      const StopRule &rule, StopReason reason)
{
    // As TcpExchange::receive() decides: parse what starts like a response, or anything under the
    // HTTP stop rule; never an empty reply.
    constexpr qint64 SniffBytes = 32;
    const qint64 size = reply.size();
    if (size == 0)
        return nullptr;
    const std::optional<bool> looksHttp = HttpResponseParser::startsLikeResponse(reply.read(0, SniffBytes));
    if (!looksHttp.value_or(false) && rule.kind != StopRule::Kind::Http)
        return nullptr;
    auto http = std::make_shared<HttpResponseParser>();
    http->setRequestMethod(requestMethodOf(request));
    constexpr qint64 Piece = qint64(1) << 20;
    HttpResponseParser::State state = HttpResponseParser::State::Incomplete;
    for (qint64 offset = 0; offset < size && state != HttpResponseParser::State::Error; offset += Piece)
        state = http->feed(reply.read(offset, Piece));
    if (reason == StopReason::PeerClosed && state == HttpResponseParser::State::Incomplete)
        http->finish();
    return http;
}

} // namespace SocketLab::ValueJson
