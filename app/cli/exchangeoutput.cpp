#include "exchangeoutput.h"

#include "hexdump.h"
#include "jsonreport.h"

#include "bytes/bytestore.h"
#include "bytes/filesink.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "http/httpresponseparser.h"
#include "net/trace.h"
#include "text/errortext.h"
#include "text/stoptext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>

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

} // namespace

ExchangeOutput::ExchangeOutput(const TargetOptions &options)
    : m_options(options)
{
}

ExchangeOutput::~ExchangeOutput() = default;

bool ExchangeOutput::open(QString *error)
{
    const bool rawToStdout = m_options.format == OutputFormat::Raw && m_options.outPath.isEmpty();
    if (m_options.outPath.isEmpty() && !rawToStdout) {
        m_store = std::make_unique<ByteStore>();
        return true;
    }
    m_file = std::make_unique<FileSink>();
    const bool opened = rawToStdout ? m_file->attach(fileno(stdout)) : m_file->open(m_options.outPath);
    if (!opened) {
        NetError failure{NetError::Kind::File, m_file->lastErrno(), m_file->lastErrno(), QStringLiteral("open"),
                         m_options.outPath};
        *error = ErrorText::describe(failure);
        return false;
    }
    return true;
}

ByteSink &ExchangeOutput::sink()
{
    return m_store ? static_cast<ByteSink &>(*m_store) : static_cast<ByteSink &>(*m_file);
}

bool ExchangeOutput::close(QString *error)
{
    if (!m_file || m_file->close())
        return true;
    NetError failure{NetError::Kind::File, m_file->lastErrno(), m_file->lastErrno(), QStringLiteral("write"),
                     m_options.outPath};
    *error = ErrorText::describe(failure);
    return false;
}

void ExchangeOutput::printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
}

void ExchangeOutput::printTrace(const Trace &trace)
{
    for (const TraceEntry &entry : trace.entries()) {
        QString line = QStringLiteral("%1 ms  %2(%3) = %4").arg(msText(entry.timeUs), entry.call, entry.args).arg(entry.result);
        if (entry.errnoCode)
            line += QStringLiteral(" %1 (%2)").arg(errnoName(entry.errnoCode), ErrorText::errnoMeaning(entry.errnoCode));
        if (entry.count > 1)
            line += QLatin1Char(' ') + tr("[%Ln call(s), %1 in all, until %2 ms]", nullptr, entry.count)
                                          .arg(byteCount(entry.totalBytes), msText(entry.lastTimeUs));
        say(line);
    }
}

void ExchangeOutput::report(const TcpResult &result, const Trace &trace)
{
    if (m_options.format == OutputFormat::Json) {
        printJson(tcpReport(result, sink(), m_store.get(), trace));
        return;
    }
    if (m_options.format == OutputFormat::Raw) {
        if (result.error.isError())
            say(ErrorText::describe(result.error));
        return;
    }
    for (const AddrInfoRow &row : result.resolved)
        say(tr("%1 resolves to %2").arg(m_options.host, row.address.toString()));
    for (const ConnectAttempt &attempt : result.attempts) {
        if (attempt.error.isError())
            say(ErrorText::describe(attempt.error));
        else
            say(tr("Connected to %1 from %2 in %3 ms")
                    .arg(attempt.address.toString(), result.local.toString(), msText(attempt.endUs - attempt.startUs)));
    }
    if (result.connectedTo.isValid())
        say(tr("Sent %1").arg(byteCount(result.sentBytes)));
    if (m_store) {
        writeHexDump(stdout, *m_store, m_store->segments(), [](qsizetype index, const Segment &segment) {
            return tr("recv #%1: %2 at %3 ms").arg(index + 1).arg(byteCount(segment.length), msText(segment.timeUs));
        });
    }
    if (result.http && result.http->headersComplete())
        say(tr("HTTP reply: %1 %2 %3, %4 of body")
                .arg(QString::fromLatin1(result.http->version()))
                .arg(result.http->statusCode())
                .arg(QString::fromLatin1(result.http->reasonPhrase()), byteCount(result.http->bodyBytes())));
    if (m_options.showTrace)
        printTrace(trace);
    // A failed connect was said with its attempt already.
    const bool saidWithAttempt = !result.attempts.isEmpty() && !result.connectedTo.isValid();
    if (result.error.isError() && !saidWithAttempt)
        say(ErrorText::describe(result.error));
    say(describeStop(result.stop));
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
    if (result.target.isValid())
        say(tr("Sent %1 to %2 from %3").arg(byteCount(result.sentBytes), result.target.toString(), result.local.toString()));
    if (m_store) {
        writeHexDump(stdout, *m_store, m_store->segments(), [&result](qsizetype index, const Segment &segment) {
            const Datagram &datagram = result.datagrams.at(index);
            QString label = tr("datagram #%1 from %2: %3 at %4 ms")
                                .arg(index + 1)
                                .arg(datagram.from.toString(), byteCount(segment.length), msText(segment.timeUs));
            if (datagram.truncated)
                label += QLatin1Char(' ') + tr("(truncated: the datagram had %1)").arg(byteCount(datagram.size));
            return label;
        });
    }
    if (m_options.showTrace)
        printTrace(trace);
    if (result.error.isError())
        say(ErrorText::describe(result.error));
    say(describeStop(result.stop));
}

} // namespace SocketLab::Cli
