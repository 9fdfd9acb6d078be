#include "exchangeoutput.h"

#include "hexdumpsink.h"
#include "jsonreport.h"

#include "bytes/bytestore.h"
#include "bytes/filesink.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "framing/framingfacts.h"
#include "http/httpbodydecoder.h"
#include "http/httpresponseparser.h"
#include "net/trace.h"
#include "text/tlssummary.h"
#include "text/tracetext.h"
#include "text/bodytext.h"
#include "text/errortext.h"
#include "text/framingtext.h"
#include "text/kerneldropstext.h"
#include "text/socketoptiontext.h"
#include "text/stoptext.h"
#include "text/tlstext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <cstring>

namespace SocketLab::Cli {

namespace {

void say(const QString &line)
{
    std::fprintf(stderr, "* %s\n", line.toLocal8Bit().constData());
}

QString msText(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

NetError fileError(const FileSink &file, const QString &call, const QString &path)
{
    return NetError{NetError::Kind::File, file.lastErrno(), file.lastErrno(), call, path, {}, {}};
}

} // namespace

// Hands every byte the exchange keeps to the body decoder too, before the reply's own sink keeps it:
// the body is decoded (and --body written) as the reply arrives, with no second pass over it.
class ExchangeOutput::BodyTee final : public ByteSink
{
public:
    BodyTee(ByteSink &reply, HttpBodyDecoder &body)
        : m_reply(reply)
        , m_body(body)
    {
    }

    std::span<char> writableSpan(qint64 want) override
    {
        m_span = m_reply.writableSpan(want);
        return m_span;
    }
    bool commit(qint64 n) override
    {
        if (m_body.wantsMore())
            m_body.feed(m_span.data(), std::min<qint64>(n, qint64(m_span.size())));
        return m_reply.commit(n);
    }
    void endSegment(qint64 timeUs) override { m_reply.endSegment(timeUs); }
    qint64 size() const override { return m_reply.size(); }
    QList<Segment> segments() const override { return m_reply.segments(); }
    int lastErrno() const override { return m_reply.lastErrno(); }

private:
    ByteSink &m_reply;
    HttpBodyDecoder &m_body;
    std::span<char> m_span;
};

// Keeps a copy of every byte in a store of its own as it hands it on, in the same segments.
class ExchangeOutput::CopyTee final : public ByteSink
{
public:
    CopyTee(ByteSink &next, ByteStore &copy)
        : m_next(next)
        , m_copy(copy)
    {
    }

    std::span<char> writableSpan(qint64 want) override
    {
        m_span = m_next.writableSpan(want);
        return m_span;
    }
    bool commit(qint64 n) override
    {
        const char *from = m_span.data();
        for (qint64 left = std::min<qint64>(n, qint64(m_span.size())); left > 0;) {
            const std::span<char> room = m_copy.writableSpan(left);
            std::memcpy(room.data(), from, room.size());
            m_copy.commit(qint64(room.size()));
            from += room.size();
            left -= qint64(room.size());
        }
        return m_next.commit(n);
    }
    void endSegment(qint64 timeUs) override
    {
        m_copy.endSegment(timeUs);
        m_next.endSegment(timeUs);
    }
    qint64 size() const override { return m_next.size(); }
    QList<Segment> segments() const override { return m_next.segments(); }
    int lastErrno() const override { return m_next.lastErrno(); }

private:
    ByteSink &m_next;
    ByteStore &m_copy;
    std::span<char> m_span;
};

ExchangeOutput::ExchangeOutput(const TargetOptions &options, const BodyOutput &body)
    : m_options(options)
    , m_bodyOutput(body)
{
}

ExchangeOutput::~ExchangeOutput() = default;

bool ExchangeOutput::open(QString *error)
{
    const bool decodeBody =
        m_bodyOutput.decode && (!m_bodyOutput.path.isEmpty() || m_options.format == OutputFormat::Json);
    if (decodeBody) {
        HttpBodyDecoder::Options options;
        options.requestMethod = m_bodyOutput.requestMethod;
        if (!m_bodyOutput.path.isEmpty()) {
            m_bodyFile = std::make_unique<FileSink>();
            if (!m_bodyFile->open(m_bodyOutput.path)) {
                *error = ErrorText::describe(fileError(*m_bodyFile, QStringLiteral("open"), m_bodyOutput.path));
                return false;
            }
            options.sink = m_bodyFile.get();
        }
        m_body = std::make_unique<HttpBodyDecoder>(options);
    }
    if (!openReply(error)) {
        // Nothing ran: an earlier --body file stays as it was.
        if (m_bodyFile)
            m_bodyFile->discard();
        return false;
    }
    if (m_body)
        m_tee = std::make_unique<BodyTee>(replySink(), *m_body);
    if (m_options.explain && !m_store) {
        m_explainStore = std::make_unique<ByteStore>();
        m_explainTee = std::make_unique<CopyTee>(m_tee ? static_cast<ByteSink &>(*m_tee) : replySink(), *m_explainStore);
    }
    return true;
}

bool ExchangeOutput::openReply(QString *error)
{
    const bool rawToStdout = m_options.format == OutputFormat::Raw && m_options.outPath.isEmpty();
    if (m_options.outPath.isEmpty() && m_options.format == OutputFormat::HexDump) {
        m_hexDump = std::make_unique<HexDumpSink>(stdout, [this](qsizetype index, const Segment &segment) {
            return m_segmentLabel(index, segment);
        });
        return true;
    }
    if (m_options.outPath.isEmpty() && !rawToStdout) {
        m_store = std::make_unique<ByteStore>();
        return true;
    }
    m_file = std::make_unique<FileSink>();
    const bool opened = rawToStdout ? m_file->attach(fileno(stdout)) : m_file->open(m_options.outPath);
    if (!opened) {
        *error = ErrorText::describe(fileError(*m_file, QStringLiteral("open"), m_options.outPath));
        return false;
    }
    return true;
}

ByteSink &ExchangeOutput::replySink()
{
    if (m_hexDump)
        return *m_hexDump;
    return m_store ? static_cast<ByteSink &>(*m_store) : static_cast<ByteSink &>(*m_file);
}

ByteSink &ExchangeOutput::sink()
{
    if (m_explainTee)
        return *m_explainTee;
    return m_tee ? static_cast<ByteSink &>(*m_tee) : replySink();
}

void ExchangeOutput::watch(TcpExchange &exchange)
{
    if (m_options.format != OutputFormat::HexDump)
        return;
    exchange.setReceivingObserver([this](const TcpResult &soFar) {
        sayConnection(soFar);
        m_connectionSaid = true;
    });
    m_segmentLabel = [](qsizetype index, const Segment &segment) {
        return tr("recv #%1: %2 at %3 ms").arg(index + 1).arg(byteCount(segment.length), msText(segment.timeUs));
    };
}

void ExchangeOutput::watch(UdpExchange &exchange)
{
    if (m_options.format != OutputFormat::HexDump)
        return;
    exchange.setReceivingObserver([this](const UdpResult &soFar) {
        saySent(soFar);
        m_connectionSaid = true;
    });
    // The exchange tells each datagram just before its bytes reach the sink, which labels them.
    auto datagram = std::make_shared<Datagram>();
    exchange.setDatagramObserver([datagram](const Datagram &arrived) { *datagram = arrived; });
    m_segmentLabel = [datagram](qsizetype index, const Segment &segment) {
        QString label = tr("datagram #%1 from %2: %3 at %4 ms")
                            .arg(index + 1)
                            .arg(datagram->from.toString(), byteCount(segment.length), msText(segment.timeUs));
        if (datagram->truncated)
            label += QLatin1Char(' ') + tr("(truncated: the datagram had %1)").arg(byteCount(datagram->size));
        return label;
    };
}

void ExchangeOutput::nameFile(NetError &error) const
{
    // The exchange knows the sink failed, not where it writes: --out is the file it streams to.
    if (error.kind == NetError::Kind::File && error.detail.isEmpty() && m_file && !m_options.outPath.isEmpty())
        error.detail = m_options.outPath;
}

void ExchangeOutput::endExchange(UdpResult &result)
{
    nameFile(result.error);
}

void ExchangeOutput::endExchange(TcpResult &result)
{
    nameFile(result.error);
    // The exchange's own parse is complete when the server's close ended a body read until close.
    if (m_body)
        m_body->finish(result.http && result.http->state() == HttpResponseParser::State::Complete);
}

bool ExchangeOutput::close(QString *error)
{
    bool closed = true;
    if (m_hexDump && !m_hexDump->finish()) {
        *error = ErrorText::describe(
            NetError{NetError::Kind::File, m_hexDump->lastErrno(), m_hexDump->lastErrno(), QStringLiteral("write"), {}, {}, {}});
        closed = false;
    }
    if (m_file && !m_file->close()) {
        *error = ErrorText::describe(fileError(*m_file, m_file->lastCall(), m_options.outPath));
        closed = false;
    }
    if (m_bodyFile && !m_bodyFile->close() && closed) {
        *error = ErrorText::describe(fileError(*m_bodyFile, m_bodyFile->lastCall(), m_bodyOutput.path));
        closed = false;
    }
    return closed;
}

void ExchangeOutput::printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
}

void ExchangeOutput::printTrace(const Trace &trace)
{
    for (const QString &line : TraceText::lines(trace.entries()))
        say(line);
}

void ExchangeOutput::report(const TcpResult &result, const Trace &trace)
{
    reportTcp(result, trace);
    if (m_options.explain)
        sayExplanation(result);
}

void ExchangeOutput::sayExplanation(const TcpResult &result)
{
    const ByteStore *bytes = m_store ? m_store.get() : m_explainStore.get();
    if (!bytes)
        return;
    FramingInput input;
    input.bytes = bytes;
    input.segments = bytes->segments();
    input.http = result.http.get();
    input.stop = result.stop;
    input.timings = result.timings;
    input.tls = result.tls.has_value();
    say(tr("Why reading stopped, on the bytes:"));
    for (const FramingFact &fact : explainFraming(input)) {
        // The hex dump's report said the stop sentence just before; raw and json say it nowhere on stderr.
        if (fact.kind == FramingFact::Kind::Stop && m_options.format == OutputFormat::HexDump)
            continue;
        const QString where = FramingText::rangeLabel(fact);
        say(where.isEmpty() ? FramingText::describe(fact) : where + QLatin1Char(' ') + FramingText::describe(fact));
    }
}

void ExchangeOutput::reportTcp(const TcpResult &result, const Trace &trace)
{
    if (m_options.format == OutputFormat::Json) {
        printJson(tcpReport(result, m_options.host, sink(), m_store.get(), trace, m_body ? &m_body->body() : nullptr));
        return;
    }
    if (m_options.format == OutputFormat::Raw) {
        sayBody(result);
        if (result.error.isError())
            say(TlsText::failureSentence(result, m_options.host));
        return;
    }
    // Said as reading began when the reply streams; here when the exchange ended before it.
    if (!m_connectionSaid)
        sayConnection(result);
    if (result.http && result.http->headersComplete())
        say(tr("HTTP reply: %1 %2 %3, %4 of body")
                .arg(QString::fromLatin1(result.http->version()))
                .arg(result.http->statusCode())
                .arg(QString::fromLatin1(result.http->reasonPhrase()), byteCount(result.http->bodyBytes())));
    sayBody(result);
    if (m_options.showTrace)
        printTrace(trace);
    // A failed connect was said with its attempt already.
    const bool saidWithAttempt = !result.attempts.isEmpty() && !result.connectedTo.isValid();
    if (result.error.isError() && !saidWithAttempt)
        say(TlsText::failureSentence(result, m_options.host));
    say(describeStop(result.stop));
}

void ExchangeOutput::sayConnection(const TcpResult &result)
{
    for (const AddrInfoRow &row : result.resolved)
        say(tr("%1 resolves to %2").arg(m_options.host, row.address.toString()));
    for (const ConnectAttempt &attempt : result.attempts) {
        if (attempt.error.isError())
            say(ErrorText::describe(attempt.error));
        else
            say(tr("Connected to %1 from %2 in %3 ms")
                    .arg(attempt.address.toString(), result.local.toString(), msText(attempt.endUs - attempt.startUs)));
    }
    for (const QString &line : socketOptionLines(result.socketOptions))
        say(line);
    if (result.tls) {
        for (const QString &line : TlsSummary::lines(*result.tls, m_options.host))
            say(line);
    }
    if (result.connectedTo.isValid())
        say(tr("Sent %1").arg(byteCount(result.sentBytes)));
}

QString ExchangeOutput::socketOptionLine(const SocketOptionOutcome &outcome)
{
    // Not set, not for this socket, or not read back: the whole sentence says which.
    if (outcome.error.isError() || !outcome.readBack)
        return describeOptionOutcome(outcome);
    const SocketOptionName name = outcome.asked.name;
    const QString line = tr("%1: %2 → %3").arg(outcome.systemName, optionValueText(name, outcome.asked.value),
                                               optionValueText(name, outcome.effective));
    QString reason = optionAdjustmentReason(outcome);
    if (reason.isEmpty())
        return line;
    if (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    return tr("%1 (%2)").arg(line, reason);
}

QStringList ExchangeOutput::socketOptionLines(const QList<SocketOptionOutcome> &outcomes)
{
    QStringList lines;
    for (const SocketOptionOutcome &outcome : outcomes)
        lines.append(socketOptionLine(outcome));
    return lines;
}

void ExchangeOutput::sayBody(const TcpResult &result)
{
    if (!m_body || m_bodyOutput.path.isEmpty())
        return;
    if (!result.http || !result.http->headersComplete()) {
        say(tr("No HTTP response came: %1 is empty.").arg(m_bodyOutput.path));
        return;
    }
    const HttpBody &body = m_body->body();
    if (body.decoded()) {
        say(tr("Body: %1, %2-encoded; %3 once decoded, written to %4.")
                .arg(byteCount(body.encodedBytes), QString::fromLatin1(body.contentEncoding),
                     byteCount(body.decodedBytes), m_bodyOutput.path));
    } else {
        say(tr("Body: %1, written to %2.").arg(byteCount(body.decodedBytes), m_bodyOutput.path));
    }
    if (!body.complete)
        say(tr("The body is not complete: %1 holds what arrived of it.").arg(m_bodyOutput.path));
    for (const QString &sentence : describeBodyDecoding(body))
        say(sentence);
}

void ExchangeOutput::report(const UdpResult &result, const Trace &trace)
{
    if (m_options.format == OutputFormat::Json) {
        printJson(udpReport(result, sink(), m_store.get(), trace));
        return;
    }
    if (m_options.format == OutputFormat::Raw) {
        if (result.error.isError())
            say(ErrorText::describe(result.error));
        return;
    }
    if (!m_connectionSaid)
        saySent(result);
    if (m_options.showTrace)
        printTrace(trace);
    if (result.error.isError())
        say(ErrorText::describe(result.error));
    if (result.kernelDrops.value_or(0) > 0)
        say(describeKernelDrops(*result.kernelDrops, result.receiveBufferBytes));
    say(describeStop(result.stop));
}

void ExchangeOutput::saySent(const UdpResult &result)
{
    // No local address: sendto() failed before the socket had one, and the error says so.
    if (result.target.isValid() && result.local.isValid())
        say(tr("Sent %1 to %2 from %3").arg(byteCount(result.sentBytes), result.target.toString(), result.local.toString()));
    for (const QString &line : socketOptionLines(result.socketOptions))
        say(line);
}

} // namespace SocketLab::Cli
