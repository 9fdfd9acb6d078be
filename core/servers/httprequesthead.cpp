#include "httprequesthead.h"

#include "http/httpblanks.h"

#include <algorithm>

namespace SocketLab {

namespace {

// RFC 9110 5.6.2: the characters of a token (methods, header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Visible ASCII and obs-text: anything but controls, space and DEL.
bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7f;
}

bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

HttpRequestHead::ParseResult invalid(const char *reason, int status = 400)
{
    HttpRequestHead::ParseResult result;
    result.status = status;
    result.reason = QByteArray(reason);
    return result;
}

// A Content-Length value: digits only, and small enough for qint64.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

QByteArray HttpRequestHead::value(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool HttpRequestHead::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &item : header.second.split(',')) {
            if (trimmedBlanks(item).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpRequestHead::keepAlive() const
{
    if (versionMajor != 1 || versionMinor == 0)
        return false;
    return !hasToken("Connection", "close");
}

QByteArray HttpRequestHead::path() const
{
    QByteArray result = target;
    const qsizetype schemeEnd = result.indexOf("://");
    if (!result.startsWith('/') && schemeEnd > 0) {
        const qsizetype pathStart = result.indexOf('/', schemeEnd + 3);
        result = pathStart < 0 ? QByteArray("/") : result.mid(pathStart);
    }
    const qsizetype query = result.indexOf('?');
    if (query >= 0)
        result.truncate(query);
    return result;
}

qsizetype HttpRequestHead::blankPrefixLength(QByteArrayView data)
{
    qsizetype pos = 0;
    for (;;) {
        if (data.sliced(pos).startsWith("\r\n"))
            pos += 2;
        else if (data.sliced(pos).startsWith("\n"))
            pos += 1;
        else
            return pos;
    }
}

qsizetype HttpRequestHead::headLength(QByteArrayView data, qsizetype searchFrom)
{
    // The head ends at the first empty line after the request line: "\n\r\n" or a bare "\n\n".
    const qsizetype start = blankPrefixLength(data);
    qsizetype pos = qMax(searchFrom, start);
    for (;;) {
        const qsizetype newline = data.indexOf('\n', pos);
        if (newline < 0)
            return -1;
        qsizetype next = newline + 1;
        if (next < data.size() && data[next] == '\r')
            ++next;
        if (next >= data.size())
            return -1;
        if (data[next] == '\n')
            return next + 1;
        pos = newline + 1;
    }
}

HttpRequestHead::ParseResult HttpRequestHead::parse(QByteArrayView head)
{
    head = head.sliced(blankPrefixLength(head));
    QList<QByteArrayView> lines;
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype newline = head.indexOf('\n', pos);
        if (newline < 0)
            newline = head.size();
        QByteArrayView line = head.sliced(pos, newline - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        if (line.contains('\r'))
            return invalid("A bare CR inside a line");
        lines.append(line);
        pos = newline + 1;
    }
    if (lines.isEmpty())
        return invalid("No request line");

    ParseResult result;
    HttpRequestHead &request = result.head;

    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> list;
        QByteArrayView rest = lines.first();
        for (qsizetype space; (space = rest.indexOf(' ')) >= 0;) {
            list.append(rest.first(space));
            rest = rest.sliced(space + 1);
        }
        list.append(rest);
        return list;
    }();
    if (parts.size() != 3)
        return invalid("The request line is not: method, space, target, space, version");
    if (!isToken(parts[0]))
        return invalid("The method is not a token");
    const QByteArrayView target = parts[1];
    if (target.isEmpty() || !std::all_of(target.begin(), target.end(), isTargetChar))
        return invalid("The request target is empty or holds a control character");
    if (!target.startsWith('/') && !target.contains("://") && target != "*")
        return invalid("The request target is neither a path nor an absolute URL");
    const QByteArrayView version = parts[2];
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigit(version[5]) || version[6] != '.'
        || !isDigit(version[7]))
        return invalid("The version is not HTTP/x.y");
    request.method = parts[0].toByteArray();
    request.target = target.toByteArray();
    request.versionMajor = version[5] - '0';
    request.versionMinor = version[7] - '0';
    if (request.versionMajor != 1)
        return invalid("Only HTTP/1.0 and HTTP/1.1 are served here", 505);

    int hostCount = 0;
    bool hasLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.front() == ' ' || line.front() == '\t')
            return invalid("A header line is folded (starts with a blank)");
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return invalid("A header line has no colon");
        const QByteArrayView name = line.first(colon);
        if (!isToken(name))
            return invalid("A header name is empty or not a token (a blank before the colon?)");
        const QByteArrayView value = trimmedBlanks(line.sliced(colon + 1));
        if (!std::all_of(value.begin(), value.end(), isFieldValueChar))
            return invalid("A header value holds a control character");
        request.headers.append({name.toByteArray(), value.toByteArray()});

        if (name.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hostCount;
        } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const qint64 length = parseLength(value);
            if (length < 0)
                return invalid("The Content-Length is not a number");
            if (hasLength && length != request.contentLength)
                return invalid("Two different Content-Length headers");
            hasLength = true;
            request.contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            request.chunkedBody = true;
        }
    }
    if (request.versionMinor >= 1 && hostCount == 0)
        return invalid("An HTTP/1.1 request needs a Host header");
    if (hostCount > 1)
        return invalid("More than one Host header");
    if (request.chunkedBody && hasLength)
        return invalid("Both Transfer-Encoding and Content-Length");
    return result;
}

} // namespace SocketLab
