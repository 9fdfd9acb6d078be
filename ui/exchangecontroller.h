#pragma once

#include "exchange/httpcompletion.h"
#include "history/exchangerecord.h"

#include <QObject>

#include <memory>

namespace SocketLab {

class ByteSource;
class ExchangeRunner;

// Turns the TCP form and the editor's bytes into an exchange on the runner's worker thread, and its end
// into an ExchangeRecord for the reply panel and the history. Never blocks the GUI thread.
class ExchangeController : public QObject
{
    Q_OBJECT
public:
    explicit ExchangeController(QObject *parent = nullptr);
    ~ExchangeController() override;

    // False with *error set (translated) if it cannot start: a reply file that cannot be created.
    bool send(const ConnectionSettings &settings, const QByteArray &payload, QString *error);
    // The request send() gives the exchange for this form and these bytes.
    static TcpRequest request(const ConnectionSettings &settings, const QByteArray &payload);
    void cancel();
    // Ends the exchange now keeping every byte received: the person's Stop now, not a cancel.
    void stop();
    bool isRunning() const;
    // The stop rule of the running exchange (or of the last one).
    StopRule stopRule() const;
    // For tests: how long the server may be silent before silence() is emitted (2 s).
    void setSilenceThresholdMs(int ms);

signals:
    // The bytes will arrive in `reply` as they come; the trace fills alongside.
    void started(std::shared_ptr<const SocketLab::ByteSource> reply, std::shared_ptr<const SocketLab::Trace> trace);
    void progress(qint64 bytes, SocketLab::ExchangePhase phase);
    // The reply is HTTP, complete by its own framing, and the connection stays open.
    void httpReplyComplete(const SocketLab::HttpCompletion &completion);
    // Waiting on the server (to close, for the rest of an HTTP reply, for a count of bytes),
    // nothing came for quietMs; 0 once bytes come again.
    void silence(qint64 quietMs);
    void finished(std::shared_ptr<const SocketLab::ExchangeRecord> record);

private:
    void finish(const TcpResult &result);

    std::unique_ptr<ExchangeRunner> m_runner;
    std::shared_ptr<ExchangeRecord> m_pending;
};

} // namespace SocketLab
