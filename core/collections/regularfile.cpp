#include "regularfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SocketLab {

RegularFileRead readRegularFile(const QString &path, qint64 maxBytes)
{
    RegularFileRead result;
    const auto failed = [&result](int code) {
        result.outcome = RegularFileRead::Outcome::Failed;
        result.systemText = QString::fromLocal8Bit(std::strerror(code));
        return result;
    };
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return failed(errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int code = errno;
        ::close(fd);
        return failed(code);
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        result.outcome = RegularFileRead::Outcome::NotRegular;
        return result;
    }
    if (info.st_size > maxBytes) {
        ::close(fd);
        result.outcome = RegularFileRead::Outcome::TooLarge;
        return result;
    }
    // The file may grow between fstat() and the reads: one byte past the cap says it did.
    QByteArray bytes(qsizetype(info.st_size) + 1, Qt::Uninitialized);
    qint64 total = 0;
    while (total <= maxBytes) {
        if (total == bytes.size())
            bytes.resize(qsizetype(qMin<qint64>(maxBytes + 1, bytes.size() * 2)));
        const ssize_t n = ::read(fd, bytes.data() + total, size_t(bytes.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int code = errno;
            ::close(fd);
            return failed(code);
        }
        if (n == 0)
            break;
        total += n;
    }
    ::close(fd);
    if (total > maxBytes) {
        result.outcome = RegularFileRead::Outcome::TooLarge;
        return result;
    }
    bytes.truncate(qsizetype(total));
    result.outcome = RegularFileRead::Outcome::Read;
    result.bytes = bytes;
    return result;
}

} // namespace SocketLab
