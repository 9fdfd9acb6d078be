#include "requestretarget.h"

#include <QByteArrayView>

namespace SocketLab {

namespace {

// RFC 9110's tchar: what a method may be made of.
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

struct RequestLine
{
    qsizetype targetStart = 0;
    qsizetype targetEnd = 0;
    qsizetype next = 0;         // where the line after it starts
    QByteArray lineEnd;         // "\r\n" or "\n", as typed
    bool http11OrLater = false;
};

std::optional<RequestLine> parseRequestLine(const QByteArray &request)
{
    const qsizetype lf = request.indexOf('\n');
    if (lf < 0)
        return std::nullopt;
    const qsizetype end = lf > 0 && request.at(lf - 1) == '\r' ? lf - 1 : lf;
    const QByteArrayView line(request.constData(), end);
    qsizetype method = 0;
    while (method < end && isTokenChar(line.at(method)))
        ++method;
    if (method == 0 || method == end || line.at(method) != ' ')
        return std::nullopt;
    RequestLine result;
    result.targetStart = method + 1;
    result.targetEnd = line.lastIndexOf(' ');
    if (result.targetEnd <= result.targetStart)
        return std::nullopt;
    for (qsizetype i = result.targetStart; i < result.targetEnd; ++i) {
        const auto c = uchar(line.at(i));
        if (c <= ' ' || c == 0x7f)
            return std::nullopt;
    }
    const QByteArrayView version = line.sliced(result.targetEnd + 1);
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigit(version.at(5)) || version.at(6) != '.'
        || !isDigit(version.at(7)))
        return std::nullopt;
    result.http11OrLater = version.at(5) > '1' || (version.at(5) == '1' && version.at(7) >= '1');
    result.next = lf + 1;
    result.lineEnd = request.mid(end, lf + 1 - end);
    return result;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Where the value of the first Host header lies, its surrounding blanks excluded; [-1, -1) if none.
std::pair<qsizetype, qsizetype> hostValue(const QByteArray &request, qsizetype headersStart)
{
    qsizetype start = headersStart;
    while (start < request.size()) {
        qsizetype lf = request.indexOf('\n', start);
        if (lf < 0)
            lf = request.size();
        const qsizetype end = lf > start && request.at(lf - 1) == '\r' ? lf - 1 : lf;
        if (end == start)
            break; // the blank line: the body follows
        const QByteArrayView line(request.constData() + start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("Host", Qt::CaseInsensitive) == 0) {
            qsizetype valueStart = start + colon + 1;
            while (valueStart < end && isBlank(request.at(valueStart)))
                ++valueStart;
            qsizetype valueEnd = end;
            while (valueEnd > valueStart && isBlank(request.at(valueEnd - 1)))
                --valueEnd;
            return {valueStart, valueEnd};
        }
        start = lf + 1;
    }
    return {-1, -1};
}

} // namespace

bool startsWithRequestLine(const QByteArray &request)
{
    return parseRequestLine(request).has_value();
}

std::optional<QByteArray> retargetRequest(const QByteArray &request, const QByteArray &hostHeader, const QByteArray &path)
{
    const std::optional<RequestLine> line = parseRequestLine(request);
    if (!line)
        return std::nullopt;
    QByteArray result = request;
    // The Host header lies after the request line: changed first, the target's offsets still hold.
    const auto [valueStart, valueEnd] = hostValue(request, line->next);
    if (valueStart >= 0) {
        // "Host:" with nothing after it gets the space a person would type.
        const bool needsSpace = valueStart == valueEnd && !isBlank(request.at(valueStart - 1));
        result.replace(valueStart, valueEnd - valueStart, needsSpace ? ' ' + hostHeader : hostHeader);
    } else if (line->http11OrLater) {
        result.insert(line->next, "Host: " + hostHeader + line->lineEnd);
    }
    if (!path.isEmpty())
        result.replace(line->targetStart, line->targetEnd - line->targetStart, path);
    return result;
}

std::optional<QByteArray> requestHostHeader(const QByteArray &request)
{
    const std::optional<RequestLine> line = parseRequestLine(request);
    if (!line)
        return std::nullopt;
    const auto [valueStart, valueEnd] = hostValue(request, line->next);
    if (valueStart < 0)
        return std::nullopt;
    return request.mid(valueStart, valueEnd - valueStart);
}

} // namespace SocketLab
