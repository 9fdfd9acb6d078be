#include "settingsdialog.h"

#include "historypage.h"
#include "trustedcertificatespage.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

namespace SocketLab {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_trusted(new TrustedCertificatesPage(this))
    , m_history(new HistoryPage(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_tabs->addTab(m_trusted, QString());
    m_tabs->addTab(m_history, QString());
    // Each change applies at once (a removed pin is gone), the history's limits as the dialog closes:
    // Close is the only button.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, m_history, &HistoryPage::apply);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 100, fontMetrics().height() * 24);
    retranslate();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_tabs->setTabText(0, tr("Trusted certificates"));
    m_tabs->setTabText(1, tr("History"));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace SocketLab
