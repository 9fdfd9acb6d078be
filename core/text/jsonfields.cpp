#include "jsonfields.h"

#include "bytes/bytestore.h"
#include "net/trace.h"
#include "text/errortext.h"
#include "text/socketoptiontext.h"
#include "text/tlstext.h"
#include "tls/tlsinfo.h"

#include <QDateTime>

namespace SocketLab::JsonFields {

namespace {

QString outcomeCode(TlsVerify::Outcome outcome)
{
    using O = TlsVerify::Outcome;
    switch (outcome) {
    case O::NotChecked: return QStringLiteral("not_checked");
    case O::Ok: return QStringLiteral("ok");
    case O::Expired: return QStringLiteral("expired");
    case O::NotYetValid: return QStringLiteral("not_yet_valid");
    case O::SelfSigned: return QStringLiteral("self_signed");
    case O::UnknownIssuer: return QStringLiteral("unknown_issuer");
    case O::NameMismatch: return QStringLiteral("name_mismatch");
    case O::PinMismatch: return QStringLiteral("pin_mismatch");
    case O::Other: return QStringLiteral("other");
    }
    return {};
}

QJsonObject verifyJson(const TlsInfo &tls, const QString &host)
{
    const TlsVerify &verify = tls.verify;
    // A pin is checked by its digest alone: there is no X509_V_* code to give.
    const QString code = verify.outcome == TlsVerify::Outcome::PinMismatch ? QStringLiteral("PIN_MISMATCH") : verify.codeName;
    return QJsonObject{{QStringLiteral("ok"), verify.isOk()},
                       {QStringLiteral("outcome"), outcomeCode(verify.outcome)},
                       {QStringLiteral("code"), nullIfEmpty(code)},
                       {QStringLiteral("message"), TlsText::verdict(verify, tls.chain, host)},
                       {QStringLiteral("checked_name"), nullIfEmpty(verify.checkedName)},
                       {QStringLiteral("pinned"), verify.pinned}};
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonArray chainJson(const QList<CertificateInfo> &chain)
{
    QJsonArray array;
    for (const CertificateInfo &certificate : chain) {
        array.append(QJsonObject{{QStringLiteral("subject"), certificate.subject},
                                 {QStringLiteral("issuer"), certificate.issuer},
                                 {QStringLiteral("not_before"), isoTime(certificate.notBefore)},
                                 {QStringLiteral("not_after"), isoTime(certificate.notAfter)},
                                 {QStringLiteral("san"), QJsonArray::fromStringList(certificate.subjectAltNames)},
                                 {QStringLiteral("key"), TlsText::keyText(certificate)},
                                 {QStringLiteral("signature_algorithm"), certificate.signatureAlgorithm},
                                 {QStringLiteral("self_signed"), certificate.selfSigned},
                                 {QStringLiteral("sha256"), QString::fromLatin1(certificate.sha256.toHex())}});
    }
    return array;
}

} // namespace

double ms(qint64 us)
{
    return us < 0 ? -1.0 : double(us) / 1000.0;
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue nullIfEmpty(const QByteArray &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromLatin1(text));
}

QJsonValue addressJson(const SocketAddress &address)
{
    if (!address.isValid())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("family"), familyName(address.family())},
                       {QStringLiteral("address"), address.host()},
                       {QStringLiteral("port"), address.port()}};
}

QJsonValue errorJson(const NetError &error, const QString &message)
{
    if (!error.isError())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("code"), error.codeName()},
                       {QStringLiteral("call"), error.call},
                       {QStringLiteral("message"), message.isEmpty() ? ErrorText::describe(error) : message}};
}

QJsonArray rowsJson(const QList<AddrInfoRow> &rows)
{
    QJsonArray array;
    for (const AddrInfoRow &row : rows)
        array.append(QJsonObject{{QStringLiteral("family"), familyName(row.family)},
                                 {QStringLiteral("socktype"), socketTypeName(row.socketType)},
                                 {QStringLiteral("protocol"), row.protocol},
                                 {QStringLiteral("canonname"), row.canonicalName},
                                 {QStringLiteral("address"), row.address.host()},
                                 {QStringLiteral("port"), row.address.port()},
                                 {QStringLiteral("python"), row.toPythonRepr()}});
    return array;
}

QJsonArray attemptsJson(const QList<ConnectAttempt> &attempts)
{
    QJsonArray array;
    for (const ConnectAttempt &attempt : attempts)
        array.append(QJsonObject{{QStringLiteral("address"), addressJson(attempt.address)},
                                 {QStringLiteral("error"), errorJson(attempt.error)},
                                 {QStringLiteral("t_ms"), ms(attempt.startUs)},
                                 {QStringLiteral("duration_ms"), ms(attempt.endUs - attempt.startUs)}});
    return array;
}

namespace {

QJsonValue optionValueJson(SocketOptionName name, int value)
{
    if (name == SocketOptionName::Linger && value == SocketOptionSetting::LingerOff)
        return QJsonValue::Null;
    return value;
}

QString adjustmentCode(SocketOptionAdjustment adjustment)
{
    switch (adjustment) {
    case SocketOptionAdjustment::None: return QStringLiteral("none");
    case SocketOptionAdjustment::Doubled: return QStringLiteral("doubled");
    case SocketOptionAdjustment::CappedThenDoubled: return QStringLiteral("capped_then_doubled");
    case SocketOptionAdjustment::RaisedToMinimum: return QStringLiteral("raised_to_minimum");
    case SocketOptionAdjustment::EcnBitsKept: return QStringLiteral("ecn_bits_kept");
    case SocketOptionAdjustment::NotForThisSocket: return QStringLiteral("not_for_this_socket");
    case SocketOptionAdjustment::Other: return QStringLiteral("other");
    }
    return {};
}

} // namespace

QJsonObject socketOptionJson(const SocketOptionOutcome &outcome)
{
    const SocketOptionName name = outcome.asked.name;
    return QJsonObject{{QStringLiteral("name"), SocketOptions::cliName(name)},
                       {QStringLiteral("system_name"), outcome.systemName},
                       {QStringLiteral("asked"), optionValueJson(name, outcome.asked.value)},
                       {QStringLiteral("effective"), outcome.readBack ? optionValueJson(name, outcome.effective) : QJsonValue()},
                       {QStringLiteral("adjustment"), adjustmentCode(outcome.adjustment)},
                       {QStringLiteral("reason"), nullIfEmpty(optionAdjustmentReason(outcome))},
                       {QStringLiteral("error"), errorJson(outcome.error)}};
}

QJsonArray socketOptionsJson(const QList<SocketOptionOutcome> &outcomes)
{
    QJsonArray array;
    for (const SocketOptionOutcome &outcome : outcomes)
        array.append(socketOptionJson(outcome));
    return array;
}

QJsonObject timingsJson(const ExchangeTimings &timings)
{
    return QJsonObject{{QStringLiteral("resolve_ms"), ms(timings.resolvedUs)},
                       {QStringLiteral("connect_ms"), ms(timings.connectedUs)},
                       {QStringLiteral("first_byte_ms"), ms(timings.firstByteUs)},
                       {QStringLiteral("total_ms"), ms(timings.totalUs)}};
}

QJsonArray traceJson(const Trace &trace)
{
    QJsonArray array;
    for (const TraceEntry &entry : trace.entries()) {
        QJsonObject object{{QStringLiteral("t_ms"), ms(entry.timeUs)},
                           {QStringLiteral("call"), entry.call},
                           {QStringLiteral("args"), entry.args},
                           {QStringLiteral("ret"), entry.result},
                           {QStringLiteral("errno"), entry.errnoCode ? QJsonValue(errnoName(entry.errnoCode))
                                                                     : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("count"), entry.count},
                           {QStringLiteral("status"), nullIfEmpty(entry.status)},
                           {QStringLiteral("status_detail"), nullIfEmpty(entry.statusDetail)}};
        if (entry.count > 1) {
            object.insert(QStringLiteral("total_bytes"), entry.totalBytes);
            object.insert(QStringLiteral("last_t_ms"), ms(entry.lastTimeUs));
        }
        array.append(object);
    }
    return array;
}

QJsonValue tlsJson(const std::optional<TlsInfo> &tls, const QString &host)
{
    if (!tls)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("handshake_done"), tls->handshakeDone},
                       {QStringLiteral("version"), nullIfEmpty(tls->version)},
                       {QStringLiteral("cipher"), nullIfEmpty(tls->cipher)},
                       {QStringLiteral("alpn"), nullIfEmpty(QString::fromLatin1(tls->alpn))},
                       {QStringLiteral("servername"), nullIfEmpty(tls->serverName)},
                       {QStringLiteral("resumed"), tls->resumed},
                       {QStringLiteral("handshake_ms"), ms(tls->handshakeUs)},
                       {QStringLiteral("close_notify"), tls->closeNotify},
                       {QStringLiteral("verify"), verifyJson(*tls, host)},
                       {QStringLiteral("chain"), chainJson(tls->chain)}};
}

QJsonValue base64(const ByteStore *store, qint64 offset, qint64 length)
{
    if (!store)
        return QJsonValue::Null;
    return QString::fromLatin1(store->read(offset, length).toBase64());
}

} // namespace SocketLab::JsonFields
