#pragma once

#include "collections/httpvariableresolution.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace SocketLab {

// A named request that was sent: the bytes that went and the reply that came back, for REST
// Client's request variables.
struct SentHttpRequest
{
    QByteArray request;
    QByteArray reply;
};

using SentHttpRequests = QHash<QString, SentHttpRequest>;

// REST Client's {{NAME.(request|response).(body|headers).(*|$.JSON.path|Header-Name)}}: NAME one of
// `names` (the file's named requests). Its value comes from `sent`; a named request not sent yet is
// RequestNotSent (detail: NAME), which the caller answers by sending it first. The body of a reply is
// taken with its chunked framing removed and its Content-Encoding undone. JSONPath: $, .key, [n],
// ['key'] and ["key"]; a string is put in as it is, anything else as compact JSON.
VariableResolution resolveRequestVariable(const QString &name, const QSet<QString> &names, const SentHttpRequests &sent);

} // namespace SocketLab
