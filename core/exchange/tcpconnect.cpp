#include "tcpconnect.h"

#include "net/localbind.h"
#include "net/socket.h"
#include "net/trace.h"
#include "tls/certificateverifier.h"
#include "tls/tlscontext.h"
#include "tls/tlsstream.h"

namespace SocketLab {

namespace {

QDeadlineTimer earlier(QDeadlineTimer a, QDeadlineTimer b)
{
    return a.deadlineNSecs() <= b.deadlineNSecs() ? a : b;
}

} // namespace

QDeadlineTimer deadlineInMs(int ms)
{
    return ms > 0 ? QDeadlineTimer(ms, Qt::PreciseTimer) : QDeadlineTimer(QDeadlineTimer::Forever);
}

bool connectAddresses(const TcpRequest &request, QDeadlineTimer deadline, Trace &trace, TcpResult &result, Socket &socket)
{
    for (const AddrInfoRow &row : std::as_const(result.resolved)) {
        // A socket bound to an IPv4 address cannot reach an IPv6 one: those addresses are not tried.
        if (!fitsLocalAddress(request.localAddress, row.family))
            continue;
        ConnectAttempt attempt;
        attempt.address = row.address;
        attempt.startUs = trace.elapsedUs();
        attempt.error = socket.open(row.family, row.socketType, row.protocol);
        if (!attempt.error.isError()) {
            attempt.error = prepareClientSocket(socket, request.socketOptions, request.localAddress, row.family,
                                                SocketKind::Stream, &result.socketOptions);
        }
        if (!attempt.error.isError()) {
            const QDeadlineTimer connectDeadline = earlier(deadlineInMs(request.connectTimeoutMs), deadline);
            attempt.error = socket.connect(row.address, connectDeadline);
        }
        attempt.endUs = trace.elapsedUs();
        result.attempts.append(attempt);
        if (!attempt.error.isError()) {
            result.connectedTo = row.address;
            result.local = socket.localAddress();
            result.timings.connectedUs = trace.elapsedUs();
            return true;
        }
        socket.close();
        result.error = attempt.error;
        if (result.error.detail.isEmpty())
            result.error.detail = row.address.toString();
        const bool giveUp = attempt.error.kind == NetError::Kind::Cancelled || deadline.hasExpired();
        if (giveUp)
            return false;
    }
    if (result.attempts.isEmpty() && !result.resolved.isEmpty())
        result.error = localFamilyMismatch(request.localAddress);
    return false;
}

bool startClientTls(const TcpRequest &request, QDeadlineTimer deadline, Trace &trace, TcpResult &result, TlsStream &tls)
{
    const TlsOptions &options = request.tls;
    const QString checkedName = options.serverName.isEmpty() ? request.host : options.serverName;
    const QString serverName = isIpAddress(checkedName) ? QString() : checkedName;
    const QString peer = result.connectedTo.toString();

    NetError error;
    const std::shared_ptr<TlsClientContext> context = TlsClientContext::forCaFile(options.caFile, &error);
    if (context) {
        const std::string sessionKey = (peer + QLatin1Char('|') + serverName).toStdString();
        error = tls.startClient(context, options, serverName, sessionKey);
    }
    if (!error.isError())
        error = tls.handshake(earlier(deadlineInMs(request.connectTimeoutMs), deadline));
    result.tls = tls.info();
    result.tls->serverName = serverName;
    result.tls->handshakeUs = trace.elapsedUs() - result.timings.connectedUs;
    if (error.isError()) {
        result.error = error;
        if (result.error.detail.isEmpty())
            result.error.detail = peer;
        return false;
    }

    TlsVerify &verify = result.tls->verify;
    verify = verifyServerCertificate(tls, checkedName, options.pinSha256, trace);
    result.timings.tlsUs = trace.elapsedUs();
    if (verify.isOk())
        return true;
    // Refused before a single byte of the person's leaves; the chain stays in result.tls to be shown.
    result.error.kind = NetError::Kind::Certificate;
    result.error.systemCode = verify.code;
    result.error.call = verify.outcome == TlsVerify::Outcome::PinMismatch ? QStringLiteral("X509_digest")
                                                                          : QStringLiteral("X509_verify_cert");
    result.error.detail = peer;
    result.error.symbol = verify.outcome == TlsVerify::Outcome::PinMismatch ? QStringLiteral("PIN_MISMATCH") : verify.codeName;
    result.error.message = verify.message;
    return false;
}

} // namespace SocketLab
