#include "collectionjson.h"

#include "collections/localaddresstext.h"
#include "net/socketoption.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SocketLab::CollectionJson {

namespace {

// The largest whole number a JSON double holds exactly.
constexpr qint64 MaxJsonInteger = qint64(1) << 53;

QString kindName(SavedRequest::Kind kind)
{
    switch (kind) {
    case SavedRequest::Kind::Tls: return QStringLiteral("tls");
    case SavedRequest::Kind::Udp: return QStringLiteral("udp");
    case SavedRequest::Kind::Script: return QStringLiteral("script");
    case SavedRequest::Kind::Tcp: break;
    }
    return QStringLiteral("tcp");
}

QString jsonFamilyName(IpFamily family)
{
    return family == IpFamily::V4 ? QStringLiteral("ipv4") : family == IpFamily::V6 ? QStringLiteral("ipv6") : QStringLiteral("any");
}

QString tlsVersionName(TlsVersion version)
{
    return version == TlsVersion::Tls12 ? QStringLiteral("1.2") : version == TlsVersion::Tls13 ? QStringLiteral("1.3") : QStringLiteral("any");
}

bool isPlainText(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\r' && u != u'\n') || (u >= 0x7f && u < 0xa0) || u == 0xfffd)
            return false;
    }
    return true;
}

void writeSocketSettings(const QList<SocketOptionSetting> &options, const SocketAddress &local, QJsonObject *object)
{
    if (!options.isEmpty()) {
        QJsonArray settings;
        for (const SocketOptionSetting &setting : options)
            settings.append(SocketOptions::format(setting));
        object->insert(QStringLiteral("sockopts"), settings);
    }
    if (local.isValid())
        object->insert(QStringLiteral("local"), localAddressText(local));
}

QJsonObject writeRequest(const SavedRequest &request)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), request.name);
    if (!request.folder.isEmpty())
        object.insert(QStringLiteral("folder"), QJsonArray::fromStringList(request.folder));
    object.insert(QStringLiteral("kind"), kindName(request.kind));
    if (request.kind == SavedRequest::Kind::Udp) {
        const UdpRequest &udp = request.udp;
        const UdpRequest defaults;
        object.insert(QStringLiteral("host"), udp.host);
        object.insert(QStringLiteral("port"), udp.service);
        object.insert(QStringLiteral("family"), jsonFamilyName(udp.family));
        object.insert(QStringLiteral("payload"), bytesValue(udp.payload));
        object.insert(QStringLiteral("waitMs"), udp.waitMs);
        object.insert(QStringLiteral("maxDatagrams"), udp.maxDatagrams);
        object.insert(QStringLiteral("connected"), udp.connected);
        object.insert(QStringLiteral("bindPort"), udp.bindPort);
        object.insert(QStringLiteral("recvSize"), udp.recvSize);
        object.insert(QStringLiteral("maxBytes"), udp.maxBytes);
        writeSocketSettings(udp.socketOptions, udp.localAddress, &object);
        if (udp.multicast.hops >= 0 || udp.multicast.loop >= 0 || !udp.multicast.interfaceName.isEmpty()) {
            QJsonObject multicast;
            if (udp.multicast.hops >= 0)
                multicast.insert(QStringLiteral("hops"), udp.multicast.hops);
            if (udp.multicast.loop >= 0)
                multicast.insert(QStringLiteral("loop"), udp.multicast.loop);
            if (!udp.multicast.interfaceName.isEmpty())
                multicast.insert(QStringLiteral("interface"), udp.multicast.interfaceName);
            object.insert(QStringLiteral("multicast"), multicast);
        }
        return object;
    }
    const TcpRequest &tcp = request.tcp;
    object.insert(QStringLiteral("host"), tcp.host);
    object.insert(QStringLiteral("port"), tcp.service);
    object.insert(QStringLiteral("family"), jsonFamilyName(tcp.family));
    if (request.kind == SavedRequest::Kind::Script)
        object.insert(QStringLiteral("script"), request.script);
    else
        object.insert(QStringLiteral("payload"), bytesValue(tcp.payload));
    object.insert(QStringLiteral("until"), tcp.stopRule.toString());
    object.insert(QStringLiteral("connectTimeoutMs"), tcp.connectTimeoutMs);
    object.insert(QStringLiteral("timeoutMs"), tcp.totalTimeoutMs);
    object.insert(QStringLiteral("maxBytes"), tcp.maxBytes);
    object.insert(QStringLiteral("recvSize"), tcp.recvSize);
    writeSocketSettings(tcp.socketOptions, tcp.localAddress, &object);
    if (request.kind == SavedRequest::Kind::Tls) {
        QJsonObject tls;
        tls.insert(QStringLiteral("serverName"), tcp.tls.serverName);
        QJsonArray alpn;
        for (const QByteArray &protocol : tcp.tls.alpn)
            alpn.append(QString::fromUtf8(protocol));
        tls.insert(QStringLiteral("alpn"), alpn);
        tls.insert(QStringLiteral("caFile"), tcp.tls.caFile);
        tls.insert(QStringLiteral("pinSha256"), QString::fromLatin1(tcp.tls.pinSha256.toHex()));
        tls.insert(QStringLiteral("minVersion"), tlsVersionName(tcp.tls.minVersion));
        object.insert(QStringLiteral("tls"), tls);
    }
    return object;
}

// Reads one request's fields; *field names the first that is wrong.
class RequestReader
{
public:
    RequestReader(const QJsonObject &object, QString prefix) : m_object(object), m_prefix(std::move(prefix)) {}

    bool string(const char *key, QString *value, bool required = false)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return !required || fail(key);
        if (!v.isString())
            return fail(key);
        *value = v.toString();
        return true;
    }
    template<typename Int>
    bool number(const char *key, Int *value, qint64 minimum, qint64 maximum)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return true;
        const double d = v.toDouble(-1);
        // The range first, as doubles: converting 1e300 to an integer is undefined.
        if (!v.isDouble() || !(d >= double(minimum) && d <= double(maximum)) || d != double(qint64(d)))
            return fail(key);
        *value = Int(qint64(d));
        return true;
    }
    bool boolean(const char *key, bool *value)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return true;
        if (!v.isBool())
            return fail(key);
        *value = v.toBool();
        return true;
    }
    bool family(IpFamily *family)
    {
        QString name = QStringLiteral("any");
        if (!string("family", &name))
            return false;
        if (name == QLatin1StringView("ipv4"))
            *family = IpFamily::V4;
        else if (name == QLatin1StringView("ipv6"))
            *family = IpFamily::V6;
        else if (name == QLatin1StringView("any"))
            *family = IpFamily::Any;
        else
            return fail("family");
        return true;
    }
    bool bytes(const char *key, QByteArray *value)
    {
        const QJsonValue v = m_object.value(QLatin1StringView(key));
        return v.isUndefined() || readBytes(v, value) || fail(key);
    }
    bool socketSettings(SocketKind kind, QList<SocketOptionSetting> *options, SocketAddress *local)
    {
        const QJsonValue settings = m_object.value(QLatin1StringView("sockopts"));
        if (!settings.isUndefined()) {
            if (!settings.isArray())
                return fail("sockopts");
            for (const QJsonValue &setting : settings.toArray()) {
                SocketOptionParseError problem;
                const std::optional<SocketOptionSetting> parsed = SocketOptions::parse(setting.toString(), kind, &problem);
                if (!setting.isString() || !parsed)
                    return fail("sockopts");
                options->append(*parsed);
            }
        }
        const QJsonValue address = m_object.value(QLatin1StringView("local"));
        if (address.isUndefined())
            return true;
        const std::optional<SocketAddress> parsed = parseLocalAddressText(address.toString());
        if (!address.isString() || !parsed)
            return fail("local");
        *local = *parsed;
        return true;
    }
    bool fail(const char *key)
    {
        field = m_prefix + QLatin1Char('.') + QLatin1StringView(key);
        return false;
    }
    const QJsonObject &object() const { return m_object; }

    QString field;

private:
    QJsonObject m_object;
    QString m_prefix;
};

bool readTls(RequestReader &reader, TlsOptions *tls, QString *field, const QString &prefix)
{
    const QJsonValue value = reader.object().value(QLatin1StringView("tls"));
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return reader.fail("tls");
    RequestReader sub(value.toObject(), prefix + QStringLiteral(".tls"));
    QString pin, minVersion = QStringLiteral("any");
    bool ok = sub.string("serverName", &tls->serverName) && sub.string("caFile", &tls->caFile) && sub.string("pinSha256", &pin)
           && sub.string("minVersion", &minVersion);
    if (ok) {
        tls->pinSha256 = QByteArray::fromHex(pin.toLatin1());
        if (!pin.isEmpty() && tls->pinSha256.size() != 32)
            ok = sub.fail("pinSha256");
    }
    if (ok) {
        if (minVersion == QLatin1StringView("1.2"))
            tls->minVersion = TlsVersion::Tls12;
        else if (minVersion == QLatin1StringView("1.3"))
            tls->minVersion = TlsVersion::Tls13;
        else if (minVersion != QLatin1StringView("any"))
            ok = sub.fail("minVersion");
    }
    if (ok && sub.object().contains(QLatin1StringView("alpn"))) {
        const QJsonValue alpn = sub.object().value(QLatin1StringView("alpn"));
        if (!alpn.isArray()) {
            ok = sub.fail("alpn");
        } else {
            tls->alpn.clear();
            for (const QJsonValue &protocol : alpn.toArray()) {
                if (!protocol.isString()) {
                    ok = sub.fail("alpn");
                    break;
                }
                tls->alpn.append(protocol.toString().toUtf8());
            }
        }
    }
    if (!ok)
        *field = sub.field;
    return ok;
}

bool readRequest(const QJsonValue &value, int index, SavedRequest *request, QString *field)
{
    const QString prefix = QStringLiteral("requests[%1]").arg(index);
    if (!value.isObject()) {
        *field = prefix;
        return false;
    }
    RequestReader reader(value.toObject(), prefix);
    QString kind = QStringLiteral("tcp");
    bool ok = reader.string("name", &request->name, true) && reader.string("kind", &kind);
    if (ok) {
        const QJsonValue folder = reader.object().value(QLatin1StringView("folder"));
        if (folder.isArray()) {
            for (const QJsonValue &part : folder.toArray()) {
                if (!part.isString()) {
                    ok = reader.fail("folder");
                    break;
                }
                request->folder.append(part.toString());
            }
        } else if (!folder.isUndefined()) {
            ok = reader.fail("folder");
        }
    }
    if (ok) {
        if (kind == QLatin1StringView("tcp"))
            request->kind = SavedRequest::Kind::Tcp;
        else if (kind == QLatin1StringView("tls"))
            request->kind = SavedRequest::Kind::Tls;
        else if (kind == QLatin1StringView("udp"))
            request->kind = SavedRequest::Kind::Udp;
        else if (kind == QLatin1StringView("script"))
            request->kind = SavedRequest::Kind::Script;
        else
            ok = reader.fail("kind");
    }
    if (ok && request->kind == SavedRequest::Kind::Udp) {
        UdpRequest &udp = request->udp;
        ok = reader.string("host", &udp.host, true) && reader.string("port", &udp.service, true) && reader.family(&udp.family)
          && reader.bytes("payload", &udp.payload) && reader.number("waitMs", &udp.waitMs, 0, INT_MAX)
          && reader.number("maxDatagrams", &udp.maxDatagrams, 0, INT_MAX) && reader.boolean("connected", &udp.connected)
          && reader.number("bindPort", &udp.bindPort, 0, 65535) && reader.number("recvSize", &udp.recvSize, 1, 16 * 1024 * 1024)
          && reader.number("maxBytes", &udp.maxBytes, 0, MaxJsonInteger)
          && reader.socketSettings(SocketKind::Datagram, &udp.socketOptions, &udp.localAddress);
        const QJsonValue multicast = reader.object().value(QLatin1StringView("multicast"));
        if (ok && !multicast.isUndefined()) {
            RequestReader sub(multicast.toObject(), prefix + QStringLiteral(".multicast"));
            ok = multicast.isObject() && sub.number("hops", &udp.multicast.hops, 0, 255) && sub.number("loop", &udp.multicast.loop, 0, 1)
              && sub.string("interface", &udp.multicast.interfaceName);
            // The index is the running system's: a collection from another machine still reads, and an
            // interface this one lacks is refused only when the request is sent.
            if (ok && !udp.multicast.interfaceName.isEmpty())
                udp.multicast.interfaceIndex = Multicast::interfaceIndex(udp.multicast.interfaceName, nullptr).value_or(0);
            if (!ok) {
                *field = sub.field.isEmpty() ? prefix + QStringLiteral(".multicast") : sub.field;
                return false;
            }
        }
    } else if (ok) {
        TcpRequest &tcp = request->tcp;
        QString until = tcp.stopRule.toString();
        ok = reader.string("host", &tcp.host, true) && reader.string("port", &tcp.service, true) && reader.family(&tcp.family)
          && (request->kind == SavedRequest::Kind::Script ? reader.string("script", &request->script, true)
                                                          : reader.bytes("payload", &tcp.payload))
          && reader.string("until", &until) && reader.number("connectTimeoutMs", &tcp.connectTimeoutMs, 0, INT_MAX)
          && reader.number("timeoutMs", &tcp.totalTimeoutMs, 0, INT_MAX)
          && reader.number("maxBytes", &tcp.maxBytes, 0, MaxJsonInteger)
          && reader.number("recvSize", &tcp.recvSize, 1, 16 * 1024 * 1024)
          && reader.socketSettings(SocketKind::Stream, &tcp.socketOptions, &tcp.localAddress);
        if (ok) {
            const std::optional<StopRule> rule = StopRule::parse(until);
            if (rule)
                tcp.stopRule = *rule;
            else
                ok = reader.fail("until");
        }
        if (ok && request->kind == SavedRequest::Kind::Tls) {
            tcp.tls.enabled = true;
            if (!readTls(reader, &tcp.tls, field, prefix))
                return false;
        }
    }
    if (!ok)
        *field = reader.field;
    return ok;
}

} // namespace

QJsonValue bytesValue(const QByteArray &bytes)
{
    QJsonObject object;
    if (isPlainText(bytes))
        object.insert(QStringLiteral("text"), QString::fromUtf8(bytes));
    else
        object.insert(QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64()));
    return object;
}

bool readBytes(const QJsonValue &value, QByteArray *bytes)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || object.size() != 1)
        return false;
    if (const QJsonValue text = object.value(QLatin1StringView("text")); text.isString()) {
        *bytes = text.toString().toUtf8();
        return true;
    }
    if (const QJsonValue base64 = object.value(QLatin1StringView("base64")); base64.isString()) {
        const auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        *bytes = *decoded;
        return true;
    }
    return false;
}

QByteArray write(const Collection &collection)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), FormatName);
    root.insert(QStringLiteral("version"), Version);
    root.insert(QStringLiteral("name"), collection.name);
    QJsonArray requests;
    for (const SavedRequest &request : collection.requests)
        requests.append(writeRequest(request));
    root.insert(QStringLiteral("requests"), requests);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Collection read(const QByteArray &json, CollectionError *error)
{
    *error = {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = {CollectionError::Kind::BadJson, {}, 0, 0,
                  parseError.errorString() + QStringLiteral(" @%1").arg(parseError.offset)};
        return {};
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1StringView("format")).toString() != FormatName) {
        *error = {CollectionError::Kind::NotACollection, {}, 0, 0, {}};
        return {};
    }
    const QJsonValue version = root.value(QLatin1StringView("version"));
    if (version.toInt(-1) != Version) {
        *error = {CollectionError::Kind::UnsupportedVersion, {}, 0, 0,
                  QString::fromUtf8(QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)};
        return {};
    }
    Collection collection;
    collection.name = root.value(QLatin1StringView("name")).toString();
    const QJsonArray requests = root.value(QLatin1StringView("requests")).toArray();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        SavedRequest request;
        QString field;
        if (!readRequest(requests.at(i), int(i), &request, &field)) {
            *error = {CollectionError::Kind::BadField, {}, 0, 0, field};
            return {};
        }
        collection.requests.append(request);
    }
    return collection;
}

} // namespace SocketLab::CollectionJson
