#pragma once

#include "conversation/conversationscript.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace SocketLab {

class Conversation;

// An expectation of a script that was not met: its line, what it waited for, how long, and the
// bytes that arrived since the last expectation was met (at most the last 80); peerClosed when the
// peer closed before they came. text/scripttext.h says it in a sentence.
struct ScriptFailure
{
    int line = 0;
    ScriptStep::Kind kind = ScriptStep::Kind::Expect;  // Expect, ExpectRegex or ExpectClose
    QByteArray bytes;   // Expect
    QString pattern;    // ExpectRegex
    qint64 waitedMs = 0;
    QByteArray lastBytes;
    bool peerClosed = false;
};

// Plays a script's steps on a conversation, once it is connected: sends, shutdowns and close() are
// queued at once; an expectation waits, re-checked at each progress() of the conversation and when
// its timeout falls, for its bytes among those received since the script began or the last
// expectation was met. The CLI's talk --script and the window's Run script both play scripts here.
class ConversationScriptRunner : public QObject
{
    Q_OBJECT
public:
    // matchFrom: where in the received bytes the first expectation starts looking; 0 for a conversation
    // started with the script, the bytes received so far for one already open.
    ConversationScriptRunner(Conversation &conversation, const QList<ScriptStep> &steps, qint64 matchFrom = 0,
                             QObject *parent = nullptr);

    // Goes as far as it can; call again when something may have changed (at each progress()).
    void advance();
    // Plays no step more; done() does not come. The conversation is left as it is.
    void stop();
    bool isFinished() const { return m_finished; }
    // The step being played (its index in the steps), or the number of steps once they are all done.
    qsizetype currentStep() const { return m_next; }
    qsizetype stepCount() const { return m_steps.size(); }
    const QList<ScriptStep> &steps() const { return m_steps; }
    // The expectation that failed, once done() came.
    const std::optional<ScriptFailure> &failure() const { return m_failure; }

signals:
    // The step of that index begins.
    void stepStarted(qsizetype index);
    // Every step is done, an expectation failed, or the conversation ended under the script.
    void done();

private:
    enum class Check { Done, Waiting, Failed };

    void begin(const ScriptStep &step);
    Check check(const ScriptStep &step);
    Check expectBytes(const QByteArray &bytes);
    Check expectRegex(const QString &pattern);
    // Not met: failed once the wait is over or the peer has closed, else still waiting.
    Check unmet(const ScriptStep &step);
    // Whether ms have passed since the step began; if not, the timer is set for the rest.
    bool waitUntil(qint64 ms);
    void scanEvents();
    void finish();

    Conversation &m_conversation;
    QList<ScriptStep> m_steps;
    qsizetype m_next = 0;
    bool m_stepStarted = false;
    bool m_finished = false;
    qint64 m_timeoutMs = DefaultExpectTimeoutMs;
    QElapsedTimer m_stepClock;
    QTimer m_timer;
    qsizetype m_eventsSeen = 0;
    bool m_connected = false;
    bool m_peerClosed = false;
    qint64 m_matchFrom = 0;  // where in the received bytes the next expectation starts looking
    qint64 m_scanned = 0;    // how far an expected text has been looked for
    std::optional<ScriptFailure> m_failure;
};

} // namespace SocketLab
