#pragma once

#include "capture/pcapngfile.h"
#include "net/socketaddress.h"

#include <QString>

#include <functional>

namespace SocketLab {

class ByteSource;
struct TcpResult;

// One TCP connection as packets, written into a capture: the client's and the server's sequence
// numbers follow the bytes each side sent (a SYN or a FIN counts one), every packet acknowledges
// what the other side sent so far, and times never go back. A send longer than a packet holds is
// cut into MaxFramePayload parts, the FIN on the last.
class TcpStreamWriter
{
public:
    TcpStreamWriter(const SocketAddress &client, const SocketAddress &server, qint64 epochUs, PcapngFile &file);

    // timeUs: on the trace's clock, microseconds from epochUs.
    void fromClient(qint64 timeUs, quint8 flags, const char *data = nullptr, qint64 size = 0, const QString &comment = {});
    void fromServer(qint64 timeUs, quint8 flags, const char *data = nullptr, qint64 size = 0, const QString &comment = {});
    // The bytes at offset in source, read a packet's worth at a time: a long recv() of a reply kept in
    // a file is never read whole.
    void fromClient(qint64 timeUs, quint8 flags, const ByteSource &source, qint64 offset, qint64 size,
                    const QString &comment = {});
    void fromServer(qint64 timeUs, quint8 flags, const ByteSource &source, qint64 offset, qint64 size,
                    const QString &comment = {});
    // The three packets of the handshake: the SYN at synUs, the SYN/ACK and the ACK at connectedUs.
    void handshake(qint64 synUs, qint64 connectedUs);
    // A FIN from one side and the other's ACK of it; a second call for the same side does nothing.
    void clientFin(qint64 timeUs);
    void serverFin(qint64 timeUs);

private:
    // A packet's worth of payload: size bytes from offset.
    using Payload = std::function<QByteArray(qint64 offset, qint64 size)>;
    void put(bool client, qint64 timeUs, quint8 flags, const Payload &payload, qint64 size, const QString &comment);

    SocketAddress m_client;
    SocketAddress m_server;
    qint64 m_epochUs;
    PcapngFile &m_file;
    qint64 m_lastUs = 0;
    quint32 m_clientSeq;
    quint32 m_serverSeq;
    bool m_clientFin = false;
    bool m_serverFin = false;
};

// Every connect() of setup that did not connect, each its own stream: the SYN at the attempt's start,
// and the peer's RST/ACK at its end when it refused. A connect() that timed out or failed otherwise
// shows its SYN alone, commented with what became of it; an attempt that failed before connect()
// (socket(), bind()) sent nothing and shows nothing. The kernel does not report the local port of a
// failed attempt: the one shown is made up, and the comment says so.
void addFailedAttempts(const TcpResult &setup, qint64 epochUs, PcapngFile &file);

} // namespace SocketLab
