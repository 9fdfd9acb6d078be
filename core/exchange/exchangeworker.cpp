#include "exchangeworker.h"

#include "net/canceltoken.h"
#include "net/trace.h"
#include "tls/tlscontext.h"

namespace SocketLab {

ExchangeWorker::ExchangeWorker(Request request, std::shared_ptr<ByteSink> sink, std::shared_ptr<Trace> trace,
                               std::shared_ptr<CancelToken> cancel, std::shared_ptr<std::atomic<ExchangePhase>> phase,
                               std::shared_ptr<HttpCompletionSlot> httpCompletion)
    : m_request(std::move(request))
    , m_sink(std::move(sink))
    , m_trace(std::move(trace))
    , m_cancel(std::move(cancel))
    , m_phase(std::move(phase))
    , m_httpCompletion(std::move(httpCompletion))
{
}

void ExchangeWorker::run()
{
    // Released, so that the runner, which acquires the phase, reads the sink (a FileSink's segments
    // and error) after what the worker wrote there: Qt's queued signal orders that too, but through
    // a QMutex ThreadSanitizer cannot see.
    const PhaseObserver observer = [this](ExchangePhase phase) { m_phase->store(phase, std::memory_order_release); };
    if (const auto *tcp = std::get_if<TcpRequest>(&m_request)) {
        TcpExchange exchange(*tcp, *m_sink, *m_trace, *m_cancel);
        exchange.setHttpCompletionObserver([this](const HttpCompletion &completion) { m_httpCompletion->set(completion); });
        const TcpResult result = exchange.run(observer);
        releaseTlsThreadState();
        observer(ExchangePhase::Done);
        emit tcpDone(result);
    } else {
        UdpExchange exchange(std::get<UdpRequest>(m_request), *m_sink, *m_trace, *m_cancel);
        const UdpResult result = exchange.run(observer);
        observer(ExchangePhase::Done);
        emit udpDone(result);
    }
    emit finished();
}

} // namespace SocketLab
