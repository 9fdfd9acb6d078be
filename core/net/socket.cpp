#include "socket.h"

#include "bytes/payloadcodec.h"
#include "canceltoken.h"
#include "trace.h"

#include <QStringList>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace SocketLab {

// strace shows the first bytes of a buffer; so do we, so a person can match calls to payloads.
QString bufferPreview(const char *data, qint64 len)
{
    constexpr qint64 previewBytes = 32;
    const QByteArray head(data, int(qMin(len, previewBytes)));
    QString text = QLatin1Char('"') + PayloadCodec::encodeEscaped(head) + QLatin1Char('"');
    if (len > previewBytes)
        text += QStringLiteral("...");
    return text;
}

namespace {

QString typeText(SocketKind kind)
{
    return socketTypeName(kind) + QStringLiteral("|SOCK_NONBLOCK|SOCK_CLOEXEC");
}

QString howText(int how)
{
    switch (how) {
    case SHUT_RD: return QStringLiteral("SHUT_RD");
    case SHUT_WR: return QStringLiteral("SHUT_WR");
    default: return QStringLiteral("SHUT_RDWR");
    }
}

QString levelName(int level)
{
    switch (level) {
    case SOL_SOCKET: return QStringLiteral("SOL_SOCKET");
    case IPPROTO_IP: return QStringLiteral("IPPROTO_IP");
    case IPPROTO_IPV6: return QStringLiteral("IPPROTO_IPV6");
    case IPPROTO_TCP: return QStringLiteral("IPPROTO_TCP");
    case IPPROTO_UDP: return QStringLiteral("IPPROTO_UDP");
    default: return QString::number(level);
    }
}

int pollTimeoutMs(QDeadlineTimer deadline)
{
    if (deadline.isForever())
        return -1;
    // Round up so a wait never returns a hair before its deadline and spins once more.
    const qint64 ns = deadline.remainingTimeNSecs();
    return int(qMin<qint64>((ns + 999999) / 1000000, 24 * 3600 * 1000));
}

} // namespace

Socket::Socket(Trace &trace, const CancelToken *cancel)
    : m_trace(trace)
    , m_cancel(cancel)
{
}

Socket::~Socket()
{
    close();
}

void Socket::adopt(int fd)
{
    close();
    m_fd = fd;
}

NetError Socket::open(IpFamily family, SocketKind kind, int protocol)
{
    close();
    m_fd = ::socket(int(family), int(kind) | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    const int err = m_fd < 0 ? errno : 0;
    m_trace.record(QStringLiteral("socket"),
                   QStringLiteral("%1, %2, %3").arg(familyName(family), typeText(kind), protocolName(protocol)),
                   m_fd, err);
    return err ? NetError::fromErrno(err, QStringLiteral("socket")) : NetError{};
}

NetError Socket::setOption(int level, int name, int value, const char *nameText)
{
    const int rc = ::setsockopt(m_fd, level, name, &value, sizeof value);
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("setsockopt"),
                   QStringLiteral("%1, %2, %3, [%4], 4").arg(m_fd).arg(levelName(level), QLatin1StringView(nameText)).arg(value),
                   rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("setsockopt")) : NetError{};
}

NetError Socket::option(int level, int name, int *value, const char *nameText)
{
    socklen_t size = sizeof *value;
    const int rc = ::getsockopt(m_fd, level, name, value, &size);
    const int err = rc < 0 ? errno : 0;
    // As strace does: the value only when the call wrote one.
    const QString valueText = err ? QStringLiteral("?") : QStringLiteral("[%1]").arg(*value);
    m_trace.record(QStringLiteral("getsockopt"),
                   QStringLiteral("%1, %2, %3, %4, [4]").arg(m_fd).arg(levelName(level), QLatin1StringView(nameText), valueText),
                   rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("getsockopt")) : NetError{};
}

NetError Socket::setLinger(bool on, int seconds)
{
    const struct linger value = {on ? 1 : 0, seconds};
    const int rc = ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &value, sizeof value);
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("setsockopt"),
                   QStringLiteral("%1, SOL_SOCKET, SO_LINGER, {l_onoff=%2, l_linger=%3}, %4")
                       .arg(m_fd).arg(value.l_onoff).arg(value.l_linger).arg(sizeof value),
                   rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("setsockopt")) : NetError{};
}

NetError Socket::linger(bool *on, int *seconds)
{
    struct linger value = {0, 0};
    socklen_t size = sizeof value;
    const int rc = ::getsockopt(m_fd, SOL_SOCKET, SO_LINGER, &value, &size);
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("getsockopt"),
                   QStringLiteral("%1, SOL_SOCKET, SO_LINGER, {l_onoff=%2, l_linger=%3}, [%4]")
                       .arg(m_fd).arg(value.l_onoff).arg(value.l_linger).arg(size),
                   rc, err);
    *on = value.l_onoff != 0;
    *seconds = value.l_linger;
    return err ? NetError::fromErrno(err, QStringLiteral("getsockopt")) : NetError{};
}

NetError Socket::setOptionBytes(int level, int name, const void *value, quint32 size, const char *nameText,
                                const QString &valueText)
{
    const int rc = ::setsockopt(m_fd, level, name, value, size);
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("setsockopt"),
                   QStringLiteral("%1, %2, %3, %4, %5").arg(m_fd).arg(levelName(level), QLatin1StringView(nameText), valueText).arg(size),
                   rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("setsockopt")) : NetError{};
}

NetError Socket::bind(const SocketAddress &address)
{
    const int rc = ::bind(m_fd, address.data(), address.size());
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("bind"),
                   QStringLiteral("%1, {%2}, %3").arg(m_fd).arg(address.toString()).arg(address.size()), rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("bind"), address.toString()) : NetError{};
}

NetError Socket::listen(int backlog)
{
    const int rc = ::listen(m_fd, backlog);
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("listen"), QStringLiteral("%1, %2").arg(m_fd).arg(backlog), rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("listen")) : NetError{};
}

int Socket::accept(QDeadlineTimer deadline, SocketAddress *peer, NetError *error)
{
    for (;;) {
        sockaddr_storage storage{};
        socklen_t len = sizeof storage;
        const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&storage), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        const int err = fd < 0 ? errno : 0;
        if (err == EINTR || err == ECONNABORTED)
            continue;
        if (err != EAGAIN && err != EWOULDBLOCK) {
            const SocketAddress from(reinterpret_cast<sockaddr *>(&storage), len);
            m_trace.record(QStringLiteral("accept4"),
                           QStringLiteral("%1, {%2}, SOCK_NONBLOCK|SOCK_CLOEXEC").arg(m_fd).arg(from.toString()), fd, err);
            if (err) {
                *error = NetError::fromErrno(err, QStringLiteral("accept"));
                return -1;
            }
            if (peer)
                *peer = from;
            return fd;
        }
        const Wait w = wait(false, deadline, error);
        if (w != Wait::Ready) {
            if (w != Wait::Failed)
                *error = w == Wait::Timeout ? NetError::timeout(QStringLiteral("accept"))
                                            : NetError::cancelled(QStringLiteral("accept"));
            return -1;
        }
    }
}

NetError Socket::connect(const SocketAddress &address, QDeadlineTimer deadline)
{
    int rc;
    do {
        rc = ::connect(m_fd, address.data(), address.size());
    } while (rc < 0 && errno == EINTR);
    int err = rc < 0 ? errno : 0;
    const QString where = address.toString();
    m_trace.record(QStringLiteral("connect"),
                   QStringLiteral("%1, {%2}, %3").arg(m_fd).arg(where).arg(address.size()), rc, err);
    if (err == 0)
        return {};
    if (err != EINPROGRESS)
        return NetError::fromErrno(err, QStringLiteral("connect"), where);

    NetError waitError;
    const Wait w = wait(true, deadline, &waitError);
    if (w == Wait::Timeout)
        return NetError::timeout(QStringLiteral("connect"), where);
    if (w == Wait::Cancelled)
        return NetError::cancelled(QStringLiteral("connect"));
    if (w == Wait::Failed)
        return waitError;

    int soError = 0;
    socklen_t len = sizeof soError;
    rc = ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &soError, &len);
    err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("getsockopt"),
                   QStringLiteral("%1, SOL_SOCKET, SO_ERROR, [%2]").arg(m_fd).arg(errnoName(soError)), rc, err);
    if (err)
        return NetError::fromErrno(err, QStringLiteral("getsockopt"), where);
    if (soError)
        return NetError::fromErrno(soError, QStringLiteral("connect"), where);
    return {};
}

SendResult Socket::sendSome(const char *data, qint64 len)
{
    // send() of nothing returns 0, which no status here stands for.
    Q_ASSERT(len > 0);
    ssize_t n;
    do {
        n = ::send(m_fd, data, size_t(len), MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    const int err = n < 0 ? errno : 0;
    SendResult result;
    if (err == EAGAIN || err == EWOULDBLOCK) {
        result.status = SendResult::Status::WouldBlock;
        return result;
    }
    m_trace.recordData("send", n, err, [&] {
        return QStringLiteral("%1, %2, %3, MSG_NOSIGNAL").arg(m_fd).arg(bufferPreview(data, len)).arg(len);
    });
    if (err) {
        result.status = SendResult::Status::Failed;
        result.error = NetError::fromErrno(err, QStringLiteral("send"));
        return result;
    }
    result.bytes = n;
    return result;
}

NetError Socket::sendAll(const char *data, qint64 len, QDeadlineTimer deadline, qint64 *sent)
{
    *sent = 0;
    while (*sent < len) {
        const SendResult result = sendSome(data + *sent, len - *sent);
        if (result.status == SendResult::Status::Failed)
            return result.error;
        if (result.status == SendResult::Status::Sent) {
            *sent += result.bytes;
            continue;
        }
        NetError waitError;
        const Wait w = wait(true, deadline, &waitError);
        if (w == Wait::Timeout)
            return NetError::timeout(QStringLiteral("send"));
        if (w == Wait::Cancelled)
            return NetError::cancelled(QStringLiteral("send"));
        if (w == Wait::Failed)
            return waitError;
    }
    return {};
}

NetError Socket::sendTo(const char *data, qint64 len, const SocketAddress &to, qint64 *sent)
{
    ssize_t n;
    do {
        n = to.isValid() ? ::sendto(m_fd, data, size_t(len), MSG_NOSIGNAL, to.data(), to.size())
                         : ::send(m_fd, data, size_t(len), MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    const int err = n < 0 ? errno : 0;
    if (to.isValid())
        m_trace.recordData("sendto", n, err, [&] {
            return QStringLiteral("%1, %2, %3, MSG_NOSIGNAL, {%4}, %5")
                .arg(m_fd).arg(bufferPreview(data, len)).arg(len).arg(to.toString()).arg(to.size());
        });
    else
        m_trace.recordData("send", n, err, [&] {
            return QStringLiteral("%1, %2, %3, MSG_NOSIGNAL").arg(m_fd).arg(bufferPreview(data, len)).arg(len);
        });
    *sent = n > 0 ? n : 0;
    return err ? NetError::fromErrno(err, to.isValid() ? QStringLiteral("sendto") : QStringLiteral("send"), to.toString())
               : NetError{};
}

Socket::Wait Socket::wait(bool forWrite, QDeadlineTimer deadline, NetError *error)
{
    for (;;) {
        if (m_cancel && m_cancel->isCancelled())
            return Wait::Cancelled;
        pollfd fds[2] = {{m_fd, short(forWrite ? POLLOUT : POLLIN), 0}, {m_cancel ? m_cancel->fd() : -1, POLLIN, 0}};
        const int timeoutMs = pollTimeoutMs(deadline);
        const int rc = ::poll(fds, m_cancel ? 2 : 1, timeoutMs);
        const int err = rc < 0 ? errno : 0;
        if (err == EINTR)
            continue;
        if (rc < 0) {
            m_trace.record(QStringLiteral("poll"), QStringLiteral("[{fd=%1}], %2").arg(m_fd).arg(timeoutMs), rc, err);
            *error = NetError::fromErrno(err, QStringLiteral("poll"));
            return Wait::Failed;
        }
        if (m_cancel && (fds[1].revents & POLLIN))
            return Wait::Cancelled;
        if (fds[0].revents)
            return Wait::Ready; // errors and hang-ups surface from the call that follows
        if (rc == 0 && deadline.hasExpired()) {
            m_trace.record(QStringLiteral("poll"),
                           QStringLiteral("[{fd=%1, events=%2}], %3").arg(m_fd).arg(forWrite ? QStringLiteral("POLLOUT") : QStringLiteral("POLLIN")).arg(timeoutMs),
                           0, 0);
            return Wait::Timeout;
        }
    }
}

ReceiveResult Socket::receive(char *buffer, qint64 len)
{
    // recv() into nothing returns 0, which would read as the peer closing.
    Q_ASSERT(len > 0);
    ssize_t n;
    do {
        n = ::recv(m_fd, buffer, size_t(len), 0);
    } while (n < 0 && errno == EINTR);
    const int err = n < 0 ? errno : 0;
    ReceiveResult result;
    if (err == EAGAIN || err == EWOULDBLOCK)
        return result;
    m_trace.recordData("recv", n, err, [&] { return QStringLiteral("%1, buf, %2, 0").arg(m_fd).arg(len); });
    if (err) {
        result.status = ReceiveResult::Status::Failed;
        result.error = NetError::fromErrno(err, QStringLiteral("recv"));
    } else {
        result.status = n == 0 ? ReceiveResult::Status::Closed : ReceiveResult::Status::Data;
        result.bytes = n;
    }
    return result;
}

namespace {

// The destination address in IP_PKTINFO / IPV6_PKTINFO, with port 0: the ancillary data holds none.
SocketAddress pktinfoAddress(const cmsghdr *cmsg)
{
    if (cmsg->cmsg_level == IPPROTO_IP && cmsg->cmsg_type == IP_PKTINFO) {
        in_pktinfo info{};
        std::memcpy(&info, CMSG_DATA(cmsg), sizeof info);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr = info.ipi_addr;
        return SocketAddress(reinterpret_cast<const sockaddr *>(&address), sizeof address);
    }
    in6_pktinfo info{};
    std::memcpy(&info, CMSG_DATA(cmsg), sizeof info);
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_addr = info.ipi6_addr;
    // A link-local destination means nothing without the interface it came in on.
    if (IN6_IS_ADDR_LINKLOCAL(&info.ipi6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&info.ipi6_addr))
        address.sin6_scope_id = info.ipi6_ifindex;
    return SocketAddress(reinterpret_cast<const sockaddr *>(&address), sizeof address);
}

// Room for the drop counter and either packet info.
constexpr size_t ControlRoom = CMSG_SPACE(sizeof(quint32)) + CMSG_SPACE(sizeof(in6_pktinfo)) + CMSG_SPACE(sizeof(in_pktinfo));

// The drop counter (SO_RXQ_OVFL) and the destination (IP_PKTINFO, IPV6_PKTINFO) of one datagram read.
void readAncillary(msghdr &message, ReceiveResult *result)
{
    for (cmsghdr *cmsg = CMSG_FIRSTHDR(&message); cmsg; cmsg = CMSG_NXTHDR(&message, cmsg)) {
        if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SO_RXQ_OVFL) {
            quint32 counter = 0;
            std::memcpy(&counter, CMSG_DATA(cmsg), sizeof counter);
            result->dropCounter = counter;
        } else if ((cmsg->cmsg_level == IPPROTO_IP && cmsg->cmsg_type == IP_PKTINFO)
                   || (cmsg->cmsg_level == IPPROTO_IPV6 && cmsg->cmsg_type == IPV6_PKTINFO)) {
            result->destination = pktinfoAddress(cmsg);
        }
    }
}

// The ancillary data of a datagram, as the trace shows it.
QString ancillaryText(const ReceiveResult &result)
{
    QStringList ancillary;
    if (result.dropCounter)
        ancillary.append(QStringLiteral("SO_RXQ_OVFL=%1").arg(*result.dropCounter));
    if (result.destination)
        ancillary.append(QStringLiteral("PKTINFO={%1}").arg(result.destination->host()));
    return ancillary.join(QStringLiteral(", "));
}

} // namespace

ReceiveResult Socket::receiveDatagram(char *buffer, qint64 len)
{
    sockaddr_storage storage{};
    iovec iov{buffer, size_t(len)};
    alignas(cmsghdr) char control[ControlRoom];
    msghdr message{};
    ssize_t n;
    do {
        message.msg_name = &storage;
        message.msg_namelen = sizeof storage;
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        message.msg_flags = 0;
        n = ::recvmsg(m_fd, &message, MSG_TRUNC);
    } while (n < 0 && errno == EINTR);
    const int err = n < 0 ? errno : 0;
    ReceiveResult result;
    if (err == EAGAIN || err == EWOULDBLOCK)
        return result;
    if (!err)
        readAncillary(message, &result);
    const SocketAddress sender(reinterpret_cast<sockaddr *>(&storage), err ? 0 : message.msg_namelen);
    m_trace.recordData("recvmsg", n, err, [&] {
        return QStringLiteral("%1, {name={%2}, iov=[buf, %3], control=[%4]}, MSG_TRUNC")
            .arg(m_fd).arg(sender.toString()).arg(len).arg(ancillaryText(result));
    });
    if (err) {
        result.status = ReceiveResult::Status::Failed;
        result.error = NetError::fromErrno(err, QStringLiteral("recvmsg"));
        return result;
    }
    // An empty datagram is a datagram: UDP has no end of stream.
    result.status = ReceiveResult::Status::Data;
    result.from = sender;
    result.datagramSize = n;
    result.bytes = qMin<qint64>(n, len);
    return result;
}

struct DatagramBatch::Messages
{
    std::vector<mmsghdr> headers;
    std::vector<iovec> iovs;
    std::vector<sockaddr_storage> names;
    // Each datagram's own control buffer, so each carries its own drop counter and destination.
    struct Control
    {
        alignas(cmsghdr) char bytes[ControlRoom];
    };
    std::vector<Control> controls;
};

DatagramBatch::DatagramBatch(int capacity, qint64 room)
    : m_messages(std::make_unique<Messages>())
    // Not zeroed: untouched pages cost nothing, and only the bytes a datagram wrote are read.
    , m_data(std::make_unique_for_overwrite<char[]>(size_t(qMax(1, capacity)) * size_t(room)))
    , m_results(size_t(qMax(1, capacity)))
    , m_room(room)
{
    const size_t count = m_results.size();
    m_messages->headers.resize(count);
    m_messages->iovs.resize(count);
    m_messages->names.resize(count);
    m_messages->controls.resize(count);
}

DatagramBatch::~DatagramBatch() = default;

NetError Socket::receiveDatagrams(DatagramBatch &batch)
{
    DatagramBatch::Messages &messages = *batch.m_messages;
    const int capacity = batch.capacity();
    batch.m_size = 0;
    // The kernel rewrites the lengths of each message it fills: every call sets them afresh.
    for (int i = 0; i < capacity; ++i) {
        messages.iovs[size_t(i)] = {batch.m_data.get() + qint64(i) * batch.m_room, size_t(batch.m_room)};
        msghdr &header = messages.headers[size_t(i)].msg_hdr;
        header.msg_name = &messages.names[size_t(i)];
        header.msg_namelen = sizeof(sockaddr_storage);
        header.msg_iov = &messages.iovs[size_t(i)];
        header.msg_iovlen = 1;
        header.msg_control = messages.controls[size_t(i)].bytes;
        header.msg_controllen = ControlRoom;
        header.msg_flags = 0;
        messages.headers[size_t(i)].msg_len = 0;
    }
    int n;
    do {
        // MSG_TRUNC applies to each message: msg_len is the datagram's real size.
        n = ::recvmmsg(m_fd, messages.headers.data(), unsigned(capacity), MSG_TRUNC, nullptr);
    } while (n < 0 && errno == EINTR);
    const int err = n < 0 ? errno : 0;
    if (err == EAGAIN || err == EWOULDBLOCK)
        return {};
    qint64 bytes = 0;
    for (int i = 0; i < n; ++i) {
        mmsghdr &message = messages.headers[size_t(i)];
        ReceiveResult &result = batch.m_results[size_t(i)];
        result.status = ReceiveResult::Status::Data;
        result.from = SocketAddress(reinterpret_cast<const sockaddr *>(&messages.names[size_t(i)]), message.msg_hdr.msg_namelen);
        result.datagramSize = message.msg_len;
        result.bytes = qMin<qint64>(message.msg_len, batch.m_room);
        result.dropCounter.reset();
        result.destination.reset();
        readAncillary(message.msg_hdr, &result);
        bytes += result.bytes;
    }
    batch.m_size = qMax(0, n);
    m_trace.recordData("recvmmsg", n, err, bytes, [&] {
        QString first;
        if (n > 0) {
            const ReceiveResult &result = batch.m_results.front();
            // One pass: a scoped IPv6 sender ("fe80::1%2") must not feed the next placeholder.
            first = QStringLiteral("{name={%1}, iov=[buf, %2], control=[%3], len=%4}%5")
                        .arg(result.from.toString(), QString::number(batch.m_room), ancillaryText(result),
                             QString::number(result.datagramSize), n > 1 ? QStringLiteral(", ...") : QString());
        }
        return QStringLiteral("%1, [%2], %3, MSG_TRUNC, NULL").arg(m_fd).arg(first).arg(capacity);
    });
    return err ? NetError::fromErrno(err, QStringLiteral("recvmmsg")) : NetError{};
}

NetError Socket::countDrops()
{
    return setOption(SOL_SOCKET, SO_RXQ_OVFL, 1, "SO_RXQ_OVFL");
}

std::optional<quint32> Socket::dropCounter()
{
    quint32 meminfo[SK_MEMINFO_VARS] = {};
    socklen_t size = sizeof meminfo;
    const int rc = ::getsockopt(m_fd, SOL_SOCKET, SO_MEMINFO, meminfo, &size);
    const int err = rc < 0 ? errno : 0;
    // An older kernel may fill fewer fields than this one's headers name.
    const bool known = !err && size >= (SK_MEMINFO_DROPS + 1) * sizeof(quint32);
    m_trace.record(QStringLiteral("getsockopt"),
                   QStringLiteral("%1, SOL_SOCKET, SO_MEMINFO, %2, [%3]")
                       .arg(m_fd)
                       .arg(known ? QStringLiteral("[..., SK_MEMINFO_DROPS=%1]").arg(meminfo[SK_MEMINFO_DROPS]) : QStringLiteral("?"))
                       .arg(size),
                   rc, err);
    if (!known)
        return std::nullopt;
    return meminfo[SK_MEMINFO_DROPS];
}

NetError Socket::shutdown(int how)
{
    const int rc = ::shutdown(m_fd, how);
    const int err = rc < 0 ? errno : 0;
    m_trace.record(QStringLiteral("shutdown"), QStringLiteral("%1, %2").arg(m_fd).arg(howText(how)), rc, err);
    return err ? NetError::fromErrno(err, QStringLiteral("shutdown")) : NetError{};
}

void Socket::close()
{
    if (m_fd < 0)
        return;
    // close() may report EINTR on Linux, but the fd is released all the same: never retry it.
    const int rc = ::close(m_fd);
    m_trace.record(QStringLiteral("close"), QString::number(m_fd), rc, rc < 0 ? errno : 0);
    m_fd = -1;
}

SocketAddress Socket::localAddress()
{
    sockaddr_storage storage{};
    socklen_t len = sizeof storage;
    const int rc = ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &len);
    const SocketAddress address = rc == 0 ? SocketAddress(reinterpret_cast<sockaddr *>(&storage), len) : SocketAddress();
    m_trace.record(QStringLiteral("getsockname"), QStringLiteral("%1, {%2}").arg(m_fd).arg(address.toString()), rc,
                   rc < 0 ? errno : 0);
    return address;
}

SocketAddress Socket::peerAddress()
{
    sockaddr_storage storage{};
    socklen_t len = sizeof storage;
    const int rc = ::getpeername(m_fd, reinterpret_cast<sockaddr *>(&storage), &len);
    const SocketAddress address = rc == 0 ? SocketAddress(reinterpret_cast<sockaddr *>(&storage), len) : SocketAddress();
    m_trace.record(QStringLiteral("getpeername"), QStringLiteral("%1, {%2}").arg(m_fd).arg(address.toString()), rc,
                   rc < 0 ? errno : 0);
    return address;
}

} // namespace SocketLab
