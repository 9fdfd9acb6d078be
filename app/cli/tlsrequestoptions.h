#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>

class QCommandLineParser;

namespace SocketLab {
struct TlsOptions;
}

namespace SocketLab::Cli {

// --tls, --ca-file, --pin, --servername, --alpn and --tls-min: how tcp speaks TLS.
class TlsRequestOptions
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TlsRequestOptions)
public:
    // switchName: the option that turns TLS on ("tls"; the relay's is "tls-to-target").
    explicit TlsRequestOptions(const QString &switchName = QStringLiteral("tls"));
    void addTo(QCommandLineParser &parser) const;
    // The TLS settings of the exchange (off without --tls); false with *error set (one line, saying which
    // option and why) for a bad value, or for an option that needs --tls given without it.
    bool read(const QCommandLineParser &parser, TlsOptions *tls, QString *error) const;

private:
    QCommandLineOption m_tls;
    QCommandLineOption m_caFile;
    QCommandLineOption m_pin;
    QCommandLineOption m_serverName;
    QCommandLineOption m_alpn;
    QCommandLineOption m_minVersion;
};

} // namespace SocketLab::Cli
