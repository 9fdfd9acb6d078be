#pragma once

#include "history/exchangerecordjson.h"
#include "history/historyfolder.h"
#include "history/historystore.h"

#include <QDir>

// A test that opens a MainWindow starts with no history: the window would otherwise load the
// exchanges and look-ups of the tests (and runs) before it into its lists. Call it once
// QStandardPaths' test mode is on, and after the windows before are gone (their writes are waited for).
inline void clearHistoryFolder()
{
    SocketLab::HistoryStore::waitForDone();
    QDir(SocketLab::HistoryStore::historyRoot()).removeRecursively();
}

// An exchange written in folder as ExchangeStore::save() writes it, without the store's queue: its
// reply's file first, then its JSON.
inline SocketLab::NetError writeHistoryEntry(const SocketLab::ExchangeRecord &record, const SocketLab::HistoryFolder &folder,
                                             qint64 inlineReplyBytes)
{
    if (const SocketLab::NetError error = SocketLab::ExchangeRecordJson::writeReplyFile(record, folder, inlineReplyBytes);
        error.isError())
        return error;
    return folder.writeEntry(record.historyId, SocketLab::ExchangeRecordJson::toJson(record, inlineReplyBytes));
}
