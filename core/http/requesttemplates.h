#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace SocketLab {

// The requests of the notebooks, ready to edit.
enum class RequestTemplate {
    Http10Get,  // "GET / HTTP/1.0\r\n\r\n": the notebook's first request
    Http11Get,  // GET with Host and Connection: close: the notebook's HTTP/1.1 client
    Http11Head,
    Http11Post, // with a body and a Content-Length that follows it
};

// What a pasted "http://www.perdu.com/" or "http://127.0.0.1:8080/a?b" says about the target.
struct HttpUrl
{
    QString host;       // without brackets for IPv6
    quint16 port = 80;
    QByteArray path;    // path and query, percent-encoded as sent: "/a?b"
    bool tls = false;   // https
};

// nullopt for anything but an absolute http:// or https:// URL with a host.
std::optional<HttpUrl> parseHttpUrl(const QString &text);

// The Host header value for host and port: the port only when it is not the scheme's default.
QByteArray hostHeaderValue(const QString &host, quint16 port, bool tls = false);

QByteArray makeRequest(RequestTemplate kind, const QByteArray &hostHeader, const QByteArray &path,
                       const QByteArray &body = {});

// Sets the Content-Length header of an HTTP request to the size of what follows its blank line;
// returns the request unchanged when it has no blank line or no Content-Length header.
QByteArray withContentLengthUpdated(const QByteArray &request);

// How many times a CR follows a CR in the head of a request (up to its blank line, or all of it if it
// has none). "\r\r\n" is what a person gets who types the "\r" an editor shows and then presses
// Enter, which already writes CR LF: almost always a mistake, and one a server may reject.
int doubledCrsInHead(const QByteArray &request);

} // namespace SocketLab
