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

namespace {

using Kind = CollectionError::Kind;

// The same cap as the text a file's variables make: a reply's body past it is not put in a request.
constexpr qint64 MaxBodyBytes = 32 * 1024 * 1024;

struct Message
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

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

Message parseReply(const QByteArray &bytes)
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
    options.cap = MaxBodyBytes;
    options.keepLimit = MaxBodyBytes;
    message.body = HttpBodyDecoder::decode(parser, store, options).kept;
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

VariableResolution resolveRequestVariable(const QString &name, const QSet<QString> &names, const SentHttpRequests &sent)
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
    const Message message = parts.at(1) == QLatin1StringView("request") ? parseRequest(found->request) : parseReply(found->reply);
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
    if (selector == QLatin1StringView("*"))
        return VariableResolution::of(QString::fromUtf8(message.body));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(message.body, &error);
    if (error.error != QJsonParseError::NoError)
        return VariableResolution::failed(Kind::RequestBodyNotJson, name);
    const QJsonValue root = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    const std::optional<QJsonValue> value = follow(root, selector);
    if (!value)
        return VariableResolution::failed(Kind::RequestValueMissing, name);
    return VariableResolution::of(jsonText(*value));
}

} // namespace SocketLab
