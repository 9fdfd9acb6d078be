#pragma once

#include "collections/collectionerror.h"
#include "collections/savedrequest.h"

#include <QByteArray>
#include <QJsonValue>

namespace SocketLab {

// SocketLab's collection file (docs/formats.md): one JSON file per collection, any kind of request
// (TCP, TLS, UDP, conversation script), folders as paths, bytes exact.
namespace CollectionJson {

inline constexpr QLatin1StringView FormatName("socketlab-collection");
inline constexpr int Version = 1;

QByteArray write(const Collection &collection);
// The collection, or *error (the field that is wrong, with the request's index).
Collection read(const QByteArray &json, CollectionError *error);

// Bytes as {"text": ...} when they are valid UTF-8 without control characters other than tab, CR
// and LF (which JSON shows as \t \r \n), else {"base64": ...}.
QJsonValue bytesValue(const QByteArray &bytes);
// The bytes of such a value; false when it is neither form.
bool readBytes(const QJsonValue &value, QByteArray *bytes);

} // namespace CollectionJson

} // namespace SocketLab
