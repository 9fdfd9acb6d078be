#pragma once

#include "neterror.h"
#include "socketaddress.h"

#include <QDeadlineTimer>

#include <memory>
#include <optional>
#include <vector>

namespace SocketLab {

class CancelToken;
class Trace;

// What one non-blocking send() did: bytes sent, a full send buffer, or an error.
struct SendResult
{
    enum class Status { Sent, WouldBlock, Failed };
    Status status = Status::Sent;
    qint64 bytes = 0;  // with Sent: how many of the bytes offered left, at least 1
    NetError error;    // with Failed
};

// What one recv() or recvmsg() gave.
struct ReceiveResult
{
    enum class Status {
        Data,       // bytes were read (a datagram may also be empty)
        Closed,     // recv() returned 0: the peer closed its side
        WouldBlock, // nothing to read now (EAGAIN); not recorded in the trace
        Failed,     // see error
    };
    Status status = Status::WouldBlock;
    qint64 bytes = 0;           // written into the buffer
    qint64 datagramSize = 0;    // receiveDatagram(): the datagram's real size, may exceed bytes (MSG_TRUNC)
    SocketAddress from;         // receiveDatagram(): the sender
    NetError error;
    // receiveDatagram() only, from the ancillary data. SO_RXQ_OVFL: the kernel's running count of
    // datagrams dropped on this socket when this one was queued (absent while it is 0).
    std::optional<quint32> dropCounter;
    // IP_PKTINFO / IPV6_PKTINFO, when enabled: the address the datagram was sent to (a group, a
    // broadcast address, one of the host's), port 0 as the ancillary data holds none.
    std::optional<SocketAddress> destination;
};

// Room for Socket::receiveDatagrams(): capacity datagrams of up to room bytes each, with their
// senders and ancillary data. Allocated once and reused call after call, so a flood costs no
// allocation per datagram; what the last call read stays until the next one.
class DatagramBatch
{
public:
    DatagramBatch(int capacity, qint64 room);
    ~DatagramBatch();
    DatagramBatch(const DatagramBatch &) = delete;
    DatagramBatch &operator=(const DatagramBatch &) = delete;

    int capacity() const { return int(m_results.size()); }
    qint64 room() const { return m_room; }
    // How many datagrams the last receiveDatagrams() read.
    int size() const { return m_size; }
    // Datagram i of those, as receiveDatagram() would give it: status Data, bytes kept (at most
    // room()), datagramSize, from, dropCounter, destination.
    const ReceiveResult &result(int i) const { return m_results[size_t(i)]; }
    const char *data(int i) const { return m_data.get() + qint64(i) * m_room; }

private:
    friend class Socket;
    struct Messages;  // the mmsghdr array and what it points to: the socket headers stay in the .cpp

    std::unique_ptr<Messages> m_messages;
    std::unique_ptr<char[]> m_data;
    std::vector<ReceiveResult> m_results;
    qint64 m_room;
    int m_size = 0;
};

// An owned, non-blocking socket fd. Every call goes to the trace with its arguments, result and
// errno; every wait is a poll() on the fd and the cancel token together, so cancel is immediate.
class Socket
{
public:
    Socket(Trace &trace, const CancelToken *cancel);
    ~Socket();
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    // Takes an fd that accept() returned; the trace records calls on it from now on.
    void adopt(int fd);

    NetError open(IpFamily family, SocketKind kind, int protocol);
    NetError setOption(int level, int name, int value, const char *nameText);
    NetError option(int level, int name, int *value, const char *nameText);
    // SO_LINGER takes a struct: on with a time in seconds, or off.
    NetError setLinger(bool on, int seconds);
    NetError linger(bool *on, int *seconds);
    // An option that takes a struct (ip_mreqn, group_source_req...); valueText is how the trace shows it.
    NetError setOptionBytes(int level, int name, const void *value, quint32 size, const char *nameText,
                            const QString &valueText);
    NetError bind(const SocketAddress &address);
    NetError listen(int backlog);
    // Waits for a pending connection, then accepts it: the new fd (owned by the caller) or -1.
    int accept(QDeadlineTimer deadline, SocketAddress *peer, NetError *error);
    // connect(), then a wait for the outcome when the kernel says EINPROGRESS.
    NetError connect(const SocketAddress &address, QDeadlineTimer deadline);
    // One send() that never waits, for a server with many clients: a slow reader must not hold up
    // the others. Traced like every call, except a full send buffer, which is only a wait.
    SendResult sendSome(const char *data, qint64 len);
    // Sends everything, looping on partial sends, waiting when the send buffer is full.
    NetError sendAll(const char *data, qint64 len, QDeadlineTimer deadline, qint64 *sent);
    NetError sendTo(const char *data, qint64 len, const SocketAddress &to, qint64 *sent);

    enum class Wait { Ready, Timeout, Cancelled, Failed };
    // Waits until the socket is readable (or, with forWrite, writable). A forever deadline waits for ever.
    Wait wait(bool forWrite, QDeadlineTimer deadline, NetError *error);

    // One recv() into buffer, EINTR retried.
    ReceiveResult receive(char *buffer, qint64 len);
    // One datagram, its sender and the ancillary data the socket was asked for (the drop counter:
    // countDrops(); the destination address: IP_PKTINFO, IPV6_RECVPKTINFO), in one recvmsg() with
    // MSG_TRUNC: a datagram longer than len is cut, datagramSize tells by how much.
    ReceiveResult receiveDatagram(char *buffer, qint64 len);
    // As many datagrams as are queued, up to batch.capacity(), in one recvmmsg() that never waits,
    // each read as receiveDatagram() reads one: its sender, its real size (MSG_TRUNC) and its own
    // ancillary data. batch.size() says how many; none when nothing is queued. One trace entry per
    // call, and successive calls fold into it: a flood leaves one line, not one per datagram.
    NetError receiveDatagrams(DatagramBatch &batch);
    // SO_RXQ_OVFL: each datagram from now on carries the kernel's count of drops on this socket.
    NetError countDrops();
    // The kernel's count of datagrams dropped on this socket (SK_MEMINFO_DROPS of SO_MEMINFO):
    // unlike the count a datagram carries, it includes drops after the last datagram queued.
    std::optional<quint32> dropCounter();

    NetError shutdown(int how);
    void close();

    SocketAddress localAddress();
    SocketAddress peerAddress();

    int fd() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }

private:
    Trace &m_trace;
    const CancelToken *m_cancel;
    int m_fd = -1;
};

// The first bytes of a buffer, escaped and quoted, as strace shows them: a person matches calls to payloads.
QString bufferPreview(const char *data, qint64 len);

} // namespace SocketLab
