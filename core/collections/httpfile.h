#pragma once

#include "collections/collectionerror.h"
#include "collections/httpenvironment.h"
#include "collections/httprequestvariables.h"
#include "collections/savedrequest.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace SocketLab {

// What a request block holds that SocketLab reads but does not do: said once per request and kind
// when it is sent, never an error (the file stays as it is, for the tools that run them).
struct HttpFileNotice
{
    enum class Kind {
        HandlerNotRun,      // JetBrains' "> {% ... %}" or "> handler.js": JavaScript is not run
        PreRequestNotRun,   // JetBrains' "< {% ... %}" before the request line
        AssertionsNotRun,   // "?? status == 200" lines (httpyac)
        ResponseNotSaved,   // JetBrains' ">> file" and ">>! file"
    };
    Kind kind;
    int line = 0;
    friend bool operator==(const HttpFileNotice &, const HttpFileNotice &) = default;
};

// One request block of a .http file: the request, or why it cannot be read. Its name is known even
// when the rest fails, so that a caller can run another request of the file.
struct HttpFileEntry
{
    SavedRequest request;
    CollectionError error;
    int line = 0;  // 1-based: where the block's request line is (or the block begins)
    QList<HttpFileNotice> notices;
    // HttpFileContext::only named another request: this one's body (its files, its variables) was not
    // read, so its payload is not what it would send.
    bool bodyLeftOut = false;
};

// Where a .http file's text is read from, and what its requests may use besides their own text.
struct HttpFileContext
{
    HttpVariables environment;
    // The .http file's folder: "< ./body.json" bodies and the .env of {{$dotenv}} are found there.
    // Empty (a text from no file): a "< path" body is an error.
    QString directory;
    SentHttpRequests sent;          // named requests sent already, for {{login.response...}}
    std::optional<QDateTime> now;   // the clock of {{$timestamp}} and the like (tests); none: now
    // The request about to be sent (its name, or folders and name "api/login"): only its body is read,
    // body files and all; the others' entries say bodyLeftOut. Empty: every body is read.
    QString only;
};

// A "< path" body file past this is refused: the same bound as the text variables make. It is the
// bound of a whole request too: its lines once their variables are put in, and its body files.
inline constexpr qint64 MaxBodyFileBytes = 32 * 1024 * 1024;
// All the requests of one file read whole (every body, when HttpFileContext::only names none) take
// at most this: a file of a thousand requests with 32 MiB bodies would otherwise hold 32 GiB.
inline constexpr qint64 MaxHttpFileBytes = 256 * 1024 * 1024;

struct HttpFileParse
{
    QList<HttpFileEntry> entries;
};

// The request files of VS Code's REST Client and JetBrains' HTTP Client (docs/formats.md): blocks
// separated by `###`, `# @name`, comments `#` and `//`, file variables `@name = value`, {{variables}},
// a request line, headers up to a blank line, a body up to the next `###`. SocketLab's own
// `# @socketlab-...` lines (which those tools read as comments) carry what the format cannot: the exact
// bytes, the stop rule, the timeouts, TLS settings.
// Bodies from files ("< ./file.json" as its bytes are, "<@ ./file" with its {{variables}} put in),
// system variables ({{$guid}}...: httpsystemvariables.h), request variables
// ({{login.response.body.$.token}}: httprequestvariables.h); response handlers, pre-request scripts
// and assertions are kept out of the request and named in the entry's notices.
HttpFileParse parseHttpFile(const QString &text, const HttpVariables &environment = {});
HttpFileParse parseHttpFile(const QString &text, const HttpFileContext &context);

// The requests as a .http file, with LF line breaks. Each is written as text the other tools can
// send; when that text does not read back as exactly the request (its bytes, target, options), a
// `# @socketlab-...` line says the rest, so SocketLab reads back exactly what was saved. A request
// that is not an HTTP request over TCP or TLS cannot be written: *error names it.
QString writeHttpFile(const QList<SavedRequest> &requests, CollectionError *error);

} // namespace SocketLab
