#include "conversationpanel.h"

#include "conversationpage.h"
#include "pastconversationlist.h"

#include "conversation/conversation.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"

#include "request/requesteditor.h"
#include "settings/storedsettings.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/targetedit.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace SocketLab {

ConversationPanel::ConversationPanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_newButton(new QToolButton(m_tabs))
    , m_newAction(new QAction(this))
    , m_showPastAction(new QAction(this))
    , m_showPastButton(new QToolButton(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_history(new ConversationHistory(ConversationHistory::defaultFolder(), this))
    , m_past(new PastConversationList(m_history, this))
{
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    // Ctrl+Shift+T as a browser's new tab would be taken by reopening; this one is free in the window.
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_newAction);
    m_newButton->setDefaultAction(m_newAction);
    m_newButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_showPastAction->setCheckable(true);
    m_showPastButton->setDefaultAction(m_showPastAction);
    m_showPastButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *corner = new QWidget(m_tabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->addWidget(m_showPastButton);
    cornerLayout->addWidget(m_newButton);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);

    // The list beside the sub-tabs, shown on demand: the conversations of today take the room.
    m_past->setVisible(false);
    m_splitter->addWidget(m_past);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_showPastAction, &QAction::toggled, this, [this](bool shown) {
        m_past->setVisible(shown);
        // Its own size hint is a search field's width: the first time, room for its columns.
        if (shown && !m_pastPlaced) {
            m_pastPlaced = true;
            const int total = m_splitter->width();
            m_splitter->setSizes({total / 3, total - total / 3});
        }
    });
    connect(m_history, &ConversationHistory::changed, this, &ConversationPanel::updatePastTitle);
    connect(m_history, &ConversationHistory::opened, this, [this](std::shared_ptr<const SavedConversation> saved) {
        const bool save = saved && saved->summary.path == m_saveWhenOpened;
        showSaved(std::move(saved));
        if (save) {
            m_saveWhenOpened.clear();
            emit saveToCollectionRequested();
        }
    });
    connect(m_past, &PastConversationList::openRequested, m_history, &ConversationHistory::open);
    // Saved from the page it opens in, as Save to collection saves any page: what is saved is in view.
    connect(m_past, &PastConversationList::saveToCollectionRequested, this, [this](const QString &path) {
        m_saveWhenOpened = path;
        m_history->open(path);
    });
    connect(m_past, &PastConversationList::talkAgainRequested, this, &ConversationPanel::talkAgain);

    connect(m_newAction, &QAction::triggered, this, &ConversationPanel::newConversation);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &ConversationPanel::closeConversation);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ConversationPanel::stateChanged);

    addPage();
    retranslate();
}

ConversationPanel::~ConversationPanel()
{
    // The pages go with the tab widget, after this: its current tab changing then is no news for
    // a window that is being destroyed too.
    m_tabs->disconnect(this);
}

void ConversationPanel::retranslate()
{
    m_newAction->setText(tr("New conversation"));
    m_newAction->setToolTip(tr("Open another conversation in a tab of its own, aimed at the same target (Ctrl+Shift+N)"));
    m_showPastAction->setToolTip(tr("The conversations kept from this run and the ones before: open one, talk again, "
                                    "search, delete"));
    updatePastTitle();
    for (int i = 0; i < count(); ++i)
        updateTabTitle(page(i));
}

void ConversationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

int ConversationPanel::count() const
{
    return m_tabs->count();
}

ConversationPage *ConversationPanel::page(int index) const
{
    return qobject_cast<ConversationPage *>(m_tabs->widget(index));
}

ConversationPage *ConversationPanel::currentPage() const
{
    return qobject_cast<ConversationPage *>(m_tabs->currentWidget());
}

ConversationPage *ConversationPanel::addPage()
{
    auto *page = new ConversationPage;
    m_tabs->addTab(page, QString());
    updateTabTitle(page);
    connect(page, &ConversationPage::titleChanged, this, [this, page] { updateTabTitle(page); });
    m_defaultTargeted.append(page);
    applyDefaultTarget(page);
    connect(page->targetEdit(), &TargetEdit::edited, this, [this, page] { m_defaultTargeted.removeAll(page); });
    connect(page->transportCombo(), &QComboBox::currentIndexChanged, this, [this, page] { applyDefaultTarget(page); });
    connect(page, &ConversationPage::ended, this, [this, page] { keep(page, false); });
    connect(page, &ConversationPage::talkAgainRequested, this, [this, page] {
        if (page->isSaved())
            talkAgain(page->runningRequest(), page->playedScript());
    });
    connect(page, &ConversationPage::stateChanged, this, [this, page] {
        updateTabTitle(page);
        if (page == currentPage())
            emit stateChanged();
    });
    return page;
}

ConversationPage *ConversationPanel::newConversation()
{
    ConversationPage *current = currentPage();
    ConversationPage *page = addPage();
    if (current) {
        page->copyTargetFrom(*current);
        if (!hasDefaultTarget(current))
            m_defaultTargeted.removeAll(page);
    }
    m_tabs->setCurrentWidget(page);
    page->connectButton()->setFocus(Qt::OtherFocusReason);
    return page;
}

void ConversationPanel::closeConversation(int index)
{
    ConversationPage *closed = page(index);
    if (!closed)
        return;
    const bool last = count() == 1;
    if (closed->isRunning())
        keep(closed, true);
    ConversationPage *fresh = last ? newConversation() : nullptr;
    m_tabs->removeTab(m_tabs->indexOf(closed));
    m_defaultTargeted.removeAll(closed);
    // The page's Conversation cancels its worker, which leaves its poll() at once: no wait to speak of.
    delete closed;
    if (fresh)
        m_tabs->setCurrentWidget(fresh);
}

void ConversationPanel::closeAll()
{
    for (int i = 0; i < count(); ++i) {
        if (page(i)->isRunning())
            keep(page(i), true);
        page(i)->disconnectFromTarget();
    }
}

void ConversationPanel::keep(ConversationPage *page, bool cutShort)
{
    if (page->isSaved() || page->isKeptInHistory() || !page->record())
        return;
    page->setKeptInHistory();
    m_history->save(page->record(), page->trace(), page->runningRequest(), page->startedAt(), cutShort,
                    page->playedScript());
}

ConversationPage *ConversationPanel::showSaved(std::shared_ptr<const SavedConversation> saved)
{
    ConversationPage *page = addPage();
    m_defaultTargeted.removeAll(page);
    page->showSaved(std::move(saved));
    m_tabs->setCurrentWidget(page);
    return page;
}

ConversationPage *ConversationPanel::talkAgain(const ConversationRequest &request, const QString &script)
{
    ConversationPage *page = addPage();
    m_defaultTargeted.removeAll(page);
    page->fillForm(request);
    m_tabs->setCurrentWidget(page);
    if (script.isEmpty()) {
        page->connectToTarget();
    } else {
        page->setScript(script);
        page->runScript();
    }
    return page;
}

void ConversationPanel::updatePastTitle()
{
    const int kept = int(m_history->conversations().size());
    m_showPastAction->setText(m_history->isLoaded() ? tr("Past conversations (%1)").arg(QLocale().toString(kept))
                                                    : tr("Past conversations"));
}

void ConversationPanel::setDefaultTargets(const SocketAddress &tcpEcho, const SocketAddress &udpEcho)
{
    m_tcpEcho = tcpEcho;
    m_udpEcho = udpEcho;
    for (int i = 0; i < count(); ++i)
        applyDefaultTarget(page(i));
}

bool ConversationPanel::hasDefaultTarget(const ConversationPage *page) const
{
    return m_defaultTargeted.contains(page);
}

void ConversationPanel::applyDefaultTarget(ConversationPage *page)
{
    // A running conversation's form says where it went: it is not changed under it.
    if (!hasDefaultTarget(page) || page->isRunning())
        return;
    const bool udp = page->request().transport == ConversationRequest::Transport::Udp;
    const SocketAddress &echo = udp ? m_udpEcho : m_tcpEcho;
    if (!echo.isValid())
        return;
    page->targetEdit()->setTarget(echo.host(), QString::number(echo.port()));
    page->targetEdit()->setFamily(IpFamily::Any);
}

void ConversationPanel::saveState(QSettings &settings) const
{
    const ConversationPage *page = currentPage();
    if (!page)
        return;
    settings.setValue(QStringLiteral("conversation/transport"), page->transportCombo()->currentIndex());
    settings.setValue(QStringLiteral("conversation/defaultTarget"), hasDefaultTarget(page));
    page->targetEdit()->saveState(settings, QStringLiteral("conversation"));
    settings.setValue(QStringLiteral("conversation/tls"), page->tlsCheck()->isChecked());
    const RequestEditor *editor = page->requestEditor();
    settings.setValue(QStringLiteral("conversation/message"), editor->isValid() ? editor->bytes() : QByteArray());
    settings.setValue(QStringLiteral("conversation/messageMode"), int(editor->mode()));
    // The script as typed, kept as the message is: a script half written is not lost at the close.
    settings.setValue(QStringLiteral("conversation/script"), page->script());
    settings.setValue(QStringLiteral("conversation/inputTab"), page->inputTabs()->currentIndex());
    page->socketOptionsEdit()->saveState(settings, QStringLiteral("conversation"));
}

void ConversationPanel::restoreState(StoredSettings &settings)
{
    // The window has set the limits every kind of history shares (HistoryLimits): the oldest files
    // beyond them go before the list is read.
    m_history->load();
    ConversationPage *first = page(0);
    if (!first || !settings.contains(QStringLiteral("conversation/transport")))
        return;
    QComboBox *transport = first->transportCombo();
    transport->setCurrentIndex(settings.integer(QStringLiteral("conversation/transport"), 0, 0, transport->count() - 1));
    if (!settings.boolean(QStringLiteral("conversation/defaultTarget"), true)) {
        m_defaultTargeted.removeAll(first);
        first->targetEdit()->restoreState(settings, QStringLiteral("conversation"));
    }
    applyDefaultTarget(first);
    first->tlsCheck()->setChecked(settings.boolean(QStringLiteral("conversation/tls"), false));
    // After the transport, which decides the options offered.
    first->socketOptionsEdit()->restoreState(settings, QStringLiteral("conversation"));
    const QByteArray message = settings.bytes(QStringLiteral("conversation/message"));
    if (!message.isEmpty()) {
        RequestEditor *editor = first->requestEditor();
        editor->setMode(PayloadMode(settings.integer(QStringLiteral("conversation/messageMode"), int(PayloadMode::Escaped),
                                                     int(PayloadMode::Escaped), int(PayloadMode::Hex))));
        editor->setBytes(message);
    }
    first->scriptEdit()->setPlainText(settings.string(QStringLiteral("conversation/script"), QString()));
    first->inputTabs()->setCurrentIndex(
        settings.integer(QStringLiteral("conversation/inputTab"), 0, 0, first->inputTabs()->count() - 1));
}

bool ConversationPanel::send()
{
    ConversationPage *page = currentPage();
    return page && page->send();
}

void ConversationPanel::updateTabTitle(ConversationPage *page)
{
    const int index = m_tabs->indexOf(page);
    if (index < 0)
        return;
    QString title = page->title().isEmpty() ? tr("New conversation") : page->title();
    // The tab says whether its connection is still open, so an ended one is seen without opening it.
    if (page->isSaved())
        //: A saved conversation's tab: its target, then when it started.
        title = tr("%1 (%2)").arg(title, QLocale().toString(page->startedAt().toLocalTime(), QLocale::ShortFormat));
    else if (!page->title().isEmpty() && !page->isRunning())
        title = tr("%1 (ended)").arg(title);
    m_tabs->setTabText(index, title);
    m_tabs->setTabToolTip(index, page->statusLabel()->text());
}

} // namespace SocketLab
