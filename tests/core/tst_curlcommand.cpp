#include "http/curlcommand.h"
#include "text/curltext.h"

#include <QTest>

using namespace SocketLab;

namespace {

// A notice as one short string, so a table row reads as the person would see the list.
QString shown(const CurlNotice &notice)
{
    static const char *const names[] = {"NoUserAgent", "Redirects", "Output", "Timeout", "Proxy", "HttpVersion",
                                        "Insecure", "DataFile", "HeaderFile", "CookieFile", "PasswordPrompt",
                                        "Form", "ExtraUrl", "ShellRest", "ShellVariable", "Ignored", "Unknown",
                                        "DoubledQuotes"};
    QString text = QString::fromLatin1(names[int(notice.kind)]);
    if (!notice.option.isEmpty())
        text += QLatin1Char(' ') + notice.option;
    if (!notice.value.isEmpty())
        text += QLatin1Char(' ') + notice.value;
    return text;
}

QStringList shown(const QList<CurlNotice> &notices)
{
    QStringList list;
    for (const CurlNotice &notice : notices)
        list.append(shown(notice));
    return list;
}

} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT

private slots:
    void pasted_data();
    void pasted();
    void quoting_data();
    void quoting();
    void errors_data();
    void errors();
    void controlCharactersNeverReachTheHead();
    void everyPrefixReads();
    void recognised();
    void sentences();
    void tlsOptionsGoToTheForm();
};

void TestCurlCommand::pasted_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QStringList>("notices");

    // Chrome, "Copy as cURL (bash)" of a page: many -H, cookies with -b, --compressed; the fragment
    // is not sent, the query is; -H accept takes the place of curl's own Accept.
    QTest::newRow("chrome bash GET")
        << QStringLiteral("curl 'https://example.com/search?q=socket&lang=fr#results' \\\n"
                          "  -H 'accept: text/html,application/xhtml+xml' \\\n"
                          "  -H 'accept-language: fr-FR,fr;q=0.9' \\\n"
                          "  -b 'session=abc123; theme=dark' \\\n"
                          "  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\\n"
                          "  --compressed")
        << QStringLiteral("example.com") << 443 << true
        << QByteArray("GET /search?q=socket&lang=fr HTTP/1.1\r\n"
                      "Host: example.com\r\n"
                      "Accept-Encoding: deflate, gzip, br\r\n"
                      "Cookie: session=abc123; theme=dark\r\n"
                      "accept: text/html,application/xhtml+xml\r\n"
                      "accept-language: fr-FR,fr;q=0.9\r\n"
                      "user-agent: Mozilla/5.0 (X11; Linux x86_64)\r\n"
                      "\r\n")
        << QStringList();
    // Chrome writes a body with $'...' as soon as it holds a quote or anything beyond ASCII
    // (\u00e9, and "!" as \u0021); a Content-Type of -H replaces the form one.
    QTest::newRow("chrome bash POST json")
        << QStringLiteral("curl 'http://127.0.0.1:8080/api/login' \\\n"
                          "  -H 'Content-Type: application/json' \\\n"
                          "  -H 'Origin: http://127.0.0.1:8080' \\\n"
                          "  --data-raw $'{\"user\":\"zo\\u00e9\",\"note\":\"it\\'s \\u0021\"}' \\\n"
                          "  --compressed")
        << QStringLiteral("127.0.0.1") << 8080 << false
        << QByteArray("POST /api/login HTTP/1.1\r\n"
                      "Host: 127.0.0.1:8080\r\n"
                      "Accept: */*\r\n"
                      "Accept-Encoding: deflate, gzip, br\r\n"
                      "Content-Type: application/json\r\n"
                      "Origin: http://127.0.0.1:8080\r\n"
                      "Content-Length: 31\r\n"
                      "\r\n"
                      "{\"user\":\"zo\xc3\xa9\",\"note\":\"it's !\"}")
        << QStringList{QStringLiteral("NoUserAgent")};
    // Firefox, "Copy as cURL (POSIX)": one line, -X POST, every header with -H.
    QTest::newRow("firefox posix POST form")
        << QStringLiteral("curl 'http://localhost/form' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) "
                          "Gecko/20100101 Firefox/128.0' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded' "
                          "-H 'Referer: http://localhost/' --data-raw 'name=Ada&lang=fr'")
        << QStringLiteral("localhost") << 80 << false
        << QByteArray("POST /form HTTP/1.1\r\n"
                      "Host: localhost\r\n"
                      "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                      "Accept: */*\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Referer: http://localhost/\r\n"
                      "Content-Length: 16\r\n"
                      "\r\n"
                      "name=Ada&lang=fr")
        << QStringList();
    // curl's own tutorial: -u, -A, -e, two -d joined with "&", in curl's header order.
    QTest::newRow("curl tutorial")
        << QStringLiteral("curl -u daniel:secret -A \"Mozilla/4.0\" -e \"https://curl.se/\" -d \"name=daniel\" "
                          "-d \"skill=lousy\" http://www.example.com/when/junk.cgi?x=1#top")
        << QStringLiteral("www.example.com") << 80 << false
        << QByteArray("POST /when/junk.cgi?x=1 HTTP/1.1\r\n"
                      "Host: www.example.com\r\n"
                      "Authorization: Basic ZGFuaWVsOnNlY3JldA==\r\n"
                      "User-Agent: Mozilla/4.0\r\n"
                      "Accept: */*\r\n"
                      "Referer: https://curl.se/\r\n"
                      "Content-Length: 23\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "\r\n"
                      "name=daniel&skill=lousy")
        << QStringList();
    QTest::newRow("https -k HTTP/1.0 HEAD")
        << QStringLiteral("curl -k --http1.0 -I https://localhost:8443/health")
        << QStringLiteral("localhost") << 8443 << true
        << QByteArray("HEAD /health HTTP/1.0\r\n"
                      "Host: localhost:8443\r\n"
                      "Accept: */*\r\n"
                      "\r\n")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("Insecure -k")};
    // What only shapes curl's output or its way there: each named, none sent.
    QTest::newRow("options without a socket meaning")
        << QStringLiteral("curl -sSL -o /dev/null -m 5 -x http://proxy:3128 --http2 --frobnicate -X PUT http://h/x")
        << QStringLiteral("h") << 80 << false
        << QByteArray("PUT /x HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("Output -s"), QStringLiteral("Output -S"),
                       QStringLiteral("Redirects -L"), QStringLiteral("Output -o /dev/null"), QStringLiteral("Timeout -m 5"),
                       QStringLiteral("Proxy -x http://proxy:3128"), QStringLiteral("HttpVersion --http2"),
                       QStringLiteral("Unknown --frobnicate")};
    QTest::newRow("-G with --data-urlencode")
        << QStringLiteral("curl -G --data-urlencode \"q=hello world & more\" -d page=2 http://h/search")
        << QStringLiteral("h") << 80 << false
        << QByteArray("GET /search?q=hello%20world%20%26%20more&page=2 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent")};
    // Files are not read: the request says POST as curl would, with the body left to the person.
    QTest::newRow("files and a pipe")
        << QStringLiteral("curl -d @body.json -b cookies.txt http://h/ | jq .")
        << QStringLiteral("h") << 80 << false
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nContent-Length: 0\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("DataFile -d body.json"),
                       QStringLiteral("CookieFile -b cookies.txt"), QStringLiteral("ShellRest | | jq .")};
    // Chrome, "Copy as cURL (cmd)": ^" quotes, ^ before every special character, ^ ending lines.
    QTest::newRow("chrome cmd")
        << QStringLiteral("curl ^\"https://example.com/api?id=1^&x=^%^22y^%^22^\" ^\r\n"
                          "  -H ^\"accept: application/json^\" ^\r\n"
                          "  -H ^\"user-agent: Mozilla/5.0^\" ^\r\n"
                          "  --data-raw ^\"^{^\\^\"a^\\^\":1^}^\" ^\r\n"
                          "  --compressed")
        << QStringLiteral("example.com") << 443 << true
        << QByteArray("POST /api?id=1&x=%22y%22 HTTP/1.1\r\n"
                      "Host: example.com\r\n"
                      "Accept-Encoding: deflate, gzip, br\r\n"
                      "accept: application/json\r\n"
                      "user-agent: Mozilla/5.0\r\n"
                      "Content-Length: 7\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "\r\n"
                      "{\"a\":1}")
        << QStringList();
    // The older cmd form: plain double quotes, "" for a quote inside.
    QTest::newRow("cmd doubled quotes")
        << QStringLiteral("curl \"http://h/\" -H \"X-Say: \"\"hi\"\"\" ^\n  --compressed")
        << QStringLiteral("h") << 80 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nAccept-Encoding: deflate, gzip, br\r\nX-Say: \"hi\"\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent")};
    // bash: a Markdown fence at a line's end inside '...' is text, not PowerShell's continuation.
    QTest::newRow("bash body with a fence")
        << QStringLiteral("curl http://h/ \\\n  --data-raw 'see:\n```\nx\n```\n'")
        << QStringLiteral("h") << 80 << false
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nContent-Length: 15\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n\r\nsee:\n```\nx\n```\n")
        << QStringList{QStringLiteral("NoUserAgent")};
    // bash joins "a""b" into ab: no cmd marks, so no cmd "" rule.
    QTest::newRow("bash adjacent quotes")
        << QStringLiteral("curl http://h/ -d \"a\"\"b\"")
        << QStringLiteral("h") << 80 << false
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nContent-Length: 2\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n\r\nab")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("DoubledQuotes")};
    QTest::newRow("IPv6, space in the path")
        << QStringLiteral("curl \"http://[::1]:8081/p a?x=1\"")
        << QStringLiteral("::1") << 8081 << false
        << QByteArray("GET /p%20a?x=1 HTTP/1.1\r\nHost: [::1]:8081\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent")};
    QTest::newRow("-u without a password")
        << QStringLiteral("curl -u alice http://h/")
        << QStringLiteral("h") << 80 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Basic YWxpY2U6\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("PasswordPrompt -u alice")};
    QTest::newRow("credentials in the URL")
        << QStringLiteral("curl http://bob:p%40ss@h:8080/")
        << QStringLiteral("h") << 8080 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: h:8080\r\nAuthorization: Basic Ym9iOnBAc3M=\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent")};
    // "Name:" takes curl's own header away, "Name;" sends it empty, -A '' sends none.
    QTest::newRow("removed and empty headers")
        << QStringLiteral("curl -H 'Accept:' -H 'X-Empty;' -A '' http://h/")
        << QStringLiteral("h") << 80 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX-Empty:\r\n\r\n")
        << QStringList();
    QTest::newRow("Host of -H")
        << QStringLiteral("curl -H 'Host: virtual.test' -A probe http://127.0.0.1/")
        << QStringLiteral("127.0.0.1") << 80 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: virtual.test\r\nUser-Agent: probe\r\nAccept: */*\r\n\r\n")
        << QStringList();
    QTest::newRow("--json")
        << QStringLiteral("curl --json '{\"k\":1}' http://h/j")
        << QStringLiteral("h") << 80 << false
        << QByteArray("POST /j HTTP/1.1\r\nHost: h\r\nAccept: application/json\r\nContent-Length: 7\r\n"
                      "Content-Type: application/json\r\n\r\n{\"k\":1}")
        << QStringList{QStringLiteral("NoUserAgent")};
    QTest::newRow("no scheme")
        << QStringLiteral("curl example.com")
        << QStringLiteral("example.com") << 80 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent")};
    QTest::newRow("-XPOST --data-binary with a line feed")
        << QStringLiteral("curl -XPOST --data-binary $'line1\\nline2' http://h/")
        << QStringLiteral("h") << 80 << false
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nContent-Length: 11\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n\r\nline1\nline2")
        << QStringList{QStringLiteral("NoUserAgent")};
    // An API's documentation: a token in a variable, headers from a file, a Referer for redirects.
    QTest::newRow("shell variables and files")
        << QStringLiteral("curl -H \"Authorization: Bearer $TOKEN\" -H @headers.txt -e 'http://h/;auto' "
                          "\"https://api.example.com/v1/items?owner=${OWNER}\"")
        << QStringLiteral("api.example.com") << 443 << true
        << QByteArray("GET /v1/items?owner=${OWNER} HTTP/1.1\r\nHost: api.example.com\r\nAccept: */*\r\n"
                      "Referer: http://h/\r\nAuthorization: Bearer $TOKEN\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("HeaderFile -H headers.txt"),
                       QStringLiteral("Redirects -e http://h/;auto"), QStringLiteral("ShellVariable $TOKEN"),
                       QStringLiteral("ShellVariable ${OWNER}")};
    QTest::newRow("second URL")
        << QStringLiteral("curl http://a/ http://b/")
        << QStringLiteral("a") << 80 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("ExtraUrl http://b/")};
    // Chrome 114's "Copy as cURL (cmd)" of a page (as pasted in curl-to-csharp's issue #131): the
    // client hints' quotes as ^\^" inside "...".
    QTest::newRow("chrome 114 cmd client hints")
        << QStringLiteral("curl \"https://curl.olsh.me/\" ^\r\n"
                          "  -H \"authority: curl.olsh.me\" ^\r\n"
                          "  -H \"accept-language: tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7\" ^\r\n"
                          "  -H \"sec-ch-ua: ^\\^\"Not.A/Brand^\\^\";v=^\\^\"8^\\^\", ^\\^\"Chromium^\\^\";v=^\\^\"114^\\^\"\" ^\r\n"
                          "  -H \"sec-ch-ua-platform: ^\\^\"Windows^\\^\"\" ^\r\n"
                          "  -H \"user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" ^\r\n"
                          "  --compressed")
        << QStringLiteral("curl.olsh.me") << 443 << true
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: curl.olsh.me\r\n"
                      "Accept: */*\r\n"
                      "Accept-Encoding: deflate, gzip, br\r\n"
                      "authority: curl.olsh.me\r\n"
                      "accept-language: tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7\r\n"
                      "sec-ch-ua: \"Not.A/Brand\";v=\"8\", \"Chromium\";v=\"114\"\r\n"
                      "sec-ch-ua-platform: \"Windows\"\r\n"
                      "user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)\r\n"
                      "\r\n")
        << QStringList();
    // Firefox's older Windows copy (as pasted in Insomnia's issue #802): one line, a quote inside
    // "..." doubled, no caret to tell it from bash: read as bash reads it, and said.
    QTest::newRow("firefox windows doubled quotes")
        << QStringLiteral("curl \"https://vdi.example/api/report\" -H \"Content-Type: application/json\" "
                          "--data \"{\"\"numberReportDays\"\":1,\"\"includePoolName\"\":true}\"")
        << QStringLiteral("vdi.example") << 443 << true
        << QByteArray("POST /api/report HTTP/1.1\r\n"
                      "Host: vdi.example\r\n"
                      "Accept: */*\r\n"
                      "Content-Type: application/json\r\n"
                      "Content-Length: 41\r\n"
                      "\r\n"
                      "{numberReportDays:1,includePoolName:true}")
        << QStringList{QStringLiteral("NoUserAgent"), QStringLiteral("DoubledQuotes")};
    // PowerShell, where curl alone is Invoke-WebRequest: curl.exe, a backtick ending each line,
    // `" and `t and `u{e9} inside "...", '' inside '...'.
    QTest::newRow("powershell curl.exe")
        << QStringLiteral("curl.exe `\n"
                          "  -X POST `\n"
                          "  -H \"Content-Type: application/json\" `\n"
                          "  -H \"User-Agent: Mozilla/5.0\" `\n"
                          "  -H 'X-Say: it''s' `\r\n"
                          "  --data-raw \"{`\"name`\":`\"zo`u{e9}`\",`\"tab`\":`\"a`tb`\"}\" `\n"
                          "  \"https://api.example.com/v1/items?x=1\"")
        << QStringLiteral("api.example.com") << 443 << true
        << QByteArray("POST /v1/items?x=1 HTTP/1.1\r\n"
                      "Host: api.example.com\r\n"
                      "Accept: */*\r\n"
                      "Content-Type: application/json\r\n"
                      "User-Agent: Mozilla/5.0\r\n"
                      "X-Say: it's\r\n"
                      "Content-Length: 27\r\n"
                      "\r\n"
                      "{\"name\":\"zo\xc3\xa9\",\"tab\":\"a\tb\"}")
        << QStringList();
    // A name in Unicode goes in the Host header in its ASCII form, as curl built with libidn2 sends it.
    QTest::newRow("IDN host")
        << QStringLiteral("curl 'https://bücher.example/shop?q=1' -A x")
        << QStringLiteral("xn--bcher-kva.example") << 443 << true
        << QByteArray("GET /shop?q=1 HTTP/1.1\r\nHost: xn--bcher-kva.example\r\nUser-Agent: x\r\nAccept: */*\r\n\r\n")
        << QStringList();
    QTest::newRow("IDN host with a port, cmd")
        << QStringLiteral("curl ^\"http://例え.テスト:8080/^\" ^\r\n  -H ^\"User-Agent: x^\"")
        << QStringLiteral("xn--r8jz45g.xn--zckzah") << 8080 << false
        << QByteArray("GET / HTTP/1.1\r\nHost: xn--r8jz45g.xn--zckzah:8080\r\nAccept: */*\r\nUser-Agent: x\r\n\r\n")
        << QStringList();
}

void TestCurlCommand::pasted()
{
    QFETCH(QString, command);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, tls);
    QFETCH(QByteArray, request);
    QFETCH(QStringList, notices);

    const CurlParse parse = parseCurlCommand(command);
    if (const auto *error = std::get_if<CurlError>(&parse))
        QFAIL(qPrintable(CurlText::error(*error)));
    const CurlImport &result = std::get<CurlImport>(parse);
    QCOMPARE(result.host, host);
    QCOMPARE(int(result.port), port);
    QCOMPARE(result.tls, tls);
    QCOMPARE(result.request, request);
    QCOMPARE(shown(result.notices), notices);
}

void TestCurlCommand::quoting_data()
{
    QTest::addColumn<QString>("header");  // the -H argument as written in bash
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("single quote closed and reopened") << QStringLiteral("'X: a b'\\''c'") << QByteArray("X: a b'c");
    QTest::newRow("ANSI-C escapes") << QStringLiteral("$'X: \\x41\\101\\u00e9\\t\\\\\\''")
                                    << QByteArray("X: AA\xc3\xa9\t\\'");
    QTest::newRow("ANSI-C beyond the BMP") << QStringLiteral("$'X: \\U0001F600'") << QByteArray("X: \xf0\x9f\x98\x80");
    QTest::newRow("escaped spaces") << QStringLiteral("X:\\ a\\ b") << QByteArray("X: a b");
    QTest::newRow("pieces joined") << QStringLiteral("\"X: \"'mixed'$'\\x21'") << QByteArray("X: mixed!");
    QTest::newRow("double quote escapes") << QStringLiteral("\"X: \\\"hi\\\" \\$HOME \\\\ \\n\"")
                                          << QByteArray("X: \"hi\" $HOME \\ \\n");
    QTest::newRow("newline escaped in double quotes") << QStringLiteral("\"X: line\\\ncontinued\"")
                                                      << QByteArray("X: linecontinued");
    QTest::newRow("nothing expanded in single quotes") << QStringLiteral("'X: $HOME `id` \\n'")
                                                       << QByteArray("X: $HOME `id` \\n");
    QTest::newRow("non-ASCII as typed") << QStringLiteral("'X: café'") << QByteArray("X: caf\xc3\xa9");
}

void TestCurlCommand::quoting()
{
    QFETCH(QString, header);
    QFETCH(QByteArray, sent);
    // A CRLF continuation too, as a command copied on Windows into a bash window has.
    const CurlParse parse = parseCurlCommand(QStringLiteral("curl -A a \\\r\n -H ") + header + QStringLiteral(" http://h/"));
    if (const auto *error = std::get_if<CurlError>(&parse))
        QFAIL(qPrintable(CurlText::error(*error)));
    QCOMPARE(std::get<CurlImport>(parse).request,
             QByteArray("GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: a\r\nAccept: */*\r\n" + sent + "\r\n\r\n"));
}

void TestCurlCommand::errors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("detail");
    using K = CurlError::Kind;
    QTest::newRow("unclosed single quote") << QStringLiteral("curl 'http://h/") << int(K::UnclosedQuote) << 1 << 6 << QString();
    QTest::newRow("unclosed on line 2") << QStringLiteral("curl http://h/ \\\n  -H \"X: 1") << int(K::UnclosedQuote) << 2 << 6 << QString();
    QTest::newRow("unclosed ANSI-C") << QStringLiteral("curl $'abc\\'") << int(K::UnclosedQuote) << 1 << 6 << QString();
    QTest::newRow("unclosed cmd quote") << QStringLiteral("curl ^\"http://h/ ^\n -A x") << int(K::UnclosedQuote) << 1 << 7 << QString();
    QTest::newRow("trailing backslash") << QStringLiteral("curl http://h/ \\") << int(K::DanglingEscape) << 1 << 16 << QString();
    QTest::newRow("-H without a value") << QStringLiteral("curl http://h/ -H") << int(K::MissingValue) << 1 << 16 << QStringLiteral("-H");
    QTest::newRow("-sH without a value") << QStringLiteral("curl -sH") << int(K::MissingValue) << 1 << 8 << QStringLiteral("-H");
    QTest::newRow("--data without a value") << QStringLiteral("curl http://h/ --data") << int(K::MissingValue) << 1 << 16 << QStringLiteral("--data");
    QTest::newRow("not curl") << QStringLiteral("wget http://h/") << int(K::NotCurl) << 1 << 1 << QString();
    QTest::newRow("no URL") << QStringLiteral("curl -s -v") << int(K::NoUrl) << 1 << 11 << QString();
    QTest::newRow("ftp") << QStringLiteral("curl -s ftp://h/") << int(K::BadScheme) << 1 << 9 << QStringLiteral("ftp");
    QTest::newRow("port out of range") << QStringLiteral("curl http://h:99999/") << int(K::BadPort) << 1 << 6 << QStringLiteral("99999");
    QTest::newRow("no host") << QStringLiteral("curl http:///x") << int(K::BadHost) << 1 << 6 << QStringLiteral("/x");
    QTest::newRow("unclosed PowerShell quote") << QStringLiteral("curl.exe `\n  \"http://h/") << int(K::UnclosedQuote) << 2 << 3 << QString();
    QTest::newRow("unclosed PowerShell literal") << QStringLiteral("curl.exe `\n  'http://h/''") << int(K::UnclosedQuote) << 2 << 3 << QString();
    // A label past 63 characters once in punycode has no ASCII form.
    QTest::newRow("IDN label too long") << (QStringLiteral("curl http://") + QString(70, QChar(0xfc)) + QStringLiteral("/"))
                                        << int(K::BadHost) << 1 << 6 << (QString(70, QChar(0xfc)) + QStringLiteral("/"));
}

void TestCurlCommand::errors()
{
    QFETCH(QString, command);
    QFETCH(int, kind);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, detail);
    const CurlParse parse = parseCurlCommand(command);
    QVERIFY(std::holds_alternative<CurlError>(parse));
    const CurlError &error = std::get<CurlError>(parse);
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.detail, detail);
}

// A command cut anywhere (a paste that lost its end) reads as a request or as an error that points
// inside the text: never past it, never nowhere.
void TestCurlCommand::everyPrefixReads()
{
    const QStringList commands{
        QStringLiteral("curl 'https://example.com/search?q=socket&lang=fr#results' \\\n  -H 'accept: text/html' \\\n  "
                       "--data-raw $'{\"user\":\"zo\\u00e9\\x21\\101\\cA\\U0001F600\"}' -b 'a=b' --compressed -k"),
        QStringLiteral("curl ^\"https://example.com/api?id=1^&x=^%^22y^%^22^\" ^\r\n  -H ^\"accept: application/json^\" ^\r\n"
                       "  --data-raw ^\"^{^\\^\"a^\\^\":1^}^\" ^\r\n  --compressed"),
        QStringLiteral("curl -sSLu a:b -XPUT \"http://[::1]:8081/p a?x=1\" -H \"X: \\\"q\\\" \\$\" -d x -G | jq ."),
    };
    for (const QString &command : commands) {
        for (qsizetype size = 0; size <= command.size(); ++size) {
            const QString prefix = command.first(size);
            const CurlParse parse = parseCurlCommand(prefix);
            if (const auto *error = std::get_if<CurlError>(&parse)) {
                const QStringList lines = prefix.split(QLatin1Char('\n'));
                QVERIFY2(error->line >= 1 && error->line <= lines.size(), qPrintable(prefix));
                QVERIFY2(error->column >= 1 && error->column <= lines.at(error->line - 1).size() + 1, qPrintable(prefix));
                QVERIFY(!CurlText::error(*error).isEmpty());
            } else {
                const CurlImport &result = std::get<CurlImport>(parse);
                QVERIFY2(!result.host.isEmpty(), qPrintable(prefix));
                QVERIFY2(result.request.contains(" HTTP/1."), qPrintable(prefix));
                QVERIFY2(result.request.contains("\r\n\r\n"), qPrintable(prefix));
            }
        }
    }
}

void TestCurlCommand::recognised()
{
    QVERIFY(looksLikeCurlCommand(QStringLiteral("curl 'http://h/'")));
    QVERIFY(looksLikeCurlCommand(QStringLiteral("  curl.exe ^\"http://h/^\"")));
    QVERIFY(looksLikeCurlCommand(QStringLiteral("/usr/bin/curl\nhttp://h/")));
    QVERIFY(!looksLikeCurlCommand(QStringLiteral("curl")));
    QVERIFY(!looksLikeCurlCommand(QStringLiteral("curly.example")));
    QVERIFY(!looksLikeCurlCommand(QStringLiteral("http://h/curl x")));
}

void TestCurlCommand::sentences()
{
    QCOMPARE(CurlText::error(CurlError{CurlError::Kind::UnclosedQuote, 1, 37, QString()}),
             QStringLiteral("The curl command has an unclosed quote at column 37."));
    QCOMPARE(CurlText::error(CurlError{CurlError::Kind::MissingValue, 3, 4, QStringLiteral("-H")}),
             QStringLiteral("The curl option -H at line 3, column 4 needs a value and none follows."));
    QCOMPARE(CurlText::notice(CurlNotice{CurlNotice::Kind::Timeout, QStringLiteral("-m"), QStringLiteral("5")}),
             QStringLiteral("-m 5: the form's own timeouts apply."));
    for (int kind = 0; kind <= int(CurlNotice::Kind::Unknown); ++kind)
        QVERIFY(!CurlText::notice(CurlNotice{CurlNotice::Kind(kind), QStringLiteral("-x"), QString()}).isEmpty());
}

// --cacert and --tlsv1.x say how TLS is spoken, which the form holds: they are kept, not noted as left out.
void TestCurlCommand::tlsOptionsGoToTheForm()
{
    const CurlParse parse = parseCurlCommand(QStringLiteral("curl --tlsv1.2 --cacert /etc/lab/ca.pem --tlsv1.3 https://lab.test/"));
    const CurlImport *import = std::get_if<CurlImport>(&parse);
    QVERIFY(import);
    QCOMPARE(import->caFile, QStringLiteral("/etc/lab/ca.pem"));
    QCOMPARE(import->tlsMinVersion, TlsVersion::Tls13);
    for (const CurlNotice &notice : import->notices)
        QVERIFY2(notice.kind != CurlNotice::Kind::Ignored, qPrintable(notice.option));
    const CurlParse plain = parseCurlCommand(QStringLiteral("curl https://lab.test/"));
    QCOMPARE(std::get<CurlImport>(plain).caFile, QString());
    QCOMPARE(std::get<CurlImport>(plain).tlsMinVersion, TlsVersion::Any);
}

void TestCurlCommand::controlCharactersNeverReachTheHead()
{
    // Found by fuzz_pastedrequests: a quoted URL may hold a CR or LF, which in the request line
    // would end it early and put what follows in the head as a header.
    const CurlParse parse = parseCurlCommand(QStringLiteral("curl \"http://h/a\rb\nX: y c\x7f\""));
    QVERIFY(std::holds_alternative<CurlImport>(parse));
    const QByteArray request = std::get<CurlImport>(parse).request;
    QVERIFY2(request.startsWith("GET /a%0Db%0AX:%20y%20c%7F HTTP/1.1\r\nHost: h\r\n"), request.constData());

    // In the host name, the same would end the Host header: refused.
    const CurlParse badHost = parseCurlCommand(QStringLiteral("curl \"http://h\r\nX: y/\""));
    QVERIFY(std::holds_alternative<CurlError>(badHost));
    QCOMPARE(std::get<CurlError>(badHost).kind, CurlError::Kind::BadHost);

    // Nor in the method: the request line would end in it.
    const CurlParse badMethod = parseCurlCommand(QStringLiteral("curl -X $'GET\\r\\nX: y' http://h/"));
    QVERIFY(std::holds_alternative<CurlError>(badMethod));
    QCOMPARE(std::get<CurlError>(badMethod).kind, CurlError::Kind::BadMethod);
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
