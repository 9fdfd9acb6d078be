#include "httpresponseparser.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>

namespace SocketLab {

namespace {

constexpr qint64 MaxValue = std::numeric_limits<qint64>::max();

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isUpperLetter(char c)
{
    return c >= 'A' && c <= 'Z';
}

// RFC 9110 section 5.5: CTLs (but HTAB) and DEL have no place in a field value.
bool isControl(char c)
{
    return (uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f;
}

// RFC 9110 section 5.6.2: the characters a field name may use.
bool isTokenChar(char c)
{
    if (isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

int hexDigitValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

qsizetype leadingBlanks(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && isBlank(text.at(i)))
        ++i;
    return i;
}

// Field values lose SP and HTAB only: other control bytes are the server's and stay visible.
QByteArrayView trimBlanks(QByteArrayView text)
{
    text = text.sliced(leadingBlanks(text));
    qsizetype end = text.size();
    while (end > 0 && isBlank(text.at(end - 1)))
        --end;
    return text.first(end);
}

bool lastCodingIsChunked(const QList<HttpHeader> &headers)
{
    bool chunked = false;
    for (const HttpHeader &header : headers) {
        if (QByteArrayView(header.name).compare("Transfer-Encoding", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &coding : header.value.split(',')) {
            const QByteArrayView name = trimBlanks(coding);
            if (!name.isEmpty())
                chunked = name.compare("chunked", Qt::CaseInsensitive) == 0;
        }
    }
    return chunked;
}

bool isTransferEncoding(const HttpHeader &header)
{
    return QByteArrayView(header.name).compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
}

bool hasTransferEncoding(const QList<HttpHeader> &headers)
{
    return std::any_of(headers.cbegin(), headers.cend(), isTransferEncoding);
}

// The line of the last Transfer-Encoding header, where its last coding is.
qint64 lastTransferEncodingOffset(const QList<HttpHeader> &headers)
{
    const auto last = std::find_if(headers.crbegin(), headers.crend(), isTransferEncoding);
    return last == headers.crend() ? -1 : last->range.offset;
}

} // namespace

QByteArray requestMethodOf(const QByteArray &request)
{
    const qsizetype space = request.indexOf(' ');
    return space > 0 ? request.left(space) : QByteArray();
}

HttpResponseParser::HttpResponseParser()
    : HttpResponseParser(Limits{})
{
}

HttpResponseParser::HttpResponseParser(const Limits &limits)
    : m_limits(limits)
{
}

void HttpResponseParser::setRequestMethod(const QByteArray &method)
{
    m_method = method;
}

void HttpResponseParser::setBodyCallback(std::function<void(const char *, qint64)> callback)
{
    m_bodyCallback = std::move(callback);
}

std::optional<bool> HttpResponseParser::startsLikeResponse(QByteArrayView start)
{
    qsizetype i = 0;
    while (i < start.size() && (start.at(i) == '\r' || start.at(i) == '\n'))
        ++i;
    const qsizetype name = i;
    while (i < start.size() && isUpperLetter(start.at(i)))
        ++i;
    if (i == start.size())
        return std::nullopt;
    return i > name && start.at(i) == '/';
}

QByteArray HttpResponseParser::protocol() const
{
    return m_version.left(m_version.indexOf('/'));
}

ByteRange HttpResponseParser::upgradedBytes() const
{
    if (!endsWithItsHead(m_framing) || m_messageEnd < 0)
        return {};
    return {m_messageEnd, m_consumed - m_messageEnd};
}

QByteArray HttpResponseParser::headerValue(const QByteArray &name) const
{
    for (const HttpHeader &header : m_headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) == 0)
            return header.value;
    }
    return {};
}

HttpResponseParser::Progress HttpResponseParser::progress() const
{
    using Where = Progress::Where;
    Progress progress;
    progress.fields = m_sectionFields;
    progress.chunks = m_chunkCount;
    progress.chunkSize = m_currentChunkSize;
    progress.chunkLine = m_chunkLine;
    progress.chunkRead = m_phase == Phase::ChunkData ? m_currentChunkSize - m_remaining : m_currentChunkSize;
    switch (m_phase) {
    case Phase::StatusLine: progress.where = Where::StatusLine; break;
    case Phase::HeaderLines: progress.where = Where::Headers; break;
    case Phase::LengthBody:
    case Phase::CloseBody: progress.where = Where::Body; break;
    case Phase::ChunkSize:
    case Phase::ChunkSizeBlanks:
    case Phase::ChunkExtension:
    case Phase::ChunkSizeLf: progress.where = Where::ChunkSizeLine; break;
    case Phase::ChunkData: progress.where = Where::ChunkData; break;
    case Phase::ChunkDataEnd:
    case Phase::ChunkDataEndLf: progress.where = Where::ChunkDataEnd; break;
    case Phase::TrailerLines: progress.where = Where::Trailers; break;
    case Phase::Done: progress.where = Where::Done; break;
    }
    return progress;
}

HttpResponseParser::State HttpResponseParser::feed(const char *data, qint64 len)
{
    if (!data || len <= 0)
        return m_state;
    const char *p = data;
    const char *const end = data + len;
    while (p < end && m_state == State::Incomplete)
        step(p, end);
    if (p < end) {
        // After a 101 or a 2xx to CONNECT the bytes are the new protocol's or the tunnel's:
        // expected, not extra.
        if (m_state == State::Complete && !m_extraNoted && !endsWithItsHead(m_framing)) {
            m_extraNoted = true;
            note(HttpDeviation::ExtraDataAfterMessage, m_consumed);
        }
        m_consumed += end - p;
    }
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::Incomplete)
        return m_state;
    if (m_phase == Phase::CloseBody)
        complete(m_consumed);
    else
        fail(ErrorKind::Truncated, m_consumed);
    m_line.clear();
    return m_state;
}

void HttpResponseParser::step(const char *&p, const char *end)
{
    switch (m_phase) {
    case Phase::StatusLine:
    case Phase::HeaderLines:
    case Phase::TrailerLines:
        stepFieldSection(p, end);
        return;
    case Phase::LengthBody: {
        const qint64 n = std::min<qint64>(end - p, m_remaining);
        deliverBody(HttpPart::Body, p, n);
        m_remaining -= n;
        if (m_remaining == 0)
            complete(m_consumed);
        return;
    }
    case Phase::CloseBody:
        deliverBody(HttpPart::Body, p, end - p);
        return;
    case Phase::ChunkSize:
    case Phase::ChunkSizeBlanks:
    case Phase::ChunkExtension:
    case Phase::ChunkSizeLf:
        stepChunkSizeLine(p, end);
        return;
    case Phase::ChunkData: {
        const qint64 n = std::min<qint64>(end - p, m_remaining);
        deliverBody(HttpPart::ChunkData, p, n);
        m_remaining -= n;
        if (m_remaining == 0) {
            m_phase = Phase::ChunkDataEnd;
            m_lineStart = m_consumed;
        }
        return;
    }
    case Phase::ChunkDataEnd:
    case Phase::ChunkDataEndLf:
        stepChunkDataEnd(p);
        return;
    case Phase::Done:
        return;
    }
}

void HttpResponseParser::stepFieldSection(const char *&p, const char *end)
{
    if (m_line.isEmpty())
        m_lineStart = m_consumed;
    const qint64 allowance = m_limits.maxHeaderBytes - (m_lineStart - m_sectionStart);
    switch (takeLine(p, end, allowance)) {
    case LineStatus::NeedMore:
        return;
    case LineStatus::TooLong:
        fail(ErrorKind::HeaderSectionTooLarge, m_consumed);
        m_line.clear();
        return;
    case LineStatus::Complete:
        break;
    }
    const qint64 lfOffset = m_consumed - 1;
    const bool crlf = m_line.size() >= 2 && m_line.at(m_line.size() - 2) == '\r';
    QByteArrayView content(m_line.constData(), m_line.size() - (crlf ? 2 : 1));
    // RFC 9112 section 2.2: a bare CR is read as a space, so "a\rb: c" can never hide a header.
    QByteArray spaced;
    if (content.contains('\r')) {
        spaced = content.toByteArray();
        for (qsizetype i = 0; i < spaced.size(); ++i) {
            if (spaced.at(i) == '\r') {
                note(HttpDeviation::BareCr, m_lineStart + i);
                spaced[i] = ' ';
            }
        }
        content = spaced;
    }
    if (m_phase == Phase::StatusLine)
        processStatusLine(content);
    else
        processFieldLine(content);
    if (m_state != State::Error && !crlf)
        note(HttpDeviation::BareLf, lfOffset);
    m_line.clear();
}

HttpResponseParser::LineStatus HttpResponseParser::takeLine(const char *&p, const char *end,
                                                            qint64 allowance)
{
    const qint64 room = std::max<qint64>(allowance - m_line.size(), 0);
    const qint64 scan = std::min<qint64>(end - p, room);
    const void *lf = scan > 0 ? std::memchr(p, '\n', size_t(scan)) : nullptr;
    const qint64 take = lf ? static_cast<const char *>(lf) - p + 1 : scan;
    m_line.append(p, take);
    advance(p, take);
    if (lf)
        return LineStatus::Complete;
    // The room is used up while the line goes on: the next byte would cross the limit.
    return p < end ? LineStatus::TooLong : LineStatus::NeedMore;
}

void HttpResponseParser::processStatusLine(QByteArrayView content)
{
    // Servers that end a 1xx with one CRLF too many exist: the empty line is read and said, within
    // the header section's budget so an endless run of them still ends.
    if (content.isEmpty()) {
        addMark(HttpPart::BlankLine, m_lineStart, m_consumed - m_lineStart, false);
        note(HttpDeviation::EmptyLineBeforeStatusLine, m_lineStart);
        return;
    }
    // "NAME/D.D SP 3DIGIT [SP reason]", NAME being HTTP or a protocol whose replies take HTTP's shape
    // (RTSP, SIP, ICE): each check reports the first byte that does not fit.
    qsizetype slash = 0;
    while (slash < content.size() && isUpperLetter(content.at(slash)))
        ++slash;
    if (slash == 0 || slash >= content.size() || content.at(slash) != '/')
        return fail(ErrorKind::BadStatusLine, m_lineStart + slash);
    const qsizetype major = slash + 1;
    if (content.size() <= major || !isDigit(content.at(major)))
        return fail(ErrorKind::BadVersion, m_lineStart + major);
    if (content.size() <= major + 1 || content.at(major + 1) != '.')
        return fail(ErrorKind::BadVersion, m_lineStart + major + 1);
    if (content.size() <= major + 2 || !isDigit(content.at(major + 2)))
        return fail(ErrorKind::BadVersion, m_lineStart + major + 2);
    const qsizetype space = major + 3;
    if (content.size() <= space || content.at(space) != ' ')
        return fail(ErrorKind::BadStatusLine, m_lineStart + space);
    const qsizetype code = space + 1;
    int status = 0;
    for (qsizetype i = code; i < code + 3; ++i) {
        if (i >= content.size() || !isDigit(content.at(i)))
            return fail(ErrorKind::BadStatusCode, m_lineStart + i);
        status = status * 10 + (content.at(i) - '0');
    }
    // RFC 9110 section 15: codes outside 100..599 are invalid.
    if (status < 100 || status > 599)
        return fail(ErrorKind::BadStatusCode, m_lineStart + code);
    const qsizetype codeEnd = code + 3;
    if (content.size() > codeEnd && content.at(codeEnd) != ' ')
        return fail(ErrorKind::BadStatusCode, m_lineStart + codeEnd);

    m_version = content.first(space).toByteArray();
    m_status = status;
    m_reason = content.size() > codeEnd + 1 ? content.sliced(codeEnd + 1).toByteArray() : QByteArray();
    addMark(HttpPart::StatusLine, m_lineStart, m_consumed - m_lineStart, false);
    // HTTP/0.9 had no status line and HTTP/2 has no text one (RFC 9112 section 2.3): read as 1.x.
    if (content.first(slash) == "HTTP" && content.at(major) != '1')
        note(HttpDeviation::UnusualHttpVersion, m_lineStart + major);
    if (status < 200 && status != 101)
        note(HttpDeviation::InterimResponse, m_lineStart);
    if (m_reason.isEmpty())
        note(HttpDeviation::NoReasonPhrase, m_lineStart + codeEnd);
    m_phase = Phase::HeaderLines;
    m_sectionFields = 0;
    m_lastFieldIsContentLength = false;
}

void HttpResponseParser::processFieldLine(QByteArrayView content)
{
    const bool trailer = m_phase == Phase::TrailerLines;
    const qint64 lineLength = m_consumed - m_lineStart;
    if (content.isEmpty()) {
        addMark(trailer ? HttpPart::Trailer : HttpPart::BlankLine, m_lineStart, lineLength, false);
        if (trailer)
            complete(m_consumed);
        else
            endHeaderSection();
        return;
    }
    if (isBlank(content.at(0)))
        return processContinuation(content);
    if (m_sectionFields >= m_limits.maxHeaderCount)
        return fail(ErrorKind::TooManyHeaders, m_lineStart);
    qsizetype colon = 0;
    while (colon < content.size() && isTokenChar(content.at(colon)))
        ++colon;
    if (colon == 0 || colon == content.size() || content.at(colon) != ':')
        return fail(ErrorKind::BadHeaderLine, m_lineStart + colon);

    ++m_sectionFields;
    m_lastFieldIsContentLength = false;
    addMark(trailer ? HttpPart::Trailer : HttpPart::Header, m_lineStart, lineLength, false);
    const QByteArrayView rawValue = content.sliced(colon + 1);
    noteControlCharacter(rawValue, m_lineStart + colon + 1);
    // Trailers are marked for the person reading the bytes but never change what the headers say.
    if (trailer)
        return;
    const QByteArrayView name = content.first(colon);
    // RFC 9110 section 5.5: a NUL in a value is read as a space.
    const QByteArray value = trimBlanks(rawValue.toByteArray().replace('\0', ' ')).toByteArray();
    m_headers.append({name.toByteArray(), value, {m_lineStart, lineLength}});
    if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
        m_lastFieldIsContentLength = true;
        if (m_firstContentLengthOffset < 0)
            m_firstContentLengthOffset = m_lineStart;
        processContentLength(value, m_lineStart + colon + 1 + leadingBlanks(rawValue));
    }
}

void HttpResponseParser::processContinuation(QByteArrayView content)
{
    if (m_sectionFields == 0)
        return fail(ErrorKind::BadHeaderLine, m_lineStart);
    if (m_lastFieldIsContentLength)
        return fail(ErrorKind::BadContentLength, m_lineStart);
    const qint64 lineLength = m_consumed - m_lineStart;
    note(HttpDeviation::ObsoleteLineFolding, m_lineStart);
    noteControlCharacter(content, m_lineStart);
    const HttpPart part = m_phase == Phase::TrailerLines ? HttpPart::Trailer : HttpPart::Header;
    if (!m_marks.isEmpty() && m_marks.last().part == part && m_marks.last().range.end() == m_lineStart)
        m_marks.last().range.length += lineLength;
    if (part == HttpPart::Trailer)
        return;
    HttpHeader &header = m_headers.last();
    header.range.length += lineLength;
    const QByteArray joined = header.value + ' ' + trimBlanks(content.toByteArray().replace('\0', ' ')).toByteArray();
    header.value = trimBlanks(joined).toByteArray();
}

void HttpResponseParser::noteControlCharacter(QByteArrayView value, qint64 valueOffset)
{
    // The first one of a line says where to look; every one would bury the other deviations.
    const auto control = std::find_if(value.begin(), value.end(), isControl);
    if (control != value.end())
        note(HttpDeviation::ControlCharacterInValue, valueOffset + (control - value.begin()));
}

void HttpResponseParser::processContentLength(QByteArrayView value, qint64 valueOffset)
{
    // RFC 9110 section 8.6 lets a recipient take "5, 5" (or the header twice) as 5; any other
    // list is an attack or a broken server.
    qsizetype i = 0;
    for (;;) {
        i += leadingBlanks(value.sliced(i));
        const qsizetype start = i;
        qint64 length = 0;
        while (i < value.size() && isDigit(value.at(i))) {
            const int digit = value.at(i) - '0';
            if (length > (MaxValue - digit) / 10)
                return fail(ErrorKind::BadContentLength, valueOffset + i);
            length = length * 10 + digit;
            ++i;
        }
        if (i == start)
            return fail(ErrorKind::BadContentLength, valueOffset + i);
        i += leadingBlanks(value.sliced(i));
        if (i < value.size() && value.at(i) != ',')
            return fail(ErrorKind::BadContentLength, valueOffset + i);
        if (m_contentLength < 0)
            m_contentLength = length;
        else if (length != m_contentLength)
            return fail(ErrorKind::ConflictingContentLength, valueOffset + start);
        else
            note(HttpDeviation::DuplicateContentLength, valueOffset + start);
        if (i == value.size())
            return;
        ++i;
    }
}

void HttpResponseParser::endHeaderSection()
{
    if (m_status < 200 && m_status != 101) {
        if (m_interim.size() < m_limits.maxMarks)
            m_interim.append(m_status);
        m_version.clear();
        m_status = 0;
        m_reason.clear();
        m_headers.clear();
        m_contentLength = -1;
        m_firstContentLengthOffset = -1;
        m_sectionStart = m_consumed;
        m_phase = Phase::StatusLine;
        return;
    }

    // RFC 9112 section 6.3, in its order.
    const bool head = m_method == "HEAD";
    const bool tunnel = m_method == "CONNECT" && m_status >= 200 && m_status < 300;
    if (m_status == 101)
        m_framing = HttpFraming::SwitchedProtocols;
    else if (tunnel)
        m_framing = HttpFraming::Tunnel;
    else if (head || m_status == 204 || m_status == 304)
        m_framing = HttpFraming::NoBody;
    else if (hasTransferEncoding(m_headers)) {
        m_framing = lastCodingIsChunked(m_headers) ? HttpFraming::Chunked : HttpFraming::UntilClose;
        // Allowed for a response (RFC 9112 section 6.1), but the server then cannot say the body
        // came whole: only its closing ends it.
        if (m_framing == HttpFraming::UntilClose) {
            m_transferEncodingNotChunked = true;
            note(HttpDeviation::TransferEncodingNotChunked, lastTransferEncodingOffset(m_headers));
        }
    } else if (m_contentLength >= 0)
        m_framing = HttpFraming::ContentLength;
    else
        m_framing = HttpFraming::UntilClose;

    switch (m_framing) {
    case HttpFraming::NoBody:
    case HttpFraming::SwitchedProtocols:
    case HttpFraming::Tunnel:
        complete(m_consumed);
        return;
    case HttpFraming::ContentLength:
        if (m_contentLength == 0) {
            complete(m_consumed);
            return;
        }
        m_remaining = m_contentLength;
        m_phase = Phase::LengthBody;
        return;
    case HttpFraming::Chunked:
        if (m_firstContentLengthOffset >= 0)
            note(HttpDeviation::ContentLengthWithChunked, m_firstContentLengthOffset);
        m_lineStart = m_consumed;
        m_phase = Phase::ChunkSize;
        return;
    case HttpFraming::UntilClose:
        m_phase = Phase::CloseBody;
        return;
    case HttpFraming::Unknown:
        return;
    }
}

void HttpResponseParser::stepChunkSizeLine(const char *&p, const char *end)
{
    // Parsed byte by byte instead of buffered so an endless size line costs no memory.
    while (p < end) {
        if (m_consumed - m_lineStart >= m_limits.maxHeaderBytes)
            return fail(ErrorKind::ChunkSizeTooLong, m_consumed);
        const char c = *p;
        switch (m_phase) {
        case Phase::ChunkSize: {
            const int digit = hexDigitValue(c);
            if (digit >= 0) {
                if (m_chunkDigits >= m_limits.maxChunkSizeDigits || m_chunkSize > (MaxValue - digit) / 16)
                    return fail(ErrorKind::ChunkSizeTooLong, m_consumed);
                m_chunkSize = m_chunkSize * 16 + digit;
                ++m_chunkDigits;
                advance(p, 1);
                continue;
            }
            if (m_chunkDigits == 0)
                return fail(ErrorKind::BadChunkSize, m_consumed);
            m_phase = Phase::ChunkSizeBlanks;
            continue;
        }
        case Phase::ChunkSizeBlanks:
            if (isBlank(c)) {
                if (m_chunkBlankStart < 0)
                    m_chunkBlankStart = m_consumed;
                advance(p, 1);
                continue;
            }
            if (c == ';') {
                // Blanks before ";" are the BWS RFC 9112 section 7.1.1 allows.
                m_chunkBlankStart = -1;
                m_extensionSemicolon = m_consumed;
                m_phase = Phase::ChunkExtension;
                advance(p, 1);
                continue;
            }
            break;
        case Phase::ChunkExtension:
            if (c == '\r' || c == '\n')
                break;
            if (m_extensionQuoted) {
                // A quoted value may hold blanks and ";": they are not the line's.
                if (m_extensionEscape)
                    m_extensionEscape = false;
                else if (c == '\\')
                    m_extensionEscape = true;
                else if (c == '"')
                    m_extensionQuoted = false;
                m_chunkBlankStart = -1;
            } else if (isBlank(c)) {
                if (m_chunkBlankStart < 0)
                    m_chunkBlankStart = m_consumed;
            } else {
                m_chunkBlankStart = -1;
                if (m_extensionSemicolon >= 0 && !isTokenChar(c))
                    note(HttpDeviation::EmptyChunkExtension, m_extensionSemicolon);
                m_extensionSemicolon = c == ';' ? m_consumed : -1;
                m_extensionQuoted = c == '"';
            }
            advance(p, 1);
            continue;
        case Phase::ChunkSizeLf:
            if (c != '\n')
                return fail(ErrorKind::BadChunkSize, m_consumed);
            advance(p, 1);
            return endChunkSizeLine(-1);
        default:
            return;
        }
        if (c == '\r') {
            endChunkLineContent();
            m_phase = Phase::ChunkSizeLf;
            advance(p, 1);
            continue;
        }
        if (c == '\n') {
            endChunkLineContent();
            const qint64 lfOffset = m_consumed;
            advance(p, 1);
            return endChunkSizeLine(lfOffset);
        }
        return fail(ErrorKind::BadChunkSize, m_consumed);
    }
}

void HttpResponseParser::endChunkLineContent()
{
    if (m_extensionSemicolon >= 0)
        note(HttpDeviation::EmptyChunkExtension, m_extensionSemicolon);
    if (m_chunkBlankStart >= 0)
        note(HttpDeviation::BlankBeforeChunkLineEnd, m_chunkBlankStart);
    m_chunkBlankStart = -1;
    m_extensionSemicolon = -1;
    m_extensionQuoted = false;
    m_extensionEscape = false;
}

void HttpResponseParser::endChunkSizeLine(qint64 bareLfOffset)
{
    m_chunkLine = {m_lineStart, m_consumed - m_lineStart};
    addMark(HttpPart::ChunkSizeLine, m_chunkLine.offset, m_chunkLine.length, false);
    if (bareLfOffset >= 0)
        note(HttpDeviation::BareLf, bareLfOffset);
    m_remaining = m_chunkSize;
    m_currentChunkSize = m_chunkSize;
    ++m_chunkCount;
    m_chunkSize = 0;
    m_chunkDigits = 0;
    if (m_remaining > 0) {
        m_phase = Phase::ChunkData;
        return;
    }
    m_phase = Phase::TrailerLines;
    m_sectionStart = m_consumed;
    m_sectionFields = 0;
    m_lastFieldIsContentLength = false;
}

void HttpResponseParser::stepChunkDataEnd(const char *&p)
{
    const char c = *p;
    if (m_phase == Phase::ChunkDataEnd && c == '\r') {
        m_phase = Phase::ChunkDataEndLf;
        advance(p, 1);
        return;
    }
    if (c != '\n')
        return fail(ErrorKind::BadChunkDataEnd, m_consumed);
    if (m_phase == Phase::ChunkDataEnd)
        note(HttpDeviation::BareLf, m_consumed);
    advance(p, 1);
    endChunk();
}

void HttpResponseParser::endChunk()
{
    addMark(HttpPart::ChunkDataEnd, m_lineStart, m_consumed - m_lineStart, false);
    m_lineStart = m_consumed;
    m_phase = Phase::ChunkSize;
}

void HttpResponseParser::deliverBody(HttpPart part, const char *&p, qint64 n)
{
    addMark(part, m_consumed, n, true);
    m_bodyBytes += n;
    if (m_bodyCallback)
        m_bodyCallback(p, n);
    advance(p, n);
}

void HttpResponseParser::advance(const char *&p, qint64 n)
{
    p += n;
    m_consumed += n;
}

void HttpResponseParser::addMark(HttpPart part, qint64 offset, qint64 length, bool extendLast)
{
    // A body arriving in many reads stays one mark, so a 100 MB reply keeps a handful of marks.
    if (extendLast && !m_marks.isEmpty() && m_marks.last().part == part
        && m_marks.last().range.end() == offset) {
        m_marks.last().range.length += length;
        return;
    }
    if (m_marks.size() >= m_limits.maxMarks && part != HttpPart::Trailer) {
        m_marksTruncated = true;
        return;
    }
    m_marks.append({part, {offset, length}});
}

void HttpResponseParser::note(HttpDeviation kind, qint64 offset)
{
    // Bounded like the marks: a server sending bare LFs forever must not grow this list forever.
    if (m_deviations.size() >= m_limits.maxMarks)
        return;
    // Content-Length with chunked is only known at the blank line, after the bytes it is about:
    // inserting keeps the list in the order of the bytes.
    auto at = m_deviations.end();
    while (at != m_deviations.begin() && std::prev(at)->offset > offset)
        --at;
    m_deviations.insert(at, {kind, offset});
}

void HttpResponseParser::complete(qint64 end)
{
    m_state = State::Complete;
    m_messageEnd = end;
    m_phase = Phase::Done;
}

void HttpResponseParser::fail(ErrorKind kind, qint64 offset)
{
    m_state = State::Error;
    m_error = kind;
    m_errorOffset = offset;
}

} // namespace SocketLab
