#include "conversationpanel.h"

#include "conversationpage.h"

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
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace SocketLab {

ConversationPanel::ConversationPanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_newButton(new QToolButton(m_tabs))
    , m_newAction(new QAction(this))
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
    m_tabs->setCornerWidget(m_newButton, Qt::TopRightCorner);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

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
    for (int i = 0; i < count(); ++i)
        page(i)->disconnectFromTarget();
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
    page->socketOptionsEdit()->saveState(settings, QStringLiteral("conversation"));
}

void ConversationPanel::restoreState(StoredSettings &settings)
{
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
    if (!page->title().isEmpty() && !page->isRunning())
        title = tr("%1 (ended)").arg(title);
    m_tabs->setTabText(index, title);
    m_tabs->setTabToolTip(index, page->statusLabel()->text());
}

} // namespace SocketLab
