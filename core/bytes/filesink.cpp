#include "filesink.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace SocketLab {

namespace {

// Large enough that a fast transfer costs few write() calls, small enough to stay in cache.
constexpr qint64 BufferSize = 256 * 1024;

} // namespace

FileSink::~FileSink()
{
    close();
}

bool FileSink::open(const QString &path)
{
    close();
    m_size.store(0, std::memory_order_relaxed);
    m_segmentStart = 0;
    m_segments.clear();
    m_errno = 0;
    const QByteArray name = QFile::encodeName(path);
    do {
        m_fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    } while (m_fd < 0 && errno == EINTR);
    if (m_fd < 0) {
        m_errno = errno;
        return false;
    }
    return true;
}

bool FileSink::attach(int fd)
{
    close();
    m_size.store(0, std::memory_order_relaxed);
    m_segmentStart = 0;
    m_segments.clear();
    m_errno = fd < 0 ? EBADF : 0;
    if (fd < 0)
        return false;
    m_fd = fd;
    m_ownsFd = false;
    return true;
}

bool FileSink::close()
{
    // Not retried on EINTR: Linux releases the descriptor even then, and a retry could close a
    // descriptor another thread has just been given.
    if (m_fd >= 0 && m_ownsFd && ::close(m_fd) != 0 && m_errno == 0)
        m_errno = errno;
    m_fd = -1;
    m_ownsFd = true;
    return m_errno == 0;
}

std::span<char> FileSink::writableSpan(qint64 want)
{
    if (!m_buffer)
        m_buffer = std::make_unique_for_overwrite<char[]>(size_t(BufferSize));
    return {m_buffer.get(), size_t(qBound<qint64>(1, want, BufferSize))};
}

bool FileSink::commit(qint64 n)
{
    // Once a write has failed the file has a hole; writing on would put later bytes at the wrong
    // offsets, so the sink stays failed until it is opened again.
    if (m_errno != 0)
        return false;
    if (m_fd < 0) {
        m_errno = EBADF;
        return false;
    }
    n = qBound<qint64>(0, n, m_buffer ? BufferSize : 0);
    qint64 done = 0;
    while (done < n) {
        const ssize_t written = ::write(m_fd, m_buffer.get() + done, size_t(n - done));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            m_errno = errno;
            grow(done);
            return false;
        }
        // write() returning 0 for a non-empty buffer reports no error yet makes no progress:
        // retrying would spin for ever.
        if (written == 0) {
            m_errno = EIO;
            grow(done);
            return false;
        }
        done += written;
    }
    grow(n);
    return true;
}

void FileSink::grow(qint64 n)
{
    m_size.store(m_size.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
}

void FileSink::endSegment(qint64 timeUs)
{
    const qint64 size = m_size.load(std::memory_order_relaxed);
    m_segments.append(Segment{m_segmentStart, size - m_segmentStart, timeUs});
    m_segmentStart = size;
}

} // namespace SocketLab
