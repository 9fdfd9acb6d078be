#include "exchangecontroller.h"

#include "history/historyfolder.h"

#include "bytes/bytestore.h"
#include "bytes/filebackedsource.h"
#include "bytes/filesink.h"
#include "exchange/exchangerunner.h"
#include "text/errortext.h"
#include "tls/pinstore.h"

#include <cerrno>

namespace SocketLab {

ExchangeController::ExchangeController(QObject *parent)
    : QObject(parent)
    , m_runner(std::make_unique<ExchangeRunner>())
{
    connect(m_runner.get(), &ExchangeRunner::progress, this, &ExchangeController::progress);
    connect(m_runner.get(), &ExchangeRunner::httpReplyComplete, this, &ExchangeController::httpReplyComplete);
    connect(m_runner.get(), &ExchangeRunner::silence, this, &ExchangeController::silence);
    connect(m_runner.get(), &ExchangeRunner::tcpFinished, this, &ExchangeController::finish);
}

ExchangeController::~ExchangeController() = default;

bool ExchangeController::send(const ConnectionSettings &settings, const QByteArray &payload, QString *error)
{
    if (m_runner->isRunning())
        return false;
    std::shared_ptr<ByteSink> sink;
    std::shared_ptr<const ByteSource> reply;
    if (settings.replyFile.isEmpty()) {
        auto store = std::make_shared<ByteStore>();
        sink = store;
        reply = store;
    } else {
        auto file = std::make_shared<FileSink>();
        if (!file->open(settings.replyFile)) {
            *error = ErrorText::describe(NetError{NetError::Kind::File, file->lastErrno(), file->lastErrno(),
                                                  QStringLiteral("open"), settings.replyFile, {}, {}});
            return false;
        }
        // The file has no name until the exchange ends: the reply panel reads it through the
        // sink's descriptor as it grows.
        const int readFd = file->openForReading();
        if (readFd < 0) {
            const int code = errno;
            file->discard();
            *error = ErrorText::describe(
                NetError{NetError::Kind::File, code, code, QStringLiteral("open"), settings.replyFile, {}, {}});
            return false;
        }
        sink = file;
        reply = std::make_shared<FileBackedSource>(readFd);
    }

    m_pending = std::make_shared<ExchangeRecord>();
    m_pending->startedAt = QDateTime::currentDateTime();
    m_pending->historyId = HistoryFolder::newId(m_pending->startedAt);
    m_pending->settings = settings;
    m_pending->request = payload;
    m_pending->reply = reply;

    const bool started = m_runner->startTcp(request(settings, payload), sink);
    if (started)
        emit this->started(reply, m_runner->trace());
    return started;
}

TcpRequest ExchangeController::request(const ConnectionSettings &settings, const QByteArray &payload)
{
    TcpRequest request;
    request.host = settings.host;
    request.service = settings.service;
    request.family = settings.family;
    request.payload = payload;
    request.stopRule = settings.stopRule;
    // A certificate the person trusted for this target is its pin: trust is the window's, not the form's.
    request.tls.enabled = settings.tls;
    request.tls.serverName = settings.tlsServerName;
    request.tls.alpn = settings.tlsAlpn;
    request.tls.minVersion = settings.tlsMinVersion;
    request.tls.caFile = settings.tlsCaFile;
    if (settings.tls)
        request.tls.pinSha256 = PinStore::pin(settings.host, settings.service);
    request.connectTimeoutMs = settings.connectTimeoutMs;
    request.totalTimeoutMs = settings.totalTimeoutMs;
    // A reply streamed to a file is limited by the disk, not by the memory cap.
    request.maxBytes = settings.replyFile.isEmpty() ? settings.maxBytes : 0;
    request.recvSize = settings.recvSize;
    request.socketOptions = settings.socketOptions;
    request.localAddress = settings.localAddress;
    return request;
}

StopRule ExchangeController::stopRule() const
{
    return m_pending ? m_pending->settings.stopRule : StopRule();
}

void ExchangeController::cancel()
{
    m_runner->cancel();
}

void ExchangeController::stop()
{
    m_runner->stop();
}

void ExchangeController::setSilenceThresholdMs(int ms)
{
    m_runner->setSilenceThresholdMs(ms);
}

bool ExchangeController::isRunning() const
{
    return m_runner->isRunning();
}

void ExchangeController::finish(const TcpResult &result)
{
    if (!m_pending)
        return;
    m_pending->result = result;
    if (auto file = std::dynamic_pointer_cast<FileSink>(m_runner->sink())) {
        // The exchange knows a write failed, not where: the person is told which file.
        NetError &error = m_pending->result.error;
        if (error.kind == NetError::Kind::File && error.detail.isEmpty())
            error.detail = m_pending->settings.replyFile;
        // Naming the file is the last step of writing it: when that fails, the exchange did.
        if (!file->close() && !error.isError())
            error = NetError{NetError::Kind::File, file->lastErrno(), file->lastErrno(), file->lastCall(),
                             m_pending->settings.replyFile, {}, {}};
    }
    m_pending->segments = m_runner->sink()->segments();
    m_pending->trace = m_runner->trace()->entries();
    std::shared_ptr<const ExchangeRecord> record = std::move(m_pending);
    emit finished(record);
}

} // namespace SocketLab
