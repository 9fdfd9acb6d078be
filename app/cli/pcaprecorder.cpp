#include "pcaprecorder.h"

#include "capture/tcpcapture.h"
#include "capture/udpcapture.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "text/errortext.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>

namespace SocketLab::Cli {

PcapRecorder::PcapRecorder(const QString &path, ByteSink &reply)
    : m_path(path)
    , m_reply(reply)
{
}

QCommandLineOption PcapRecorder::option()
{
    return QCommandLineOption(QStringLiteral("pcap"),
                              tr("Also write the exchange to FILE as a pcapng capture Wireshark opens: made-up Ethernet, "
                                 "IP and TCP or UDP headers with the real addresses and ports, a packet per send and per "
                                 "recv() at its time. The reply is kept in memory until then."),
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
    return m_path.isEmpty() ? m_reply : static_cast<ByteSink &>(*this);
}

void PcapRecorder::startClock()
{
    using namespace std::chrono;
    m_startEpochUs = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

std::span<char> PcapRecorder::writableSpan(qint64 want)
{
    m_span = m_reply.writableSpan(want);
    return m_span;
}

bool PcapRecorder::commit(qint64 n)
{
    m_copy.append(m_span.data(), std::min<qint64>(n, qint64(m_span.size())), 0);
    return m_reply.commit(n);
}

void PcapRecorder::endSegment(qint64 timeUs)
{
    m_segments.append({m_segmentStart, m_copy.size() - m_segmentStart, timeUs});
    m_segmentStart = m_copy.size();
    m_reply.endSegment(timeUs);
}

bool PcapRecorder::write(const TcpRequest &request, const TcpResult &result, const Trace &trace, QString *error) const
{
    if (m_path.isEmpty())
        return true;
    return save(tcpCapture({&result, request.payload, &m_copy, m_segments, &trace, m_startEpochUs}), error);
}

bool PcapRecorder::write(const UdpRequest &request, const UdpResult &result, const Trace &trace, QString *error) const
{
    if (m_path.isEmpty())
        return true;
    return save(udpCapture({&result, request.payload, &m_copy, m_segments, &trace, m_startEpochUs}), error);
}

bool PcapRecorder::save(const PcapngFile &file, QString *error) const
{
    const NetError failed = file.save(m_path);
    if (!failed.isError())
        return true;
    *error = tr("Could not write the capture to %1: %2 (%3) in %4().")
                 .arg(m_path, ErrorText::errnoMeaning(failed.systemCode), failed.codeName(), failed.call);
    return false;
}

} // namespace SocketLab::Cli
