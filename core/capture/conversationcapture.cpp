#include "conversationcapture.h"

#include "capture/packetframes.h"
#include "capture/tcpcapture.h"
#include "capture/tcpstream.h"
#include "capture/udpcapture.h"
#include "conversation/conversationrecord.h"

#include <QCoreApplication>

#include <climits>

namespace SocketLab {

namespace {

QString sectionComment(const ConversationRecord &record, bool tls)
{
    QStringList parts;
    if (tls)
        parts << tlsCaptureNote();
    if (record.droppedEvents() > 0) {
        const int dropped = int(qMin<qint64>(record.droppedEvents(), INT_MAX));
        parts << QCoreApplication::translate("SocketLab::ConversationCapture",
                                             "%n message(s) past what the conversation kept are not in this capture.",
                                             nullptr, dropped);
    }
    return parts.join(QLatin1Char(' '));
}

void tcpPackets(const ConversationRecord &record, const ConversationSetup &setup, qint64 epochUs, PcapngFile &file)
{
    addFailedAttempts(setup, epochUs, file);
    const bool connected = setup.timings.connectedUs >= 0 && setup.local.isValid() && setup.connectedTo.isValid()
        && setup.local.family() == setup.connectedTo.family();
    if (!connected)
        return;
    const QString note = setup.tls ? tlsCaptureNote() : QString();
    const qint64 synUs = setup.attempts.isEmpty() ? setup.timings.connectedUs : setup.attempts.constLast().startUs;
    TcpStreamWriter stream(setup.local, setup.connectedTo, epochUs, file);
    stream.handshake(synUs, setup.timings.connectedUs);
    bool reset = false;
    for (const ConversationEvent &event : record.events()) {
        if (reset)
            break;
        switch (event.kind) {
        case ConversationEvent::Kind::Sent: {
            stream.fromClient(event.timeUs, TcpFlag::Psh | TcpFlag::Ack, record.sent(), event.offset, event.size, note);
            stream.fromServer(event.timeUs, TcpFlag::Ack);
            break;
        }
        case ConversationEvent::Kind::Received: {
            stream.fromServer(event.timeUs, TcpFlag::Psh | TcpFlag::Ack, record.received(), event.offset, event.size,
                              note);
            stream.fromClient(event.timeUs, TcpFlag::Ack);
            break;
        }
        case ConversationEvent::Kind::ShutdownWrite:
        case ConversationEvent::Kind::ShutdownBoth:
        case ConversationEvent::Kind::Closed:
            stream.clientFin(event.timeUs);
            break;
        case ConversationEvent::Kind::PeerClosed:
            stream.serverFin(event.timeUs);
            break;
        case ConversationEvent::Kind::PeerReset:
            stream.fromServer(event.timeUs, TcpFlag::Rst | TcpFlag::Ack);
            reset = true;
            break;
        case ConversationEvent::Kind::Connected:
        case ConversationEvent::Kind::Failed:
        case ConversationEvent::Kind::OptionSet:
            break;
        }
    }
}

void udpPackets(const ConversationRecord &record, const ConversationSetup &setup, qint64 epochUs, PcapngFile &file)
{
    if (!setup.local.isValid() || !setup.connectedTo.isValid())
        return;
    const SocketAddress local = shownLocalAddress(setup.local, setup.connectedTo);
    qint64 lastUs = 0;
    for (const ConversationEvent &event : record.events()) {
        if (!event.carriesBytes())
            continue;
        const bool sent = event.kind == ConversationEvent::Kind::Sent;
        const SocketAddress peer = event.peer.isValid() ? event.peer : setup.connectedTo;
        if (peer.family() != local.family())
            continue;
        const QByteArray bytes = (sent ? record.sent() : record.received()).read(event.offset, event.size);
        QString comment;
        if (event.truncated)
            comment = QCoreApplication::translate("SocketLab::ConversationCapture",
                                                  "Truncated: the datagram was larger than the receive buffer; these are "
                                                  "the bytes kept");
        lastUs = qMax(lastUs, event.timeUs);
        const QByteArray frame = sent ? udpFrame(local, peer, bytes.constData(), bytes.size())
                                      : udpFrame(peer, local, bytes.constData(), bytes.size());
        file.add({epochUs + lastUs, frame, comment});
    }
}

} // namespace

int conversationCapture(const ConversationCaptureInput &input, const CaptureOutput &output)
{
    const ConversationRecord &record = *input.record;
    const ConversationSetup setup = record.setup();
    PcapngFile file(output, sectionComment(record, !input.udp && setup.tls.has_value()));
    if (input.udp)
        udpPackets(record, setup, input.startEpochUs, file);
    else
        tcpPackets(record, setup, input.startEpochUs, file);
    return file.error();
}

} // namespace SocketLab
