#include "tcpstream.h"

#include "bytes/bytesource.h"
#include "capture/packetframes.h"
#include "exchange/tcpexchange.h"
#include "text/errortext.h"

#include <QCoreApplication>

#include <cerrno>

namespace SocketLab {

namespace {

// Fixed initial sequence numbers: the real ones are not known, and fixed ones make the file the same
// for the same exchange.
constexpr quint32 ClientIsn = 0x10000000;
constexpr quint32 ServerIsn = 0x20000000;

// Where the made-up local ports of failed attempts start: the bottom of the IANA ephemeral range.
constexpr quint16 MadeUpPortBase = 49152;

// The local address a failed attempt to `server` is shown from. The connected socket's own when one
// of the same family connected; for a loopback target the loopback address the kernel picks;
// otherwise the unspecified one, which the comment explains.
SocketAddress attemptClient(const TcpResult &setup, const SocketAddress &server, quint16 port, bool *known)
{
    const bool v6 = server.family() == IpFamily::V6;
    *known = true;
    if (setup.local.isValid() && setup.local.family() == server.family())
        return *SocketAddress::fromNumeric(setup.local.host(), port);
    if (isLoopback(server))
        return *SocketAddress::fromNumeric(v6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1"), port);
    *known = false;
    return *SocketAddress::fromNumeric(v6 ? QStringLiteral("::") : QStringLiteral("0.0.0.0"), port);
}

} // namespace

TcpStreamWriter::TcpStreamWriter(const SocketAddress &client, const SocketAddress &server, qint64 epochUs, PcapngFile &file)
    : m_client(client)
    , m_server(server)
    , m_epochUs(epochUs)
    , m_file(file)
    , m_clientSeq(ClientIsn)
    , m_serverSeq(ServerIsn)
{
}

namespace {

// A payload from memory: the bytes are already there, a packet's worth is copied at a time.
auto fromMemory(const char *data)
{
    return [data](qint64 offset, qint64 size) { return QByteArray::fromRawData(data + offset, size); };
}

auto fromSource(const ByteSource &source, qint64 start)
{
    return [&source, start](qint64 offset, qint64 size) { return source.read(start + offset, size); };
}

} // namespace

void TcpStreamWriter::fromClient(qint64 timeUs, quint8 flags, const char *data, qint64 size, const QString &comment)
{
    put(true, timeUs, flags, fromMemory(data), size, comment);
}

void TcpStreamWriter::fromServer(qint64 timeUs, quint8 flags, const char *data, qint64 size, const QString &comment)
{
    put(false, timeUs, flags, fromMemory(data), size, comment);
}

void TcpStreamWriter::fromClient(qint64 timeUs, quint8 flags, const ByteSource &source, qint64 offset, qint64 size,
                                 const QString &comment)
{
    put(true, timeUs, flags, fromSource(source, offset), size, comment);
}

void TcpStreamWriter::fromServer(qint64 timeUs, quint8 flags, const ByteSource &source, qint64 offset, qint64 size,
                                 const QString &comment)
{
    put(false, timeUs, flags, fromSource(source, offset), size, comment);
}

void TcpStreamWriter::handshake(qint64 synUs, qint64 connectedUs)
{
    fromClient(synUs, TcpFlag::Syn);
    fromServer(connectedUs, TcpFlag::Syn | TcpFlag::Ack);
    fromClient(connectedUs, TcpFlag::Ack);
}

void TcpStreamWriter::clientFin(qint64 timeUs)
{
    if (m_clientFin)
        return;
    fromClient(timeUs, TcpFlag::Fin | TcpFlag::Ack);
    fromServer(timeUs, TcpFlag::Ack);
}

void TcpStreamWriter::serverFin(qint64 timeUs)
{
    if (m_serverFin)
        return;
    fromServer(timeUs, TcpFlag::Fin | TcpFlag::Ack);
    fromClient(timeUs, TcpFlag::Ack);
}

void TcpStreamWriter::put(bool client, qint64 timeUs, quint8 flags, const Payload &payload, qint64 size,
                          const QString &comment)
{
    // Times never go back: a packet is never before the one that caused it.
    m_lastUs = qMax(m_lastUs, timeUs);
    qint64 done = 0;
    qint64 part = 0;
    do {
        const QByteArray bytes = size > 0 ? payload(done, qMin(size - done, MaxFramePayload)) : QByteArray();
        // A source shorter than it said ends the payload there rather than sending made-up bytes.
        part = bytes.size();
        TcpSegmentHeader header;
        header.seq = client ? m_clientSeq : m_serverSeq;
        header.ack = (flags & TcpFlag::Ack) ? (client ? m_serverSeq : m_clientSeq) : 0;
        // A cut send keeps its FIN for the last part only.
        header.flags = done + part < size ? quint8(flags & ~TcpFlag::Fin) : flags;
        const QByteArray frame = client ? tcpFrame(m_client, m_server, header, bytes.constData(), part)
                                        : tcpFrame(m_server, m_client, header, bytes.constData(), part);
        m_file.add({m_epochUs + m_lastUs, frame, comment});
        quint32 &seq = client ? m_clientSeq : m_serverSeq;
        seq += quint32(part + ((header.flags & (TcpFlag::Syn | TcpFlag::Fin)) ? 1 : 0));
        done += part;
    } while (part > 0 && done < size && m_file.error() == 0);
    if (flags & TcpFlag::Fin)
        (client ? m_clientFin : m_serverFin) = true;
}

void addFailedAttempts(const TcpResult &setup, qint64 epochUs, PcapngFile &file)
{
    const qsizetype count = setup.attempts.size();
    quint16 nextPort = MadeUpPortBase;
    for (qsizetype i = 0; i < count; ++i) {
        const ConnectAttempt &attempt = setup.attempts.at(i);
        // Only connect() sends a SYN: a socket() or bind() that failed put nothing on the wire.
        if (!attempt.error.isError() || attempt.error.call != QLatin1String("connect") || !attempt.address.isValid())
            continue;
        if (setup.local.isValid() && nextPort == setup.local.port())
            ++nextPort;
        bool knownAddress = false;
        const SocketAddress client = attemptClient(setup, attempt.address, nextPort++, &knownAddress);
        QString comment = QCoreApplication::translate("SocketLab::TcpCapture", "connect() attempt %1 of %2: %3")
                              .arg(i + 1)
                              .arg(count)
                              .arg(ErrorText::describe(attempt.error));
        comment += QLatin1Char(' ');
        comment += knownAddress ? QCoreApplication::translate("SocketLab::TcpCapture",
                                                              "The local port is made up: the kernel does not report it for a "
                                                              "connect() that failed.")
                                : QCoreApplication::translate("SocketLab::TcpCapture",
                                                              "The local address and port are not known: the kernel does "
                                                              "not report them for a connect() that failed.");
        TcpStreamWriter stream(client, attempt.address, epochUs, file);
        stream.fromClient(attempt.startUs, TcpFlag::Syn, nullptr, 0, comment);
        const bool refused = attempt.error.kind == NetError::Kind::System && attempt.error.systemCode == ECONNREFUSED;
        if (refused)
            stream.fromServer(attempt.endUs, TcpFlag::Rst | TcpFlag::Ack);
    }
}

} // namespace SocketLab
