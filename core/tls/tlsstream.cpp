#include "tlsstream.h"

#include "net/trace.h"
#include "tls/certificateinfo.h"
#include "tls/tlscontext.h"
#include "tls/tlsoptions.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <climits>

namespace SocketLab {

namespace {

int clampToInt(qint64 len)
{
    return int(qMin<qint64>(len, INT_MAX));
}

// ALPN's wire form: each protocol name preceded by its length.
QByteArray alpnWire(const QList<QByteArray> &protocols)
{
    QByteArray wire;
    for (const QByteArray &name : protocols) {
        if (name.isEmpty() || name.size() > 255)
            continue;
        wire.append(char(name.size()));
        wire.append(name);
    }
    return wire;
}

// The BIO through which OpenSSL reaches our Socket: its send() and recv() are traced, never raise
// SIGPIPE (MSG_NOSIGNAL), and report EAGAIN as OpenSSL's retry.
BIO_METHOD *socketMethod(BIO_METHOD *(*make)())
{
    static BIO_METHOD *method = make();
    return method;
}

} // namespace

QString sslErrorName(int sslError)
{
    switch (sslError) {
    case SSL_ERROR_NONE: return QStringLiteral("SSL_ERROR_NONE");
    case SSL_ERROR_SSL: return QStringLiteral("SSL_ERROR_SSL");
    case SSL_ERROR_WANT_READ: return QStringLiteral("SSL_ERROR_WANT_READ");
    case SSL_ERROR_WANT_WRITE: return QStringLiteral("SSL_ERROR_WANT_WRITE");
    case SSL_ERROR_WANT_X509_LOOKUP: return QStringLiteral("SSL_ERROR_WANT_X509_LOOKUP");
    case SSL_ERROR_SYSCALL: return QStringLiteral("SSL_ERROR_SYSCALL");
    case SSL_ERROR_ZERO_RETURN: return QStringLiteral("SSL_ERROR_ZERO_RETURN");
    case SSL_ERROR_WANT_CONNECT: return QStringLiteral("SSL_ERROR_WANT_CONNECT");
    case SSL_ERROR_WANT_ACCEPT: return QStringLiteral("SSL_ERROR_WANT_ACCEPT");
    default: return QStringLiteral("SSL_ERROR_%1").arg(sslError);
    }
}

TlsStream::TlsStream(Socket &socket, Trace &trace)
    : m_socket(socket)
    , m_trace(trace)
{
}

TlsStream::~TlsStream()
{
    if (!m_ssl)
        return;
    // A session that can be resumed is kept for the next connection to the same server.
    if (!m_server && m_handshakeDone && m_clientContext) {
        SSL_SESSION *session = SSL_get1_session(m_ssl);
        if (session && SSL_SESSION_is_resumable(session))
            m_clientContext->keepSession(m_sessionKey, session);
        else if (session)
            SSL_SESSION_free(session);
    }
    SSL_free(m_ssl);
}

int TlsStream::bioWrite(bio_st *bio, const char *data, int len)
{
    auto *self = static_cast<TlsStream *>(BIO_get_data(bio));
    BIO_clear_retry_flags(bio);
    const SendResult sent = self->m_socket.sendSome(data, len);
    switch (sent.status) {
    case SendResult::Status::Sent:
        return int(sent.bytes);
    case SendResult::Status::WouldBlock:
        BIO_set_retry_write(bio);
        return -1;
    case SendResult::Status::Failed:
        self->m_socketError = sent.error;
        errno = sent.error.systemCode;
        return -1;
    }
    return -1;
}

int TlsStream::bioRead(bio_st *bio, char *buffer, int len)
{
    auto *self = static_cast<TlsStream *>(BIO_get_data(bio));
    BIO_clear_retry_flags(bio);
    const ReceiveResult received = self->m_socket.receive(buffer, len);
    switch (received.status) {
    case ReceiveResult::Status::Data:
        return int(received.bytes);
    case ReceiveResult::Status::Closed:
        return 0;
    case ReceiveResult::Status::WouldBlock:
        BIO_set_retry_read(bio);
        return -1;
    case ReceiveResult::Status::Failed:
        self->m_socketError = received.error;
        errno = received.error.systemCode;
        return -1;
    }
    return -1;
}

long TlsStream::bioCtrl(bio_st *, int cmd, long, void *)
{
    // Records go out as they are written: there is nothing to flush.
    return cmd == BIO_CTRL_FLUSH ? 1 : 0;
}

NetError TlsStream::attach()
{
    BIO_METHOD *method = socketMethod([] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "socketlab socket");
        BIO_meth_set_write(m, &TlsStream::bioWrite);
        BIO_meth_set_read(m, &TlsStream::bioRead);
        BIO_meth_set_ctrl(m, &TlsStream::bioCtrl);
        BIO_meth_set_create(m, [](BIO *bio) {
            BIO_set_init(bio, 1);
            return 1;
        });
        return m;
    });
    BIO *bio = method ? BIO_new(method) : nullptr;
    if (!bio)
        return tlsError(QStringLiteral("BIO_new"));
    BIO_set_data(bio, this);
    SSL_set_bio(m_ssl, bio, bio);
    // Writes may end part-way and be retried from another place: the Socket is non-blocking.
    SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // Without read-ahead OpenSSL reads each record in two recv() calls, its 5-byte header then its
    // body; with it, one recv() takes whatever has arrived, several records at once.
    SSL_set_read_ahead(m_ssl, 1);
    return {};
}

NetError TlsStream::startClient(const std::shared_ptr<TlsClientContext> &context, const TlsOptions &options,
                                const QString &serverName, const std::string &sessionKey)
{
    m_clientContext = context;
    m_sessionKey = sessionKey;
    m_ssl = SSL_new(context->native());
    if (!m_ssl)
        return tlsError(QStringLiteral("SSL_new"));
    if (NetError error = attach(); error.isError())
        return error;
    if (!serverName.isEmpty()) {
        const QByteArray name = serverName.toUtf8();
        SSL_set_tlsext_host_name(m_ssl, name.constData());
        m_trace.recordStatus(QStringLiteral("SSL_set_tlsext_host_name"),
                             QStringLiteral("ssl, \"%1\"").arg(serverName), 1, {});
    }
    const QByteArray wire = alpnWire(options.alpn);
    if (!wire.isEmpty()) {
        // Unlike the rest of OpenSSL, this one returns 0 on success.
        SSL_set_alpn_protos(m_ssl, reinterpret_cast<const unsigned char *>(wire.constData()), unsigned(wire.size()));
    }
    if (options.minVersion != TlsVersion::Any) {
        SSL_set_min_proto_version(m_ssl, options.minVersion == TlsVersion::Tls13 ? TLS1_3_VERSION : TLS1_2_VERSION);
    }
    if (SSL_SESSION *session = context->takeSession(sessionKey)) {
        SSL_set_session(m_ssl, session);
        SSL_SESSION_free(session);
    }
    SSL_set_connect_state(m_ssl);
    return {};
}

NetError TlsStream::startServer(const std::shared_ptr<TlsServerContext> &context)
{
    m_server = true;
    m_serverContext = context;
    m_ssl = SSL_new(context->native());
    if (!m_ssl)
        return tlsError(QStringLiteral("SSL_new"));
    if (NetError error = attach(); error.isError())
        return error;
    SSL_set_accept_state(m_ssl);
    return {};
}

QString TlsStream::sslArgs() const
{
    return QStringLiteral("ssl{fd=%1}").arg(m_socket.fd());
}

NetError TlsStream::failure(const QString &call, int rc, int sslError)
{
    m_fatal = true;
    if (sslError == SSL_ERROR_SYSCALL && m_socketError.isError()) {
        ERR_clear_error();
        m_trace.recordStatus(call, sslArgs(), rc, sslErrorName(sslError), m_socketError.codeName());
        return m_socketError;
    }
    NetError error = tlsError(call, sslError);
    error.symbol = sslErrorName(sslError);
    if (error.message.isEmpty() && sslError == SSL_ERROR_SYSCALL)
        error.message = QStringLiteral("unexpected eof while reading");
    m_trace.recordStatus(call, sslArgs(), rc, error.symbol, error.message);
    return error;
}

TlsStream::Step TlsStream::handshakeStep(NetError *error)
{
    ERR_clear_error();
    const QString call = m_server ? QStringLiteral("SSL_accept") : QStringLiteral("SSL_connect");
    const int rc = m_server ? SSL_accept(m_ssl) : SSL_connect(m_ssl);
    if (rc == 1) {
        m_handshakeDone = true;
        m_trace.recordStatus(call, sslArgs(), rc, {});
        return Step::Done;
    }
    const int sslError = SSL_get_error(m_ssl, rc);
    if (sslError == SSL_ERROR_WANT_READ || sslError == SSL_ERROR_WANT_WRITE) {
        m_trace.recordStatus(call, sslArgs(), rc, sslErrorName(sslError));
        return sslError == SSL_ERROR_WANT_READ ? Step::WantRead : Step::WantWrite;
    }
    *error = failure(call, rc, sslError);
    return Step::Failed;
}

NetError TlsStream::handshake(QDeadlineTimer deadline)
{
    const QString call = m_server ? QStringLiteral("SSL_accept") : QStringLiteral("SSL_connect");
    for (;;) {
        NetError error;
        const Step step = handshakeStep(&error);
        if (step == Step::Done)
            return {};
        if (step == Step::Failed)
            return error;
        const Socket::Wait waited = m_socket.wait(step == Step::WantWrite, deadline, &error);
        switch (waited) {
        case Socket::Wait::Ready:
            break;
        case Socket::Wait::Timeout:
            m_fatal = true;
            return NetError::timeout(call);
        case Socket::Wait::Cancelled:
            m_fatal = true;
            return NetError::cancelled(call);
        case Socket::Wait::Failed:
            m_fatal = true;
            return error;
        }
    }
}

SendResult TlsStream::write(const char *data, qint64 len)
{
    SendResult result;
    ERR_clear_error();
    const int rc = SSL_write(m_ssl, data, clampToInt(len));
    if (rc > 0) {
        m_writePending = false;
        m_trace.recordData("SSL_write", rc, 0, [&] {
            return QStringLiteral("%1, %2, %3").arg(sslArgs(), bufferPreview(data, len)).arg(clampToInt(len));
        });
        result.bytes = rc;
        return result;
    }
    const int sslError = SSL_get_error(m_ssl, rc);
    if (sslError == SSL_ERROR_WANT_WRITE || sslError == SSL_ERROR_WANT_READ) {
        m_waitsForWrite = sslError == SSL_ERROR_WANT_WRITE;
        m_writePending = true;
        result.status = SendResult::Status::WouldBlock;
        return result;
    }
    result.status = SendResult::Status::Failed;
    result.error = failure(QStringLiteral("SSL_write"), rc, sslError);
    return result;
}

NetError TlsStream::writeAll(const char *data, qint64 len, QDeadlineTimer deadline, qint64 *sent)
{
    qint64 done = 0;
    *sent = 0;
    while (done < len) {
        const SendResult step = write(data + done, len - done);
        if (step.status == SendResult::Status::Failed)
            return step.error;
        if (step.status == SendResult::Status::Sent) {
            done += step.bytes;
            *sent = done;
            continue;
        }
        NetError error;
        switch (m_socket.wait(m_waitsForWrite, deadline, &error)) {
        case Socket::Wait::Ready:
            break;
        case Socket::Wait::Timeout:
            return NetError::timeout(QStringLiteral("SSL_write"));
        case Socket::Wait::Cancelled:
            return NetError::cancelled(QStringLiteral("SSL_write"));
        case Socket::Wait::Failed:
            return error;
        }
    }
    return {};
}

ReceiveResult TlsStream::read(char *buffer, qint64 len)
{
    ReceiveResult result;
    ERR_clear_error();
    const int rc = SSL_read(m_ssl, buffer, clampToInt(len));
    if (rc > 0) {
        m_trace.recordData("SSL_read", rc, 0, [&] {
            return QStringLiteral("%1, buf, %2").arg(sslArgs()).arg(clampToInt(len));
        });
        result.status = ReceiveResult::Status::Data;
        result.bytes = rc;
        return result;
    }
    const int sslError = SSL_get_error(m_ssl, rc);
    if (sslError == SSL_ERROR_WANT_READ || sslError == SSL_ERROR_WANT_WRITE) {
        m_waitsForWrite = sslError == SSL_ERROR_WANT_WRITE;
        result.status = ReceiveResult::Status::WouldBlock;
        return result;
    }
    if (sslError == SSL_ERROR_ZERO_RETURN) {
        m_closeNotify = true;
        m_trace.recordStatus(QStringLiteral("SSL_read"), QStringLiteral("%1, buf, %2").arg(sslArgs()).arg(clampToInt(len)),
                             0, sslErrorName(sslError), QStringLiteral("close_notify"));
        result.status = ReceiveResult::Status::Closed;
        return result;
    }
    // The TCP connection ended without close_notify: the bytes so far stand, but nothing proves
    // they are all the peer meant to send.
    const unsigned long queued = ERR_peek_error();
    const bool eof = (sslError == SSL_ERROR_SYSCALL && !m_socketError.isError() && queued == 0)
        || (sslError == SSL_ERROR_SSL && ERR_GET_REASON(queued) == SSL_R_UNEXPECTED_EOF_WHILE_READING);
    if (eof) {
        ERR_clear_error();
        m_fatal = true;
        m_trace.recordStatus(QStringLiteral("SSL_read"), QStringLiteral("%1, buf, %2").arg(sslArgs()).arg(clampToInt(len)),
                             rc, sslErrorName(sslError), QStringLiteral("unexpected eof while reading"));
        result.status = ReceiveResult::Status::Closed;
        return result;
    }
    result.status = ReceiveResult::Status::Failed;
    result.error = failure(QStringLiteral("SSL_read"), rc, sslError);
    return result;
}

bool TlsStream::hasPending() const
{
    // Records read ahead but not yet decrypted count too: poll() cannot see them either.
    return m_ssl && SSL_has_pending(m_ssl) == 1;
}

TlsStream::Step TlsStream::shutdownStep()
{
    if (!m_ssl || !m_handshakeDone || m_fatal || m_shutdownDone)
        return Step::Done;
    // A record SSL_write() left half sent must go first, retried with the same bytes: OpenSSL would
    // only queue the alert behind it, then fail the retry that sends it. The peer sees the
    // connection end without close_notify, which is what happened.
    if (m_writePending) {
        m_shutdownDone = true;
        return Step::Failed;
    }
    ERR_clear_error();
    const int rc = SSL_shutdown(m_ssl);
    const int sslError = rc < 0 ? SSL_get_error(m_ssl, rc) : SSL_ERROR_NONE;
    if (sslError == SSL_ERROR_WANT_WRITE) {
        m_trace.recordStatus(QStringLiteral("SSL_shutdown"), sslArgs(), rc, sslErrorName(sslError));
        return Step::WantWrite;
    }
    m_shutdownDone = true;
    if (sslError == SSL_ERROR_SSL || sslError == SSL_ERROR_SYSCALL) {
        // Beyond saving: no SSL_read() may follow a fatal error either.
        failure(QStringLiteral("SSL_shutdown"), rc, sslError);
        return Step::Failed;
    }
    m_trace.recordStatus(QStringLiteral("SSL_shutdown"), sslArgs(), rc, rc < 0 ? sslErrorName(sslError) : QString());
    return rc < 0 ? Step::Failed : Step::Done;
}

void TlsStream::shutdown(QDeadlineTimer deadline)
{
    while (shutdownStep() == Step::WantWrite) {
        NetError error;
        if (m_socket.wait(true, deadline, &error) != Socket::Wait::Ready)
            return;
    }
}

TlsInfo TlsStream::info() const
{
    TlsInfo info;
    if (!m_ssl)
        return info;
    info.handshakeDone = m_handshakeDone;
    info.closeNotify = m_closeNotify;
    if (m_handshakeDone) {
        info.version = QString::fromLatin1(SSL_get_version(m_ssl));
        if (const SSL_CIPHER *cipher = SSL_get_current_cipher(m_ssl))
            info.cipher = QString::fromLatin1(SSL_CIPHER_get_name(cipher));
        const unsigned char *alpn = nullptr;
        unsigned int alpnLength = 0;
        SSL_get0_alpn_selected(m_ssl, &alpn, &alpnLength);
        info.alpn = QByteArray(reinterpret_cast<const char *>(alpn), int(alpnLength));
        info.resumed = SSL_session_reused(m_ssl) == 1;
    }
    if (const char *name = SSL_get_servername(m_ssl, TLSEXT_NAMETYPE_host_name))
        info.serverName = QString::fromUtf8(name);
    // A client is sent the server's own certificate first in this chain; a server is not.
    if (STACK_OF(X509) *chain = SSL_get_peer_cert_chain(m_ssl)) {
        for (int i = 0; i < sk_X509_num(chain); ++i)
            info.chain.append(describeCertificate(sk_X509_value(chain, i)));
    }
    return info;
}

} // namespace SocketLab
