#pragma once

#include "net/neterror.h"
#include "net/socket.h"
#include "tls/tlsinfo.h"

#include <QDeadlineTimer>

#include <memory>
#include <string>

struct ssl_st;
struct bio_st;

namespace SocketLab {

class TlsClientContext;
class TlsServerContext;
class Trace;
struct TlsOptions;

// TLS over one of our non-blocking Sockets. OpenSSL reads and writes through the Socket itself, so
// the records' send() and recv() calls are in the trace beneath SSL_connect, SSL_write and SSL_read,
// and every wait is the Socket's poll() beside the cancel token: a handshake is cancelled at once.
// One thread uses a stream.
class TlsStream
{
public:
    TlsStream(Socket &socket, Trace &trace);
    ~TlsStream();
    TlsStream(const TlsStream &) = delete;
    TlsStream &operator=(const TlsStream &) = delete;

    // A client to serverName (SNI; empty sends none), offering options' ALPN and minimum version,
    // resuming the session kept under sessionKey if there is one.
    NetError startClient(const std::shared_ptr<TlsClientContext> &context, const TlsOptions &options,
                         const QString &serverName, const std::string &sessionKey);
    NetError startServer(const std::shared_ptr<TlsServerContext> &context);

    enum class Step { Done, WantRead, WantWrite, Failed };
    // One SSL_connect() or SSL_accept() call, for a caller that polls many sockets itself.
    Step handshakeStep(NetError *error);
    // Steps and waits until the handshake is done, the deadline passes or the token cancels.
    NetError handshake(QDeadlineTimer deadline);

    // One SSL_write(); WouldBlock when the socket is full (or, rarely, when TLS must read first:
    // waitsForWrite() then says which way to wait).
    SendResult write(const char *data, qint64 len);
    // Writes everything, waiting on the socket as needed.
    NetError writeAll(const char *data, qint64 len, QDeadlineTimer deadline, qint64 *sent);
    // One SSL_read(): application bytes; Closed when the peer is done, closeNotifyReceived() telling
    // whether it said so with close_notify or just closed the TCP connection.
    ReceiveResult read(char *buffer, qint64 len);
    // The last WouldBlock waits for the socket to be writable rather than readable.
    bool waitsForWrite() const { return m_waitsForWrite; }
    // Bytes already decrypted and waiting: poll() cannot see them.
    bool hasPending() const;
    bool closeNotifyReceived() const { return m_closeNotify; }
    bool handshakeDone() const { return m_handshakeDone; }

    // One SSL_shutdown(): sends close_notify once, if the connection is still sound; never waits for
    // the peer's. WantWrite: the socket was full and the alert waits in OpenSSL; call again once it
    // is writable, before shutdown(SHUT_WR) or close(), which would lose it.
    Step shutdownStep();
    // Steps until close_notify has gone, the deadline passes or the token cancels. A second is
    // plenty for a peer that reads at all: the alert is a few dozen bytes.
    static constexpr int CloseNotifyWaitMs = 1000;
    void shutdown(QDeadlineTimer deadline = QDeadlineTimer(CloseNotifyWaitMs));

    // What was agreed and the chain the peer sent (verify and handshakeUs are the caller's).
    TlsInfo info() const;
    // The peer's certificate chain and the verification's handles, for certificateverifier.h.
    ssl_st *native() const { return m_ssl; }

private:
    static int bioWrite(bio_st *bio, const char *data, int len);
    static int bioRead(bio_st *bio, char *buffer, int len);
    static long bioCtrl(bio_st *bio, int cmd, long num, void *ptr);

    NetError attach();
    // After a call that failed: WouldBlock, or the error as a value (the trace gets the call too).
    NetError failure(const QString &call, int rc, int sslError);
    QString sslArgs() const;

    Socket &m_socket;
    Trace &m_trace;
    ssl_st *m_ssl = nullptr;
    std::shared_ptr<TlsClientContext> m_clientContext;
    std::shared_ptr<TlsServerContext> m_serverContext;
    std::string m_sessionKey;
    bool m_server = false;
    bool m_handshakeDone = false;
    bool m_waitsForWrite = false;
    bool m_closeNotify = false;
    bool m_fatal = false;          // no close_notify may follow (OpenSSL forbids it after an error)
    bool m_shutdownDone = false;
    bool m_writePending = false;  // the last SSL_write() was WouldBlock: its record is half sent
    NetError m_socketError;        // what the Socket said when a record's send() or recv() failed
};

// "SSL_ERROR_WANT_READ" for SSL_ERROR_WANT_READ.
QString sslErrorName(int sslError);

} // namespace SocketLab
