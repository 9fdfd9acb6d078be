#pragma once

#include "exchangerecord.h"

#include "collections/savedrequest.h"

#include <QWidget>

#include <QSet>

#include <atomic>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSplitter;

namespace SocketLab {

class PayloadHighlighter;

// The exchanges kept, newest first: this session's, then those of earlier runs the history brought
// back. The TCP exchange tab has one, the UDP tab another for its exchanges (ExchangeRecord::udp). Picking one shows, beside the list, where it went
// (target, family, stop rule, time, address connected to) and the request it sent, read-only and
// byte-exact, while the window shows its reply and calls; the form keeps the request being edited.
// Double-click, Return, the Load button or the context menu load the exchange into the form to send
// again; the context menu also sends it again at once, saves it to a collection, copies its request
// or reply, saves its reply, exports it as a pcapng capture or a text report, and deletes it. The search field above the list keeps the exchanges
// that match (see matches()).
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
    // Puts exchanges of earlier runs (newest first) after those of this session.
    void addLoaded(const QList<std::shared_ptr<const ExchangeRecord>> &records);
    // Removes every exchange; nothing is announced.
    void clear();
    // Removes the exchanges with these history ids (those the history's limits let go).
    void removeHistoryIds(const QStringList &ids);
    // The most exchanges the list keeps; the oldest go past it.
    void setMaxEntries(int count);
    int maxEntries() const { return m_maxEntries; }
    int count() const;
    std::shared_ptr<const ExchangeRecord> record(int row) const;
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *requestView() const { return m_request; }
    QLabel *targetLabel() const { return m_target; }
    QPushButton *loadButton() const { return m_load; }
    QMenu *contextMenu() const { return m_menu; }
    QAction *loadAction() const { return m_loadAction; }
    QAction *sendAgainAction() const { return m_sendAgainAction; }
    QAction *saveToCollectionAction() const { return m_saveToCollectionAction; }
    QAction *showCodeAction() const { return m_showCodeAction; }
    QLineEdit *filterEdit() const { return m_filter; }
    // Whether the row is shown by the search (false while a search is being run for it).
    bool isShown(int row) const;
    // True once the rows shown match the search text as it is now.
    bool filterSettled() const { return m_filterDone == m_filterGeneration; }
    QAction *copyRequestAction() const { return m_copyRequestAction; }
    QAction *copyReplyAction() const { return m_copyReplyAction; }
    QAction *saveReplyAction() const { return m_saveReplyAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *exportPcapngAction() const { return m_exportPcapngAction; }
    QAction *copyReportAction() const { return m_copyReportAction; }
    QAction *saveReportAction() const { return m_saveReportAction; }
    // Removes the exchange of this row; the one after it (or before, for the last) is picked.
    void remove(int row);

    // Whether the exchange holds text, whatever the case: in its host or port, the address it
    // connected to (sent to, or received from), its HTTP status code and reason, its error's name
    // (ECONNREFUSED), its request, or the first SearchedReplyBytes of its reply (a UDP exchange's datagrams). Reads the reply: the panel calls it off the GUI
    // thread. An empty text matches all.
    static constexpr qint64 SearchedReplyBytes = qint64(1) << 20;
    static bool matches(const ExchangeRecord &record, const QString &text);
    // The saved request that sends this exchange's request to its target as it was sent.
    static SavedRequest savedRequest(const ExchangeRecord &record);

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
    // "Send again": load it into the form and send it.
    void sendAgainRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    void saveToCollectionRequested(const SocketLab::SavedRequest &request);
    void showCodeRequested(const SocketLab::SavedRequest &request);
    // The person deleted this exchange from the list: the history forgets it too.
    void recordRemoved(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    void saveReplyRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    // The person asked for this exchange as a pcapng capture, or as a text report copied or saved.
    void exportPcapngRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    void copyReportRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    void saveReportRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    // A sentence for the status bar: what a copy did.
    void message(const QString &text);
    // A reply left memory: `lighter` is `old` with the reply read back from its file.
    void replyMoved(const SocketLab::ExchangeRecord *old, std::shared_ptr<const SocketLab::ExchangeRecord> lighter);
    // A record read back from the history was opened: `opened` is `old` with its HTTP parse made.
    void httpParsed(const SocketLab::ExchangeRecord *old, std::shared_ptr<const SocketLab::ExchangeRecord> opened);
    // Every reply that was to leave memory has left it, or failed to.
    void movesFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString describe(const ExchangeRecord &record);
    static QString describeTarget(const ExchangeRecord &record);
    static QString describeUdpTarget(const ExchangeRecord &record, const QString &family);
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
    // A record read back with its HTTP parse left for when it is opened: made now, off the GUI thread.
    // Finds out off the GUI thread whether the reply's file is still there; shows it when gone.
    void checkReplyFile(const std::shared_ptr<const ExchangeRecord> &record, const QString &path);
    bool isReplyGone(const std::shared_ptr<const ExchangeRecord> &record) const;
    void parseWhenOpened(const std::shared_ptr<const ExchangeRecord> &record);
    void parsed(const ExchangeRecord *old, std::shared_ptr<const ExchangeRecord> opened);
    void trimToMax();
    // Starts a search of the text in the filter field, off the GUI thread.
    void applyFilter();

    QSplitter *m_splitter;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_target;
    QPlainTextEdit *m_request;
    PayloadHighlighter *m_highlighter;
    QPushButton *m_load;
    QMenu *m_menu;
    QAction *m_loadAction;
    QAction *m_sendAgainAction;
    QAction *m_saveToCollectionAction;
    QAction *m_showCodeAction;
    QAction *m_copyRequestAction;
    QAction *m_copyReplyAction;
    QAction *m_saveReplyAction;
    QAction *m_deleteAction;
    QAction *m_exportPcapngAction;
    QAction *m_copyReportAction;
    QAction *m_saveReportAction;
    QList<std::shared_ptr<const ExchangeRecord>> m_records; // parallel to the list's rows
    qint64 m_memoryBudget = DefaultMemoryBudget;
    int m_maxEntries = 500;
    quint64 m_filterGeneration = 0; // the search asked last
    quint64 m_filterDone = 0;       // the search whose answer is shown
    // m_filterGeneration, for the searches running on the file lane to see they are stale.
    std::shared_ptr<std::atomic<quint64>> m_latestFilter = std::make_shared<std::atomic<quint64>>(0);
    QString m_spillDirectory;
    QSet<const ExchangeRecord *> m_moving;
    QSet<const ExchangeRecord *> m_parsing;
    // Entries whose reply's file another window removed, as the file lane found.
    std::vector<std::weak_ptr<const ExchangeRecord>> m_replyGone;
    QHash<const ExchangeRecord *, QString> m_moveErrors; // replies that could not leave memory, and why
};

} // namespace SocketLab
