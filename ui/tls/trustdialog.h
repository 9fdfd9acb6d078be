#pragma once

#include "tls/tlsinfo.h"

#include <QMessageBox>

namespace SocketLab {

// Asks a person to trust one server's certificate for one host and port, after showing its
// SHA-256 fingerprint, subject and validity. Replacing a pin shows both fingerprints, the pinned one
// and the new one. Trust is the non-default button: Return does not trust by accident.
class TrustDialog : public QMessageBox
{
    Q_OBJECT
public:
    // oldPin: the pin host:service has now (empty when there is none).
    TrustDialog(const QString &host, const QString &service, const CertificateInfo &certificate,
                const QByteArray &oldPin, QWidget *parent = nullptr);

    QAbstractButton *trustButton() const { return m_trust; }
    bool trusted() const { return clickedButton() == m_trust; }

private:
    QAbstractButton *m_trust;
};

} // namespace SocketLab
