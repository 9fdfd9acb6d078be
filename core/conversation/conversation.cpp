#include "conversation.h"

#include "conversation/conversationcommands.h"
#include "conversation/conversationrecord.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "threads/workerthread.h"

#include <QThread>

#include <cerrno>

namespace SocketLab {

namespace {

constexpr int ProgressIntervalMs = 30;

} // namespace

void Conversation::ThreadStopper::operator()(QThread *thread) const
{
    stopWorkerThread(*thread);
    delete thread;
}

Conversation::Conversation(QObject *parent)
    : QObject(parent)
{
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &Conversation::pollProgress);
}

Conversation::~Conversation()
{
    cancel();
    m_thread.reset();
}

void Conversation::setReceiveTap(ConversationReceiveTap tap)
{
    m_tap = std::move(tap);
}

NetError Conversation::start(const ConversationRequest &request)
{
    if (m_record)
        return NetError::fromErrno(EALREADY, QStringLiteral("connect"));
    m_record = std::make_shared<ConversationRecord>(request.maxKeptBytes, request.maxKeptEvents);
    m_trace = std::make_shared<Trace>();
    m_cancel = std::make_shared<CancelToken>();
    m_commands = std::make_shared<ConversationCommands>();
    // A worker whose poll() nobody can wake could never be stopped or told to send.
    for (const NetError *error : {&m_cancel->error(), &m_commands->error()}) {
        if (error->isError()) {
            m_record->markOver();
            return *error;
        }
    }
    auto *worker = new ConversationWorker(request, m_record, m_trace, m_cancel, m_commands, m_tap);
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("SocketLab conversation"));
    worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::started, worker, &ConversationWorker::run);
    connect(worker, &ConversationWorker::finished, worker, &QObject::deleteLater);
    connect(worker, &ConversationWorker::finished, this, [this] {
        m_progressTimer.stop();
        pollProgress();
        // The worker only returns from run() now: this wait is that short.
        m_thread.reset();
        emit finished();
    });
    if (NetError error = startWorkerThread(*m_thread); error.isError()) {
        m_thread.reset();
        delete worker;
        m_record->markOver();
        return error;
    }
    m_progressTimer.start();
    return {};
}

void Conversation::push(ConversationCommand command)
{
    if (m_commands)
        m_commands->push(std::move(command));
}

void Conversation::send(const QByteArray &bytes, int step)
{
    push({ConversationCommand::Kind::Send, bytes, step, {}});
}

void Conversation::shutdownWrite(int step)
{
    push({ConversationCommand::Kind::ShutdownWrite, {}, step, {}});
}

void Conversation::shutdownBoth(int step)
{
    push({ConversationCommand::Kind::ShutdownBoth, {}, step, {}});
}

void Conversation::close(int step)
{
    push({ConversationCommand::Kind::Close, {}, step, {}});
}

bool Conversation::setOption(const SocketOptionSetting &setting, int step)
{
    if (!SocketOptions::settableWhenOpen(setting.name))
        return false;
    push({ConversationCommand::Kind::SetOption, {}, step, setting});
    return true;
}

void Conversation::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void Conversation::pollProgress()
{
    if (!m_record)
        return;
    const qint64 events = m_record->eventCount();
    const qint64 bytes = m_record->sentBytes() + m_record->receivedBytes();
    if (events == m_lastEvents && bytes == m_lastBytes)
        return;
    m_lastEvents = events;
    m_lastBytes = bytes;
    emit progress();
}

} // namespace SocketLab
