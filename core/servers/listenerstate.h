#pragma once

#include "capturebudget.h"
#include "listener.h"
#include "net/trace.h"

#include <QHash>

#include <deque>
#include <map>
#include <mutex>
#include <vector>

namespace SocketLab {

class DatagramBatch;

// The tables a listener's worker fills and any thread reads: clients, their bytes, datagrams and
// the trace. The bytes kept for display stay within the capture budget; the counters count everything.
class ListenerState
{
public:
    ListenerState() = default;
    ListenerState(const ListenerState &) = delete;
    ListenerState &operator=(const ListenerState &) = delete;

    // Only while no worker runs.
    void configure(qint64 captureBudget, int maxClosedClients, int maxDatagrams);

    Trace &trace() { return m_trace; }
    const Trace &trace() const { return m_trace; }

    // What became of Settings::socketOptions on the listening socket, for the latest start.
    void setSocketOptions(const QList<SocketOptionOutcome> &outcomes);
    QList<SocketOptionOutcome> socketOptions() const;

    quint64 openClient(const SocketAddress &peer);
    // A connection accepted and closed at once, listed as refused.
    quint64 refuseClient(const SocketAddress &peer);
    // One recv(), or one send(): counted, and kept as a segment as far as the capture budget allows.
    void recordIn(quint64 id, const char *data, qint64 n);
    // released: how many of the n bytes were queued by Listener::send() (see reserveSend()).
    void recordOut(quint64 id, const char *data, qint64 n, qint64 released = 0);
    // The datagrams one receiveDatagrams() read, under one lock and with one time (they were read
    // at once): each sender becomes a client at its first datagram, each datagram is counted and
    // kept as far as the capture budget allows. clientOf[i] is the client of datagram i; returns
    // the clients created, in order.
    std::vector<quint64> recordDatagrams(const DatagramBatch &batch, std::vector<quint64> *clientOf);
    // TLS: this run's certificate's SHA-256 (empty without TLS). Handed over here, under the state's
    // mutex, rather than in a queued signal: ThreadSanitizer cannot see the order Debian's Qt gives
    // a signal's arguments, and the byte array is made on the worker's thread.
    void setCertificateSha256(const QByteArray &sha256);
    QByteArray certificateSha256() const;
    // UDP: this run's socket counts the datagrams the kernel drops; its receive buffer holds
    // receiveBuffer bytes (0: unknown). The totals count on from earlier runs.
    void startCountingDrops(qint64 receiveBuffer);
    // n more datagrams the kernel dropped, the receive buffer full.
    void addKernelDrops(qint64 n);
    // For Listener::send(): n more bytes wait for client id, unless it is unknown or closed
    // (ENOTCONN), its write side is shut (ESHUTDOWN), or the bytes waiting for it would pass cap
    // (ENOBUFS); then nothing is reserved.
    NetError reserveSend(quint64 id, qint64 n, qint64 cap);
    // Reserved bytes that will not be sent: their client went, or sendto() failed.
    void releaseSend(quint64 id, qint64 n);
    // Nothing more may be sent to the TCP client id: shutdown(SHUT_WR) or close() was asked, call
    // says which. An error for an unknown, closed or UDP client (which has no connection to shut).
    NetError shutWriteSide(quint64 id, const QString &call);
    // The error err in call, named by the address of client id when it is known (ENOTCONN for a
    // client that has gone).
    NetError clientError(quint64 id, int err, const QString &call) const;
    // Closing a client drops the bytes that waited for it.
    void closeClient(quint64 id, const NetError &error);
    void closeAll();

    QList<Listener::Client> clients() const;
    Listener::Totals totals() const;
    std::optional<Listener::Client> client(quint64 id) const;
    std::shared_ptr<const ByteStore> received(quint64 id) const;
    std::shared_ptr<const ByteStore> sent(quint64 id) const;
    QList<Listener::Datagram> datagrams() const;
    // Those whose index is at least from.
    QList<Listener::Datagram> datagramsFrom(qint64 from) const;

private:
    struct Record
    {
        Listener::Client info;
        std::shared_ptr<ByteStore> in;
        std::shared_ptr<ByteStore> out;
        bool udp = false;  // a UDP sender: no connection to shut or close
    };

    enum class Direction { In, Out };
    // Keeps what the capture budget grants, dropping older clients' bytes if it says so; returns
    // where the bytes went in the store, or -1. timeUs: the segment's time, on the trace's clock.
    qint64 capture(Record &record, Direction direction, const char *data, qint64 n, qint64 timeUs);
    void dropBytes(quint64 id);
    quint64 addClient(const SocketAddress &peer);
    // The client standing for a UDP sender, created (and *created set) at its first datagram.
    quint64 udpPeerLocked(const SocketAddress &sender, bool *created);
    void forget(quint64 id);
    void pruneClosed();
    // The slot for the next datagram record: a new one, or the oldest once the ring is full.
    Listener::Datagram &nextDatagramSlot();
    // The error err in call, named by the address of client id when it is known.
    NetError clientErrorLocked(quint64 id, int err, const QString &call) const;

    Trace m_trace;
    mutable std::mutex m_mutex;  // not QMutex: ThreadSanitizer does not see Debian's
    std::map<quint64, Record> m_clients;
    std::deque<quint64> m_closedOrder;
    QHash<QByteArray, quint64> m_udpPeers;  // sockaddr bytes -> client id
    std::deque<quint64> m_udpPeerOrder;
    // A ring of at most m_maxDatagrams records, the oldest at m_oldestDatagram, indexes consecutive:
    // once full, a new datagram overwrites the oldest in place, so a flood allocates nothing per
    // datagram (a std::deque would, one record being larger than its blocks).
    std::vector<Listener::Datagram> m_datagrams;
    size_t m_oldestDatagram = 0;
    quint64 m_nextId = 1;
    qint64 m_nextDatagram = 0;
    CaptureBudget m_budget;
    Listener::Totals m_totals;
    QByteArray m_certificateSha256;
    int m_maxClosedClients = 1000;
    int m_maxDatagrams = 10000;
    QList<SocketOptionOutcome> m_socketOptions;
};

} // namespace SocketLab
