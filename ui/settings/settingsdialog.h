#pragma once

#include <QDialog>

class QTabWidget;

namespace SocketLab {

class HistoryPage;
class TrustedCertificatesPage;

// The application's settings, one tab a subject: the certificates a person trusted, the history.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    TrustedCertificatesPage *trustedCertificatesPage() const { return m_trusted; }
    HistoryPage *historyPage() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QTabWidget *m_tabs;
    TrustedCertificatesPage *m_trusted;
    HistoryPage *m_history;
};

} // namespace SocketLab
