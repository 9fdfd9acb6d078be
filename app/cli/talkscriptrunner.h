#pragma once

#include "talkstop.h"

#include "conversation/conversationscript.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <optional>

namespace SocketLab {
class Conversation;
}

namespace SocketLab::Cli {

// Plays a script's steps on a conversation, once it is connected: sends, shutdowns and close() are
// queued at once; an expectation waits, re-checked at each progress() of the conversation and when
// its timeout falls, for its bytes among those received since the last expectation was met.
class TalkScriptRunner : public QObject
{
    Q_OBJECT
public:
    TalkScriptRunner(Conversation &conversation, const QList<ScriptStep> &steps, QObject *parent = nullptr);

    // Goes as far as it can; call again when something may have changed.
    void advance();
    // The expectation that failed, once done() came.
    const std::optional<TalkStop> &failure() const { return m_failure; }

signals:
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
    std::optional<TalkStop> m_failure;
};

} // namespace SocketLab::Cli
