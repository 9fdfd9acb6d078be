#include "udpexchange.h"

#include "bytes/bytesink.h"
#include "exchange/resolvestep.h"
#include "net/canceltoken.h"
#include "net/kerneldrops.h"
#include "net/localbind.h"
#include "net/socket.h"
#include "net/trace.h"

#include <memory>
#include <netdb.h>
#include <sys/socket.h>

namespace SocketLab {

UdpExchange::UdpExchange(const UdpRequest &request, ByteSink &sink, Trace &trace, const CancelToken &cancel)
    : m_request(request)
    , m_sink(sink)
    , m_trace(trace)
    , m_cancel(cancel)
{
}

SocketAddress UdpExchange::localAddress(IpFamily family) const
{
    if (m_request.localAddress.isValid() || m_request.bindPort == 0)
        return m_request.localAddress;
    const QString wildcard = family == IpFamily::V6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0");
    return *SocketAddress::fromNumeric(wildcard, m_request.bindPort);
}

void UdpExchange::setPhase(ExchangePhase phase)
{
    if (m_observer)
        m_observer(phase);
}

UdpResult UdpExchange::run(PhaseObserver observer)
{
    m_observer = std::move(observer);
    UdpResult result;
    setPhase(ExchangePhase::Resolving);
    const ResolveResult resolved = resolveTarget(m_request.host, m_request.service, m_request.family, SocketKind::Datagram,
                                                 m_trace, m_cancel, QDeadlineTimer(QDeadlineTimer::Forever));
    result.resolved = resolved.rows;
    result.timings.resolvedUs = m_trace.elapsedUs();
    // Set once reading begins: what the end of reading must still do on the socket.
    std::function<void()> beforeEnd;
    auto finish = [&](StopReason reason, qint64 limit) {
        if (beforeEnd)
            beforeEnd();
        result.stop.reason = reason;
        result.stop.limit = limit;
        result.receivedBytes = m_sink.size();
        result.stop.bytes = result.receivedBytes;
        result.timings.totalUs = m_trace.elapsedUs();
        setPhase(ExchangePhase::Done);
        return result;
    };
    auto fail = [&](const NetError &error) {
        result.error = error;
        if (result.error.detail.isEmpty() && result.target.isValid())
            result.error.detail = result.target.toString();
        return finish(error.kind == NetError::Kind::Cancelled ? StopReason::Cancelled : StopReason::Error, 0);
    };
    if (resolved.error.isError())
        return fail(resolved.error);
    if (resolved.rows.isEmpty())
        return fail(NetError::fromEai(EAI_NONAME, 0));

    // UDP has no connection to try: the first address is the target, as sendto() in the notebook (the
    // first of the local address's family when one is given).
    const AddrInfoRow *first = firstRowFitting(resolved.rows, m_request.localAddress);
    if (!first)
        return fail(localFamilyMismatch(m_request.localAddress));
    const AddrInfoRow &row = *first;
    result.target = row.address;
    Socket socket(m_trace, &m_cancel);
    if (NetError e = socket.open(row.family, SocketKind::Datagram, row.protocol); e.isError())
        return fail(e);
    // SO_BROADCAST (--broadcast) among the options: before anything is sent.
    if (NetError e = prepareClientSocket(socket, m_request.socketOptions, localAddress(row.family), row.family,
                                         SocketKind::Datagram, &result.socketOptions);
        e.isError())
        return fail(e);
    if (m_request.multicast.isSet()) {
        if (NetError e = Multicast::applySendSettings(socket, row.family, m_request.multicast); e.isError())
            return fail(e);
    }
    if (m_request.connected) {
        setPhase(ExchangePhase::Connecting);
        if (NetError e = socket.connect(row.address, QDeadlineTimer(QDeadlineTimer::Forever)); e.isError())
            return fail(e);
        result.timings.connectedUs = m_trace.elapsedUs();
    }
    // Before the datagram leaves, so the first reply already carries the count.
    const bool countsDrops = !socket.countDrops().isError();
    setPhase(ExchangePhase::Sending);
    const SocketAddress sendTarget = m_request.connected ? SocketAddress() : row.address;
    if (NetError e = socket.sendTo(m_request.payload.constData(), m_request.payload.size(), sendTarget,
                                   &result.sentBytes);
        e.isError())
        return fail(e);
    result.local = socket.localAddress();

    setPhase(ExchangePhase::Receiving);
    int receiveBuffer = 0;
    if (!socket.option(SOL_SOCKET, SO_RCVBUF, &receiveBuffer, "SO_RCVBUF").isError())
        result.receiveBufferBytes = receiveBuffer;
    KernelDrops drops;
    if (countsDrops) {
        // Every way out of reading: what the kernel dropped after the last datagram read counts too.
        beforeEnd = [&] {
            drops.settle(socket);
            result.kernelDrops = drops.dropped();
        };
    }
    if (m_receivingObserver)
        m_receivingObserver(result);
    const QDeadlineTimer window(m_request.waitMs, Qt::PreciseTimer);
    const qint64 bufferSize = qMax<qint64>(1, m_request.recvSize);
    auto buffer = std::make_unique<char[]>(size_t(bufferSize));
    for (;;) {
        NetError waitError;
        const Socket::Wait w = socket.wait(false, window, &waitError);
        if (w == Socket::Wait::Cancelled)
            return fail(NetError::cancelled(QStringLiteral("recvmsg")));
        if (w == Socket::Wait::Failed)
            return fail(waitError);
        if (w == Socket::Wait::Timeout)
            return finish(StopReason::WaitElapsed, m_request.waitMs);
        for (;;) {
            const qint64 room = m_request.maxBytes > 0 ? qMin(bufferSize, m_request.maxBytes - m_sink.size()) : bufferSize;
            const ReceiveResult received = socket.receiveDatagram(buffer.get(), room);
            if (received.status == ReceiveResult::Status::WouldBlock)
                break;
            if (received.status == ReceiveResult::Status::Failed)
                return fail(received.error);
            drops.observe(received.dropCounter);
            const qint64 kept = received.bytes;
            Datagram datagram;
            datagram.from = received.from;
            datagram.size = received.datagramSize;
            datagram.kept = kept;
            datagram.truncated = datagram.size > kept;
            datagram.timeUs = m_trace.elapsedUs();
            if (result.timings.firstByteUs < 0)
                result.timings.firstByteUs = datagram.timeUs;
            if (m_datagramObserver)
                m_datagramObserver(datagram);
            if (!m_sink.append(buffer.get(), kept, datagram.timeUs))
                return fail(NetError{NetError::Kind::File, m_sink.lastErrno(), m_sink.lastErrno(),
                                     QStringLiteral("write"), {}, {}, {}});
            result.datagrams.append(datagram);
            if (m_request.maxDatagrams > 0 && result.datagrams.size() >= m_request.maxDatagrams)
                return finish(StopReason::DatagramCountReached, m_request.maxDatagrams);
            if (m_request.maxBytes > 0 && m_sink.size() >= m_request.maxBytes)
                return finish(StopReason::SizeCap, m_request.maxBytes);
        }
    }
}

} // namespace SocketLab
