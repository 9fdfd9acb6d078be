#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace SocketLab::Cli {

// --report FILE, which tcp, udp and talk offer: the exchange or conversation as the plain-text report
// (ExchangeReport) once it is over, in the language of the run.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::ReportWriter)
public:
    static QCommandLineOption option();
    // A file name, not one of the files otherPaths name (--out, --pcap).
    static bool read(const QCommandLineParser &parser, const QCommandLineOption &option, const QStringList &otherPaths,
                     QString *path, QString *error);
    // Writes the text in UTF-8; false with *error (one sentence naming the file) if it could not.
    static bool save(const QString &path, const QString &text, QString *error);
};

} // namespace SocketLab::Cli
