#include "talkoutput.h"

#include "exchangeoutput.h"
#include "hexdump.h"

#include "conversation/conversationevent.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationtranscript.h"
#include "net/trace.h"
#include "text/tlssummary.h"
#include "text/tracetext.h"
#include "text/errortext.h"
#include "text/stoptext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>

namespace SocketLab::Cli {

namespace {

QString msText(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

} // namespace

TalkOutput::TalkOutput(const TargetOptions &options, bool hexdump, bool udp)
    : m_options(options)
    , m_hexdump(hexdump)
    , m_udp(udp)
{
    if (m_options.format == OutputFormat::Text && m_hexdump)
        m_hexWriter = std::make_unique<HexDumpWriter>(stdout);
}

TalkOutput::~TalkOutput() = default;

ConversationReceiveTap TalkOutput::tap()
{
    if (m_options.format != OutputFormat::Text)
        return {};
    if (!m_hexWriter) {
        // Like nc: the bytes as they are, handed on at once.
        return [](const ConversationEvent &event, qint64, const char *data) {
            std::fwrite(data, 1, size_t(event.size), stdout);
            std::fflush(stdout);
        };
    }
    return [this](const ConversationEvent &event, qint64 streamOffset, const char *data) {
        ++m_recvIndex;
        const QString label = m_udp ? tr("datagram #%1 from %2: %3 at %4 ms")
                                          .arg(m_recvIndex)
                                          .arg(event.peer.toString(), byteCount(event.size), msText(event.timeUs))
                                    : tr("recv #%1: %2 at %3 ms").arg(m_recvIndex).arg(byteCount(event.size), msText(event.timeUs));
        m_hexWriter->label(label.toUtf8());
        m_hexWriter->rows(streamOffset, data, event.size);
        m_hexWriter->flush();
    };
}

void TalkOutput::say(const QString &line) const
{
    std::fprintf(stderr, "* %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

QList<ConversationEvent> TalkOutput::showEvents(const ConversationRecord &record)
{
    const QList<ConversationEvent> events = record.events(m_shownEvents);
    m_shownEvents += events.size();
    if (m_options.format == OutputFormat::Text) {
        for (const ConversationEvent &event : events)
            sayEvent(event, record);
    }
    return events;
}

void TalkOutput::sayEvent(const ConversationEvent &event, const ConversationRecord &record)
{
    switch (event.kind) {
    case ConversationEvent::Kind::Connected: {
        const ConversationSetup setup = record.setup();
        for (const AddrInfoRow &row : setup.resolved)
            say(tr("%1 resolves to %2").arg(m_options.host, row.address.toString()));
        for (const ConnectAttempt &attempt : setup.attempts) {
            if (attempt.error.isError())
                say(ErrorText::describe(attempt.error));
        }
        if (m_udp)
            say(tr("Talking to %1 over UDP from %2").arg(setup.connectedTo.toString(), setup.local.toString()));
        else
            say(tr("Connected to %1 from %2").arg(setup.connectedTo.toString(), setup.local.toString()));
        for (const QString &line : ExchangeOutput::socketOptionLines(setup.socketOptions))
            say(line);
        if (setup.tls) {
            for (const QString &line : TlsSummary::lines(*setup.tls, m_options.host))
                say(line);
        }
        break;
    }
    case ConversationEvent::Kind::Sent:
    case ConversationEvent::Kind::Received:
        // The bytes themselves are on standard output.
        break;
    case ConversationEvent::Kind::ShutdownWrite:
        say(tr("shutdown(SHUT_WR) at %1 ms: the peer reads the end of our bytes; reading on").arg(msText(event.timeUs)));
        break;
    case ConversationEvent::Kind::ShutdownBoth:
        say(tr("shutdown(SHUT_RDWR) at %1 ms").arg(msText(event.timeUs)));
        break;
    case ConversationEvent::Kind::Closed:
        say(tr("close() at %1 ms").arg(msText(event.timeUs)));
        break;
    case ConversationEvent::Kind::PeerClosed:
        say(tr("The peer closed its side (FIN) at %1 ms").arg(msText(event.timeUs)));
        if (event.closeNotifyMissing)
            say(describeCloseNotifyMissing());
        break;
    case ConversationEvent::Kind::PeerReset:
        say(tr("The peer reset the connection (RST) at %1 ms").arg(msText(event.timeUs)));
        break;
    case ConversationEvent::Kind::Failed:
        // Said once, as the reason the conversation ended.
        break;
    case ConversationEvent::Kind::OptionSet:
        say(tr("setsockopt() at %1 ms: %2").arg(msText(event.timeUs), ExchangeOutput::socketOptionLine(*event.option)));
        break;
    }
}

void TalkOutput::report(const ConversationRecord &record, const Trace &trace, const TalkStop &stop)
{
    if (m_hexWriter)
        m_hexWriter->flush();
    const QString sentence = stop.sentence(record.receivedBytes(), record.sentBytes());
    if (m_options.format == OutputFormat::Json) {
        const ConversationTranscript transcript(record, trace, m_udp, m_options.host, m_options.service);
        const QByteArray json = QJsonDocument(transcript.json({stop.code(), sentence, stop.error})).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fflush(stdout);
        return;
    }
    if (m_options.showTrace) {
        for (const QString &line : TraceText::lines(trace.entries()))
            say(line);
    }
    if (stop.exitCode() == 0)
        say(sentence);
}

} // namespace SocketLab::Cli
