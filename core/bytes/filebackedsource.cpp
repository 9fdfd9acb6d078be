#include "filebackedsource.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SocketLab {

FileBackedSource::FileBackedSource(const QString &path)
    : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC))
{
}

FileBackedSource::FileBackedSource(int fd)
    : m_fd(fd)
{
}

FileBackedSource::~FileBackedSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 FileBackedSource::size() const
{
    struct stat info {};
    return m_fd >= 0 && ::fstat(m_fd, &info) == 0 ? qint64(info.st_size) : 0;
}

QByteArray FileBackedSource::read(qint64 offset, qint64 len) const
{
    if (m_fd < 0 || offset < 0 || len <= 0)
        return {};
    QByteArray data(qsizetype(qMin<qint64>(len, 64 * 1024 * 1024)), Qt::Uninitialized);
    qint64 done = 0;
    // pread() leaves no shared file position, so the hex view may read while others do.
    while (done < data.size()) {
        const ssize_t n = ::pread(m_fd, data.data() + done, size_t(data.size() - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    data.truncate(qsizetype(done));
    return data;
}

} // namespace SocketLab
