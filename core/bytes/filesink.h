#pragma once

#include "bytesink.h"

#include <QString>

#include <atomic>
#include <memory>

namespace SocketLab {

// Streams received bytes to a file (or /dev/null) without keeping them: `socketlab-cli --out`, and
// replies larger than the size cap in the window. Keeps the segment list, not the data.
// One thread writes; size() may be read from any thread meanwhile (the window's progress timer),
// everything else once the writer has reported its end.
class FileSink final : public ByteSink
{
public:
    FileSink() = default;
    ~FileSink() override;
    FileSink(const FileSink &) = delete;
    FileSink &operator=(const FileSink &) = delete;

    // Creates or truncates path; false with lastErrno() set if it cannot.
    bool open(const QString &path);
    // Writes to a descriptor the caller keeps (stdout for `--format raw`): close() leaves it open.
    bool attach(int fd);
    // Flushes and closes; false with lastErrno() if the last write failed.
    bool close();

    std::span<char> writableSpan(qint64 want) override;
    bool commit(qint64 n) override;
    void endSegment(qint64 timeUs) override;
    qint64 size() const override { return m_size.load(std::memory_order_relaxed); }
    QList<Segment> segments() const override { return m_segments; }
    int lastErrno() const override { return m_errno; }

private:
    void grow(qint64 n);

    int m_fd = -1;
    bool m_ownsFd = true;
    std::unique_ptr<char[]> m_buffer;
    // Only the writer changes it, so its read-modify-write needs no locked instruction; relaxed:
    // other threads only show it.
    std::atomic<qint64> m_size{0};
    qint64 m_segmentStart = 0;
    QList<Segment> m_segments;
    int m_errno = 0;
};

} // namespace SocketLab
