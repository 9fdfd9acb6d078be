#include "framingtext.h"

#include "text/stoptext.h"

#include <QCoreApplication>
#include <QLocale>

namespace SocketLab {

namespace {

struct FramingTr
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::FramingText)
};

using Kind = FramingFact::Kind;
using Where = HttpResponseParser::Progress::Where;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

// Microseconds shown, as the trace shows them: recv() calls on loopback come a few µs apart.
QString ms(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 3);
}

// A byte as the hex view shows it beside its decimal offset: "1,234 (0x4d2)".
QString offset(qint64 at)
{
    return FramingTr::tr("%1 (0x%2)").arg(number(at), QString::number(at, 16));
}

// What the server sent, quoted: Latin-1 so any byte shows as one character.
QString quoted(const QByteArray &text)
{
    return QString::fromLatin1(text);
}

int plural(qint64 n)
{
    return int(qMin<qint64>(n, 1000000));
}

// The call a segment number counts, as the trace names it: the same in every language.
QString readCall(const FramingFact &fact)
{
    return fact.tls ? QStringLiteral("SSL_read") : QStringLiteral("recv");
}

QString chunkSentence(const FramingFact &fact)
{
    QString sentence;
    if (fact.value < 0) {
        sentence = FramingTr::tr("Chunk %1: size line “%2”, not a size.").arg(number(fact.number), quoted(fact.text));
    } else {
        sentence = FramingTr::tr("Chunk %1: size line “%2”, 0x%2 = %3.")
                       .arg(number(fact.number), quoted(fact.text), byteCount(fact.value));
    }
    if (!fact.extensions.isEmpty())
        sentence += QLatin1Char(' ') + FramingTr::tr("Extensions “%1”, which only name things: they change no size.")
                                         .arg(quoted(fact.extensions));
    if (fact.dataRange.offset >= 0 && fact.dataRange.length > 0) {
        sentence += QLatin1Char(' ')
            + FramingTr::tr("Its data: offsets %1 to %2.").arg(offset(fact.dataRange.offset), offset(fact.dataRange.end() - 1));
        if (fact.dataRange.length < fact.value)
            sentence += QLatin1Char(' ') + FramingTr::tr("Only %1 of it came.").arg(byteCount(fact.dataRange.length));
    } else if (fact.value > 0) {
        sentence += QLatin1Char(' ') + FramingTr::tr("None of its data came.");
    }
    return sentence;
}

QString keepAliveSentence(const FramingFact &fact)
{
    if (fact.value >= 0 && fact.waitUs >= 0) {
        return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have gone on waiting after the "
                             "reply's end, up to %1 s: the Keep-Alive timeout the server announced (“%2”). It still "
                             "had not closed %3 ms after the end, when reading stopped.")
            .arg(number(fact.value), quoted(fact.text), ms(fact.waitUs));
    }
    if (fact.value >= 0) {
        return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have gone on waiting after the "
                             "reply's end, up to %1 s: the Keep-Alive timeout the server announced (“%2”).")
            .arg(number(fact.value), quoted(fact.text));
    }
    if (fact.waitUs >= 0) {
        return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have gone on waiting after the "
                             "reply's end, until the server's idle timeout, which it did not announce: it still had "
                             "not closed %1 ms after the end, when reading stopped.")
            .arg(ms(fact.waitUs));
    }
    return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have gone on waiting after the "
                         "reply's end, until the server's idle timeout, which it did not announce.");
}

} // namespace

QString FramingText::describe(const FramingFact &fact)
{
    switch (fact.kind) {
    case Kind::Stop:
        return describeStop(fact.stop);
    case Kind::NotHttp:
        return FramingTr::tr("The reply does not start with a status line such as “HTTP/1.1 200 OK”: nothing in it "
                             "says where it ends, so the stop rule alone decided.");
    case Kind::StatusLine:
        return FramingTr::tr("Status line “%1”: status %2.").arg(quoted(fact.text), number(fact.value));
    case Kind::InterimResponses:
        return FramingTr::tr("%n interim response(s) (1xx) came first: they have no body, and the final response's "
                             "headers decide.", nullptr, plural(fact.value));
    case Kind::ContentLength:
        return FramingTr::tr("“%1” decided the length: the body is the %2 after the blank line.")
            .arg(quoted(fact.text), byteCount(fact.value));
    case Kind::Chunked:
        return FramingTr::tr("“%1” decided the framing: the body comes in chunks, each after a line giving its size in "
                             "hexadecimal, until a chunk of size 0.").arg(quoted(fact.text));
    case Kind::ContentLengthIgnored:
        return FramingTr::tr("“%1” is ignored: with chunked, the chunks decide where the body ends "
                             "(RFC 9112 section 6.3).").arg(quoted(fact.text));
    case Kind::TransferEncodingNotChunked:
        return FramingTr::tr("“%1” does not end with chunked: the body runs until the server closes the connection.")
            .arg(quoted(fact.text));
    case Kind::NoLength:
        return FramingTr::tr("Neither Content-Length nor Transfer-Encoding: the body runs until the server closes the "
                             "connection.");
    case Kind::NoBodyHead:
        return FramingTr::tr("The request was HEAD: the reply has no body whatever its headers say, and ends with its "
                             "blank line.");
    case Kind::NoBodyStatus:
        return FramingTr::tr("Status %1 never has a body: the reply ends with its blank line.").arg(number(fact.value));
    case Kind::EndsWithHead:
        if (!fact.hasRange())
            return FramingTr::tr("Status %1: the HTTP reply ends with its headers; what follows would belong to the new "
                                 "protocol or the tunnel, and nothing did.").arg(number(fact.value));
        return FramingTr::tr("Status %1: the HTTP reply ends with its headers; the %2 after them belong to the new "
                             "protocol or the tunnel.").arg(number(fact.value), byteCount(fact.range.length));
    case Kind::HeadEnd:
        return FramingTr::tr("The blank line at offset %1 ends the headers.").arg(offset(fact.range.offset));
    case Kind::Body:
        return FramingTr::tr("The body: %1, offsets %2 to %3.")
            .arg(byteCount(fact.value), offset(fact.range.offset), offset(fact.range.end() - 1));
    case Kind::Chunk:
        return chunkSentence(fact);
    case Kind::LastChunk: {
        QString sentence = FramingTr::tr("Chunk %1: size line “%2”, size 0: the last chunk, the body is complete.")
                               .arg(number(fact.number), quoted(fact.text));
        if (!fact.extensions.isEmpty())
            sentence += QLatin1Char(' ') + FramingTr::tr("Extensions “%1”.").arg(quoted(fact.extensions));
        return sentence;
    }
    case Kind::Trailer:
        if (fact.text.isEmpty())
            return FramingTr::tr("The blank line after the last chunk (and its trailers) ends the message.");
        return FramingTr::tr("Trailer “%1”, a header sent after the body.").arg(quoted(fact.text));
    case Kind::ChunksNotListed: {
        QString sentence = FramingTr::tr("… and %n more chunk(s), not listed here.", nullptr, plural(fact.value));
        if (fact.number > 0)
            sentence += QLatin1Char(' ')
                + FramingTr::tr("The parse kept where each chunk lies for the first %1 only; the rest are counted from its state.")
                      .arg(number(fact.number));
        return sentence;
    }
    case Kind::BodyEnd:
        if (fact.firstSegment > 0)
            //: %4: the C call, recv or SSL_read
            return FramingTr::tr("The message ends after %2, at offset %1, in %4 #%3.")
                .arg(offset(fact.range.offset), byteCount(fact.range.offset), number(fact.firstSegment), readCall(fact));
        return FramingTr::tr("The message ends after %2, at offset %1.")
            .arg(offset(fact.range.offset), byteCount(fact.range.offset));
    case Kind::Incomplete:
        if (fact.value >= 0)
            return FramingTr::tr("The message did not end: %1 of it were still awaited at offset %2, when reading "
                                 "stopped.").arg(byteCount(fact.value), offset(fact.range.offset));
        return FramingTr::tr("The message did not end: reading stopped at offset %1, before its framing said it was "
                             "complete.").arg(offset(fact.range.offset));
    case Kind::Malformed:
        return FramingTr::tr("The reply breaks HTTP framing at offset %1: the parser stopped there, and nothing after "
                             "it says where the reply ends.").arg(offset(fact.range.offset));
    case Kind::AfterBody:
        if (fact.lastSegment > fact.firstSegment)
            //: %4: the C call, recv or SSL_read
            return FramingTr::tr("%1 arrived after the end, in %4 #%2 to #%3: they are not part of this reply.")
                .arg(byteCount(fact.value), number(fact.firstSegment), number(fact.lastSegment), readCall(fact));
        //: %3: the C call, recv or SSL_read
        return FramingTr::tr("%1 arrived after the end, in %3 #%2: they are not part of this reply.")
            .arg(byteCount(fact.value), number(fact.firstSegment), readCall(fact));
    case Kind::NothingAfter:
        return FramingTr::tr("Nothing arrived after the end.");
    case Kind::LoopSame:
        if (fact.timeUs >= 0)
            return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have stopped at the same "
                                 "place: the server closed the connection %1 ms after the first byte, after %2.")
                .arg(ms(fact.timeUs), byteCount(fact.value));
        return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have stopped at the same place: "
                             "the server closed the connection after %1.").arg(byteCount(fact.value));
    case Kind::LoopConnectionClose:
        if (fact.text.isEmpty())
            return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have ended when the server "
                                 "closed the connection, as an HTTP/1.0 server does after its reply.");
        return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have ended when the server "
                             "closed the connection, as “%1” announced.").arg(quoted(fact.text));
    case Kind::LoopKeepAlive:
        return keepAliveSentence(fact);
    case Kind::LoopObserved:
        if (fact.waitUs >= 0)
            return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have gone on waiting: the "
                                 "server still had not closed %1 ms after the last byte, when reading stopped.")
                .arg(ms(fact.waitUs));
        return FramingTr::tr("The notebook's loop (recv() until it returns b'') would have waited until the server "
                             "closed the connection.");
    }
    return {};
}

QString FramingText::rangeLabel(const FramingFact &fact)
{
    if (!fact.hasRange())
        return {};
    const QString from = QStringLiteral("0x") + QString::number(fact.range.offset, 16);
    if (fact.range.length <= 0)
        return QLatin1Char('[') + from + QLatin1Char(']');
    return QLatin1Char('[') + from + QStringLiteral("-0x") + QString::number(fact.range.end() - 1, 16) + QLatin1Char(']');
}

QString FramingText::stepHeading(const ReplayStep &step)
{
    const Segment &s = step.segment;
    // Named after the call the trace shows: over TLS each step is one SSL_read().
    const QString call = step.tls ? QStringLiteral("SSL_read") : QStringLiteral("recv");
    const QString where = FramingTr::tr("%1 #%2: %3, offsets %4 to %5")
                              .arg(call, number(step.number), byteCount(s.length), offset(s.offset),
                                   offset(s.offset + s.length - 1));
    if (step.sinceSendUs >= 0)
        return FramingTr::tr("%1, +%2 ms after the first byte (+%3 ms after the send)")
            .arg(where, ms(step.sinceFirstByteUs), ms(step.sinceSendUs));
    return FramingTr::tr("%1, +%2 ms after the first byte").arg(where, ms(step.sinceFirstByteUs));
}

QString FramingText::stepState(const ReplayStep &step)
{
    //: %1: the C call, recv() or SSL_read()
    const QString closed = FramingTr::tr("Then %1 returned 0: the server closed the connection.")
                               .arg(step.tls ? QStringLiteral("SSL_read()") : QStringLiteral("recv()"));
    if (!step.http) {
        const QString received = FramingTr::tr("%1 received so far.").arg(byteCount(step.received));
        return step.closed ? received + QLatin1Char(' ') + closed : received;
    }
    QString state;
    const HttpResponseParser::Progress &p = step.progress;
    if (step.state == HttpResponseParser::State::Error) {
        state = step.error == HttpResponseParser::ErrorKind::Truncated
            ? FramingTr::tr("The server closed before the message's end: the reply is cut short.")
            : FramingTr::tr("The parser refused the reply here: it breaks HTTP framing.");
    } else if (step.state == HttpResponseParser::State::Complete) {
        state = step.afterEnd > 0
            ? FramingTr::tr("Complete at offset %1, and %2 after the end.").arg(offset(step.messageEnd), byteCount(step.afterEnd))
            : FramingTr::tr("Complete: the message ends at offset %1.").arg(offset(step.messageEnd));
        if (step.closed && step.framing == HttpFraming::UntilClose)
            return closed + QLatin1Char(' ') + FramingTr::tr("That ends the body: the message is complete (%1).")
                                                   .arg(byteCount(step.messageEnd));
    } else {
        switch (p.where) {
        case Where::StatusLine:
            state = FramingTr::tr("Status line incomplete.");
            break;
        case Where::Headers:
            state = FramingTr::tr("Headers: %n read, the blank line that ends them not yet.", nullptr, p.fields);
            break;
        case Where::Body:
            state = step.framing == HttpFraming::ContentLength
                ? FramingTr::tr("Body: %1 of %2.").arg(number(step.bodyBytes), byteCount(step.contentLength))
                : FramingTr::tr("Body: %1 so far, until the server closes.").arg(byteCount(step.bodyBytes));
            break;
        case Where::ChunkSizeLine:
            // Before the first chunk, the field count is still the header section's.
            state = p.chunks == 0
                ? FramingTr::tr("Headers complete (%n read), the body chunked: the first chunk's size line has not "
                                "come whole.", nullptr, p.fields)
                : FramingTr::tr("Chunk %1: its size line has not come whole.").arg(number(p.chunks + 1));
            break;
        case Where::ChunkData:
            state = FramingTr::tr("Chunk %1 (size 0x%2 = %3): %4 of %5.")
                        .arg(number(p.chunks), QString::number(p.chunkSize, 16), number(p.chunkSize),
                             number(p.chunkRead), byteCount(p.chunkSize));
            break;
        case Where::ChunkDataEnd:
            state = FramingTr::tr("Chunk %1 (size 0x%2 = %3): data complete, its CRLF not yet.")
                        .arg(number(p.chunks), QString::number(p.chunkSize, 16), number(p.chunkSize));
            break;
        case Where::Trailers:
            state = FramingTr::tr("Last chunk read: trailers, %n line(s) so far, and the final blank line not yet.",
                                  nullptr, p.fields);
            break;
        case Where::Done:
            break;
        }
    }
    return step.closed && step.state != HttpResponseParser::State::Error ? state + QLatin1Char(' ') + closed : state;
}

} // namespace SocketLab
