#include "pastconversationlist.h"

#include "conversation/conversationhistory.h"
#include "text/stoptext.h"
#include "widgets/confirmquestion.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

enum Column { StartedColumn, TargetColumn, SentColumn, ReceivedColumn, EndColumn, ColumnCount };

// The row's file, what names a conversation while the history's list grows and shrinks around it,
// and its index in the list when the rows were made.
constexpr int PathRole = Qt::UserRole;
constexpr int IndexRole = Qt::UserRole + 1;

} // namespace

PastConversationList::PastConversationList(ConversationHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_open(new QPushButton(this))
    , m_talkAgain(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_exportMenu(new QMenu(this))
    , m_exportPcapngAction(m_exportMenu->addAction(QString()))
    , m_copyReportAction(m_exportMenu->addAction(QString()))
    , m_saveReportAction(m_exportMenu->addAction(QString()))
    , m_notice(new QLabel(this))
{
    m_search->setClearButtonEnabled(true);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    m_notice->setWordWrap(true);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setVisible(false);

    // Two rows: the list sits beside a conversation page and the collections panel, and four buttons
    // in a row (longer in French) would make it wider than the window has room for.
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_open, 0, 0);
    buttons->addWidget(m_talkAgain, 0, 1);
    buttons->addWidget(m_save, 1, 0, 1, 2);
    buttons->setColumnStretch(2, 1);
    buttons->addWidget(m_export, 0, 3);
    buttons->addWidget(m_delete, 1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_notice);

    connect(m_history, &ConversationHistory::changed, this, &PastConversationList::rebuild);
    connect(m_history, &ConversationHistory::notice, this, [this](const QString &text) {
        m_notice->setText(text);
        m_notice->setVisible(true);
    });
    connect(m_search, &QLineEdit::textChanged, this, &PastConversationList::applySearch);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &PastConversationList::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { m_open->click(); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const ConversationSummary *summary = selected())
            emit openRequested(summary->path);
    });
    connect(m_talkAgain, &QPushButton::clicked, this, [this] {
        if (const ConversationSummary *summary = selected())
            emit talkAgainRequested(summary->request, summary->script);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (const ConversationSummary *summary = selected())
            emit saveToCollectionRequested(summary->path);
    });
    connect(m_delete, &QPushButton::clicked, this, &PastConversationList::askDelete);
    m_export->setMenu(m_exportMenu);
    for (const auto &[action, asked] : {std::pair{m_exportPcapngAction, &PastConversationList::exportPcapngRequested},
                                        std::pair{m_copyReportAction, &PastConversationList::copyReportRequested},
                                        std::pair{m_saveReportAction, &PastConversationList::saveReportRequested}}) {
        connect(action, &QAction::triggered, this, [this, asked] {
            if (const ConversationSummary *summary = selected())
                emit(this->*asked)(summary->path);
        });
    }
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_tree->itemAt(pos);
        if (!item)
            return;
        m_tree->setCurrentItem(item);
        m_exportMenu->popup(m_tree->viewport()->mapToGlobal(pos));
    });
    retranslate();
    rebuild();
}

void PastConversationList::retranslate()
{
    m_search->setPlaceholderText(tr("Search the target, the port, how it ended, the bytes"));
    m_tree->setHeaderLabels({tr("Started"), tr("Target"), tr("Sent"), tr("Received"), tr("Ended")});
    m_tree->setAccessibleName(tr("Past conversations"));
    m_open->setText(tr("O&pen"));
    m_open->setToolTip(tr("Show the conversation as it looked, read-only, in a tab of its own"));
    m_talkAgain->setText(tr("Talk again"));
    m_talkAgain->setToolTip(tr("Connect again to the same target with the same options, in a new conversation."));
    m_save->setText(tr("Save to collection…"));
    m_save->setToolTip(tr("Open the conversation and save it to a collection as a script: the script it played, or "
                          "each send() it made with a wait for each answer."));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Remove this conversation from the history: its file is deleted."));
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("This conversation as a pcapng capture Wireshark opens, or as a text report to paste in a "
                            "bug report"));
    m_exportPcapngAction->setText(tr("E&xport as pcapng…"));
    m_copyReportAction->setText(tr("Cop&y the report"));
    m_saveReportAction->setText(tr("Save the repor&t…"));
    rebuild();
}

void PastConversationList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString PastConversationList::endText(const ConversationSummary &summary)
{
    const QString &code = summary.stop.code;
    if (summary.cutShort || code == QLatin1String("open") || code == QLatin1String("window_closed"))
        return tr("cut short");
    if (code == QLatin1String("peer_closed"))
        return tr("the peer closed");
    if (code == QLatin1String("peer_reset"))
        return tr("reset by the peer");
    if (code == QLatin1String("cancelled"))
        return tr("disconnected");
    if (code == QLatin1String("closed"))
        return tr("closed");
    return tr("failed");
}

void PastConversationList::rebuild()
{
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->data(StartedColumn, PathRole).toString() : QString();
    m_tree->clear();
    const QList<ConversationSummary> &list = m_history->conversations();
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const ConversationSummary &summary = list.at(i);
        const ConversationRequest &request = summary.request;
        const bool udp = request.transport == ConversationRequest::Transport::Udp;
        const QString transport = udp ? QStringLiteral("UDP") : request.tls.enabled ? QStringLiteral("TLS") : QStringLiteral("TCP");
        auto *item = new QTreeWidgetItem;
        item->setText(StartedColumn, locale.toString(summary.startedAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(TargetColumn, QStringLiteral("%1:%2 (%3)").arg(request.host, request.service, transport));
        item->setText(SentColumn, byteCount(summary.sentBytes));
        item->setText(ReceivedColumn, byteCount(summary.receivedBytes));
        item->setText(EndColumn, endText(summary));
        item->setToolTip(EndColumn, summary.stop.detail);
        item->setData(StartedColumn, PathRole, summary.path);
        item->setData(StartedColumn, IndexRole, int(i));
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    for (int column = 0; column < EndColumn; ++column)
        m_tree->resizeColumnToContents(column);
    applySearch();
    for (QTreeWidgetItem *item : std::as_const(items)) {
        if (item->data(StartedColumn, PathRole).toString() == current)
            m_tree->setCurrentItem(item);
    }
    updateButtons();
}

void PastConversationList::applySearch()
{
    const QString needle = m_search->text().trimmed();
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_tree->topLevelItem(row);
        const ConversationSummary *summary = summaryOf(item);
        if (!summary)
            continue;
        const QString haystack = QStringList{item->text(TargetColumn), summary->request.service, endText(*summary),
                                             summary->stop.code, summary->stop.detail, summary->searchText}
                                     .join(QLatin1Char('\n'));
        item->setHidden(!needle.isEmpty() && !haystack.contains(needle, Qt::CaseInsensitive));
    }
    updateButtons();
}

int PastConversationList::shownCount() const
{
    int shown = 0;
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row)
        shown += !m_tree->topLevelItem(row)->isHidden();
    return shown;
}

const ConversationSummary *PastConversationList::selected() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->isHidden() || !item->isSelected())
        return nullptr;
    return summaryOf(item);
}

const ConversationSummary *PastConversationList::summaryOf(const QTreeWidgetItem *item) const
{
    const QString path = item->data(StartedColumn, PathRole).toString();
    const QList<ConversationSummary> &list = m_history->conversations();
    const int index = item->data(StartedColumn, IndexRole).toInt();
    if (index < list.size() && list.at(index).path == path)
        return &list.at(index);
    for (const ConversationSummary &summary : list) {
        if (summary.path == path)
            return &summary;
    }
    return nullptr;
}

void PastConversationList::askDelete()
{
    const ConversationSummary *summary = selected();
    if (!summary)
        return;
    const QString path = summary->path;
    ConfirmQuestion::ask(this, QStringLiteral("deleteConversation"), tr("Delete the conversation?"),
                         tr("Delete the conversation with %1:%2 of %3? Its file goes, and this cannot be undone.")
                             .arg(summary->request.host, summary->request.service,
                                  QLocale().toString(summary->startedAt.toLocalTime(), QLocale::ShortFormat)),
                         tr("&Delete"), ConfirmQuestion::Default::Keep, [this, path] { m_history->remove(path); });
}

void PastConversationList::selectRow(int row)
{
    int shown = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->isHidden())
            continue;
        if (shown++ == row) {
            m_tree->setCurrentItem(item);
            item->setSelected(true);
            return;
        }
    }
}

void PastConversationList::updateButtons()
{
    const bool chosen = selected() != nullptr;
    m_open->setEnabled(chosen);
    m_talkAgain->setEnabled(chosen);
    m_save->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    m_export->setEnabled(chosen);
}

} // namespace SocketLab
