#pragma once

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
