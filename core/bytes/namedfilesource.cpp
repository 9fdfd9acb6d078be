#include "namedfilesource.h"

#include "filebackedsource.h"

namespace SocketLab {

NamedFileSource::NamedFileSource(const QString &path, qint64 size)
    : m_path(path)
    , m_size(size)
{
}

QByteArray NamedFileSource::read(qint64 offset, qint64 len) const
{
    if (offset < 0 || len <= 0 || offset >= m_size)
        return {};
    return FileBackedSource(m_path).read(offset, qMin(len, m_size - offset));
}

} // namespace SocketLab
