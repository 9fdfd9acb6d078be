#pragma once

#include "bytes/bytesink.h"
#include "bytes/bytestore.h"
#include "bytes/headtailcopy.h"
#include "capture/pcapngfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <functional>

namespace SocketLab {
class Trace;
struct TcpRequest;
struct TcpResult;
struct UdpRequest;
struct UdpResult;
}

namespace SocketLab::Cli {

// --pcap FILE and --report FILE: keeps a copy of every byte the exchange receives (for the report
// alone, of its first and last bytes only), beside wherever the reply goes, and writes the exchange
// as a pcapng file and as a text report once it is over. Without either file it is the reply's own sink.
class PcapRecorder final : public ByteSink
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::PcapRecorder)
public:
    PcapRecorder(const QString &path, const QString &reportPath, ByteSink &reply);

    // What --pcap writes: one exchange (tcp, udp) or a conversation (talk).
    enum class Subject { Exchange, Conversation };
    // The --pcap option, and its reading: a file name, not the one --out names.
    static QCommandLineOption option(Subject subject = Subject::Exchange);
    static bool read(const QCommandLineParser &parser, const QCommandLineOption &option, const QString &outPath,
                     QString *path, QString *error);

    // Where the exchange writes: this recorder with a file, the reply's sink without one.
    ByteSink &sink();
    // Call as the trace's clock starts: the capture's times are wall-clock times from there.
    void startClock();
    // Writes the files; false with *error (one sentence naming the file) if one could not be written.
    bool write(const TcpRequest &request, const TcpResult &result, const Trace &trace, QString *error) const;
    bool write(const UdpRequest &request, const UdpResult &result, const Trace &trace, QString *error) const;
    // Writes to path the capture make writes to its output as it makes it (tcpCapture() and the
    // like); false with *error (one sentence naming the file) if it could not.
    static bool save(const QString &path, const std::function<int(const CaptureOutput &)> &make, QString *error);
    // Now, in microseconds since the Unix epoch: when a capture's clock starts.
    static qint64 nowEpochUs();

    std::span<char> writableSpan(qint64 want) override;
    bool commit(qint64 n) override;
    void endSegment(qint64 timeUs) override;
    qint64 size() const override { return m_reply.size(); }
    QList<Segment> segments() const override { return m_reply.segments(); }
    int lastErrno() const override { return m_reply.lastErrno(); }

private:
    const ByteSource &copy() const;
    QDateTime startedAt() const;

    QString m_path;
    QString m_reportPath;
    ByteSink &m_reply;
    ByteStore m_copy;
    HeadTailCopy m_ends;
    std::span<char> m_span;
    // The reply's own sink may not keep its segments (a hex dump streams them): kept here for the copy.
    QList<Segment> m_segments;
    qint64 m_segmentStart = 0;
    qint64 m_copied = 0;
    qint64 m_startEpochUs = 0;
};

} // namespace SocketLab::Cli
