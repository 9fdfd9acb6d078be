#include "requesthead.h"

#include "httpblanks.h"

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

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

// The offset of the first byte of text that is not a token character, or -1 when it is a token.
qsizetype firstNonToken(QByteArrayView text)
{
    const auto bad = std::find_if_not(text.begin(), text.end(), isTokenChar);
    return bad == text.end() ? -1 : bad - text.begin();
}

// A Content-Length value: digits only, and small enough for qint64.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), isDigit))
        return -1;
    qint64 value = 0;
    for (const char c : text)
        value = value * 10 + (c - '0');
    return value;
}

// The blanks around a part of data, dropped: its range then.
RequestHead::Range trimmedRange(QByteArrayView data, qsizetype start, qsizetype end)
{
    while (start < end && isBlank(data[start]))
        ++start;
    while (end > start && isBlank(data[end - 1]))
        --end;
    return {start, end - start};
}

QByteArray bytesOf(QByteArrayView data, RequestHead::Range range)
{
    return data.sliced(range.start, range.size).toByteArray();
}

class Reader
{
public:
    Reader(QByteArrayView data, RequestHead &head)
        : m_data(data)
        , m_head(head)
    {
    }

    void read();

private:
    // One line of the head: [start, contentEnd) is its text, next where the line after it starts.
    struct Line
    {
        qsizetype start = 0;
        qsizetype contentEnd = 0;
        qsizetype next = 0;
        bool complete = false;  // its LF is in the data
        bool bareLf = false;
    };

    Line lineAt(qsizetype start) const;
    void deviate(RequestHead::DeviationKind kind, qsizetype offset) { m_head.deviations.append({kind, offset}); }
    void flagBareCrs(const Line &line);
    void readRequestLine(const Line &line);
    void readHeaderLine(const Line &line);
    void checkFraming();

    QByteArrayView m_data;
    RequestHead &m_head;
    qsizetype m_emptyLine = -1;  // where the empty line that ends the head starts
};

Reader::Line Reader::lineAt(qsizetype start) const
{
    Line line;
    line.start = start;
    const qsizetype lf = m_data.indexOf('\n', start);
    line.complete = lf >= 0;
    const qsizetype end = line.complete ? lf : m_data.size();
    line.next = line.complete ? lf + 1 : m_data.size();
    // A CR last in the data may be the first half of a CRLF still on its way: not part of the text.
    line.contentEnd = end > start && m_data[end - 1] == '\r' ? end - 1 : end;
    line.bareLf = line.complete && line.contentEnd == end;
    return line;
}

void Reader::flagBareCrs(const Line &line)
{
    // Searched in the line only: a search to the end of the data for each line would be quadratic.
    const QByteArrayView text = m_data.sliced(line.start, line.contentEnd - line.start);
    for (qsizetype cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1))
        deviate(RequestHead::DeviationKind::BareCarriageReturn, line.start + cr);
}

void Reader::read()
{
    const qsizetype blank = RequestHead::blankPrefixLength(m_data);
    if (blank > 0) {
        m_head.blankLines = {0, blank};
        deviate(RequestHead::DeviationKind::BlankLinesBefore, 0);
    }
    const Line requestLine = lineAt(blank);
    // Nothing is said of a request line before it is whole: its last word may still be coming.
    if (!requestLine.complete)
        return;
    readRequestLine(requestLine);
    for (qsizetype pos = requestLine.next; pos < m_data.size();) {
        const Line line = lineAt(pos);
        if (line.contentEnd == line.start) {
            if (line.complete) {
                m_emptyLine = line.start;
                m_head.length = line.next;
            }
            break;
        }
        readHeaderLine(line);
        pos = line.next;
    }
    checkFraming();
}

void Reader::readRequestLine(const Line &line)
{
    using Kind = RequestHead::DeviationKind;
    m_head.requestLine = {line.start, line.contentEnd - line.start};
    m_head.lineEnd = line.bareLf ? QByteArrayLiteral("\n") : QByteArrayLiteral("\r\n");
    const QByteArrayView text = m_data.sliced(line.start, line.contentEnd - line.start);
    const qsizetype firstSpace = text.indexOf(' ');
    const qsizetype lastSpace = text.lastIndexOf(' ');

    const qsizetype methodEnd = firstSpace < 0 ? text.size() : firstSpace;
    m_head.methodRange = {line.start, methodEnd};
    m_head.method = bytesOf(m_data, m_head.methodRange);
    if (const qsizetype bad = firstNonToken(m_head.method); bad >= 0 || m_head.method.isEmpty())
        deviate(Kind::MethodNotToken, line.start + qMax<qsizetype>(bad, 0));
    if (firstSpace < 0 || firstSpace == lastSpace) {
        if (firstSpace >= 0) {
            m_head.targetRange = {line.start + firstSpace + 1, text.size() - firstSpace - 1};
            m_head.target = bytesOf(m_data, m_head.targetRange);
        }
        deviate(Kind::RequestLineShape, line.contentEnd);
        flagBareCrs(line);
        return;
    }

    m_head.targetRange = {line.start + firstSpace + 1, lastSpace - firstSpace - 1};
    m_head.target = bytesOf(m_data, m_head.targetRange);
    const QByteArrayView target = m_head.target;
    if (const qsizetype space = target.indexOf(' '); space >= 0 || target.isEmpty()) {
        // Two spaces in a row, or a target with a space in it.
        deviate(Kind::RequestLineShape, m_head.targetRange.start + qMax<qsizetype>(space, 0));
    } else if (const auto control = std::find_if(target.begin(), target.end(), isControl); control != target.end()) {
        deviate(Kind::TargetCharacter, m_head.targetRange.start + (control - target.begin()));
    } else {
        // Origin form, absolute form, asterisk form, or authority form for CONNECT (RFC 9112 3.2).
        const bool authority = m_head.method == "CONNECT" && !target.contains('/') && target.contains(':');
        if (!target.startsWith('/') && !target.contains("://") && target != "*" && !authority)
            deviate(Kind::TargetForm, m_head.targetRange.start);
    }

    m_head.versionRange = {line.start + lastSpace + 1, text.size() - lastSpace - 1};
    m_head.version = bytesOf(m_data, m_head.versionRange);
    const QByteArrayView version = m_head.version;
    if (version.size() == 8 && version.startsWith("HTTP/") && isDigit(version[5]) && version[6] == '.' && isDigit(version[7])) {
        m_head.versionMajor = version[5] - '0';
        m_head.versionMinor = version[7] - '0';
    } else {
        deviate(Kind::VersionSyntax, m_head.versionRange.start);
    }
    flagBareCrs(line);
    if (line.bareLf)
        deviate(Kind::BareLineFeed, line.contentEnd);
}

void Reader::readHeaderLine(const Line &line)
{
    using Kind = RequestHead::DeviationKind;
    const qsizetype start = line.start;
    const qsizetype end = line.contentEnd;
    flagBareCrs(line);
    if (line.bareLf)
        deviate(Kind::BareLineFeed, end);
    const auto checkValue = [&](RequestHead::Range value) {
        for (qsizetype i = value.start; i < value.end(); ++i) {
            // A CR is a bare CR, already flagged; a tab is allowed.
            if (isControl(m_data[i]) && m_data[i] != '\t' && m_data[i] != '\r') {
                deviate(Kind::HeaderValueCharacter, i);
                return;
            }
        }
    };

    if (isBlank(m_data[start])) {
        deviate(Kind::ObsoleteFolding, start);
        if (!m_head.headers.isEmpty()) {
            // RFC 9112 5.2: a recipient reads each fold as a space.
            RequestHead::Header &header = m_head.headers.last();
            header.line.size = end - header.line.start;
            const RequestHead::Range more = trimmedRange(m_data, start, end);
            if (more.size > 0) {
                if (header.valueRange.isNull() || header.valueRange.size == 0)
                    header.valueRange = more;
                else
                    header.value += ' ';
                header.valueRange.size = more.end() - header.valueRange.start;
                header.value += bytesOf(m_data, more);
                checkValue(more);
            }
            return;
        }
    }

    RequestHead::Header header;
    header.line = {start, end - start};
    const QByteArrayView text = m_data.sliced(start, end - start);
    const qsizetype colon = text.indexOf(':');
    if (colon < 0) {
        deviate(Kind::HeaderWithoutColon, end);
        header.name = bytesOf(m_data, trimmedRange(m_data, start, end));
        m_head.headers.append(header);
        return;
    }
    const QByteArrayView rawName = text.first(colon);
    if (const qsizetype bad = firstNonToken(rawName); bad >= 0 || rawName.isEmpty())
        deviate(Kind::HeaderNameNotToken, start + qMax<qsizetype>(bad, 0));
    header.name = trimmedBlanks(rawName).toByteArray();
    header.valueRange = trimmedRange(m_data, start + colon + 1, end);
    header.value = bytesOf(m_data, header.valueRange);
    checkValue(header.valueRange);
    m_head.headers.append(header);
}

void Reader::checkFraming()
{
    using Kind = RequestHead::DeviationKind;
    const RequestHead::Header *host = nullptr;
    const RequestHead::Header *length = nullptr;
    const RequestHead::Header *encoding = nullptr;
    for (const RequestHead::Header &header : std::as_const(m_head.headers)) {
        // A line without a colon is no field (already flagged): "Content-Length" alone frames nothing.
        if (header.valueRange.isNull())
            continue;
        if (header.name.compare("Host", Qt::CaseInsensitive) == 0) {
            if (host)
                deviate(Kind::DuplicateHost, header.line.start);
            host = &header;
        } else if (header.name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const qint64 value = parseLength(header.value);
            if (value < 0) {
                deviate(Kind::ContentLengthSyntax, header.valueRange.start);
            } else {
                if (length && value != m_head.contentLength)
                    deviate(Kind::ContentLengthConflict, header.valueRange.start);
                m_head.contentLength = value;
            }
            length = &header;
        } else if (header.name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            m_head.transferEncoded = true;
            encoding = &header;
        }
    }
    if (length && encoding)
        deviate(Kind::ContentLengthWithTransferEncoding, qMax(length->line.start, encoding->line.start));
    // Only a whole head lacks its Host: a head still coming may have it next.
    if (!host && m_emptyLine >= 0 && m_head.versionMajor == 1 && m_head.versionMinor >= 1)
        deviate(Kind::MissingHost, m_emptyLine);
}

} // namespace

RequestHead RequestHead::read(QByteArrayView bytes)
{
    RequestHead head;
    Reader(bytes.first(qMin(bytes.size(), MaxSize)), head).read();
    head.tooLarge = head.length < 0 && bytes.size() >= MaxSize;
    std::stable_sort(head.deviations.begin(), head.deviations.end(),
                     [](const Deviation &a, const Deviation &b) { return a.offset < b.offset; });
    return head;
}

qsizetype RequestHead::blankPrefixLength(QByteArrayView data)
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

qsizetype RequestHead::headLength(QByteArrayView data, qsizetype searchFrom)
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

bool RequestHead::isFatal(DeviationKind kind)
{
    return kind != DeviationKind::BlankLinesBefore && kind != DeviationKind::BareLineFeed;
}

QByteArray RequestHead::describe(DeviationKind kind)
{
    switch (kind) {
    case DeviationKind::BlankLinesBefore: return QByteArrayLiteral("Empty lines before the request line");
    case DeviationKind::BareLineFeed: return QByteArrayLiteral("A line ends in LF without CR");
    case DeviationKind::BareCarriageReturn: return QByteArrayLiteral("A bare CR inside a line");
    case DeviationKind::RequestLineShape:
        return QByteArrayLiteral("The request line is not: method, space, target, space, version");
    case DeviationKind::MethodNotToken: return QByteArrayLiteral("The method is not a token");
    case DeviationKind::TargetCharacter: return QByteArrayLiteral("The request target holds a control character");
    case DeviationKind::TargetForm:
        return QByteArrayLiteral("The request target is neither a path nor an absolute URL");
    case DeviationKind::VersionSyntax: return QByteArrayLiteral("The version is not HTTP/x.y");
    case DeviationKind::ObsoleteFolding: return QByteArrayLiteral("A header line is folded (starts with a blank)");
    case DeviationKind::HeaderWithoutColon: return QByteArrayLiteral("A header line has no colon");
    case DeviationKind::HeaderNameNotToken:
        return QByteArrayLiteral("A header name is empty or not a token (a blank before the colon?)");
    case DeviationKind::HeaderValueCharacter: return QByteArrayLiteral("A header value holds a control character");
    case DeviationKind::MissingHost: return QByteArrayLiteral("An HTTP/1.1 request needs a Host header");
    case DeviationKind::DuplicateHost: return QByteArrayLiteral("More than one Host header");
    case DeviationKind::ContentLengthSyntax: return QByteArrayLiteral("The Content-Length is not a number");
    case DeviationKind::ContentLengthConflict: return QByteArrayLiteral("Two different Content-Length headers");
    case DeviationKind::ContentLengthWithTransferEncoding:
        return QByteArrayLiteral("Both Transfer-Encoding and Content-Length");
    }
    return {};
}

bool RequestHead::hasRequestLine() const
{
    if (requestLine.isNull() || !blankLines.isNull())
        return false;
    return std::none_of(deviations.begin(), deviations.end(), [this](const Deviation &deviation) {
        return deviation.offset <= requestLine.end() && deviation.kind != DeviationKind::TargetForm
               && deviation.kind != DeviationKind::BareLineFeed;
    });
}

bool RequestHead::hasDeviation(DeviationKind kind) const
{
    return std::any_of(deviations.begin(), deviations.end(), [kind](const Deviation &deviation) { return deviation.kind == kind; });
}

const RequestHead::Deviation *RequestHead::firstFatal() const
{
    const auto fatal = std::find_if(deviations.begin(), deviations.end(),
                                    [](const Deviation &deviation) { return isFatal(deviation.kind); });
    return fatal == deviations.end() ? nullptr : &*fatal;
}

const RequestHead::Header *RequestHead::header(QByteArrayView name) const
{
    const auto found = std::find_if(headers.begin(), headers.end(),
                                    [name](const Header &header) { return header.name.compare(name, Qt::CaseInsensitive) == 0; });
    return found == headers.end() ? nullptr : &*found;
}

QByteArray RequestHead::value(QByteArrayView name) const
{
    const Header *found = header(name);
    return found ? found->value : QByteArray();
}

bool RequestHead::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const Header &header : headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &item : header.value.split(',')) {
            if (trimmedBlanks(item).compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool RequestHead::keepAlive() const
{
    if (versionMajor != 1 || versionMinor == 0)
        return false;
    return !hasToken("Connection", "close");
}

QByteArray RequestHead::path() const
{
    QByteArray result = target;
    if (hasAbsoluteTarget()) {
        const qsizetype pathStart = result.indexOf('/', result.indexOf("://") + 3);
        result = pathStart < 0 ? QByteArray("/") : result.mid(pathStart);
    }
    const qsizetype query = result.indexOf('?');
    if (query >= 0)
        result.truncate(query);
    return result;
}

bool RequestHead::hasAbsoluteTarget() const
{
    return !target.startsWith('/') && target.indexOf("://") > 0;
}

} // namespace SocketLab
