#pragma once

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
    void cancel();
    bool isRunning() const;

signals:
    // The bytes will arrive in `reply` as they come; the trace fills alongside.
    void started(std::shared_ptr<const SocketLab::ByteSource> reply, std::shared_ptr<const SocketLab::Trace> trace);
    void progress(qint64 bytes, SocketLab::ExchangePhase phase);
    void finished(std::shared_ptr<const SocketLab::ExchangeRecord> record);

private:
    void finish(const TcpResult &result);

    std::unique_ptr<ExchangeRunner> m_runner;
    std::shared_ptr<ExchangeRecord> m_pending;
};

} // namespace SocketLab
