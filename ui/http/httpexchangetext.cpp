#include "httpexchangetext.h"

#include "text/stoptext.h"

#include <QCoreApplication>
#include <QLocale>

#include <limits>

namespace SocketLab {

namespace {

struct HttpExchangeTr
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::HttpExchangeText)
};

QString number(qint64 n)
{
    return QLocale().toString(n);
}

int clampToInt(qint64 n)
{
    return int(std::min<qint64>(n, std::numeric_limits<int>::max()));
}

} // namespace

namespace HttpExchangeText {

QString framing(const HttpMessage &message)
{
    switch (message.framing) {
    case HttpFraming::Unknown: return message.complete ? QString() : HttpExchangeTr::tr("not known yet");
    case HttpFraming::NoBody: return HttpExchangeTr::tr("no body");
    case HttpFraming::ContentLength: return HttpExchangeTr::tr("Content-Length %1").arg(number(message.contentLength));
    case HttpFraming::Chunked:
        return HttpExchangeTr::tr("chunked, %Ln chunk(s)", nullptr, clampToInt(message.chunkCount));
    case HttpFraming::UntilClose: return HttpExchangeTr::tr("until the close");
    case HttpFraming::SwitchedProtocols: return HttpExchangeTr::tr("protocol switched");
    case HttpFraming::Tunnel: return HttpExchangeTr::tr("tunnel");
    }
    return {};
}

QString framingReason(const HttpConversationExchange &exchange, bool request)
{
    const HttpMessage &message = request ? exchange.request : exchange.response;
    switch (message.framing) {
    case HttpFraming::Unknown:
        return message.head.length > 0 ? HttpExchangeTr::tr("The end of the body cannot be told.")
                                       : HttpExchangeTr::tr("The head is not complete yet: the framing is not known.");
    case HttpFraming::NoBody:
        if (request)
            return HttpExchangeTr::tr("No body: the request has neither Content-Length nor Transfer-Encoding.");
        if (exchange.method == "HEAD")
            return HttpExchangeTr::tr("No body: a response to HEAD has none, whatever its headers say.");
        return HttpExchangeTr::tr("No body: a %1 response has none.").arg(exchange.status);
    case HttpFraming::ContentLength:
        return HttpExchangeTr::tr("Content-Length: the body is %1.").arg(byteCount(message.contentLength));
    case HttpFraming::Chunked:
        return HttpExchangeTr::tr("Transfer-Encoding: chunked: the body comes in chunks, until one of size 0.");
    case HttpFraming::UntilClose:
        return HttpExchangeTr::tr("Neither Content-Length nor chunked: the body runs until the server closes.");
    case HttpFraming::SwitchedProtocols:
        return HttpExchangeTr::tr("101 Switching Protocols: the message ends with its head; what follows is the new "
                                  "protocol's.");
    case HttpFraming::Tunnel:
        return HttpExchangeTr::tr("A 2xx response to CONNECT: the message ends with its head; what follows is the "
                                  "tunnel's.");
    }
    return {};
}

QString status(const HttpConversationExchange &exchange)
{
    if (!exchange.hasResponse)
        return {};
    if (exchange.status == 0)
        return QStringLiteral("…");
    return QStringLiteral("%1 %2").arg(exchange.status).arg(QString::fromLatin1(exchange.reasonPhrase));
}

QString problem(const HttpStreamProblem &problem, bool client)
{
    const QString at = number(problem.offset);
    using Kind = HttpStreamProblem::Kind;
    switch (problem.kind) {
    case Kind::None: return {};
    case Kind::NotHttp:
        return client ? HttpExchangeTr::tr("Not HTTP: the client's first bytes are no HTTP request line.")
                      : HttpExchangeTr::tr("Not HTTP: the server spoke first, and not with an HTTP status line.");
    case Kind::BadRequestHead:
        return HttpExchangeTr::tr("The client's bytes stop reading as HTTP at byte %1: %2.")
            .arg(at, requestDeviation(problem.requestDeviation));
    case Kind::RequestHeadTooLarge:
        return HttpExchangeTr::tr("The request head from byte %1 has no end within %2: reading stopped.")
            .arg(at, byteCount(RequestHead::MaxSize));
    case Kind::RequestTransferEncoding:
        return HttpExchangeTr::tr("The request's Transfer-Encoding at byte %1 does not end with chunked: its end "
                                  "cannot be told (RFC 9112 section 6.3).")
            .arg(at);
    case Kind::BadMessage:
        return client ? HttpExchangeTr::tr("Malformed chunked request body at byte %1: %2.").arg(at, responseError(problem.responseError))
                      : HttpExchangeTr::tr("Malformed response at byte %1: %2.").arg(at, responseError(problem.responseError));
    case Kind::ResponseWithoutRequest:
        return HttpExchangeTr::tr("At byte %1 the server sent a response no request asked for.").arg(at);
    case Kind::SwitchedProtocols:
        return client ? HttpExchangeTr::tr("From byte %1 the client's bytes are another protocol's (or a tunnel's).").arg(at)
                      : HttpExchangeTr::tr("From byte %1 the server's bytes are another protocol's (or a tunnel's).").arg(at);
    }
    return {};
}

QString requestDeviation(RequestHead::DeviationKind kind)
{
    using Kind = RequestHead::DeviationKind;
    switch (kind) {
    case Kind::BlankLinesBefore: return HttpExchangeTr::tr("empty lines before the request line");
    case Kind::BareLineFeed: return HttpExchangeTr::tr("a line ends in LF without CR");
    case Kind::BareCarriageReturn: return HttpExchangeTr::tr("a bare CR inside a line");
    case Kind::RequestLineShape: return HttpExchangeTr::tr("the request line is not: method, space, target, space, version");
    case Kind::MethodNotToken: return HttpExchangeTr::tr("the method is not a token");
    case Kind::TargetCharacter: return HttpExchangeTr::tr("the request target holds a control character");
    case Kind::TargetForm: return HttpExchangeTr::tr("the request target is neither a path nor an absolute URL");
    case Kind::VersionSyntax: return HttpExchangeTr::tr("the version is not HTTP/x.y");
    case Kind::ObsoleteFolding: return HttpExchangeTr::tr("a header line is folded (starts with a blank)");
    case Kind::HeaderWithoutColon: return HttpExchangeTr::tr("a header line has no colon");
    case Kind::HeaderNameNotToken: return HttpExchangeTr::tr("a header name is empty or not a token");
    case Kind::HeaderValueCharacter: return HttpExchangeTr::tr("a header value holds a control character");
    case Kind::MissingHost: return HttpExchangeTr::tr("an HTTP/1.1 request without Host");
    case Kind::DuplicateHost: return HttpExchangeTr::tr("more than one Host header");
    case Kind::ContentLengthSyntax: return HttpExchangeTr::tr("Content-Length is not a plain number");
    case Kind::ContentLengthConflict: return HttpExchangeTr::tr("two Content-Length headers disagree");
    case Kind::ContentLengthWithTransferEncoding:
        return HttpExchangeTr::tr("both Content-Length and Transfer-Encoding: chunked wins");
    }
    return {};
}

QString responseDeviation(HttpDeviation kind)
{
    switch (kind) {
    case HttpDeviation::BareLf: return HttpExchangeTr::tr("a line ends in LF without CR");
    case HttpDeviation::NoReasonPhrase: return HttpExchangeTr::tr("the status line has no reason phrase");
    case HttpDeviation::DuplicateContentLength: return HttpExchangeTr::tr("Content-Length sent twice, the same");
    case HttpDeviation::ObsoleteLineFolding: return HttpExchangeTr::tr("a header line is folded (starts with a blank)");
    case HttpDeviation::ContentLengthWithChunked:
        return HttpExchangeTr::tr("both Content-Length and Transfer-Encoding: chunked wins");
    case HttpDeviation::InterimResponse: return HttpExchangeTr::tr("an interim (1xx) response came first");
    case HttpDeviation::ExtraDataAfterMessage: return HttpExchangeTr::tr("bytes after the end of the message");
    case HttpDeviation::EmptyLineBeforeStatusLine: return HttpExchangeTr::tr("an empty line before the status line");
    case HttpDeviation::UnusualHttpVersion: return HttpExchangeTr::tr("an unusual HTTP version");
    case HttpDeviation::BareCr: return HttpExchangeTr::tr("a bare CR inside a line");
    case HttpDeviation::ControlCharacterInValue: return HttpExchangeTr::tr("a header value holds a control character");
    case HttpDeviation::BlankBeforeChunkLineEnd: return HttpExchangeTr::tr("blanks before a chunk size line's CRLF");
    case HttpDeviation::EmptyChunkExtension: return HttpExchangeTr::tr("a \";\" with no chunk extension name after it");
    case HttpDeviation::TransferEncodingNotChunked:
        return HttpExchangeTr::tr("Transfer-Encoding does not end with chunked: the body runs until the close");
    }
    return {};
}

QString responseError(HttpResponseParser::ErrorKind kind)
{
    using Kind = HttpResponseParser::ErrorKind;
    switch (kind) {
    case Kind::BadStatusLine: return HttpExchangeTr::tr("the status line is not \"HTTP/x.y code reason\"");
    case Kind::BadVersion: return HttpExchangeTr::tr("the version is not a digit, a dot and a digit");
    case Kind::BadStatusCode: return HttpExchangeTr::tr("the status code is not three digits");
    case Kind::BadHeaderLine: return HttpExchangeTr::tr("a header line has no colon, or a blank before its colon");
    case Kind::HeaderSectionTooLarge: return HttpExchangeTr::tr("the header section is too large");
    case Kind::TooManyHeaders: return HttpExchangeTr::tr("there are too many header lines");
    case Kind::BadContentLength: return HttpExchangeTr::tr("Content-Length is not a plain number");
    case Kind::ConflictingContentLength: return HttpExchangeTr::tr("two Content-Length headers disagree");
    case Kind::BadChunkSize: return HttpExchangeTr::tr("a chunk size is not a hexadecimal number");
    case Kind::ChunkSizeTooLong: return HttpExchangeTr::tr("a chunk size has too many digits");
    case Kind::BadChunkDataEnd: return HttpExchangeTr::tr("a chunk's data is not followed by CRLF");
    case Kind::Truncated: return HttpExchangeTr::tr("the connection ended before the end of the message");
    case Kind::None: break;
    }
    return {};
}

} // namespace HttpExchangeText

} // namespace SocketLab
