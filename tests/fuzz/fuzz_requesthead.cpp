// libFuzzer target for RequestHead, the one reader of HTTP request heads: the embedded servers
// read what any client sends with it. The first byte chooses how the rest is split into the pieces
// a server receives; the rest is the bytes. Every split must find the head a whole read finds, the
// reader's promises (ranges inside the bytes, deviations in order, nothing read past MaxSize) must
// hold, and the callers that rebuild a typed request must keep it a request.
#include "http/linkrequest.h"
#include "http/requesthead.h"
#include "http/requestretarget.h"
#include "servers/httpdemosite.h"

#include <cstdint>
#include <cstdlib>

using namespace SocketLab;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void requireInside(RequestHead::Range range, qsizetype size)
{
    require(range.isNull() || (range.size >= 0 && range.end() <= size));
}

QByteArray summary(const RequestHead &head)
{
    QByteArray out = head.method + '|' + head.target + '|' + head.version + '|' + head.lineEnd + '|'
                     + QByteArray::number(head.length) + '|' + QByteArray::number(head.contentLength)
                     + (head.transferEncoded ? "|te" : "|");
    for (const RequestHead::Header &header : head.headers)
        out += '\n' + header.name + ':' + header.value + '@' + QByteArray::number(header.line.start);
    for (const RequestHead::Deviation &deviation : head.deviations)
        out += '!' + QByteArray::number(int(deviation.kind)) + '@' + QByteArray::number(deviation.offset);
    return out;
}

// The head's length as ListenerWorker finds it, the bytes arriving in pieces of a size the seed
// picks: -1 when no piece completes it.
qsizetype lengthInPieces(QByteArrayView bytes, uint8_t seed)
{
    const qsizetype step = 1 + seed % 7;
    qsizetype searchedUpTo = 0;
    for (qsizetype received = qMin(step, bytes.size());; received = qMin(received + step + seed % 3, bytes.size())) {
        const qsizetype length = RequestHead::headLength(bytes.first(received), searchedUpTo);
        if (length >= 0 || received == bytes.size())
            return length;
        searchedUpTo = qMax<qsizetype>(0, received - 3);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t seed = data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const RequestHead head = RequestHead::read(bytes);
    const qsizetype seen = qMin(bytes.size(), RequestHead::MaxSize);
    requireInside(head.blankLines, seen);
    requireInside(head.requestLine, seen);
    requireInside(head.methodRange, seen);
    requireInside(head.targetRange, seen);
    requireInside(head.versionRange, seen);
    require(head.length <= seen);
    require(head.tooLarge == (head.length < 0 && bytes.size() >= RequestHead::MaxSize));
    for (const RequestHead::Header &header : head.headers) {
        requireInside(header.line, seen);
        requireInside(header.valueRange, seen);
        require(header.valueRange.isNull()
                || (header.valueRange.start >= header.line.start && header.valueRange.end() <= header.line.end()));
    }
    for (qsizetype i = 0; i < head.deviations.size(); ++i) {
        require(head.deviations[i].offset >= 0 && head.deviations[i].offset <= seen);
        require(i == 0 || head.deviations[i - 1].offset <= head.deviations[i].offset);
        require(!RequestHead::describe(head.deviations[i].kind).isEmpty());
    }
    if (!head.requestLine.isNull()) {
        require(bytes.mid(head.methodRange.start, head.methodRange.size) == head.method);
        if (!head.targetRange.isNull())
            require(bytes.mid(head.targetRange.start, head.targetRange.size) == head.target);
    }

    // The server's way (the end found piece by piece, then the head read) and a whole read agree.
    const qsizetype whole = RequestHead::headLength(bytes);
    require(lengthInPieces(bytes, seed) == whole);
    require(head.length == (whole <= RequestHead::MaxSize ? whole : -1));
    if (head.length >= 0) {
        const RequestHead alone = RequestHead::read(QByteArrayView(bytes).first(head.length));
        require(summary(alone) == summary(head));
        const HttpDemoSite::Refusal refusal = HttpDemoSite::refusal(alone);
        require(refusal.status == 0 || refusal.status == 400 || refusal.status == 505);
        require(refusal.status != 0 || (alone.versionMajor == 1 && !alone.firstFatal()));
    }

    // The editor's and the link clicks' readings of the same bytes.
    const bool isRequest = startsWithRequestLine(bytes);
    require(isRequest == head.hasRequestLine());
    const std::optional<QByteArray> retargeted = retargetRequest(bytes, "h:1", "/p", seed & 1);
    require(retargeted.has_value() == isRequest);
    if (retargeted && bytes.size() < RequestHead::MaxSize / 2) {
        require(startsWithRequestLine(*retargeted));
        const std::optional<QByteArray> host = requestHostHeader(*retargeted);
        require(!host || *host == "h:1");
    }
    requestedUrl({QStringLiteral("127.0.0.1"), 8080, bytes});
    return 0;
}
