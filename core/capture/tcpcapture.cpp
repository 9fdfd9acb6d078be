#include "tcpcapture.h"

#include "bytes/bytesource.h"
#include "capture/packetframes.h"
#include "capture/tcpstream.h"
#include "exchange/tcpexchange.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <cerrno>

namespace SocketLab {

namespace {

// The earliest entry of one of these calls at or after notBefore that moved bytes; -1 if none.
qint64 firstCallTime(const QList<TraceEntry> &entries, std::initializer_list<const char *> calls, qint64 notBefore,
                     bool last = false)
{
    qint64 found = -1;
    for (const TraceEntry &entry : entries) {
        if (entry.timeUs < notBefore)
            continue;
        for (const char *call : calls) {
            if (entry.call == QLatin1String(call)) {
                if (!last)
                    return entry.timeUs;
                found = qMax(entry.timeUs, entry.lastTimeUs);
            }
        }
    }
    return found;
}

} // namespace

PcapngFile tcpCapture(const TcpCaptureInput &input)
{
    const TcpResult &result = *input.result;
    const bool tls = result.tls.has_value();
    const QString tlsNote = QCoreApplication::translate(
        "SocketLab::TcpCapture", "TLS application data, shown decrypted as plain TCP payload (the TLS records are not in this capture)");
    PcapngFile file(tls ? tlsNote : QString());
    const bool connected = result.timings.connectedUs >= 0 && result.local.isValid() && result.connectedTo.isValid()
        && result.local.family() == result.connectedTo.family();
    addFailedAttempts(result, input.startEpochUs, file);
    if (!connected)
        return file;

    const QList<TraceEntry> &entries = input.trace;
    const qint64 connectedUs = result.timings.connectedUs;
    const qint64 synUs = result.attempts.isEmpty() ? connectedUs : result.attempts.constLast().startUs;
    TcpStreamWriter packets(result.local, result.connectedTo, input.startEpochUs, file);
    packets.handshake(synUs, connectedUs);

    const QString dataNote = tls ? tlsNote : QString();
    const qint64 sent = qMin<qint64>(result.sentBytes, input.request.size());
    if (sent > 0) {
        qint64 sendUs = firstCallTime(entries, {tls ? "SSL_write" : "send"}, connectedUs);
        if (sendUs < 0)
            sendUs = connectedUs;
        packets.fromClient(sendUs, TcpFlag::Psh | TcpFlag::Ack, input.request.constData(), sent, dataNote);
        packets.fromServer(sendUs, TcpFlag::Ack);
    }

    qint64 lastDataUs = connectedUs;
    for (const Segment &segment : input.segments) {
        if (segment.length <= 0)
            continue;
        const QByteArray bytes = input.received->read(segment.offset, segment.length);
        packets.fromServer(segment.timeUs, TcpFlag::Psh | TcpFlag::Ack, bytes.constData(), bytes.size(), dataNote);
        packets.fromClient(segment.timeUs, TcpFlag::Ack);
        lastDataUs = segment.timeUs;
    }

    const qint64 lastReadUs = qMax(lastDataUs, firstCallTime(entries, {"recv", "SSL_read"}, connectedUs, true));
    qint64 closeUs = firstCallTime(entries, {"close"}, lastDataUs);
    if (closeUs < 0)
        closeUs = qMax(lastReadUs, result.timings.totalUs);
    if (result.error.isError() && result.error.kind == NetError::Kind::System && result.error.systemCode == ECONNRESET) {
        packets.fromServer(lastReadUs, TcpFlag::Rst | TcpFlag::Ack);
    } else if (result.stop.reason == StopReason::PeerClosed && !result.error.isError()) {
        packets.serverFin(lastReadUs);
        packets.clientFin(closeUs);
    } else {
        packets.clientFin(closeUs);
    }
    return file;
}

} // namespace SocketLab
