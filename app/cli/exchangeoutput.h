#pragma once

#include "commandline.h"
#include "pcaprecorder.h"
#include "exitcode.h"
#include "signalcancel.h"
#include "targetoptions.h"

#include "net/canceltoken.h"
#include "net/socketoption.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace SocketLab {
class ByteSink;
class TcpExchange;
class UdpExchange;
struct Datagram;
struct Segment;
class ByteStore;
class FileSink;
class HttpBodyDecoder;
struct TcpResult;
struct UdpResult;
}

namespace SocketLab::Cli {

class HexDumpSink;

// What --format json holds when --max-bytes is not given: it carries every byte (base64), so they are
// all in memory at once, as the window's size cap bounds what it keeps.
constexpr qint64 JsonDefaultCap = qint64(256) * 1024 * 1024;

// What tcp asks of the HTTP body: decoded for the JSON report, and written to `path` for --body.
struct BodyOutput
{
    bool decode = false;
    QString path;
    QByteArray requestMethod;  // a HEAD response has no body

    // The method as the exchange reads it: the request's first word.
    void setRequest(const QByteArray &payload)
    {
        const qsizetype space = payload.indexOf(' ');
        requestMethod = space > 0 ? payload.left(space) : QByteArray();
    }
};

// Where an exchange's bytes go (written out as a hex dump or raw as they arrive, streamed to --out, or
// kept in a ByteStore for the JSON report) and how the outcome is written in the chosen --format.
class ExchangeOutput
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ExchangeOutput)
public:
    explicit ExchangeOutput(const TargetOptions &options, const BodyOutput &body = {});
    ~ExchangeOutput();

    bool open(QString *error);
    ByteSink &sink();
    // Before the exchange runs: the hexdump format states the connection and labels each segment
    // as the bytes stream, from what the exchange tells as it goes.
    void watch(TcpExchange &exchange);
    void watch(UdpExchange &exchange);
    // The exchange is over: the body decoded as the bytes came ends with it, and a failed write
    // in result names the file it went to.
    void endExchange(TcpResult &result);
    void endExchange(UdpResult &result);
    bool close(QString *error);

    void report(const TcpResult &result, const Trace &trace);
    void report(const UdpResult &result, const Trace &trace);

    // One option, "SO_RCVBUF: 4,194,304 bytes → 425,984 bytes (reason)": asked, then what the socket has.
    static QString socketOptionLine(const SocketOptionOutcome &outcome);
    static QStringList socketOptionLines(const QList<SocketOptionOutcome> &outcomes);

private:
    class BodyTee;
    class CopyTee;

    bool openReply(QString *error);
    void nameFile(NetError &error) const;
    ByteSink &replySink();
    void printJson(const class QJsonObject &object);
    void printTrace(const Trace &trace);
    void sayBody(const TcpResult &result);
    void sayConnection(const TcpResult &result);
    void saySent(const UdpResult &result);
    void reportTcp(const TcpResult &result, const Trace &trace);
    void sayExplanation(const TcpResult &result);

    TargetOptions m_options;
    BodyOutput m_bodyOutput;
    std::unique_ptr<ByteStore> m_store;
    std::unique_ptr<HexDumpSink> m_hexDump;
    std::function<QString(qsizetype, const Segment &)> m_segmentLabel;
    bool m_connectionSaid = false;
    std::unique_ptr<FileSink> m_file;
    // Decodes the HTTP body from the reply's bytes as they arrive, for --body and the JSON report.
    std::unique_ptr<FileSink> m_bodyFile;
    std::unique_ptr<HttpBodyDecoder> m_body;
    std::unique_ptr<BodyTee> m_tee;
    // --explain quotes lines of the reply after the exchange: a copy of what a hex dump or a file took
    // away, unless the JSON report's store already holds it.
    std::unique_ptr<ByteStore> m_explainStore;
    std::unique_ptr<CopyTee> m_explainTee;
};

// Opens the output, runs the exchange on this thread with SIGINT and SIGTERM cancelling it, and
// reports it in the chosen format: what tcp and udp share. Returns the exit code; *result is the
// exchange's outcome when it ran.
template<typename Exchange, typename Request, typename Result>
int runExchange(const TargetOptions &options, const Request &request, Result *result, const BodyOutput &body = {})
{
    QString error;
    ExchangeOutput output(options, body);
    if (!output.open(&error))
        return usageError(error);
    CancelToken cancel;
    cancelOnSignals(cancel);
    PcapRecorder pcap(options.pcapPath, options.reportPath, output.sink());
    Trace trace;
    pcap.startClock();
    Exchange exchange(request, pcap.sink(), trace, cancel);
    output.watch(exchange);
    *result = exchange.run();
    output.endExchange(*result);
    const bool closed = output.close(&error);
    output.report(*result, trace);
    QString pcapError;
    const bool captured = pcap.write(request, *result, trace, &pcapError);
    if (!captured)
        printError(pcapError);
    if (!closed && !result->error.isError()) {
        printError(error);
        return NetworkError;
    }
    if (!captured && !result->error.isError())
        return NetworkError;
    return exitCodeFor(result->error);
}

} // namespace SocketLab::Cli
