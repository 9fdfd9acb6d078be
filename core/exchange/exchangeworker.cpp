#include "exchangeworker.h"

#include "net/canceltoken.h"
#include "net/trace.h"

namespace SocketLab {

ExchangeWorker::ExchangeWorker(Request request, std::shared_ptr<ByteSink> sink, std::shared_ptr<Trace> trace,
                               std::shared_ptr<CancelToken> cancel, std::shared_ptr<std::atomic<int>> phase)
    : m_request(std::move(request))
    , m_sink(std::move(sink))
    , m_trace(std::move(trace))
    , m_cancel(std::move(cancel))
    , m_phase(std::move(phase))
{
}

void ExchangeWorker::run()
{
    if (const auto *tcp = std::get_if<TcpRequest>(&m_request)) {
        TcpExchange exchange(*tcp, *m_sink, *m_trace, *m_cancel);
        const TcpResult result = exchange.run([this](TcpExchange::Phase phase) {
            m_phase->store(int(phase), std::memory_order_relaxed);
        });
        m_phase->store(int(TcpExchange::Phase::Done), std::memory_order_relaxed);
        emit tcpDone(result);
    } else {
        m_phase->store(int(TcpExchange::Phase::Receiving), std::memory_order_relaxed);
        UdpExchange exchange(std::get<UdpRequest>(m_request), *m_sink, *m_trace, *m_cancel);
        const UdpResult result = exchange.run();
        m_phase->store(int(TcpExchange::Phase::Done), std::memory_order_relaxed);
        emit udpDone(result);
    }
    emit finished();
}

} // namespace SocketLab
