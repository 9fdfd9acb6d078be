#pragma once

#include <QtGlobal>

#include <map>
#include <set>
#include <vector>

namespace SocketLab {

// How many bytes a listener keeps for display, over all its clients. Every byte a client sends or
// is sent is counted elsewhere; this only decides which are kept. When the budget is full, the
// clients that came first give their bytes up first: an older client's kept bytes are dropped whole
// (the person is most likely looking at the newest), and a client that is itself the oldest with
// bytes kept stops keeping more. A client that lost bytes keeps nothing more, so what is kept of a
// client is always the first bytes of each direction, or none.
//
// Pure bookkeeping by client id (ids grow with age), no bytes and no lock: the listener's state
// holds the bytes and calls this under its own lock.
class CaptureBudget
{
public:
    static constexpr qint64 DefaultLimit = 64 * 1024 * 1024;

    explicit CaptureBudget(qint64 limit = DefaultLimit);

    // A restart's limit: it applies to the bytes asked for from then on.
    void setLimit(qint64 limit);
    qint64 limit() const { return m_limit; }
    // Bytes kept now, over all clients.
    qint64 used() const { return m_used; }

    struct Grant
    {
        qint64 keep = 0;                // how many of the bytes asked for may be kept (the first ones)
        std::vector<quint64> dropped;   // older clients whose kept bytes must go, to make room
    };
    // Client id has n more bytes to keep. Room is made by dropping the oldest clients' bytes first;
    // what is granted is counted as used. A client whose bytes were dropped, or that was granted
    // fewer than it asked for, is given nothing afterwards.
    Grant request(quint64 id, qint64 n);
    // Whether the client lost bytes (dropped, or not all kept).
    bool hasDropped(quint64 id) const { return m_stopped.count(id) > 0; }
    // The client is gone from the table: its kept bytes no longer count.
    void forget(quint64 id);

private:
    qint64 m_limit;
    qint64 m_used = 0;
    std::map<quint64, qint64> m_kept;  // by id, so oldest first; only clients with bytes kept
    std::set<quint64> m_stopped;
};

} // namespace SocketLab
