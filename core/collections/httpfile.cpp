#include "httpfile.h"

#include "collections/httpsystemvariables.h"
#include "collections/localaddresstext.h"
#include "collections/regularfile.h"
#include "http/requesttemplates.h"
#include "net/socketoption.h"

#include <QDir>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStringDecoder>

namespace SocketLab {

namespace {

const QString SocketLabPrefix = QStringLiteral("@socketlab-");

struct Line
{
    QString text;    // without its line break
    QString ending;  // "\n", "\r\n", or empty for the last line of the file
    int number = 0;  // 1-based
};

QList<Line> splitLines(const QString &text)
{
    QList<Line> lines;
    qsizetype from = 0;
    int number = 1;
    while (from <= text.size()) {
        const qsizetype lf = text.indexOf(QLatin1Char('\n'), from);
        if (lf < 0) {
            if (from < text.size())
                lines.append({text.mid(from), {}, number});
            break;
        }
        const bool crlf = lf > from && text.at(lf - 1) == QLatin1Char('\r');
        const qsizetype end = crlf ? lf - 1 : lf;
        lines.append({text.mid(from, end - from), crlf ? QStringLiteral("\r\n") : QStringLiteral("\n"), number});
        from = lf + 1;
        ++number;
    }
    return lines;
}

struct Directive
{
    QString key;    // after "@socketlab-"
    QString value;
    int line = 0;
};

// A block of the file as written, before variables are substituted.
struct RawBlock
{
    int firstLine = 0;
    QString separatorName;  // JetBrains: "### name"
    QString name;           // "# @name name"
    QList<Directive> directives;
    QList<Line> requestLine;  // the line and its indented continuations
    QList<Line> headers;
    QList<Line> body;
    QList<HttpFileNotice> notices;  // one per kind, at its first line
};

void addNotice(RawBlock *block, HttpFileNotice::Kind kind, int line)
{
    for (const HttpFileNotice &notice : std::as_const(block->notices)) {
        if (notice.kind == kind)
            return;
    }
    block->notices.append({kind, line});
}

// A line SocketLab reads but does not do, in the head or after the body: a response handler
// ("> {% ... %}", "> handler.js"), a redirect of the response to a file (">> f", ">>! f") or an
// assertion ("?? status == 200"). A script's "{%" opens lines that run to its "%}".
std::optional<HttpFileNotice::Kind> unrunLine(const QString &text, bool *opensScript)
{
    static const QRegularExpression script(QStringLiteral(R"(^>\s*\{%)"));
    static const QRegularExpression handlerFile(QStringLiteral(R"(^>\s+\S+\.js\s*$)"));
    static const QRegularExpression redirect(QStringLiteral(R"(^>>!?\s+\S)"));
    static const QRegularExpression assertion(QStringLiteral(R"(^\?\?\s)"));
    *opensScript = false;
    if (script.match(text).hasMatch()) {
        *opensScript = !text.mid(text.indexOf(QLatin1StringView("{%")) + 2).contains(QLatin1StringView("%}"));
        return HttpFileNotice::Kind::HandlerNotRun;
    }
    if (redirect.match(text).hasMatch())
        return HttpFileNotice::Kind::ResponseNotSaved;
    if (handlerFile.match(text).hasMatch())
        return HttpFileNotice::Kind::HandlerNotRun;
    if (assertion.match(text).hasMatch())
        return HttpFileNotice::Kind::AssertionsNotRun;
    return std::nullopt;
}

bool isComment(const QString &trimmed)
{
    return trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1StringView("//"));
}

void readComment(const QString &trimmed, int lineNumber, RawBlock *block)
{
    QString rest = trimmed.mid(trimmed.startsWith(QLatin1Char('#')) ? 1 : 2).trimmed();
    if (rest.startsWith(QLatin1StringView("@name")) && (rest.size() == 5 || rest.at(5).isSpace() || rest.at(5) == QLatin1Char('='))) {
        rest = rest.mid(5).trimmed();
        if (rest.startsWith(QLatin1Char('=')))
            rest = rest.mid(1).trimmed();
        block->name = rest;
    } else if (rest.startsWith(SocketLabPrefix)) {
        const qsizetype space = rest.indexOf(QLatin1Char(' '));
        const QString key = rest.mid(SocketLabPrefix.size(), space < 0 ? -1 : space - SocketLabPrefix.size());
        block->directives.append({key, space < 0 ? QString() : rest.mid(space + 1).trimmed(), lineNumber});
    }
}

bool hasContent(const RawBlock &block)
{
    return !block.requestLine.isEmpty() || !block.directives.isEmpty();
}

struct Structure
{
    QList<RawBlock> blocks;
    QList<std::pair<QString, Line>> fileVariables;  // name and the line that defines it
};

Structure readStructure(const QString &text)
{
    static const QRegularExpression variableLine(QStringLiteral("^@([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$"));
    static const QRegularExpression preRequest(QStringLiteral(R"(^<\s*\{%)"));
    enum class State { Preamble, Head, Body };
    Structure structure;
    RawBlock block;
    block.firstLine = 1;
    State state = State::Preamble;
    bool inScript = false;  // within a handler's or pre-request script's {% ... %}
    for (const Line &line : splitLines(text)) {
        // A script left open ends with its request: it never takes the next ones.
        if (inScript && !line.text.startsWith(QLatin1StringView("###"))) {
            inScript = !line.text.contains(QLatin1StringView("%}"));
            continue;
        }
        inScript = false;
        if (line.text.startsWith(QLatin1StringView("###"))) {
            if (hasContent(block))
                structure.blocks.append(block);
            block = {};
            block.firstLine = line.number;
            block.separatorName = line.text.mid(3).trimmed();
            state = State::Preamble;
            continue;
        }
        const QString trimmed = line.text.trimmed();
        if (state == State::Preamble && preRequest.match(line.text).hasMatch()) {
            addNotice(&block, HttpFileNotice::Kind::PreRequestNotRun, line.number);
            inScript = !line.text.mid(line.text.indexOf(QLatin1StringView("{%")) + 2).contains(QLatin1StringView("%}"));
            continue;
        }
        if (state != State::Preamble) {
            bool opensScript = false;
            if (const std::optional<HttpFileNotice::Kind> kind = unrunLine(line.text, &opensScript)) {
                addNotice(&block, *kind, line.number);
                inScript = opensScript;
                state = State::Body;
                continue;
            }
        }
        switch (state) {
        case State::Preamble:
            if (trimmed.isEmpty())
                break;
            if (isComment(trimmed)) {
                readComment(trimmed, line.number, &block);
            } else if (const QRegularExpressionMatch match = variableLine.match(trimmed); match.hasMatch()) {
                structure.fileVariables.append({match.captured(1), {match.captured(2).trimmed(), {}, line.number}});
            } else {
                block.requestLine.append(line);
                state = State::Head;
            }
            break;
        case State::Head:
            if (trimmed.isEmpty()) {
                state = State::Body;
            } else if (!line.text.isEmpty() && line.text.at(0).isSpace()
                       && (trimmed.startsWith(QLatin1Char('?')) || trimmed.startsWith(QLatin1Char('&'))
                           || trimmed.startsWith(QLatin1Char('/')))) {
                // JetBrains: a long URL goes on indented lines.
                block.requestLine.append(line);
            } else if (isComment(trimmed)) {
                readComment(trimmed, line.number, &block);
            } else {
                block.headers.append(line);
            }
            break;
        case State::Body:
            block.body.append(line);
            break;
        }
    }
    if (hasContent(block))
        structure.blocks.append(block);
    return structure;
}

QString httpFamilyName(IpFamily family)
{
    switch (family) {
    case IpFamily::V4: return QStringLiteral("ipv4");
    case IpFamily::V6: return QStringLiteral("ipv6");
    case IpFamily::Any: break;
    }
    return QStringLiteral("any");
}

QString tlsVersionName(TlsVersion version)
{
    switch (version) {
    case TlsVersion::Tls12: return QStringLiteral("1.2");
    case TlsVersion::Tls13: return QStringLiteral("1.3");
    case TlsVersion::Any: break;
    }
    return QStringLiteral("any");
}

bool readNumber(const QString &text, qint64 minimum, qint64 maximum, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok && *value >= minimum && *value <= maximum;
}

// Host and port of a Host header value: "example.org", "example.org:8080", "[::1]:8080".
bool splitHostHeader(const QString &value, QString *host, QString *port)
{
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        *host = value.mid(1, close - 1);
        const QString rest = value.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return false;
        *port = rest.mid(1);
    } else {
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        *host = colon < 0 ? value : value.left(colon);
        *port = colon < 0 ? QString() : value.mid(colon + 1);
    }
    return !host->isEmpty();
}

struct Options
{
    bool hasExact = false;
    QByteArray exact;
    int exactLine = 0;
    bool hasConnect = false;
    QString connectHost, connectService;
    bool tlsOn = false;
};

// The @socketlab- lines into the request; false with *error on a line it cannot read.
bool applyDirectives(const RawBlock &block, SavedRequest *request, Options *options, CollectionError *error)
{
    TcpRequest &tcp = request->tcp;
    for (const Directive &directive : block.directives) {
        const QString &value = directive.value;
        qint64 number = 0;
        bool ok = true;
        if (directive.key == QLatin1StringView("bytes")) {
            if (!value.startsWith(QLatin1StringView("base64:"))) {
                ok = false;
            } else {
                const auto decoded = QByteArray::fromBase64Encoding(value.mid(7).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded) {
                    *error = {CollectionError::Kind::BadExactBytes, {}, directive.line, 0, {}};
                    return false;
                }
                options->hasExact = true;
                options->exact = *decoded;
                options->exactLine = directive.line;
            }
        } else if (directive.key == QLatin1StringView("until")) {
            const std::optional<StopRule> rule = StopRule::parse(value);
            ok = rule.has_value();
            if (ok)
                tcp.stopRule = *rule;
        } else if (directive.key == QLatin1StringView("timeout")) {
            ok = readNumber(value, 0, INT_MAX, &number);
            tcp.totalTimeoutMs = int(number);
        } else if (directive.key == QLatin1StringView("connect-timeout")) {
            ok = readNumber(value, 0, INT_MAX, &number);
            tcp.connectTimeoutMs = int(number);
        } else if (directive.key == QLatin1StringView("max-bytes")) {
            ok = readNumber(value, 0, std::numeric_limits<qint64>::max(), &tcp.maxBytes);
        } else if (directive.key == QLatin1StringView("recv-size")) {
            ok = readNumber(value, 1, 16 * 1024 * 1024, &tcp.recvSize);
        } else if (directive.key == QLatin1StringView("family")) {
            ok = value == QLatin1StringView("ipv4") || value == QLatin1StringView("ipv6") || value == QLatin1StringView("any");
            tcp.family = value == QLatin1StringView("ipv4") ? IpFamily::V4 : value == QLatin1StringView("ipv6") ? IpFamily::V6 : IpFamily::Any;
        } else if (directive.key == QLatin1StringView("folder")) {
            request->folder = value.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        } else if (directive.key == QLatin1StringView("sockopt")) {
            SocketOptionParseError problem;
            const std::optional<SocketOptionSetting> setting = SocketOptions::parse(value, SocketKind::Stream, &problem);
            ok = setting.has_value();
            if (ok)
                tcp.socketOptions.append(*setting);
        } else if (directive.key == QLatin1StringView("local")) {
            const std::optional<SocketAddress> address = parseLocalAddressText(value);
            ok = address.has_value();
            if (ok)
                tcp.localAddress = *address;
        } else if (directive.key == QLatin1StringView("connect")) {
            const QStringList parts = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            ok = parts.size() == 2;
            if (ok) {
                options->hasConnect = true;
                options->connectHost = parts.at(0);
                options->connectService = parts.at(1);
            }
        } else if (directive.key == QLatin1StringView("tls")) {
            ok = value == QLatin1StringView("on");
            options->tlsOn = true;
        } else if (directive.key == QLatin1StringView("tls-server-name")) {
            tcp.tls.serverName = value;
        } else if (directive.key == QLatin1StringView("tls-alpn")) {
            tcp.tls.alpn.clear();
            if (value != QLatin1StringView("none")) {
                for (const QString &protocol : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    tcp.tls.alpn.append(protocol.trimmed().toUtf8());
            }
        } else if (directive.key == QLatin1StringView("tls-ca-file")) {
            tcp.tls.caFile = value;
        } else if (directive.key == QLatin1StringView("tls-pin")) {
            tcp.tls.pinSha256 = QByteArray::fromHex(value.toLatin1());
            ok = tcp.tls.pinSha256.size() == 32;
        } else if (directive.key == QLatin1StringView("tls-min")) {
            ok = value == QLatin1StringView("1.2") || value == QLatin1StringView("1.3") || value == QLatin1StringView("any");
            tcp.tls.minVersion = value == QLatin1StringView("1.2") ? TlsVersion::Tls12
                               : value == QLatin1StringView("1.3") ? TlsVersion::Tls13 : TlsVersion::Any;
        } else {
            ok = false;
        }
        if (!ok) {
            *error = {CollectionError::Kind::BadSocketLabLine, {}, directive.line, 0,
                      QStringLiteral("@socketlab-") + directive.key + (value.isEmpty() ? QString() : QLatin1Char(' ') + value)};
            return false;
        }
    }
    return true;
}

bool textMatchesExact(const SavedRequest &request, const QByteArray &textPayload);

// What reading a block needs besides its text and variables.
struct BlockContext
{
    VariableResolver resolver;
    QString directory;
    bool literalBodies = false;  // "< path" is text (the exact bytes say what is sent)
    QString only;                // HttpFileContext::only
    qsizetype *fileBudget = nullptr;  // what is left of MaxHttpFileBytes for the blocks still to read
};

// "< path" (the file's bytes) and "<@ path" (its {{variables}} put in), as both tools write a body
// kept in a file: the bytes, or false with *error naming the file and the line.
bool readBodyFile(const Line &line, const QString &path, bool substitute, const HttpVariables &variables,
                  const BlockContext &context, qsizetype *budget, QByteArray *out, CollectionError *error)
{
    if (context.directory.isEmpty()) {
        *error = {CollectionError::Kind::BodyFileNoFolder, {}, line.number, 0, path};
        return false;
    }
    const RegularFileRead file = readRegularFile(QDir(context.directory).filePath(path), MaxBodyFileBytes);
    switch (file.outcome) {
    case RegularFileRead::Outcome::Read:
        break;
    case RegularFileRead::Outcome::NotRegular:
        *error = {CollectionError::Kind::BodyFileNotRegular, {}, line.number, 0, path};
        return false;
    case RegularFileRead::Outcome::TooLarge:
        *error = {CollectionError::Kind::BodyFileTooLarge, {}, line.number, 0, path};
        return false;
    case RegularFileRead::Outcome::Failed:
        *error = {CollectionError::Kind::BodyFileUnreadable, {}, line.number, 0, path};
        error->systemText = file.systemText;
        return false;
    }
    if (!substitute) {
        if (file.bytes.size() > *budget) {
            *error = {CollectionError::Kind::VariablesTooLarge, {}, line.number, 0, {}};
            return false;
        }
        *budget -= file.bytes.size();
        *out += file.bytes;
        return true;
    }
    // Its {{variables}} are put in a text: bytes that are not UTF-8 would become U+FFFD, another body.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8(file.bytes);
    if (utf8.hasError()) {
        *error = {CollectionError::Kind::BodyFileEncoding, {}, line.number, 0, path};
        return false;
    }
    const QString text = substituteVariables(decoded, variables, context.resolver, line.number, 1, {false, budget}, error);
    if (error->isError())
        return false;
    *out += text.toUtf8();
    return true;
}

HttpFileEntry readBlock(const RawBlock &block, int position, const HttpVariables &variables, const BlockContext &context)
{
    HttpFileEntry entry;
    entry.notices = block.notices;
    entry.line = block.requestLine.isEmpty() ? block.firstLine : block.requestLine.constFirst().number;
    SavedRequest &request = entry.request;
    request.name = !block.name.isEmpty() ? block.name
                 : !block.separatorName.isEmpty() ? block.separatorName
                 : QLatin1Char('#') + QString::number(position);
    request.tcp.stopRule.kind = StopRule::Kind::Http;
    CollectionError &error = entry.error;
    Options options;
    if (!applyDirectives(block, &request, &options, &error))
        return entry;
    if (block.requestLine.isEmpty()) {
        error = {CollectionError::Kind::NoRequestLine, {}, block.firstLine, 0, {}};
        return entry;
    }

    // One budget for the whole request: thirty body lines each making 16 M characters are refused as
    // one line making 480 M would be.
    if (*context.fileBudget <= 0) {
        error = {CollectionError::Kind::FileRequestsTooLarge, {}, block.firstLine, 0, {}};
        return entry;
    }
    const qsizetype granted = qMin<qsizetype>(MaxBodyFileBytes, *context.fileBudget);
    qsizetype budget = granted;
    // Whatever way the block ends, what it took is no longer the file's.
    const auto charge = qScopeGuard([&] { *context.fileBudget -= granted - budget; });
    const SubstitutionRules headRules{true, &budget};
    QString requestLine;
    for (const Line &line : block.requestLine) {
        const QString text = substituteVariables(line.text, variables, context.resolver, line.number, 1, headRules, &error);
        if (error.isError())
            return entry;
        requestLine += text.trimmed();
    }
    QStringList tokens = requestLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString version = QStringLiteral("HTTP/1.1");
    if (tokens.size() >= 2 && tokens.constLast().startsWith(QLatin1StringView("HTTP/")))
        version = tokens.takeLast();
    if (tokens.isEmpty() || tokens.size() > 2) {
        error = {CollectionError::Kind::BadRequestLine, {}, entry.line, 0, requestLine};
        return entry;
    }
    const QString method = tokens.size() == 2 ? tokens.at(0) : QStringLiteral("GET");
    const QString url = tokens.constLast();

    QList<std::pair<QString, QString>> headers;
    for (const Line &line : block.headers) {
        const QString text = substituteVariables(line.text, variables, context.resolver, line.number, 1, headRules, &error);
        if (error.isError())
            return entry;
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon <= 0 || text.left(colon).trimmed().isEmpty()) {
            error = {CollectionError::Kind::BadHeader, {}, line.number, 1, text};
            return entry;
        }
        headers.append({text.left(colon).trimmed(), text.mid(colon + 1).trimmed()});
    }
    const auto header = [&headers](QLatin1StringView name) -> const QString * {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return &value;
        }
        return nullptr;
    };

    QString target;
    QString host, service;
    bool tls = options.tlsOn;
    if (url.startsWith(QLatin1Char('/')) || url == QLatin1StringView("*")) {
        target = url;
        if (const QString *hostHeader = header(QLatin1StringView("host"))) {
            if (!splitHostHeader(*hostHeader, &host, &service)) {
                error = {CollectionError::Kind::NoHost, {}, entry.line, 0, {}};
                return entry;
            }
        } else if (!options.hasConnect) {
            error = {CollectionError::Kind::NoHost, {}, entry.line, 0, {}};
            return entry;
        }
        if (service.isEmpty())
            service = tls ? QStringLiteral("443") : QStringLiteral("80");
    } else {
        const std::optional<HttpUrl> parsed = parseHttpUrl(url.contains(QLatin1StringView("://")) ? url : QStringLiteral("http://") + url);
        if (!parsed) {
            error = {CollectionError::Kind::BadUrl, {}, entry.line, 0, url};
            return entry;
        }
        target = QString::fromLatin1(parsed->path);
        host = parsed->host;
        service = QString::number(parsed->port);
        tls = tls || parsed->tls;
        if (!header(QLatin1StringView("host")))
            headers.prepend({QStringLiteral("Host"), QString::fromLatin1(hostHeaderValue(host, parsed->port, parsed->tls))});
    }
    if (options.hasConnect) {
        host = options.connectHost;
        service = options.connectService;
    }

    // The body keeps the file's own line breaks; the break that ends its last line, and blank lines
    // before the next request, belong to the file, not to the body (both tools trim them too).
    QList<Line> bodyLines = block.body;
    while (!bodyLines.isEmpty() && bodyLines.constLast().text.trimmed().isEmpty())
        bodyLines.removeLast();
    // Another request is being sent: this one's body files are not read, nor its body's variables.
    // A request with exact bytes reads no file and is checked against its whole text: kept whole.
    const QString path = (request.folder + QStringList{request.name}).join(QLatin1Char('/'));
    if (!context.only.isEmpty() && context.only != request.name && context.only != path && !options.hasExact) {
        entry.bodyLeftOut = !bodyLines.isEmpty();
        bodyLines.clear();
    }
    static const QRegularExpression fileLine(QStringLiteral(R"(^<(@)?\s+(\S.*?)\s*$)"));
    // REST Client's "<@latin1 path": a file in another encoding, which SocketLab does not convert.
    static const QRegularExpression encodedFileLine(QStringLiteral(R"(^<@(\S+)\s+(\S.*?)\s*$)"));
    const SubstitutionRules bodyRules{false, &budget};
    QByteArray bodyBytes;
    for (qsizetype i = 0; i < bodyLines.size(); ++i) {
        const Line &line = bodyLines.at(i);
        const bool filesRead = !context.literalBodies && !options.hasExact;
        const QRegularExpressionMatch file = filesRead ? fileLine.match(line.text) : QRegularExpressionMatch();
        const QRegularExpressionMatch encoded = filesRead ? encodedFileLine.match(line.text) : QRegularExpressionMatch();
        if (file.hasMatch()) {
            if (!readBodyFile(line, file.captured(2), file.hasCaptured(1), variables, context, &budget, &bodyBytes, &error))
                return entry;
        } else if (encoded.hasMatch()) {
            error = {CollectionError::Kind::BodyFileEncoding, {}, line.number, 0, encoded.captured(2)};
            return entry;
        } else {
            bodyBytes += substituteVariables(line.text, variables, context.resolver, line.number, 1, bodyRules, &error).toUtf8();
        }
        if (error.isError())
            return entry;
        if (i + 1 < bodyLines.size())
            bodyBytes += line.ending.toLatin1();
    }
    // As both tools do through their HTTP libraries: a body goes with its length.
    if (!bodyBytes.isEmpty() && !header(QLatin1StringView("content-length")) && !header(QLatin1StringView("transfer-encoding")))
        headers.append({QStringLiteral("Content-Length"), QString::number(bodyBytes.size())});

    QByteArray payload = method.toUtf8() + ' ' + target.toUtf8() + ' ' + version.toUtf8() + "\r\n";
    for (const auto &[key, value] : headers)
        payload += key.toUtf8() + ": " + value.toUtf8() + "\r\n";
    payload += "\r\n" + bodyBytes;

    request.kind = tls ? SavedRequest::Kind::Tls : SavedRequest::Kind::Tcp;
    request.tcp.tls.enabled = tls;
    request.tcp.host = host;
    request.tcp.service = service;
    request.tcp.payload = payload;
    if (options.hasExact) {
        request.tcp.payload = options.exact;
        if (!textMatchesExact(request, payload)) {
            error = {CollectionError::Kind::EditedAfterExact, {}, options.exactLine, 0, {}};
            return entry;
        }
    }
    return entry;
}

HttpFileParse parseStructure(const Structure &structure, const HttpFileContext &context, bool literalBodies)
{
    // REST Client: file variables win over the environment's. A value may use other variables: they
    // are substituted where the request uses it, so an error there names the request's line.
    HttpVariables variables = context.environment;
    for (const auto &[name, line] : structure.fileVariables)
        variables.insert(name, line.text);
    QSet<QString> names;
    for (const RawBlock &block : structure.blocks) {
        if (!block.name.isEmpty())
            names.insert(block.name);
        else if (!block.separatorName.isEmpty())
            names.insert(block.separatorName);
    }
    // The .env and the replies are read once for the whole file, however many variables use them.
    SystemVariableContext system{context.directory, variables, context.now, std::make_shared<DotenvFile>()};
    const auto replies = std::make_shared<RequestVariableCache>();
    BlockContext blockContext;
    blockContext.directory = context.directory;
    blockContext.literalBodies = literalBodies;
    blockContext.only = context.only;
    blockContext.resolver = [system, names, replies, &context](const QString &name) {
        const VariableResolution resolved = resolveSystemVariable(name, system);
        return resolved.outcome != VariableResolution::Outcome::NotMine ? resolved
                                                                        : resolveRequestVariable(name, names, context.sent, replies.get());
    };
    qsizetype fileBudget = MaxHttpFileBytes;
    blockContext.fileBudget = &fileBudget;
    HttpFileParse parse;
    int position = 0;
    for (const RawBlock &block : structure.blocks) {
        const bool fileBound = fileBudget < MaxBodyFileBytes;
        HttpFileEntry entry = readBlock(block, ++position, variables, blockContext);
        // Past what the file had left, not past a request's own bound: the file is what is too large.
        if (fileBound && entry.error.kind == CollectionError::Kind::VariablesTooLarge)
            entry.error = {CollectionError::Kind::FileRequestsTooLarge, {}, entry.error.line, 0, {}};
        parse.entries.append(std::move(entry));
    }
    return parse;
}

// ---- Writing ----

QString asText(const QByteArray &bytes, bool keepNewlines)
{
    QString text = QString::fromUtf8(bytes);
    if (keepNewlines) {
        text.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    }
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && !(keepNewlines && u == u'\n')) || (u >= 0x7f && u < 0xa0))
            c = QChar::ReplacementCharacter;
    }
    // Not a variable where the bytes have two braces: the exact bytes say what they are.
    text.replace(QLatin1StringView("{{"), QLatin1StringView("{ {"));
    return text;
}

struct Rendering
{
    bool exact = false;
    bool connect = false;
};

// The block of a request: false if its payload has no HTTP request line.
bool renderBlock(const SavedRequest &request, Rendering rendering, QString *out)
{
    const TcpRequest &tcp = request.tcp;
    const QByteArray &payload = tcp.payload;
    qsizetype headEnd = payload.indexOf("\r\n\r\n");
    qsizetype bodyStart = headEnd + 4;
    if (headEnd < 0) {
        headEnd = payload.indexOf("\n\n");
        bodyStart = headEnd + 2;
    }
    if (headEnd < 0)
        headEnd = bodyStart = payload.size();
    QList<QByteArray> headLines = payload.left(headEnd).split('\n');
    for (QByteArray &line : headLines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    // METHOD TARGET [VERSION]: a target with spaces or bytes no URL holds is written percent-encoded
    // (the exact bytes then say what it is); a first line with no method and target is no HTTP request.
    QList<QByteArray> parts = headLines.constFirst().split(' ');
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (parts.size() < 2 || !token.match(QString::fromLatin1(parts.constFirst())).hasMatch())
        return false;
    const QByteArray method = parts.takeFirst();
    const bool hasVersion = parts.size() >= 2 && parts.constLast().startsWith("HTTP/");
    const QByteArray version = hasVersion ? parts.takeLast() : QByteArray("HTTP/1.1");
    const QByteArray rawTarget = parts.join(' ');
    // "HELO example.org" is no HTTP request; "GET /<bytes>" broken by a line break in its target is one.
    if (rawTarget.isEmpty() || (!hasVersion && !rawTarget.startsWith('/')))
        return false;
    parts = {method, rawTarget.toPercentEncoding("/?&=%:@!$'()*+,;~[]#"), version};
    const bool tls = request.kind == SavedRequest::Kind::Tls;
    bool numericPort = false;
    const uint port = tcp.service.toUInt(&numericPort);
    QString url = QString::fromLatin1(parts.at(1));
    if (url.startsWith(QLatin1Char('/'))) {
        url = (tls ? QStringLiteral("https://") : QStringLiteral("http://"))
              + QString::fromLatin1(hostHeaderValue(tcp.host, numericPort && port <= 65535 ? quint16(port) : (tls ? 443 : 80), tls)) + url;
    }

    QStringList lines{QStringLiteral("###"), QStringLiteral("# @name ") + request.name};
    const auto directive = [&lines](const QString &key, const QString &value) {
        lines.append(QStringLiteral("# @socketlab-") + key + QLatin1Char(' ') + value);
    };
    const TcpRequest defaults;
    if (!request.folder.isEmpty())
        directive(QStringLiteral("folder"), request.folder.join(QLatin1Char('/')));
    if (tcp.stopRule.kind != StopRule::Kind::Http)
        directive(QStringLiteral("until"), tcp.stopRule.toString());
    if (tcp.totalTimeoutMs != defaults.totalTimeoutMs)
        directive(QStringLiteral("timeout"), QString::number(tcp.totalTimeoutMs));
    if (tcp.connectTimeoutMs != defaults.connectTimeoutMs)
        directive(QStringLiteral("connect-timeout"), QString::number(tcp.connectTimeoutMs));
    if (tcp.maxBytes != defaults.maxBytes)
        directive(QStringLiteral("max-bytes"), QString::number(tcp.maxBytes));
    if (tcp.recvSize != defaults.recvSize)
        directive(QStringLiteral("recv-size"), QString::number(tcp.recvSize));
    if (tcp.family != IpFamily::Any)
        directive(QStringLiteral("family"), httpFamilyName(tcp.family));
    for (const SocketOptionSetting &setting : tcp.socketOptions)
        directive(QStringLiteral("sockopt"), SocketOptions::format(setting));
    if (tcp.localAddress.isValid())
        directive(QStringLiteral("local"), localAddressText(tcp.localAddress));
    if (tls) {
        if (!url.startsWith(QLatin1StringView("https://")))
            directive(QStringLiteral("tls"), QStringLiteral("on"));
        if (!tcp.tls.serverName.isEmpty())
            directive(QStringLiteral("tls-server-name"), tcp.tls.serverName);
        if (tcp.tls.alpn != defaults.tls.alpn) {
            QStringList protocols;
            for (const QByteArray &protocol : tcp.tls.alpn)
                protocols.append(QString::fromUtf8(protocol));
            directive(QStringLiteral("tls-alpn"), protocols.isEmpty() ? QStringLiteral("none") : protocols.join(QLatin1Char(',')));
        }
        if (!tcp.tls.caFile.isEmpty())
            directive(QStringLiteral("tls-ca-file"), tcp.tls.caFile);
        if (!tcp.tls.pinSha256.isEmpty())
            directive(QStringLiteral("tls-pin"), QString::fromLatin1(tcp.tls.pinSha256.toHex()));
        if (tcp.tls.minVersion != TlsVersion::Any)
            directive(QStringLiteral("tls-min"), tlsVersionName(tcp.tls.minVersion));
    }
    if (rendering.connect)
        directive(QStringLiteral("connect"), tcp.host + QLatin1Char(' ') + tcp.service);
    if (rendering.exact)
        directive(QStringLiteral("bytes"), QStringLiteral("base64:") + QString::fromLatin1(payload.toBase64()));

    lines.append(asText(parts.at(0), false) + QLatin1Char(' ') + url + QLatin1Char(' ') + asText(parts.at(2), false));
    for (qsizetype i = 1; i < headLines.size(); ++i) {
        const QString line = asText(headLines.at(i), false);
        // A line the reader would take for something else stays in the exact bytes only.
        if (line.isEmpty() || line.at(0).isSpace() || isComment(line) || line.indexOf(QLatin1Char(':')) <= 0)
            continue;
        lines.append(line);
    }
    if (bodyStart < payload.size()) {
        lines.append(QString());
        QStringList bodyLines = asText(payload.mid(bodyStart), true).split(QLatin1Char('\n'));
        for (QString &line : bodyLines) {
            if (line.startsWith(QLatin1StringView("###")))
                line.prepend(QLatin1Char(' '));
        }
        lines.append(bodyLines);
    }
    *out = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return true;
}

// A block as the writer made it, read from no folder: a body line "< path" is an error, unless
// literalBodies (the exact bytes stand beside it) makes every body text.
std::optional<HttpFileEntry> readBack(const QString &text, bool literalBodies)
{
    const HttpFileParse parse = parseStructure(readStructure(text), {}, literalBodies);
    if (parse.entries.size() != 1)
        return std::nullopt;
    return parse.entries.constFirst();
}

bool textMatchesExact(const SavedRequest &request, const QByteArray &textPayload)
{
    QString rendered;
    if (!renderBlock(request, {}, &rendered))
        return false;
    const std::optional<HttpFileEntry> back = readBack(rendered, true);
    if (!back || back->error.isError())
        return false;
    // Line breaks aside: a checkout that turned the file's LF into CRLF has not edited it.
    QByteArray expected = back->request.tcp.payload;
    QByteArray found = textPayload;
    return expected.replace('\r', "") == found.replace('\r', "");
}

bool sameTarget(const SavedRequest &a, const SavedRequest &b)
{
    return a.kind == b.kind && a.tcp.host == b.tcp.host && a.tcp.service == b.tcp.service;
}

bool sameRequest(const SavedRequest &a, const SavedRequest &b)
{
    const TcpRequest &x = a.tcp;
    const TcpRequest &y = b.tcp;
    return sameTarget(a, b) && a.name == b.name && a.folder == b.folder && x.payload == y.payload
        && x.family == y.family && x.stopRule.kind == y.stopRule.kind && x.stopRule.value == y.stopRule.value
        && x.connectTimeoutMs == y.connectTimeoutMs && x.totalTimeoutMs == y.totalTimeoutMs && x.maxBytes == y.maxBytes
        && x.recvSize == y.recvSize && x.socketOptions == y.socketOptions && x.localAddress == y.localAddress && (a.kind != SavedRequest::Kind::Tls
            || (x.tls.serverName == y.tls.serverName && x.tls.alpn == y.tls.alpn && x.tls.caFile == y.tls.caFile
                && x.tls.pinSha256 == y.tls.pinSha256 && x.tls.minVersion == y.tls.minVersion));
}

} // namespace

HttpFileParse parseHttpFile(const QString &text, const HttpVariables &environment)
{
    HttpFileContext context;
    context.environment = environment;
    return parseHttpFile(text, context);
}

HttpFileParse parseHttpFile(const QString &text, const HttpFileContext &context)
{
    return parseStructure(readStructure(text), context, false);
}

QString writeHttpFile(const QList<SavedRequest> &requests, CollectionError *error)
{
    *error = {};
    QString out;
    for (const SavedRequest &request : requests) {
        const auto fail = [&] {
            *error = {CollectionError::Kind::NotHttp, {}, 0, 0, request.name};
            return QString();
        };
        if ((request.kind != SavedRequest::Kind::Tcp && request.kind != SavedRequest::Kind::Tls)
            || request.name.contains(QLatin1Char('\n')) || request.name.contains(QLatin1Char('\r')))
            return fail();
        SavedRequest saved = request;
        saved.tcp.tls.enabled = request.kind == SavedRequest::Kind::Tls;
        Rendering rendering;
        QString block;
        if (!renderBlock(saved, rendering, &block))
            return fail();
        std::optional<HttpFileEntry> back = readBack(block, false);
        if (!back || back->error.isError() || !sameTarget(back->request, saved)) {
            rendering.connect = true;
            renderBlock(saved, rendering, &block);
            back = readBack(block, false);
        }
        if (!back || back->error.isError() || back->request.tcp.payload != saved.tcp.payload) {
            rendering.exact = true;
            renderBlock(saved, rendering, &block);
            back = readBack(block, false);
        }
        // Never written as something else than it is.
        if (!back || back->error.isError() || !sameRequest(back->request, saved))
            return fail();
        out += block;
    }
    return out;
}

} // namespace SocketLab
