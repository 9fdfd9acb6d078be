#pragma once

#include <QLockFile>
#include <QString>

namespace SocketLab {

// Held while a process changes one of the history's folders (writes an entry, prunes, clears): two
// SocketLab windows are two processes sharing the folders, and each decides what to prune from the
// folder as it is under the lock, never from what it remembers. The lock is the file
// "<folder>.lock" beside the folder, not in it, so that clearing the folder leaves it be.
//
// A lock left by a process that died is taken over at once (its pid is gone, and the kernel let go
// of the native lock QLockFile holds beside the file). One a live process holds is never taken
// over: that native lock forbids it, so whoever waits TimeoutMs in vain goes on without it; the
// entries are written whole anyway (write and rename), only the limits may be passed until the
// next write.
//
// Blocking: take it on the file lane, never on the GUI thread; hold it for a write of one JSON file
// and a prune, or the reading of the entries' JSON at start, not for copying a large reply.
class FolderLock
{
public:
    static constexpr int TimeoutMs = 10000;

    explicit FolderLock(const QString &folder, int timeoutMs = TimeoutMs);
    ~FolderLock();

    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

    static QString lockPath(const QString &folder);
    bool isLocked() const { return m_file.isLocked(); }

private:
    QLockFile m_file;
};

} // namespace SocketLab
