#include "namedfilesource.h"

#include "filebackedsource.h"

#include <QFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    // Read from the GUI thread (a view scrolling): a file swapped for a FIFO or a link since it was
    // listed must not block it; only a regular file is read.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0)
        return {};
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return {};
    }
    return FileBackedSource(fd).read(offset, qMin(len, m_size - offset));
}

} // namespace SocketLab
