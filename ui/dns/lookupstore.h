#pragma once

#include "lookuprecord.h"

#include "history/historystore.h"

namespace SocketLab {

// The DNS look-ups kept between runs, in historyRoot()/lookups (LookupRecordJson's files).
class LookupStore : public HistoryStore
{
    Q_OBJECT
public:
    explicit LookupStore(QObject *parent = nullptr);

    // Reads every entry, off the GUI thread; loaded() brings them, entriesSkipped() what was not read.
    void load();
    // Writes a look-up that ended (answered or cancelled), off the GUI thread.
    void save(const LookupRecord &record);

signals:
    // The look-ups of earlier runs, newest first.
    void loaded(const QList<SocketLab::LookupRecord> &records);
};

} // namespace SocketLab
