#pragma once

#include "conversationeventsview.h"

#include "conversation/conversationrequest.h"
#include "conversation/conversationtranscript.h"

#include <QDateTime>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace SocketLab {

class Conversation;
class ConversationRecord;
class ConversationScriptRunner;
struct CodeRequest;
class Trace;
struct SavedConversation;
struct SavedRequest;
class RequestEditor;
class SocketOptionOutcomes;
class SocketOptionsEdit;
class SteadyLabel;
class TargetEdit;

// One conversation of the Conversation tab: a target (TCP, optionally TLS, or UDP), Connect and
// Disconnect; once connected, message after message sent from the request editor (Ctrl+Return)
// while the peer's bytes arrive at any time; every send and recv() a row of the message list and an
// arrow of the ladder, its bytes in the hex and text views when chosen; the calls that end a
// direction or the connection on buttons of their own; the socket calls. Beside the message, a
// script (the text `socketlab-cli talk --script` reads) that Run script plays step by step, the step
// in play shown, the conversation left open to go on by hand when an expectation is not met.
//
// The socket lives on the Conversation's worker thread: this page only queues calls to it and reads
// its record when it reports progress, so the window never waits. A page ends its conversation when
// it is destroyed.
class ConversationPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationPage(QWidget *parent = nullptr);
    ~ConversationPage() override;

    // The form as a request, valid or not; isComplete() says whether Connect may start it.
    ConversationRequest request() const;
    bool isComplete(QString *problem) const;
    // Sets the form to request's target and options (its TLS pin is the store's, as for a Connect).
    void fillForm(const ConversationRequest &request);
    // Takes another page's target, so a new conversation starts where the last one pointed.
    void copyTargetFrom(const ConversationPage &other);

    // A conversation was started and has not ended.
    bool isRunning() const;
    // Whether Send would send now: connected, not shut for writing, the editor's bytes valid.
    bool canSend() const;
    // "127.0.0.1:7": what the page's tab is named by once it connects; empty before.
    QString title() const { return m_title; }
    // The conversation of the last Connect; null before.
    const Conversation *conversation() const { return m_conversation.get(); }
    // What the page shows, live or saved; null before a Connect.
    std::shared_ptr<const ConversationRecord> record() const { return m_record; }
    std::shared_ptr<const Trace> trace() const { return m_traceData; }
    // The request of the last Connect (or of the saved conversation shown) and when it started.
    const ConversationRequest &runningRequest() const { return m_runningRequest; }
    QDateTime startedAt() const { return m_startedAt; }

    // Shows a saved conversation read-only, as it looked: its form, list, ladder, bytes and calls.
    // Talk again starts the same request in a page of its own.
    void showSaved(std::shared_ptr<const SavedConversation> saved);
    std::shared_ptr<const SavedConversation> savedConversation() const { return m_savedConversation; }
    bool isSaved() const { return m_savedConversation != nullptr; }
    QPushButton *talkAgainButton() const { return m_talkAgain; }
    // Whether the conversation was written to the history already (the window closed on it).
    bool isKeptInHistory() const { return m_keptInHistory; }
    void setKeptInHistory() { m_keptInHistory = true; }

    TargetEdit *targetEdit() const { return m_target; }
    QComboBox *transportCombo() const { return m_transport; }
    QCheckBox *tlsCheck() const { return m_tls; }
    SocketOptionsEdit *socketOptionsEdit() const { return m_options; }
    // What became of the socket options when the connection was made.
    SocketOptionOutcomes *optionOutcomes() const { return m_outcomes; }
    // Why Connect is disabled, when the reason is not the options' own (which they show in red).
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QPushButton *saveTranscriptButton() const { return m_saveTranscript; }
    QPushButton *applyOptionsButton() const { return m_applyOptions; }
    // What the last save of a transcript said: where and how many bytes, or why it failed.
    QLabel *savedLabel() const { return m_saved; }
    RequestEditor *requestEditor() const { return m_editor; }
    // The Message and Script tabs above the calls.
    QTabWidget *inputTabs() const { return m_inputTabs; }
    QPlainTextEdit *scriptEdit() const { return m_scriptEdit; }
    QPushButton *runScriptButton() const { return m_runScript; }
    QPushButton *stopScriptButton() const { return m_stopScript; }
    // "Step 3 of 7 (line 5)" while a script plays.
    QLabel *scriptStepLabel() const { return m_scriptStep; }
    // The script's syntax error, or how its last run ended.
    QLabel *scriptResultLabel() const { return m_scriptResult; }

    // The script editor's text, whole; hasScript() when it holds more than blanks.
    QString script() const;
    bool hasScript() const;
    // The page as a request of a collection: its script when it has one, else a script of what its
    // conversation sent (recordScript), else the message in the editor as one send; false with the
    // reason in *problem when none of them can be saved exactly.
    bool savedRequest(SavedRequest *request, QString *problem) const;
    // What Show code writes a program for: the script, else what was sent (as a recorded script),
    // else the message typed; over TCP, TLS or UDP as the conversation is.
    bool codeRequest(CodeRequest *request, QString *problem) const;
    // Puts text in the script editor and shows the Script tab.
    void setScript(const QString &text);
    // The script last played on this page's conversation (or on the saved one shown); empty when none was.
    QString playedScript() const { return m_playedScript; }
    bool isScriptRunning() const;
    QPushButton *sendButton() const { return m_send; }
    QPushButton *shutdownWriteButton() const { return m_shutdownWrite; }
    QPushButton *shutdownBothButton() const { return m_shutdownBoth; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *totalsLabel() const { return m_totals; }
    // The message list, the ladder and the bytes of the chosen event.
    ConversationEventsView *eventsView() const { return m_events; }
    QTableView *messageTable() const { return m_events->messageTable(); }
    MessageModel *messageModel() const { return m_events->messageModel(); }
    LadderView *ladderView() const { return m_events->ladderView(); }
    QLabel *selectionLabel() const { return m_events->selectionLabel(); }
    QTabWidget *byteTabs() const { return m_events->tabs(); }
    HexView *hexView() const { return m_events->hexView(); }
    TextView *textView() const { return m_events->textView(); }
    TraceView *traceView() const { return m_events->traceView(); }
    ConversationHttpView *httpView() const { return m_events->httpView(); }

public slots:
    bool connectToTarget();
    void disconnectFromTarget();
    // Sends the editor's bytes; false, and nothing happens, when canSend() is false.
    bool send();
    void shutdownWrite();
    void shutdownBoth();
    void closeSocket();
    // Plays the script editor's steps: connects first when the conversation is not open. False, and
    // the result label says why, when the script has an error or cannot start.
    bool runScript();
    // Plays no step more; the conversation stays as it is.
    void stopScript();
    // Shows the bytes of row `row` (an event) and selects it in the list and the ladder.
    void showMessage(int row);
    // Asks where (text or JSON, by the dialog's filter) and saves the conversation as it stands (Ctrl+S).
    void saveTranscriptAs();
    // Saves the conversation as it stands to path, off the GUI thread; transcriptSaved() says when.
    void saveTranscript(const QString &path, SocketLab::ConversationTranscript::Format format);

signals:
    // Connected, ended, a direction shut: what the buttons and the window's Send act on changed.
    void stateChanged();
    void titleChanged(const QString &title);
    // A save of saveTranscript() ended; savedLabel() says how.
    void transcriptSaved(bool ok);
    // The conversation started by Connect ended by itself or by Disconnect: its record is whole.
    void ended();
    // Talk again was pressed on a saved conversation.
    void talkAgainRequested();
    // A script's run ended: every step played, an expectation not met, stopped, or the conversation over.
    void scriptFinished();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onProgress();
    void onFinished();
    void readNewEvents();
    void updateButtons();
    void updateStatus();
    void updateTotals();
    // The options set in the form that the open socket was not asked yet, among those it still takes.
    QList<SocketOptionSetting> optionsToApply() const;
    void applyOptions();
    void retranslate();
    void onScriptChanged();
    void onScriptStep(qsizetype index);
    void onScriptDone();
    // Marks the line in the script editor: the step in play, or where the error or the failure is.
    void markScriptLine(int line, int column, bool problem);
    void updateScriptStatus();

    std::unique_ptr<Conversation> m_conversation;
    // Plays the script on m_conversation; kept once done, until the next run or Connect, for what it says.
    std::unique_ptr<ConversationScriptRunner> m_runner;
    QString m_playedScript;
    // How the last run ended, for the result label (and its language).
    enum class ScriptEnd { None, Completed, Failed, Stopped, ConversationOver };
    ScriptEnd m_scriptEnd = ScriptEnd::None;
    int m_scriptEndLine = 0;
    // What the page shows: the running conversation's, or a saved one's.
    std::shared_ptr<const ConversationRecord> m_record;
    std::shared_ptr<const Trace> m_traceData;
    // The request of the last Connect as the form gave it (the target as typed, for a transcript's
    // header), or the saved conversation's; when it started.
    ConversationRequest m_runningRequest;
    QDateTime m_startedAt;
    // A saved conversation, shown read-only.
    std::shared_ptr<const SavedConversation> m_savedConversation;
    bool m_keptInHistory = false;
    bool m_savingTranscript = false;
    // What happened to the socket, from its events and from the calls queued to it.
    bool m_connected = false;
    bool m_writeShut = false;
    bool m_readShut = false;
    bool m_closed = false;
    bool m_peerClosed = false;
    bool m_over = false;
    QString m_title;
    QString m_endText;

    QComboBox *m_transport;
    TargetEdit *m_target;
    QCheckBox *m_tls;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QPushButton *m_saveTranscript;
    QPushButton *m_talkAgain;
    SocketOptionsEdit *m_options;
    // While connected: sets the options changed since Connect on the open socket.
    QPushButton *m_applyOptions;
    // What the socket was asked so far (at Connect, then each apply): what an apply compares with.
    QList<SocketOptionSetting> m_askedOptions;
    SocketOptionOutcomes *m_outcomes;
    QLabel *m_saved;
    QLabel *m_problem;
    QLabel *m_status;
    // The totals change at every progress: in a box of their own, so the window is not laid out again each time.
    SteadyLabel *m_totalsBox;
    QLabel *m_totals;
    ConversationEventsView *m_events;
    QWidget *m_sendPane;
    QTabWidget *m_inputTabs;
    RequestEditor *m_editor;
    QWidget *m_scriptPane;
    QPlainTextEdit *m_scriptEdit;
    QPushButton *m_runScript;
    QPushButton *m_stopScript;
    QLabel *m_scriptStep;
    QLabel *m_scriptResult;
    QPushButton *m_send;
    QPushButton *m_shutdownWrite;
    QPushButton *m_shutdownBoth;
    QPushButton *m_close;
};

} // namespace SocketLab
