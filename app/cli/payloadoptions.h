#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QCoreApplication>

class QCommandLineParser;

namespace SocketLab::Cli {

// --send, --send-hex, --send-file and --crlf: what tcp and udp send, from text, hex or a file.
class PayloadOptions
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::PayloadOptions)
public:
    PayloadOptions();
    void addTo(QCommandLineParser &parser) const;
    // The bytes to send; false with *error set (one line, saying what and where) if the input is bad.
    bool read(const QCommandLineParser &parser, QByteArray *payload, QString *error) const;

private:
    QCommandLineOption m_send;
    QCommandLineOption m_sendHex;
    QCommandLineOption m_sendFile;
    QCommandLineOption m_crlf;
};

} // namespace SocketLab::Cli
