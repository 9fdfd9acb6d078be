#pragma once

#include "collections/httpvariableresolution.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

namespace SocketLab {

// A named request that was sent: the bytes that went and the reply that came back, for REST
// Client's request variables.
struct SentHttpRequest
{
    QByteArray request;
    QByteArray reply;
    // False: `reply` is only the first part of what came (kept under a cap), so its body is not whole
    // even when its framing seems to end (a body read until close).
    bool replyWhole = true;
    // The exchange failed and `reply` is empty: said when a variable reads it (the GUI keeps the last
    // reply that came, or this).
    bool failed = false;
};

using SentHttpRequests = QHash<QString, SentHttpRequest>;

// The parse of each sent request and reply, and of its JSON body, made once for all the variables of
// one reading of a file: a 20 MB reply used by 1000 variables is parsed once, not 1000 times.
struct ParsedHttpMessage;
using RequestVariableCache = QHash<QString, std::shared_ptr<ParsedHttpMessage>>;

// REST Client's {{NAME.(request|response).(body|headers).(*|$.JSON.path|Header-Name)}}: NAME one of
// `names` (the file's named requests). Its value comes from `sent`; a named request not sent yet is
// RequestNotSent (detail: NAME), which the caller answers by sending it first. The body of a reply is
// taken with its chunked framing removed and its Content-Encoding undone. JSONPath: $, .key, [n],
// ['key'] and ["key"]; a string is put in as it is, anything else as compact JSON. A body that did not
// come whole (cut at MaxReplyBodyBytes, or the reply ended before it) is RequestBodyIncomplete, never
// put in as if it were all. `cache`: where parses are kept between calls (none: each call parses).
VariableResolution resolveRequestVariable(const QString &name, const QSet<QString> &names, const SentHttpRequests &sent,
                                          RequestVariableCache *cache = nullptr);

// A reply's body past this is not put in a request: the same cap as the text a file's variables make.
inline constexpr qint64 MaxReplyBodyBytes = 32 * 1024 * 1024;

} // namespace SocketLab
