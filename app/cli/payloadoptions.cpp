#include "payloadoptions.h"

#include "bytes/payloadcodec.h"
#include "text/codectext.h"

#include <QCommandLineParser>
#include <QFile>

namespace SocketLab::Cli {

PayloadOptions::PayloadOptions()
    : m_send(QStringLiteral("send"), tr("Send TEXT; escapes \\r \\n \\t \\0 \\\\ \\xNN are understood."), tr("TEXT"))
    , m_sendHex(QStringLiteral("send-hex"), tr("Send the bytes written in HEX (\"47 45 54\", \"0x474554\")."), tr("HEX"))
    , m_sendFile(QStringLiteral("send-file"), tr("Send the contents of the file at PATH."), tr("PATH"))
    , m_crlf(QStringLiteral("crlf"), tr("Turn every bare LF of the payload into CRLF."))
{
}

void PayloadOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_send, m_sendHex, m_sendFile, m_crlf});
}

bool PayloadOptions::read(const QCommandLineParser &parser, PayloadSource *payload, QString *error) const
{
    const int sources = int(parser.isSet(m_send)) + int(parser.isSet(m_sendHex)) + int(parser.isSet(m_sendFile));
    if (sources > 1) {
        *error = tr("Choose one of --send, --send-hex and --send-file.");
        return false;
    }
    if (parser.isSet(m_send) || parser.isSet(m_sendHex)) {
        const bool hex = parser.isSet(m_sendHex);
        const QString text = parser.value(hex ? m_sendHex : m_send);
        const PayloadCodec::DecodeResult decoded = hex ? PayloadCodec::decodeHex(text) : PayloadCodec::decodeEscaped(text);
        if (!decoded.ok()) {
            *error = tr("Bad %1 value at column %2: %3.")
                         .arg(hex ? QStringLiteral("--send-hex") : QStringLiteral("--send"))
                         .arg(decoded.column + 1)
                         .arg(describeCodecError(decoded.error));
            return false;
        }
        payload->bytes = decoded.bytes;
    } else if (parser.isSet(m_sendFile)) {
        payload->file = parser.value(m_sendFile);
    }
    payload->crlf = parser.isSet(m_crlf);
    return true;
}

bool PayloadSource::load(QByteArray *payload, QString *error) const
{
    *payload = bytes;
    if (!file.isNull()) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2.").arg(input.fileName(), input.errorString());
            return false;
        }
        *payload = input.readAll();
    }
    if (crlf)
        *payload = PayloadCodec::lfToCrlf(*payload);
    return true;
}

} // namespace SocketLab::Cli
