#pragma once

#include <QLockFile>
#include <QString>

namespace SocketLab {

// Held while a process changes one of the history's folders (writes an entry, prunes, clears): two
// SocketLab windows are two processes sharing the folders, and each decides what to prune from the
// folder as it is under the lock, never from what it remembers. The lock is the file
// "<folder>.lock" beside the folder, not in it, so that clearing the folder leaves it be.
//
// A lock left by a process that died is taken over at once (QLockFile sees its pid is gone); one a
// live process holds past StaleMs is taken over too, so a window hung with it cannot stop the
// others' history for good. Whoever waits TimeoutMs in vain goes on without it: the entries are
// written whole anyway (write and rename), only the limits may be passed until the next write.
//
// Blocking: take it on the file lane, never on the GUI thread; hold it for a write of one JSON file
// and a prune, not for copying a large reply.
class FolderLock
{
public:
    static constexpr int StaleMs = 30000;
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
