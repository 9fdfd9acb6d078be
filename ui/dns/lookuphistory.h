#pragma once

#include "lookuprecord.h"

#include <QAbstractListModel>
#include <QList>

namespace SocketLab {

// The lookups of this session, newest first: each shows its call and its outcome (rows, name, error
// or cancellation) and keeps the whole answer so it can be shown again.
class LookupHistory : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit LookupHistory(QObject *parent = nullptr);

    // Puts the record first; the oldest record goes when the history is full.
    void add(const LookupRecord &record);
    // Replaces the record with the same id, if the history still holds it.
    void update(const LookupRecord &record);
    const LookupRecord &record(int row) const { return m_records.at(row); }
    // The outcome texts are translated: call on a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    static QString outcome(const LookupRecord &record);

    QList<LookupRecord> m_records;
};

} // namespace SocketLab
