#pragma once

#include <cerrno>

namespace SocketLab {

// How SocketLab makes a file that must have no name while it is written (the history's copies, a
// reply streamed to a file before it is named): with O_TMPFILE where the file system has it, or
// always the way it meets a file system that has not (vfat, some NFS, CIFS and FUSE mounts). The
// program always asks for the first; the second is how the tests reach the fallback on a disk that
// has O_TMPFILE.
enum class TmpFileMode { WhereSupported, Never };

// What open(O_TMPFILE) fails with when the file system or the kernel has no O_TMPFILE, the cases that
// take the fallback: EOPNOTSUPP, EISDIR (kernels before 3.11 read the flag as O_DIRECTORY), EINVAL.
// Any other error (no such folder, no permission, a full disk) is the answer for the fallback too.
inline bool tmpFileUnsupported(int code)
{
    return code == EOPNOTSUPP || code == EISDIR || code == EINVAL;
}

} // namespace SocketLab
