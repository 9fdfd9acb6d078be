#pragma once

#include "exchangerecord.h"
#include "exchangerecordjson.h"
#include "historystore.h"

#include <memory>

namespace SocketLab {

// The exchanges kept between runs, in historyRoot()/exchanges (ExchangeRecordJson's files); the UDP
// tab's in historyRoot()/datagrams, by a store of Kind::Udp.
class ExchangeStore : public HistoryStore
{
    Q_OBJECT
public:
    // A request larger than this is not kept: its entry is one JSON file, read whole at start.
    static constexpr qsizetype MaxRequestBytes = qsizetype(64) << 20;

    explicit ExchangeStore(QObject *parent = nullptr);
    explicit ExchangeStore(ExchangeRecordJson::Kind kind, QObject *parent = nullptr);

    // A reply larger than this goes to a file of its own beside its entry.
    void setInlineReplyBytes(qint64 bytes) { m_inlineReplyBytes = qMax<qint64>(0, bytes); }
    qint64 inlineReplyBytes() const { return m_inlineReplyBytes; }

    // Reads every entry, off the GUI thread; loaded() brings them, entriesSkipped() what was not read.
    void load();
    // Writes a finished exchange, off the GUI thread.
    void save(std::shared_ptr<const ExchangeRecord> record);

signals:
    // The entries of earlier runs, newest first.
    void loaded(const QList<std::shared_ptr<const SocketLab::ExchangeRecord>> &records);

private:
    ExchangeRecordJson::Kind m_kind = ExchangeRecordJson::Kind::Tcp;
    qint64 m_inlineReplyBytes = qint64(64) << 10;
};

} // namespace SocketLab
