#pragma once

#include <QElapsedTimer>
#include <QList>
#include <mutex>
#include <QString>

#include <utility>

namespace SocketLab {

// One socket call, or a run of identical ones folded together.
struct TraceEntry
{
    qint64 timeUs = 0;      // when the (first) call returned, since the trace started
    QString call;           // "connect", "recv"
    QString args;           // the arguments of the first call, as C would show them
    qint64 result = 0;      // the return value (of the first call when folded)
    int errnoCode = 0;      // errno when the call failed, else 0
    int count = 1;          // how many calls this entry stands for
    qint64 totalBytes = 0;  // for folded recv/send runs: the sum of their results
    qint64 lastTimeUs = 0;  // when the last folded call returned
    // For calls that report through a library rather than errno (OpenSSL): the symbolic outcome
    // ("SSL_ERROR_WANT_READ", "X509_V_ERR_CERT_HAS_EXPIRED") and the library's own words for a failure.
    QString status;
    QString statusDetail;
};

// The time-stamped list of socket calls of one exchange or listener. Successive successful data calls
// of the same kind (recv, send, recvfrom...) fold into one entry, and so do successive identical
// failures; over TLS the record layer's recv() runs and SSL_read()'s fold side by side (send() and
// SSL_write() too). So a 1 GiB transfer leaves a handful of entries. A server that runs for days still keeps
// only the newest entries (maxEntries), counting the ones it let go. One thread records, any reads.
class Trace
{
public:
    static constexpr qsizetype DefaultMaxEntries = 20000;

    explicit Trace(qsizetype maxEntries = DefaultMaxEntries);

    // A relay's connection reads one socket and writes the other in turn (recv, send, recv...):
    // with this on, two data calls that alternate fold side by side as TLS's do, or a long transfer
    // would fill the trace with pairs. Set before the first call is recorded.
    void setFoldsAlternatingCalls(bool on) { m_foldsAlternating = on; }

    // Microseconds since the trace started: the clock of segments and timings too.
    qint64 elapsedUs() const { return m_clock.nsecsElapsed() / 1000; }

    void record(const QString &call, const QString &args, qint64 result, int errnoCode = 0);
    // A library call with a symbolic outcome. Identical successive ones (a handshake step that waits
    // for the peer again and again) fold into one entry, as recv runs do.
    void recordStatus(const QString &call, const QString &args, qint64 result, const QString &status,
                      const QString &statusDetail = {});

    // The hot path: the arguments are only formatted when the call does not fold into the last entry.
    template<typename ArgsFn>
    void recordData(const char *call, qint64 result, int errnoCode, ArgsFn &&args)
    {
        recordData(call, result, errnoCode, result > 0 ? result : 0, std::forward<ArgsFn>(args));
    }
    // The same for a call whose result is not a byte count: recvmmsg() returns how many datagrams
    // it read, bytes says how many bytes they held.
    template<typename ArgsFn>
    void recordData(const char *call, qint64 result, int errnoCode, qint64 bytes, ArgsFn &&args)
    {
        const qint64 now = elapsedUs();
        std::unique_lock lock(m_mutex);
        if (foldInto(call, result, errnoCode, bytes, now))
            return;
        lock.unlock();
        appendEntry(QString::fromLatin1(call), args(), result, errnoCode, bytes, now);
    }

    // A trace read back from a file: its entries as they were recorded.
    void restore(const QList<TraceEntry> &entries, qint64 callCount, qint64 droppedEntries);

    QList<TraceEntry> entries() const;
    qsizetype size() const;
    // Calls recorded, folded ones counted one by one.
    qint64 callCount() const;
    // Entries let go to stay within maxEntries, oldest first.
    qint64 droppedEntries() const;

private:
    bool foldInto(const char *call, qint64 result, int errnoCode, qint64 bytes, qint64 now);
    void appendEntry(const QString &call, const QString &args, qint64 result, int errnoCode, qint64 bytes, qint64 now,
                     const QString &status = {}, const QString &statusDetail = {});

    QElapsedTimer m_clock;
    mutable std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    QList<TraceEntry> m_entries;
    qsizetype m_maxEntries;
    qint64 m_callCount = 0;
    qint64 m_dropped = 0;
    bool m_foldsAlternating = false;
};

} // namespace SocketLab
