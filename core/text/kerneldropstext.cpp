#include "kerneldropstext.h"

#include "stoptext.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab {

namespace {

struct KernelDropsText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::KernelDropsText)
};

// %n takes an int: the plural form is chosen from a clamped count, the real number goes in %1.
int pluralCount(qint64 n)
{
    return int(qMin<qint64>(n, 1000000));
}

} // namespace

QString describeKernelDrops(qint64 dropped, qint64 receiveBufferBytes)
{
    const QString count = QLocale().toString(dropped);
    if (receiveBufferBytes <= 0)
        return KernelDropsText::tr("The kernel dropped %1 datagram(s): the receive buffer was full; raise SO_RCVBUF.",
                                   nullptr, pluralCount(dropped))
            .arg(count);
    // Linux doubles what setsockopt() asks for: asking twice the present size gives four times the room.
    return KernelDropsText::tr("The kernel dropped %1 datagram(s): the receive buffer (%2) was full; raise SO_RCVBUF "
                               "(rcvbuf=%3).",
                               nullptr, pluralCount(dropped))
        .arg(count, byteCount(receiveBufferBytes))
        .arg(receiveBufferBytes * 2);
}

QString describeDatagramCounts(qint64 received, std::optional<qint64> dropped)
{
    const QString receivedText = KernelDropsText::tr("%1 datagram(s) received", nullptr, pluralCount(received))
                                     .arg(QLocale().toString(received));
    if (!dropped)
        return KernelDropsText::tr("%1; the system keeps no count of the datagrams it dropped.").arg(receivedText);
    return KernelDropsText::tr("%1, %2 dropped by the kernel.", nullptr, pluralCount(*dropped))
        .arg(receivedText, QLocale().toString(*dropped));
}

} // namespace SocketLab
