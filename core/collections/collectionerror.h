#pragma once

#include <QString>
#include <QStringList>

namespace SocketLab {

// Why a .http file, a collection file or an environment file cannot be read or written, and where:
// a value, turned into a sentence by text/collectiontext.h.
struct CollectionError
{
    enum class Kind {
        None,
        // .http files
        NoRequestLine,        // a request block has headers or a body but no request line
        BadRequestLine,       // detail: the line
        BadUrl,               // detail: the URL (after substitution)
        NoHost,               // the URL is a path and no Host header names the server
        BadHeader,            // a header line without a colon; detail: the line
        UndefinedVariable,    // detail: the variable's name
        UnterminatedVariable, // "{{" without "}}"
        VariableLoop,         // variables whose values use each other without end; detail: one of them
        VariablesTooLarge,    // the values, put in, make a text past MaxExpandedChars; detail: the variable
        VariableBreaksLine,   // a value with CR, LF or NUL put in the request line or a header; detail: the variable
        FileRequestsTooLarge, // the requests before it, read whole, already take MaxHttpFileBytes
        BadSocketLabLine,     // a "# @socketlab-..." line SocketLab cannot read; detail: the line
        BadExactBytes,        // the base64 of @socketlab-bytes is not base64
        EditedAfterExact,     // the text no longer matches the exact bytes it stands for
        BodyFileUnreadable,   // "< path": detail the path as written, systemText why
        BodyFileTooLarge,     // "< path" past MaxBodyFileBytes; detail the path
        BodyFileNoFolder,     // "< path" in a text read from no file, so no folder to find it in
        BodyFileNotRegular,   // "< path" names a FIFO, a device, a folder...; detail the path
        BodyFileEncoding,     // "<@latin1 path" (an encoding SocketLab does not convert), or "<@ path" not UTF-8; detail the path
        UnknownSystemVariable, // {{$name}} neither tool defines; detail $name
        BadSystemVariable,    // {{$randomInt x}} and the like; detail the variable as written
        MissingProcessVariable, // {{$processEnv NAME}}: NAME not set; detail NAME
        MissingDotenvVariable,  // {{$dotenv NAME}}: no .env beside the file, or NAME not in it; detail NAME
        DotenvUnusable,       // {{$dotenv NAME}}: the .env is not a regular file or is past MaxDotenvBytes; detail NAME
        RequestNotSent,       // {{login.response...}}: "login" not sent yet; detail login
        RequestValueMissing,  // the header or JSONPath names nothing in it; detail the variable
        RequestBodyNotJson,   // a JSONPath in a body that is not JSON; detail the variable
        RequestBodyIncomplete, // {{x.response.body...}}: that reply's body was cut or did not all come; detail the variable
        RequestReplyFailed,   // {{x.response...}}: the last send of x failed, no reply to read; detail x
        RequestCycle,         // requests that need each other's replies; choices their names in order
        NotHttp,              // writing: the request cannot be an .http request; detail: its name
        // Collection JSON
        BadJson,              // detail: the JSON parser's words
        NotACollection,       // no "format": "socketlab-collection"
        UnsupportedVersion,   // detail: the version found
        BadField,             // detail: the field, e.g. "requests[2].until"
        // Environment file
        BadEnvironmentFile,   // detail: the JSON parser's words or what is wrong
        UnknownEnvironment,   // detail: the environment's name
        EnvironmentNotHttp,   // an environment named for a collection JSON, which has no variables
        // Files
        ReadFailed,           // detail: the system's words
        WriteFailed,          // detail: the system's words
        // Running
        NoSuchRequest,        // detail: the name asked for
        AmbiguousRequest,     // several requests and none named (choices)
        DuplicateName,        // detail: the name given to several requests
    };
    CollectionError() = default;
    CollectionError(Kind kind, QString file, int line, int column, QString detail = {}, QStringList choices = {})
        : kind(kind), file(std::move(file)), line(line), column(column), detail(std::move(detail)), choices(std::move(choices))
    {
    }

    Kind kind = Kind::None;
    QString file;     // empty when not from a file
    int line = 0;     // 1-based; 0: the whole file
    int column = 0;   // 1-based, in characters of the line; 0: the whole line
    QString detail;
    QStringList choices;  // NoSuchRequest, AmbiguousRequest: the names of the requests there are
    QString systemText;   // BodyFileUnreadable: the system's words

    bool isError() const { return kind != Kind::None; }
};

} // namespace SocketLab
