#include "tcpcapture.h"

#include "bytes/bytesource.h"
#include "capture/packetframes.h"
#include "exchange/tcpexchange.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <cerrno>

namespace SocketLab {

namespace {

// Fixed initial sequence numbers: the real ones are not known, and fixed ones make the file the same
// for the same exchange.
constexpr quint32 ClientIsn = 0x10000000;
constexpr quint32 ServerIsn = 0x20000000;

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

class TcpPackets
{
public:
    TcpPackets(const TcpCaptureInput &input, PcapngFile &file)
        : m_client(input.result->local)
        , m_server(input.result->connectedTo)
        , m_epochUs(input.startEpochUs)
        , m_file(file)
    {
    }

    void fromClient(qint64 timeUs, quint8 flags, const char *data = nullptr, qint64 size = 0, const QString &comment = {})
    {
        put(true, timeUs, flags, data, size, comment);
    }
    void fromServer(qint64 timeUs, quint8 flags, const char *data = nullptr, qint64 size = 0, const QString &comment = {})
    {
        put(false, timeUs, flags, data, size, comment);
    }

private:
    void put(bool client, qint64 timeUs, quint8 flags, const char *data, qint64 size, const QString &comment)
    {
        // Times never go back: a packet is never before the one that caused it.
        m_lastUs = qMax(m_lastUs, timeUs);
        qint64 done = 0;
        do {
            const qint64 part = qMin(size - done, MaxFramePayload);
            TcpSegmentHeader header;
            header.seq = client ? m_clientSeq : m_serverSeq;
            header.ack = (flags & TcpFlag::Ack) ? (client ? m_serverSeq : m_clientSeq) : 0;
            // A cut send keeps its FIN for the last part only.
            header.flags = done + part < size ? quint8(flags & ~TcpFlag::Fin) : flags;
            const QByteArray frame = client ? tcpFrame(m_client, m_server, header, data + done, part)
                                            : tcpFrame(m_server, m_client, header, data + done, part);
            m_file.add({m_epochUs + m_lastUs, frame, comment});
            quint32 &seq = client ? m_clientSeq : m_serverSeq;
            seq += quint32(part + ((header.flags & (TcpFlag::Syn | TcpFlag::Fin)) ? 1 : 0));
            done += part;
        } while (done < size);
    }

    SocketAddress m_client;
    SocketAddress m_server;
    qint64 m_epochUs;
    PcapngFile &m_file;
    qint64 m_lastUs = 0;
    quint32 m_clientSeq = ClientIsn;
    quint32 m_serverSeq = ServerIsn;
};

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
    if (!connected)
        return file;

    const QList<TraceEntry> entries = input.trace ? input.trace->entries() : QList<TraceEntry>();
    const qint64 connectedUs = result.timings.connectedUs;
    const qint64 synUs = result.attempts.isEmpty() ? connectedUs : result.attempts.constLast().startUs;
    TcpPackets packets(input, file);
    packets.fromClient(synUs, TcpFlag::Syn);
    packets.fromServer(connectedUs, TcpFlag::Syn | TcpFlag::Ack);
    packets.fromClient(connectedUs, TcpFlag::Ack);

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
        packets.fromServer(lastReadUs, TcpFlag::Fin | TcpFlag::Ack);
        packets.fromClient(lastReadUs, TcpFlag::Ack);
        packets.fromClient(closeUs, TcpFlag::Fin | TcpFlag::Ack);
        packets.fromServer(closeUs, TcpFlag::Ack);
    } else {
        packets.fromClient(closeUs, TcpFlag::Fin | TcpFlag::Ack);
        packets.fromServer(closeUs, TcpFlag::Ack);
    }
    return file;
}

} // namespace SocketLab
