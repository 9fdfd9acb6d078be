#pragma once

#include "responsestream.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace SocketLab {

class RequestHead;

// The pages of the embedded HTTP/1.1 demo server. Every page is the same from run to run except
// the Date header, so tests and screenshots can count on its bytes:
//   /            the notebooks' www.perdu.com page, with Content-Length
//   /chunked     a small page in several chunks (Transfer-Encoding: chunked)
//   /big         a 4 MiB text page, generated while it is sent
//   /bytes/N     exactly N bytes (up to 64 GiB) of a repeating 0x00..0xff pattern
//   /image.png   a 64x64 RGB gradient made with zlib at start-up
//   /links       links (absolute and relative), a redirect, a cookie and a GET form: a page to click
//   /hello?name= the form's answer, greeting the name it was sent
//   /redirect    302 Found to /cookie
//   /cookie      sets the cookie CookieValue and says which Cookie line the request had;
//                /cookie/delete deletes it (Max-Age=0)
// anything else 404; methods other than GET and HEAD 405.
class HttpDemoSite
{
public:
    static constexpr qint64 BigPageLineSize = 64;
    static constexpr qint64 BigPageSize = 4 * 1024 * 1024;
    static constexpr qint64 MaxBytesPage = qint64(64) * 1024 * 1024 * 1024;
    static constexpr int ImageSide = 64;
    static constexpr char CookieValue[] = "demo=chocolate";

    HttpDemoSite();

    // Why the server does not serve a request head: status 0 when it does.
    struct Refusal
    {
        int status = 0;     // 400, or 505 for a version other than HTTP/1.x
        QByteArray reason;  // in the words the error page shows
    };
    // A head with a deviation RFC 9112 says a server must reject gets 400 (RequestHead::isFatal());
    // a well-formed request line of another version than 1.x gets 505.
    static Refusal refusal(const RequestHead &request);

    // The answer to a request refusal() lets through.
    ResponseStream respond(const RequestHead &request, const QDateTime &now) const;
    // The answer to a request that could not be parsed (400, 431, 505); the connection then closes.
    ResponseStream errorResponse(int status, const QByteArray &reason, const QDateTime &now) const;

    const QByteArray &image() const { return m_image; }

    static QByteArray indexPage();
    static QList<QByteArray> chunkedPageChunks();
    static QByteArray linksPage();
    // target: the request line's target, whose query names the person to greet.
    static QByteArray helloPage(const QByteArray &target);
    static QByteArray redirectPage();
    // set: /cookie (else /cookie/delete); requestCookie: the request's Cookie value, null if none.
    static QByteArray cookiePage(bool set, const QByteArray &requestCookie);
    // The generated bodies, from any offset: /bytes/N and /big.
    static void fillBytes(qint64 offset, char *buffer, qint64 len);
    static void fillBigPage(qint64 offset, char *buffer, qint64 len);
    // "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 5.6.7).
    static QByteArray httpDate(const QDateTime &time);
    static QByteArray reasonPhrase(int status);

private:
    QByteArray m_image;
};

} // namespace SocketLab
