#pragma once

#include "http/cookiejar.h"

#include <QString>

// Cookies in words for a person, translated in the context "SocketLab::CookieText": what a reply's
// Set-Cookie did, and why one was refused. Shared by the window and the CLI.
namespace SocketLab::CookieText {

// Why the jar refused a Set-Cookie, as the end of a sentence: "its Domain co.uk is a public suffix…".
QString refusal(const CookieVerdict &verdict, const QUrl &url);
// One line for a Set-Cookie: "session: kept for 127.0.0.1 only, path /, HttpOnly, SameSite=Lax,
// until the chain ends." or "tracker: refused: …".
QString describe(const CookieVerdict &verdict, const QUrl &url);

} // namespace SocketLab::CookieText
