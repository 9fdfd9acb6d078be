#pragma once

#include "tls/tlsinfo.h"

#include <QWidget>

#include <optional>

class QTextBrowser;

namespace SocketLab {

// What a TLS exchange agreed on and the chain the server sent, beside the reply: protocol, cipher,
// ALPN, resumption, handshake time and the verify result, then each certificate (subject, issuer,
// validity with expired or not-yet-valid dates marked, the names it covers, key, signature algorithm
// and the SHA-256 fingerprint, selectable to copy). Filled for a refused certificate too.
class CertificateView : public QWidget
{
    Q_OBJECT
public:
    explicit CertificateView(QWidget *parent = nullptr);

    // host: the name the exchange was sent to, for the verify sentence.
    void setInfo(const TlsInfo &info, const QString &host);
    void clear();
    QTextBrowser *browser() const { return m_browser; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QTextBrowser *m_browser;
    std::optional<TlsInfo> m_info;
    QString m_host;
};

} // namespace SocketLab
