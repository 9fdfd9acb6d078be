#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QStringList>

// Debian's tshark reading a pcapng file SocketLab wrote, for the capture tests: what it complains
// about, and the bytes "follow TCP stream" gives back. scripts/install-deps.sh installs it.
namespace Tshark {

inline QString path()
{
    return QStringLiteral("/usr/bin/tshark");
}

inline bool available()
{
    return QFile::exists(path());
}

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;  // without the line tshark always prints when run as root
};

// Checksums checked: tshark leaves them unchecked by default, and a wrong one must show.
inline Output run(const QString &file, const QStringList &arguments)
{
    QProcess process;
    process.start(path(), QStringList{QStringLiteral("-o"), QStringLiteral("ip.check_checksum:TRUE"), QStringLiteral("-o"),
                                      QStringLiteral("tcp.check_checksum:TRUE"), QStringLiteral("-o"),
                                      QStringLiteral("udp.check_checksum:TRUE"), QStringLiteral("-r"), file}
                              + arguments);
    Output output;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return output;
    output.exitCode = process.exitCode();
    output.out = process.readAllStandardOutput();
    for (const QByteArray &line : process.readAllStandardError().split('\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith("Running as user"))
            output.err += line + '\n';
    }
    return output;
}

// The expert info's warnings and errors (a bad checksum, a sequence number that does not follow, a
// malformed packet), and anything tshark said on standard error; empty when it read the file cleanly.
inline QByteArray complaints(const QString &file)
{
    const Output output = run(file, {QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("expert")});
    if (output.exitCode != 0)
        return "tshark exited with " + QByteArray::number(output.exitCode) + ": " + output.err;
    QByteArray found = output.err;
    bool inComplaint = false;
    for (const QByteArray &line : output.out.split('\n')) {
        if (line.startsWith("Errors (") || line.startsWith("Warns (") || line.startsWith("Warnings ("))
            inComplaint = true;
        else if (line.startsWith("Notes (") || line.startsWith("Chats (") || line.startsWith("Comments ("))
            inComplaint = false;
        // The summary lines only ("  1   Checksum   TCP  Bad checksum"), not the section's heading.
        if (inComplaint && !line.trimmed().isEmpty() && line.trimmed().front() >= '0' && line.trimmed().front() <= '9')
            found += line.simplified() + '\n';
    }
    return found;
}

// The bytes of TCP stream `stream`, each direction on its own: client (node 0) to server and back.
struct Stream
{
    QByteArray fromClient;
    QByteArray fromServer;
    bool ok = false;
};

inline Stream followTcp(const QString &file, int stream = 0)
{
    const Output output =
        run(file, {QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("follow,tcp,raw,%1").arg(stream)});
    Stream result;
    if (output.exitCode != 0)
        return result;
    bool inData = false;
    for (const QByteArray &line : output.out.split('\n')) {
        if (line.startsWith("Node 1:")) {
            inData = true;
            continue;
        }
        if (!inData || line.startsWith("====") || line.isEmpty())
            continue;
        if (line.startsWith('\t'))
            result.fromServer += QByteArray::fromHex(line.trimmed());
        else
            result.fromClient += QByteArray::fromHex(line.trimmed());
    }
    result.ok = inData;
    return result;
}

// One field of every packet, a line each ("-T fields -e data").
inline QList<QByteArray> fields(const QString &file, const QString &field)
{
    const Output output = run(file, {QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), field});
    QList<QByteArray> lines = output.out.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace Tshark
