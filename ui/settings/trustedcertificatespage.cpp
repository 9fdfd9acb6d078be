#include "trustedcertificatespage.h"

#include "tls/pinstore.h"

#include "text/tlstext.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

enum Column { Target, Fingerprint, Pinned };
constexpr int HostRole = Qt::UserRole;
constexpr int ServiceRole = Qt::UserRole + 1;

} // namespace

TrustedCertificatesPage::TrustedCertificatesPage(QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_remove(new QPushButton(this))
{
    m_intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("trustedCertificates"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(3);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_remove->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(m_remove, &QPushButton::clicked, this, &TrustedCertificatesPage::removeSelected);
    retranslate();
    reload();
}

void TrustedCertificatesPage::retranslate()
{
    m_intro->setText(tr("Certificates you chose to trust: an exchange to one of these hosts and ports accepts exactly "
                        "that certificate, and refuses any other, with both fingerprints. Remove a pin to check the "
                        "server against the trusted authorities again."));
    m_list->setHeaderLabels({tr("Host and port"), tr("SHA-256 fingerprint"), tr("Trusted on")});
    m_remove->setText(tr("&Remove"));
}

void TrustedCertificatesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void TrustedCertificatesPage::reload()
{
    m_list->clear();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const PinStore::Pin &pin : PinStore::pins()) {
        const QString target = pin.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(pin.host, pin.service)
                                                                   : QStringLiteral("%1:%2").arg(pin.host, pin.service);
        auto *item = new QTreeWidgetItem(m_list, {target, TlsText::fingerprint(pin.sha256),
                                                  QLocale().toString(pin.pinnedAt.toLocalTime(), QLocale::ShortFormat)});
        item->setFont(Fingerprint, fixed);
        item->setData(Target, HostRole, pin.host);
        item->setData(Target, ServiceRole, pin.service);
    }
    m_remove->setEnabled(false);
}

void TrustedCertificatesPage::removeSelected()
{
    for (const QTreeWidgetItem *item : m_list->selectedItems())
        PinStore::removePin(item->data(Target, HostRole).toString(), item->data(Target, ServiceRole).toString());
    reload();
}

} // namespace SocketLab
