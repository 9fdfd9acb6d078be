#include "tcpexchange.h"

#include "bytes/bytesink.h"
#include "exchange/resolvestep.h"
#include "exchange/tcpconnect.h"
#include "http/httpresponseparser.h"
#include "net/canceltoken.h"
#include "net/socket.h"
#include "net/trace.h"
#include "tls/tlsstream.h"

#include <cerrno>

namespace SocketLab {

namespace {

// Enough for a few empty lines and a protocol name before the "/" of a status line.
constexpr qsizetype SniffBytes = 32;

QDeadlineTimer earlier(QDeadlineTimer a, QDeadlineTimer b)
{
    return a.deadlineNSecs() <= b.deadlineNSecs() ? a : b;
}

} // namespace

TcpExchange::TcpExchange(const TcpRequest &request, ByteSink &sink, Trace &trace, const CancelToken &cancel)
    : m_request(request)
    , m_sink(sink)
    , m_trace(trace)
    , m_cancel(cancel)
{
}

TcpExchange::~TcpExchange() = default;

void TcpExchange::setPhase(ExchangePhase phase)
{
    if (m_observer)
        m_observer(phase);
}

TcpResult TcpExchange::run(PhaseObserver observer)
{
    m_observer = std::move(observer);
    TcpResult result;
    m_deadline = deadlineInMs(m_request.totalTimeoutMs);

    setPhase(ExchangePhase::Resolving);
    const ResolveResult resolved = resolveTarget(m_request.host, m_request.service, m_request.family,
                                                 SocketKind::Stream, m_trace, m_cancel, m_deadline);
    result.resolved = resolved.rows;
    result.timings.resolvedUs = m_trace.elapsedUs();

    Socket socket(m_trace, &m_cancel);
    if (resolved.error.isError()) {
        result.error = resolved.error;
    } else if (connectAny(result, socket)) {
        std::unique_ptr<TlsStream> tls;
        if (m_request.tls.enabled)
            tls = std::make_unique<TlsStream>(socket, m_trace);
        if (!tls || startTls(result, *tls)) {
            setPhase(ExchangePhase::Sending);
            const char *payload = m_request.payload.constData();
            const qint64 size = m_request.payload.size();
            const NetError sendError = tls ? tls->writeAll(payload, size, m_deadline, &result.sentBytes)
                                           : socket.sendAll(payload, size, m_deadline, &result.sentBytes);
            if (sendError.isError()) {
                result.error = sendError;
                result.error.detail = result.connectedTo.toString();
            }
            // A peer that answers before reading everything (and then resets) still gets its reply read.
            if (!sendError.isError() || sendError.systemCode == EPIPE || sendError.systemCode == ECONNRESET) {
                setPhase(ExchangePhase::Receiving);
                if (m_receivingObserver)
                    m_receivingObserver(result);
                receive(result, socket, tls.get());
            }
        }
        if (tls) {
            // close_notify gets what is left of the exchange's time, a second at most, and no wait
            // once that time ran out or the exchange was cancelled.
            const bool over = result.error.kind == NetError::Kind::Timeout || result.error.kind == NetError::Kind::Cancelled;
            QDeadlineTimer wait(over ? 0 : TlsStream::CloseNotifyWaitMs);
            if (m_deadline < wait)
                wait = m_deadline;
            tls->shutdown(wait);
            result.tls->closeNotify = tls->closeNotifyReceived();
            result.stop.closeNotifyMissing = result.stop.reason == StopReason::PeerClosed && !result.error.isError()
                && tls->handshakeDone() && !tls->closeNotifyReceived();
        }
    }

    switch (result.error.kind) {
    case NetError::Kind::Cancelled:
        result.stop.reason = StopReason::Cancelled;
        break;
    case NetError::Kind::Timeout:
        result.stop.reason = StopReason::Timeout;
        result.stop.limit = m_deadline.hasExpired() ? m_request.totalTimeoutMs : m_request.connectTimeoutMs;
        break;
    case NetError::Kind::None:
        break;
    case NetError::Kind::Malformed:
        result.stop.reason = StopReason::Malformed;
        break;
    default:
        result.stop.reason = StopReason::Error;
        break;
    }
    socket.close();
    result.receivedBytes = m_sink.size();
    result.stop.bytes = result.receivedBytes;
    result.timings.totalUs = m_trace.elapsedUs();
    setPhase(ExchangePhase::Done);
    return result;
}

bool TcpExchange::connectAny(TcpResult &result, Socket &socket)
{
    setPhase(ExchangePhase::Connecting);
    return connectAddresses(m_request, m_deadline, m_trace, result, socket);
}

bool TcpExchange::startTls(TcpResult &result, TlsStream &tls)
{
    setPhase(ExchangePhase::Handshaking);
    return startClientTls(m_request, m_deadline, m_trace, result, tls);
}

void TcpExchange::receive(TcpResult &result, Socket &socket, TlsStream *tls)
{
    const StopRule rule = m_request.stopRule;
    std::shared_ptr<HttpResponseParser> http;
    HttpResponseParser::State httpState = HttpResponseParser::State::Incomplete;
    bool sniffed = false;
    QByteArray head;
    qint64 received = m_sink.size();

    auto stopWith = [&](StopReason reason, qint64 limit = 0) {
        result.stop.reason = reason;
        result.stop.limit = limit;
    };
    auto finishHttp = [&] {
        result.http = http;
        if (http && http->headersComplete()) {
            result.stop.framing = http->framing();
            result.stop.contentLength = http->contentLength();
            result.stop.transferEncodingNotChunked = http->transferEncodingNotChunked();
        }
    };
    // The person's Stop now: what came is the reply, kept as it is, and no error.
    auto cancelledOrStopped = [&] {
        if (m_cancel.isStopRequest()) {
            stopWith(StopReason::Stopped);
            result.stop.httpComplete = http && httpState == HttpResponseParser::State::Complete;
        } else {
            result.error = NetError::cancelled(QStringLiteral("recv"));
        }
    };

    for (;;) {
        const bool idleRule = rule.kind == StopRule::Kind::Idle;
        const QDeadlineTimer idleDeadline = idleRule ? QDeadlineTimer(rule.value, Qt::PreciseTimer)
                                                     : QDeadlineTimer(QDeadlineTimer::Forever);
        NetError waitError;
        const bool forWrite = tls && tls->waitsForWrite();
        const Socket::Wait w = socket.wait(forWrite, earlier(idleDeadline, m_deadline), &waitError);
        if (w == Socket::Wait::Cancelled) {
            cancelledOrStopped();
            break;
        }
        if (w == Socket::Wait::Failed) {
            result.error = waitError;
            break;
        }
        if (w == Socket::Wait::Timeout) {
            if (idleRule && idleDeadline.hasExpired() && !m_deadline.hasExpired())
                stopWith(StopReason::Idle, rule.value);
            else
                result.error = NetError::timeout(QStringLiteral("recv"), result.connectedTo.toString());
            break;
        }

        bool stop = false;
        while (!stop) {
            qint64 want = m_request.recvSize;
            if (rule.kind == StopRule::Kind::Bytes)
                want = qMin(want, rule.value - received);
            if (m_request.maxBytes > 0)
                want = qMin(want, m_request.maxBytes - received);
            const std::span<char> room = m_sink.writableSpan(want);
            const ReceiveResult outcome = tls ? tls->read(room.data(), qint64(room.size()))
                                              : socket.receive(room.data(), qint64(room.size()));
            if (outcome.status == ReceiveResult::Status::WouldBlock)
                break;
            if (outcome.status == ReceiveResult::Status::Failed) {
                result.error = outcome.error;
                result.error.detail = result.connectedTo.toString();
                stop = true;
                break;
            }
            if (outcome.status == ReceiveResult::Status::Closed) {
                stopWith(StopReason::PeerClosed);
                if (http && httpState == HttpResponseParser::State::Incomplete) {
                    httpState = http->finish();
                    if (httpState == HttpResponseParser::State::Error && rule.kind == StopRule::Kind::Http)
                        result.error = NetError::malformed(http->errorOffset());
                }
                stop = true;
                break;
            }
            const qint64 n = outcome.bytes;
            if (!m_sink.commit(n)) {
                result.error = NetError{NetError::Kind::File, m_sink.lastErrno(), m_sink.lastErrno(),
                                        QStringLiteral("write"), {}, {}, {}};
                stop = true;
                break;
            }
            const qint64 now = m_trace.elapsedUs();
            m_sink.endSegment(now);
            if (result.timings.firstByteUs < 0)
                result.timings.firstByteUs = now;
            received += n;

            // Parse as HTTP whenever the reply starts like HTTP (or RTSP, SIP: the same shape), so every
            // stop rule gets the analysis. Until the start tells, the bytes are kept aside to be
            // replayed into the parser.
            if (!sniffed) {
                const qsizetype headBefore = head.size();
                head.append(room.data(), qMin<qsizetype>(n, SniffBytes - headBefore));
                const std::optional<bool> looksHttp = HttpResponseParser::startsLikeResponse(head);
                if (looksHttp || head.size() >= SniffBytes || rule.kind == StopRule::Kind::Http) {
                    sniffed = true;
                    if (looksHttp.value_or(false) || rule.kind == StopRule::Kind::Http) {
                        http = std::make_shared<HttpResponseParser>();
                        http->setRequestMethod(requestMethodOf(m_request.payload));
                        http->feed(head.constData(), headBefore);
                    }
                }
            }
            // Fed on after the message is complete too: the parser notes extra bytes as a deviation.
            if (http && httpState != HttpResponseParser::State::Error) {
                const HttpResponseParser::State before = httpState;
                httpState = http->feed(room.data(), n);
                // The rules that would read on past the reply's end and wait on the server there.
                const bool readsOn = rule.kind == StopRule::Kind::PeerClose || rule.kind == StopRule::Kind::Bytes;
                if (readsOn && before != HttpResponseParser::State::Complete
                    && httpState == HttpResponseParser::State::Complete && m_httpCompletionObserver) {
                    m_httpCompletionObserver(HttpCompletion{http->framing(), http->contentLength(), http->messageEnd()});
                }
                if (rule.kind == StopRule::Kind::Http) {
                    if (httpState == HttpResponseParser::State::Complete) {
                        stopWith(StopReason::HttpComplete);
                        stop = true;
                    } else if (httpState == HttpResponseParser::State::Error) {
                        result.error = NetError::malformed(http->errorOffset());
                        stop = true;
                    }
                }
            }
            if (!stop && rule.kind == StopRule::Kind::Bytes && received >= rule.value) {
                stopWith(StopReason::ByteCountReached, rule.value);
                stop = true;
            }
            if (!stop && m_request.maxBytes > 0 && received >= m_request.maxBytes) {
                stopWith(StopReason::SizeCap, m_request.maxBytes);
                stop = true;
            }
            if (!stop && m_cancel.isCancelled()) {
                cancelledOrStopped();
                stop = true;
            }
        }
        if (stop)
            break;
    }
    finishHttp();
}

} // namespace SocketLab
