#pragma once

#include "net/neterror.h"
#include "net/socketaddress.h"
#include "net/socketoption.h"

#include <QtGlobal>

#include <memory>

namespace SocketLab {

// One thing that happened on a conversation's socket, in time order. A conversation keeps two byte
// stores, one per direction; a Sent or Received event points at its bytes in its direction's store,
// so the events stay small however much is said. Each boundary is the socket's own: one recv() (or
// one datagram) is one event, and so is one send() that wrote bytes.
struct ConversationEvent
{
    enum class Kind {
        Connected,     // connect() (and the TLS handshake) succeeded; for UDP, the socket is ready
        Sent,          // one send() (or SSL_write()) call that wrote bytes, or one datagram sent: a
                       // message the socket takes in parts is several, each with its step
        Received,      // one recv() that returned bytes, or one datagram received
        ShutdownWrite, // we called shutdown(SHUT_WR): the peer reads EOF, we keep reading
        ShutdownBoth,  // we called shutdown(SHUT_RDWR)
        Closed,        // we called close()
        PeerClosed,    // recv() returned 0: the peer sent FIN
        PeerReset,     // the peer reset the connection (ECONNRESET)
        Failed,        // any other error; the conversation is over
        OptionSet,     // a socket option set on the open socket (setsockopt() and the getsockopt() after it)
    };

    Kind kind = Kind::Connected;
    qint64 timeUs = 0;        // microseconds since the conversation started
    qint64 offset = 0;        // Sent/Received: where its bytes start in that direction's store
    qint64 size = 0;          // Sent/Received: how many bytes
    SocketAddress peer;       // UDP datagrams: who sent it, or to whom it went
    bool truncated = false;   // UDP: the datagram was larger than the receive buffer
    // PeerClosed over TLS: the FIN came without the peer's close_notify, so nothing proves the
    // bytes before it are all the peer meant to send (a cut connection, or an attacker's FIN).
    bool closeNotifyMissing = false;
    int step = -1;            // the script line that caused it, or -1
    NetError error;           // PeerReset, Failed
    // OptionSet: what became of it. Shared, so the many byte events stay small.
    std::shared_ptr<const SocketOptionOutcome> option;

    bool carriesBytes() const { return kind == Kind::Sent || kind == Kind::Received; }
};

} // namespace SocketLab
