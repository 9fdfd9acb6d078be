#pragma once

#include "tls/tlsoptions.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

namespace SocketLab {

// What one option of a pasted curl command means for a request sent by hand, when it is not simply
// part of the request: every such option is named, none is dropped without a word.
struct CurlNotice
{
    enum class Kind {
        NoUserAgent,     // no -A: curl would send "User-Agent: curl/VERSION"; left out
        Redirects,       // -L: a redirect is shown, not followed
        Output,          // -o, -s, -v, -i, -w...: how curl prints or saves, not what it sends
        Timeout,         // -m, --connect-timeout: the form's own timeouts apply
        Proxy,           // -x, -U, --noproxy: the request goes straight to the host
        HttpVersion,     // --http2, --http3: HTTP/1.1 is sent
        Insecure,        // -k: the form verifies; a failing certificate can be trusted per host
        DataFile,        // -d @file, --data-binary @file: the file is not read
        HeaderFile,      // -H @file: the file is not read
        CookieFile,      // -b file: the file is not read
        PasswordPrompt,  // -u user without ":password": curl would ask for it
        Form,            // -F: multipart forms are not built
        ExtraUrl,        // a second URL: only the first is sent
        ShellRest,       // "| jq", "> out", "&& ...": the shell's, not curl's
        ShellVariable,   // "$TOKEN": bash would put its value there; kept as written
        Ignored,         // known to curl, no meaning for a raw request (--retry, -c, --capath...)
        Unknown,         // not an option this import knows
        DoubledQuotes,   // "a""b" with no cmd mark: read as bash does (ab), which a Windows copy did not mean
    };
    Kind kind;
    QString option;  // as written: "-L", "--max-time", "|"
    QString value;   // its argument when it has one: "5", "out.html", the file name
    friend bool operator==(const CurlNotice &, const CurlNotice &) = default;
};

// A curl command line, as the target and raw bytes curl would send for it.
struct CurlImport
{
    QString host;          // without brackets for IPv6
    quint16 port = 80;
    bool tls = false;      // https://
    QString caFile;        // --cacert, as written; empty: the system's authorities only
    TlsVersion tlsMinVersion = TlsVersion::Any;  // --tlsv1.2, --tlsv1.3: that version or later
    QByteArray request;    // request line, head and body, byte for byte
    QList<CurlNotice> notices;
};

// Why a command could not be read, and where (1-based line and column of the pasted text).
struct CurlError
{
    enum class Kind {
        NotCurl,         // the first word is not curl
        UnclosedQuote,   // at the opening quote
        DanglingEscape,  // a backslash or caret with nothing after it
        MissingValue,    // an option that takes a value ends the command: option
        NoUrl,
        BadScheme,       // a URL whose scheme is not http or https: detail is the scheme
        BadPort,         // detail is the port as written
        BadHost,         // a URL without a host, or with a space or control character in it
        BadMethod,       // -X with a space or control character: detail is the method
    };
    Kind kind;
    int line = 0;
    int column = 0;
    QString detail;
    friend bool operator==(const CurlError &, const CurlError &) = default;
};

using CurlParse = std::variant<CurlImport, CurlError>;

// True when text reads as a curl command (its first word is curl or curl.exe): a pasted text the
// form should import rather than take for a host name.
bool looksLikeCurlCommand(const QString &text);

// Reads a command as bash would split it (single quotes, double quotes with backslash escapes,
// $'...' ANSI-C quoting, backslash-newline), as cmd.exe would when it is Windows' "Copy as cURL
// (cmd)" (^ escapes and continuations, "" inside quotes), or as PowerShell would a curl.exe command
// continued by backticks, and builds the request curl sends for it; a host in Unicode is sent in
// its ASCII (punycode) form.
CurlParse parseCurlCommand(const QString &text);

} // namespace SocketLab
