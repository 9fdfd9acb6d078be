#include "recordedscript.h"

#include "conversation/conversationrecord.h"
#include "conversation/conversationscript.h"

namespace SocketLab {

namespace {

// What the script must wait for a reply that took waitedUs to come: twice that, in whole seconds,
// when the default wait would be too short for it.
qint64 timeoutFor(qint64 waitedUs)
{
    const qint64 twiceMs = waitedUs / 500;
    if (twiceMs <= DefaultExpectTimeoutMs)
        return 0;
    return qMin<qint64>((twiceMs + 999) / 1000 * 1000, 3600 * 1000);
}

} // namespace

RecordedScript recordScript(const ConversationRecord &record)
{
    RecordedScript script;
    script.sentKept = record.sent().size();
    script.sentTotal = record.sentBytes();
    if (script.sentTotal == 0) {
        script.problem = RecordedScript::Problem::NothingSent;
        return script;
    }
    if (script.sentKept < script.sentTotal) {
        script.problem = RecordedScript::Problem::SentNotKept;
        return script;
    }
    if (script.sentTotal > RecordedScript::MaxSentBytes) {
        script.problem = RecordedScript::Problem::TooLarge;
        return script;
    }

    qint64 timeoutMs = DefaultExpectTimeoutMs;
    // Since when the script would be waiting: the last step it took (or the connection).
    qint64 lastActionUs = 0;
    RecordedStep received;
    received.kind = RecordedStep::Kind::Received;
    qint64 lastReceivedUs = 0;
    // An expectation met only after waitedUs needs a timeout step before it.
    const auto waitFor = [&](qint64 waitedUs) {
        if (const qint64 needed = timeoutFor(waitedUs); needed > timeoutMs) {
            RecordedStep timeout;
            timeout.kind = RecordedStep::Kind::Timeout;
            timeout.ms = needed;
            script.steps.append(timeout);
            timeoutMs = needed;
        }
    };
    const auto flushReceived = [&] {
        if (received.recvCalls == 0)
            return;
        waitFor(lastReceivedUs - lastActionUs);
        script.steps.append(received);
        // What the script waited for, the next wait counts from.
        lastActionUs = lastReceivedUs;
        received = RecordedStep();
        received.kind = RecordedStep::Kind::Received;
    };
    const auto act = [&](RecordedStep step, qint64 timeUs) {
        flushReceived();
        script.steps.append(std::move(step));
        lastActionUs = timeUs;
    };

    for (const ConversationEvent &event : record.events()) {
        RecordedStep step;
        switch (event.kind) {
        case ConversationEvent::Kind::Connected:
            lastActionUs = event.timeUs;
            break;
        case ConversationEvent::Kind::Sent:
            step.kind = RecordedStep::Kind::Send;
            step.bytes = record.sent().read(event.offset, event.size);
            act(std::move(step), event.timeUs);
            break;
        case ConversationEvent::Kind::Received:
            lastReceivedUs = event.timeUs;
            if (received.bytes.size() < RecordedStep::PreviewBytes) {
                const qint64 wanted = qMin<qint64>(event.size, RecordedStep::PreviewBytes - received.bytes.size());
                received.bytes += record.received().read(event.offset, wanted);
            }
            received.size += event.size;
            ++received.recvCalls;
            break;
        case ConversationEvent::Kind::OptionSet:
            if (event.option) {
                step.kind = RecordedStep::Kind::SetOption;
                step.option = event.option->asked;
                act(std::move(step), event.timeUs);
            }
            break;
        case ConversationEvent::Kind::ShutdownWrite:
            step.kind = RecordedStep::Kind::ShutdownWrite;
            act(std::move(step), event.timeUs);
            break;
        case ConversationEvent::Kind::ShutdownBoth:
            step.kind = RecordedStep::Kind::ShutdownBoth;
            act(std::move(step), event.timeUs);
            break;
        case ConversationEvent::Kind::Closed:
            step.kind = RecordedStep::Kind::Close;
            act(std::move(step), event.timeUs);
            break;
        case ConversationEvent::Kind::PeerClosed:
            flushReceived();
            waitFor(event.timeUs - lastActionUs);
            step.kind = RecordedStep::Kind::ExpectClose;
            act(std::move(step), event.timeUs);
            break;
        case ConversationEvent::Kind::PeerReset:
        case ConversationEvent::Kind::Failed:
            break;
        }
    }
    flushReceived();
    return script;
}

} // namespace SocketLab
