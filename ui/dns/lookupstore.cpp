#include "lookupstore.h"

#include "lookuprecordjson.h"

#include "text/errortext.h"

namespace SocketLab {

LookupStore::LookupStore(QObject *parent)
    : HistoryStore(QStringLiteral("lookups"), parent)
{
}

void LookupStore::load()
{
    run([clears = m_clears](HistoryFolder &folder, const Post &post) {
        QList<LookupRecord> records;
        QStringList corrupt;
        QStringList newer;
        const QStringList ids = folder.ids();
        for (auto id = ids.crbegin(); id != ids.crend(); ++id) {
            LookupRecordJson::Problem problem;
            std::optional<LookupRecord> record = LookupRecordJson::read(folder, *id, &problem);
            if (record)
                records.append(std::move(*record));
            else if (problem == LookupRecordJson::Problem::NewerVersion)
                newer.append(*id + QStringLiteral(".json"));
            else
                corrupt.append(*id + QStringLiteral(".json"));
        }
        post([records, corrupt, newer, clears](HistoryStore *self) {
            if (static_cast<LookupStore *>(self)->m_clears != clears)
                return;
            emit static_cast<LookupStore *>(self)->loaded(records);
            if (!corrupt.isEmpty() || !newer.isEmpty())
                emit self->entriesSkipped(skippedNotice(corrupt, newer));
        });
    });
}

void LookupStore::save(const LookupRecord &record)
{
    if (record.historyId.isEmpty() || record.state == LookupRecord::State::Pending)
        return;
    run([record](HistoryFolder &folder, const Post &post) {
        const NetError error = LookupRecordJson::write(record, folder);
        if (!error.isError()) {
            folder.added(record.historyId);
            return;
        }
        folder.remove(record.historyId);
        post([error](HistoryStore *self) {
            emit self->writeFailed(tr("The look-up could not be kept in the history: %1").arg(ErrorText::inSentence(error)));
        });
    });
}

} // namespace SocketLab
