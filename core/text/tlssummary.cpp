#include "tlssummary.h"

#include "text/tlstext.h"
#include "tls/tlsinfo.h"

#include <QDateTime>
#include <QLocale>

namespace SocketLab {

namespace {

QString msText(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

QStringList TlsSummary::lines(const TlsInfo &tls, const QString &host)
{
    if (!tls.handshakeDone)
        return {};
    const QString alpn = tls.alpn.isEmpty() ? tr("no ALPN") : tr("ALPN %1").arg(QString::fromLatin1(tls.alpn));
    const QString sni = tls.serverName.isEmpty() ? tr("no SNI") : tr("SNI %1").arg(tls.serverName);
    const QString session = tls.resumed ? tr("session resumed") : tr("new session");
    QStringList lines{tr("TLS handshake done in %1 ms: %2, %3, %4, %5, %6")
                          .arg(msText(tls.handshakeUs), tls.version, tls.cipher, alpn, sni, session)};
    // A refused certificate is said once, as the exchange's failure, after the chain it is about.
    if (tls.verify.isOk())
        lines.append(TlsText::verdict(tls.verify, tls.chain, host));
    for (qsizetype i = 0; i < tls.chain.size(); ++i) {
        const CertificateInfo &certificate = tls.chain.at(i);
        lines.append(i == 0 ? tr("Certificate %1 of %2, the server's own:").arg(i + 1).arg(tls.chain.size())
                            : tr("Certificate %1 of %2:").arg(i + 1).arg(tls.chain.size()));
        lines.append(tr("  subject: %1").arg(certificate.subject));
        lines.append(certificate.selfSigned ? tr("  issuer: %1 (self-signed)").arg(certificate.issuer)
                                            : tr("  issuer: %1").arg(certificate.issuer));
        lines.append(tr("  valid from %1 to %2").arg(utcText(certificate.notBefore), utcText(certificate.notAfter)));
        lines.append(certificate.subjectAltNames.isEmpty()
                         ? tr("  names: none (no subject alternative name)")
                         : tr("  names: %1").arg(certificate.subjectAltNames.join(QStringLiteral(", "))));
        lines.append(tr("  key: %1, signature: %2").arg(TlsText::keyText(certificate), certificate.signatureAlgorithm));
        lines.append(tr("  SHA-256: %1").arg(TlsText::fingerprint(certificate.sha256)));
    }
    return lines;
}

} // namespace SocketLab
