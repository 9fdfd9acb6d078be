#include "pcaprecorder.h"

#include "capture/tcpcapture.h"
#include "capture/udpcapture.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "reportwriter.h"
#include "text/errortext.h"
#include "text/exchangereport.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <chrono>

namespace SocketLab::Cli {

PcapRecorder::PcapRecorder(const QString &path, const QString &reportPath, ByteSink &reply)
    : m_path(path)
    , m_reportPath(reportPath)
    , m_reply(reply)
    // The report dumps the first and the last ExchangeReport::DefaultKeptBytes, its tail from a row's bound.
    , m_ends(ExchangeReport::DefaultKeptBytes, ExchangeReport::DefaultKeptBytes + 16)
{
}

QCommandLineOption PcapRecorder::option(Subject subject)
{
    const QString help = subject == Subject::Exchange
        ? tr("Also write the exchange to FILE as a pcapng capture Wireshark opens: made-up Ethernet, "
             "IP and TCP or UDP headers with the real addresses and ports, a packet per send and per "
             "recv() at its time. The reply is kept in memory until then.")
        : tr("Also write the conversation to FILE as a pcapng capture Wireshark opens: made-up "
             "Ethernet, IP and TCP or UDP headers with the real addresses and ports, a packet "
             "per send and per recv() at its time, written once the conversation is over.");
    return QCommandLineOption(QStringLiteral("pcap"), help,
                              QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FILE"));
}

bool PcapRecorder::read(const QCommandLineParser &parser, const QCommandLineOption &option, const QString &outPath,
                        QString *path, QString *error)
{
    if (!parser.isSet(option))
        return true;
    *path = parser.value(option);
    if (path->isEmpty()) {
        *error = tr("--pcap needs a file name.");
        return false;
    }
    if (!outPath.isEmpty()
        && QDir::cleanPath(QFileInfo(*path).absoluteFilePath()) == QDir::cleanPath(QFileInfo(outPath).absoluteFilePath())) {
        *error = tr("--pcap and --out name the same file: the capture and the reply need one each.");
        return false;
    }
    return true;
}

ByteSink &PcapRecorder::sink()
{
    return m_path.isEmpty() && m_reportPath.isEmpty() ? m_reply : static_cast<ByteSink &>(*this);
}

qint64 PcapRecorder::nowEpochUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

void PcapRecorder::startClock()
{
    m_startEpochUs = nowEpochUs();
}

std::span<char> PcapRecorder::writableSpan(qint64 want)
{
    m_span = m_reply.writableSpan(want);
    return m_span;
}

bool PcapRecorder::commit(qint64 n)
{
    const qint64 kept = std::min<qint64>(n, qint64(m_span.size()));
    if (!m_path.isEmpty())
        m_copy.append(m_span.data(), kept, 0);
    else
        m_ends.append(m_span.data(), kept);
    m_copied += kept;
    return m_reply.commit(n);
}

void PcapRecorder::endSegment(qint64 timeUs)
{
    m_segments.append({m_segmentStart, m_copied - m_segmentStart, timeUs});
    m_segmentStart = m_copied;
    m_reply.endSegment(timeUs);
}

const ByteSource &PcapRecorder::copy() const
{
    return m_path.isEmpty() ? static_cast<const ByteSource &>(m_ends) : m_copy;
}

bool PcapRecorder::write(const TcpRequest &request, const TcpResult &result, const Trace &trace, QString *error) const
{
    const TcpCaptureInput capture{&result, request.payload, &m_copy, m_segments, trace.entries(), m_startEpochUs};
    if (!m_path.isEmpty()
        && !save(m_path, [&capture](const CaptureOutput &output) { return tcpCapture(capture, output); }, error))
        return false;
    if (m_reportPath.isEmpty())
        return true;
    ExchangeReportInput input{request.host, request.service, request.family, request.payload, &result, nullptr,
                              &copy(), m_segments, trace.entries(), startedAt()};
    return ReportWriter::save(m_reportPath, ExchangeReport::exchange(input), error);
}

bool PcapRecorder::write(const UdpRequest &request, const UdpResult &result, const Trace &trace, QString *error) const
{
    const UdpCaptureInput capture{&result, request.payload, &m_copy, m_segments, trace.entries(), m_startEpochUs};
    if (!m_path.isEmpty()
        && !save(m_path, [&capture](const CaptureOutput &output) { return udpCapture(capture, output); }, error))
        return false;
    if (m_reportPath.isEmpty())
        return true;
    ExchangeReportInput input{request.host, request.service, request.family, request.payload, nullptr, &result,
                              &copy(), m_segments, trace.entries(), startedAt()};
    return ReportWriter::save(m_reportPath, ExchangeReport::exchange(input), error);
}

QDateTime PcapRecorder::startedAt() const
{
    return QDateTime::fromMSecsSinceEpoch(m_startEpochUs / 1000, Qt::UTC);
}

bool PcapRecorder::save(const QString &path, const std::function<int(const CaptureOutput &)> &make, QString *error)
{
    const NetError failed = writeToFile(path, make);
    if (!failed.isError())
        return true;
    *error = tr("Could not write the capture to %1: %2 (%3) in %4().")
                 .arg(path, ErrorText::errnoMeaning(failed.systemCode), failed.codeName(), failed.call);
    return false;
}

} // namespace SocketLab::Cli
