#pragma once

#include "relay/rateallowance.h"
#include "relay/relaysettings.h"

#include <QtGlobal>

#include <deque>
#include <memory>
#include <span>

namespace SocketLab {

// One direction of a relayed TCP connection: the bytes read from one side and not yet written to
// the other, in a ring that starts small and doubles while full, up to its capacity, each held until its direction's shaping lets it go (its
// delay from arrival, the bandwidth cap, a pause). A full ring is the relay's back-pressure: the
// side it reads from is not read until bytes leave, so a paused direction holds at most capacity
// bytes here and the rest waits in the kernel and in the sender, as with a slow peer.
//
// Times are microseconds on one clock the caller keeps. The end of the stream (a FIN) is held like
// a byte: it is passed on once every byte before it left and its own delay is over.
class RelayPipe
{
public:
    explicit RelayPipe(qint64 capacity);
    ~RelayPipe();
    RelayPipe(const RelayPipe &) = delete;
    RelayPipe &operator=(const RelayPipe &) = delete;

    // Where the next read may write: the longest contiguous free part of the ring, at most maxLen;
    // empty when the ring is full or the end was marked.
    std::span<char> room(qint64 maxLen);
    // n bytes were read into room() at nowUs.
    void commit(qint64 n, qint64 nowUs, const RelayShaping &shaping);
    // The side read end of file at nowUs.
    void markEnd(qint64 nowUs, const RelayShaping &shaping);

    // Bytes that may be written now: contiguous, released by their delay, within the bandwidth
    // allowance; empty when none (paused, delayed, capped, or nothing queued).
    std::span<const char> ready(qint64 nowUs, const RelayShaping &shaping);
    // n bytes of ready() were written.
    void consume(qint64 n, const RelayShaping &shaping);
    // Every byte left and the end's turn has come: the other side may be shut for writing now.
    bool endReady(qint64 nowUs, const RelayShaping &shaping) const;

    qint64 queued() const { return m_size; }
    bool endMarked() const { return m_endMarked; }
    bool isEmpty() const { return m_size == 0; }
    // How long until ready() or endReady() may change by the clock alone (a delay ending, the
    // allowance growing); -1 when only a read, a write or a change of shaping can change it.
    qint64 waitUs(qint64 nowUs, const RelayShaping &shaping) const;

private:
    struct Release
    {
        qint64 end;        // bytes committed up to and including this arrival (counted from the start)
        qint64 releaseUs;  // when they may leave
    };

    // Bytes whose delay is over at nowUs, counted from the ring's head.
    qint64 releasedBytes(qint64 nowUs) const;

    // Doubles the ring, its bytes moved to the start in order.
    void grow();

    const qint64 m_capacity;
    // Not a std::vector: a ring's bytes are written by recv() before they are read, so zeroing it
    // would only touch memory an idle connection never uses.
    std::unique_ptr<char[]> m_ring;
    qint64 m_ringSize = 0;
    qint64 m_head = 0;
    qint64 m_size = 0;
    qint64 m_in = 0;    // every byte committed
    qint64 m_out = 0;   // every byte consumed
    std::deque<Release> m_releases;
    bool m_endMarked = false;
    qint64 m_endReleaseUs = 0;
    RateAllowance m_allowance;
};

} // namespace SocketLab
