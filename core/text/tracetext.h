#pragma once

#include "net/trace.h"

#include <QCoreApplication>
#include <QStringList>

namespace SocketLab {

// The trace as lines of text, one per entry: "0.412 ms  connect(3, {127.0.0.1:80}, 16) = -1 ECONNREFUSED
// (Connection refused)", a folded run saying how many calls and bytes it stands for. What the CLI's
// --trace prints and the text report holds.
class TraceText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::TraceText)
public:
    static QStringList lines(const QList<TraceEntry> &entries);
    // Microseconds as milliseconds with three decimals, in the locale's digits: "0.412".
    static QString ms(qint64 us);
};

} // namespace SocketLab
