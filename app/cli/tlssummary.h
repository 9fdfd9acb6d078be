#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace SocketLab {
struct CertificateInfo;
struct TcpResult;
struct TlsInfo;
}

namespace SocketLab::Cli {

// The TLS side of a tcp exchange in the CLI's words, for its text output and its JSON report.
class TlsSummary
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::TlsSummary)
public:
    // What the handshake agreed on, the verdict on the certificate and each certificate of the chain,
    // one line each (nothing when the handshake did not finish). host: the host given on the command line.
    static QStringList lines(const TlsInfo &tls, const QString &host);
    // "EC P-256", "RSA 2048", "Ed25519": the key's type with its size where the type does not imply it.
    static QString keyText(const CertificateInfo &certificate);
    // "2026-12-05T01:16:51Z".
    static QString isoTime(const class QDateTime &time);
};

// The sentence that says why the exchange failed. A refused certificate is said in full from what
// the handshake found (the names it covers, its dates, both fingerprints), as the window says it.
QString failureSentence(const TcpResult &result, const QString &host);

} // namespace SocketLab::Cli
