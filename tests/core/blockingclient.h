#pragma once

#include "net/socketaddress.h"

#include <QByteArray>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

// A plain blocking BSD socket for the server tests: an independent client, so SocketLab's servers
// are not only checked by SocketLab's own socket code. Every call is bounded by a receive/send
// timeout, so a server that hangs fails the test instead of hanging it.
class BlockingClient
{
public:
    explicit BlockingClient(int type = SOCK_STREAM, int family = AF_INET, int timeoutMs = 10000)
        : m_fd(::socket(family, type | SOCK_CLOEXEC, 0))
    {
        timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }
    ~BlockingClient() { close(); }
    BlockingClient(const BlockingClient &) = delete;
    BlockingClient &operator=(const BlockingClient &) = delete;

    int fd() const { return m_fd; }
    bool timedOut() const { return m_timedOut; }

    bool connectTo(const SocketLab::SocketAddress &address)
    {
        return ::connect(m_fd, address.data(), address.size()) == 0;
    }

    bool sendAll(const QByteArray &bytes)
    {
        qint64 done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }

    // One recv(): the bytes, or empty at EOF, on an error or after the timeout (timedOut() says).
    QByteArray receiveSome(qint64 max = 65536)
    {
        QByteArray buffer(max, Qt::Uninitialized);
        ssize_t n;
        do {
            n = ::recv(m_fd, buffer.data(), size_t(max), 0);
        } while (n < 0 && errno == EINTR);
        m_timedOut = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
        buffer.truncate(n > 0 ? n : 0);
        return buffer;
    }

    QByteArray receiveExactly(qint64 count)
    {
        QByteArray all;
        while (all.size() < count) {
            const QByteArray some = receiveSome(count - all.size());
            if (some.isEmpty())
                break;
            all += some;
        }
        return all;
    }

    // Everything until the peer closes; stops early (without EOF) on a timeout.
    QByteArray receiveUntilClosed(bool *closed = nullptr)
    {
        QByteArray all;
        for (;;) {
            const QByteArray some = receiveSome();
            if (some.isEmpty())
                break;
            all += some;
        }
        if (closed)
            *closed = !m_timedOut;
        return all;
    }

    bool sendTo(const QByteArray &bytes, const SocketLab::SocketAddress &to)
    {
        return ::sendto(m_fd, bytes.constData(), size_t(bytes.size()), 0, to.data(), to.size()) == bytes.size();
    }

    // One datagram; *size is its real length (MSG_TRUNC), -1 on a timeout or an error.
    QByteArray receiveFrom(SocketLab::SocketAddress *from, qint64 *size)
    {
        QByteArray buffer(70000, Qt::Uninitialized);
        sockaddr_storage storage{};
        socklen_t len = sizeof storage;
        const ssize_t n = ::recvfrom(m_fd, buffer.data(), size_t(buffer.size()), MSG_TRUNC,
                                     reinterpret_cast<sockaddr *>(&storage), &len);
        *size = n;
        if (n < 0)
            return {};
        if (from)
            *from = SocketLab::SocketAddress(reinterpret_cast<sockaddr *>(&storage), len);
        buffer.truncate(qMin<qint64>(n, buffer.size()));
        return buffer;
    }

    SocketLab::SocketAddress localAddress() const
    {
        sockaddr_storage storage{};
        socklen_t len = sizeof storage;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &len);
        return SocketLab::SocketAddress(reinterpret_cast<sockaddr *>(&storage), len);
    }

    void shutdownWrite() { ::shutdown(m_fd, SHUT_WR); }

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
    bool m_timedOut = false;
};
