#pragma once

#include "exchange/exchangephase.h"
#include "exchange/exchangeworker.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace SocketLab {

class ByteSink;
class ByteStore;
class CancelToken;
class Trace;

// Runs one exchange at a time on a worker thread for the window: the GUI thread never makes a socket
// call and never waits. Progress is polled every ~30 ms from the sink's size and the exchange's
// phase, never one queued signal per recv(), so a 1 GiB transfer cannot flood the event loop.
class ExchangeRunner : public QObject
{
    Q_OBJECT
public:
    explicit ExchangeRunner(QObject *parent = nullptr);
    // Cancels a running exchange and waits for its thread: closing the window mid-transfer is clean.
    ~ExchangeRunner() override;

    // The bytes go to sink: a ByteStore to show them, or a FileSink for a reply too large to keep.
    // Returns false if an exchange is already running. A thread the system will not make ends the
    // exchange at once: the finished signal that follows carries that error.
    bool startTcp(const TcpRequest &request, std::shared_ptr<ByteSink> sink);
    bool startUdp(const UdpRequest &request, std::shared_ptr<ByteSink> sink);
    // Ends the running exchange at once, whatever it waits on; finished() still follows.
    void cancel();
    // Ends the running exchange at once as the person's choice: a TCP exchange that is receiving
    // keeps every byte and ends without an error, its stop reason StopReason::Stopped.
    void stop();
    // How long nothing may arrive, while a TCP exchange waits for the server to close, for the rest
    // of an HTTP reply or for a count of bytes, before silence() is emitted. 2 s; tests shorten it.
    void setSilenceThresholdMs(int ms) { m_silenceThresholdMs = ms; }
    bool isRunning() const { return m_thread != nullptr || m_failurePending; }

    std::shared_ptr<ByteSink> sink() const { return m_sink; }
    std::shared_ptr<Trace> trace() const { return m_trace; }

signals:
    // bytes received so far and the exchange's phase.
    void progress(qint64 bytes, SocketLab::ExchangePhase phase);
    // The TCP reply is HTTP and its framing says it is complete, while the stop rule reads on.
    // Once an exchange, as soon as the worker has parsed it.
    void httpReplyComplete(const SocketLab::HttpCompletion &completion);
    // Waiting for the server to close, for the rest of an HTTP reply or for a count of bytes,
    // nothing has arrived for quietMs (at least the threshold; again each second while it lasts);
    // 0 when bytes arrive after such a silence.
    void silence(qint64 quietMs);
    void tcpFinished(const SocketLab::TcpResult &result);
    void udpFinished(const SocketLab::UdpResult &result);

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };

    NetError start(ExchangeWorker *worker, std::shared_ptr<ByteSink> sink);
    ExchangeWorker *makeWorker(ExchangeWorker::Request request, const std::shared_ptr<ByteSink> &sink);
    void pollProgress();
    void watchSilence(bool bytesCame, ExchangePhase phase);
    void finishRun();

    std::shared_ptr<ByteSink> m_sink;
    std::shared_ptr<Trace> m_trace;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<std::atomic<ExchangePhase>> m_phase; // written by the worker, which may be gone when it is read
    std::shared_ptr<HttpCompletionSlot> m_httpCompletion; // likewise
    bool m_httpCompletionSeen = false;
    bool m_watchSilence = false;  // a TCP exchange whose stop rule may wait on the server forever
    int m_silenceThresholdMs = 2000;
    QElapsedTimer m_quietClock;   // since bytes last arrived, or receiving began
    bool m_silent = false;        // silence() was emitted and no byte came since
    qint64 m_silenceShownS = 0;   // the whole seconds of silence last emitted
    // A thread that could not start: its failed result is on its way, queued.
    bool m_failurePending = false;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    QTimer m_progressTimer;
    qint64 m_lastBytes = -1;
    std::optional<ExchangePhase> m_lastPhase;
};

} // namespace SocketLab

Q_DECLARE_METATYPE(SocketLab::TcpResult)
Q_DECLARE_METATYPE(SocketLab::UdpResult)
