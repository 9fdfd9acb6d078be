#include "httpawaited.h"

#include "bytes/bytesource.h"
#include "httpresponseparser.h"

namespace SocketLab {

namespace {

// The parser refuses a larger header section anyway; the window calls this on the GUI thread.
constexpr qint64 HeadLimit = 1024 * 1024;
constexpr qint64 ReadSize = 16 * 1024;

} // namespace

HttpAwaited httpAwaited(const ByteSource &reply)
{
    HttpResponseParser parser;
    const qint64 size = reply.size();
    qint64 offset = 0;
    HttpResponseParser::State state = HttpResponseParser::State::Incomplete;
    while (offset < size && offset < HeadLimit && !parser.headersComplete()
           && state == HttpResponseParser::State::Incomplete) {
        const QByteArray bytes = reply.read(offset, std::min(ReadSize, size - offset));
        if (bytes.isEmpty())
            break;
        state = parser.feed(bytes);
        offset += bytes.size();
    }
    if (state != HttpResponseParser::State::Incomplete)
        return {};
    switch (parser.framing()) {
    case HttpFraming::Unknown:
        return {HttpAwaited::Kind::HeadEnd};
    case HttpFraming::ContentLength: {
        // What was fed past the head is body: the body began that many bytes before `offset`.
        const qint64 bodyStart = parser.consumed() - parser.bodyBytes();
        return {HttpAwaited::Kind::Bytes, std::max<qint64>(0, bodyStart + parser.contentLength() - size),
                parser.contentLength()};
    }
    case HttpFraming::Chunked:
        return {HttpAwaited::Kind::LastChunk};
    case HttpFraming::UntilClose:
        return {HttpAwaited::Kind::Close};
    case HttpFraming::NoBody:
    case HttpFraming::SwitchedProtocols:
    case HttpFraming::Tunnel:
        break;
    }
    return {};
}

} // namespace SocketLab
