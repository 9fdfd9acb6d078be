#include "tlstext.h"

#include "exchange/tcpexchange.h"
#include "text/errortext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace SocketLab::TlsText {

namespace {

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::TlsText)
};

QString day(const QDateTime &time)
{
    return QLocale().toString(time.toUTC(), QLocale::LongFormat);
}

QString namesCovered(const QList<CertificateInfo> &chain)
{
    if (chain.isEmpty())
        return {};
    QStringList names = chain.first().subjectAltNames;
    if (names.isEmpty())
        return Words::tr("no name at all (only the subject %1)").arg(chain.first().subject);
    for (QString &name : names)
        name = QStringLiteral("“%1”").arg(name);
    return QLocale().createSeparatedList(names);
}

// The first certificate of the chain whose validity is over (or not begun), else the server's.
const CertificateInfo *outOfDate(const QList<CertificateInfo> &chain, bool expired)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const CertificateInfo &certificate : chain) {
        if (expired ? certificate.notAfter < now : certificate.notBefore > now)
            return &certificate;
    }
    return chain.isEmpty() ? nullptr : &chain.first();
}

} // namespace

QString fingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray parsePin(const QString &text)
{
    QString hex = text.trimmed();
    if (hex.startsWith(QLatin1String("sha256:"), Qt::CaseInsensitive) || hex.startsWith(QLatin1String("sha256/"), Qt::CaseInsensitive))
        hex = hex.mid(7);
    hex.remove(QLatin1Char(':'));
    static const QRegularExpression hex64(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hex64.match(hex).hasMatch())
        return {};
    return QByteArray::fromHex(hex.toLatin1());
}

QString refusal(const TlsVerify &verify, const QList<CertificateInfo> &chain, const QString &host)
{
    const QString print = chain.isEmpty() ? QString() : fingerprint(chain.first().sha256);
    switch (verify.outcome) {
    case TlsVerify::Outcome::Expired: {
        const CertificateInfo *late = outOfDate(chain, true);
        return Words::tr("The certificate of %1 expired on %2 (%3): it can no longer be trusted, and no byte of the "
                         "request was sent.")
            .arg(host, late ? day(late->notAfter) : QString(), late ? late->subject : QString());
    }
    case TlsVerify::Outcome::NotYetValid: {
        const CertificateInfo *early = outOfDate(chain, false);
        return Words::tr("The certificate of %1 is not valid before %2 (%3): is this machine's clock right? No byte "
                         "of the request was sent.")
            .arg(host, early ? day(early->notBefore) : QString(), early ? early->subject : QString());
    }
    case TlsVerify::Outcome::SelfSigned:
        return Words::tr("The certificate of %1 is self-signed: no authority vouches for it, and no byte of the "
                         "request was sent. If you know this server, compare its SHA-256 fingerprint %2 and pin it.")
            .arg(host, print);
    case TlsVerify::Outcome::UnknownIssuer:
        return Words::tr("The certificate of %1 was issued by “%2”, which the trust store does not know: no byte of "
                         "the request was sent. Give its authority's certificate (CA file), or pin the server's "
                         "certificate (SHA-256 %3).")
            .arg(host, chain.isEmpty() ? QString() : chain.last().issuer, print);
    case TlsVerify::Outcome::NameMismatch:
        return Words::tr("The certificate does not cover %1: it covers %2. No byte of the request was sent.")
            .arg(verify.checkedName.isEmpty() ? host : verify.checkedName, namesCovered(chain));
    case TlsVerify::Outcome::PinMismatch:
        return Words::tr("The certificate of %1 is not the pinned one: pinned SHA-256 %2, received %3. No byte of "
                         "the request was sent.")
            .arg(host, fingerprint(verify.expectedPin), print);
    case TlsVerify::Outcome::Other:
        return Words::tr("The certificate of %1 was refused: %2 (%3). No byte of the request was sent.")
            .arg(host, verify.message, verify.codeName);
    case TlsVerify::Outcome::NotChecked:
        return Words::tr("The TLS handshake with %1 did not get as far as the certificate.").arg(host);
    case TlsVerify::Outcome::Ok:
        break;
    }
    return {};
}

QString verdict(const TlsVerify &verify, const QList<CertificateInfo> &chain, const QString &host)
{
    if (!verify.isOk())
        return refusal(verify, chain, host);
    if (verify.pinned) {
        return Words::tr("Trusted through its pin: the certificate is exactly the one pinned (SHA-256 %1).")
            .arg(chain.isEmpty() ? QString() : fingerprint(chain.first().sha256));
    }
    return Words::tr("Verified: the chain leads to a trusted authority, and the certificate covers %1.")
        .arg(verify.checkedName.isEmpty() ? host : verify.checkedName);
}

QString keyText(const CertificateInfo &certificate)
{
    // "EC P-256" names its curve, and Ed25519 its size; an RSA key says nothing without its bits.
    const bool sizeImplied = certificate.keyType.contains(QLatin1Char(' '))
        || certificate.keyType.startsWith(QLatin1StringView("Ed")) || certificate.keyBits <= 0;
    return sizeImplied ? certificate.keyType : QStringLiteral("%1 %2").arg(certificate.keyType).arg(certificate.keyBits);
}

QString failureSentence(const TcpResult &result, const QString &host)
{
    if (result.error.kind == NetError::Kind::Certificate && result.tls)
        return refusal(result.tls->verify, result.tls->chain, host);
    return ErrorText::describe(result.error);
}

} // namespace SocketLab::TlsText
