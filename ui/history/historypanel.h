#pragma once

#include "exchangerecord.h"

#include <QWidget>

#include <QSet>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSplitter;

namespace SocketLab {

class PayloadHighlighter;

// The exchanges of this session, newest first. Picking one shows, beside the list, where it went
// (target, family, stop rule, time, address connected to) and the request it sent, read-only and
// byte-exact, while the window shows its reply and calls; the form keeps the request being edited.
// Double-click, Return, the Load button or the context menu load the exchange into the form to send
// again; the context menu also copies its request or reply, saves its reply, and deletes it.
//
// Replies kept in memory add up to at most memoryBudget() bytes, the newest one aside: older ones
// move to unnamed temporary files, off the GUI thread, and are read back from there when picked.
// Sending a large request again and again must not fill the machine's memory, and nothing received
// may be lost either.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMemoryBudget = qint64(1) << 30;

    explicit HistoryPanel(QWidget *parent = nullptr);

    void add(std::shared_ptr<const ExchangeRecord> record);
    int count() const;
    std::shared_ptr<const ExchangeRecord> record(int row) const;
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *requestView() const { return m_request; }
    QLabel *targetLabel() const { return m_target; }
    QPushButton *loadButton() const { return m_load; }
    QMenu *contextMenu() const { return m_menu; }
    QAction *loadAction() const { return m_loadAction; }
    QAction *copyRequestAction() const { return m_copyRequestAction; }
    QAction *copyReplyAction() const { return m_copyReplyAction; }
    QAction *saveReplyAction() const { return m_saveReplyAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    // Removes the exchange of this row; the one after it (or before, for the last) is picked.
    void remove(int row);

    qint64 memoryBudget() const { return m_memoryBudget; }
    void setMemoryBudget(qint64 bytes);
    // Where replies go when they leave memory: the system's temporary folder unless set.
    void setSpillDirectory(const QString &dir);
    // Bytes of replies held in memory now, and how many replies are on their way to a file.
    qint64 bytesInMemory() const;
    int movesPending() const { return int(m_moving.size()); }

signals:
    void recordChosen(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    // The person asked to put this exchange's target and request in the form, or to save its reply.
    void loadRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    void saveReplyRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    // A sentence for the status bar: what a copy did.
    void message(const QString &text);
    // A reply left memory: `lighter` is `old` with the reply read back from its file.
    void replyMoved(const SocketLab::ExchangeRecord *old, std::shared_ptr<const SocketLab::ExchangeRecord> lighter);
    // Every reply that was to leave memory has left it, or failed to.
    void movesFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString describe(const ExchangeRecord &record);
    static QString describeTarget(const ExchangeRecord &record);
    QString tooltip(const ExchangeRecord &record) const;
    void retranslate();
    void createActions();
    void showDetails();
    void showContextMenu(const QPoint &pos);
    void copyRequest();
    void copyReply();
    std::shared_ptr<const ExchangeRecord> current() const;
    void keepWithinBudget();
    void moveOutOfMemory(const std::shared_ptr<const ExchangeRecord> &record);
    void moved(const ExchangeRecord *old, std::shared_ptr<const ByteSource> file, const NetError &error);

    QSplitter *m_splitter;
    QListWidget *m_list;
    QLabel *m_target;
    QPlainTextEdit *m_request;
    PayloadHighlighter *m_highlighter;
    QPushButton *m_load;
    QMenu *m_menu;
    QAction *m_loadAction;
    QAction *m_copyRequestAction;
    QAction *m_copyReplyAction;
    QAction *m_saveReplyAction;
    QAction *m_deleteAction;
    QList<std::shared_ptr<const ExchangeRecord>> m_records; // parallel to the list's rows
    qint64 m_memoryBudget = DefaultMemoryBudget;
    QString m_spillDirectory;
    QSet<const ExchangeRecord *> m_moving;
    QHash<const ExchangeRecord *, QString> m_moveErrors; // replies that could not leave memory, and why
};

} // namespace SocketLab
