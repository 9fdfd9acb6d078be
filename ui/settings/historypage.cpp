#include "historypage.h"

#include "storedsettings.h"

#include "history/historystore.h"

#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SocketLab {

HistoryPage::HistoryPage(QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_maxEntriesLabel(new QLabel(this))
    , m_maxMegabytesLabel(new QLabel(this))
    , m_inlineReplyLabel(new QLabel(this))
    , m_folderTitle(new QLabel(this))
    , m_maxEntries(new QSpinBox(this))
    , m_maxMegabytes(new QSpinBox(this))
    , m_inlineReply(new QSpinBox(this))
    , m_folder(new QLabel(this))
    , m_clear(new QPushButton(this))
{
    setObjectName(QStringLiteral("historyPage"));
    m_intro->setWordWrap(true);
    m_maxEntries->setObjectName(QStringLiteral("historyMaxEntries"));
    m_maxEntries->setRange(0, HistoryLimits::MaxMaxEntries);
    m_maxMegabytes->setObjectName(QStringLiteral("historyMaxMegabytes"));
    m_maxMegabytes->setRange(HistoryLimits::MinMaxMegabytes, HistoryLimits::MaxMaxMegabytes);
    m_inlineReply->setObjectName(QStringLiteral("historyInlineReply"));
    m_inlineReply->setRange(0, HistoryLimits::MaxInlineReplyKiB);
    m_folder->setObjectName(QStringLiteral("historyFolder"));
    m_folder->setText(QDir::toNativeSeparators(HistoryStore::historyRoot()));
    m_folder->setTextFormat(Qt::PlainText);
    // A path has no spaces to wrap at: wrapped, a form would give it the width of its first part.
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_maxEntriesLabel->setBuddy(m_maxEntries);
    m_maxMegabytesLabel->setBuddy(m_maxMegabytes);
    m_inlineReplyLabel->setBuddy(m_inlineReply);

    const QSettings file;
    StoredSettings settings(file);
    const HistoryLimits limits = HistoryLimits::read(settings);
    m_maxEntries->setValue(limits.maxEntries);
    m_maxMegabytes->setValue(limits.maxMegabytes);
    m_inlineReply->setValue(limits.inlineReplyKiB);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_maxEntriesLabel, m_maxEntries);
    form->addRow(m_maxMegabytesLabel, m_maxMegabytes);
    form->addRow(m_inlineReplyLabel, m_inlineReply);
    form->addRow(m_folderTitle, m_folder);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    layout->addLayout(buttons);
    layout->addStretch(1);
    m_clear->setObjectName(QStringLiteral("historyClear"));
    connect(m_clear, &QPushButton::clicked, this, &HistoryPage::clearRequested);

    m_applied = limits;
    retranslate();
}

HistoryLimits HistoryPage::limits() const
{
    HistoryLimits limits;
    limits.maxEntries = m_maxEntries->value();
    limits.maxMegabytes = m_maxMegabytes->value();
    limits.inlineReplyKiB = m_inlineReply->value();
    return limits;
}

void HistoryPage::apply()
{
    const HistoryLimits shown = limits();
    if (shown == m_applied)
        return;
    m_applied = shown;
    QSettings file;
    // A settings file of a newer SocketLab is left as it is, as the window leaves it.
    if (!StoredSettings(file).fromNewerVersion())
        shown.write(file);
    emit limitsChanged(shown);
}

void HistoryPage::retranslate()
{
    m_intro->setText(tr("The exchanges, look-ups and conversations are kept between runs. Each kind keeps at most "
                        "these entries and megabytes: past them, the oldest go with their files."));
    m_maxEntriesLabel->setText(tr("&Entries kept (each kind):"));
    m_maxMegabytesLabel->setText(tr("&Megabytes kept (each kind):"));
    m_inlineReplyLabel->setText(tr("Replies &inside the entry up to:"));
    m_folderTitle->setText(tr("Folder:"));
    m_maxEntries->setSpecialValueText(tr("none kept"));
    m_maxMegabytes->setSuffix(tr(" MiB"));
    m_inlineReply->setSuffix(tr(" KiB"));
    m_clear->setText(tr("Clear &history…"));
    m_inlineReply->setToolTip(tr("A larger reply goes to a file of its own beside its entry, read only when it is shown"));
}

void HistoryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
