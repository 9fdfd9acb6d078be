#include "sourcetofile.h"

#include "filebackedsource.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace SocketLab {

namespace {

NetError fileError(int code, const QString &call, const QString &path)
{
    // A failure that set no errno still says what failed; EIO is what the kernel says then.
    return NetError{NetError::Kind::File, code != 0 ? code : EIO, code != 0 ? code : EIO, call, path, {}, {}};
}

// write() to the descriptor itself, so that a failure keeps its errno (ENOSPC for a full disk).
int writeAll(int fd, const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size_t(size - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        // No error and no progress: retrying would spin for ever.
        if (n == 0)
            return EIO;
        done += n;
    }
    return 0;
}

int copySource(const ByteSource &source, const FileWriter &write)
{
    constexpr qint64 Piece = 4 * 1024 * 1024;
    const qint64 size = source.size();
    for (qint64 offset = 0; offset < size; offset += Piece) {
        const QByteArray data = source.read(offset, qMin(Piece, size - offset));
        if (data.isEmpty())
            return EIO;
        if (const int code = write(data.constData(), data.size()); code != 0)
            return code;
    }
    return 0;
}

// A file in dir with no name: O_TMPFILE, else a named one unlinked before anything is written to it.
int openUnnamed(const QString &dir, TmpFileMode mode, int *error)
{
    const QByteArray encodedDir = QFile::encodeName(dir);
    int fd = -1;
#ifdef O_TMPFILE
    if (mode == TmpFileMode::WhereSupported) {
        do {
            fd = ::open(encodedDir.constData(), O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
        } while (fd < 0 && errno == EINTR);
        if (fd >= 0)
            return fd;
        if (!tmpFileUnsupported(errno)) {
            *error = errno;
            return -1;
        }
    }
#endif
    QByteArray name = QFile::encodeName(QDir(dir).filePath(QStringLiteral("socketlab-reply-XXXXXX")));
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) {
        *error = errno;
        return -1;
    }
    if (::unlink(name.constData()) != 0) {
        *error = errno;
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

NetError writeToFile(const QString &path, const std::function<int(const FileWriter &write)> &produce)
{
    QSaveFile file(path);
    // QSaveFile keeps errno of its own calls only in its error string, in the system's language:
    // errno is read right after each call, cleared before it so that a stale value never shows.
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return fileError(errno, QStringLiteral("open"), path);
    const int fd = file.handle();
    if (const int code = produce([fd](const char *data, qint64 size) { return writeAll(fd, data, size); }); code != 0) {
        file.cancelWriting();
        return fileError(code, QStringLiteral("write"), path);
    }
    errno = 0;
    // fsync(), close() and rename() over path: before this, path is untouched.
    if (!file.commit())
        return fileError(errno, QStringLiteral("rename"), path);
    return {};
}

NetError writeSourceToFile(const ByteSource &source, const QString &path)
{
    return writeToFile(path, [&source](const FileWriter &write) { return copySource(source, write); });
}

std::shared_ptr<const ByteSource> moveToTemporaryFile(const ByteSource &source, const QString &dir, NetError *error,
                                                      TmpFileMode mode)
{
    int openError = 0;
    const int fd = openUnnamed(dir, mode, &openError);
    if (fd < 0) {
        *error = fileError(openError, QStringLiteral("open"), dir);
        return nullptr;
    }
    // The source owns the descriptor from here on, and the file goes with it.
    auto copy = std::make_shared<FileBackedSource>(fd);
    if (const int code = copySource(source, [fd](const char *data, qint64 size) { return writeAll(fd, data, size); });
        code != 0) {
        *error = fileError(code, QStringLiteral("write"), dir);
        return nullptr;
    }
    if (copy->size() != source.size()) {
        *error = fileError(EIO, QStringLiteral("write"), dir);
        return nullptr;
    }
    return copy;
}

} // namespace SocketLab
