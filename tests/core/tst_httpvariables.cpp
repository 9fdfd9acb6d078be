#include "collections/collectionfile.h"
#include "collections/httpfile.h"
#include "collections/httpsystemvariables.h"
#include "text/collectiontext.h"
#include "text/translations.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace SocketLab;

namespace {

const QString DataDir = QStringLiteral(SOCKETLAB_HTTP_DATA_DIR);

QByteArray header(const QByteArray &payload, const QByteArray &name)
{
    for (const QByteArray &line : payload.left(payload.indexOf("\r\n\r\n")).split('\n')) {
        if (line.startsWith(name + ": "))
            return line.mid(name.size() + 2).trimmed();
    }
    return {};
}

QByteArray bodyOf(const QByteArray &payload)
{
    return payload.mid(payload.indexOf("\r\n\r\n") + 4);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// What .http files hold besides their own text, written by hand from REST Client's README and
// JetBrains' HTTP Client documentation (tests/data/http/bodies.http, variables.http): bodies from
// files, system variables, request variables, and the scripts SocketLab keeps out of the request.
class TstHttpVariables : public QObject
{
    Q_OBJECT

private slots:
    void bodiesFromFiles()
    {
        CollectionError error;
        const QList<HttpFileEntry> entries = CollectionFile::load(DataDir + QStringLiteral("/bodies.http"), {}, &error);
        QVERIFY(!error.isError());
        QCOMPARE(entries.size(), 5);
        for (const HttpFileEntry &entry : entries)
            QVERIFY2(!entry.error.isError(), qPrintable(describeCollectionError(entry.error)));

        // "<": the bytes as they are, every byte value, the file's CR LF and braces included.
        QFile raw(DataDir + QStringLiteral("/bodies/raw.bin"));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray rawBytes = raw.readAll();
        QCOMPARE(rawBytes.size(), 256 + 2 + 20);
        const QByteArray &first = entries.at(0).request.tcp.payload;
        QCOMPARE(bodyOf(first), rawBytes);
        QCOMPARE(header(first, "Content-Length"), QByteArray::number(rawBytes.size()));

        // "<@": its variables put in, file and system ones.
        QCOMPARE(bodyOf(entries.at(1).request.tcp.payload), QByteArray("{\"name\": \"zo\xc3\xa9\", \"id\": 7}\n"));
        // "<" leaves them as written.
        QCOMPARE(bodyOf(entries.at(2).request.tcp.payload), QByteArray("{\"name\": \"{{user}}\", \"id\": {{$randomInt 7 8}}}\n"));
    }

    // JetBrains' response handlers, ">>" redirects, pre-request scripts and assertions: out of the
    // request (the "{{" in a script is no variable), one notice per request and kind.
    void scriptsAreNotRun()
    {
        CollectionError error;
        const QList<HttpFileEntry> entries = CollectionFile::load(DataDir + QStringLiteral("/bodies.http"), {}, &error);
        QCOMPARE(entries.size(), 5);
        using K = HttpFileNotice::Kind;
        QCOMPARE(entries.at(0).notices, QList<HttpFileNotice>());
        QCOMPARE(entries.at(2).notices, (QList<HttpFileNotice>{{K::HandlerNotRun, 24}, {K::ResponseNotSaved, 29}}));
        QCOMPARE(entries.at(3).request.name, QStringLiteral("handler file"));
        QCOMPARE(entries.at(3).notices, (QList<HttpFileNotice>{{K::HandlerNotRun, 35}}));
        QCOMPARE(entries.at(3).request.tcp.payload, QByteArray("GET /get HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"));
        QCOMPARE(entries.at(4).notices, (QList<HttpFileNotice>{{K::PreRequestNotRun, 39}, {K::AssertionsNotRun, 45}}));
        QCOMPARE(entries.at(4).request.tcp.payload, QByteArray("GET /anything HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n"));
        QCOMPARE(describeHttpFileNotice(entries.at(2).request.name, entries.at(2).notices.at(0)),
                 QStringLiteral("«jetbrains», line 24: its response handler was not run (SocketLab does not run JavaScript)."));
        QCOMPARE(describeHttpFileNotice(QStringLiteral("x"), {K::ResponseNotSaved, 3}),
                 QStringLiteral("«x», line 3: its reply was not written to the >> file."));
        QCOMPARE(describeHttpFileNotice(QStringLiteral("x"), {K::PreRequestNotRun, 3}),
                 QStringLiteral("«x», line 3: its pre-request script was not run (SocketLab does not run JavaScript)."));
        QCOMPARE(describeHttpFileNotice(QStringLiteral("x"), {K::AssertionsNotRun, 3}),
                 QStringLiteral("«x», line 3: its ?? assertions were not checked."));
    }

    void bodyFileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString text = QStringLiteral("# @name up\nPOST http://h/\n\n< ./missing.json\n");
        HttpFileContext context;
        context.directory = dir.path();
        HttpFileEntry entry = parseHttpFile(text, context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::BodyFileUnreadable);
        QCOMPARE(entry.error.line, 4);
        QCOMPARE(entry.error.detail, QStringLiteral("./missing.json"));
        entry.error.file = QStringLiteral("api.http");
        QVERIFY2(describeCollectionError(entry.error).startsWith(
                     QStringLiteral("api.http, line 4: the body file \"./missing.json\" cannot be read (")),
                 qPrintable(describeCollectionError(entry.error)));

        // Past 32 MiB: refused, never read whole.
        QFile big(dir.filePath(QStringLiteral("missing.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(MaxBodyFileBytes + 1));
        big.close();
        entry = parseHttpFile(text, context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::BodyFileTooLarge);
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 4: the body file \"./missing.json\" is larger than 32 MiB"));
        // The bound is the whole request's: its request line and headers take their share.
        QVERIFY(big.resize(MaxBodyFileBytes));
        entry = parseHttpFile(text, context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariablesTooLarge);
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 4: the request is larger than 32 MiB once the values of its variables and its body files are put in"));
        QVERIFY(big.resize(MaxBodyFileBytes - 64));
        entry = parseHttpFile(text, context).entries.constFirst();
        QVERIFY(!entry.error.isError());
        QCOMPARE(bodyOf(entry.request.tcp.payload).size(), MaxBodyFileBytes - 64);

        // A "<@" file's variables are checked as the file's own text is.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("t.json")), "{\"a\": {{nothing}}}"));
        entry = parseHttpFile(QStringLiteral("POST http://h/\n\n<@ t.json\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::UndefinedVariable);
        QCOMPARE(entry.error.line, 3);
        QCOMPARE(entry.error.detail, QStringLiteral("nothing"));
    }

    void systemVariables()
    {
        qputenv("SOCKETLAB_TEST_TOKEN", "env-token");
        CollectionError error;
        HttpFileContext context;
        context.directory = DataDir;
        context.environment.insert(QStringLiteral("tokenVariable"), QStringLiteral("SOCKETLAB_TEST_TOKEN"));
        // 2024-06-30 04:09:33.250 UTC, a Sunday.
        context.now = QDateTime(QDate(2024, 6, 30), QTime(4, 9, 33, 250), Qt::UTC);
        QFile file(DataDir + QStringLiteral("/variables.http"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<HttpFileEntry> entries = parseHttpFile(QString::fromUtf8(file.readAll()), context).entries;
        QCOMPARE(entries.size(), 4);
        const HttpFileEntry &system = entries.at(3);
        QVERIFY2(!system.error.isError(), qPrintable(describeCollectionError(system.error)));
        const QByteArray &payload = system.request.tcp.payload;
        const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        for (const QByteArray name : {"X-Guid", "X-Uuid", "X-Random-Uuid"})
            QVERIFY2(uuid.match(QString::fromLatin1(header(payload, name))).hasMatch(), header(payload, name).constData());
        QVERIFY(header(payload, "X-Guid") != header(payload, "X-Uuid"));
        QCOMPARE(header(payload, "X-Random"), QByteArray("10"));
        const int any = header(payload, "X-Random-Any").toInt();
        QVERIFY(any >= 0 && any <= 1000);
        QCOMPARE(header(payload, "X-Timestamp"), QByteArray("1719720573"));
        QCOMPARE(header(payload, "X-Timestamp-Before"), QByteArray::number(1719720573 - 3 * 3600));
        QCOMPARE(header(payload, "X-Date"), QByteArray("Sun, 30 Jun 2024 04:09:33 GMT"));
        QCOMPARE(header(payload, "X-Iso"), QByteArray("2024-07-01T04:09:33.250Z"));
        QCOMPARE(header(payload, "X-Custom"), QByteArray("2023-06-30 04:09:33"));
        const QDateTime local = context.now->toLocalTime();
        QVERIFY2(header(payload, "X-Local").startsWith(local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1()),
                 header(payload, "X-Local").constData());
        QVERIFY(QRegularExpression(QStringLiteral("[+-]\\d\\d:\\d\\d$")).match(QString::fromLatin1(header(payload, "X-Local"))).hasMatch());
        QCOMPARE(header(payload, "X-Iso-Timestamp"), QByteArray("2024-06-30T04:09:33.250Z"));
        QCOMPARE(header(payload, "X-Integer"), QByteArray("5"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}$")).match(QString::fromLatin1(header(payload, "X-Hex"))).hasMatch());
        QCOMPARE(header(payload, "X-Env"), QByteArray("env-token"));
        QCOMPARE(header(payload, "X-Env-Indirect"), QByteArray("env-token"));
        QCOMPARE(header(payload, "X-Env-JetBrains"), QByteArray("env-token"));
        QCOMPARE(header(payload, "X-Dotenv"), QByteArray("k-123"));
        QCOMPARE(resolveSystemVariable(QStringLiteral("$dotenv OTHER"), {DataDir, {}, {}, {}}).value, QStringLiteral("x"));
        QCOMPARE(resolveSystemVariable(QStringLiteral("$localDatetime 'DD/MM/YYYY [at] h A'"), {{}, {}, context.now, {}}).value,
                 local.toString(QStringLiteral("dd/MM/yyyy 'at' h AP")));
        QCOMPARE(resolveSystemVariable(QStringLiteral("$random.alphabetic(0)"), {}).error, CollectionError::Kind::BadSystemVariable);
        QCOMPARE(resolveSystemVariable(QStringLiteral("host"), {}).outcome, VariableResolution::Outcome::NotMine);
        // Each use makes its own value.
        QVERIFY(header(payload, "X-Guid") != header(entries.at(1).request.tcp.payload, "X-Guid"));
        (void)error;
    }

    // REST Client's request variables, from the replies of the requests they name.
    void requestVariables()
    {
        QFile file(DataDir + QStringLiteral("/variables.http"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        HttpFileContext context;
        QList<HttpFileEntry> entries = parseHttpFile(text, context).entries;
        QVERIFY(!entries.at(0).error.isError());
        QCOMPARE(entries.at(1).error.kind, CollectionError::Kind::RequestNotSent);
        QCOMPARE(entries.at(1).error.detail, QStringLiteral("login"));
        QCOMPARE(entries.at(1).error.line, 17);
        QCOMPARE(describeCollectionError(entries.at(1).error),
                 QStringLiteral("line 17, column 16: send «login» first: this request uses its reply"));

        context.sent.insert(QStringLiteral("login"),
                            {entries.at(0).request.tcp.payload,
                             "HTTP/1.1 200 OK\r\nX-AuthToken: tok-1\r\nx-authtoken: tok-2\r\nContent-Length: 2\r\n\r\n{}"});
        entries = parseHttpFile(text, context).entries;
        QVERIFY2(!entries.at(1).error.isError(), qPrintable(describeCollectionError(entries.at(1).error)));
        const QByteArray create = entries.at(1).request.tcp.payload;
        QCOMPARE(header(create, "Authorization"), QByteArray("tok-1, tok-2"));
        QVERIFY(bodyOf(create).contains("\"sent\": \"name=foo&password=bar\""));
        QCOMPARE(entries.at(2).error.kind, CollectionError::Kind::RequestNotSent);
        QCOMPARE(entries.at(2).error.detail, QStringLiteral("createComment"));

        // A chunked reply, its body read once the framing is removed.
        const QByteArray json = R"({"id": 42, "tags": ["a", {"b": 1}], "author": {"name": "zoé", "admin": true}})";
        context.sent.insert(QStringLiteral("createComment"),
                            {create, "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                                         + QByteArray::number(json.size(), 16) + "\r\n" + json + "\r\n0\r\n\r\n"});
        entries = parseHttpFile(text, context).entries;
        QVERIFY2(!entries.at(2).error.isError(), qPrintable(describeCollectionError(entries.at(2).error)));
        const QByteArray get = entries.at(2).request.tcp.payload;
        QVERIFY(get.startsWith("GET /api/comments/42 HTTP/1.1\r\n"));
        QCOMPARE(header(get, "X-First-Tag"), QByteArray("a"));
        QCOMPARE(header(get, "X-Author"), QByteArray("{\"admin\":true,\"name\":\"zoé\"}"));

        const auto resolve = [&](const QString &name) {
            return parseHttpFile(QStringLiteral("# @name createComment\nGET http://h/\n###\nGET http://h/\nX: {{") + name
                                     + QStringLiteral("}}\n"), context).entries.constLast();
        };
        QCOMPARE(header(resolve(QStringLiteral("createComment.response.body.$['tags'][1].b")).request.tcp.payload, "X"), QByteArray("1"));
        QCOMPARE(header(resolve(QStringLiteral("createComment.response.body.$.author.admin")).request.tcp.payload, "X"), QByteArray("true"));
        QCOMPARE(header(resolve(QStringLiteral("createComment.request.headers.authorization")).request.tcp.payload, "X"), QByteArray("tok-1, tok-2"));
        HttpFileEntry missing = resolve(QStringLiteral("createComment.response.body.$.tags[5]"));
        QCOMPARE(missing.error.kind, CollectionError::Kind::RequestValueMissing);
        QCOMPARE(describeCollectionError(missing.error),
                 QStringLiteral("line 5, column 4: \"{{createComment.response.body.$.tags[5]}}\" names nothing in that request or its reply"));
        missing = resolve(QStringLiteral("createComment.response.headers.X-None"));
        QCOMPARE(missing.error.kind, CollectionError::Kind::RequestValueMissing);
        context.sent.insert(QStringLiteral("createComment"), {create, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n<a/>\n"});
        const HttpFileEntry notJson = resolve(QStringLiteral("createComment.response.body.$.id"));
        QCOMPARE(notJson.error.kind, CollectionError::Kind::RequestBodyNotJson);
        QCOMPARE(describeCollectionError(notJson.error),
                 QStringLiteral("line 5, column 4: \"{{createComment.response.body.$.id}}\" reads a JSON body, and that body is not JSON"));
    }

    // What the reader takes for a file or a script, in a request's own bytes, is written so that it
    // reads back as those bytes.
    // A reply's token with "\r\nX-Injected: yes" would add a header to the next request: refused in
    // the request line and the headers, whatever gives the value; a body may hold line breaks.
    void substitutedValuesNeverBreakTheHead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HttpFileContext context;
        context.directory = dir.path();
        context.sent.insert(QStringLiteral("login"),
                            {"POST /login HTTP/1.1\r\n\r\n",
                             "HTTP/1.1 200 OK\r\nContent-Length: 33\r\n\r\n{\"token\": \"t\\r\\nX-Injected: yes\"}"});
        const QString head = QStringLiteral("# @name login\nPOST http://h/login\n\n###\n");
        HttpFileEntry entry = parseHttpFile(head + QStringLiteral("GET http://h/\nAuthorization: Bearer {{login.response.body.$.token}}\n"),
                                            context).entries.at(1);
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariableBreaksLine);
        QCOMPARE(entry.error.line, 6);
        QCOMPARE(entry.error.detail, QStringLiteral("login.response.body.$.token"));
        QVERIFY(!entry.request.tcp.payload.contains("X-Injected"));
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 6, column 23: the value of the variable \"login.response.body.$.token\" holds a line break or a NUL "
                                "byte, which would add lines to the request line or the headers: only a body may hold one"));
        entry = parseHttpFile(head + QStringLiteral("GET http://h/{{login.response.body.$.token}}\n"), context).entries.at(1);
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariableBreaksLine);
        QCOMPARE(entry.error.line, 5);
        // In the body, the value goes as it is.
        entry = parseHttpFile(head + QStringLiteral("POST http://h/\n\n{{login.response.body.$.token}}\n"), context).entries.at(1);
        QVERIFY(!entry.error.isError());
        QVERIFY(bodyOf(entry.request.tcp.payload) == "t\r\nX-Injected: yes");

        // The environment's values, $processEnv and $dotenv the same.
        HttpFileContext env = context;
        env.environment.insert(QStringLiteral("token"), QStringLiteral("a\nX-Injected: yes"));
        entry = parseHttpFile(QStringLiteral("GET http://h/\nX-T: {{token}}\n"), env).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariableBreaksLine);
        QCOMPARE(entry.error.detail, QStringLiteral("token"));
        // Through a file variable's value too: the error names the variable whose value holds the break.
        entry = parseHttpFile(QStringLiteral("@auth = Bearer {{token}}\nGET http://h/\nAuthorization: {{auth}}\n"), env).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariableBreaksLine);
        QCOMPARE(entry.error.detail, QStringLiteral("token"));
        qputenv("SOCKETLAB_TEST_INJECT", "a\rX-Injected: yes");
        entry = parseHttpFile(QStringLiteral("GET http://h/\nX-T: {{$processEnv SOCKETLAB_TEST_INJECT}}\n"), context).entries.constFirst();
        qunsetenv("SOCKETLAB_TEST_INJECT");
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariableBreaksLine);
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".env")), "T=\"a\\nX-Injected: yes\"\n"));
        entry = parseHttpFile(QStringLiteral("GET http://h/\nX-T: {{$dotenv T}}\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariableBreaksLine);
        QCOMPARE(entry.error.detail, QStringLiteral("$dotenv T"));
        entry = parseHttpFile(QStringLiteral("POST http://h/\n\n{{$dotenv T}}\n"), context).entries.constFirst();
        QVERIFY(!entry.error.isError());
    }

    // "< /dev/stdin", a FIFO, ".env -> /dev/zero": refused at once, never waited on or read whole.
    void onlyRegularFilesAreRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HttpFileContext context;
        context.directory = dir.path();
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("fifo")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        HttpFileEntry entry = parseHttpFile(QStringLiteral("POST http://h/\n\n< ./fifo\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::BodyFileNotRegular);
        QCOMPARE(entry.error.line, 3);
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 3: the body file \"./fifo\" is not a regular file (a pipe, a device or a folder): SocketLab "
                                "reads only regular files"));
        entry = parseHttpFile(QStringLiteral("POST http://h/\n\n< /dev/zero\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::BodyFileNotRegular);
        // A link to a regular file is read.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("real.txt")), "abc"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("real.txt")), dir.filePath(QStringLiteral("link.txt"))));
        entry = parseHttpFile(QStringLiteral("POST http://h/\n\n< ./link.txt\n"), context).entries.constFirst();
        QVERIFY(!entry.error.isError());
        QCOMPARE(bodyOf(entry.request.tcp.payload), QByteArray("abc"));

        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral(".env"))));
        entry = parseHttpFile(QStringLiteral("GET http://h/\nX-T: {{$dotenv T}}\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::DotenvUnusable);
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 2, column 6: \"T\" of {{$dotenv}} cannot be read: the .env file beside the .http file is not "
                                "a regular file or is larger than 1 MiB"));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral(".env"))));
        QFile big(dir.filePath(QStringLiteral(".env")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.write("T=1\n") == 4);
        QVERIFY(big.resize(MaxDotenvBytes + 1));
        big.close();
        entry = parseHttpFile(QStringLiteral("GET http://h/\nX-T: {{$dotenv T}}\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::DotenvUnusable);
    }

    // Only the request being sent reads its body files; one budget for all the lines of a request.
    void aFileReadWholeIsBounded()
    {
        // Nine requests of a 30 MiB body each: read whole (the window's listing), eight fit the file's
        // 256 MiB and the ninth is refused; sending the ninth alone reads only it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile body(dir.filePath(QStringLiteral("body.bin")));
        QVERIFY(body.open(QIODevice::WriteOnly));
        QVERIFY(body.resize(30 * 1024 * 1024));
        body.close();
        QString text;
        for (int i = 1; i <= 9; ++i)
            text += QStringLiteral("# @name r%1\nPOST http://h/\n\n< ./body.bin\n\n###\n").arg(i);
        HttpFileContext context;
        context.directory = dir.path();
        QList<HttpFileEntry> entries = parseHttpFile(text, context).entries;
        QCOMPARE(entries.size(), 9);
        for (int i = 0; i < 8; ++i)
            QVERIFY2(!entries.at(i).error.isError(), qPrintable(describeCollectionError(entries.at(i).error)));
        QCOMPARE(entries.at(8).error.kind, CollectionError::Kind::FileRequestsTooLarge);
        QVERIFY(describeCollectionError(entries.at(8).error).contains(QStringLiteral("256 MiB")));
        entries.clear();
        context.only = QStringLiteral("r9");
        entries = parseHttpFile(text, context).entries;
        QVERIFY(!entries.at(8).error.isError());
        QCOMPARE(bodyOf(entries.at(8).request.tcp.payload).size(), 30 * 1024 * 1024);
    }

    void bodiesReadOnlyForTheRequestSent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("body.bin")), "0123456789"));
        QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo"))).constData(), 0600) == 0);
        HttpFileContext context;
        context.directory = dir.path();
        context.only = QStringLiteral("small");
        const QString text = QStringLiteral("# @name big\nPOST http://h/\n\n< ./fifo\n\n###\n# @name small\nPOST http://h/\n\n< ./body.bin\n");
        const QList<HttpFileEntry> entries = parseHttpFile(text, context).entries;
        QCOMPARE(entries.size(), 2);
        QVERIFY(!entries.at(0).error.isError());
        QVERIFY(entries.at(0).bodyLeftOut);
        QVERIFY(!entries.at(1).error.isError());
        QVERIFY(!entries.at(1).bodyLeftOut);
        QCOMPARE(bodyOf(entries.at(1).request.tcp.payload), QByteArray("0123456789"));
        // A request kept as exact bytes reads no file: it stays whole, its bytes checked as always.
        SavedRequest exact;
        exact.name = QStringLiteral("exact");
        exact.tcp.host = QStringLiteral("h");
        exact.tcp.service = QStringLiteral("80");
        exact.tcp.payload = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n\x01\x02";
        CollectionError written;
        const QString exactText = writeHttpFile({exact}, &written);
        QVERIFY(!written.isError());
        QVERIFY(exactText.contains(QStringLiteral("@socketlab-bytes")));
        const HttpFileEntry kept = parseHttpFile(text + exactText, context).entries.at(2);
        QVERIFY2(!kept.error.isError(), qPrintable(describeCollectionError(kept.error)));
        QVERIFY(!kept.bodyLeftOut);
        QCOMPARE(kept.request.tcp.payload, exact.tcp.payload);

        // 30 lines of 2 M characters each: each fits the cap alone, not together.
        HttpFileContext big;
        big.environment.insert(QStringLiteral("x"), QString(2 * 1024 * 1024, QLatin1Char('x')));
        QString body;
        for (int i = 0; i < 30; ++i)
            body += QStringLiteral("{{x}}\n");
        const HttpFileEntry entry = parseHttpFile(QStringLiteral("POST http://h/\n\n") + body, big).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::VariablesTooLarge);
        QCOMPARE(entry.error.line, 3 + 15);
        QVERIFY(entry.request.tcp.payload.isEmpty());
    }

    // A reply cut at the cap, or that ended before its body did, is never used as if whole.
    void incompleteReplyBodiesAreRefused()
    {
        const QString text = QStringLiteral("# @name login\nPOST http://h/login\n\n###\nGET http://h/\nX-T: {{login.response.body.$.token}}\n");
        HttpFileContext context;
        context.sent.insert(QStringLiteral("login"), {"POST /login HTTP/1.1\r\n\r\n",
                                                      "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"token\": \"t\"}"});
        HttpFileEntry entry = parseHttpFile(text, context).entries.at(1);
        QCOMPARE(entry.error.kind, CollectionError::Kind::RequestBodyIncomplete);
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 6, column 6: \"{{login.response.body.$.token}}\" reads a reply body that did not come whole "
                                "(cut at 32 MiB, or the connection ended before its end)"));
        // Read until close, but kept only in part (the GUI's cap): not whole either.
        context.sent.insert(QStringLiteral("login"), {"POST /login HTTP/1.1\r\n\r\n", "HTTP/1.0 200 OK\r\n\r\n{\"token\": \"t\"}", false});
        QCOMPARE(parseHttpFile(text, context).entries.at(1).error.kind, CollectionError::Kind::RequestBodyIncomplete);
        context.sent.insert(QStringLiteral("login"), {"POST /login HTTP/1.1\r\n\r\n", "HTTP/1.0 200 OK\r\n\r\n{\"token\": \"t\"}"});
        entry = parseHttpFile(text, context).entries.at(1);
        QVERIFY(!entry.error.isError());
        QCOMPARE(header(entry.request.tcp.payload, "X-T"), QByteArray("t"));
        // Past 32 MiB decoded: cut, so refused.
        QByteArray huge = "{\"token\": \"" + QByteArray(MaxReplyBodyBytes, 'a') + "\"}";
        context.sent.insert(QStringLiteral("login"), {"POST /login HTTP/1.1\r\n\r\n",
                                                      "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(huge.size()) + "\r\n\r\n" + huge});
        huge.clear();
        QCOMPARE(parseHttpFile(text, context).entries.at(1).error.kind, CollectionError::Kind::RequestBodyIncomplete);
        // A failed last send: said, not read as an empty reply.
        context.sent.insert(QStringLiteral("login"), {"POST /login HTTP/1.1\r\n\r\n", {}, true, true});
        entry = parseHttpFile(text, context).entries.at(1);
        QCOMPARE(entry.error.kind, CollectionError::Kind::RequestReplyFailed);
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 6, column 6: the last send of «login» failed: there is no reply to read; send it again"));
    }

    // Each reply is parsed once per reading, however many variables use it.
    void repliesParsedOncePerReading()
    {
        QByteArray json = "{\"token\": \"t\", \"pad\": \"" + QByteArray(4 * 1024 * 1024, 'p') + "\"}";
        HttpFileContext context;
        context.sent.insert(QStringLiteral("login"), {"POST /login HTTP/1.1\r\n\r\n",
                                                      "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json});
        QString text = QStringLiteral("# @name login\nPOST http://h/login\n\n###\nPOST http://h/\n\n");
        for (int i = 0; i < 1000; ++i)
            text += QStringLiteral("{{login.response.body.$.token}}");
        QElapsedTimer timer;
        timer.start();
        const HttpFileEntry entry = parseHttpFile(text + QLatin1Char('\n'), context).entries.at(1);
        QVERIFY(!entry.error.isError());
        QCOMPARE(bodyOf(entry.request.tcp.payload), QByteArray(1000, 't'));
        // Parsed 1000 times, 4 MiB of JSON and its reply take tens of seconds; once, well under one.
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    // "<@latin1 path" and a "<@" file that is not UTF-8: an error, never other bytes sent.
    void bodyFileEncodings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("l1.txt")), "caf\xe9"));
        HttpFileContext context;
        context.directory = dir.path();
        HttpFileEntry entry = parseHttpFile(QStringLiteral("POST http://h/\n\n<@latin1 ./l1.txt\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::BodyFileEncoding);
        QCOMPARE(entry.error.detail, QStringLiteral("./l1.txt"));
        QCOMPARE(describeCollectionError(entry.error),
                 QStringLiteral("line 3: the body file \"./l1.txt\" is not UTF-8 text, or is given an encoding (<@latin1 ...) SocketLab "
                                "does not convert: send it as it is with \"< path\", or convert it to UTF-8"));
        entry = parseHttpFile(QStringLiteral("POST http://h/\n\n<@ ./l1.txt\n"), context).entries.constFirst();
        QCOMPARE(entry.error.kind, CollectionError::Kind::BodyFileEncoding);
        entry = parseHttpFile(QStringLiteral("POST http://h/\n\n< ./l1.txt\n"), context).entries.constFirst();
        QVERIFY(!entry.error.isError());
        QCOMPARE(bodyOf(entry.request.tcp.payload), QByteArray("caf\xe9"));
    }

    // Bounds and offsets at the ends of 64 bits: an error or a value, never an overflow.
    void systemVariableExtremes()
    {
        const auto resolve = [](const char *name) { return resolveSystemVariable(QString::fromLatin1(name), {}); };
        for (int i = 0; i < 50; ++i) {
            const VariableResolution wide = resolve("$randomInt -9223372036854775808 9223372036854775807");
            QCOMPARE(wide.outcome, VariableResolution::Outcome::Value);
            bool ok = false;
            wide.value.toLongLong(&ok);
            QVERIFY(ok);
        }
        QCOMPARE(resolve("$randomInt 9223372036854775806 9223372036854775807").value, QStringLiteral("9223372036854775806"));
        QCOMPARE(resolve("$timestamp 9223372036854775807 h").error, CollectionError::Kind::BadSystemVariable);
        QCOMPARE(resolve("$timestamp -9223372036854775807 w").error, CollectionError::Kind::BadSystemVariable);
        QCOMPARE(resolve("$timestamp 4294967296 y").error, CollectionError::Kind::BadSystemVariable);
        QCOMPARE(resolve("$datetime iso8601 9223372036854775807 ms").error, CollectionError::Kind::BadSystemVariable);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        QCOMPARE(resolveSystemVariable(QStringLiteral("$timestamp 2 h"), {{}, {}, now, {}}).value, QStringLiteral("1700007200"));
        QCOMPARE(resolveSystemVariable(QStringLiteral("$timestamp -1 y"), {{}, {}, now, {}}).value,
                 QString::number(now.addYears(-1).toSecsSinceEpoch()));
    }

    void writerKeepsLookalikes()
    {
        SavedRequest request;
        request.name = QStringLiteral("lookalike");
        request.tcp.host = QStringLiteral("h");
        request.tcp.service = QStringLiteral("80");
        request.tcp.stopRule.kind = StopRule::Kind::Http;
        request.tcp.payload = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 40\r\n\r\n< ./secret.txt\n> {% x %}\n?? status == 1\n";
        CollectionError error;
        const QString text = writeHttpFile({request}, &error);
        QVERIFY2(!error.isError(), qPrintable(describeCollectionError(error)));
        QVERIFY(text.contains(QLatin1StringView("@socketlab-bytes")));
        HttpFileContext context;
        context.directory = QDir::tempPath();
        const HttpFileEntry back = parseHttpFile(text, context).entries.constFirst();
        QVERIFY2(!back.error.isError(), qPrintable(describeCollectionError(back.error)));
        QCOMPARE(back.request.tcp.payload, request.tcp.payload);
    }

    // A script never closed ends with its request.
    void unclosedScriptEndsWithItsRequest()
    {
        const HttpFileParse parse = parseHttpFile(QStringLiteral("GET http://h/a\n\n> {%\n  client.log(1);\n###\nGET http://h/b\n"));
        QCOMPARE(parse.entries.size(), 2);
        QCOMPARE(parse.entries.at(0).notices, (QList<HttpFileNotice>{{HttpFileNotice::Kind::HandlerNotRun, 3}}));
        QCOMPARE(parse.entries.at(1).request.tcp.payload, QByteArray("GET /b HTTP/1.1\r\nHost: h\r\n\r\n"));
    }

    // docs/formats.md's example of what is read and not done reads as the page says.
    void documentedHandlers()
    {
        QFile doc(QStringLiteral(SOCKETLAB_FORMATS_DOC));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype heading = text.indexOf(QLatin1StringView("### What SocketLab reads and does not do"));
        QVERIFY(heading > 0);
        const qsizetype start = text.indexOf(QLatin1StringView("```http\n"), heading) + 8;
        const QString example = text.mid(start, text.indexOf(QLatin1StringView("```"), start) - start);
        const HttpFileParse parse = parseHttpFile(example);
        QCOMPARE(parse.entries.size(), 1);
        const HttpFileEntry &entry = parse.entries.constFirst();
        QVERIFY(!entry.error.isError());
        QCOMPARE(entry.request.tcp.payload, QByteArray("GET /get HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"));
        using K = HttpFileNotice::Kind;
        QCOMPARE(entry.notices, (QList<HttpFileNotice>{{K::PreRequestNotRun, 1}, {K::HandlerNotRun, 6}, {K::ResponseNotSaved, 10},
                                                       {K::AssertionsNotRun, 11}}));
    }

    void cycleSentence()
    {
        CollectionError error{CollectionError::Kind::RequestCycle, QStringLiteral("api.http"), 0, 0, {},
                              {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a")}};
        QCOMPARE(describeCollectionError(error), QStringLiteral("api.http: these requests need each other's replies, none can go first: a → b → a"));
    }

    // The sentences in French, as a French window shows them.
    void frenchSentences()
    {
        QVERIFY(Translations::install(QStringLiteral("fr")));
        const QString sentence = describeCollectionError({CollectionError::Kind::RequestNotSent, {}, 3, 0, QStringLiteral("login")});
        QVERIFY2(sentence.contains(QStringLiteral("«\u00a0login\u00a0»")), qPrintable(sentence));
        QVERIFY(!describeHttpFileNotice(QStringLiteral("x"), {HttpFileNotice::Kind::HandlerNotRun, 3}).contains(QLatin1StringView("was not run")));
        Translations::install(QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TstHttpVariables)
#include "tst_httpvariables.moc"
