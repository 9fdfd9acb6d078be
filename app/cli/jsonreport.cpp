#include "jsonreport.h"

#include "bytes/bytestore.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "http/httpbodydecoder.h"
#include "http/httpresponseparser.h"
#include "net/resolver.h"
#include "net/trace.h"
#include "text/jsonfields.h"
#include "text/stoptext.h"
#include "text/tlstext.h"

#include <QJsonArray>

namespace SocketLab::Cli {

using namespace JsonFields;

namespace {

QJsonArray segmentsJson(const QList<Segment> &segments)
{
    QJsonArray array;
    for (const Segment &segment : segments)
        array.append(QJsonObject{{QStringLiteral("offset"), segment.offset},
                                 {QStringLiteral("length"), segment.length},
                                 {QStringLiteral("t_ms"), ms(segment.timeUs)}});
    return array;
}

QString stopCode(StopReason reason)
{
    switch (reason) {
    case StopReason::PeerClosed: return QStringLiteral("peer_closed");
    case StopReason::HttpComplete: return QStringLiteral("http_complete");
    case StopReason::ByteCountReached: return QStringLiteral("bytes_reached");
    case StopReason::Idle: return QStringLiteral("idle");
    case StopReason::Timeout: return QStringLiteral("timeout");
    case StopReason::SizeCap: return QStringLiteral("size_cap");
    case StopReason::Cancelled: return QStringLiteral("cancelled");
    case StopReason::Stopped: return QStringLiteral("stopped");
    case StopReason::Error: return QStringLiteral("error");
    case StopReason::Malformed: return QStringLiteral("malformed");
    case StopReason::WaitElapsed: return QStringLiteral("wait_elapsed");
    case StopReason::DatagramCountReached: return QStringLiteral("count_reached");
    }
    return {};
}

QString framingCode(HttpFraming framing)
{
    switch (framing) {
    case HttpFraming::Unknown: return QStringLiteral("unknown");
    case HttpFraming::NoBody: return QStringLiteral("no-body");
    case HttpFraming::ContentLength: return QStringLiteral("content-length");
    case HttpFraming::Chunked: return QStringLiteral("chunked");
    case HttpFraming::UntilClose: return QStringLiteral("until-close");
    case HttpFraming::SwitchedProtocols: return QStringLiteral("switched-protocols");
    case HttpFraming::Tunnel: return QStringLiteral("tunnel");
    }
    return {};
}

QString deviationCode(HttpDeviation deviation)
{
    switch (deviation) {
    case HttpDeviation::BareLf: return QStringLiteral("bare_lf");
    case HttpDeviation::NoReasonPhrase: return QStringLiteral("no_reason_phrase");
    case HttpDeviation::DuplicateContentLength: return QStringLiteral("duplicate_content_length");
    case HttpDeviation::ObsoleteLineFolding: return QStringLiteral("obsolete_line_folding");
    case HttpDeviation::ContentLengthWithChunked: return QStringLiteral("content_length_with_chunked");
    case HttpDeviation::InterimResponse: return QStringLiteral("interim_response");
    case HttpDeviation::ExtraDataAfterMessage: return QStringLiteral("extra_data_after_message");
    case HttpDeviation::EmptyLineBeforeStatusLine: return QStringLiteral("empty_line_before_status_line");
    case HttpDeviation::UnusualHttpVersion: return QStringLiteral("unusual_http_version");
    case HttpDeviation::BareCr: return QStringLiteral("bare_cr");
    case HttpDeviation::ControlCharacterInValue: return QStringLiteral("control_character_in_value");
    case HttpDeviation::BlankBeforeChunkLineEnd: return QStringLiteral("blank_before_chunk_line_end");
    case HttpDeviation::EmptyChunkExtension: return QStringLiteral("empty_chunk_extension");
    case HttpDeviation::TransferEncodingNotChunked: return QStringLiteral("transfer_encoding_not_chunked");
    }
    return {};
}

QString httpErrorCode(HttpResponseParser::ErrorKind kind)
{
    using E = HttpResponseParser::ErrorKind;
    switch (kind) {
    case E::None: return {};
    case E::BadStatusLine: return QStringLiteral("bad_status_line");
    case E::BadVersion: return QStringLiteral("bad_version");
    case E::BadStatusCode: return QStringLiteral("bad_status_code");
    case E::BadHeaderLine: return QStringLiteral("bad_header_line");
    case E::HeaderSectionTooLarge: return QStringLiteral("header_section_too_large");
    case E::TooManyHeaders: return QStringLiteral("too_many_headers");
    case E::BadContentLength: return QStringLiteral("bad_content_length");
    case E::ConflictingContentLength: return QStringLiteral("conflicting_content_length");
    case E::BadChunkSize: return QStringLiteral("bad_chunk_size");
    case E::ChunkSizeTooLong: return QStringLiteral("chunk_size_too_long");
    case E::BadChunkDataEnd: return QStringLiteral("bad_chunk_data_end");
    case E::Truncated: return QStringLiteral("truncated");
    }
    return {};
}

QString bodyDeviationCode(ContentDecoder::ErrorKind kind)
{
    using E = ContentDecoder::ErrorKind;
    switch (kind) {
    case E::None:
    case E::OutputLimitReached: return {};
    case E::UnknownEncoding: return QStringLiteral("unknown_content_encoding");
    case E::StackedEncodings: return QStringLiteral("stacked_content_encodings");
    case E::DecoderFailed: return QStringLiteral("decoder_failed");
    case E::CorruptData: return QStringLiteral("corrupt_encoded_data");
    case E::Truncated: return QStringLiteral("truncated_encoded_data");
    case E::DataAfterEnd: return QStringLiteral("data_after_encoded_end");
    }
    return {};
}

// Decoding problems join the parser's deviations: a coding left undone is marked at its header's line,
// the others where decoding stopped.
void appendBodyDeviations(QJsonArray &deviations, const HttpBody &body, const HttpResponseParser &http)
{
    if (body.error != ContentDecoder::ErrorKind::None) {
        qint64 offset = body.errorReplyOffset;
        if (body.undecodable()) {
            for (const HttpHeader &header : http.headers()) {
                if (header.name.compare("Content-Encoding", Qt::CaseInsensitive) == 0) {
                    offset = header.range.offset;
                    break;
                }
            }
        }
        deviations.append(QJsonObject{{QStringLiteral("kind"), bodyDeviationCode(body.error)},
                                      {QStringLiteral("offset"), offset}});
    }
    if (body.capReached)
        deviations.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("decoded_body_cap")},
                                      {QStringLiteral("offset"), body.capReplyOffset}});
}

QJsonValue httpJson(const std::shared_ptr<const HttpResponseParser> &http, const HttpBody *body)
{
    if (!http)
        return QJsonValue::Null;
    QJsonArray headers;
    for (const HttpHeader &header : http->headers())
        headers.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(header.name)},
                                   {QStringLiteral("value"), QString::fromLatin1(header.value)},
                                   {QStringLiteral("offset"), header.range.offset},
                                   {QStringLiteral("length"), header.range.length}});
    QJsonArray deviations;
    for (const HttpDeviationNote &note : http->deviations())
        deviations.append(QJsonObject{{QStringLiteral("kind"), deviationCode(note.kind)},
                                      {QStringLiteral("offset"), note.offset}});
    if (body)
        appendBodyDeviations(deviations, *body, *http);
    QJsonArray interim;
    for (int status : http->interimStatuses())
        interim.append(status);
    const bool failed = http->state() == HttpResponseParser::State::Error;
    return QJsonObject{
        {QStringLiteral("version"), QString::fromLatin1(http->version())},
        {QStringLiteral("status"), http->statusCode()},
        {QStringLiteral("reason"), QString::fromLatin1(http->reasonPhrase())},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("framing"), framingCode(http->framing())},
        {QStringLiteral("content_length"), http->contentLength()},
        {QStringLiteral("body_bytes"), http->bodyBytes()},
        {QStringLiteral("decoded_bytes"), body ? QJsonValue(body->decodedBytes) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("content_encoding"), body ? nullIfEmpty(body->contentEncoding) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("charset"), body ? nullIfEmpty(body->charset) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("complete"), http->state() == HttpResponseParser::State::Complete},
        {QStringLiteral("message_end"), http->messageEnd()},
        {QStringLiteral("interim_statuses"), interim},
        {QStringLiteral("deviations"), deviations},
        {QStringLiteral("error"), failed ? QJsonValue(QJsonObject{{QStringLiteral("code"), httpErrorCode(http->error())},
                                                                  {QStringLiteral("offset"), http->errorOffset()}})
                                         : QJsonValue(QJsonValue::Null)}};
}

QJsonObject stopJson(const StopInfo &stop)
{
    return QJsonObject{{QStringLiteral("reason"), stopCode(stop.reason)},
                       {QStringLiteral("detail"), describeStop(stop)}};
}

} // namespace

QJsonObject tcpReport(const TcpResult &result, const QString &host, const ByteSink &sink, const ByteStore *store,
                      const Trace &trace, const HttpBody *body)
{
    // TCP's own: the TLS handshake's end, and a reply that ended without close_notify.
    QJsonObject timings = timingsJson(result.timings);
    timings.insert(QStringLiteral("tls_ms"), ms(result.timings.tlsUs));
    QJsonObject stop = stopJson(result.stop);
    stop.insert(QStringLiteral("possibly_truncated"), result.stop.closeNotifyMissing);
    return QJsonObject{{QStringLiteral("transport"), QStringLiteral("tcp")},
                       {QStringLiteral("resolved"), rowsJson(result.resolved)},
                       {QStringLiteral("attempts"), attemptsJson(result.attempts)},
                       {QStringLiteral("connected_to"), addressJson(result.connectedTo)},
                       {QStringLiteral("local"), addressJson(result.local)},
                       {QStringLiteral("sockopts"), socketOptionsJson(result.socketOptions)},
                       {QStringLiteral("sent_bytes"), result.sentBytes},
                       {QStringLiteral("received_bytes"), result.receivedBytes},
                       {QStringLiteral("segments"), segmentsJson(sink.segments())},
                       {QStringLiteral("stop"), stop},
                       {QStringLiteral("error"), errorJson(result.error, TlsText::failureSentence(result, host))},
                       {QStringLiteral("timings"), timings},
                       {QStringLiteral("trace"), traceJson(trace)},
                       {QStringLiteral("tls"), tlsJson(result.tls, host)},
                       {QStringLiteral("http"), httpJson(result.http, body)},
                       {QStringLiteral("data_base64"), base64(store, 0, result.receivedBytes)}};
}

QJsonObject udpReport(const UdpResult &result, const ByteSink &sink, const ByteStore *store, const Trace &trace)
{
    QJsonArray datagrams;
    const QList<Segment> segments = sink.segments();
    for (qsizetype i = 0; i < result.datagrams.size(); ++i) {
        const Datagram &datagram = result.datagrams.at(i);
        const Segment segment = i < segments.size() ? segments.at(i) : Segment{};
        datagrams.append(QJsonObject{{QStringLiteral("from"), addressJson(datagram.from)},
                                     {QStringLiteral("size"), datagram.size},
                                     {QStringLiteral("kept"), datagram.kept},
                                     {QStringLiteral("truncated"), datagram.truncated},
                                     {QStringLiteral("t_ms"), ms(datagram.timeUs)},
                                     {QStringLiteral("data_base64"), base64(store, segment.offset, segment.length)}});
    }
    return QJsonObject{{QStringLiteral("transport"), QStringLiteral("udp")},
                       {QStringLiteral("resolved"), rowsJson(result.resolved)},
                       {QStringLiteral("target"), addressJson(result.target)},
                       {QStringLiteral("local"), addressJson(result.local)},
                       {QStringLiteral("sockopts"), socketOptionsJson(result.socketOptions)},
                       {QStringLiteral("sent_bytes"), result.sentBytes},
                       {QStringLiteral("received_bytes"), result.receivedBytes},
                       {QStringLiteral("datagrams"), datagrams},
                       {QStringLiteral("kernel_drops"), result.kernelDrops ? QJsonValue(*result.kernelDrops) : QJsonValue()},
                       {QStringLiteral("segments"), segmentsJson(segments)},
                       {QStringLiteral("stop"), stopJson(result.stop)},
                       {QStringLiteral("error"), errorJson(result.error)},
                       {QStringLiteral("timings"), timingsJson(result.timings)},
                       {QStringLiteral("trace"), traceJson(trace)}};
}

QJsonObject resolveReport(const ResolveQuery &query, const ResolveResult &result)
{
    const QJsonObject queryJson{{QStringLiteral("host"), query.host},
                                {QStringLiteral("service"), query.service},
                                {QStringLiteral("family"), familyName(query.family)},
                                {QStringLiteral("socktype"), socketTypeName(query.socketType)},
                                {QStringLiteral("protocol"), query.protocol},
                                {QStringLiteral("flags"), flagsToString(addrInfoFlags(), query.flags)}};
    return QJsonObject{{QStringLiteral("query"), queryJson},
                       {QStringLiteral("resolved"), rowsJson(result.rows)},
                       {QStringLiteral("error"), errorJson(result.error)},
                       {QStringLiteral("elapsed_ms"), ms(result.elapsedUs)}};
}

QJsonObject reverseReport(const NameInfoResult &result, const QString &address, int port, int flags)
{
    const QJsonObject queryJson{{QStringLiteral("address"), address},
                                {QStringLiteral("port"), port},
                                {QStringLiteral("flags"), flagsToString(nameInfoFlags(), flags)}};
    return QJsonObject{{QStringLiteral("query"), queryJson},
                       {QStringLiteral("host"), result.error.isError() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.host)},
                       {QStringLiteral("service"), result.error.isError() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.service)},
                       {QStringLiteral("numeric_fallback"), result.hostIsNumeric},
                       {QStringLiteral("error"), errorJson(result.error)},
                       {QStringLiteral("elapsed_ms"), ms(result.elapsedUs)}};
}

} // namespace SocketLab::Cli
