#pragma once

#include <QByteArray>

#include <optional>

namespace SocketLab {

// Points an HTTP request typed by hand at another URL or host, touching nothing else.
//
// The request must start with a request line, "METHOD target HTTP/x.y" ending in CR LF or LF;
// headers are read up to the blank line (or to the end while none is typed yet). Method, version,
// the other headers with their order, case and line endings, and the body stay byte for byte, so
// an edited request survives a new target.

// Whether the request starts with a request line: what an HTTP request typed by hand looks like.
bool startsWithRequestLine(const QByteArray &request);

// The request with its request line's target replaced by path (kept when path is empty) and the
// value of its first Host header replaced by hostHeader; an HTTP/1.1 request without a Host header
// gets one after its request line, since HTTP/1.1 requires it (HTTP/1.0 is left without). A target
// in absolute form, as a request to a proxy has, stays absolute: it becomes the URL of hostHeader
// and path, https:// when tls. nullopt when the request does not start with a request line: a raw
// payload, a line still being typed.
std::optional<QByteArray> retargetRequest(const QByteArray &request, const QByteArray &hostHeader,
                                          const QByteArray &path = {}, bool tls = false);

// The value of the request's first Host header, without the spaces around it; nullopt when the
// request does not start with a request line or has no Host header.
std::optional<QByteArray> requestHostHeader(const QByteArray &request);

} // namespace SocketLab
