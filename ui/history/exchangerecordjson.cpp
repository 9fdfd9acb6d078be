#include "exchangerecordjson.h"

#include "historyfolder.h"

#include "bytes/bytestore.h"
#include "bytes/namedfilesource.h"
#include "bytes/sourcetofile.h"
#include "http/httpresponseparser.h"
#include "text/valuejson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <climits>
#include <limits>

namespace SocketLab::ExchangeRecordJson {

namespace {

// The largest entry file read back: a request of at most ExchangeStore::MaxRequestBytes and an
// inline reply of at most 16 MiB, in base64, with the calls of the exchange, fit well within it.
constexpr qint64 MaxFileBytes = qint64(256) << 20;


const QString Format = QStringLiteral("socketlab-exchange");
const QString UdpFormat = QStringLiteral("socketlab-udp-exchange");
// The largest datagram recvfrom() can be given room for.
constexpr qint64 MaxDatagramBytes = 65536;
const QString ReplySuffix = QStringLiteral("reply");

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// The largest recv() size the form offers.
constexpr qint64 MaxRecvSize = 16 * 1024 * 1024;

QJsonObject settingsJson(const ConnectionSettings &s)
{
    QJsonArray alpn;
    for (const QByteArray &protocol : s.tlsAlpn)
        alpn.append(QString::fromUtf8(protocol));
    return QJsonObject{
        {QStringLiteral("host"), s.host},
        {QStringLiteral("service"), s.service},
        {QStringLiteral("family"), int(s.family)},
        {QStringLiteral("tls"), s.tls},
        {QStringLiteral("tls_server_name"), s.tlsServerName},
        {QStringLiteral("tls_alpn"), alpn},
        {QStringLiteral("tls_min_version"), int(s.tlsMinVersion)},
        {QStringLiteral("tls_ca_file"), s.tlsCaFile},
        {QStringLiteral("recv_size"), s.recvSize},
        {QStringLiteral("stop_rule"), ValueJson::toJson(s.stopRule)},
        {QStringLiteral("connect_timeout_ms"), s.connectTimeoutMs},
        {QStringLiteral("total_timeout_ms"), s.totalTimeoutMs},
        {QStringLiteral("max_bytes"), s.maxBytes},
        {QStringLiteral("reply_file"), s.replyFile},
        {QStringLiteral("socket_options"), ValueJson::listToJson(s.socketOptions)},
        {QStringLiteral("local_address"), ValueJson::toJson(s.localAddress)},
    };
}

bool wholeNumber(const QJsonValue &v, qint64 minimum, qint64 maximum, qint64 *out)
{
    if (!v.isDouble() || double(v.toInteger()) != v.toDouble() || v.toInteger() < minimum || v.toInteger() > maximum)
        return false;
    *out = v.toInteger();
    return true;
}

// The TLS options and the recv() size came after the format's first files: an entry without them
// has the defaults they had then; one with a value of the wrong type or range is refused.
bool optionalSettingsFromJson(const QJsonObject &o, ConnectionSettings *s)
{
    const auto string = [&o](QStringView key, QString *out) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return true;
        *out = v.toString();
        return v.isString();
    };
    qint64 minVersion = int(s->tlsMinVersion);
    const QJsonValue minVersionJson = o.value(u"tls_min_version");
    const QJsonValue recvSize = o.value(u"recv_size");
    if (!string(u"tls_server_name", &s->tlsServerName) || !string(u"tls_ca_file", &s->tlsCaFile)
        || (!minVersionJson.isUndefined() && !wholeNumber(minVersionJson, int(TlsVersion::Any), int(TlsVersion::Tls13), &minVersion))
        || (!recvSize.isUndefined() && !wholeNumber(recvSize, 1, MaxRecvSize, &s->recvSize)))
        return false;
    s->tlsMinVersion = TlsVersion(minVersion);
    const QJsonValue alpn = o.value(u"tls_alpn");
    if (alpn.isUndefined())
        return true;
    if (!alpn.isArray())
        return false;
    s->tlsAlpn.clear();
    for (const QJsonValue &protocol : alpn.toArray()) {
        // RFC 7301: 1 to 255 bytes.
        const QByteArray bytes = protocol.toString().toUtf8();
        if (!protocol.isString() || bytes.isEmpty() || bytes.size() > 255)
            return false;
        s->tlsAlpn.append(bytes);
    }
    return true;
}

bool settingsFromJson(const QJsonValue &json, ConnectionSettings *s)
{
    const QJsonObject o = json.toObject();
    qint64 family = 0, connectTimeout = 0, totalTimeout = 0, maxBytes = 0;
    const bool ok = json.isObject() && o.value(u"host").isString() && o.value(u"service").isString()
                    && o.value(u"tls").isBool() && o.value(u"reply_file").isString()
                    && wholeNumber(o.value(u"family"), 0, INT_MAX, &family)
                    && wholeNumber(o.value(u"connect_timeout_ms"), 0, INT_MAX, &connectTimeout)
                    && wholeNumber(o.value(u"total_timeout_ms"), 0, INT_MAX, &totalTimeout)
                    && wholeNumber(o.value(u"max_bytes"), 0, std::numeric_limits<qint64>::max(), &maxBytes)
                    && ValueJson::fromJson(o.value(u"stop_rule"), &s->stopRule)
                    && ValueJson::listFromJson(o.value(u"socket_options"), &s->socketOptions)
                    && ValueJson::fromJson(o.value(u"local_address"), &s->localAddress)
                    && optionalSettingsFromJson(o, s);
    s->host = o.value(u"host").toString();
    s->service = o.value(u"service").toString();
    s->family = IpFamily(family);
    s->tls = o.value(u"tls").toBool();
    s->connectTimeoutMs = int(connectTimeout);
    s->totalTimeoutMs = int(totalTimeout);
    s->maxBytes = maxBytes;
    s->replyFile = o.value(u"reply_file").toString();
    return ok;
}

std::optional<QByteArray> bytesFromJson(const QJsonValue &json)
{
    if (!json.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(json.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

QJsonValue httpJson(const std::optional<HttpSummary> &http)
{
    if (!http)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("version"), base64(http->version)},
        {QStringLiteral("status_code"), http->statusCode},
        {QStringLiteral("reason"), base64(http->reasonPhrase)},
        {QStringLiteral("framing"), int(http->framing)},
        {QStringLiteral("body_bytes"), http->bodyBytes},
        {QStringLiteral("complete"), http->complete},
    };
}

bool httpFromJson(const QJsonValue &json, std::optional<HttpSummary> *http)
{
    http->reset();
    if (json.isNull())
        return true;
    const QJsonObject o = json.toObject();
    const std::optional<QByteArray> version = bytesFromJson(o.value(u"version"));
    const std::optional<QByteArray> reason = bytesFromJson(o.value(u"reason"));
    qint64 status = 0, framing = 0, bodyBytes = 0;
    if (!json.isObject() || !version || !reason || !o.value(u"complete").isBool()
        || !wholeNumber(o.value(u"status_code"), 0, 999, &status)
        || !wholeNumber(o.value(u"framing"), int(HttpFraming::Unknown), int(HttpFraming::SwitchedProtocols), &framing)
        || !wholeNumber(o.value(u"body_bytes"), 0, std::numeric_limits<qint64>::max(), &bodyBytes))
        return false;
    *http = HttpSummary{*version, int(status), *reason, HttpFraming(framing), bodyBytes, o.value(u"complete").toBool()};
    return true;
}

std::shared_ptr<const HttpResponseParser> rebuildHttp(const ExchangeRecord &record)
{
    return ValueJson::rebuildHttp(*record.reply, record.request, record.settings.stopRule, record.result.stop.reason);
}

// The datagrams of a UDP entry are its reply's segments, one each, end to end from its first byte,
// each as long as the bytes kept of its datagram, at most what a receive buffer holds.
bool datagramsMatch(const UdpResult &result, const QList<Segment> &segments, qint64 replySize)
{
    if (result.datagrams.size() > MaxDatagrams || segments.size() != result.datagrams.size())
        return false;
    qint64 offset = 0;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &segment = segments.at(i);
        const Datagram &datagram = result.datagrams.at(i);
        if (segment.offset != offset || segment.length != datagram.kept || datagram.kept > MaxDatagramBytes)
            return false;
        offset += segment.length;
    }
    return offset == replySize;
}

} // namespace

std::optional<HttpSummary> httpSummary(const ExchangeRecord &record)
{
    if (record.httpPending)
        return record.httpSummary;
    const std::shared_ptr<const HttpResponseParser> &http = record.result.http;
    if (!http)
        return std::nullopt;
    return HttpSummary{http->version(), http->statusCode(), http->reasonPhrase(), http->framing(), http->bodyBytes(),
                       http->state() == HttpResponseParser::State::Complete};
}

std::shared_ptr<const ExchangeRecord> withHttp(const ExchangeRecord &record)
{
    auto opened = std::make_shared<ExchangeRecord>(record);
    if (opened->httpPending && opened->reply)
        opened->result.http = rebuildHttp(*opened);
    opened->httpPending = false;
    opened->httpSummary.reset();
    return opened;
}

QString folderName(Kind kind)
{
    return kind == Kind::Udp ? QStringLiteral("datagrams") : QStringLiteral("exchanges");
}

QJsonObject toJson(const ExchangeRecord &record, qint64 inlineReplyBytes)
{
    QJsonValue reply;
    if (record.reply) {
        const qint64 size = record.reply->size();
        QJsonObject object{{QStringLiteral("size"), size}};
        if (size <= inlineReplyBytes)
            object.insert(QStringLiteral("inline"), base64(record.reply->read(0, size)));
        else
            object.insert(QStringLiteral("file"), record.historyId + u'.' + ReplySuffix);
        reply = object;
    }
    QJsonObject json{
        {QStringLiteral("format"), record.udp ? UdpFormat : Format},
        {QStringLiteral("version"), Version},
        {QStringLiteral("id"), record.historyId},
        {QStringLiteral("started_at"), record.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("started_at_ms"), double(record.startedAt.toMSecsSinceEpoch())},
        {QStringLiteral("request"), base64(record.request)},
        {QStringLiteral("reply"), reply},
        {QStringLiteral("segments"), ValueJson::listToJson(record.segments)},
        {QStringLiteral("trace"), ValueJson::listToJson(record.trace)},
    };
    if (record.udp) {
        json.insert(QStringLiteral("udp_request"), ValueJson::toJson(record.udp->request));
        json.insert(QStringLiteral("udp_result"), ValueJson::toJson(record.udp->result));
    } else {
        json.insert(QStringLiteral("settings"), settingsJson(record.settings));
        json.insert(QStringLiteral("result"), ValueJson::toJson(record.result));
        // What the list shows, so that a reply in a file of its own is not read at start to show it.
        json.insert(QStringLiteral("http"), httpJson(httpSummary(record)));
    }
    return json;
}

NetError writeReplyFile(const ExchangeRecord &record, const HistoryFolder &folder, qint64 inlineReplyBytes)
{
    if (!record.reply || record.reply->size() <= inlineReplyBytes)
        return {};
    return writeSourceToFile(*record.reply, folder.sidePath(record.historyId, ReplySuffix));
}

std::optional<ExchangeRecord> read(const HistoryFolder &folder, const QString &id, Problem *problem, Kind kind)
{
    const bool udp = kind == Kind::Udp;
    const std::optional<QJsonObject> entry = folder.readEntry(id, udp ? UdpFormat : Format, Version, MaxFileBytes, problem);
    if (!entry)
        return std::nullopt;
    const QJsonObject &o = *entry;
    ExchangeRecord record;
    record.historyId = id;
    qint64 startedMs = 0;
    const std::optional<QByteArray> request = bytesFromJson(o.value(u"request"));
    bool ok = o.value(u"version").toInt() == Version && wholeNumber(o.value(u"started_at_ms"), 0, qint64(1) << 52, &startedMs)
              && request && ValueJson::listFromJson(o.value(u"segments"), &record.segments)
              && ValueJson::listFromJson(o.value(u"trace"), &record.trace);
    if (udp) {
        UdpExchangePart part;
        ok = ok && ValueJson::fromJson(o.value(u"udp_request"), &part.request)
             && ValueJson::fromJson(o.value(u"udp_result"), &part.result);
        part.request.payload = request.value_or(QByteArray());
        record.settings.host = part.request.host;
        record.settings.service = part.request.service;
        record.settings.family = part.request.family;
        record.udp = std::move(part);
    } else {
        ok = ok && settingsFromJson(o.value(u"settings"), &record.settings)
             && ValueJson::fromJson(o.value(u"result"), &record.result);
    }
    record.startedAt = QDateTime::fromMSecsSinceEpoch(startedMs);
    record.request = request.value_or(QByteArray());

    const QJsonValue replyJson = o.value(u"reply");
    const QJsonObject reply = replyJson.toObject();
    qint64 size = 0;
    if (ok && !replyJson.isNull()) {
        ok = replyJson.isObject() && wholeNumber(reply.value(u"size"), 0, std::numeric_limits<qint64>::max(), &size);
        if (ok && reply.contains(u"inline")) {
            const std::optional<QByteArray> bytes = bytesFromJson(reply.value(u"inline"));
            ok = bytes && bytes->size() == size;
            if (ok) {
                auto store = std::make_shared<ByteStore>();
                store->append(bytes->constData(), bytes->size(), 0);
                record.reply = std::move(store);
            }
        } else if (ok) {
            // Only the name the writer gives: a file elsewhere is not this entry's.
            ok = reply.value(u"file").toString() == id + u'.' + ReplySuffix;
            if (ok) {
                // Checked now, read later: the file is opened only when its bytes are asked for.
                const QFileInfo file(folder.sidePath(id, ReplySuffix));
                if (!file.isFile() || file.size() != size) {
                    *problem = Problem::ReplyMissing;
                    return std::nullopt;
                }
                record.reply = std::make_shared<NamedFileSource>(file.filePath(), size);
            }
        }
    }
    if (ok && udp)
        ok = datagramsMatch(record.udp->result, record.segments, record.reply ? record.reply->size() : 0);
    if (!ok) {
        *problem = Problem::Corrupt;
        return std::nullopt;
    }
    // An entry written before "http" was kept has its reply parsed now, as then; a UDP exchange's
    // datagrams are no HTTP reply.
    const bool spilled = dynamic_cast<const NamedFileSource *>(record.reply.get());
    if (!udp && spilled && o.contains(u"http")) {
        if (!httpFromJson(o.value(u"http"), &record.httpSummary)) {
            *problem = Problem::Corrupt;
            return std::nullopt;
        }
        record.httpPending = true;
    } else if (!udp && record.reply) {
        record.result.http = rebuildHttp(record);
    }
    return record;
}

} // namespace SocketLab::ExchangeRecordJson
