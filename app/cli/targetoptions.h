#pragma once

#include "net/socketaddress.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace SocketLab::Cli {

enum class OutputFormat { HexDump, Raw, Json, Text };

// The --format values a command offers: an exchange's hexdump, raw or json (and --out), or a
// conversation's text or json.
enum class FormatChoice { Exchange, Conversation };

// What tcp and udp share: HOST PORT, -4/-6, --format, --out and --trace.
class TargetOptions
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TargetOptions)
public:
    // command: "tcp" or "udp", for the usage error that shows what to type instead of a URL;
    // offersTls: the command has --tls, which is what an https:// URL asks for.
    TargetOptions(const QString &command, bool offersTls, FormatChoice formats = FormatChoice::Exchange);
    void addTo(QCommandLineParser &parser) const;
    bool read(const QCommandLineParser &parser, QString *error);
    // The JSON report without --out: every byte received is in memory until the report is written.
    bool holdsBytesInMemory() const { return format == OutputFormat::Json && outPath.isEmpty(); }

    QString host;
    QString service;
    IpFamily family = IpFamily::Any;
    OutputFormat format = OutputFormat::HexDump;
    QString outPath;
    QString pcapPath;  // --pcap, which tcp and udp offer (PcapOption): the exchange as a capture
    QString reportPath; // --report, which tcp and udp offer (ReportWriter): the exchange as a text report
    bool showTrace = false;
    // tcp --explain: the reply's framing explained on stderr after the exchange (FramingText).
    bool explain = false;

private:
    QString m_command;
    bool m_offersTls = false;
    FormatChoice m_formats = FormatChoice::Exchange;
    QCommandLineOption m_inet4;
    QCommandLineOption m_inet6;
    QCommandLineOption m_format;
    QCommandLineOption m_out;
    QCommandLineOption m_trace;
};

// A URL given where HOST belongs ("https://example.org/"): a usage error that says what to type instead,
// "--tls example.org 443" for an https:// URL when command offers TLS. Empty when host is no URL.
QString urlAsHostError(const QString &host, const QString &command, bool offersTls);
// A port number (1 to 65535) or a service name; false with *error for 0, 70000, "12x" and the like.
bool checkService(const QString &text, QString *error);
// A whole number >= minimum, for option `name`; false with *error saying which option and why.
bool readCount(const QString &text, const QString &name, qint64 minimum, qint64 *value, QString *error);

} // namespace SocketLab::Cli
