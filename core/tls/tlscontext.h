#pragma once

#include "net/neterror.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <mutex>
#include <unordered_map>
#include <deque>
#include <string>

struct ssl_ctx_st;
struct ssl_session_st;

namespace SocketLab {

// The OpenSSL context of TLS clients: the trust store (the system's, plus an optional CA file) and
// the sessions kept for resumption. Made once per CA file and shared by every exchange, so a second
// connection to a server can resume its session and the trust store is not read again each time.
// Thread-safe: exchanges on several workers use one context.
class TlsClientContext
{
public:
    ~TlsClientContext();
    TlsClientContext(const TlsClientContext &) = delete;
    TlsClientContext &operator=(const TlsClientContext &) = delete;

    // The shared context that trusts the system store and caFile (none if empty), kept for the whole
    // run so sessions outlive the exchange that made them; made again if caFile changed on disk. A CA
    // file that cannot be read is an error naming it.
    static std::shared_ptr<TlsClientContext> forCaFile(const QString &caFile, NetError *error);

    ssl_ctx_st *native() const { return m_ctx; }

    // The session to resume for key (host, port and server name), owned by the caller (SSL_SESSION_free);
    // null if none is kept.
    ssl_session_st *takeSession(const std::string &key);
    // Keeps a resumable session for key, taking the caller's reference; at most MaxSessions are kept.
    void keepSession(const std::string &key, ssl_session_st *session);

private:
    static constexpr size_t MaxSessions = 64;

    explicit TlsClientContext(ssl_ctx_st *ctx) : m_ctx(ctx) {}

    ssl_ctx_st *m_ctx = nullptr;
    std::mutex m_mutex;
    std::unordered_map<std::string, ssl_session_st *> m_sessions;
    std::deque<std::string> m_order;  // oldest first
};

// The OpenSSL context of a TLS listener: its certificate chain and key, ALPN answered with
// http/1.1 when the client offers it.
class TlsServerContext
{
public:
    ~TlsServerContext();
    TlsServerContext(const TlsServerContext &) = delete;
    TlsServerContext &operator=(const TlsServerContext &) = delete;

    // certPath holds the certificate (and any intermediates after it) in PEM, keyPath its key.
    static std::shared_ptr<TlsServerContext> fromFiles(const QString &certPath, const QString &keyPath, NetError *error);

    // The SHA-256 of the leaf certificate's DER form, the fingerprint a client pins.
    QByteArray certificateSha256() const;

    ssl_ctx_st *native() const { return m_ctx; }

private:
    explicit TlsServerContext(ssl_ctx_st *ctx) : m_ctx(ctx) {}

    ssl_ctx_st *m_ctx = nullptr;
};

// Frees what OpenSSL keeps for the calling thread (its error queue...). A worker thread calls it
// before it reports its end: OpenSSL would free it only as the thread exits, which can come after
// the program's own exit cleanup when the program ends right after the worker.
void releaseTlsThreadState();

// OpenSSL's first queued error as a NetError of kind Tls for call, the queue emptied.
NetError tlsError(const QString &call, int sslError = 0);

} // namespace SocketLab
