#pragma once

#include "neterror.h"
#include "socketaddress.h"

#include <QDeadlineTimer>

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

// What one recv() or recvfrom() gave.
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
    qint64 datagramSize = 0;    // receiveFrom(): the datagram's real size, may exceed bytes (MSG_TRUNC)
    SocketAddress from;         // receiveFrom(): the sender
    NetError error;
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
    // One recvfrom() with MSG_TRUNC: a datagram longer than len is cut, datagramSize tells by how much.
    ReceiveResult receiveFrom(char *buffer, qint64 len);

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
