#include "tlsrequestoptions.h"

#include "text/errortext.h"
#include "text/tlstext.h"
#include "tls/tlscontext.h"
#include "tls/tlsoptions.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace SocketLab::Cli {

namespace {

// RFC 7301: a protocol name is 1 to 255 bytes.
constexpr qsizetype MaxAlpnName = 255;

} // namespace

TlsRequestOptions::TlsRequestOptions(const QString &switchName)
    : m_tls(switchName, tr("Speak TLS over the connection: handshake, then the certificate checked against "
                                      "the system's trust store and the host name, before the payload is sent."))
    , m_caFile(QStringLiteral("ca-file"), tr("Also trust the authorities whose PEM certificates are in PATH (--tls)."),
               tr("PATH"))
    , m_pin(QStringLiteral("pin"),
            tr("Trust exactly the certificate whose SHA-256 fingerprint is HEX, and nothing else (--tls); "
               "written sha256:AB:CD:... or as bare hex."),
            tr("sha256:HEX"))
    , m_serverName(QStringLiteral("servername"),
                   tr("The name sent in SNI and checked in the certificate (--tls; default: HOST, and no SNI for an "
                      "address)."),
                   tr("NAME"))
    , m_alpn(QStringLiteral("alpn"),
             tr("The application protocols offered, comma-separated (--tls; default http/1.1; empty offers none)."),
             tr("LIST"))
    , m_minVersion(QStringLiteral("tls-min"), tr("The oldest TLS version accepted: 1.2 or 1.3 (--tls)."),
                   tr("VERSION"))
{
}

void TlsRequestOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_tls, m_caFile, m_pin, m_serverName, m_alpn, m_minVersion});
}

bool TlsRequestOptions::read(const QCommandLineParser &parser, TlsOptions *tls, QString *error) const
{
    tls->enabled = parser.isSet(m_tls);
    if (!tls->enabled) {
        for (const QCommandLineOption *option : {&m_caFile, &m_pin, &m_serverName, &m_alpn, &m_minVersion}) {
            if (parser.isSet(*option)) {
                *error = tr("--%1 needs --%2.").arg(option->names().constFirst(), m_tls.names().constFirst());
                return false;
            }
        }
        return true;
    }

    if (parser.isSet(m_pin)) {
        const QString text = parser.value(m_pin);
        tls->pinSha256 = TlsText::parsePin(text);
        if (tls->pinSha256.isEmpty()) {
            *error = tr("Invalid --pin \"%1\": expected a SHA-256 fingerprint, 64 hexadecimal digits with or without "
                        "colons, optionally after \"sha256:\".")
                         .arg(text);
            return false;
        }
        if (parser.isSet(m_caFile)) {
            *error = tr("Choose --pin or --ca-file, not both: a pinned certificate is trusted without any authority.");
            return false;
        }
    }

    if (parser.isSet(m_caFile)) {
        tls->caFile = parser.value(m_caFile);
        const QFileInfo file(tls->caFile);
        if (!file.isFile() || !file.isReadable()) {
            *error = tr("Cannot read the --ca-file \"%1\".").arg(tls->caFile);
            return false;
        }
        // Loaded now, so that a file that holds no certificate is told as the usage error it is.
        NetError loadError;
        if (!TlsClientContext::forCaFile(tls->caFile, &loadError)) {
            *error = ErrorText::describe(loadError);
            return false;
        }
    }

    if (parser.isSet(m_serverName)) {
        tls->serverName = parser.value(m_serverName).trimmed();
        if (tls->serverName.isEmpty()) {
            *error = tr("--servername needs a name.");
            return false;
        }
    }

    if (parser.isSet(m_alpn)) {
        tls->alpn.clear();
        const QString list = parser.value(m_alpn);
        if (!list.isEmpty()) {
            for (const QString &name : list.split(QLatin1Char(','))) {
                const QByteArray bytes = name.trimmed().toUtf8();
                if (bytes.isEmpty() || bytes.size() > MaxAlpnName) {
                    *error = tr("Invalid --alpn \"%1\": each protocol name has 1 to %2 bytes, such as http/1.1.")
                                 .arg(list)
                                 .arg(MaxAlpnName);
                    return false;
                }
                tls->alpn.append(bytes);
            }
        }
    }

    if (parser.isSet(m_minVersion)) {
        const QString version = parser.value(m_minVersion);
        if (version == QLatin1StringView("1.2")) {
            tls->minVersion = TlsVersion::Tls12;
        } else if (version == QLatin1StringView("1.3")) {
            tls->minVersion = TlsVersion::Tls13;
        } else {
            *error = tr("Unknown --tls-min \"%1\": use 1.2 or 1.3.").arg(version);
            return false;
        }
    }
    return true;
}

} // namespace SocketLab::Cli
