#pragma once

#include "collections/collectionerror.h"
#include "collections/httpvariableresolution.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace SocketLab {

using HttpVariables = QHash<QString, QString>;

// The variables of one environment of JetBrains' HTTP Client files: http-client.env.json, and
// http-client.private.env.json beside it for secrets kept out of git, each `{ "dev": { "host": "..." } }`
// with an optional "$shared" environment that every other one extends.
namespace HttpEnvironment {

inline constexpr QLatin1StringView PublicFileName("http-client.env.json");
inline constexpr QLatin1StringView PrivateFileName("http-client.private.env.json");

// The variables of environment `name`: $shared, then the environment, the private file's values
// over the public file's. Either JSON may be empty (no such file). An unknown name is an error.
HttpVariables fromJson(const QByteArray &publicJson, const QByteArray &privateJson, const QString &name,
                       CollectionError *error);
// The environment files in `directory` (the .http file's), read as fromJson() does.
HttpVariables load(const QString &directory, const QString &name, CollectionError *error);
// The environments the files define, $shared left out, sorted.
QStringList names(const QByteArray &publicJson, const QByteArray &privateJson);

} // namespace HttpEnvironment

// {{name}} replaced by its value (spaces inside the braces ignored, as both tools do). A name with
// no value is an error naming it, at `line` and the column of its "{{".
QString substituteVariables(const QString &text, const HttpVariables &variables, int line, int firstColumn,
                            CollectionError *error);
// The same, a name without a value asked of `resolver` ({{$guid}}, {{login.response.body.$.id}}).
QString substituteVariables(const QString &text, const HttpVariables &variables, const VariableResolver &resolver,
                            int line, int firstColumn, CollectionError *error);

// What a request's text may become once its variables are put in.
struct SubstitutionRules
{
    // The request line or a header: a value holding CR, LF or NUL would end the line and start
    // another one (a header the server's reply chose), so it is refused (VariableBreaksLine).
    bool singleLine = false;
    // Characters the whole request may still take (one budget for all its lines, its body files
    // too); each substitution takes what it made. None: each text on its own, up to the cap.
    qsizetype *budget = nullptr;
};
QString substituteVariables(const QString &text, const HttpVariables &variables, const VariableResolver &resolver,
                            int line, int firstColumn, const SubstitutionRules &rules, CollectionError *error);

} // namespace SocketLab
