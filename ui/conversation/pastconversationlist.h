#pragma once

#include "conversation/conversationfile.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace SocketLab {

class ConversationHistory;

// The conversations kept from earlier runs, newest first: when each started, its target, the bytes
// each way and how it ended; a search over the target, the port, the end and the bytes said; Open
// (or a double click) shows one read-only, Talk again starts it anew, Save to collection opens it
// and saves it as a script, Delete removes its file. Export (a button's menu, and the list's context
// menu) asks for it as a pcapng capture or a text report.
class PastConversationList : public QWidget
{
    Q_OBJECT
public:
    explicit PastConversationList(ConversationHistory *history, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QTreeWidget *tree() const { return m_tree; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *talkAgainButton() const { return m_talkAgain; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *exportButton() const { return m_export; }
    QMenu *exportMenu() const { return m_exportMenu; }
    QAction *exportPcapngAction() const { return m_exportPcapngAction; }
    QAction *copyReportAction() const { return m_copyReportAction; }
    QAction *saveReportAction() const { return m_saveReportAction; }
    // The last file skipped or task failed, in a sentence.
    QLabel *noticeLabel() const { return m_notice; }
    // The rows shown after the search, top to bottom.
    int shownCount() const;
    // The conversation of the row selected, or null.
    const ConversationSummary *selected() const;
    void selectRow(int row);

    // "Cut short", "the peer closed", ...: how a saved conversation ended, in a few words.
    static QString endText(const ConversationSummary &summary);

signals:
    void openRequested(const QString &path);
    // script: the script the conversation played, to play again; empty when none.
    void talkAgainRequested(const SocketLab::ConversationRequest &request, const QString &script);
    void saveToCollectionRequested(const QString &path);
    // The conversation of this file as a pcapng capture, or as a text report copied or saved.
    void exportPcapngRequested(const QString &path);
    void copyReportRequested(const QString &path);
    void saveReportRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applySearch();
    // The conversation of a row, found by its file; null once it has left the list.
    const ConversationSummary *summaryOf(const QTreeWidgetItem *item) const;
    // Delete: asks, then removes the file.
    void askDelete();
    void updateButtons();
    void retranslate();

    ConversationHistory *m_history;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QPushButton *m_open;
    QPushButton *m_talkAgain;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_export;
    QMenu *m_exportMenu;
    QAction *m_exportPcapngAction;
    QAction *m_copyReportAction;
    QAction *m_saveReportAction;
    QLabel *m_notice;
};

} // namespace SocketLab
