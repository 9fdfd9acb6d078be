#pragma once

#include "bytesource.h"

#include <QString>

#include <memory>

namespace SocketLab {

// Writes every byte of source to path, a few MiB at a time, so a 1 GiB reply is never copied whole.
// Blocking: call it off the GUI thread. An empty string on success, else why it failed.
QString writeSourceToFile(const ByteSource &source, const QString &path);

// A copy of source in a temporary file of dir that has no name any more: the file goes when the
// returned source does, even if the program is killed. nullptr with *error set if it failed.
std::shared_ptr<const ByteSource> moveToTemporaryFile(const ByteSource &source, const QString &dir, QString *error);

} // namespace SocketLab
