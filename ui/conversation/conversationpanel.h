#pragma once

#include "conversation/conversationrequest.h"
#include "net/socketaddress.h"

#include <memory>

#include <QWidget>

class QAction;
class QSettings;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace SocketLab {

class ConversationHistory;
class ConversationPage;
class PastConversationList;
class StoredSettings;
struct SavedConversation;

// The Conversation tab: conversations open at once, each a sub-tab of its own with its own
// connection on its own worker thread. "New conversation" opens another one aimed where the one in
// view is; closing a sub-tab ends its conversation, and the last one closed leaves a fresh page.
// Every conversation that ends (or that the window's close or its tab's cuts short) is kept in the
// history folder; "Past conversations" lists them, opens one read-only in a sub-tab, talks again.
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
    // The conversations kept between runs, and their list beside the sub-tabs.
    ConversationHistory *history() const { return m_history; }
    PastConversationList *pastList() const { return m_past; }
    QAction *showPastAction() const { return m_showPastAction; }

    // The embedded TCP and UDP echoes. A page aims at the one of its transport until a person types
    // another target, so the tab works with no network and follows the echoes' ports from run to run.
    void setDefaultTargets(const SocketAddress &tcpEcho, const SocketAddress &udpEcho);
    // Whether the page still aims at the embedded echo of its transport.
    bool hasDefaultTarget(const ConversationPage *page) const;

    // The form of the page in view (transport, target, TLS, socket options, message), under "conversation/";
    // restored into the first page. A target on the embedded echoes is kept as "the echo", not its port.
    // The restore also reads the history's limits and lists the conversations kept.
    void saveState(QSettings &settings) const;
    void restoreState(StoredSettings &settings);

public slots:
    // Opens a new sub-tab, shows it and returns it.
    ConversationPage *newConversation();
    // Ends the sub-tab's conversation (its socket closed at once) and removes it.
    void closeConversation(int index);
    // Ends every conversation: the window is closing. Those still open are kept as they stand.
    void closeAll();
    // Shows a saved conversation read-only in a sub-tab of its own, and returns it.
    ConversationPage *showSaved(std::shared_ptr<const SavedConversation> saved);
    // Starts request anew in a sub-tab of its own, and returns it; a script given plays again on it.
    ConversationPage *talkAgain(const SocketLab::ConversationRequest &request, const QString &script = QString());
    // Sends from the sub-tab in view; false when it cannot send now.
    bool send();

signals:
    // The page in view changed, or what it can do: the window's Send follows it.
    void stateChanged();
    // A past conversation was opened to be saved to a collection: the page in view is it.
    void saveToCollectionRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    ConversationPage *addPage();
    void applyDefaultTarget(ConversationPage *page);
    void updateTabTitle(ConversationPage *page);
    void updatePastTitle();
    // Writes the page's conversation to the history, once.
    void keep(ConversationPage *page, bool cutShort);
    void retranslate();

    QTabWidget *m_tabs;
    QToolButton *m_newButton;
    QAction *m_newAction;
    QAction *m_showPastAction;
    QToolButton *m_showPastButton;
    QSplitter *m_splitter;
    ConversationHistory *m_history;
    PastConversationList *m_past;
    bool m_pastPlaced = false;
    // The past conversation whose opening is to be saved to a collection; empty when none.
    QString m_saveWhenOpened;
    SocketAddress m_tcpEcho;
    SocketAddress m_udpEcho;
    // Pages whose target is still the embedded echo: they follow it when the transport changes.
    QList<const ConversationPage *> m_defaultTargeted;
};

} // namespace SocketLab
