#pragma once

#include "bytesink.h"
#include "tmpfilemode.h"

#include <QString>

#include <atomic>
#include <memory>

namespace SocketLab {

// Streams received bytes to a file (or /dev/null) without keeping them: `socketlab-cli --out`, and
// replies larger than the size cap in the window. Keeps the segment list, not the data.
// A regular file (or a path that does not exist yet) is written as QSaveFile does: into a file with no
// name in the same folder (O_TMPFILE), named at close(), so that a crash never leaves half a file under
// the person's name and an earlier file stays whole until then. Where the file system has no O_TMPFILE
// (or the sink is made with TmpFileMode::Never), that file is a hidden one beside the target,
// ".name.socketlab-XXXX", renamed over it at close(); a crash leaves that one behind, as QSaveFile's.
// Anything else (/dev/null, a FIFO, a terminal) is written directly.
// One thread writes; size() may be read from any thread meanwhile (the window's progress timer),
// everything else once the writer has reported its end.
class FileSink final : public ByteSink
{
public:
    explicit FileSink(TmpFileMode mode = TmpFileMode::WhereSupported)
        : m_mode(mode)
    {
    }
    ~FileSink() override;
    FileSink(const FileSink &) = delete;
    FileSink &operator=(const FileSink &) = delete;

    // Starts writing path (see above); false with lastErrno() set if it cannot.
    bool open(const QString &path);
    // Writes to a descriptor the caller keeps (stdout for `--format raw`): close() leaves it open.
    bool attach(int fd);
    // Closes, and gives the bytes written the name open() was given, replacing what was there:
    // whatever ended the exchange, what arrived is kept. False with lastErrno() and lastCall() if a
    // write or the naming failed; then an earlier file at that path is left as it was.
    bool close();
    // Closes without naming what was written: the exchange never started, an earlier file stays.
    void discard();
    // A new descriptor the caller owns, reading what has been written so far and, after close(),
    // the named file: how the window shows a reply while it streams. -1 (errno set) if it cannot.
    int openForReading() const;
    // The C call that failed ("write", "fsync", "linkat", "rename"...), with lastErrno().
    QString lastCall() const { return m_call; }

    std::span<char> writableSpan(qint64 want) override;
    bool commit(qint64 n) override;
    void endSegment(qint64 timeUs) override;
    qint64 size() const override { return m_size.load(std::memory_order_relaxed); }
    QList<Segment> segments() const override { return m_segments; }
    int lastErrno() const override { return m_errno; }

private:
    bool fail(const char *call);
    bool openDirect(const QByteArray &path);
    bool openUnnamed(const QByteArray &target);
    bool giveName();
    void grow(qint64 n);

    const TmpFileMode m_mode;
    int m_fd = -1;
    bool m_ownsFd = true;
    // Set while the bytes go to a file that takes m_target's place at close(): m_tempName is that
    // file's name in the fallback where the file system has no O_TMPFILE, empty for an unnamed one.
    bool m_replaces = false;
    QByteArray m_target;
    QByteArray m_tempName;
    QString m_call;
    std::unique_ptr<char[]> m_buffer;
    // Only the writer changes it, so its read-modify-write needs no locked instruction; relaxed:
    // other threads only show it.
    std::atomic<qint64> m_size{0};
    qint64 m_segmentStart = 0;
    QList<Segment> m_segments;
    int m_errno = 0;
};

} // namespace SocketLab
