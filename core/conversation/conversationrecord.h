#pragma once

#include "bytes/bytestore.h"
#include "conversation/conversationevent.h"
#include "conversation/conversationeventlist.h"
#include "conversation/conversationrequest.h"

#include <QList>

#include <atomic>
#include <mutex>
#include <optional>

namespace SocketLab {

// Everything a conversation said and heard, written by its worker and read from any thread: the
// events in time order, one ByteStore per direction (each send and each recv() a segment), the
// setup of the socket and whether it is over. What is kept is bounded (the request's caps); the
// byte and event counts stay exact past them.
class ConversationRecord
{
public:
    ConversationRecord(qint64 maxKeptBytes, qsizetype maxKeptEvents);
    ConversationRecord(const ConversationRecord &) = delete;
    ConversationRecord &operator=(const ConversationRecord &) = delete;

    const ByteStore &sent() const { return m_sent; }
    const ByteStore &received() const { return m_received; }

    // The kept events from index `from` on.
    QList<ConversationEvent> events(qsizetype from = 0) const;
    qsizetype keptEventCount() const;
    // Every event, kept or not.
    qint64 eventCount() const { return m_eventCount.load(std::memory_order_acquire); }
    qint64 droppedEvents() const { return m_dropped.load(std::memory_order_acquire); }
    qint64 sentBytes() const { return m_sentBytes.load(std::memory_order_acquire); }
    qint64 receivedBytes() const { return m_receivedBytes.load(std::memory_order_acquire); }
    // Every Sent and every Received event, kept or not: each send() and recv() (or datagram) counted.
    qint64 sentMessages() const { return m_sentMessages.load(std::memory_order_acquire); }
    qint64 receivedMessages() const { return m_receivedMessages.load(std::memory_order_acquire); }
    ConversationSetup setup() const;
    // UDP: the datagrams the kernel dropped because the receive buffer was full (SO_RXQ_OVFL);
    // none over TCP, or when the system keeps no count.
    std::optional<qint64> kernelDrops() const;
    // The worker has ended: nothing more will be recorded.
    bool isOver() const { return m_over.load(std::memory_order_acquire); }

    // The worker's side.
    ByteStore &sentStore() { return m_sent; }
    ByteStore &receivedStore() { return m_received; }
    // Whether `bytes` more fit the store under the cap, and one more event the list.
    bool keeps(const ByteStore &store, qint64 bytes) const;
    // A Sent or Received event with its bytes already committed to its store (kept) or not.
    void addData(const ConversationEvent &event, bool kept);
    // Any other event: always kept, however many data events were let go.
    void add(const ConversationEvent &event);
    void setSetup(const ConversationSetup &setup);
    // UDP: the socket counts drops from now on; n more were dropped.
    void startCountingDrops();
    void addKernelDrops(qint64 n);
    void markOver();
    // A record read back from a file: the counts past what was kept, as the file says them.
    void setCounts(qint64 dropped, qint64 sentBytes, qint64 receivedBytes, qint64 sentMessages, qint64 receivedMessages);

private:
    const qint64 m_maxKeptBytes;
    const qsizetype m_maxKeptEvents;
    ByteStore m_sent;
    ByteStore m_received;
    mutable std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    ConversationEventList m_events;
    ConversationSetup m_setup;
    std::atomic<qint64> m_eventCount{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_sentBytes{0};
    std::atomic<qint64> m_receivedBytes{0};
    std::atomic<qint64> m_sentMessages{0};
    std::atomic<qint64> m_receivedMessages{0};
    std::atomic<qint64> m_kernelDrops{-1};  // -1: no count
    std::atomic<bool> m_over{false};
};

} // namespace SocketLab
