#include "stoptext.h"

#include <QCoreApplication>
#include <QLocale>

#include <climits>

namespace SocketLab {

namespace {

struct StopText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::StopText)
};

// %n takes an int, so the plural form is chosen from a clamped count and the real number, in the
// locale's digits, goes in %1.
int pluralCount(qint64 n)
{
    return int(qMin<qint64>(n, 1000000));
}

QString milliseconds(qint64 ms)
{
    return QLocale().toString(ms);
}

} // namespace

QString describeCloseNotifyMissing()
{
    return StopText::tr("No TLS close_notify came before this FIN: the bytes before it may have been cut off.");
}

QString byteCount(qint64 bytes)
{
    return StopText::tr("%1 byte(s)", nullptr, pluralCount(bytes)).arg(QLocale().toString(bytes));
}

QString dataSize(qint64 bytes)
{
    if (bytes < 10000)
        return byteCount(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString describeStop(const StopInfo &stop)
{
    const QString bytes = byteCount(stop.bytes);
    switch (stop.reason) {
    case StopReason::PeerClosed: {
        QString closed = stop.closeNotifyMissing
            ? StopText::tr("The server closed the connection after %1 without TLS's close_notify: "
                           "the reply may have been cut off.").arg(bytes)
            : StopText::tr("The server closed the connection after %1.").arg(bytes);
        if (stop.transferEncodingNotChunked) {
            closed += QLatin1Char(' ')
                + StopText::tr("Its Transfer-Encoding does not end with chunked, so the body ran until this close "
                               "(RFC 9112 section 6.3).");
        }
        return closed;
    }
    case StopReason::HttpComplete:
        switch (stop.framing) {
        case HttpFraming::ContentLength:
            return StopText::tr("Content-Length %1 reached: the response is complete (%2 in all).")
                .arg(QLocale().toString(stop.contentLength), bytes);
        case HttpFraming::Chunked:
            return StopText::tr("The last chunk arrived: the chunked response is complete (%1 in all).").arg(bytes);
        case HttpFraming::NoBody:
            return StopText::tr("The response has no body: it is complete after its headers (%1).").arg(bytes);
        case HttpFraming::SwitchedProtocols:
            return StopText::tr("The server switched protocols (101): the HTTP reply ended with its headers, and "
                                "what came after them belongs to the new protocol (%1 in all).").arg(bytes);
        case HttpFraming::Tunnel:
            return StopText::tr("The tunnel asked for with CONNECT is open: the HTTP reply ended with its headers, "
                                "and what came after them went through the tunnel (%1 in all).").arg(bytes);
        default:
            return StopText::tr("The response is complete (%1).").arg(bytes);
        }
    case StopReason::ByteCountReached:
        return StopText::tr("The %1 byte(s) asked for were received.", nullptr, pluralCount(stop.limit))
            .arg(QLocale().toString(stop.limit));
    case StopReason::Idle:
        return StopText::tr("No data for %1 ms: stopped reading after %2.").arg(milliseconds(stop.limit), bytes);
    case StopReason::Timeout:
        return StopText::tr("The %1 ms time limit passed after %2.").arg(milliseconds(stop.limit), bytes);
    case StopReason::SizeCap:
        return StopText::tr("The size cap of %1 was reached: the rest was not read.").arg(byteCount(stop.limit));
    case StopReason::Cancelled:
        return StopText::tr("Cancelled after %1.").arg(bytes);
    case StopReason::Stopped:
        // Said apart from Cancelled: the person chose to end here, and every byte is the reply.
        if (!stop.httpComplete)
            return StopText::tr("You stopped reading after %1, with the connection still open: every byte is kept.").arg(bytes);
        switch (stop.framing) {
        case HttpFraming::ContentLength:
            return StopText::tr("You stopped reading after %1, once the HTTP reply was complete (Content-Length %2 "
                                "reached) and while the server kept the connection open.")
                .arg(bytes, QLocale().toString(stop.contentLength));
        case HttpFraming::Chunked:
            return StopText::tr("You stopped reading after %1, once the HTTP reply was complete (its last chunk had "
                                "arrived) and while the server kept the connection open.")
                .arg(bytes);
        default:
            return StopText::tr("You stopped reading after %1, once the HTTP reply was complete and while the server "
                                "kept the connection open.")
                .arg(bytes);
        }
    case StopReason::Error:
        return StopText::tr("Stopped by an error after %1.").arg(bytes);
    case StopReason::Malformed:
        return StopText::tr("The reply is not valid HTTP: stopped after %1.").arg(bytes);
    case StopReason::WaitElapsed:
        return StopText::tr("The %1 ms wait for datagrams ended (%2 received).").arg(milliseconds(stop.limit), bytes);
    case StopReason::DatagramCountReached:
        return StopText::tr("%Ln datagram(s) received, as asked.", nullptr, int(qMin<qint64>(stop.limit, INT_MAX)));
    }
    return {};
}

} // namespace SocketLab
