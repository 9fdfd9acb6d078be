#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace SocketLab {

// The head of one HTTP/1.x request, as the demo server needs it: request line, headers, and how
// long the body that follows is, so pipelined requests stay framed.
class HttpRequestHead
{
public:
    // The demo server's limit on a request head; past it the answer is 431.
    static constexpr qsizetype MaxSize = 64 * 1024;

    struct ParseResult;

    QByteArray method;
    QByteArray target;
    int versionMajor = 1;
    int versionMinor = 1;
    QList<QPair<QByteArray, QByteArray>> headers;  // names as sent, values without surrounding blanks
    qint64 contentLength = 0;                      // of the request body
    bool chunkedBody = false;                      // a Transfer-Encoding body: its end is not tracked

    // The first value of a header, its name compared without case; null when absent.
    QByteArray value(QByteArrayView name) const;
    // Whether a comma-separated header ("Connection: keep-alive, close") lists token, without case.
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    // HTTP/1.1 keeps the connection unless it says "Connection: close"; HTTP/1.0 always closes here.
    bool keepAlive() const;
    // The target's path: the query dropped, the scheme and authority of an absolute-form target too.
    QByteArray path() const;

    // Bytes of empty lines before a request line, which a server ignores (RFC 9112 2.2).
    static qsizetype blankPrefixLength(QByteArrayView data);
    // The length of the head at the start of data, through its terminating empty line, or -1 while
    // it is incomplete. searchFrom lets a caller skip what it already searched (it may be a little
    // before the true end of the previous search).
    static qsizetype headLength(QByteArrayView data, qsizetype searchFrom = 0);
    // Parses a complete head (what headLength() measured). Never trusts the peer.
    static ParseResult parse(QByteArrayView head);
};

struct HttpRequestHead::ParseResult
{
    HttpRequestHead head;
    int status = 0;       // 0 when valid, else the status to answer with: 400 or 505
    QByteArray reason;    // why it is invalid, in words the error page shows

    bool ok() const { return status == 0; }
};

} // namespace SocketLab
