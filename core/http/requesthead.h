#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace SocketLab {

// The head of one HTTP/1.x request, read from bytes nobody vouches for: the embedded servers read
// what any client sends with it, the request editor and the link clicks what a person typed.
//
// read() never refuses: it reads what is there, says where each part lies (offsets into the bytes
// it was given), and lists every way the head strays from RFC 9112 as a deviation at its offset.
// What to do about a deviation is the caller's choice: the demo server answers 400 to the ones
// RFC 9112 says a server must reject (isFatal()); the request editor rewrites a head typed with
// folded lines or blanks before a colon as it was typed.
//
// The request line is "method SP target SP version" ending in CRLF or a bare LF; headers follow,
// one a line, until an empty line, which ends the head. Bytes past MaxSize are never looked at, so
// reading costs the same whatever follows.
class RequestHead
{
public:
    // The most a head may take, its terminating empty line included; the demo server answers 431
    // past it.
    static constexpr qsizetype MaxSize = 64 * 1024;

    // Where a part lies in the bytes read; a null range (start -1) for a part that is absent.
    struct Range
    {
        qsizetype start = -1;
        qsizetype size = 0;

        bool isNull() const { return start < 0; }
        qsizetype end() const { return start + size; }
    };

    struct Header
    {
        QByteArray name;   // before the colon, blanks around it dropped; the whole line when it has no colon
        QByteArray value;  // after the colon without the blanks around it; each obsolete fold as one space
        Range line;        // the header's bytes, its folded lines included, without its last line end
        Range valueRange;  // where value lies, from its first byte to its last (folds included)
    };

    enum class DeviationKind {
        BlankLinesBefore,           // empty lines before the request line (RFC 9112 2.2: a server ignores them)
        BareLineFeed,               // a line ending in LF alone (RFC 9112 2.2: a recipient may accept it)
        BareCarriageReturn,         // a CR not followed by LF (RFC 9112 2.2)
        RequestLineShape,           // not "method SP target SP version" (RFC 9112 3)
        MethodNotToken,             // RFC 9110 9.1
        TargetCharacter,            // a control character or DEL in the target (RFC 9112 3.2)
        TargetForm,                 // neither a path, an absolute URL, host:port nor "*" (RFC 9112 3.2)
        VersionSyntax,              // not "HTTP/" digit "." digit (RFC 9112 2.3)
        ObsoleteFolding,            // a header line starting with a blank (RFC 9112 5.2)
        HeaderWithoutColon,         // RFC 9112 5
        HeaderNameNotToken,         // empty, or a blank before the colon (RFC 9112 5.1)
        HeaderValueCharacter,       // a control character other than a tab in a value (RFC 9110 5.5)
        MissingHost,                // an HTTP/1.1 request without Host (RFC 9112 3.2)
        DuplicateHost,              // RFC 9112 3.2
        ContentLengthSyntax,        // not digits (RFC 9110 8.6)
        ContentLengthConflict,      // two different Content-Length values (RFC 9112 6.3)
        ContentLengthWithTransferEncoding, // both framings at once (RFC 9112 6.1)
    };

    struct Deviation
    {
        DeviationKind kind;
        qsizetype offset;  // where it lies in the bytes read

        bool operator==(const Deviation &) const = default;
    };

    // Empty lines before the request line, the only ones a server skips.
    Range blankLines;
    // The request line without its line end; null when the bytes hold no line end yet.
    Range requestLine;
    QByteArray lineEnd;  // the request line's own: "\r\n" or "\n"
    QByteArray method;
    QByteArray target;
    QByteArray version;  // as written: "HTTP/1.1"
    Range methodRange;
    Range targetRange;
    Range versionRange;
    int versionMajor = -1;  // -1 while version is not HTTP/x.y
    int versionMinor = -1;
    QList<Header> headers;  // in the order sent, up to the empty line or the end of the bytes
    // The bytes through the empty line that ends the head; -1 while there is none in the bytes
    // (headers then go as far as the bytes do, the last one maybe not finished).
    qsizetype length = -1;
    bool tooLarge = false;  // no end within MaxSize: what lies past it was not read
    qint64 contentLength = 0;  // of the body, from a valid Content-Length
    bool transferEncoded = false;  // a Transfer-Encoding header: the body's end is the codings'
    QList<Deviation> deviations;  // in the order of their offsets

    // Reads the head at the start of bytes.
    static RequestHead read(QByteArrayView bytes);

    // The length of the empty lines at the start of data (what blankLines covers).
    static qsizetype blankPrefixLength(QByteArrayView data);
    // Where the head at the start of data ends, through its empty line, or -1 while it has none.
    // searchFrom lets a caller that receives bytes skip what it searched already; it may lie up to
    // 3 bytes (the longest terminator, "\n\r\n", less one) before the end of the previous search.
    static qsizetype headLength(QByteArrayView data, qsizetype searchFrom = 0);

    // Whether RFC 9112 says a server must reject a request with it (400), rather than accept it.
    static bool isFatal(DeviationKind kind);
    // What the deviation is, in English words the demo server's error page shows.
    static QByteArray describe(DeviationKind kind);

    // Whether the bytes start with a whole, well-formed request line: what an HTTP request typed by
    // hand looks like (the end of its head is not needed).
    bool hasRequestLine() const;
    bool hasDeviation(DeviationKind kind) const;
    // The first deviation a server must reject the request for; nullptr when there is none.
    const Deviation *firstFatal() const;

    // The first header of that name, compared without case; nullptr when absent.
    const Header *header(QByteArrayView name) const;
    // The first value of a header, its name compared without case; null when absent.
    QByteArray value(QByteArrayView name) const;
    // Whether a comma-separated header ("Connection: keep-alive, close") lists token, without case.
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
    // HTTP/1.1 keeps the connection unless it says "Connection: close"; HTTP/1.0 closes here.
    bool keepAlive() const;
    // The target's path: the query dropped, the scheme and authority of an absolute-form target too.
    QByteArray path() const;
    // Whether the target is in absolute form ("http://host:port/path"), as a request to a proxy is.
    bool hasAbsoluteTarget() const;
};

} // namespace SocketLab
