#include "curlcommand.h"

#include "requesttemplates.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <utility>

namespace SocketLab {

namespace {

// One argument of the command line, as the shell gives it to curl, and where it began.
struct Word
{
    QByteArray text;
    qsizetype at = 0;  // index of its first character in the pasted text
};

struct Words
{
    QList<Word> words;
    std::optional<CurlNotice> shellRest;  // "| jq" and the like ended the command
    QStringList variables;                // "$TOKEN" outside single quotes, kept as written
};

using Split = std::variant<Words, CurlError>;

CurlError errorAt(CurlError::Kind kind, const QString &text, qsizetype index, const QString &detail = {})
{
    CurlError error{kind, 1, 1, detail};
    for (qsizetype i = 0; i < index && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++error.line;
            error.column = 1;
        } else {
            ++error.column;
        }
    }
    return error;
}

void appendUtf8(QByteArray &out, char32_t codePoint)
{
    out += QString::fromUcs4(&codePoint, 1).toUtf8();
}

// The character at i (a surrogate pair counts as one), appended as UTF-8; returns how many QChars it took.
qsizetype appendChar(QByteArray &out, const QString &text, qsizetype i)
{
    if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        out += text.sliced(i, 2).toUtf8();
        return 2;
    }
    out += QString(text.at(i)).toUtf8();
    return 1;
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// Bash's $'...' escapes, from just after the opening quote; returns the index after the closing one,
// or -1 when it is never closed. Chrome's "Copy as cURL (bash)" writes every body this way, with
// \uHHHH for anything outside printable ASCII (and for "!").
qsizetype readAnsiC(const QString &text, qsizetype i, QByteArray &out)
{
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\''))
            return i + 1;
        if (c != QLatin1Char('\\') || i + 1 >= text.size()) {
            i += appendChar(out, text, i);
            continue;
        }
        const QChar e = text.at(i + 1);
        i += 2;
        switch (e.unicode()) {
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'e': case 'E': out += '\x1b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '\\': case '\'': case '"': case '?': out += char(e.unicode()); break;
        case 'c':
            if (i < text.size()) {
                out += char(text.at(i).toUpper().unicode() & 0x1f);
                ++i;
            }
            break;
        case 'x': case 'u': case 'U': {
            const int most = e == QLatin1Char('x') ? 2 : e == QLatin1Char('u') ? 4 : 8;
            char32_t value = 0;
            int digits = 0;
            while (digits < most && i < text.size() && hexValue(text.at(i)) >= 0) {
                value = value * 16 + char32_t(hexValue(text.at(i)));
                ++i;
                ++digits;
            }
            if (digits == 0)
                out += '\\' + QString(e).toUtf8();
            else if (e == QLatin1Char('x'))
                out += char(value);
            else
                appendUtf8(out, value);
            break;
        }
        default:
            if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                int value = e.unicode() - '0';
                for (int digits = 1; digits < 3 && i < text.size() && text.at(i) >= QLatin1Char('0')
                                     && text.at(i) <= QLatin1Char('7');
                     ++digits, ++i)
                    value = value * 8 + (text.at(i).unicode() - '0');
                out += char(value & 0xff);
            } else {
                out += '\\';
                i -= 1;
                i += appendChar(out, text, i);
            }
        }
    }
    return -1;
}

// "$NAME" or "${NAME}" at i: bash would put the variable's value there, which a pasted command does
// not have; the name as written, or empty when there is none.
QString variableAt(const QString &text, qsizetype i)
{
    static const QRegularExpression name(QStringLiteral(R"(\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*))"));
    const QRegularExpressionMatch match = name.match(text, i, QRegularExpression::NormalMatch,
                                                          QRegularExpression::AnchorAtOffsetMatchOption);
    return match.hasMatch() ? match.captured(0) : QString();
}

// The words bash would pass to curl. Unquoted "$" and backquotes are taken as written: a pasted
// command has no variables of the person's shell to expand.
Split splitBash(const QString &text)
{
    Words result;
    QByteArray word;
    qsizetype wordAt = -1;
    const auto endWord = [&] {
        if (wordAt >= 0)
            result.words.append(Word{word, wordAt});
        word.clear();
        wordAt = -1;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            if (text.mid(i + 1, 1) == QLatin1String("\n")) {
                i += 2;
                continue;
            }
            if (text.mid(i + 1, 2) == QLatin1String("\r\n")) {
                i += 3;
                continue;
            }
            if (i + 1 >= text.size())
                return errorAt(CurlError::Kind::DanglingEscape, text, i);
            if (wordAt < 0)
                wordAt = i;
            i += 1 + appendChar(word, text, i + 1);
            continue;
        }
        if (isBlank(c)) {
            endWord();
            ++i;
            continue;
        }
        if (wordAt < 0 && QStringLiteral("|;&<>#").contains(c)) {
            if (c == QLatin1Char('#')) {
                // A comment runs to the end of its line.
                while (i < text.size() && text.at(i) != QLatin1Char('\n'))
                    ++i;
                continue;
            }
            result.shellRest = CurlNotice{CurlNotice::Kind::ShellRest, QString(c), text.mid(i).simplified()};
            return result;
        }
        if (wordAt < 0)
            wordAt = i;
        if (c == QLatin1Char('\'')) {
            const qsizetype close = text.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0)
                return errorAt(CurlError::Kind::UnclosedQuote, text, i);
            word += text.sliced(i + 1, close - i - 1).toUtf8();
            i = close + 1;
        } else if (c == QLatin1Char('$') && text.mid(i + 1, 1) == QLatin1String("'")) {
            const qsizetype after = readAnsiC(text, i + 2, word);
            if (after < 0)
                return errorAt(CurlError::Kind::UnclosedQuote, text, i);
            i = after;
        } else if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            for (;;) {
                if (j >= text.size())
                    return errorAt(CurlError::Kind::UnclosedQuote, text, i);
                const QChar d = text.at(j);
                if (d == QLatin1Char('"'))
                    break;
                if (d == QLatin1Char('\\') && j + 1 < text.size() && QStringLiteral("$`\"\\\n").contains(text.at(j + 1))) {
                    if (text.at(j + 1) != QLatin1Char('\n'))
                        word += char(text.at(j + 1).unicode());
                    j += 2;
                    continue;
                }
                if (d == QLatin1Char('$') && !variableAt(text, j).isEmpty())
                result.variables.append(variableAt(text, j));
                j += appendChar(word, text, j);
            }
            i = j + 1;
        } else {
            if (c == QLatin1Char('$') && !variableAt(text, i).isEmpty())
                result.variables.append(variableAt(text, i));
            i += appendChar(word, text, i);
        }
    }
    endWord();
    return result;
}

// The ^ escapes and line continuations first, then the C runtime's rules that split a Windows
// command line into arguments ("" and \" inside quotes). A caret escapes the next character inside
// "..." too, which cmd.exe itself would not do: the browsers write their own carets as ^^ and, in
// Chrome's copies since about version 110, a quote inside "..." as ^\^" ("sec-ch-ua: ^\^"Chromium^\^"...").
Split splitCmd(const QString &text)
{
    QString line;
    QList<qsizetype> origin;  // index in text of each character of line
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('^')) {
            qsizetype next = i + 1;
            if (text.mid(next, 2) == QLatin1String("\r\n"))
                next += 2;
            else if (text.mid(next, 1) == QLatin1String("\n"))
                next += 1;
            if (next >= text.size()) {
                if (next == i + 1)
                    return errorAt(CurlError::Kind::DanglingEscape, text, i);
                break;
            }
            // The character after the caret (or after the line it continues) is taken as it is.
            line += text.at(next);
            origin.append(next);
            i = next;
            continue;
        }
        line += c;
        origin.append(i);
    }

    Words result;
    QByteArray word;
    bool inWord = false;
    qsizetype wordAt = 0;
    bool quoted = false;
    qsizetype quoteAt = 0;
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\')) {
            qsizetype run = 0;
            while (i + run < line.size() && line.at(i + run) == QLatin1Char('\\'))
                ++run;
            if (!inWord) {
                inWord = true;
                wordAt = origin.at(i);
            }
            const bool beforeQuote = i + run < line.size() && line.at(i + run) == QLatin1Char('"');
            word += QByteArray(beforeQuote ? run / 2 : run, '\\');
            i += run;
            if (beforeQuote && run % 2 == 1) {
                word += '"';
                ++i;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!inWord) {
                inWord = true;
                wordAt = origin.at(i);
            }
            if (quoted && line.mid(i + 1, 1) == QLatin1String("\"")) {
                word += '"';
                i += 2;
                continue;
            }
            quoted = !quoted;
            quoteAt = origin.at(i);
            ++i;
            continue;
        }
        if (isBlank(c) && !quoted) {
            if (inWord)
                result.words.append(Word{word, wordAt});
            word.clear();
            inWord = false;
            ++i;
            continue;
        }
        if (!inWord) {
            inWord = true;
            wordAt = origin.at(i);
        }
        i += appendChar(word, line, i);
    }
    if (quoted)
        return errorAt(CurlError::Kind::UnclosedQuote, text, quoteAt);
    if (inWord)
        result.words.append(Word{word, wordAt});
    return result;
}

// PowerShell, as a command for curl.exe is written there (curl alone is Invoke-WebRequest in Windows
// PowerShell): ` ends a line that goes on, escapes the next character, and inside "..." makes `n, `t,
// `r, `0, `a, `b, `e, `f, `v and `u{HEX}; '...' is literal with '' for a quote; "" inside "..." is a quote.
Split splitPowerShell(const QString &text)
{
    Words result;
    QByteArray word;
    qsizetype wordAt = -1;
    const auto endWord = [&] {
        if (wordAt >= 0)
            result.words.append(Word{word, wordAt});
        word.clear();
        wordAt = -1;
    };
    const auto continuation = [&text](qsizetype i) {
        if (text.mid(i + 1, 1) == QLatin1String("\n"))
            return qsizetype(2);
        if (text.mid(i + 1, 2) == QLatin1String("\r\n"))
            return qsizetype(3);
        return qsizetype(0);
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('`')) {
            if (const qsizetype skip = continuation(i)) {
                i += skip;
                continue;
            }
            if (i + 1 >= text.size())
                return errorAt(CurlError::Kind::DanglingEscape, text, i);
            if (wordAt < 0)
                wordAt = i;
            i += 1 + appendChar(word, text, i + 1);
            continue;
        }
        if (isBlank(c)) {
            endWord();
            ++i;
            continue;
        }
        if (wordAt < 0 && QStringLiteral("|;&<>#").contains(c)) {
            if (c == QLatin1Char('#')) {
                while (i < text.size() && text.at(i) != QLatin1Char('\n'))
                    ++i;
                continue;
            }
            result.shellRest = CurlNotice{CurlNotice::Kind::ShellRest, QString(c), text.mid(i).simplified()};
            return result;
        }
        if (wordAt < 0)
            wordAt = i;
        if (c == QLatin1Char('\'')) {
            qsizetype j = i + 1;
            for (;;) {
                if (j >= text.size())
                    return errorAt(CurlError::Kind::UnclosedQuote, text, i);
                if (text.at(j) == QLatin1Char('\'')) {
                    if (text.mid(j + 1, 1) == QLatin1String("'")) {
                        word += '\'';
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += appendChar(word, text, j);
            }
            i = j + 1;
        } else if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            for (;;) {
                if (j >= text.size())
                    return errorAt(CurlError::Kind::UnclosedQuote, text, i);
                const QChar d = text.at(j);
                if (d == QLatin1Char('"')) {
                    if (text.mid(j + 1, 1) == QLatin1String("\"")) {
                        word += '"';
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (d == QLatin1Char('`') && j + 1 < text.size()) {
                    const QChar e = text.at(j + 1);
                    j += 2;
                    switch (e.unicode()) {
                    case 'n': word += '\n'; break;
                    case 'r': word += '\r'; break;
                    case 't': word += '\t'; break;
                    case '0': word += '\0'; break;
                    case 'a': word += '\a'; break;
                    case 'b': word += '\b'; break;
                    case 'e': word += '\x1b'; break;
                    case 'f': word += '\f'; break;
                    case 'v': word += '\v'; break;
                    case '\n': break;
                    case 'u': {
                        const qsizetype close = text.indexOf(QLatin1Char('}'), j);
                        bool ok = false;
                        const uint value = text.mid(j + 1, close - j - 1).toUInt(&ok, 16);
                        if (text.mid(j, 1) == QLatin1String("{") && close > j && ok && value <= 0x10ffff) {
                            appendUtf8(word, char32_t(value));
                            j = close + 1;
                        } else {
                            word += 'u';
                        }
                        break;
                    }
                    default: j -= 1; j += appendChar(word, text, j);
                    }
                    continue;
                }
                if (d == QLatin1Char('$') && !variableAt(text, j).isEmpty())
                    result.variables.append(variableAt(text, j));
                j += appendChar(word, text, j);
            }
            i = j + 1;
        } else {
            if (c == QLatin1Char('$') && !variableAt(text, i).isEmpty())
                result.variables.append(variableAt(text, i));
            i += appendChar(word, text, i);
        }
    }
    endWord();
    return result;
}

bool isPowerShellCommand(const QString &text)
{
    // A line ended by a backtick goes on: PowerShell's continuation, which neither bash nor cmd has.
    // Only outside quotes (a Markdown fence ``` ending a line of a quoted bash body is text), and
    // never in a paste whose lines go on with bash's backslash.
    bool powerShell = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool lineEnds = text.mid(i + 1, 1) == QLatin1String("\n") || text.mid(i + 1, 2) == QLatin1String("\r\n");
        if (quote == QLatin1Char('\'')) {
            if (c == quote)
                quote = QChar();
        } else if (quote == QLatin1Char('"')) {
            if (c == QLatin1Char('\\') || c == QLatin1Char('`'))
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('\\')) {
            if (lineEnds)
                return false;
            ++i;
        } else if (c == QLatin1Char('`') && lineEnds) {
            powerShell = true;
        }
    }
    return powerShell;
}

// "a""b" outside a cmd paste: bash joins the two strings, an older Windows copy meant a quote.
bool hasDoubledQuotes(const QString &text)
{
    static const QRegularExpression doubledQuote(QStringLiteral(R"([^\s"]""[^\s"])"));
    return text.contains(doubledQuote);
}

bool isCmdCommand(const QString &text)
{
    // Chrome's and Firefox's "Copy as cURL (cmd)" quote with ^" and end each line with ^; only with
    // those marks is "" inside "..." read as cmd's quote: bash reads "a""b" as ab.
    static const QRegularExpression cmdMarks(QStringLiteral(R"(\^\r?\n|\^")"));
    return text.contains(cmdMarks);
}

bool isCurlName(const QByteArray &word)
{
    // "/usr/bin/curl" is curl; "http://h/curl" is a URL.
    if (word.contains("://"))
        return false;
    const QByteArray name = word.mid(qMax(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLower();
    return name == "curl" || name == "curl.exe";
}

enum class Act {
    Method, Header, Data, DataRaw, DataBinary, DataUrlencode, Json, User, UserAgent, Referer, Cookie,
    Compressed, Insecure, Http10, Http11, OtherHttp, Get, Head, Url, Range, Bearer,
    Form, Redirects, Output, Timeout, Proxy, CaFile, TlsMin12, TlsMin13, Ignored,
};

struct Option
{
    const char *longName;
    char shortName;  // 0: none
    bool takesValue;
    Act act;
};

// The options of curl's manual that a browser's "Copy as cURL" or a tutorial writes, and those that
// take a value (so the value is not taken for a URL). Others are named as unknown.
constexpr Option Options[] = {
    {"request", 'X', true, Act::Method},
    {"header", 'H', true, Act::Header},
    {"data", 'd', true, Act::Data},
    {"data-ascii", 0, true, Act::Data},
    {"data-raw", 0, true, Act::DataRaw},
    {"data-binary", 0, true, Act::DataBinary},
    {"data-urlencode", 0, true, Act::DataUrlencode},
    {"json", 0, true, Act::Json},
    {"user", 'u', true, Act::User},
    {"user-agent", 'A', true, Act::UserAgent},
    {"referer", 'e', true, Act::Referer},
    {"cookie", 'b', true, Act::Cookie},
    {"compressed", 0, false, Act::Compressed},
    {"insecure", 'k', false, Act::Insecure},
    {"http1.0", '0', false, Act::Http10},
    {"http1.1", 0, false, Act::Http11},
    {"http2", 0, false, Act::OtherHttp},
    {"http2-prior-knowledge", 0, false, Act::OtherHttp},
    {"http3", 0, false, Act::OtherHttp},
    {"http3-only", 0, false, Act::OtherHttp},
    {"get", 'G', false, Act::Get},
    {"head", 'I', false, Act::Head},
    {"url", 0, true, Act::Url},
    {"range", 'r', true, Act::Range},
    {"oauth2-bearer", 0, true, Act::Bearer},
    {"form", 'F', true, Act::Form},
    {"form-string", 0, true, Act::Form},
    {"location", 'L', false, Act::Redirects},
    {"location-trusted", 0, false, Act::Redirects},
    {"max-redirs", 0, true, Act::Redirects},
    {"output", 'o', true, Act::Output},
    {"output-dir", 0, true, Act::Output},
    {"remote-name", 'O', false, Act::Output},
    {"remote-name-all", 0, false, Act::Output},
    {"silent", 's', false, Act::Output},
    {"show-error", 'S', false, Act::Output},
    {"verbose", 'v', false, Act::Output},
    {"include", 'i', false, Act::Output},
    {"write-out", 'w', true, Act::Output},
    {"dump-header", 'D', true, Act::Output},
    {"trace", 0, true, Act::Output},
    {"trace-ascii", 0, true, Act::Output},
    {"progress-bar", '#', false, Act::Output},
    {"no-progress-meter", 0, false, Act::Output},
    {"no-buffer", 'N', false, Act::Output},
    {"fail", 'f', false, Act::Output},
    {"fail-with-body", 0, false, Act::Output},
    {"create-dirs", 0, false, Act::Output},
    {"max-time", 'm', true, Act::Timeout},
    {"connect-timeout", 0, true, Act::Timeout},
    {"proxy", 'x', true, Act::Proxy},
    {"proxy-user", 'U', true, Act::Proxy},
    {"noproxy", 0, true, Act::Proxy},
    {"socks5", 0, true, Act::Proxy},
    {"socks5-hostname", 0, true, Act::Proxy},
    {"cookie-jar", 'c', true, Act::Ignored},
    {"junk-session-cookies", 'j', false, Act::Ignored},
    {"cacert", 0, true, Act::CaFile},
    {"capath", 0, true, Act::Ignored},
    {"cert", 'E', true, Act::Ignored},
    {"key", 0, true, Act::Ignored},
    {"retry", 0, true, Act::Ignored},
    {"retry-delay", 0, true, Act::Ignored},
    {"retry-max-time", 0, true, Act::Ignored},
    {"resolve", 0, true, Act::Ignored},
    {"connect-to", 0, true, Act::Ignored},
    {"interface", 0, true, Act::Ignored},
    {"limit-rate", 0, true, Act::Ignored},
    {"keepalive-time", 0, true, Act::Ignored},
    {"upload-file", 'T', true, Act::Ignored},
    {"config", 'K', true, Act::Ignored},
    {"continue-at", 'C', true, Act::Ignored},
    {"time-cond", 'z', true, Act::Ignored},
    {"tls-max", 0, true, Act::Ignored},
    {"ciphers", 0, true, Act::Ignored},
    {"ipv4", '4', false, Act::Ignored},
    {"ipv6", '6', false, Act::Ignored},
    {"netrc", 'n', false, Act::Ignored},
    {"globoff", 'g', false, Act::Ignored},
    {"path-as-is", 0, false, Act::Ignored},
    {"tcp-nodelay", 0, false, Act::Ignored},
    {"tlsv1.2", 0, false, Act::TlsMin12},
    {"tlsv1.3", 0, false, Act::TlsMin13},
    {"ssl-no-revoke", 0, false, Act::Ignored},
    {"digest", 0, false, Act::Ignored},
    {"ntlm", 0, false, Act::Ignored},
    {"negotiate", 0, false, Act::Ignored},
    {"anyauth", 0, false, Act::Ignored},
    {"basic", 0, false, Act::Ignored},
};

const Option *findLong(const QByteArray &name)
{
    for (const Option &option : Options) {
        if (name == option.longName)
            return &option;
    }
    return nullptr;
}

const Option *findShort(char name)
{
    for (const Option &option : Options) {
        if (option.shortName == name)
            return &option;
    }
    return nullptr;
}

// curl_easy_escape(): everything but letters, digits and -._~ as %XX.
QByteArray urlEncoded(const QByteArray &value)
{
    return value.toPercentEncoding(QByteArray(), QByteArray(), '%');
}

struct Header
{
    QByteArray name;  // lower case, for comparing
    QByteArray line;  // as sent, without CRLF; empty: the person removed curl's own ("Accept:")
};

// What the options said, before it becomes bytes.
struct Command
{
    QByteArray method;
    bool head = false;
    bool get = false;
    QByteArray version = "1.1";
    QByteArray url;
    QList<Header> headers;
    QList<QByteArray> data;
    bool json = false;
    bool dataFile = false;  // an @file part: curl would still POST it
    std::optional<QByteArray> user;
    QByteArray bearer;
    std::optional<QByteArray> userAgent;
    QByteArray referer;
    QList<QByteArray> cookies;
    QByteArray range;
    bool compressed = false;
    QString caFile;
    TlsVersion tlsMinVersion = TlsVersion::Any;
    QList<CurlNotice> notices;
};

bool hasData(const Command &command)
{
    return !command.data.isEmpty() || command.json || command.dataFile;
}

void notice(Command &command, CurlNotice::Kind kind, const QString &option, const QByteArray &value = {})
{
    command.notices.append(CurlNotice{kind, option, QString::fromUtf8(value)});
}

void apply(Command &command, const Option &option, const QString &written, const QByteArray &value)
{
    switch (option.act) {
    case Act::Method: command.method = value; break;
    case Act::Header: {
        const qsizetype colon = value.indexOf(':');
        const qsizetype semicolon = value.indexOf(';');
        if (colon > 0 && (semicolon < 0 || colon < semicolon)) {
            const QByteArray name = value.first(colon).trimmed().toLower();
            const bool removal = value.sliced(colon + 1).trimmed().isEmpty();
            command.headers.append(Header{name, removal ? QByteArray() : value});
        } else if (semicolon > 0 && value.sliced(semicolon + 1).trimmed().isEmpty()) {
            // "Name;" is curl's way to send a header with no value.
            command.headers.append(Header{value.first(semicolon).trimmed().toLower(), value.first(semicolon).trimmed() + ':'});
        } else if (value.startsWith('@')) {
            notice(command, CurlNotice::Kind::HeaderFile, written, value.sliced(1));
        } else {
            notice(command, CurlNotice::Kind::Ignored, written, value);
        }
        break;
    }
    case Act::Data:
    case Act::DataBinary:
        // The file would have to be read, and -d strips its line ends: the person pastes it instead.
        if (value.startsWith('@')) {
            notice(command, CurlNotice::Kind::DataFile, written, value.sliced(1));
            command.dataFile = true;
        } else
            command.data.append(value);
        break;
    case Act::DataRaw: command.data.append(value); break;
    case Act::Json:
        command.json = true;
        if (value.startsWith('@')) {
            notice(command, CurlNotice::Kind::DataFile, written, value.sliced(1));
            command.dataFile = true;
        } else {
            command.data.append(value);
        }
        break;
    case Act::DataUrlencode: {
        const qsizetype equals = value.indexOf('=');
        const qsizetype at = value.indexOf('@');
        if (at >= 0 && (equals < 0 || at < equals)) {
            notice(command, CurlNotice::Kind::DataFile, written, value.sliced(at + 1));
            command.dataFile = true;
        } else if (equals >= 0)
            command.data.append(value.first(equals) + (equals > 0 ? "=" : "") + urlEncoded(value.sliced(equals + 1)));
        else
            command.data.append(urlEncoded(value));
        break;
    }
    case Act::User:
        if (!value.contains(':'))
            notice(command, CurlNotice::Kind::PasswordPrompt, written, value);
        command.user = value.contains(':') ? value : value + ':';
        break;
    case Act::UserAgent: command.userAgent = value; break;
    case Act::Referer:
        // ";auto" asks curl to set the Referer of the redirects it follows, which are not followed here.
        if (value.endsWith(";auto")) {
            notice(command, CurlNotice::Kind::Redirects, written, value);
            command.referer = value.chopped(5);
        } else {
            command.referer = value;
        }
        break;
    case Act::Cookie:
        if (value.contains('='))
            command.cookies.append(value);
        else
            notice(command, CurlNotice::Kind::CookieFile, written, value);
        break;
    case Act::Compressed: command.compressed = true; break;
    case Act::Insecure:
        notice(command, CurlNotice::Kind::Insecure, written);
        break;
    case Act::Http10: command.version = "1.0"; break;
    case Act::Http11: command.version = "1.1"; break;
    case Act::OtherHttp: notice(command, CurlNotice::Kind::HttpVersion, written); break;
    case Act::Get: command.get = true; break;
    case Act::Head: command.head = true; break;
    case Act::Url:
        if (command.url.isEmpty())
            command.url = value;
        else
            notice(command, CurlNotice::Kind::ExtraUrl, written, value);
        break;
    case Act::Range: command.range = value; break;
    case Act::Bearer: command.bearer = value; break;
    case Act::Form: notice(command, CurlNotice::Kind::Form, written, value); break;
    case Act::Redirects: notice(command, CurlNotice::Kind::Redirects, written, value); break;
    case Act::Output: notice(command, CurlNotice::Kind::Output, written, value); break;
    case Act::Timeout: notice(command, CurlNotice::Kind::Timeout, written, value); break;
    case Act::Proxy: notice(command, CurlNotice::Kind::Proxy, written, value); break;
    // As curl reads them: the last one given wins.
    case Act::CaFile: command.caFile = QString::fromUtf8(value); break;
    case Act::TlsMin12: command.tlsMinVersion = TlsVersion::Tls12; break;
    case Act::TlsMin13: command.tlsMinVersion = TlsVersion::Tls13; break;
    case Act::Ignored: notice(command, CurlNotice::Kind::Ignored, written, value); break;
    }
}

struct Url
{
    bool tls = false;
    QString host;
    quint16 port = 80;
    QByteArray target;  // path and query as sent
    QByteArray credentials;
};

std::variant<Url, CurlError> splitUrl(QByteArray url, const QString &text, qsizetype at)
{
    Url result;
    const qsizetype schemeEnd = url.indexOf("://");
    if (schemeEnd >= 0) {
        const QByteArray scheme = url.first(schemeEnd).toLower();
        if (scheme != "http" && scheme != "https")
            return errorAt(CurlError::Kind::BadScheme, text, at, QString::fromUtf8(scheme));
        result.tls = scheme == "https";
        url = url.sliced(schemeEnd + 3);
    }
    // curl leaves the fragment out of what it sends.
    if (const qsizetype hash = url.indexOf('#'); hash >= 0)
        url.truncate(hash);
    qsizetype authorityEnd = url.size();
    for (const char end : {'/', '?'}) {
        const qsizetype found = url.indexOf(end);
        if (found >= 0 && found < authorityEnd)
            authorityEnd = found;
    }
    QByteArray authority = url.first(authorityEnd);
    result.target = url.sliced(authorityEnd);
    if (result.target.isEmpty() || result.target.startsWith('?'))
        result.target.prepend('/');
    if (const qsizetype atSign = authority.lastIndexOf('@'); atSign >= 0) {
        result.credentials = QByteArray::fromPercentEncoding(authority.first(atSign));
        authority = authority.sliced(atSign + 1);
    }
    QByteArray port;
    if (authority.startsWith('[')) {
        const qsizetype close = authority.indexOf(']');
        if (close < 0)
            return errorAt(CurlError::Kind::BadHost, text, at, QString::fromUtf8(authority));
        result.host = QString::fromUtf8(authority.sliced(1, close - 1));
        if (authority.size() > close + 1) {
            if (authority.at(close + 1) != ':')
                return errorAt(CurlError::Kind::BadHost, text, at, QString::fromUtf8(authority));
            port = authority.sliced(close + 2);
        }
    } else {
        const qsizetype colon = authority.indexOf(':');
        result.host = QString::fromUtf8(colon >= 0 ? authority.first(colon) : authority);
        if (colon >= 0)
            port = authority.sliced(colon + 1);
    }
    // No host name holds a space or a control character: in the Host header it would end the line.
    const bool blankInHost = std::any_of(result.host.cbegin(), result.host.cend(),
                                         [](QChar c) { return c.unicode() <= 0x20 || c.unicode() == 0x7f; });
    if (result.host.isEmpty() || blankInHost)
        return errorAt(CurlError::Kind::BadHost, text, at, QString::fromUtf8(url));
    // As curl does with libidn2: a name in Unicode goes in the Host header and to the resolver in
    // its ASCII (punycode) form.
    const bool ascii = std::all_of(result.host.cbegin(), result.host.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii) {
        const QByteArray ace = QUrl::toAce(result.host, QUrl::AceProcessingOption::IgnoreIDNWhitelist);
        if (ace.isEmpty())
            return errorAt(CurlError::Kind::BadHost, text, at, QString::fromUtf8(url));
        result.host = QString::fromLatin1(ace);
    }
    result.port = result.tls ? 443 : 80;
    if (!port.isEmpty()) {
        bool ok = false;
        const uint number = port.toUInt(&ok);
        if (!ok || number == 0 || number > 65535)
            return errorAt(CurlError::Kind::BadPort, text, at, QString::fromUtf8(port));
        result.port = quint16(number);
    }
    return result;
}

bool hasHeader(const Command &command, const QByteArray &name)
{
    return std::any_of(command.headers.cbegin(), command.headers.cend(),
                       [&name](const Header &header) { return header.name == name; });
}

// The request as curl's http.c writes it: request line, Host, Authorization, Range, User-Agent,
// Accept, Accept-Encoding, Referer, Cookie, then the -H headers in their order, then the body's
// Content-Length and Content-Type. A -H header of the same name takes the place of curl's own one.
QByteArray buildRequest(const Command &command, const Url &url, QByteArray method)
{
    QByteArray target = url.target;
    QByteArray body;
    const bool withData = hasData(command);
    if (withData) {
        body = command.data.join(command.json ? "" : "&");
        if (command.get) {
            target += (target.contains('?') ? "&" : "?") + body;
            body.clear();
        }
    }
    // curl sends a space in a URL as %20, as a browser would; so are the control characters a quoted
    // URL or -G's data can hold (a CR or LF there would end the request line early).
    QByteArray encoded;
    encoded.reserve(target.size());
    for (const char c : std::as_const(target)) {
        const auto byte = uchar(c);
        if (byte <= 0x20 || byte == 0x7f)
            encoded += '%' + QByteArray::number(byte, 16).rightJustified(2, '0').toUpper();
        else
            encoded += c;
    }
    QByteArray request = method + ' ' + encoded + " HTTP/" + command.version + "\r\n";
    const auto add = [&](const QByteArray &name, const QByteArray &line) {
        if (!hasHeader(command, name))
            request += line + "\r\n";
    };
    const auto custom = std::find_if(command.headers.cbegin(), command.headers.cend(),
                                     [](const Header &header) { return header.name == "host"; });
    if (custom == command.headers.cend())
        request += "Host: " + hostHeaderValue(url.host, url.port, url.tls) + "\r\n";
    else if (!custom->line.isEmpty())
        request += custom->line + "\r\n";
    const QByteArray credentials = command.user ? *command.user : url.credentials;
    if (!credentials.isEmpty())
        add("authorization", "Authorization: Basic " + credentials.toBase64());
    else if (!command.bearer.isEmpty())
        add("authorization", "Authorization: Bearer " + command.bearer);
    if (!command.range.isEmpty())
        add("range", "Range: bytes=" + command.range);
    if (command.userAgent && !command.userAgent->isEmpty())
        add("user-agent", "User-Agent: " + *command.userAgent);
    add("accept", command.json ? QByteArray("Accept: application/json") : QByteArray("Accept: */*"));
    // What curl asks for when it is built with zlib and brotli: the encodings the reply view decodes.
    if (command.compressed)
        add("accept-encoding", "Accept-Encoding: deflate, gzip, br");
    if (!command.referer.isEmpty())
        add("referer", "Referer: " + command.referer);
    if (!command.cookies.isEmpty())
        add("cookie", "Cookie: " + command.cookies.join("; "));
    for (const Header &header : command.headers) {
        if (header.name != "host" && !header.line.isEmpty())
            request += header.line + "\r\n";
    }
    if (withData && !command.get) {
        add("content-length", "Content-Length: " + QByteArray::number(body.size()));
        add("content-type", command.json ? QByteArray("Content-Type: application/json")
                                         : QByteArray("Content-Type: application/x-www-form-urlencoded"));
    }
    return request + "\r\n" + body;
}

} // namespace

bool looksLikeCurlCommand(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype end = trimmed.indexOf(QRegularExpression(QStringLiteral(R"(\s)")));
    return end > 0 && isCurlName(trimmed.first(end).toUtf8());
}

CurlParse parseCurlCommand(const QString &text)
{
    const bool powerShell = isPowerShellCommand(text);
    const bool cmd = !powerShell && isCmdCommand(text);
    Split split = powerShell ? splitPowerShell(text) : cmd ? splitCmd(text) : splitBash(text);
    if (const auto *error = std::get_if<CurlError>(&split))
        return *error;
    const Words &words = std::get<Words>(split);
    if (words.words.isEmpty() || !isCurlName(words.words.first().text))
        return errorAt(CurlError::Kind::NotCurl, text, words.words.isEmpty() ? 0 : words.words.first().at);

    Command command;
    qsizetype urlAt = 0;
    bool optionsEnded = false;
    for (qsizetype w = 1; w < words.words.size(); ++w) {
        const Word &word = words.words.at(w);
        const QByteArray &arg = word.text;
        const auto takeValue = [&]() -> std::optional<QByteArray> {
            if (w + 1 >= words.words.size())
                return std::nullopt;
            return words.words.at(++w).text;
        };
        if (optionsEnded || !arg.startsWith('-') || arg == "-") {
            if (command.url.isEmpty()) {
                command.url = arg;
                urlAt = word.at;
            } else {
                notice(command, CurlNotice::Kind::ExtraUrl, QString(), arg);
            }
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg.startsWith("--")) {
            const QString written = QString::fromUtf8(arg);
            const Option *option = findLong(arg.sliced(2));
            if (!option) {
                notice(command, CurlNotice::Kind::Unknown, written);
                continue;
            }
            QByteArray value;
            if (option->takesValue) {
                const std::optional<QByteArray> next = takeValue();
                if (!next)
                    return errorAt(CurlError::Kind::MissingValue, text, word.at, written);
                value = *next;
            }
            if (option->act == Act::Url && command.url.isEmpty())
                urlAt = words.words.at(w).at;
            apply(command, *option, written, value);
            continue;
        }
        // Short options run together ("-sSL"); one that takes a value takes the rest of the word
        // ("-XPOST") or the next word.
        for (qsizetype c = 1; c < arg.size(); ++c) {
            const QString written = QStringLiteral("-") + QLatin1Char(arg.at(c));
            const Option *option = findShort(arg.at(c));
            if (!option) {
                notice(command, CurlNotice::Kind::Unknown, written);
                continue;
            }
            QByteArray value;
            if (option->takesValue) {
                if (c + 1 < arg.size()) {
                    value = arg.sliced(c + 1);
                } else {
                    const std::optional<QByteArray> next = takeValue();
                    if (!next)
                        return errorAt(CurlError::Kind::MissingValue, text, word.at + (c == 1 ? 0 : c), written);
                    value = *next;
                }
            }
            if (option->act == Act::Url && command.url.isEmpty())
                urlAt = words.words.at(w).at;
            apply(command, *option, written, value);
            if (option->takesValue)
                break;
        }
    }
    if (command.url.isEmpty())
        return errorAt(CurlError::Kind::NoUrl, text, text.size());

    const auto url = splitUrl(command.url, text, urlAt);
    if (const auto *error = std::get_if<CurlError>(&url))
        return *error;
    const Url &where = std::get<Url>(url);

    QByteArray method = command.method;
    // A request line holds the method up to its first space: a space, CR or LF in it would end it.
    if (std::any_of(method.cbegin(), method.cend(), [](char c) { return uchar(c) <= 0x20 || uchar(c) == 0x7f; }))
        return errorAt(CurlError::Kind::BadMethod, text, 0, QString::fromUtf8(method));
    if (method.isEmpty())
        method = command.head ? "HEAD" : hasData(command) && !command.get ? "POST" : "GET";
    if (!command.userAgent && !hasHeader(command, "user-agent"))
        command.notices.prepend(CurlNotice{CurlNotice::Kind::NoUserAgent, QString(), QString()});
    for (const QString &variable : words.variables)
        command.notices.append(CurlNotice{CurlNotice::Kind::ShellVariable, variable, QString()});
    if (!powerShell && !cmd && hasDoubledQuotes(text))
        command.notices.append(CurlNotice{CurlNotice::Kind::DoubledQuotes, QString(), QString()});
    if (words.shellRest)
        command.notices.append(*words.shellRest);

    CurlImport result;
    result.host = where.host;
    result.port = where.port;
    result.tls = where.tls;
    result.caFile = command.caFile;
    result.tlsMinVersion = command.tlsMinVersion;
    result.request = buildRequest(command, where, method);
    result.notices = command.notices;
    return result;
}

} // namespace SocketLab
