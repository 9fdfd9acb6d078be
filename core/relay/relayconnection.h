#pragma once

#include "net/resolver.h"
#include "relay/relay.h"
#include "relay/relaypipe.h"

#include <QtGlobal>

#include <memory>
#include <optional>

namespace SocketLab {

class CancelToken;
class ConversationRecord;
class RelayState;
class Socket;
class TlsStream;
class Trace;

// One relayed TCP connection, run on a thread of its own: connect()s to the target (each address
// resolved, as an exchange does, and the TLS handshake and its verification when asked), then one
// poll() loop over both legs and the relay's cancel token moves each side's bytes into its pipe and
// out to the other side as the shaping lets them go, recording every recv() in the connection's
// record and every call of both legs in its trace. It ends when both directions are over, on a
// reset or a failure (passed on to the other leg as a reset), or when the relay stops.
class RelayConnection
{
public:
    // listeningFd: the socket that accepted clientFd, for the first line of the connection's calls.
    RelayConnection(RelayState &state, quint64 id, int listeningFd, int clientFd, const SocketAddress &client,
                    const RelaySettings &settings, const QList<AddrInfoRow> &resolved, const CancelToken &cancel,
                    const RelayTap &tap);
    ~RelayConnection();
    RelayConnection(const RelayConnection &) = delete;
    RelayConnection &operator=(const RelayConnection &) = delete;

    void run();

private:
    enum class Outcome { Going, Ended };

    bool connectTarget();
    void forward();
    short clientEvents(qint64 nowUs);
    short targetEvents(qint64 nowUs);
    int pollTimeoutMs(qint64 nowUs);
    // TLS: decrypted bytes (or a whole record) wait in OpenSSL, where poll() cannot see them.
    bool tlsBytesWaiting();

    Outcome readClient(qint64 nowUs);
    Outcome readTarget(qint64 nowUs);
    // writable: poll() said the target's socket may take bytes (a close_notify that waits is tried then).
    Outcome writeTarget(qint64 nowUs, bool writable);
    Outcome writeClient(qint64 nowUs);
    // Both directions are over and every byte left: both legs are closed.
    bool isDone() const;

    // held: RelayTapEvent::held.
    void recordBytes(ConversationEvent::Kind kind, qint64 offset, const char *data, qint64 n, qint64 nowUs, qint64 held);
    // peer: for a failure, the side it came from (ConversationEvent::peer names it for the tap and the view).
    void recordEvent(ConversationEvent::Kind kind, const NetError &error = {}, const SocketAddress &peer = {});
    void recordEvent(ConversationEvent event);
    // A leg failed: on a reset its side is gone, and the reset is passed on once the bytes that
    // came before it have (legGone); any other failure ends the connection at once.
    Outcome legFailed(const NetError &error, bool fromClient);
    // A send() to one side failed: a reset waits until that side's own bytes are read.
    Outcome sendFailed(const NetError &error, bool toClient);
    // The other leg is reset (SO_LINGER 0, close()), both are closed, the events recorded.
    Outcome endWithReset(ConversationEvent::Kind kind, NetError error, bool fromClient);
    void drainSendQueue(Socket &socket);
    void updateRow();
    qint64 nowUs() const;

    RelayState &m_state;
    const quint64 m_id;
    const SocketAddress m_clientAddress;
    const RelaySettings m_settings;
    const QList<AddrInfoRow> m_resolved;
    const CancelToken &m_cancel;
    const RelayTap &m_tap;
    std::shared_ptr<ConversationRecord> m_record;
    std::shared_ptr<Trace> m_trace;
    std::unique_ptr<Socket> m_client;
    std::unique_ptr<Socket> m_target;
    std::unique_ptr<TlsStream> m_tls;
    SocketAddress m_targetAddress;
    RelayPipe m_toTarget;
    RelayPipe m_toClient;
    RelayShaping m_shapeToTarget;
    RelayShaping m_shapeToClient;
    qint64 m_fromClient = 0;
    qint64 m_fromTarget = 0;
    qint64 m_sentToTarget = 0;
    qint64 m_sentToClient = 0;
    bool m_clientEof = false;
    bool m_targetEof = false;
    bool m_targetShut = false;   // shutdown(SHUT_WR) passed on to the target
    bool m_clientShut = false;
    bool m_keeping = true;       // bytes are kept for display until the budget first says no
    // A side that reset: its socket is closed, what it said before goes on, then the reset.
    std::optional<NetError> m_clientReset;
    std::optional<NetError> m_targetReset;
    // A side whose send() met its reset: nothing more goes to it, its bytes are still read.
    std::optional<NetError> m_clientSendFailed;
    std::optional<NetError> m_targetSendFailed;
    // TLS: the last SSL_write() waits for the socket to be readable, or the last SSL_read() for it
    // to be writable (a record layer that must read before it writes, or the reverse).
    bool m_writeWantsRead = false;
    bool m_readWantsWrite = false;
    bool m_tlsReadBlocked = false;   // the last SSL_read() needs the socket's bytes
    qint64 m_tlsRetryLength = 0;     // the SSL_write() that waited, to be retried with as many bytes
    bool m_closeNotifyWaits = false; // SSL_shutdown() found the socket full: retried once writable
    qint64 m_closeNotifySinceUs = 0;
};

} // namespace SocketLab
