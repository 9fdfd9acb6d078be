#include "trustdialog.h"

#include "text/tlstext.h"

#include <QLocale>
#include <QPushButton>

namespace SocketLab {

TrustDialog::TrustDialog(const QString &host, const QString &service, const CertificateInfo &certificate,
                         const QByteArray &oldPin, QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(QStringLiteral("trustCertificate"));
    setIcon(QMessageBox::Warning);
    setTextFormat(Qt::RichText);
    const QString target = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host, service)
                                                           : QStringLiteral("%1:%2").arg(host, service);
    const auto when = [](const QDateTime &time) {
        return QLocale().toString(time.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
    };
    const QString print = QStringLiteral("<code>%1</code>").arg(TlsText::fingerprint(certificate.sha256));
    QString details = QStringLiteral("<table>");
    details += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(tr("Subject"), certificate.subject.toHtmlEscaped());
    details += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                   .arg(tr("Valid"), tr("from %1 until %2").arg(when(certificate.notBefore), when(certificate.notAfter)));
    if (oldPin.isEmpty()) {
        setWindowTitle(tr("Trust this certificate?"));
        setText(tr("Trust the certificate of %1 from now on? Only this exact certificate will be accepted for this "
                   "host and port: trust it only if its fingerprint is the one you got from the server's owner.")
                    .arg(target.toHtmlEscaped()));
        details += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(tr("SHA-256"), print);
        m_trust = addButton(tr("&Trust it"), QMessageBox::AcceptRole);
    } else {
        setWindowTitle(tr("Replace the pinned certificate?"));
        setText(tr("%1 now presents another certificate than the one you trusted. Replace the pin only if you know why "
                   "the server's certificate changed: otherwise someone may be between you and the server.")
                    .arg(target.toHtmlEscaped()));
        details += QStringLiteral("<tr><td><b>%1</b></td><td><code>%2</code></td></tr>")
                       .arg(tr("Pinned SHA-256"), TlsText::fingerprint(oldPin));
        details += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(tr("New SHA-256"), print);
        m_trust = addButton(tr("&Replace the pin"), QMessageBox::AcceptRole);
    }
    details += QStringLiteral("</table>");
    setInformativeText(details);
    QPushButton *cancel = addButton(QMessageBox::Cancel);
    setDefaultButton(cancel);
    setEscapeButton(cancel);
}

} // namespace SocketLab
