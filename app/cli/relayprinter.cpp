#include "relayprinter.h"

#include "hexdump.h"

#include "bytes/payloadcodec.h"
#include "text/errortext.h"
#include "text/stoptext.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <limits>

namespace SocketLab::Cli {

namespace {

using Kind = ConversationEvent::Kind;

QString milliseconds(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 3);
}

// The client's own failure: the event names it as its peer (RelayTapEvent).
bool fromClient(const RelayTapEvent &event)
{
    return event.event.peer.isValid() && event.event.peer == event.client;
}

bool isReset(const NetError &error)
{
    return error.kind == NetError::Kind::System && (error.systemCode == ECONNRESET || error.systemCode == EPIPE);
}

} // namespace

RelayPrinter::RelayPrinter(Format format, bool quiet, bool udp, std::FILE *out)
    : m_format(format)
    , m_quiet(quiet)
    , m_udp(udp)
    , m_out(out)
    , m_hex(format == Format::HexDump ? std::make_unique<HexDumpWriter>(out) : nullptr)
{
}

RelayPrinter::~RelayPrinter() = default;

void RelayPrinter::write(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

void RelayPrinter::json(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

void RelayPrinter::line(const QString &text)
{
    std::lock_guard lock(m_mutex);
    if (m_format == Format::Json)
        json({{QStringLiteral("event"), QStringLiteral("message")}, {QStringLiteral("text"), text}});
    else
        write(text);
}

void RelayPrinter::listening(const SocketAddress &bound, const QString &target)
{
    std::lock_guard lock(m_mutex);
    if (m_format == Format::Json) {
        json({{QStringLiteral("event"), QStringLiteral("listening")},
              {QStringLiteral("address"), bound.toString()},
              {QStringLiteral("target"), target},
              {QStringLiteral("transport"), m_udp ? QStringLiteral("udp") : QStringLiteral("tcp")}});
        return;
    }
    write(m_udp ? tr("Relaying %1 to %2 (UDP). Stop with Ctrl+C.").arg(bound.toString(), target)
                : tr("Relaying %1 to %2 (TCP). Stop with Ctrl+C.").arg(bound.toString(), target));
}

void RelayPrinter::refused(quint64 id, const SocketAddress &client, int maxConnections)
{
    std::lock_guard lock(m_mutex);
    if (m_format == Format::Json) {
        json({{QStringLiteral("event"), QStringLiteral("refused")},
              {QStringLiteral("connection"), qint64(id)},
              {QStringLiteral("client"), client.toString()}});
        return;
    }
    write(tr("#%1 client %2 refused: the --max-connections limit (%3) is reached")
              .arg(id)
              .arg(client.toString())
              .arg(maxConnections));
}

void RelayPrinter::totals(const Relay::Totals &totals)
{
    std::lock_guard lock(m_mutex);
    if (m_format == Format::Json) {
        json({{QStringLiteral("event"), QStringLiteral("totals")},
              {QStringLiteral("connections"), totals.connections},
              {QStringLiteral("refused"), totals.refused},
              {QStringLiteral("failed"), totals.failed},
              {QStringLiteral("to_target"), totals.toTarget},
              {QStringLiteral("to_client"), totals.toClient},
              {QStringLiteral("datagrams_to_target"), totals.datagramsToTarget},
              {QStringLiteral("datagrams_to_client"), totals.datagramsToClient}});
        return;
    }
    write(tr("Stopped. %n connection(s) (%1 refused, %2 failed); %3 to targets, %4 to clients.", nullptr,
             int(qMin<qint64>(totals.connections, std::numeric_limits<int>::max())))
              .arg(totals.refused)
              .arg(totals.failed)
              .arg(byteCount(totals.toTarget), byteCount(totals.toClient)));
}

void RelayPrinter::event(const RelayTapEvent &event)
{
    std::lock_guard lock(m_mutex);
    const ConversationEvent &e = event.event;
    if (e.carriesBytes()) {
        if (!m_quiet)
            data(event);
        return;
    }
    if (m_format != Format::Json) {
        write(textOf(event));
    } else {
        QJsonObject object{{QStringLiteral("connection"), qint64(event.connection)}, {QStringLiteral("time_us"), e.timeUs}};
        const QString toTarget = QStringLiteral("to_target");
        const QString toClient = QStringLiteral("to_client");
        switch (e.kind) {
        case Kind::Connected:
            object.insert(QStringLiteral("event"), QStringLiteral("connected"));
            object.insert(QStringLiteral("client"), event.client.toString());
            object.insert(QStringLiteral("target"), event.target.toString());
            break;
        case Kind::ShutdownWrite:
            object.insert(QStringLiteral("event"), QStringLiteral("fin"));
            object.insert(QStringLiteral("direction"), toTarget);
            break;
        case Kind::PeerClosed:
            object.insert(QStringLiteral("event"), QStringLiteral("fin"));
            object.insert(QStringLiteral("direction"), toClient);
            if (e.closeNotifyMissing)
                object.insert(QStringLiteral("close_notify_missing"), true);
            break;
        case Kind::PeerReset:
            object.insert(QStringLiteral("event"), QStringLiteral("reset"));
            object.insert(QStringLiteral("direction"), toClient);
            break;
        case Kind::Failed:
            if (fromClient(event) && isReset(e.error)) {
                object.insert(QStringLiteral("event"), QStringLiteral("reset"));
                object.insert(QStringLiteral("direction"), toTarget);
            } else {
                object.insert(QStringLiteral("event"), QStringLiteral("failed"));
                object.insert(QStringLiteral("side"), fromClient(event) ? QStringLiteral("client") : QStringLiteral("target"));
                object.insert(QStringLiteral("error"), ErrorText::describe(e.error));
                object.insert(QStringLiteral("errno"), e.error.codeName());
            }
            break;
        default:
            object.insert(QStringLiteral("event"), QStringLiteral("closed"));
            object.insert(QStringLiteral("to_target"), event.toTarget);
            object.insert(QStringLiteral("to_client"), event.toClient);
            break;
        }
        json(object);
    }
}

QString RelayPrinter::textOf(const RelayTapEvent &event)
{
    const ConversationEvent &e = event.event;
    const QString id = QStringLiteral("#%1 ").arg(event.connection);
    switch (e.kind) {
    case Kind::Connected:
        return id + tr("client %1 connected to target %2").arg(event.client.toString(), event.target.toString());
    case Kind::ShutdownWrite:
        return id + tr("--> FIN: shutdown(SHUT_WR) passed on to the target");
    case Kind::PeerClosed:
        if (e.closeNotifyMissing)
            return id + tr("<-- FIN: shutdown(SHUT_WR) passed on to the client") + QStringLiteral(" — ") + describeCloseNotifyMissing();
        return id + tr("<-- FIN: shutdown(SHUT_WR) passed on to the client");
    case Kind::PeerReset:
        return id + tr("<-- RST from the target: passed on to the client");
    case Kind::Failed:
        if (fromClient(event) && isReset(e.error))
            return id + tr("--> RST from the client: passed on to the target");
        if (fromClient(event))
            return id + tr("client failed: %1; the target was reset").arg(ErrorText::inSentence(e.error));
        if (m_udp)
            return id + tr("target failed: %1").arg(ErrorText::inSentence(e.error));
        return id + tr("target failed: %1; the client was reset").arg(ErrorText::inSentence(e.error));
    default:
        return id + tr("closed: %1 to the target, %2 to the client").arg(byteCount(event.toTarget), byteCount(event.toClient));
    }
}

void RelayPrinter::data(const RelayTapEvent &event)
{
    const ConversationEvent &e = event.event;
    const bool toTarget = e.kind == Kind::Sent;
    if (m_format == Format::Json) {
        json({{QStringLiteral("event"), QStringLiteral("data")},
              {QStringLiteral("connection"), qint64(event.connection)},
              {QStringLiteral("direction"), toTarget ? QStringLiteral("to_target") : QStringLiteral("to_client")},
              {QStringLiteral("offset"), e.offset},
              {QStringLiteral("size"), e.size},
              {QStringLiteral("time_us"), e.timeUs},
              {QStringLiteral("truncated"), e.truncated},
              {QStringLiteral("held"), event.held},
              {QStringLiteral("bytes_base64"),
               QString::fromLatin1(QByteArray::fromRawData(event.data, e.size).toBase64())}});
        return;
    }
    const QString arrow = toTarget ? QStringLiteral("-->") : QStringLiteral("<--");
    const QString size = m_udp ? (e.truncated ? tr("datagram cut to %1").arg(byteCount(e.size))
                                              : tr("datagram of %1").arg(byteCount(e.size)))
                               : byteCount(e.size);
    QString head = QStringLiteral("#%1 %2 @%3 +%4 ms %5")
                       .arg(event.connection)
                       .arg(arrow)
                       .arg(e.offset)
                       .arg(milliseconds(e.timeUs), size);
    // Printed as they arrive: bytes a delay, a cap or a pause holds back say so.
    if (event.held > 0)
        head += QLatin1Char(' ') + tr("(held: %1 waiting)").arg(byteCount(event.held));
    if (m_format == Format::Text) {
        // Quotes escaped too, so the line's last quote closes the bytes. encodeEscaped() writes a
        // backslash as \\, so a \" it did not write can only be a quote.
        const QString escaped = PayloadCodec::encodeEscaped(QByteArray::fromRawData(event.data, e.size))
                                    .replace(QLatin1Char('"'), QLatin1String("\\\""));
        write(head + QStringLiteral(" \"%1\"").arg(escaped));
        return;
    }
    write(head);
    m_hex->rows(e.offset, event.data, e.size);
    m_hex->flush();
}

} // namespace SocketLab::Cli
