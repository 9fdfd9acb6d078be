#pragma once

#include "exchange/exchangephase.h"
#include "exchange/exchangeresult.h"
#include "net/multicast.h"
#include "net/socketoption.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>

#include <functional>
#include <optional>

namespace SocketLab {

class ByteSink;
class CancelToken;
class Trace;

struct UdpRequest
{
    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    QByteArray payload;         // one datagram; may be empty (a 0-byte datagram is sent)
    int waitMs = 2000;          // how long to collect replies after sending
    int maxDatagrams = 0;       // stop after this many; 0 = until the wait ends
    bool connected = false;     // connect() first: replies only from the target, ICMP errors reported
    quint16 bindPort = 0;       // local port to bind; 0 = the kernel picks
    qint64 recvSize = 65536;    // the buffer given to recvfrom(); smaller datagrams are not truncated
    qint64 maxBytes = 0;        // size cap on the bytes kept; the datagram that reaches it is truncated; 0 = no cap
    // Set after socket() and before bind()/connect()/sendto(), in this order.
    QList<SocketOptionSetting> socketOptions;
    // bind() to this address (its port taking the place of bindPort); invalid: bindPort's rule.
    SocketAddress localAddress;
    // For a datagram sent to a group: hops, loopback and interface, set before sendto().
    MulticastSendSettings multicast;
};

struct UdpResult
{
    QList<AddrInfoRow> resolved;
    SocketAddress target;
    SocketAddress local;
    qint64 sentBytes = 0;
    QList<Datagram> datagrams;  // in arrival order; their bytes are the sink's segments
    qint64 receivedBytes = 0;
    StopInfo stop;
    NetError error;             // ECONNREFUSED from recv() in connected mode: ICMP port unreachable
    ExchangeTimings timings;
    // What became of each of the request's socketOptions.
    QList<SocketOptionOutcome> socketOptions;
    // Datagrams the kernel dropped while replies came, its receive buffer full (SO_RXQ_OVFL and
    // SO_MEMINFO); none when the system keeps no count or reading never began.
    std::optional<qint64> kernelDrops;
    qint64 receiveBufferBytes = 0;  // SO_RCVBUF as reading began: the buffer that was full
};

// Sends one datagram and collects the replies, on the calling thread (a worker: it blocks).
class UdpExchange
{
public:
    UdpExchange(const UdpRequest &request, ByteSink &sink, Trace &trace, const CancelToken &cancel);
    UdpResult run(PhaseObserver observer = {});
    // Told once, as reading begins, with what the result holds by then (target, local address, bytes
    // sent): a display that streams the replies states the request first.
    void setReceivingObserver(std::function<void(const UdpResult &)> observer) { m_receivingObserver = std::move(observer); }
    // Told of each datagram before its bytes go to the sink, so a sink that shows them at once can
    // say where each came from.
    void setDatagramObserver(std::function<void(const Datagram &)> observer) { m_datagramObserver = std::move(observer); }

private:
    void setPhase(ExchangePhase phase);
    // What to bind() a socket of this family to: the local address, or the wildcard with bindPort,
    // or nothing (invalid) when the kernel picks at the first sendto().
    SocketAddress localAddress(IpFamily family) const;

    UdpRequest m_request;
    ByteSink &m_sink;
    Trace &m_trace;
    const CancelToken &m_cancel;
    PhaseObserver m_observer;
    std::function<void(const UdpResult &)> m_receivingObserver;
    std::function<void(const Datagram &)> m_datagramObserver;
};

} // namespace SocketLab
