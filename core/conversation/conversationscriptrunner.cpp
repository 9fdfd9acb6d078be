#include "conversationscriptrunner.h"

#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"

#include <QRegularExpression>

namespace SocketLab {

namespace {

// What an expectation failure shows of the bytes that came.
constexpr qint64 LastBytesShown = 80;

} // namespace

ConversationScriptRunner::ConversationScriptRunner(Conversation &conversation, const QList<ScriptStep> &steps,
                                                   qint64 matchFrom, QObject *parent)
    : QObject(parent)
    , m_conversation(conversation)
    , m_steps(steps)
    , m_matchFrom(matchFrom)
    , m_scanned(matchFrom)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ConversationScriptRunner::advance);
}

void ConversationScriptRunner::scanEvents()
{
    const QList<ConversationEvent> events = m_conversation.record()->events(m_eventsSeen);
    m_eventsSeen += events.size();
    for (const ConversationEvent &event : events) {
        if (event.kind == ConversationEvent::Kind::Connected)
            m_connected = true;
        else if (event.kind == ConversationEvent::Kind::PeerClosed)
            m_peerClosed = true;
    }
}

void ConversationScriptRunner::advance()
{
    if (m_finished)
        return;
    scanEvents();
    // The script's clock starts with the conversation: a slow connect() eats no expectation's time.
    if (!m_connected) {
        if (m_conversation.record()->isOver())
            finish();
        return;
    }
    while (m_next < m_steps.size()) {
        const ScriptStep &step = m_steps.at(m_next);
        if (!m_stepStarted) {
            m_stepStarted = true;
            m_stepClock.start();
            emit stepStarted(m_next);
            begin(step);
        }
        const Check outcome = check(step);
        if (outcome == Check::Waiting) {
            // The conversation ended under the script: its record says why.
            if (m_conversation.record()->isOver())
                finish();
            return;
        }
        m_timer.stop();
        if (outcome == Check::Failed) {
            finish();
            return;
        }
        ++m_next;
        m_stepStarted = false;
        // Nothing can follow close() on the conversation.
        if (step.kind == ScriptStep::Kind::Close)
            break;
    }
    finish();
}

void ConversationScriptRunner::stop()
{
    m_finished = true;
    m_timer.stop();
}

void ConversationScriptRunner::finish()
{
    m_finished = true;
    m_timer.stop();
    emit done();
}

void ConversationScriptRunner::begin(const ScriptStep &step)
{
    switch (step.kind) {
    case ScriptStep::Kind::Send:
        m_conversation.send(step.bytes, step.line);
        break;
    case ScriptStep::Kind::ShutdownWrite:
        m_conversation.shutdownWrite(step.line);
        break;
    case ScriptStep::Kind::ShutdownBoth:
        m_conversation.shutdownBoth(step.line);
        break;
    case ScriptStep::Kind::Close:
        m_conversation.close(step.line);
        break;
    case ScriptStep::Kind::SetOption:
        // The script's reader refused the options a connected socket does not take.
        m_conversation.setOption(step.option, step.line);
        break;
    case ScriptStep::Kind::Timeout:
        m_timeoutMs = step.ms;
        break;
    case ScriptStep::Kind::Sleep:
        break;
    case ScriptStep::Kind::Expect:
    case ScriptStep::Kind::ExpectRegex:
    case ScriptStep::Kind::ExpectClose:
        m_scanned = m_matchFrom;
        break;
    }
}

ConversationScriptRunner::Check ConversationScriptRunner::check(const ScriptStep &step)
{
    switch (step.kind) {
    case ScriptStep::Kind::Sleep:
        return waitUntil(step.ms) ? Check::Done : Check::Waiting;
    case ScriptStep::Kind::Expect:
        return expectBytes(step.bytes) == Check::Done ? Check::Done : unmet(step);
    case ScriptStep::Kind::ExpectRegex:
        return expectRegex(step.pattern) == Check::Done ? Check::Done : unmet(step);
    case ScriptStep::Kind::ExpectClose:
        return m_peerClosed ? Check::Done : unmet(step);
    default:
        return Check::Done;
    }
}

bool ConversationScriptRunner::waitUntil(qint64 ms)
{
    const qint64 left = ms - m_stepClock.elapsed();
    if (left <= 0)
        return true;
    // Armed again for what is left: a timer may fire a little before the clock says the time is up.
    m_timer.start(int(left));
    return false;
}

ConversationScriptRunner::Check ConversationScriptRunner::expectBytes(const QByteArray &bytes)
{
    const ByteStore &received = m_conversation.record()->received();
    const qint64 size = received.size();
    // Only the new bytes, and the few before them that could start a match.
    const qint64 from = qMax(m_matchFrom, m_scanned - bytes.size() + 1);
    const qsizetype at = received.read(from, size - from).indexOf(bytes);
    m_scanned = size;
    if (at < 0)
        return Check::Waiting;
    m_matchFrom = from + at + bytes.size();
    return Check::Done;
}

ConversationScriptRunner::Check ConversationScriptRunner::expectRegex(const QString &pattern)
{
    const ByteStore &received = m_conversation.record()->received();
    // Latin-1: one character per byte, so the match's end is a byte offset.
    const QString text = QString::fromLatin1(received.read(m_matchFrom, received.size() - m_matchFrom));
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(text);
    if (!match.hasMatch())
        return Check::Waiting;
    m_matchFrom += match.capturedEnd(0);
    return Check::Done;
}

ConversationScriptRunner::Check ConversationScriptRunner::unmet(const ScriptStep &step)
{
    // Every byte before the FIN is in the store by the time the FIN is recorded: nothing more can come.
    const bool peerClosed = m_peerClosed && step.kind != ScriptStep::Kind::ExpectClose;
    if (!peerClosed && !waitUntil(m_timeoutMs))
        return Check::Waiting;
    ScriptFailure failure;
    failure.line = step.line;
    failure.kind = step.kind;
    failure.bytes = step.bytes;
    failure.pattern = step.pattern;
    failure.waitedMs = m_timeoutMs;
    failure.peerClosed = peerClosed;
    const ByteStore &received = m_conversation.record()->received();
    const qint64 shownFrom = qMax(m_matchFrom, received.size() - LastBytesShown);
    failure.lastBytes = received.read(shownFrom, received.size() - shownFrom);
    m_failure = failure;
    return Check::Failed;
}

} // namespace SocketLab
