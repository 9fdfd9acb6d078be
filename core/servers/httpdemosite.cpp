#include "httpdemosite.h"

#include "http/requesthead.h"

#include <QLocale>
#include <QUrlQuery>

#include <array>
#include <cstring>
#include <zlib.h>

namespace SocketLab {

namespace {

void appendBigEndian32(QByteArray &out, quint32 value)
{
    out.append(char(value >> 24));
    out.append(char(value >> 16));
    out.append(char(value >> 8));
    out.append(char(value));
}

void appendPngChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    appendBigEndian32(png, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    png.append(typed);
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()));
    appendBigEndian32(png, quint32(crc));
}

QByteArray makeGradientPng(int side)
{
    QByteArray rows;
    rows.reserve(side * (1 + side * 3));
    for (int y = 0; y < side; ++y) {
        rows.append('\0'); // filter type None
        for (int x = 0; x < side; ++x) {
            rows.append(char(x * 255 / (side - 1)));
            rows.append(char(y * 255 / (side - 1)));
            rows.append(char(128));
        }
    }
    uLongf packedSize = compressBound(uLong(rows.size()));
    QByteArray packed(qsizetype(packedSize), Qt::Uninitialized);
    compress2(reinterpret_cast<Bytef *>(packed.data()), &packedSize, reinterpret_cast<const Bytef *>(rows.constData()),
              uLong(rows.size()), Z_BEST_COMPRESSION);
    packed.truncate(qsizetype(packedSize));

    QByteArray header;
    appendBigEndian32(header, quint32(side));
    appendBigEndian32(header, quint32(side));
    header.append(char(8)); // bit depth
    header.append(char(2)); // colour type: RGB
    header.append(char(0)); // compression: deflate
    header.append(char(0)); // filter method
    header.append(char(0)); // no interlace

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendPngChunk(png, "IHDR", header);
    appendPngChunk(png, "IDAT", packed);
    appendPngChunk(png, "IEND", {});
    return png;
}

struct Head
{
    int status = 200;
    QByteArray contentType;
    qint64 contentLength = -1;  // -1: chunked
    bool close = false;
    bool allow = false;
    QByteArrayList extra; // whole header lines, for the pages that need more ("Location: /cookie")
};

QByteArray headBytes(const Head &head, const QDateTime &now)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(head.status) + ' ' + HttpDemoSite::reasonPhrase(head.status) + "\r\n";
    out += "Date: " + HttpDemoSite::httpDate(now) + "\r\n";
    out += "Server: SocketLab\r\n";
    out += "Content-Type: " + head.contentType + "\r\n";
    if (head.contentLength >= 0)
        out += "Content-Length: " + QByteArray::number(head.contentLength) + "\r\n";
    else
        out += "Transfer-Encoding: chunked\r\n";
    if (head.allow)
        out += "Allow: GET, HEAD\r\n";
    for (const QByteArray &line : head.extra)
        out += line + "\r\n";
    if (head.close)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

QByteArray errorPage(int status, const QByteArray &reason)
{
    const QByteArray title = QByteArray::number(status) + ' ' + HttpDemoSite::reasonPhrase(status);
    return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + reason
         + "</p></body></html>\n";
}

ResponseStream inMemory(Head head, const QByteArray &body, bool headOnly, const QDateTime &now)
{
    head.contentLength = body.size();
    ResponseStream response(headBytes(head, now) + (headOnly ? QByteArray() : body));
    response.status = head.status;
    response.closesConnection = head.close;
    return response;
}

ResponseStream generated(Head head, ResponseStream::Filler filler, qint64 size, bool headOnly, const QDateTime &now)
{
    head.contentLength = size;
    ResponseStream response(headBytes(head, now));
    if (!headOnly)
        response.setGeneratedTail(filler, size);
    response.status = head.status;
    response.closesConnection = head.close;
    return response;
}

// "/bytes/N": N in decimal, at most MaxBytesPage; -1 for anything else.
qint64 bytesPageSize(const QByteArray &path)
{
    static const QByteArray prefix("/bytes/");
    if (!path.startsWith(prefix))
        return -1;
    const QByteArray digits = path.mid(prefix.size());
    if (digits.isEmpty() || digits.size() > 12)
        return -1;
    qint64 n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n <= HttpDemoSite::MaxBytesPage ? n : -1;
}

} // namespace

HttpDemoSite::HttpDemoSite()
    : m_image(makeGradientPng(ImageSide))
{
}

QByteArray HttpDemoSite::indexPage()
{
    // The page www.perdu.com served in the notebooks, byte for byte (204 bytes).
    return QByteArrayLiteral("<html><head><title>Vous Etes Perdu ?</title></head><body><h1>Perdu sur l'Internet ?</h1>"
                             "<h2>Pas de panique, on va vous aider</h2><strong><pre>    * <----- vous &ecirc;tes ici"
                             "</pre></strong></body></html>\n");
}

QByteArray HttpDemoSite::linksPage()
{
    return QByteArrayLiteral(
        "<html><head><title>Links, a redirect and a cookie</title></head><body>\n"
        "<h1>Links, a redirect and a cookie</h1>\n"
        "<p>Click a link: its request is prepared in the editor, and nothing is sent until you press Send.</p>\n"
        "<ul>\n"
        "<li><a href=\"/\">The notebooks' page</a>: an absolute path</li>\n"
        "<li><a href=\"chunked\">A chunked page</a>: a path relative to this one</li>\n"
        "<li><a href=\"/redirect\">A redirect</a>: 302 Found, whose Location leads to a cookie</li>\n"
        "<li><a href=\"/cookie\">A cookie</a>: a page that sets one with Set-Cookie</li>\n"
        "<li><a href=\"/image.png\">An image</a></li>\n"
        "</ul>\n"
        "<form action=\"/hello\" method=\"get\"><p>Your name: <input name=\"name\" value=\"Ada\"></p></form>\n"
        "</body></html>\n");
}

QByteArray HttpDemoSite::helloPage(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);
    // A form's query writes spaces as "+", which QUrlQuery leaves as they are.
    query.replace('+', ' ');
    QString name = QUrlQuery(QString::fromLatin1(query)).queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    if (name.isEmpty())
        name = QStringLiteral("stranger");
    return "<html><head><title>Hello</title></head><body><h1>Hello, " + name.toHtmlEscaped().toUtf8()
           + "!</h1><p>The form sent its field in the query of the request line.</p>"
             "<p><a href=\"/links\">Back to the links</a></p></body></html>\n";
}

QByteArray HttpDemoSite::redirectPage()
{
    return QByteArrayLiteral("<html><head><title>302 Found</title></head><body><h1>302 Found</h1>"
                             "<p>This page moved to <a href=\"/cookie\">/cookie</a>: see the Location header.</p>"
                             "</body></html>\n");
}

QByteArray HttpDemoSite::cookiePage(bool set, const QByteArray &requestCookie)
{
    QByteArray page = set ? QByteArrayLiteral("<html><head><title>A cookie</title></head><body><h1>A cookie</h1>"
                                              "<p>This reply sets a cookie: <code>Set-Cookie: ")
                                + CookieValue
                                + "; Path=/</code>. The requests prepared from the links of this site "
                                  "carry it in a Cookie line, which you can read, change or delete before "
                                  "sending.</p>"
                          : QByteArrayLiteral("<html><head><title>No more cookie</title></head><body><h1>No more "
                                              "cookie</h1><p>This reply deletes the cookie: <code>Set-Cookie: "
                                              "demo=; Max-Age=0; Path=/</code>.</p>");
    page += requestCookie.isNull() ? QByteArrayLiteral("<p>This request had no Cookie line.</p>")
                                   : "<p>This request had the line <code>Cookie: "
                                         + QString::fromLatin1(requestCookie).toHtmlEscaped().toLatin1() + "</code>.</p>";
    page += "<p><a href=\"/cookie\">This page again</a> · <a href=\"/cookie/delete\">Delete the cookie</a> · "
            "<a href=\"/links\">Back to the links</a></p></body></html>\n";
    return page;
}

QList<QByteArray> HttpDemoSite::chunkedPageChunks()
{
    return {
        QByteArrayLiteral("<html><head><title>Chunked</title></head><body>\n"),
        QByteArrayLiteral("<h1>Transfer-Encoding: chunked</h1>\n"),
        QByteArrayLiteral("<p>This page came in several chunks, each one announced by its size in hexadecimal "
                          "on a line of its own.</p>\n"),
        QByteArrayLiteral("<p>A chunk of size 0 ends the body.</p>\n"),
        QByteArrayLiteral("</body></html>\n"),
    };
}

void HttpDemoSite::fillBytes(qint64 offset, char *buffer, qint64 len)
{
    // 0..255 over and over, one period longer than a run so that a run may start at any phase.
    // Runs of 64 KiB keep it one memcpy per send buffer: filling in 256-byte pieces cost the
    // server thread more than the kernel's copy of the same bytes into the socket.
    constexpr qint64 Run = 64 * 1024;
    static const auto pattern = [] {
        std::array<char, size_t(Run + 256)> bytes{};
        for (size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i & 0xff);
        return bytes;
    }();
    qint64 done = 0;
    while (done < len) {
        const qint64 n = qMin<qint64>(Run, len - done);
        std::memcpy(buffer + done, pattern.data() + ((offset + done) & 0xff), size_t(n));
        done += n;
    }
}

void HttpDemoSite::fillBigPage(qint64 offset, char *buffer, qint64 len)
{
    static constexpr char text[] = ": The quick brown fox jumps over the lazy dog. SocketLab.\n";
    constexpr int digits = 6;
    static_assert(digits + sizeof text - 1 == BigPageLineSize);
    static_assert(BigPageSize / BigPageLineSize < 1000000, "line numbers must fit their digits");
    qint64 done = 0;
    while (done < len) {
        const qint64 lineIndex = (offset + done) / BigPageLineSize;
        const qint64 column = (offset + done) % BigPageLineSize;
        char line[BigPageLineSize];
        for (qint64 d = digits - 1, number = lineIndex + 1; d >= 0; --d, number /= 10)
            line[d] = char('0' + number % 10);
        std::memcpy(line + digits, text, sizeof text - 1);
        const qint64 n = qMin(BigPageLineSize - column, len - done);
        std::memcpy(buffer + done, line + column, size_t(n));
        done += n;
    }
}

QByteArray HttpDemoSite::httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QByteArray HttpDemoSite::reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 302: return QByteArrayLiteral("Found");
    case 400: return QByteArrayLiteral("Bad Request");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 505: return QByteArrayLiteral("HTTP Version Not Supported");
    default: return QByteArrayLiteral("Unknown");
    }
}

HttpDemoSite::Refusal HttpDemoSite::refusal(const RequestHead &request)
{
    const RequestHead::Deviation *fatal = request.firstFatal();
    if (request.requestLine.isNull())
        return {400, QByteArrayLiteral("No request line")};
    // The version is looked at once the request line is read right, before the headers.
    const bool lineRead = !fatal || fatal->offset > request.requestLine.end();
    if (lineRead && request.versionMajor != 1)
        return {505, QByteArrayLiteral("Only HTTP/1.0 and HTTP/1.1 are served here")};
    if (fatal)
        return {400, RequestHead::describe(fatal->kind)};
    return {};
}

ResponseStream HttpDemoSite::respond(const RequestHead &request, const QDateTime &now) const
{
    Head head;
    // A chunked request body cannot be skipped without decoding it: answer, then close.
    head.close = !request.keepAlive() || request.transferEncoded;
    const bool headOnly = request.method == "HEAD";
    if (request.method != "GET" && !headOnly) {
        head.status = 405;
        head.contentType = "text/html";
        head.allow = true;
        return inMemory(head, errorPage(405, "This server answers GET and HEAD only."), false, now);
    }

    const QByteArray path = request.path();
    if (path == "/") {
        head.contentType = "text/html";
        return inMemory(head, indexPage(), headOnly, now);
    }
    if (path == "/image.png") {
        head.contentType = "image/png";
        return inMemory(head, m_image, headOnly, now);
    }
    if (path == "/big") {
        head.contentType = "text/plain; charset=utf-8";
        return generated(head, &HttpDemoSite::fillBigPage, BigPageSize, headOnly, now);
    }
    if (const qint64 size = bytesPageSize(path); size >= 0) {
        head.contentType = "application/octet-stream";
        return generated(head, &HttpDemoSite::fillBytes, size, headOnly, now);
    }
    if (path == "/links") {
        head.contentType = "text/html; charset=utf-8";
        return inMemory(head, linksPage(), headOnly, now);
    }
    if (path == "/hello") {
        head.contentType = "text/html; charset=utf-8";
        return inMemory(head, helloPage(request.target), headOnly, now);
    }
    if (path == "/redirect") {
        head.status = 302;
        head.contentType = "text/html; charset=utf-8";
        head.extra.append("Location: /cookie");
        return inMemory(head, redirectPage(), headOnly, now);
    }
    if (path == "/cookie" || path == "/cookie/delete") {
        const bool keep = path == "/cookie";
        head.contentType = "text/html; charset=utf-8";
        head.extra.append(keep ? QByteArrayLiteral("Set-Cookie: ") + CookieValue + "; Path=/"
                               : QByteArrayLiteral("Set-Cookie: demo=; Max-Age=0; Path=/"));
        return inMemory(head, cookiePage(keep, request.value("Cookie")), headOnly, now);
    }
    if (path == "/chunked") {
        head.contentType = "text/html";
        ResponseStream response(headBytes(head, now));
        if (!headOnly) {
            for (const QByteArray &chunk : chunkedPageChunks())
                response.appendPiece(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
            response.appendPiece(QByteArrayLiteral("0\r\n\r\n"));
        }
        response.status = 200;
        response.closesConnection = head.close;
        return response;
    }

    head.status = 404;
    head.contentType = "text/html";
    return inMemory(head,
                    errorPage(404, "There is no page here. Try /, /chunked, /big, /bytes/1000 or /image.png."),
                    headOnly, now);
}

ResponseStream HttpDemoSite::errorResponse(int status, const QByteArray &reason, const QDateTime &now) const
{
    Head head;
    head.status = status;
    head.contentType = "text/html";
    head.close = true;
    return inMemory(head, errorPage(status, reason), false, now);
}

} // namespace SocketLab
