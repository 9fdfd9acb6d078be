#include "trace.h"

namespace SocketLab {

Trace::Trace(qsizetype maxEntries)
    : m_maxEntries(qMax<qsizetype>(maxEntries, 16))
{
    m_clock.start();
}

void Trace::record(const QString &call, const QString &args, qint64 result, int errnoCode)
{
    appendEntry(call, args, result, errnoCode, result > 0 ? result : 0, elapsedUs());
}

void Trace::recordStatus(const QString &call, const QString &args, qint64 result, const QString &status,
                         const QString &statusDetail)
{
    const qint64 now = elapsedUs();
    {
        std::lock_guard lock(m_mutex);
        if (!m_entries.isEmpty()) {
            TraceEntry &last = m_entries.last();
            if (last.call == call && last.args == args && last.result == result && last.status == status
                && last.statusDetail == statusDetail && last.errnoCode == 0) {
                ++last.count;
                last.lastTimeUs = now;
                ++m_callCount;
                return;
            }
        }
    }
    appendEntry(call, args, result, 0, result > 0 ? result : 0, now, status, statusDetail);
}

namespace {

template<typename Text>
bool isTlsCall(const Text &call)
{
    return call.startsWith(QLatin1StringView("SSL_"));
}

// Data calls fold while they move bytes; an EOF (0) or a failure folds only with its twin.
bool canFold(const TraceEntry &entry, QLatin1StringView call, qint64 result, int errnoCode)
{
    if (entry.call != call || entry.errnoCode != errnoCode || !entry.status.isEmpty())
        return false;
    return (entry.result > 0 && result > 0) || entry.result == result;
}

} // namespace

bool Trace::foldInto(const char *call, qint64 result, int errnoCode, qint64 bytes, qint64 now)
{
    if (m_entries.isEmpty())
        return false;
    const QLatin1StringView name(call);
    TraceEntry *into = &m_entries.last();
    if (!canFold(*into, name, result, errnoCode)) {
        // Over TLS each SSL_read() makes its own recv() calls (SSL_write() its send()), so the two runs
        // alternate: a socket call folds into its run just before the TLS call's, or a long transfer
        // would fill the trace and push the handshake out of it.
        // A relay's two sockets likewise (setFoldsAlternatingCalls()).
        const qsizetype size = m_entries.size();
        const bool pairs = (!isTlsCall(name) && isTlsCall(into->call)) || (m_foldsAlternating && into->call != name);
        if (size < 2 || !pairs || into->result <= 0 || !into->status.isEmpty())
            return false;
        into = &m_entries[size - 2];
        if (!canFold(*into, name, result, errnoCode) || result <= 0)
            return false;
    }
    ++into->count;
    into->totalBytes += bytes;
    into->lastTimeUs = now;
    ++m_callCount;
    return true;
}

void Trace::appendEntry(const QString &call, const QString &args, qint64 result, int errnoCode, qint64 bytes, qint64 now,
                        const QString &status, const QString &statusDetail)
{
    TraceEntry entry;
    entry.timeUs = now;
    entry.call = call;
    entry.args = args;
    entry.result = result;
    entry.errnoCode = errnoCode;
    entry.totalBytes = bytes;
    entry.lastTimeUs = now;
    entry.status = status;
    entry.statusDetail = statusDetail;
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_maxEntries) {
        // A tenth at a time, so dropping stays amortised O(1) per entry.
        const qsizetype drop = m_maxEntries / 10;
        m_entries.remove(0, drop);
        m_dropped += drop;
    }
    m_entries.append(entry);
    ++m_callCount;
}

void Trace::restore(const QList<TraceEntry> &entries, qint64 callCount, qint64 droppedEntries)
{
    std::lock_guard lock(m_mutex);
    m_entries = entries;
    m_callCount = callCount;
    m_dropped = droppedEntries;
}

QList<TraceEntry> Trace::entries() const
{
    std::lock_guard lock(m_mutex);
    // A list of its own, copied under the lock: one sharing m_entries' block would copy its entries
    // out (detach) after the lock, while the recording thread moves them to grow the list; Qt checks
    // the share count with a relaxed load, which orders nothing (ThreadSanitizer reported it).
    return QList<TraceEntry>(m_entries.cbegin(), m_entries.cend());
}

qsizetype Trace::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

qint64 Trace::callCount() const
{
    std::lock_guard lock(m_mutex);
    return m_callCount;
}

qint64 Trace::droppedEntries() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace SocketLab
