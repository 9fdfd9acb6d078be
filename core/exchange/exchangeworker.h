#pragma once

#include "exchange/httpcompletion.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <variant>

namespace SocketLab {

class ByteSink;
class CancelToken;
class Trace;

// Runs one TCP or UDP exchange in the thread it was moved to, then reports and is deleted there.
class ExchangeWorker : public QObject
{
    Q_OBJECT
public:
    using Request = std::variant<TcpRequest, UdpRequest>;

    // phase and httpCompletion: where the worker writes the exchange's phase and an HTTP reply's
    // completion; shared with the runner, which polls them from the GUI thread and may do so after
    // this worker is gone.
    ExchangeWorker(Request request, std::shared_ptr<ByteSink> sink, std::shared_ptr<Trace> trace,
                   std::shared_ptr<CancelToken> cancel, std::shared_ptr<std::atomic<ExchangePhase>> phase,
                   std::shared_ptr<HttpCompletionSlot> httpCompletion);

public slots:
    void run();

signals:
    void tcpDone(const SocketLab::TcpResult &result);
    void udpDone(const SocketLab::UdpResult &result);
    void finished();

private:
    Request m_request;
    std::shared_ptr<ByteSink> m_sink;
    std::shared_ptr<Trace> m_trace;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<std::atomic<ExchangePhase>> m_phase;
    std::shared_ptr<HttpCompletionSlot> m_httpCompletion;
};

} // namespace SocketLab
