#pragma once

#include "talkstop.h"
#include "targetoptions.h"

#include "conversation/conversationworker.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace SocketLab {
class ConversationRecord;
class Trace;
struct ConversationEvent;
}

namespace SocketLab::Cli {

class HexDumpWriter;

// What `talk` prints. With the text format the peer's bytes go to standard output the moment each
// recv() returns them (raw, or as hex rows with --hexdump), written from the conversation's worker;
// what happens to the connection goes to standard error as "* " lines. With --format json, one object
// at the end.
class TalkOutput
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TalkOutput)
public:
    TalkOutput(const TargetOptions &options, bool hexdump, bool udp);
    ~TalkOutput();

    // For Conversation::setReceiveTap(); empty with --format json.
    ConversationReceiveTap tap();
    // The events recorded since the last call, said on standard error (text format); returned.
    QList<ConversationEvent> showEvents(const ConversationRecord &record);
    // After the conversation's worker has ended: the last line, the trace with --trace, or the JSON.
    void report(const ConversationRecord &record, const Trace &trace, const TalkStop &stop);

private:
    void say(const QString &line) const;
    void sayEvent(const ConversationEvent &event, const ConversationRecord &record);

    TargetOptions m_options;
    bool m_hexdump = false;
    bool m_udp = false;
    qsizetype m_shownEvents = 0;
    // Written by the worker's thread only, through the tap, until the worker has ended.
    std::unique_ptr<HexDumpWriter> m_hexWriter;
    qint64 m_recvIndex = 0;
};

} // namespace SocketLab::Cli
