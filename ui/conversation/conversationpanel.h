#pragma once

#include <QWidget>

class QAction;
class QTabWidget;
class QToolButton;

namespace SocketLab {

class ConversationPage;

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
    void updateTabTitle(ConversationPage *page);
    void retranslate();

    QTabWidget *m_tabs;
    QToolButton *m_newButton;
    QAction *m_newAction;
};

} // namespace SocketLab
