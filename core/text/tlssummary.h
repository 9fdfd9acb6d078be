#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace SocketLab {
struct TlsInfo;
}

namespace SocketLab::Cli {

// The TLS side of a tcp exchange or a talk in the CLI's words, for their text output.
class TlsSummary
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TlsSummary)
public:
    // What the handshake agreed on, the verdict on the certificate and each certificate of the chain,
    // one line each (nothing when the handshake did not finish). host: the host given on the command line.
    static QStringList lines(const TlsInfo &tls, const QString &host);
};

} // namespace SocketLab::Cli
