#include "certificateview.h"

#include "text/tlstext.h"

#include <QEvent>
#include <QLocale>
#include <QPalette>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(label, value);
}

QString utcText(const QDateTime &time)
{
    return QLocale().toString(time.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

} // namespace

CertificateView::CertificateView(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setObjectName(QStringLiteral("certificateText"));
    m_browser->setOpenLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
}

void CertificateView::setInfo(const TlsInfo &info, const QString &host)
{
    m_info = info;
    m_host = host;
    render();
}

void CertificateView::clear()
{
    m_info.reset();
    m_host.clear();
    m_browser->clear();
}

void CertificateView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_info)
        render();
    QWidget::changeEvent(event);
}

void CertificateView::render()
{
    const TlsInfo &info = *m_info;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QString warn = dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b00020");
    const QString bad = QStringLiteral("<span style='color:%1'>%2</span>").arg(warn);
    auto escaped = [](const QString &text) { return text.toHtmlEscaped(); };

    QString html;
    html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Connection"));
    const QString verdict = escaped(TlsText::verdict(info.verify, info.chain, m_host));
    html += row(tr("Verification"), info.verify.isOk() ? verdict : bad.arg(verdict));
    if (info.handshakeDone) {
        html += row(tr("Protocol"), escaped(info.version));
        html += row(tr("Cipher suite"), escaped(info.cipher));
        html += row(tr("ALPN"), info.alpn.isEmpty() ? tr("none agreed") : escaped(QString::fromLatin1(info.alpn)));
        html += row(tr("Session"), info.resumed ? tr("resumed from an earlier connection") : tr("new (full handshake)"));
    }
    html += row(tr("Server name (SNI)"), info.serverName.isEmpty() ? tr("none sent") : escaped(info.serverName));
    if (info.handshakeUs >= 0)
        html += row(tr("Handshake"), tr("%1 ms").arg(QLocale().toString(double(info.handshakeUs) / 1000.0, 'f', 1)));
    html += QStringLiteral("</table>");

    if (info.chain.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("The server sent no certificate."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < info.chain.size(); ++i) {
        const CertificateInfo &c = info.chain.at(i);
        const QString title = i == 0 ? tr("Certificate %1 of %2: the server's own").arg(i + 1).arg(info.chain.size())
                                     : tr("Certificate %1 of %2").arg(i + 1).arg(info.chain.size());
        html += QStringLiteral("<h3>%1</h3><table>").arg(title);
        html += row(tr("Subject"), escaped(c.subject));
        html += row(tr("Issuer"), escaped(c.issuer) + (c.selfSigned ? QStringLiteral(" — ") + tr("self-signed") : QString()));
        QString from = escaped(utcText(c.notBefore));
        if (c.notBefore > now)
            from = bad.arg(tr("%1 (not valid yet)").arg(from));
        QString until = escaped(utcText(c.notAfter));
        if (c.notAfter < now)
            until = bad.arg(tr("%1 (expired)").arg(until));
        html += row(tr("Valid from"), from);
        html += row(tr("Valid until"), until);
        html += row(tr("Names covered"),
                    c.subjectAltNames.isEmpty() ? tr("none") : escaped(c.subjectAltNames.join(QStringLiteral(", "))));
        html += row(tr("Key"), c.keyBits > 0 ? tr("%1, %2 bits").arg(escaped(c.keyType)).arg(c.keyBits) : escaped(c.keyType));
        html += row(tr("Signature algorithm"), escaped(c.signatureAlgorithm));
        html += row(tr("SHA-256 fingerprint"),
                    QStringLiteral("<code>%1</code>").arg(escaped(TlsText::fingerprint(c.sha256))));
        html += QStringLiteral("</table>");
    }
    m_browser->setHtml(html);
}

} // namespace SocketLab
