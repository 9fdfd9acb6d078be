#pragma once

#include "collections/httpenvironment.h"
#include "collections/httpvariableresolution.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace SocketLab {

// The system (dynamic) variables of both tools, their values made when a request is read:
// REST Client's {{$guid}}, {{$randomInt MIN MAX}}, {{$timestamp [OFFSET UNIT]}},
// {{$datetime rfc1123|iso8601|"FORMAT" [OFFSET UNIT]}}, {{$localDatetime ...}},
// {{$processEnv [%]NAME}}, {{$dotenv [%]NAME}} (a .env file beside the .http file), and JetBrains'
// {{$uuid}}, {{$random.uuid}}, {{$timestamp}}, {{$isoTimestamp}}, {{$randomInt}},
// {{$random.integer(FROM, TO)}}, {{$random.alphabetic(N)}}, {{$random.alphanumeric(N)}},
// {{$random.hexadecimal(N)}}, {{$env.NAME}}.
// A .env past this is refused: it holds a few KEY=VALUE lines, never a whole disk.
inline constexpr qint64 MaxDotenvBytes = 1024 * 1024;

// The .env beside the .http file, read once for all the {{$dotenv}} of one reading of the file.
struct DotenvFile
{
    bool read = false;     // looked for already
    bool usable = true;    // false: not a regular file, or past MaxDotenvBytes
    QHash<QString, QString> values;
};

struct SystemVariableContext
{
    QString directory;              // where .env is read; empty: $dotenv has no file
    HttpVariables variables;        // for the "%" of $processEnv and $dotenv: a variable naming the name
    std::optional<QDateTime> now;   // the clock (tests set it); none: the current time
    // Shared by the copies of the context made for one reading; none: the .env is read at each use.
    std::shared_ptr<DotenvFile> dotenv;
};

// A name starting with "$": its value, or an error (UnknownSystemVariable, BadSystemVariable,
// MissingProcessVariable, MissingDotenvVariable, DotenvUnusable). Any other name is not one of these.
VariableResolution resolveSystemVariable(const QString &name, const SystemVariableContext &context);

} // namespace SocketLab
