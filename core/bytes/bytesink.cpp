#include "bytesink.h"

#include <cstring>

namespace SocketLab {

bool ByteSink::append(const char *data, qint64 n, qint64 timeUs)
{
    qint64 done = 0;
    while (done < n) {
        const std::span<char> room = writableSpan(n - done);
        const qint64 take = qMin<qint64>(qint64(room.size()), n - done);
        std::memcpy(room.data(), data + done, size_t(take));
        if (!commit(take))
            return false;
        done += take;
    }
    endSegment(timeUs);
    return true;
}

} // namespace SocketLab
