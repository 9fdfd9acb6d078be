#include "requestretarget.h"

#include "requesthead.h"

namespace SocketLab {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The first Host header; a line that only reads "Host", with no colon, is none.
const RequestHead::Header *hostHeaderOf(const RequestHead &head)
{
    for (const RequestHead::Header &header : head.headers) {
        if (!header.valueRange.isNull() && header.name.compare("Host", Qt::CaseInsensitive) == 0)
            return &header;
    }
    return nullptr;
}

} // namespace

bool startsWithRequestLine(const QByteArray &request)
{
    return RequestHead::read(request).hasRequestLine();
}

std::optional<QByteArray> retargetRequest(const QByteArray &request, const QByteArray &hostHeader, const QByteArray &path,
                                          bool tls)
{
    const RequestHead head = RequestHead::read(request);
    if (!head.hasRequestLine())
        return std::nullopt;
    QByteArray result = request;
    // The Host header lies after the request line: changed first, the target's offsets still hold.
    if (const RequestHead::Header *host = hostHeaderOf(head)) {
        const RequestHead::Range value = host->valueRange;
        // "Host:" with nothing after it gets the space a person would type.
        const bool needsSpace = value.size == 0 && !isBlank(request.at(value.start - 1));
        result.replace(value.start, value.size, needsSpace ? ' ' + hostHeader : hostHeader);
    } else if (head.versionMajor > 1 || (head.versionMajor == 1 && head.versionMinor >= 1)) {
        qsizetype at = head.requestLine.end() + head.lineEnd.size();
        // Lines starting with a blank right after the request line would read as folds of a Host
        // line put before them: it goes after them, once they are whole.
        if (!head.headers.isEmpty() && head.headers.first().line.start == at && isBlank(request.at(at))) {
            const qsizetype lf = request.indexOf('\n', head.headers.first().line.end());
            at = lf < 0 ? -1 : lf + 1;
        }
        if (at >= 0)
            result.insert(at, "Host: " + hostHeader + head.lineEnd);
    }
    if (path.isEmpty())
        return result;
    // A target in absolute form (a request to a proxy) stays absolute: it names the new URL whole.
    const QByteArray target = head.hasAbsoluteTarget() ? (tls ? "https://" : "http://") + hostHeader + path : path;
    result.replace(head.targetRange.start, head.targetRange.size, target);
    return result;
}

std::optional<QByteArray> requestHostHeader(const QByteArray &request)
{
    const RequestHead head = RequestHead::read(request);
    if (!head.hasRequestLine())
        return std::nullopt;
    const RequestHead::Header *host = hostHeaderOf(head);
    if (!host)
        return std::nullopt;
    return host->value;
}

} // namespace SocketLab
