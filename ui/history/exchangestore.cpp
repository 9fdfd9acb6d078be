#include "exchangestore.h"

#include "exchangerecordjson.h"

#include "text/errortext.h"

namespace SocketLab {

ExchangeStore::ExchangeStore(QObject *parent)
    : HistoryStore(QStringLiteral("exchanges"), parent)
{
}

void ExchangeStore::load()
{
    run([clears = m_clears](HistoryFolder &folder, const Post &post) {
        // The limits apply before anything is read: what they remove is not worth reading.
        QList<std::shared_ptr<const ExchangeRecord>> records;
        QStringList corrupt;
        QStringList newer;
        const QStringList ids = folder.ids();
        for (auto id = ids.crbegin(); id != ids.crend(); ++id) {
            ExchangeRecordJson::Problem problem;
            std::optional<ExchangeRecord> record = ExchangeRecordJson::read(folder, *id, &problem);
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
        || record->request.size() > MaxRequestBytes)
        return;
    run([record, inlineBytes = m_inlineReplyBytes](HistoryFolder &folder, const Post &post) {
        const NetError error = ExchangeRecordJson::write(*record, folder, inlineBytes);
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
