#pragma once

#include "commandline.h"
#include "exitcode.h"
#include "signalcancel.h"
#include "targetoptions.h"

#include "net/canceltoken.h"
#include "net/trace.h"

#include <QCoreApplication>

#include <memory>

namespace SocketLab {
class ByteSink;
class ByteStore;
class FileSink;
struct TcpResult;
struct UdpResult;
}

namespace SocketLab::Cli {

// Where an exchange's bytes go (kept in a ByteStore, or streamed to --out or to stdout for raw) and
// how the outcome is written in the chosen --format.
class ExchangeOutput
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ExchangeOutput)
public:
    explicit ExchangeOutput(const TargetOptions &options);
    ~ExchangeOutput();

    bool open(QString *error);
    ByteSink &sink();
    bool close(QString *error);

    void report(const TcpResult &result, const Trace &trace);
    void report(const UdpResult &result, const Trace &trace);

private:
    void printJson(const class QJsonObject &object);
    void printTrace(const Trace &trace);

    TargetOptions m_options;
    std::unique_ptr<ByteStore> m_store;
    std::unique_ptr<FileSink> m_file;
};

// Opens the output, runs the exchange on this thread with SIGINT and SIGTERM cancelling it, and
// reports it in the chosen format: what tcp and udp share. Returns the exit code; *result is the
// exchange's outcome when it ran.
template<typename Exchange, typename Request, typename Result>
int runExchange(const TargetOptions &options, const Request &request, Result *result)
{
    QString error;
    ExchangeOutput output(options);
    if (!output.open(&error))
        return usageError(error);
    CancelToken cancel;
    cancelOnSignals(cancel);
    Trace trace;
    Exchange exchange(request, output.sink(), trace, cancel);
    *result = exchange.run();
    const bool closed = output.close(&error);
    output.report(*result, trace);
    if (!closed && !result->error.isError()) {
        printError(error);
        return NetworkError;
    }
    return exitCodeFor(result->error);
}

} // namespace SocketLab::Cli
