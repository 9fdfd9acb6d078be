#include "exchangerunner.h"

#include "bytes/bytesink.h"
#include "exchange/exchangeworker.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "threads/workerthread.h"

#include <QThread>

namespace SocketLab {

namespace {

constexpr int ProgressIntervalMs = 30;

} // namespace

void ExchangeRunner::ThreadStopper::operator()(QThread *thread) const
{
    stopWorkerThread(*thread);
    delete thread;
}

ExchangeRunner::ExchangeRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SocketLab::TcpResult>();
    qRegisterMetaType<SocketLab::UdpResult>();
    qRegisterMetaType<SocketLab::ExchangePhase>();
    qRegisterMetaType<SocketLab::HttpCompletion>();
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &ExchangeRunner::pollProgress);
}

ExchangeRunner::~ExchangeRunner()
{
    cancel();
    // The stopper quits the thread once the worker's run() has returned, and waits for it.
    m_thread.reset();
}

bool ExchangeRunner::startTcp(const TcpRequest &request, std::shared_ptr<ByteSink> sink)
{
    if (isRunning())
        return false;
    ExchangeWorker *worker = makeWorker(request, sink);
    // Every rule that can wait on a server forever: the idle rule ends by itself.
    m_watchSilence = request.stopRule.kind != StopRule::Kind::Idle;
    connect(worker, &ExchangeWorker::tcpDone, this, [this](const TcpResult &result) {
        finishRun();
        emit tcpFinished(result);
    });
    if (const NetError error = start(worker, std::move(sink)); error.isError()) {
        TcpResult failed;
        failed.error = error;
        failed.stop.reason = StopReason::Error;
        // Like every result, after startTcp() has returned; the runner counts as running until then,
        // so that no other exchange starts and takes this result for its own.
        m_failurePending = true;
        QMetaObject::invokeMethod(this, [this, failed] {
            m_failurePending = false;
            emit tcpFinished(failed);
        }, Qt::QueuedConnection);
    }
    return true;
}

bool ExchangeRunner::startUdp(const UdpRequest &request, std::shared_ptr<ByteSink> sink)
{
    if (isRunning())
        return false;
    ExchangeWorker *worker = makeWorker(request, sink);
    m_watchSilence = false;
    connect(worker, &ExchangeWorker::udpDone, this, [this](const UdpResult &result) {
        finishRun();
        emit udpFinished(result);
    });
    if (const NetError error = start(worker, std::move(sink)); error.isError()) {
        UdpResult failed;
        failed.error = error;
        failed.stop.reason = StopReason::Error;
        m_failurePending = true;
        QMetaObject::invokeMethod(this, [this, failed] {
            m_failurePending = false;
            emit udpFinished(failed);
        }, Qt::QueuedConnection);
    }
    return true;
}

ExchangeWorker *ExchangeRunner::makeWorker(ExchangeWorker::Request request, const std::shared_ptr<ByteSink> &sink)
{
    m_trace = std::make_shared<Trace>();
    m_cancel = std::make_shared<CancelToken>();
    m_phase = std::make_shared<std::atomic<ExchangePhase>>(ExchangePhase::Resolving);
    m_httpCompletion = std::make_shared<HttpCompletionSlot>();
    return new ExchangeWorker(std::move(request), sink, m_trace, m_cancel, m_phase, m_httpCompletion);
}

NetError ExchangeRunner::start(ExchangeWorker *worker, std::shared_ptr<ByteSink> sink)
{
    m_sink = std::move(sink);
    m_lastBytes = -1;
    m_lastPhase.reset();
    m_httpCompletionSeen = false;
    m_quietClock.invalidate();
    m_silent = false;
    m_silenceShownS = 0;
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("SocketLab exchange"));
    worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::started, worker, &ExchangeWorker::run);
    connect(worker, &ExchangeWorker::finished, worker, &QObject::deleteLater);
    if (NetError error = startWorkerThread(*m_thread); error.isError()) {
        // The worker never ran and its thread never will: neither is left behind.
        m_thread.reset();
        delete worker;
        return error;
    }
    m_progressTimer.start();
    return {};
}

void ExchangeRunner::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void ExchangeRunner::stop()
{
    if (m_cancel)
        m_cancel->stop();
}

void ExchangeRunner::pollProgress()
{
    if (!m_sink || !m_phase)
        return;
    const qint64 bytes = m_sink->size();
    const ExchangePhase phase = m_phase->load(std::memory_order_acquire);
    const bool bytesCame = bytes != m_lastBytes;
    if (bytesCame || phase != m_lastPhase) {
        m_lastBytes = bytes;
        m_lastPhase = phase;
        emit progress(bytes, phase);
    }
    if (!m_httpCompletionSeen && m_httpCompletion) {
        if (const std::optional<HttpCompletion> completion = m_httpCompletion->get()) {
            m_httpCompletionSeen = true;
            emit httpReplyComplete(*completion);
        }
    }
    watchSilence(bytesCame, phase);
}

void ExchangeRunner::watchSilence(bool bytesCame, ExchangePhase phase)
{
    // Timed here, from the polls, rather than in the worker: its poll() wakes for data or cancel only.
    if (!m_watchSilence || phase != ExchangePhase::Receiving)
        return;
    if (bytesCame || !m_quietClock.isValid()) {
        m_quietClock.start();
        if (m_silent) {
            m_silent = false;
            emit silence(0);
        }
        return;
    }
    const qint64 quiet = m_quietClock.elapsed();
    if (quiet < m_silenceThresholdMs)
        return;
    const qint64 seconds = quiet / 1000;
    if (m_silent && seconds == m_silenceShownS)
        return;
    m_silent = true;
    m_silenceShownS = seconds;
    emit silence(quiet);
}

void ExchangeRunner::finishRun()
{
    m_progressTimer.stop();
    pollProgress();
    // The worker has sent its result and only returns from run() now: this wait is that short, and
    // it leaves no thread behind, so the runner is free for the next exchange as the result arrives.
    m_thread.reset();
}

} // namespace SocketLab
