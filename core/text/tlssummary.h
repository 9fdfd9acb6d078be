#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace SocketLab {

struct TlsInfo;

// The TLS side of a tcp exchange or a talk in words, for the CLI's text output and the text report.
class TlsSummary
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::TlsSummary)
public:
    // What the handshake agreed on, the verdict on the certificate and each certificate of the chain,
    // one line each (nothing when the handshake did not finish). host: the host given on the command line.
    static QStringList lines(const TlsInfo &tls, const QString &host);
};

} // namespace SocketLab
