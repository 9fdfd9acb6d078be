#pragma once

#include "exchange/exchangephase.h"
#include "exchange/exchangeresult.h"
#include "exchange/httpcompletion.h"
#include "exchange/stoprule.h"
#include "net/socketoption.h"
#include "tls/tlsinfo.h"
#include "tls/tlsoptions.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace SocketLab {

class ByteSink;
class CancelToken;
class HttpResponseParser;
class Socket;
class TlsStream;
class Trace;

struct TcpRequest
{
    QString host;
    QString service;            // port number or service name ("http")
    IpFamily family = IpFamily::Any;
    QByteArray payload;         // sent whole once connected; empty sends nothing
    StopRule stopRule;
    int connectTimeoutMs = 10000; // for each address tried; 0 = no limit
    int totalTimeoutMs = 0;       // from start to end, resolution included; 0 = no limit
    qint64 maxBytes = 0;          // size cap on what is read; 0 = no cap
    qint64 recvSize = 64 * 1024;  // the buffer size passed to each recv(), like Python's recv(1024)
    TlsOptions tls;               // off: plain TCP
    // Set on each socket after socket() and before bind()/connect(), in this order.
    QList<SocketOptionSetting> socketOptions;
    // bind() to this address before connect(); port 0 lets the kernel pick. Invalid: no bind().
    SocketAddress localAddress;
};

struct TcpResult
{
    QList<AddrInfoRow> resolved;
    QList<ConnectAttempt> attempts;
    SocketAddress connectedTo;
    SocketAddress local;
    qint64 sentBytes = 0;
    qint64 receivedBytes = 0;
    StopInfo stop;
    NetError error;             // what failed, if anything did; received bytes are kept regardless
    ExchangeTimings timings;
    // Set when the reply starts with "HTTP/": its parse, whatever the stop rule.
    std::shared_ptr<const HttpResponseParser> http;
    // Set for a TLS exchange once connected: what was agreed, the chain, the verdict on it.
    std::optional<TlsInfo> tls;
    // What became of each of the request's socketOptions on the socket that connected (when none
    // did, on the last one tried).
    QList<SocketOptionOutcome> socketOptions;
};

// One run of resolve -> socket -> connect -> [TLS handshake] -> send -> receive until a stop rule -> close, on the
// calling thread (a worker: it blocks). Every call goes to the trace; received bytes go to the sink
// as each recv() returns them; cancel() on the token ends it at once from any thread.
class TcpExchange
{
public:
    TcpExchange(const TcpRequest &request, ByteSink &sink, Trace &trace, const CancelToken &cancel);
    ~TcpExchange();

    TcpResult run(PhaseObserver observer = {});
    // Told when an HTTP reply is complete by its own framing while the stop rule reads until the
    // server closes: the window says so at once rather than wait silently for a keep-alive timeout.
    void setHttpCompletionObserver(HttpCompletionObserver observer) { m_httpCompletionObserver = std::move(observer); }
    // Told once, as reading begins, with what the result holds by then (addresses, connection, TLS,
    // bytes sent): a display that streams the reply states the connection before its first byte.
    void setReceivingObserver(std::function<void(const TcpResult &)> observer) { m_receivingObserver = std::move(observer); }

private:
    bool connectAny(TcpResult &result, Socket &socket);
    // The handshake and the certificate check; false (result.error set) if the request must not go.
    bool startTls(TcpResult &result, TlsStream &tls);
    void receive(TcpResult &result, Socket &socket, TlsStream *tls);
    void setPhase(ExchangePhase phase);

    TcpRequest m_request;
    ByteSink &m_sink;
    Trace &m_trace;
    const CancelToken &m_cancel;
    QDeadlineTimer m_deadline;
    PhaseObserver m_observer;
    HttpCompletionObserver m_httpCompletionObserver;
    std::function<void(const TcpResult &)> m_receivingObserver;
};

} // namespace SocketLab
