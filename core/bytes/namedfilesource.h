#pragma once

#include "bytesource.h"

#include <QString>

namespace SocketLab {

// A reply kept in a named file (the history's), opened for each read and closed after it: a history
// of thousands of entries holds no descriptor for replies nobody looks at. size is the file's size
// when the source was made; a file removed since (the history cleared) reads as nothing.
class NamedFileSource final : public ByteSource
{
public:
    NamedFileSource(const QString &path, qint64 size);

    QString path() const { return m_path; }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override;

private:
    QString m_path;
    qint64 m_size;
};

} // namespace SocketLab
