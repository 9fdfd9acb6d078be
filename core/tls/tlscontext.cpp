#include "tlscontext.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstdlib>

namespace SocketLab {

namespace {

// The system trust store as OpenSSL's defaults name it (SSL_CERT_FILE and SSL_CERT_DIR override
// them). The directory is looked up by hash only when a chain needs it, so a context costs
// milliseconds rather than the parse of every certificate in Debian's bundle.
bool loadSystemTrust(SSL_CTX *ctx)
{
    const char *dir = std::getenv(X509_get_default_cert_dir_env());
    if (!dir)
        dir = X509_get_default_cert_dir();
    bool any = SSL_CTX_load_verify_dir(ctx, dir) == 1;
    if (const char *file = std::getenv(X509_get_default_cert_file_env()))
        any = SSL_CTX_load_verify_file(ctx, file) == 1 || any;
    ERR_clear_error();
    return any;
}

int selectHttp11(SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                 unsigned int inlen, void *)
{
    static const unsigned char ours[] = "\x08http/1.1";
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outlen, ours, sizeof ours - 1, in, inlen) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

} // namespace

void releaseTlsThreadState()
{
    OPENSSL_thread_stop();
}

NetError tlsError(const QString &call, int sslError)
{
    const unsigned long code = ERR_get_error();
    NetError error;
    error.kind = NetError::Kind::Tls;
    error.systemCode = int(ERR_GET_REASON(code));
    error.errnoCode = sslError;
    error.call = call;
    if (code != 0) {
        if (const char *reason = ERR_reason_error_string(code))
            error.message = QString::fromUtf8(reason);
        else
            error.message = QStringLiteral("error %1").arg(code, 0, 16);
    }
    ERR_clear_error();
    return error;
}

TlsClientContext::~TlsClientContext()
{
    for (auto &[key, session] : m_sessions)
        SSL_SESSION_free(session);
    SSL_CTX_free(m_ctx);
}

std::shared_ptr<TlsClientContext> TlsClientContext::forCaFile(const QString &caFile, NetError *error)
{
    // Kept for the whole run, not only while an exchange holds them: the sessions a context keeps are
    // what lets the next exchange to the same server resume. A CA file that changed on disk (its
    // time or size) gets a fresh context that reads it again. Never destroyed: OpenSSL's own exit
    // cleanup may run before static destructors would.
    struct Kept
    {
        std::shared_ptr<TlsClientContext> context;
        QDateTime modified;
        qint64 size = -1;
    };
    static std::mutex mutex;
    static auto *contexts = new QMap<QString, Kept>;
    std::lock_guard lock(mutex);
    const QFileInfo file(caFile);
    const QDateTime modified = caFile.isEmpty() ? QDateTime() : file.lastModified();
    const qint64 size = caFile.isEmpty() ? -1 : file.size();
    if (const auto kept = contexts->constFind(caFile);
        kept != contexts->cend() && kept->modified == modified && kept->size == size)
        return kept->context;

    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) {
        *error = tlsError(QStringLiteral("SSL_CTX_new"));
        return {};
    }
    // The chain is checked after the handshake (certificateverifier.h), so a refused certificate
    // can still be shown and its reason said in full.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
    loadSystemTrust(ctx);
    if (!caFile.isEmpty()) {
        const QByteArray path = QFile::encodeName(caFile);
        if (SSL_CTX_load_verify_file(ctx, path.constData()) != 1) {
            *error = tlsError(QStringLiteral("SSL_CTX_load_verify_file"));
            error->detail = caFile;
            SSL_CTX_free(ctx);
            return {};
        }
    }
    std::shared_ptr<TlsClientContext> context(new TlsClientContext(ctx));
    contexts->insert(caFile, Kept{context, modified, size});
    return context;
}

ssl_session_st *TlsClientContext::takeSession(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(key);
    if (it == m_sessions.end())
        return nullptr;
    SSL_SESSION *session = it->second;
    SSL_SESSION_up_ref(session);
    return session;
}

void TlsClientContext::keepSession(const std::string &key, ssl_session_st *session)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_sessions.find(key); it != m_sessions.end()) {
        SSL_SESSION_free(it->second);
        it->second = session;
        return;
    }
    if (m_order.size() >= MaxSessions) {
        const auto oldest = m_sessions.find(m_order.front());
        SSL_SESSION_free(oldest->second);
        m_sessions.erase(oldest);
        m_order.pop_front();
    }
    m_sessions.emplace(key, session);
    m_order.push_back(key);
}

TlsServerContext::~TlsServerContext()
{
    SSL_CTX_free(m_ctx);
}

std::shared_ptr<TlsServerContext> TlsServerContext::fromFiles(const QString &certPath, const QString &keyPath, NetError *error)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        *error = tlsError(QStringLiteral("SSL_CTX_new"));
        return {};
    }
    const auto fail = [&](const char *call, const QString &path) {
        *error = tlsError(QString::fromLatin1(call));
        error->detail = path;
        SSL_CTX_free(ctx);
        return std::shared_ptr<TlsServerContext>();
    };
    if (SSL_CTX_use_certificate_chain_file(ctx, QFile::encodeName(certPath).constData()) != 1)
        return fail("SSL_CTX_use_certificate_chain_file", certPath);
    if (SSL_CTX_use_PrivateKey_file(ctx, QFile::encodeName(keyPath).constData(), SSL_FILETYPE_PEM) != 1)
        return fail("SSL_CTX_use_PrivateKey_file", keyPath);
    if (SSL_CTX_check_private_key(ctx) != 1)
        return fail("SSL_CTX_check_private_key", keyPath);
    SSL_CTX_set_alpn_select_cb(ctx, selectHttp11, nullptr);
    return std::shared_ptr<TlsServerContext>(new TlsServerContext(ctx));
}

QByteArray TlsServerContext::certificateSha256() const
{
    X509 *certificate = SSL_CTX_get0_certificate(m_ctx);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!certificate || X509_digest(certificate, EVP_sha256(), digest, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

} // namespace SocketLab
