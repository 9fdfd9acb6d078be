#include "conversationtranscript.h"

#include "bytes/payloadcodec.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "text/errortext.h"
#include "text/socketoptiontext.h"
#include "text/jsonfields.h"
#include "text/stoptext.h"
#include "text/tlstext.h"
#include "tls/tlsinfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace SocketLab {

using namespace JsonFields;
using Kind = ConversationEvent::Kind;

namespace {

// What the text hands on at a time, and how much of a message is read from its store at once.
constexpr qsizetype FlushSize = 1024 * 1024;
constexpr qint64 Piece = 64 * 1024;
constexpr int RowBytes = 16;
// How much of a message decides whether it is shown as text or as hex rows.
constexpr qint64 Sample = 4096;

// The text a transcript is written as, in pieces: an errno stops everything that follows.
class TextOut
{
public:
    explicit TextOut(const FileWriter &write)
        : m_write(write)
    {
        m_buffer.reserve(FlushSize + Piece * 4);
    }

    void line(const QString &text)
    {
        m_buffer += text.toUtf8();
        m_buffer += '\n';
        flushIfFull();
    }
    QByteArray &buffer() { return m_buffer; }
    void flushIfFull()
    {
        if (m_buffer.size() >= FlushSize)
            flush();
    }
    int flush()
    {
        if (m_errno == 0 && !m_buffer.isEmpty())
            m_errno = m_write(m_buffer.constData(), m_buffer.size());
        m_buffer.clear();
        return m_errno;
    }
    int error() const { return m_errno; }

private:
    const FileWriter &m_write;
    QByteArray m_buffer;
    int m_errno = 0;
};

QString msText(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

// Mostly bytes a terminal would not show: hex rows read better than a wall of \xNN.
bool looksBinary(const QByteArray &sample)
{
    qsizetype unprintable = 0;
    for (const char c : sample) {
        const uchar b = uchar(c);
        if ((b < 0x20 && b != '\r' && b != '\n' && b != '\t') || b >= 0x7f)
            ++unprintable;
    }
    return unprintable * 8 > sample.size();
}

// "    00000010  47 45 54 20 ...  |GET ...|": offsets counted from the message's first byte.
void appendHexRow(QByteArray &out, qint64 offset, const char *data, int length)
{
    static constexpr char Digits[] = "0123456789abcdef";
    out += "    ";
    out += QByteArray::number(offset, 16).rightJustified(8, '0');
    out += ' ';
    for (int i = 0; i < RowBytes; ++i) {
        out += i == RowBytes / 2 ? "  " : " ";
        if (i < length) {
            const uchar b = uchar(data[i]);
            out += Digits[b >> 4];
            out += Digits[b & 15];
        } else {
            out += "  ";
        }
    }
    out += "  |";
    for (int i = 0; i < length; ++i) {
        const uchar b = uchar(data[i]);
        out += (b >= 0x20 && b < 0x7f) ? char(b) : '.';
    }
    out += "|\n";
}

// The bytes of one message, indented under its line: as escaped text (a "\n" ends each line, as in
// the request editor) or, for binary data, as hex rows. Read a piece at a time from its store.
void writeBytes(TextOut &out, const ByteStore &store, const ConversationEvent &event)
{
    const bool binary = looksBinary(store.read(event.offset, qMin(Sample, event.size)));
    bool lineStart = true;
    for (qint64 done = 0; done < event.size && out.error() == 0; done += Piece) {
        const QByteArray piece = store.read(event.offset + done, qMin(Piece, event.size - done));
        QByteArray &buffer = out.buffer();
        if (binary) {
            for (qsizetype row = 0; row < piece.size(); row += RowBytes)
                appendHexRow(buffer, done + row, piece.constData() + row, int(qMin<qsizetype>(RowBytes, piece.size() - row)));
        } else {
            // Escaped text is ASCII only: every other byte is a \xNN.
            const QByteArray text = PayloadCodec::encodeEscaped(piece, PayloadCodec::Layout::Lines).toLatin1();
            for (const char c : text) {
                if (lineStart)
                    buffer += "    ";
                buffer += c;
                lineStart = c == '\n';
            }
        }
        out.flushIfFull();
    }
    if (!binary && !lineStart)
        out.buffer() += '\n';
}

QString transportName(bool udp, const ConversationSetup &setup)
{
    if (udp)
        return QStringLiteral("UDP");
    return setup.tls ? QStringLiteral("TCP + TLS") : QStringLiteral("TCP");
}

} // namespace

ConversationTranscript::ConversationTranscript(const ConversationRecord &record, const Trace &trace, bool udp,
                                               const QString &host, const QString &service)
    : m_record(record)
    , m_trace(trace)
    , m_udp(udp)
    , m_host(host)
    , m_service(service)
    // Over before the events are read: then they are all there.
    , m_over(record.isOver())
    , m_events(record.events())
    , m_dropped(record.droppedEvents())
    // The clock the events are timed by, read back to the moment it started.
    , m_startedAt(QDateTime::currentDateTimeUtc().addMSecs(-trace.elapsedUs() / 1000))
{
    for (const ConversationEvent &event : m_events) {
        if (event.kind == Kind::Sent) {
            m_sentBytes += event.size;
            ++m_sentMessages;
        } else if (event.kind == Kind::Received) {
            m_receivedBytes += event.size;
            ++m_receivedMessages;
        }
    }
    // Past the caps the events read do not carry every byte: the record's counts do, exactly.
    if (m_dropped > 0) {
        m_sentBytes = record.sentBytes();
        m_receivedBytes = record.receivedBytes();
    }
}

ConversationTranscript::Stop ConversationTranscript::stopFromRecord() const
{
    const QString counts = tr("%1 received, %2 sent.").arg(byteCount(m_receivedBytes), byteCount(m_sentBytes));
    if (!m_over)
        return {QStringLiteral("open"), tr("Still open when this transcript was written; %1").arg(counts), {}};
    bool peerClosed = false;
    bool closeNotifyMissing = false;
    for (const ConversationEvent &event : m_events) {
        if (event.kind == Kind::PeerClosed) {
            peerClosed = true;
            closeNotifyMissing = event.closeNotifyMissing;
        }
        if (event.kind == Kind::PeerReset)
            return {QStringLiteral("peer_reset"), ErrorText::describe(event.error), event.error};
        if (event.kind == Kind::Failed && event.error.kind == NetError::Kind::Cancelled)
            return {QStringLiteral("cancelled"), tr("Disconnected; %1").arg(counts), event.error};
        if (event.kind == Kind::Failed)
            return {QStringLiteral("error"), ErrorText::describe(event.error), event.error};
    }
    if (peerClosed && closeNotifyMissing)
        return {QStringLiteral("peer_closed"),
                tr("The peer closed the connection; %1").arg(counts) + QLatin1Char(' ') + describeCloseNotifyMissing(), {}};
    if (peerClosed)
        return {QStringLiteral("peer_closed"), tr("The peer closed the connection; %1").arg(counts), {}};
    return {QStringLiteral("closed"), tr("Closed; %1").arg(counts), {}};
}

QJsonObject ConversationTranscript::messageHead(const ConversationEvent &event) const
{
    const bool sent = event.kind == Kind::Sent;
    QJsonObject message{{QStringLiteral("direction"), sent ? QStringLiteral("sent") : QStringLiteral("received")},
                        {QStringLiteral("t_ms"), ms(event.timeUs)},
                        {QStringLiteral("size"), event.size},
                        {QStringLiteral("step"), event.step >= 0 ? QJsonValue(event.step) : QJsonValue(QJsonValue::Null)}};
    if (m_udp) {
        message.insert(QStringLiteral("peer"), addressJson(event.peer));
        message.insert(QStringLiteral("truncated"), event.truncated);
    }
    return message;
}

QJsonObject ConversationTranscript::json(const Stop &stop) const
{
    QJsonArray messages;
    for (const ConversationEvent &event : m_events) {
        if (!event.carriesBytes())
            continue;
        const ByteStore &store = event.kind == Kind::Sent ? m_record.sent() : m_record.received();
        QJsonObject message = messageHead(event);
        message.insert(QStringLiteral("data_base64"), base64(&store, event.offset, event.size));
        messages.append(message);
    }
    QJsonObject object = head(stop);
    object.insert(QStringLiteral("messages"), messages);
    return object;
}

int ConversationTranscript::writeJson(const FileWriter &write, const Stop &stop, const QJsonObject &extra) const
{
    QJsonObject object = head(stop);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        object.insert(it.key(), it.value());
    TextOut out(write);
    // An object's text but for its closing brace, so that more keys can follow.
    const auto open = [](const QJsonObject &value) {
        QByteArray text = QJsonDocument(value).toJson(QJsonDocument::Compact);
        text.chop(1);
        return text;
    };
    out.buffer() += open(object);
    out.buffer() += ",\"messages\":[";
    bool first = true;
    // A multiple of 3: the base64 of the pieces joined is the base64 of the whole.
    constexpr qint64 Base64Piece = 48 * 1024;
    for (const ConversationEvent &event : m_events) {
        if (!event.carriesBytes())
            continue;
        const ByteStore &store = event.kind == Kind::Sent ? m_record.sent() : m_record.received();
        if (!first)
            out.buffer() += ',';
        first = false;
        out.buffer() += open(messageHead(event));
        out.buffer() += ",\"data_base64\":\"";
        for (qint64 done = 0; done < event.size && out.error() == 0; done += Base64Piece) {
            out.buffer() += store.read(event.offset + done, qMin(Base64Piece, event.size - done)).toBase64();
            out.flushIfFull();
        }
        out.buffer() += "\"}";
        out.flushIfFull();
        if (out.error() != 0)
            return out.error();
    }
    out.buffer() += "]}";
    return out.flush();
}

QJsonObject ConversationTranscript::head(const Stop &stop) const
{
    const ConversationSetup setup = m_record.setup();
    QJsonArray optionChanges;
    for (const ConversationEvent &event : m_events) {
        if (event.kind == Kind::OptionSet) {
            QJsonObject change = socketOptionJson(*event.option);
            change.insert(QStringLiteral("t_ms"), ms(event.timeUs));
            change.insert(QStringLiteral("step"), event.step >= 0 ? QJsonValue(event.step) : QJsonValue(QJsonValue::Null));
            optionChanges.append(change);
        }
    }
    QJsonObject timings = timingsJson(setup.timings);
    timings.insert(QStringLiteral("tls_ms"), ms(setup.timings.tlsUs));
    const QString message = stop.error.isError() && setup.error.isError() ? TlsText::failureSentence(setup, m_host) : QString();
    return QJsonObject{{QStringLiteral("transport"), m_udp ? QStringLiteral("udp") : QStringLiteral("tcp")},
                       {QStringLiteral("resolved"), rowsJson(setup.resolved)},
                       {QStringLiteral("attempts"), attemptsJson(setup.attempts)},
                       {QStringLiteral("connected_to"), addressJson(setup.connectedTo)},
                       {QStringLiteral("local"), addressJson(setup.local)},
                       {QStringLiteral("sockopts"), socketOptionsJson(setup.socketOptions)},
                       {QStringLiteral("sockopt_changes"), optionChanges},
                       {QStringLiteral("sent_bytes"), m_sentBytes},
                       {QStringLiteral("received_bytes"), m_receivedBytes},
                       {QStringLiteral("messages_not_kept"), m_dropped},
                       {QStringLiteral("stop"), QJsonObject{{QStringLiteral("reason"), stop.code},
                                                            {QStringLiteral("detail"), stop.detail}}},
                       {QStringLiteral("error"), errorJson(stop.error, message)},
                       {QStringLiteral("timings"), timings},
                       {QStringLiteral("trace"), traceJson(m_trace)},
                       {QStringLiteral("tls"), tlsJson(setup.tls, m_host)}};
}

int ConversationTranscript::writeText(const FileWriter &write) const
{
    TextOut out(write);
    const ConversationSetup setup = m_record.setup();
    out.line(tr("Conversation with %1 port %2 (%3)").arg(m_host, m_service, transportName(m_udp, setup)));
    out.line(tr("Started %1").arg(m_startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"))));
    QStringList addresses;
    for (const AddrInfoRow &row : setup.resolved)
        addresses.append(row.address.toString());
    if (!addresses.isEmpty())
        out.line(tr("%1 resolves to %2").arg(m_host, addresses.join(QStringLiteral(", "))));
    if (setup.connectedTo.isValid()) {
        out.line(m_udp ? tr("UDP socket to %1 from %2").arg(setup.connectedTo.toString(), setup.local.toString())
                       : tr("Connected to %1 from %2").arg(setup.connectedTo.toString(), setup.local.toString()));
    } else if (setup.local.isValid()) {
        out.line(tr("UDP socket from %1").arg(setup.local.toString()));
    }
    for (const SocketOptionOutcome &outcome : setup.socketOptions)
        out.line(describeOptionOutcome(outcome));
    if (setup.tls && setup.tls->handshakeDone) {
        const TlsInfo &tls = *setup.tls;
        out.line(tr("TLS: %1, %2, handshake %3 ms; %4")
                     .arg(tls.version, tls.cipher, msText(tls.handshakeUs), TlsText::verdict(tls.verify, tls.chain, m_host)));
    }
    out.line(QString());

    for (const ConversationEvent &event : m_events) {
        const QString time = tr("%1 ms").arg(msText(event.timeUs)).rightJustified(14);
        QString what;
        switch (event.kind) {
        case Kind::Connected:
            what = m_udp ? tr("socket ready") : tr("connected");
            break;
        case Kind::Sent:
            what = m_udp && event.peer.isValid() ? tr("→ sent %1 to %2").arg(byteCount(event.size), event.peer.toString())
                                                 : tr("→ sent %1").arg(byteCount(event.size));
            if (event.step >= 0)
                what += tr(" (script line %1)").arg(event.step);
            break;
        case Kind::Received:
            what = m_udp && event.peer.isValid() ? tr("← received %1 from %2").arg(byteCount(event.size), event.peer.toString())
                                                 : tr("← received %1").arg(byteCount(event.size));
            if (event.truncated)
                what += tr(" (truncated: the datagram was larger than the receive buffer)");
            break;
        case Kind::ShutdownWrite:
            what = tr("shutdown(SHUT_WR): the peer reads the end of our bytes; reading on");
            break;
        case Kind::ShutdownBoth:
            what = tr("shutdown(SHUT_RDWR): nothing more is sent or read");
            break;
        case Kind::Closed:
            what = tr("close(): the conversation ends");
            break;
        case Kind::PeerClosed:
            what = tr("the peer closed its side (FIN): nothing more will come");
            break;
        case Kind::PeerReset:
            what = tr("the peer reset the connection (RST): %1").arg(ErrorText::describe(event.error));
            break;
        case Kind::Failed:
            what = tr("ended: %1").arg(ErrorText::describe(event.error));
            break;
        case Kind::OptionSet:
            what = tr("setsockopt(): %1").arg(describeOptionOutcome(*event.option));
            if (event.step >= 0)
                what += tr(" (script line %1)").arg(event.step);
            break;
        }
        out.line(QStringLiteral("%1  %2").arg(time, what));
        if (event.carriesBytes())
            writeBytes(out, event.kind == Kind::Sent ? m_record.sent() : m_record.received(), event);
        if (out.error() != 0)
            return out.error();
    }

    out.line(QString());
    out.line(tr("Sent %1 in %n message(s).", nullptr, int(m_sentMessages)).arg(byteCount(m_sentBytes)));
    out.line(tr("Received %1 in %n message(s).", nullptr, int(m_receivedMessages)).arg(byteCount(m_receivedBytes)));
    if (m_dropped > 0) {
        out.line(tr("%n message(s) past the conversation's cap were counted but not kept: their bytes are not above; "
                    "the byte totals count them.", nullptr, int(m_dropped)));
    }
    if (!m_over)
        out.line(tr("The conversation was still open when this transcript was written."));
    return out.flush();
}

NetError ConversationTranscript::save(Format format, const QString &path, qint64 *size) const
{
    *size = 0;
    return writeToFile(path, [this, format, size](const FileWriter &write) {
        const FileWriter counted = [&write, size](const char *data, qint64 n) {
            *size += n;
            return write(data, n);
        };
        if (format == Format::Text)
            return writeText(counted);
        const QByteArray document = QJsonDocument(json(stopFromRecord())).toJson(QJsonDocument::Indented);
        return counted(document.constData(), document.size());
    });
}

} // namespace SocketLab
