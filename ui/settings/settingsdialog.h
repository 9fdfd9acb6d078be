#pragma once

#include <QDialog>

class QTabWidget;

namespace SocketLab {

class TrustedCertificatesPage;

// The application's settings, one tab a subject; for now the certificates a person trusted.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    TrustedCertificatesPage *trustedCertificatesPage() const { return m_trusted; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QTabWidget *m_tabs;
    TrustedCertificatesPage *m_trusted;
};

} // namespace SocketLab
