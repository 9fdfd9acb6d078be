#pragma once

#include "net/socketaddress.h"

#include <QWidget>

class QAction;
class QSettings;
class QTabWidget;
class QToolButton;

namespace SocketLab {

class ConversationPage;
class StoredSettings;

// The Conversation tab: conversations open at once, each a sub-tab of its own with its own
// connection on its own worker thread. "New conversation" opens another one aimed where the one in
// view is; closing a sub-tab ends its conversation, and the last one closed leaves a fresh page.
class ConversationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationPanel(QWidget *parent = nullptr);
    ~ConversationPanel() override;

    int count() const;
    ConversationPage *page(int index) const;
    ConversationPage *currentPage() const;
    QTabWidget *tabs() const { return m_tabs; }
    QAction *newConversationAction() const { return m_newAction; }

    // The embedded TCP and UDP echoes. A page aims at the one of its transport until a person types
    // another target, so the tab works with no network and follows the echoes' ports from run to run.
    void setDefaultTargets(const SocketAddress &tcpEcho, const SocketAddress &udpEcho);
    // Whether the page still aims at the embedded echo of its transport.
    bool hasDefaultTarget(const ConversationPage *page) const;

    // The form of the page in view (transport, target, TLS, socket options, message), under "conversation/";
    // restored into the first page. A target on the embedded echoes is kept as "the echo", not its port.
    void saveState(QSettings &settings) const;
    void restoreState(StoredSettings &settings);

public slots:
    // Opens a new sub-tab, shows it and returns it.
    ConversationPage *newConversation();
    // Ends the sub-tab's conversation (its socket closed at once) and removes it.
    void closeConversation(int index);
    // Ends every conversation: the window is closing.
    void closeAll();
    // Sends from the sub-tab in view; false when it cannot send now.
    bool send();

signals:
    // The page in view changed, or what it can do: the window's Send follows it.
    void stateChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    ConversationPage *addPage();
    void applyDefaultTarget(ConversationPage *page);
    void updateTabTitle(ConversationPage *page);
    void retranslate();

    QTabWidget *m_tabs;
    QToolButton *m_newButton;
    QAction *m_newAction;
    SocketAddress m_tcpEcho;
    SocketAddress m_udpEcho;
    // Pages whose target is still the embedded echo: they follow it when the transport changes.
    QList<const ConversationPage *> m_defaultTargeted;
};

} // namespace SocketLab
