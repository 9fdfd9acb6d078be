#include "filesink.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SocketLab {

namespace {

// Large enough that a fast transfer costs few write() calls, small enough to stay in cache.
constexpr qint64 BufferSize = 256 * 1024;

// A name next to target, hidden as editors' save files are, that no file is likely to have: the
// caller creates it with O_EXCL (or linkat(), which fails on EEXIST) and tries another if taken.
QByteArray siblingName(const QByteArray &target)
{
    const qsizetype slash = target.lastIndexOf('/');
    const QByteArray dir = target.left(slash + 1);
    const QByteArray base = target.mid(slash + 1);
    return dir + '.' + base + ".socketlab-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

QByteArray directoryOf(const QByteArray &target)
{
    const qsizetype slash = target.lastIndexOf('/');
    if (slash < 0)
        return QByteArrayLiteral(".");
    return slash == 0 ? QByteArrayLiteral("/") : target.left(slash);
}

// How many names siblingName() tries before giving up on a folder full of them.
constexpr int NameAttempts = 100;

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
    m_call.clear();
    const QByteArray name = QFile::encodeName(path);
    struct stat info;
    if (::stat(name.constData(), &info) == 0 && !S_ISREG(info.st_mode))
        return openDirect(name);
    if (::lstat(name.constData(), &info) == 0 && S_ISLNK(info.st_mode)) {
        // A link to a file: the file is replaced, the link stays (as QSaveFile does).
        char resolved[PATH_MAX];
        if (::realpath(name.constData(), resolved) == nullptr)
            return fail("realpath");
        return openUnnamed(QByteArray(resolved));
    }
    return openUnnamed(name);
}

bool FileSink::fail(const char *call)
{
    m_errno = errno != 0 ? errno : EIO;
    m_call = QString::fromLatin1(call);
    return false;
}

bool FileSink::openDirect(const QByteArray &path)
{
    do {
        m_fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    } while (m_fd < 0 && errno == EINTR);
    return m_fd >= 0 || fail("open");
}

bool FileSink::openUnnamed(const QByteArray &target)
{
    struct stat existing;
    const bool replacing = ::stat(target.constData(), &existing) == 0;
    // The file that takes the place of an earlier one keeps its permissions; a new one gets what
    // open() would give it.
    const mode_t mode = replacing ? (existing.st_mode & 07777) : 0644;
#ifdef O_TMPFILE
    if (m_mode == TmpFileMode::WhereSupported) {
        do {
            m_fd = ::open(directoryOf(target).constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
        } while (m_fd < 0 && errno == EINTR);
        if (m_fd < 0 && !tmpFileUnsupported(errno))
            return fail("open");
    }
#endif
    if (m_fd < 0) {
        for (int attempt = 0; attempt < NameAttempts && m_fd < 0; ++attempt) {
            m_tempName = siblingName(target);
            do {
                m_fd = ::open(m_tempName.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
            } while (m_fd < 0 && errno == EINTR);
            if (m_fd < 0 && errno != EEXIST)
                break;
        }
        if (m_fd < 0) {
            m_tempName.clear();
            return fail("open");
        }
    }
    if (replacing)
        ::fchmod(m_fd, mode);
    m_replaces = true;
    m_target = target;
    return true;
}

int FileSink::openForReading() const
{
    if (m_fd < 0) {
        errno = EBADF;
        return -1;
    }
    // The file being written may have no name yet: it is opened anew, read-only, through the
    // writer's descriptor (as its path would be once it has one).
    char path[32];
    std::snprintf(path, sizeof path, "/proc/self/fd/%d", m_fd);
    return ::open(path, O_RDONLY | O_CLOEXEC);
}

bool FileSink::attach(int fd)
{
    close();
    m_size.store(0, std::memory_order_relaxed);
    m_segmentStart = 0;
    m_segments.clear();
    m_call.clear();
    m_errno = fd < 0 ? EBADF : 0;
    if (fd < 0)
        return false;
    m_fd = fd;
    m_ownsFd = false;
    return true;
}

bool FileSink::close()
{
    // A failed write leaves no file under the target's name: an earlier one there stays whole.
    if (m_fd >= 0 && m_replaces && m_errno == 0)
        giveName();
    if (!m_tempName.isEmpty())
        ::unlink(m_tempName.constData());
    m_tempName.clear();
    m_replaces = false;
    // Not retried on EINTR: Linux releases the descriptor even then, and a retry could close a
    // descriptor another thread has just been given.
    if (m_fd >= 0 && m_ownsFd && ::close(m_fd) != 0 && m_errno == 0)
        fail("close");
    m_fd = -1;
    m_ownsFd = true;
    return m_errno == 0;
}

void FileSink::discard()
{
    m_replaces = false;
    close();
}

bool FileSink::giveName()
{
    // On disk before it has the name: a crash after the rename never shows an empty or short file.
    if (::fsync(m_fd) != 0)
        return fail("fsync");
    if (m_tempName.isEmpty()) {
        // An unnamed file can only be linked under a name that does not exist yet; rename() then
        // replaces the target in one step.
        char self[32];
        std::snprintf(self, sizeof self, "/proc/self/fd/%d", m_fd);
        for (int attempt = 0; attempt < NameAttempts && m_tempName.isEmpty(); ++attempt) {
            const QByteArray name = siblingName(m_target);
            if (::linkat(AT_FDCWD, self, AT_FDCWD, name.constData(), AT_SYMLINK_FOLLOW) == 0)
                m_tempName = name;
            else if (errno != EEXIST)
                return fail("linkat");
        }
        if (m_tempName.isEmpty())
            return fail("linkat");
    }
    if (::rename(m_tempName.constData(), m_target.constData()) != 0)
        return fail("rename");
    m_tempName.clear();
    return true;
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
        m_call = QStringLiteral("write");
        return false;
    }
    n = qBound<qint64>(0, n, m_buffer ? BufferSize : 0);
    qint64 done = 0;
    while (done < n) {
        const ssize_t written = ::write(m_fd, m_buffer.get() + done, size_t(n - done));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail("write");
            grow(done);
            return false;
        }
        // write() returning 0 for a non-empty buffer reports no error yet makes no progress:
        // retrying would spin for ever.
        if (written == 0) {
            m_errno = EIO;
            m_call = QStringLiteral("write");
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
