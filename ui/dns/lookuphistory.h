#pragma once

#include "lookuprecord.h"

#include <QAbstractListModel>
#include <QList>

namespace SocketLab {

// The lookups kept, newest first (this session's, then those of earlier runs the history brought
// back): each shows its call and its outcome (rows, name, error or cancellation) and keeps the
// whole answer so it can be shown again.
class LookupHistory : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit LookupHistory(QObject *parent = nullptr);

    // Puts the record first; the oldest record goes when the history is full.
    void add(const LookupRecord &record);
    // Puts records of earlier runs (newest first) after those of this session.
    void addLoaded(const QList<LookupRecord> &records);
    void clear();
    // Removes the records with these history ids (those the history's limits let go).
    void removeHistoryIds(const QStringList &ids);
    // Replaces the record with the same id, if the history still holds it.
    void update(const LookupRecord &record);
    const LookupRecord &record(int row) const { return m_records.at(row); }
    // The outcome texts are translated: call on a language change.
    void retranslate();

    // Whether the record's call or answer holds text, whatever the case: its host, service, an address
    // or name found, an EAI_* name. An empty text matches all.
    static bool matches(const LookupRecord &record, const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    static QString outcome(const LookupRecord &record);

    QList<LookupRecord> m_records;
};

} // namespace SocketLab
