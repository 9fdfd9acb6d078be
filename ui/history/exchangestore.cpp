#include "exchangestore.h"

#include "exchangerecordjson.h"

#include "text/errortext.h"

#include <QFileInfo>

namespace SocketLab {

ExchangeStore::ExchangeStore(QObject *parent)
    : ExchangeStore(ExchangeRecordJson::Kind::Tcp, parent)
{
}

ExchangeStore::ExchangeStore(ExchangeRecordJson::Kind kind, QObject *parent)
    : HistoryStore(ExchangeRecordJson::folderName(kind), parent)
    , m_kind(kind)
{
}

void ExchangeStore::load()
{
    run([clears = m_clears, kind = m_kind](HistoryFolder &folder, const Post &post) {
        // The limits apply before anything is read: what they remove is not worth reading.
        QList<std::shared_ptr<const ExchangeRecord>> records;
        QStringList corrupt;
        QStringList newer;
        const QStringList ids = folder.ids();
        for (auto id = ids.crbegin(); id != ids.crend(); ++id) {
            ExchangeRecordJson::Problem problem;
            std::optional<ExchangeRecord> record = ExchangeRecordJson::read(folder, *id, &problem, kind);
            if (record)
                records.append(std::make_shared<const ExchangeRecord>(std::move(*record)));
            else if (problem == ExchangeRecordJson::Problem::NewerVersion)
                newer.append(*id + QStringLiteral(".json"));
            else
                corrupt.append(*id + QStringLiteral(".json"));
        }
        post([records, corrupt, newer, clears](HistoryStore *self) {
            if (static_cast<ExchangeStore *>(self)->m_clears != clears)
                return;
            emit static_cast<ExchangeStore *>(self)->loaded(records);
            if (!corrupt.isEmpty() || !newer.isEmpty())
                emit self->entriesSkipped(skippedNotice(corrupt, newer));
        });
    });
}

void ExchangeStore::save(std::shared_ptr<const ExchangeRecord> record)
{
    // A reply past the megabytes kept would be copied only to be removed at once: a 16 GiB download
    // must not fill the disk on its way out of the history.
    if (record->historyId.isEmpty() || (record->reply && record->reply->size() > maxBytes())
        || record->request.size() > MaxRequestBytes
        || (record->udp && record->udp->result.datagrams.size() > ExchangeRecordJson::MaxDatagrams))
        return;
    const qint64 inlineBytes = m_inlineReplyBytes;
    const bool spills = record->reply && record->reply->size() > inlineBytes;
    // The reply's copy can take long: not under the folder's lock, which other SocketLab windows
    // wait for. Until its JSON is there no process counts it, nor removes it for some minutes.
    auto replyError = std::make_shared<NetError>();
    if (spills) {
        runUnlocked([record, inlineBytes, replyError](const HistoryFolder &folder) {
            *replyError = ExchangeRecordJson::writeReplyFile(*record, folder, inlineBytes);
        });
    }
    run([record, inlineBytes, spills, replyError](HistoryFolder &folder, const Post &post) {
        NetError error = *replyError;
        if (!error.isError()) {
            // Another SocketLab's Clear history may have taken the reply's file meanwhile: the
            // history was cleared after this exchange ended, and it goes with the rest.
            if (spills && QFileInfo(folder.sidePath(record->historyId, QStringLiteral("reply"))).size() != record->reply->size())
                return;
            error = folder.writeEntry(record->historyId, ExchangeRecordJson::toJson(*record, inlineBytes));
        }
        if (!error.isError()) {
            folder.added(record->historyId);
            return;
        }
        // Half an entry is none: what was written of it goes.
        folder.remove(record->historyId);
        post([error](HistoryStore *self) {
            emit self->writeFailed(tr("The exchange could not be kept in the history: %1").arg(ErrorText::inSentence(error)));
        });
    });
}

} // namespace SocketLab
