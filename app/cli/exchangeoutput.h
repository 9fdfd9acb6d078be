#pragma once

#include "targetoptions.h"

#include <QCoreApplication>

#include <memory>

namespace SocketLab {
class ByteSink;
class ByteStore;
class FileSink;
class Trace;
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

    void reportTcp(const TcpResult &result, const Trace &trace);
    void reportUdp(const UdpResult &result, const Trace &trace);

private:
    void printJson(const class QJsonObject &object);
    void printTrace(const Trace &trace);

    TargetOptions m_options;
    std::unique_ptr<ByteStore> m_store;
    std::unique_ptr<FileSink> m_file;
};

} // namespace SocketLab::Cli
