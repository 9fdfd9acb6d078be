#pragma once

#include <QByteArray>
#include <QString>

namespace SocketLab {

// A file a .http file names (a "< body", the .env of {{$dotenv}}), read only when it is a regular
// file once its links are followed, and never past maxBytes: "< /dev/stdin", a FIFO or
// ".env -> /dev/zero" neither blocks the reader nor fills its memory.
struct RegularFileRead
{
    enum class Outcome { Read, NotRegular, TooLarge, Failed };
    Outcome outcome = Outcome::Failed;
    QByteArray bytes;    // Read: the whole file
    QString systemText;  // Failed: the system's words
};

RegularFileRead readRegularFile(const QString &path, qint64 maxBytes);

} // namespace SocketLab
