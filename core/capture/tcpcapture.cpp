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

// Whether the exchange's socket had SO_LINGER on with 0 s: its close() resets the connection rather
// than end it with a FIN.
bool lingerZero(const TcpResult &result)
{
    for (const SocketOptionOutcome &outcome : result.socketOptions) {
        if (outcome.asked.name != SocketOptionName::Linger || outcome.error.isError())
            continue;
        return (outcome.readBack ? outcome.effective : outcome.asked.value) == 0;
    }
    return false;
}

// The request as it went: one packet (or run of packets) per send() the trace shows, at its time. A
// folded run of sends (Trace) says its first call's size and the sum of all: the rest goes at the
// run's last time. What the trace does not account for goes at the last send's time.
void sendRequest(const TcpCaptureInput &input, bool tls, qint64 sent, const QString &note, TcpStreamWriter &packets)
{
    const qint64 connectedUs = input.result->timings.connectedUs;
    const QLatin1String call(tls ? "SSL_write" : "send");
    qint64 done = 0;
    qint64 lastUs = connectedUs;
    const auto put = [&](qint64 timeUs, qint64 size) {
        size = qMin(size, sent - done);
        if (size <= 0)
            return;
        packets.fromClient(timeUs, TcpFlag::Psh | TcpFlag::Ack, input.request.constData() + done, size, note);
        packets.fromServer(timeUs, TcpFlag::Ack);
        done += size;
        lastUs = timeUs;
    };
    for (const TraceEntry &entry : input.trace) {
        if (entry.timeUs < connectedUs || entry.call != call || entry.errnoCode != 0 || entry.result <= 0)
            continue;
        put(entry.timeUs, entry.result);
        if (entry.count > 1)
            put(qMax(entry.timeUs, entry.lastTimeUs), entry.totalBytes - entry.result);
    }
    put(lastUs, sent - done);
}

} // namespace

QString tlsCaptureNote()
{
    return QCoreApplication::translate(
        "SocketLab::TcpCapture", "TLS application data, shown decrypted as plain TCP payload (the TLS records are not in this capture)");
}

int tcpCapture(const TcpCaptureInput &input, const CaptureOutput &output)
{
    const TcpResult &result = *input.result;
    const bool tls = result.tls.has_value();
    const QString note = tls ? tlsCaptureNote() : QString();
    PcapngFile file(output, note);
    const bool connected = result.timings.connectedUs >= 0 && result.local.isValid() && result.connectedTo.isValid()
        && result.local.family() == result.connectedTo.family();
    addFailedAttempts(result, input.startEpochUs, file);
    if (!connected)
        return file.error();

    const QList<TraceEntry> &entries = input.trace;
    const qint64 connectedUs = result.timings.connectedUs;
    const qint64 synUs = result.attempts.isEmpty() ? connectedUs : result.attempts.constLast().startUs;
    TcpStreamWriter packets(result.local, result.connectedTo, input.startEpochUs, file);
    packets.handshake(synUs, connectedUs);

    const qint64 sent = qMin<qint64>(result.sentBytes, input.request.size());
    if (sent > 0)
        sendRequest(input, tls, sent, note, packets);

    qint64 lastDataUs = connectedUs;
    for (const Segment &segment : input.segments) {
        if (file.error() != 0)
            return file.error();
        if (segment.length <= 0)
            continue;
        packets.fromServer(segment.timeUs, TcpFlag::Psh | TcpFlag::Ack, *input.received, segment.offset, segment.length,
                           note);
        packets.fromClient(segment.timeUs, TcpFlag::Ack);
        lastDataUs = segment.timeUs;
    }

    const qint64 lastReadUs = qMax(lastDataUs, firstCallTime(entries, {"recv", "SSL_read"}, connectedUs, true));
    qint64 closeUs = firstCallTime(entries, {"close"}, lastDataUs);
    if (closeUs < 0)
        closeUs = qMax(lastReadUs, result.timings.totalUs);
    const bool peerReset =
        result.error.isError() && result.error.kind == NetError::Kind::System && result.error.systemCode == ECONNRESET;
    if (peerReset) {
        packets.fromServer(lastReadUs, TcpFlag::Rst | TcpFlag::Ack);
        return file.error();
    }
    if (result.stop.reason == StopReason::PeerClosed && !result.error.isError())
        packets.serverFin(lastReadUs);
    if (lingerZero(result))
        packets.fromClient(closeUs, TcpFlag::Rst | TcpFlag::Ack);
    else
        packets.clientFin(closeUs);
    return file.error();
}

} // namespace SocketLab
