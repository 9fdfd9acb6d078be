#include "reportwriter.h"

#include "bytes/sourcetofile.h"
#include "text/errortext.h"

#include <QDir>
#include <QFileInfo>

namespace SocketLab::Cli {

namespace {

QString cleanAbsolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

QCommandLineOption ReportWriter::option()
{
    return QCommandLineOption(QStringLiteral("report"),
                              tr("Also write a plain-text report to FILE once it is over, to paste in a bug report: the "
                                 "target, the addresses tried, the request and the reply as hex dumps (the first and "
                                 "last 16 KiB of a large one), why it stopped, the timings and the socket calls."),
                              QCoreApplication::translate("SocketLab::Cli::TargetOptions", "FILE"));
}

bool ReportWriter::read(const QCommandLineParser &parser, const QCommandLineOption &option, const QStringList &otherPaths,
                        QString *path, QString *error)
{
    if (!parser.isSet(option))
        return true;
    *path = parser.value(option);
    if (path->isEmpty()) {
        *error = tr("--report needs a file name.");
        return false;
    }
    for (const QString &other : otherPaths) {
        if (!other.isEmpty() && cleanAbsolute(other) == cleanAbsolute(*path)) {
            *error = tr("--report names the same file as --out or --pcap: each needs a file of its own.");
            return false;
        }
    }
    return true;
}

bool ReportWriter::save(const QString &path, const QString &text, QString *error)
{
    const QByteArray bytes = text.toUtf8();
    const NetError failed = writeToFile(path, [&bytes](const FileWriter &write) { return write(bytes.constData(), bytes.size()); });
    if (!failed.isError())
        return true;
    *error = tr("Could not write the report to %1: %2.").arg(path, ErrorText::inSentence(failed));
    return false;
}

} // namespace SocketLab::Cli
