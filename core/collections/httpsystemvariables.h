#pragma once

#include "collections/httpenvironment.h"
#include "collections/httpvariableresolution.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace SocketLab {

// The system (dynamic) variables of both tools, their values made when a request is read:
// REST Client's {{$guid}}, {{$randomInt MIN MAX}}, {{$timestamp [OFFSET UNIT]}},
// {{$datetime rfc1123|iso8601|"FORMAT" [OFFSET UNIT]}}, {{$localDatetime ...}},
// {{$processEnv [%]NAME}}, {{$dotenv [%]NAME}} (a .env file beside the .http file), and JetBrains'
// {{$uuid}}, {{$random.uuid}}, {{$timestamp}}, {{$isoTimestamp}}, {{$randomInt}},
// {{$random.integer(FROM, TO)}}, {{$random.alphabetic(N)}}, {{$random.alphanumeric(N)}},
// {{$random.hexadecimal(N)}}, {{$env.NAME}}.
struct SystemVariableContext
{
    QString directory;              // where .env is read; empty: $dotenv has no file
    HttpVariables variables;        // for the "%" of $processEnv and $dotenv: a variable naming the name
    std::optional<QDateTime> now;   // the clock (tests set it); none: the current time
};

// A name starting with "$": its value, or an error (UnknownSystemVariable, BadSystemVariable,
// MissingProcessVariable, MissingDotenvVariable). Any other name is not one of these.
VariableResolution resolveSystemVariable(const QString &name, const SystemVariableContext &context);

} // namespace SocketLab
