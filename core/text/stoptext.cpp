#include "stoptext.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("SocketLab::StopText", text, nullptr, n);
}

} // namespace

QString byteCount(qint64 bytes)
{
    // %n takes an int, so the plural form is chosen from a clamped count and the real number, in the
    // locale's digits, goes in %1.
    const int pluralCount = int(qMin<qint64>(bytes, 1000000));
    return tr("%1 byte(s)", pluralCount).arg(QLocale().toString(bytes));
}

QString describeStop(const StopInfo &stop)
{
    const QString bytes = byteCount(stop.bytes);
    switch (stop.reason) {
    case StopReason::PeerClosed:
        return tr("The server closed the connection after %1.").arg(bytes);
    case StopReason::HttpComplete:
        switch (stop.framing) {
        case HttpFraming::ContentLength:
            return tr("Content-Length %1 reached: the response is complete (%2 in all).")
                .arg(stop.contentLength).arg(bytes);
        case HttpFraming::Chunked:
            return tr("The last chunk arrived: the chunked response is complete (%1 in all).").arg(bytes);
        case HttpFraming::NoBody:
            return tr("The response has no body: it is complete after its headers (%1).").arg(bytes);
        default:
            return tr("The response is complete (%1).").arg(bytes);
        }
    case StopReason::ByteCountReached:
        return tr("The %1 asked for were received.").arg(byteCount(stop.limit));
    case StopReason::Idle:
        return tr("No data for %1 ms: stopped reading after %2.").arg(stop.limit).arg(bytes);
    case StopReason::Timeout:
        return tr("The %1 ms time limit passed after %2.").arg(stop.limit).arg(bytes);
    case StopReason::SizeCap:
        return tr("The size cap of %1 was reached: the rest was not read.").arg(byteCount(stop.limit));
    case StopReason::Cancelled:
        return tr("Cancelled after %1.").arg(bytes);
    case StopReason::Error:
        return tr("Stopped by an error after %1.").arg(bytes);
    case StopReason::Malformed:
        return tr("The reply is not valid HTTP: stopped after %1.").arg(bytes);
    case StopReason::WaitElapsed:
        return tr("The %1 ms wait for datagrams ended (%2 received).").arg(stop.limit).arg(bytes);
    case StopReason::DatagramCountReached:
        return tr("%n datagram(s) received, as asked.", int(stop.limit));
    }
    return {};
}

} // namespace SocketLab
