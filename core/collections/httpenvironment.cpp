#include "httpenvironment.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SocketLab::HttpEnvironment {

namespace {

bool parseObject(const QByteArray &json, const QString &fileName, QJsonObject *object, CollectionError *error)
{
    if (json.trimmed().isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = {CollectionError::Kind::BadEnvironmentFile, fileName, 0, 0,
                  parseError.error != QJsonParseError::NoError ? parseError.errorString() : QString()};
        return false;
    }
    *object = document.object();
    return true;
}

// Strings as they are, numbers and booleans as JSON writes them; anything else cannot stand in a request.
bool addValues(const QJsonValue &environment, const QString &fileName, const QString &name, HttpVariables *variables,
               CollectionError *error)
{
    if (environment.isUndefined())
        return true;
    if (!environment.isObject()) {
        *error = {CollectionError::Kind::BadEnvironmentFile, fileName, 0, 0, name};
        return false;
    }
    const QJsonObject object = environment.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            variables->insert(it.key(), value.toString());
        else if (value.isBool())
            variables->insert(it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (value.isDouble())
            variables->insert(it.key(), QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
        else {
            *error = {CollectionError::Kind::BadEnvironmentFile, fileName, 0, 0, name + QLatin1Char('.') + it.key()};
            return false;
        }
    }
    return true;
}

QByteArray readIfPresent(const QString &path, CollectionError *error)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {CollectionError::Kind::ReadFailed, path, 0, 0, file.errorString()};
        return {};
    }
    return file.readAll();
}

} // namespace

HttpVariables fromJson(const QByteArray &publicJson, const QByteArray &privateJson, const QString &name,
                       CollectionError *error)
{
    *error = {};
    QJsonObject publicObject, privateObject;
    if (!parseObject(publicJson, PublicFileName, &publicObject, error)
        || !parseObject(privateJson, PrivateFileName, &privateObject, error))
        return {};
    if (name != QLatin1StringView("$shared") && !publicObject.contains(name) && !privateObject.contains(name)) {
        *error = {CollectionError::Kind::UnknownEnvironment, {}, 0, 0, name};
        return {};
    }
    HttpVariables variables;
    const QString shared = QStringLiteral("$shared");
    if (!addValues(publicObject.value(shared), PublicFileName, shared, &variables, error)
        || !addValues(privateObject.value(shared), PrivateFileName, shared, &variables, error)
        || !addValues(publicObject.value(name), PublicFileName, name, &variables, error)
        || !addValues(privateObject.value(name), PrivateFileName, name, &variables, error))
        return {};
    return variables;
}

HttpVariables load(const QString &directory, const QString &name, CollectionError *error)
{
    *error = {};
    const QDir dir(directory);
    const QByteArray publicJson = readIfPresent(dir.filePath(PublicFileName), error);
    if (error->isError())
        return {};
    const QByteArray privateJson = readIfPresent(dir.filePath(PrivateFileName), error);
    if (error->isError())
        return {};
    return fromJson(publicJson, privateJson, name, error);
}

QStringList names(const QByteArray &publicJson, const QByteArray &privateJson)
{
    QStringList result;
    for (const QByteArray &json : {publicJson, privateJson}) {
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        for (const QString &key : object.keys()) {
            if (key != QLatin1StringView("$shared") && !result.contains(key))
                result.append(key);
        }
    }
    result.sort();
    return result;
}

} // namespace SocketLab::HttpEnvironment

namespace SocketLab {

namespace {

// Values may hold variables too ({{base}} = http://{{host}}); a chain this deep is a loop.
constexpr int MaxNesting = 16;
// A file can define values that double at each level ({{a1}} = {{a0}}{{a0}}, ...): sixteen levels of
// ten copies would be 10^16 characters. Past this, the text is refused, never built.
constexpr qsizetype MaxExpandedChars = 32 * 1024 * 1024;

bool breaksLine(const QString &value)
{
    return value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')) || value.contains(QChar(0));
}

QString substitute(const QString &text, const HttpVariables &variables, const VariableResolver &resolver, int depth,
                   const SubstitutionRules &rules, qsizetype limit, QString *problem, CollectionError::Kind *kind, qsizetype *at)
{
    QString result;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1StringView("{{"), from);
        if (open < 0)
            break;
        *at = open;
        const qsizetype close = text.indexOf(QLatin1StringView("}}"), open + 2);
        if (close < 0) {
            *kind = CollectionError::Kind::UnterminatedVariable;
            return {};
        }
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        const auto value = variables.constFind(name);
        QString expanded;
        if (value == variables.constEnd()) {
            // A made value (a GUID, a reply's field) is put in as it is, never read for variables.
            const VariableResolution resolved = resolver ? resolver(name) : VariableResolution::notMine();
            if (resolved.outcome != VariableResolution::Outcome::Value) {
                const bool mine = resolved.outcome == VariableResolution::Outcome::Error;
                *kind = mine ? resolved.error : CollectionError::Kind::UndefinedVariable;
                *problem = mine ? resolved.detail : name;
                return {};
            }
            expanded = resolved.value;
        } else if (depth >= MaxNesting) {
            *kind = CollectionError::Kind::VariableLoop;
            *problem = name;
            return {};
        } else {
            qsizetype inner = 0;
            expanded = value->contains(QLatin1StringView("{{"))
                           ? substitute(*value, variables, resolver, depth + 1, rules, limit, problem, kind, &inner) : *value;
        }
        if (*kind != CollectionError::Kind::None)
            return {};
        if (rules.singleLine && breaksLine(expanded)) {
            *kind = CollectionError::Kind::VariableBreaksLine;
            *problem = name;
            return {};
        }
        if (result.size() + (open - from) + expanded.size() > limit) {
            *kind = CollectionError::Kind::VariablesTooLarge;
            *problem = name;
            return {};
        }
        result += QStringView(text).mid(from, open - from);
        result += expanded;
        from = close + 2;
    }
    result += QStringView(text).mid(from);
    return result;
}

} // namespace

QString substituteVariables(const QString &text, const HttpVariables &variables, int line, int firstColumn,
                            CollectionError *error)
{
    return substituteVariables(text, variables, VariableResolver(), line, firstColumn, error);
}

QString substituteVariables(const QString &text, const HttpVariables &variables, const VariableResolver &resolver,
                            int line, int firstColumn, CollectionError *error)
{
    return substituteVariables(text, variables, resolver, line, firstColumn, SubstitutionRules(), error);
}

QString substituteVariables(const QString &text, const HttpVariables &variables, const VariableResolver &resolver,
                            int line, int firstColumn, const SubstitutionRules &rules, CollectionError *error)
{
    QString problem;
    CollectionError::Kind kind = CollectionError::Kind::None;
    qsizetype at = 0;
    const qsizetype limit = rules.budget ? qMin(MaxExpandedChars, *rules.budget) : MaxExpandedChars;
    // `at` is where this line uses the variable, even when the name lacking a value is in that
    // variable's own value.
    const QString result = substitute(text, variables, resolver, 0, rules, limit, &problem, &kind, &at);
    if (kind == CollectionError::Kind::None && result.size() > limit) {
        // The text's own characters, past what the variables left of the budget.
        kind = CollectionError::Kind::VariablesTooLarge;
        at = 0;
    }
    if (kind != CollectionError::Kind::None) {
        *error = {kind, {}, line, firstColumn + int(at), problem};
        return {};
    }
    if (rules.budget)
        *rules.budget -= result.size();
    return result;
}

} // namespace SocketLab
