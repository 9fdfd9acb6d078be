#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QCoreApplication>

class QCommandLineParser;

namespace SocketLab::Cli {

// What to send as the command line says it: bytes, or a file that is read only when the command
// runs, so that parsing the arguments never reads a file.
struct PayloadSource
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::PayloadOptions)
public:
    QByteArray bytes;
    QString file;  // --send-file
    bool crlf = false;

    // The bytes to send; false with *error set if the file cannot be read.
    bool load(QByteArray *payload, QString *error) const;
};

// --send, --send-hex, --send-file and --crlf: what tcp and udp send, from text, hex or a file.
class PayloadOptions
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::PayloadOptions)
public:
    PayloadOptions();
    void addTo(QCommandLineParser &parser) const;
    // What to send; false with *error set (one line, saying what and where) if the input is bad.
    bool read(const QCommandLineParser &parser, PayloadSource *payload, QString *error) const;

private:
    QCommandLineOption m_send;
    QCommandLineOption m_sendHex;
    QCommandLineOption m_sendFile;
    QCommandLineOption m_crlf;
};

} // namespace SocketLab::Cli
