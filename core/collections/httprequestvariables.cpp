#include "httprequestvariables.h"

#include "bytes/bytestore.h"
#include "http/httpbodydecoder.h"
#include "http/httpresponseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace SocketLab {

struct ParsedHttpMessage
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool bodyWhole = true;
    // The body as JSON, parsed at its first JSONPath.
    bool jsonParsed = false;
    bool isJson = false;
    QJsonValue json;
};

namespace {

using Kind = CollectionError::Kind;
using Message = ParsedHttpMessage;

Message parseRequest(const QByteArray &bytes)
{
    Message message;
    qsizetype end = bytes.indexOf("\r\n\r\n");
    qsizetype bodyStart = end + 4;
    if (end < 0) {
        end = bytes.indexOf("\n\n");
        bodyStart = end + 2;
    }
    if (end < 0)
        end = bodyStart = bytes.size();
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            message.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    message.body = bytes.mid(bodyStart);
    return message;
}

Message parseReply(const QByteArray &bytes, bool whole)
{
    Message message;
    HttpResponseParser parser;
    parser.feed(bytes);
    parser.finish();
    for (const HttpHeader &header : parser.headers())
        message.headers.append({header.name, header.value});
    ByteStore store;
    store.append(bytes.constData(), bytes.size(), 0);
    HttpBodyDecoder::Options options;
    options.cap = MaxReplyBodyBytes;
    options.keepLimit = MaxReplyBodyBytes;
    const HttpBody body = HttpBodyDecoder::decode(parser, store, options);
    message.body = body.kept;
    message.bodyWhole = whole && body.complete && !body.capReached && !body.keptCut && !body.inputCut;
    return message;
}

// "$.a.b[0]['c d']": the value it names, or none.
std::optional<QJsonValue> follow(const QJsonValue &root, const QString &path)
{
    if (!path.startsWith(QLatin1Char('$')))
        return std::nullopt;
    QJsonValue value = root;
    qsizetype i = 1;
    while (i < path.size()) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.')) {
            qsizetype end = i + 1;
            while (end < path.size() && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
                ++end;
            const QString key = path.mid(i + 1, end - i - 1);
            if (key.isEmpty() || !value.isObject() || !value.toObject().contains(key))
                return std::nullopt;
            value = value.toObject().value(key);
            i = end;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return std::nullopt;
            const QString inside = path.mid(i + 1, close - i - 1).trimmed();
            if (inside.size() >= 2 && (inside.startsWith(QLatin1Char('\'')) || inside.startsWith(QLatin1Char('"')))) {
                const QString key = inside.mid(1, inside.size() - 2);
                if (!value.isObject() || !value.toObject().contains(key))
                    return std::nullopt;
                value = value.toObject().value(key);
            } else {
                bool ok = false;
                const int index = inside.toInt(&ok);
                if (!ok || !value.isArray() || index < 0 || index >= value.toArray().size())
                    return std::nullopt;
                value = value.toArray().at(index);
            }
            i = close + 1;
        } else {
            return std::nullopt;
        }
    }
    return value;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A number, true, false or null as JSON writes it.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

} // namespace

VariableResolution resolveRequestVariable(const QString &name, const QSet<QString> &names, const SentHttpRequests &sent,
                                          RequestVariableCache *cache)
{
    const QStringList parts = name.split(QLatin1Char('.'));
    if (parts.size() < 4 || !names.contains(parts.at(0))
        || (parts.at(1) != QLatin1StringView("request") && parts.at(1) != QLatin1StringView("response"))
        || (parts.at(2) != QLatin1StringView("body") && parts.at(2) != QLatin1StringView("headers")))
        return VariableResolution::notMine();
    const QString &request = parts.at(0);
    const auto found = sent.constFind(request);
    if (found == sent.constEnd())
        return VariableResolution::failed(Kind::RequestNotSent, request);
    const bool ofRequest = parts.at(1) == QLatin1StringView("request");
    if (!ofRequest && found->failed)
        return VariableResolution::failed(Kind::RequestReplyFailed, request);
    const QString key = request + (ofRequest ? QStringLiteral(".request") : QStringLiteral(".response"));
    std::shared_ptr<Message> parsed = cache ? cache->value(key) : nullptr;
    if (!parsed) {
        parsed = std::make_shared<Message>(ofRequest ? parseRequest(found->request) : parseReply(found->reply, found->replyWhole));
        if (cache)
            cache->insert(key, parsed);
    }
    Message &message = *parsed;
    // What follows "body." or "headers.", dots included ("$.a.b", "X-Token").
    const QString selector = name.mid(parts.at(0).size() + parts.at(1).size() + parts.at(2).size() + 3);
    if (parts.at(2) == QLatin1StringView("headers")) {
        QStringList values;
        for (const auto &[header, value] : message.headers) {
            if (QString::fromLatin1(header).compare(selector, Qt::CaseInsensitive) == 0)
                values.append(QString::fromUtf8(value));
        }
        if (values.isEmpty())
            return VariableResolution::failed(Kind::RequestValueMissing, name);
        return VariableResolution::of(values.join(QStringLiteral(", ")));
    }
    if (!message.bodyWhole)
        return VariableResolution::failed(Kind::RequestBodyIncomplete, name);
    if (selector == QLatin1StringView("*"))
        return VariableResolution::of(QString::fromUtf8(message.body));
    if (!message.jsonParsed) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(message.body, &error);
        message.jsonParsed = true;
        message.isJson = error.error == QJsonParseError::NoError;
        if (message.isJson)
            message.json = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    if (!message.isJson)
        return VariableResolution::failed(Kind::RequestBodyNotJson, name);
    const std::optional<QJsonValue> value = follow(message.json, selector);
    if (!value)
        return VariableResolution::failed(Kind::RequestValueMissing, name);
    return VariableResolution::of(jsonText(*value));
}

} // namespace SocketLab
