#include "exchangereport.h"

#include "bytes/bytesource.h"
#include "bytes/hexrow.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationrequest.h"
#include "conversation/conversationtranscript.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "net/resolver.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "text/tlssummary.h"
#include "text/tracetext.h"

#include <QLocale>

namespace SocketLab {

namespace {

// The request as a source, so that it is dumped as the reply is.
class BytesSource final : public ByteSource
{
public:
    explicit BytesSource(const QByteArray &bytes)
        : m_bytes(bytes)
    {
    }
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override { return m_bytes.mid(offset, len); }

private:
    const QByteArray &m_bytes;
};

// One message of a conversation: a slice of its direction's store, dumped from its own first byte.
class MessageSource final : public ByteSource
{
public:
    MessageSource(const ByteSource &store, qint64 offset, qint64 size)
        : m_store(store)
        , m_offset(offset)
        , m_size(size)
    {
    }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        return offset >= m_size ? QByteArray() : m_store.read(m_offset + offset, qMin(len, m_size - offset));
    }

private:
    const ByteSource &m_store;
    qint64 m_offset;
    qint64 m_size;
};

// A part of a source read a MiB at a time, its rows appended to out.
void appendRows(QByteArray &out, const ByteSource &source, qint64 from, qint64 to)
{
    constexpr qint64 Step = 1024 * 1024;
    for (qint64 at = from; at < to;) {
        const QByteArray bytes = source.read(at, qMin(Step, to - at));
        if (bytes.isEmpty())
            break;
        HexRow::append(out, at, bytes.constData(), bytes.size());
        at += bytes.size();
    }
}

QString familyText(IpFamily family)
{
    switch (family) {
    case IpFamily::V4:
        return QStringLiteral("IPv4");
    case IpFamily::V6:
        return QStringLiteral("IPv6");
    case IpFamily::Any:
        break;
    }
    return ExchangeReport::tr("IPv4 or IPv6");
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
}

class Report
{
public:
    void line(const QString &text = {}) { m_text += text + QLatin1Char('\n'); }
    void heading(const QString &text) { line(), line(text); }
    void lines(const QStringList &texts)
    {
        for (const QString &text : texts)
            line(QStringLiteral("  ") + text);
    }
    void raw(const QString &text) { m_text += text; }
    QString text() const { return m_text; }

private:
    QString m_text;
};

void targetPart(Report &report, const QString &kind, const QString &host, const QString &service, IpFamily family,
                const QDateTime &startedAt)
{
    report.line(ExchangeReport::tr("SocketLab report: %1").arg(kind));
    report.line(ExchangeReport::tr("Target: %1 port %2 (%3)").arg(host, service, familyText(family)));
    if (startedAt.isValid())
        report.line(ExchangeReport::tr("Started: %1").arg(utcText(startedAt)));
}

// The resolution, every connect() and the TLS of a TCP exchange or conversation.
void connectionPart(Report &report, const TcpResult &result, const QString &host)
{
    report.heading(ExchangeReport::tr("Connection:"));
    for (const AddrInfoRow &row : result.resolved)
        report.line(QStringLiteral("  ") + ExchangeReport::tr("%1 resolves to %2").arg(host, row.address.toString()));
    for (const ConnectAttempt &attempt : result.attempts) {
        const QString took = TraceText::ms(attempt.endUs - attempt.startUs);
        if (attempt.error.isError())
            report.line(QStringLiteral("  ") + ExchangeReport::tr("connect() to %1 failed after %2 ms: %3")
                                                   .arg(attempt.address.toString(), took, ErrorText::describe(attempt.error)));
        else
            report.line(QStringLiteral("  ") + ExchangeReport::tr("Connected to %1 from %2 in %3 ms")
                                                   .arg(attempt.address.toString(), result.local.toString(), took));
    }
    if (result.resolved.isEmpty() && result.attempts.isEmpty())
        report.line(QStringLiteral("  ") + ExchangeReport::tr("No address was tried."));
    if (result.tls)
        report.lines(TlsSummary::lines(*result.tls, host));
}

void timingsPart(Report &report, const ExchangeTimings &timings)
{
    QStringList parts;
    const auto add = [&parts](const QString &name, qint64 us) {
        if (us >= 0)
            parts << ExchangeReport::tr("%1 %2 ms").arg(name, TraceText::ms(us));
    };
    add(ExchangeReport::tr("resolved"), timings.resolvedUs);
    add(ExchangeReport::tr("connected"), timings.connectedUs);
    add(ExchangeReport::tr("TLS"), timings.tlsUs);
    add(ExchangeReport::tr("first byte"), timings.firstByteUs);
    add(ExchangeReport::tr("total"), timings.totalUs);
    if (!parts.isEmpty())
        report.line(ExchangeReport::tr("Timings: %1").arg(parts.join(QStringLiteral(", "))));
}

void bytesPart(Report &report, const QString &title, const ByteSource &source, qint64 keptBytes)
{
    report.heading(title);
    if (source.size() == 0)
        report.line(QStringLiteral("  ") + ExchangeReport::tr("(nothing)"));
    else
        report.raw(ExchangeReport::hexDump(source, keptBytes));
}

void tracePart(Report &report, const QList<TraceEntry> &trace)
{
    report.heading(ExchangeReport::tr("Socket calls:"));
    report.lines(TraceText::lines(trace));
}

} // namespace

QString ExchangeReport::hexDump(const ByteSource &source, qint64 keptBytes)
{
    const qint64 size = source.size();
    QByteArray out;
    if (size <= 2 * keptBytes) {
        appendRows(out, source, 0, size);
        return QString::fromLatin1(out);
    }
    // The tail starts on a row's bound, so its offsets line up with the head's.
    const qint64 tailStart = (size - keptBytes) / HexRow::Bytes * HexRow::Bytes;
    appendRows(out, source, 0, keptBytes);
    QString text = QString::fromLatin1(out);
    text += tr("… %1 left out …").arg(byteCount(tailStart - keptBytes)) + QLatin1Char('\n');
    out.clear();
    appendRows(out, source, tailStart, size);
    return text + QString::fromLatin1(out);
}

QString ExchangeReport::exchange(const ExchangeReportInput &input, qint64 keptBytes)
{
    Report report;
    if (input.tcp) {
        const TcpResult &result = *input.tcp;
        targetPart(report, result.tls ? tr("TCP exchange over TLS") : tr("TCP exchange"), input.host, input.service,
                   input.family, input.startedAt);
        connectionPart(report, result, input.host);
        report.heading(tr("Stop: %1").arg(describeStop(result.stop)));
        if (result.error.isError())
            report.line(tr("Error: %1").arg(ErrorText::describe(result.error)));
        timingsPart(report, result.timings);
        const BytesSource request(input.request);
        bytesPart(report, tr("Request (%1 sent):").arg(byteCount(result.sentBytes)), request, keptBytes);
    } else if (input.udp) {
        const UdpResult &result = *input.udp;
        targetPart(report, tr("UDP exchange"), input.host, input.service, input.family, input.startedAt);
        report.heading(tr("Datagrams:"));
        for (const AddrInfoRow &row : result.resolved)
            report.line(QStringLiteral("  ") + tr("%1 resolves to %2").arg(input.host, row.address.toString()));
        if (result.target.isValid())
            report.line(QStringLiteral("  ") + tr("Sent to %1 from %2").arg(result.target.toString(), result.local.toString()));
        for (qsizetype i = 0; i < result.datagrams.size(); ++i) {
            const Datagram &datagram = result.datagrams.at(i);
            QString text = tr("Datagram %1 from %2: %3 at %4 ms")
                               .arg(i + 1)
                               .arg(datagram.from.toString(), byteCount(datagram.size), TraceText::ms(datagram.timeUs));
            if (datagram.truncated)
                text += QLatin1Char(' ') + tr("(truncated: %1 kept)").arg(byteCount(datagram.kept));
            report.line(QStringLiteral("  ") + text);
        }
        report.heading(tr("Stop: %1").arg(describeStop(result.stop)));
        if (result.error.isError())
            report.line(tr("Error: %1").arg(ErrorText::describe(result.error)));
        timingsPart(report, result.timings);
        const BytesSource request(input.request);
        bytesPart(report, tr("Request (%1 sent):").arg(byteCount(result.sentBytes)), request, keptBytes);
    }
    if (input.reply) {
        const int count = int(qMin<qsizetype>(input.segments.size(), INT_MAX));
        bytesPart(report,
                  input.udp ? tr("Reply (%1 in %Ln datagram(s)):", nullptr, count).arg(byteCount(input.reply->size()))
                            : tr("Reply (%1 in %Ln recv() call(s)):", nullptr, count).arg(byteCount(input.reply->size())),
                  *input.reply, keptBytes);
    }
    tracePart(report, input.trace);
    return report.text();
}

QString ExchangeReport::conversation(const ConversationReportInput &input, qint64 keptBytes)
{
    const ConversationRequest &request = *input.request;
    const ConversationRecord &record = *input.record;
    const bool udp = request.transport == ConversationRequest::Transport::Udp;
    const ConversationSetup setup = record.setup();
    Report report;
    targetPart(report, udp ? tr("UDP conversation") : setup.tls ? tr("TCP conversation over TLS") : tr("TCP conversation"),
               request.host, request.service, request.family, input.startedAt);
    if (udp) {
        report.heading(tr("Socket:"));
        for (const AddrInfoRow &row : setup.resolved)
            report.line(QStringLiteral("  ") + tr("%1 resolves to %2").arg(request.host, row.address.toString()));
        if (setup.connectedTo.isValid())
            report.line(QStringLiteral("  ") + tr("Sends to %1 from %2").arg(setup.connectedTo.toString(), setup.local.toString()));
    } else {
        connectionPart(report, setup, request.host);
    }
    Trace trace;
    trace.restore(input.trace, input.trace.size(), 0);
    const ConversationTranscript transcript(record, trace, udp, request.host, request.service);
    const ConversationTranscript::Stop stop = transcript.stopFromRecord();
    report.heading(tr("Stop: %1").arg(stop.detail));
    if (stop.error.isError())
        report.line(tr("Error: %1").arg(ErrorText::describe(stop.error)));
    report.line(tr("Sent %1 in %Ln message(s)", nullptr, int(qMin<qint64>(record.sentMessages(), INT_MAX)))
                    .arg(byteCount(record.sentBytes())));
    report.line(tr("Received %1 in %Ln message(s)", nullptr, int(qMin<qint64>(record.receivedMessages(), INT_MAX)))
                    .arg(byteCount(record.receivedBytes())));
    if (record.droppedEvents() > 0)
        report.line(tr("%Ln message(s) past what the conversation kept are not in this report.", nullptr,
                       int(qMin<qint64>(record.droppedEvents(), INT_MAX))));

    report.heading(tr("Messages:"));
    QList<ConversationEvent> messages;
    for (const ConversationEvent &event : transcript.events()) {
        if (event.carriesBytes())
            messages.append(event);
    }
    if (messages.isEmpty())
        report.line(QStringLiteral("  ") + tr("(nothing)"));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (messages.size() > 2 * KeptMessages && i == KeptMessages) {
            const qsizetype skipped = messages.size() - 2 * KeptMessages;
            report.line(tr("… %Ln message(s) left out …", nullptr, int(qMin<qsizetype>(skipped, INT_MAX))));
            i += skipped - 1;
            continue;
        }
        const ConversationEvent &event = messages.at(i);
        const bool sent = event.kind == ConversationEvent::Kind::Sent;
        QString head = sent ? tr("%1 ms  sent %2").arg(TraceText::ms(event.timeUs), byteCount(event.size))
                            : tr("%1 ms  received %2").arg(TraceText::ms(event.timeUs), byteCount(event.size));
        if (udp && event.peer.isValid())
            head += QLatin1Char(' ') + (sent ? tr("to %1") : tr("from %1")).arg(event.peer.toString());
        report.line(head);
        report.raw(hexDump(MessageSource(sent ? record.sent() : record.received(), event.offset, event.size), keptBytes));
    }
    tracePart(report, input.trace);
    return report.text();
}

} // namespace SocketLab
