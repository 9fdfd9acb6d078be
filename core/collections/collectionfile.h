#pragma once

#include "collections/httpfile.h"

#include <QByteArray>
#include <QString>

namespace SocketLab::CollectionFile {

// Written whole or not at all (QSaveFile: a new file renamed over the old one once complete), so a
// crash or a full disk never leaves half a collection.
bool writeAtomically(const QString &path, const QByteArray &bytes, CollectionError *error);
QByteArray read(const QString &path, CollectionError *error);

// Whether path names a .http file (.http or .rest, as both tools name them) rather than a collection JSON.
bool isHttpFile(const QString &path);
// The collection to path, as a .http file or a collection JSON by isHttpFile(); nothing is written
// when a request cannot be written exactly (*error names it).
bool save(const QString &path, const Collection &collection, CollectionError *error);

// The requests of a .http file (with environment `environmentName` from the env files beside it, if
// given) or of a collection JSON file (any other name), each with its own error for a .http file.
// *error: the file as a whole cannot be read, or an environment is named for a collection JSON.
// `sent`: the named requests sent already, for the request variables of a .http file. `only`: the
// request about to be sent, the only one whose body is read (HttpFileContext::only); empty: all.
QList<HttpFileEntry> load(const QString &path, const QString &environmentName, CollectionError *error,
                          const SentHttpRequests &sent = {}, const QString &only = {});

} // namespace SocketLab::CollectionFile
