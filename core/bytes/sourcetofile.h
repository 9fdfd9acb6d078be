#pragma once

#include "bytesource.h"

#include "net/neterror.h"
#include "tmpfilemode.h"

#include <QString>

#include <functional>
#include <memory>

namespace SocketLab {

// Writes every byte of source to path, a few MiB at a time, so a 1 GiB reply is never copied whole.
// Through QSaveFile: the bytes go to a new file beside path that replaces it only once complete, so
// a crash or a full disk never leaves a half-written file, and a file path named before stays as it was.
// Blocking: call it off the GUI thread. A NetError of kind File naming path and the failed call, or
// no error.
NetError writeSourceToFile(const ByteSource &source, const QString &path);

// Takes the bytes to write, a piece at a time: 0, or the errno of the write that failed.
using FileWriter = std::function<int(const char *data, qint64 size)>;
// Writes to path, as writeSourceToFile() does, whatever produce hands to its writer: produce returns
// 0 once everything is written, else the first nonzero errno it had (and stops there), and the
// earlier file at path is left whole. For what is made while it is written (a transcript).
NetError writeToFile(const QString &path, const std::function<int(const FileWriter &write)> &produce);

// A copy of source in a temporary file of dir that never has a name once a byte is in it (O_TMPFILE,
// or, where the file system has no O_TMPFILE or mode says Never, a name "socketlab-reply-XXXXXX"
// unlinked before the first byte): the file goes when the returned source does, even if the program
// is killed at any moment. nullptr with *error set (naming dir) if it failed.
std::shared_ptr<const ByteSource> moveToTemporaryFile(const ByteSource &source, const QString &dir, NetError *error,
                                                      TmpFileMode mode = TmpFileMode::WhereSupported);

} // namespace SocketLab
