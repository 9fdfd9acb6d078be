#include "collections/collectionfile.h"
#include "collections/httpenvironment.h"
#include "collections/httpfile.h"
#include "text/collectiontext.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace SocketLab;

// .http files as a person writes them from the JetBrains HTTP Client and REST Client documentation,
// and SocketLab's own files read back byte for byte.
class TstHttpFile : public QObject
{
    Q_OBJECT

private:
    static SavedRequest httpRequest(const QByteArray &payload, SavedRequest::Kind kind = SavedRequest::Kind::Tcp)
    {
        SavedRequest request;
        request.name = QStringLiteral("r");
        request.kind = kind;
        request.tcp.host = QStringLiteral("127.0.0.1");
        request.tcp.service = QStringLiteral("8080");
        request.tcp.payload = payload;
        request.tcp.stopRule.kind = StopRule::Kind::Http;
        return request;
    }

    static SavedRequest roundTrip(const SavedRequest &request, QString *written = nullptr)
    {
        CollectionError error;
        const QString text = writeHttpFile({request}, &error);
        if (error.isError())
            qWarning() << describeCollectionError(error);
        if (written)
            *written = text;
        const HttpFileParse parse = parseHttpFile(text);
        if (parse.entries.size() != 1 || parse.entries.constFirst().error.isError()) {
            qWarning() << "read back failed:" << (parse.entries.isEmpty() ? QString() : describeCollectionError(parse.entries.constFirst().error));
            return {};
        }
        return parse.entries.constFirst().request;
    }

private slots:
    void jetBrainsFile()
    {
        const QString file = QStringLiteral(
            "// A basic request\n"
            "### Get the home page\n"
            "GET http://example.com/a/ HTTP/1.1\n"
            "Accept: text/html\n"
            "\n"
            "###\n"
            "# @name = create\n"
            "POST http://example.com:8080/api/item?id=1 HTTP/1.1\n"
            "Content-Type: application/json\n"
            "\n"
            "{\n"
            "  \"a\": 1\n"
            "}\n"
            "\n"
            "###\n"
            "https://example.org/short\n"
            "###\n"
            "GET http://example.com:8080\n"
            "    /api\n"
            "    /html\n"
            "    ?id=123\n"
            "    &value=content\n");
        const HttpFileParse parse = parseHttpFile(file);
        QCOMPARE(parse.entries.size(), 4);
        for (const HttpFileEntry &entry : parse.entries)
            QVERIFY2(!entry.error.isError(), qPrintable(describeCollectionError(entry.error)));
        const SavedRequest &first = parse.entries.at(0).request;
        QCOMPARE(first.name, QStringLiteral("Get the home page"));
        QCOMPARE(first.kind, SavedRequest::Kind::Tcp);
        QCOMPARE(first.tcp.host, QStringLiteral("example.com"));
        QCOMPARE(first.tcp.service, QStringLiteral("80"));
        QCOMPARE(first.tcp.stopRule.kind, StopRule::Kind::Http);
        QCOMPARE(first.tcp.payload, QByteArray("GET /a/ HTTP/1.1\r\nHost: example.com\r\nAccept: text/html\r\n\r\n"));
        QCOMPARE(parse.entries.at(0).line, 3);
        const SavedRequest &second = parse.entries.at(1).request;
        QCOMPARE(second.name, QStringLiteral("create"));
        QCOMPARE(second.tcp.service, QStringLiteral("8080"));
        QCOMPARE(second.tcp.payload, QByteArray("POST /api/item?id=1 HTTP/1.1\r\nHost: example.com:8080\r\n"
                                                "Content-Type: application/json\r\nContent-Length: 12\r\n\r\n{\n  \"a\": 1\n}"));
        const SavedRequest &third = parse.entries.at(2).request;
        QCOMPARE(third.name, QStringLiteral("#3"));
        QCOMPARE(third.kind, SavedRequest::Kind::Tls);
        QCOMPARE(third.tcp.service, QStringLiteral("443"));
        QCOMPARE(third.tcp.payload, QByteArray("GET /short HTTP/1.1\r\nHost: example.org\r\n\r\n"));
        QCOMPARE(parse.entries.at(3).request.tcp.payload,
                 QByteArray("GET /api/html?id=123&value=content HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"));
    }

    void restClientFile()
    {
        // REST Client: file variables, "# @name", a path with a Host header, CRLF line breaks.
        const QString file = QStringLiteral(
            "@hostname = localhost\r\n"
            "@port = 8081\r\n"
            "@host = {{hostname}}:{{port}}\r\n"
            "\r\n"
            "# @name login\r\n"
            "POST /login HTTP/1.1\r\n"
            "Host: {{host}}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            "\r\n"
            "user=a\r\n"
            "&pass=b\r\n"
            "\r\n"
            "###\r\n");
        const HttpFileParse parse = parseHttpFile(file);
        QCOMPARE(parse.entries.size(), 1);
        const HttpFileEntry &entry = parse.entries.constFirst();
        QVERIFY2(!entry.error.isError(), qPrintable(describeCollectionError(entry.error)));
        QCOMPARE(entry.request.name, QStringLiteral("login"));
        QCOMPARE(entry.request.tcp.host, QStringLiteral("localhost"));
        QCOMPARE(entry.request.tcp.service, QStringLiteral("8081"));
        // The body keeps the file's CRLF between its lines; the last line's break is the file's.
        QCOMPARE(entry.request.tcp.payload, QByteArray("POST /login HTTP/1.1\r\nHost: localhost:8081\r\n"
                                                       "Content-Type: application/x-www-form-urlencoded\r\n"
                                                       "Content-Length: 15\r\n\r\nuser=a\r\n&pass=b"));
    }

    void handWrittenFiles()
    {
        CollectionError error;
        const QString dir = QStringLiteral(SOCKETLAB_HTTP_DATA_DIR "/");
        const QList<HttpFileEntry> jetBrains = CollectionFile::load(dir + QStringLiteral("jetbrains.http"), QStringLiteral("dev"), &error);
        QVERIFY(!error.isError());
        QCOMPARE(jetBrains.size(), 5);
        for (const HttpFileEntry &entry : jetBrains)
            QVERIFY2(!entry.error.isError(), qPrintable(describeCollectionError(entry.error)));
        QCOMPARE(jetBrains.at(0).request.tcp.payload, QByteArray("GET /a/ HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QCOMPARE(jetBrains.at(1).request.name, QStringLiteral("#2"));
        QCOMPARE(jetBrains.at(2).request.name, QStringLiteral("Using line breaks with indent"));
        QCOMPARE(jetBrains.at(2).request.tcp.payload, jetBrains.at(1).request.tcp.payload);
        QCOMPARE(jetBrains.at(3).request.name, QStringLiteral("post-json"));
        QCOMPARE(jetBrains.at(3).request.tcp.payload,
                 QByteArray("POST /api/html/post HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\n"
                            "Cookie: key=first-value\r\nContent-Length: 38\r\n\r\n{ \"key\" : \"value\", \"list\": [1, 2, 3] }"));
        QCOMPARE(jetBrains.at(4).request.name, QStringLiteral("secured"));
        QCOMPARE(jetBrains.at(4).request.kind, SavedRequest::Kind::Tls);
        QVERIFY(jetBrains.at(4).request.tcp.payload.contains("Authorization: Bearer dev-secret\r\n"));
        // prod has no host of its own: $shared's.
        const QList<HttpFileEntry> prod = CollectionFile::load(dir + QStringLiteral("jetbrains.http"), QStringLiteral("prod"), &error);
        QCOMPARE(prod.at(4).request.tcp.host, QStringLiteral("example.com"));
        QVERIFY(prod.at(4).request.tcp.payload.contains("Bearer prod-secret"));

        const QList<HttpFileEntry> rest = CollectionFile::load(dir + QStringLiteral("restclient.http"), QStringLiteral("dev"), &error);
        QVERIFY(!error.isError());
        QCOMPARE(rest.size(), 3);
        QCOMPARE(rest.at(0).request.name, QStringLiteral("login"));
        QCOMPARE(rest.at(0).request.tcp.payload,
                 QByteArray("POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Content-Length: 44\r\n\r\n{\n    \"name\": \"foo\",\n    \"password\": \"bar\"\n}"));
        QCOMPARE(rest.at(1).request.tcp.payload, QByteArray("GET /api/comments/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        QCOMPARE(rest.at(2).request.tcp.service, QStringLiteral("443"));
        QVERIFY(rest.at(2).request.tcp.payload.endsWith("\r\n\r\nname=foo\n&password=bar"));
        // Without an environment, {{host}} has no value: said with its line and column.
        const QList<HttpFileEntry> bare = CollectionFile::load(dir + QStringLiteral("restclient.http"), {}, &error);
        QCOMPARE(bare.at(0).error.kind, CollectionError::Kind::UndefinedVariable);
        QCOMPARE(bare.at(0).error.line, 6);
        QCOMPARE(bare.at(0).error.column, 6);
    }

    // docs/formats.md's first example reads as the page says.
    void documentedExample()
    {
        QFile doc(QStringLiteral(SOCKETLAB_FORMATS_DOC));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype start = text.indexOf(QLatin1StringView("```http\n")) + 8;
        const QString example = text.mid(start, text.indexOf(QLatin1StringView("```"), start) - start);
        const HttpFileParse parse = parseHttpFile(example);
        QCOMPARE(parse.entries.size(), 5);
        for (const HttpFileEntry &entry : parse.entries)
            QVERIFY2(!entry.error.isError(), qPrintable(describeCollectionError(entry.error)));
        QCOMPARE(parse.entries.at(0).request.name, QStringLiteral("Get the home page"));
        QCOMPARE(parse.entries.at(1).request.name, QStringLiteral("create"));
        QCOMPARE(parse.entries.at(4).request.tcp.host, QStringLiteral("localhost"));
        QCOMPARE(parse.entries.at(4).request.tcp.service, QStringLiteral("8080"));
    }

    void environment()
    {
        const QByteArray publicJson = R"({"$shared": {"path": "/shared", "port": 8080},
                                          "dev": {"host": "dev.example"}, "prod": {"host": "example.org"}})";
        const QByteArray privateJson = R"({"dev": {"token": "secret", "port": 9090}})";
        CollectionError error;
        const HttpVariables dev = HttpEnvironment::fromJson(publicJson, privateJson, QStringLiteral("dev"), &error);
        QVERIFY(!error.isError());
        QCOMPARE(dev.value(QStringLiteral("host")), QStringLiteral("dev.example"));
        QCOMPARE(dev.value(QStringLiteral("port")), QStringLiteral("9090"));
        QCOMPARE(dev.value(QStringLiteral("path")), QStringLiteral("/shared"));
        QCOMPARE(dev.value(QStringLiteral("token")), QStringLiteral("secret"));
        QCOMPARE(HttpEnvironment::names(publicJson, privateJson), (QStringList{QStringLiteral("dev"), QStringLiteral("prod")}));

        HttpEnvironment::fromJson(publicJson, privateJson, QStringLiteral("staging"), &error);
        QCOMPARE(error.kind, CollectionError::Kind::UnknownEnvironment);

        const HttpFileParse parse = parseHttpFile(QStringLiteral("GET http://{{ host }}:{{port}}{{path}}\nAuthorization: Bearer {{token}}\n"), dev);
        QCOMPARE(parse.entries.size(), 1);
        QVERIFY(!parse.entries.constFirst().error.isError());
        QCOMPARE(parse.entries.constFirst().request.tcp.payload,
                 QByteArray("GET /shared HTTP/1.1\r\nHost: dev.example:9090\r\nAuthorization: Bearer secret\r\n\r\n"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("detail");
        QTest::newRow("undefined variable") << QStringLiteral("### a\nGET http://x/\n\n### b\nGET http://{{host}}/\n")
                                            << int(CollectionError::Kind::UndefinedVariable) << 5 << 12 << QStringLiteral("host");
        QTest::newRow("unknown system variable") << QStringLiteral("POST http://x/\n\n{\"id\": \"{{$aadToken}}\"}\n")
                                                 << int(CollectionError::Kind::UnknownSystemVariable) << 3 << 9 << QStringLiteral("$aadToken");
        QTest::newRow("system variable's arguments") << QStringLiteral("GET http://x/{{$randomInt 5}}\n")
                                                     << int(CollectionError::Kind::BadSystemVariable) << 1 << 14 << QStringLiteral("$randomInt 5");
        QTest::newRow("offset unit") << QStringLiteral("GET http://x/{{$timestamp 1 parsec}}\n")
                                     << int(CollectionError::Kind::BadSystemVariable) << 1 << 14 << QStringLiteral("$timestamp 1 parsec");
        QTest::newRow("process variable not set") << QStringLiteral("GET http://x/{{$processEnv SOCKETLAB_SURELY_UNSET}}\n")
                                                  << int(CollectionError::Kind::MissingProcessVariable) << 1 << 14
                                                  << QStringLiteral("SOCKETLAB_SURELY_UNSET");
        QTest::newRow("indirect name undefined") << QStringLiteral("GET http://x/{{$processEnv %tok}}\n")
                                                 << int(CollectionError::Kind::UndefinedVariable) << 1 << 14 << QStringLiteral("tok");
        QTest::newRow("dotenv without a file") << QStringLiteral("GET http://x/{{$dotenv KEY}}\n")
                                               << int(CollectionError::Kind::MissingDotenvVariable) << 1 << 14 << QStringLiteral("KEY");
        QTest::newRow("body file without a folder") << QStringLiteral("POST http://x/\n\n< ./a.json\n")
                                                    << int(CollectionError::Kind::BodyFileNoFolder) << 3 << 0 << QStringLiteral("./a.json");
        QTest::newRow("request not sent") << QStringLiteral("# @name login\nGET http://x/\n###\nGET http://x/{{login.response.body.$.t}}\n")
                                          << int(CollectionError::Kind::RequestNotSent) << 4 << 14 << QStringLiteral("login");
        QTest::newRow("no such request") << QStringLiteral("GET http://x/{{nobody.response.body.*}}\n")
                                         << int(CollectionError::Kind::UndefinedVariable) << 1 << 14 << QStringLiteral("nobody.response.body.*");
        QTest::newRow("undefined inside a variable") << QStringLiteral("@base = http://{{host}}\n\nGET {{base}}/\n")
                                                     << int(CollectionError::Kind::UndefinedVariable) << 3 << 5 << QStringLiteral("host");
        QTest::newRow("variable loop") << QStringLiteral("@a = {{b}}\n@b = x{{a}}\nGET http://{{a}}/\n")
                                       << int(CollectionError::Kind::VariableLoop) << 3 << 12 << QStringLiteral("a");
        // Each value ten copies of the one before: 10^16 characters if it were built.
        QString multiplying = QStringLiteral("@a0 = 0123456789\n");
        for (int level = 1; level <= 15; ++level)
            multiplying += QStringLiteral("@a%1 = %2\n").arg(level).arg(QStringLiteral("{{a%1}}").arg(level - 1).repeated(10));
        multiplying += QStringLiteral("GET http://h/{{a15}}\n");
        QTest::newRow("values that multiply") << multiplying << int(CollectionError::Kind::VariablesTooLarge) << 17 << 14
                                              << QStringLiteral("a6");
        QTest::newRow("unterminated") << QStringLiteral("GET http://x/\nX-A: {{oops\n")
                                      << int(CollectionError::Kind::UnterminatedVariable) << 2 << 6 << QString();
        QTest::newRow("bad header") << QStringLiteral("# c\nGET http://x/\nAccept text/html\n")
                                    << int(CollectionError::Kind::BadHeader) << 3 << 1 << QStringLiteral("Accept text/html");
        QTest::newRow("path without host") << QStringLiteral("GET /a HTTP/1.1\n") << int(CollectionError::Kind::NoHost) << 1 << 0 << QString();
        QTest::newRow("not http") << QStringLiteral("GET ftp://x/ HTTP/1.1\n") << int(CollectionError::Kind::BadUrl) << 1 << 0
                                  << QStringLiteral("ftp://x/");
        QTest::newRow("bad socketlab line") << QStringLiteral("# @socketlab-until sometimes\nGET http://x/\n")
                                            << int(CollectionError::Kind::BadSocketLabLine) << 1 << 0
                                            << QStringLiteral("@socketlab-until sometimes");
        QTest::newRow("bad base64") << QStringLiteral("# @socketlab-bytes base64:@@@\nGET http://x/\n")
                                    << int(CollectionError::Kind::BadExactBytes) << 1 << 0 << QString();
    }

    void errors()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, detail);
        const HttpFileParse parse = parseHttpFile(file);
        QVERIFY(!parse.entries.isEmpty());
        const CollectionError &error = parse.entries.constLast().error;
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QCOMPARE(error.detail, detail);
        QVERIFY(!describeCollectionError(error).isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("asText");  // written without @socketlab-bytes: the text alone says it
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        const QByteArray head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n";
        QTest::newRow("plain GET") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n") << true;
        QTest::newRow("JSON body") << QByteArray(head + "Content-Length: 9\r\n\r\n{\"a\":\n 1}") << true;
        QTest::newRow("256 byte values") << QByteArray(head + "Content-Length: 256\r\n\r\n" + all) << false;
        QTest::newRow("256 byte values in the head") << QByteArray("GET /" + all + " HTTP/1.1\r\n\r\n") << false;
        QTest::newRow("CR LF CRLF mix") << QByteArray(head + "\r\na\rb\nc\r\nd\n\re\r\r\n\n") << false;
        QTest::newRow("NULs") << QByteArray() << false;  // set in roundTrip(): a literal stops at its first NUL
        QTest::newRow("LF-only head") << QByteArray("GET / HTTP/1.0\nHost: 127.0.0.1:8080\n\n") << false;
        QTest::newRow("no Host header") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("not UTF-8") << QByteArray(head + "Content-Length: 3\r\n\r\n\xff\xfe\x80") << false;
        QTest::newRow("trailing newline") << QByteArray(head + "Content-Length: 2\r\n\r\nx\n") << false;
        QTest::newRow("braces") << QByteArray(head + "Content-Length: 7\r\n\r\n{{a}}\r\n") << false;
        QTest::newRow("separator in body") << QByteArray(head + "Content-Length: 3\r\n\r\n###") << false;
        QTest::newRow("10 MB body") << QByteArray(head + "Content-Length: 10485760\r\n\r\n" + QByteArray(10 * 1024 * 1024, 'x').replace(0, 256, all)) << false;
    }

    void roundTrip()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, asText);
        if (QByteArray(QTest::currentDataTag()) == "NULs")
            payload = QByteArray("POST /upload HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 5\r\n\r\n") + QByteArray("\0a\0\0b", 5);
        QString written;
        const SavedRequest back = roundTrip(httpRequest(payload), &written);
        QVERIFY(back.tcp.payload == payload);
        QCOMPARE(back.tcp.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(back.tcp.service, QStringLiteral("8080"));
        QCOMPARE(written.contains(QLatin1StringView("@socketlab-bytes")), !asText);
        // What other tools read: a text file, one request line they understand.
        QVERIFY(!written.contains(QChar(0)));
        QVERIFY(written.contains(QLatin1StringView("http://127.0.0.1:8080/")));
    }

    void optionsRoundTrip()
    {
        SavedRequest request = httpRequest("GET /x HTTP/1.1\r\nHost: example.org\r\n\r\n", SavedRequest::Kind::Tls);
        request.name = QStringLiteral("secure one");
        request.folder = {QStringLiteral("api"), QStringLiteral("v2")};
        request.tcp.host = QStringLiteral("example.org");
        request.tcp.service = QStringLiteral("443");
        request.tcp.stopRule = {StopRule::Kind::Idle, 500};
        request.tcp.totalTimeoutMs = 7000;
        request.tcp.connectTimeoutMs = 3000;
        request.tcp.maxBytes = 4096;
        request.tcp.recvSize = 1024;
        request.tcp.family = IpFamily::V6;
        request.tcp.tls.serverName = QStringLiteral("www.example.org");
        request.tcp.tls.alpn = {};
        request.tcp.tls.caFile = QStringLiteral("/etc/ca.pem");
        request.tcp.tls.pinSha256 = QByteArray(32, '\x5a');
        request.tcp.tls.minVersion = TlsVersion::Tls13;
        request.tcp.socketOptions = {{SocketOptionName::NoDelay, 1}, {SocketOptionName::Linger, SocketOptionSetting::LingerOff}};
        request.tcp.localAddress = *SocketAddress::fromNumeric(QStringLiteral("::1"), 5000);
        QString written;
        const SavedRequest back = roundTrip(request, &written);
        QCOMPARE(back.name, request.name);
        QCOMPARE(back.folder, request.folder);
        QCOMPARE(back.kind, SavedRequest::Kind::Tls);
        QCOMPARE(back.tcp.payload, request.tcp.payload);
        QCOMPARE(back.tcp.stopRule.kind, StopRule::Kind::Idle);
        QCOMPARE(back.tcp.stopRule.value, 500);
        QCOMPARE(back.tcp.totalTimeoutMs, 7000);
        QCOMPARE(back.tcp.connectTimeoutMs, 3000);
        QCOMPARE(back.tcp.maxBytes, 4096);
        QCOMPARE(back.tcp.recvSize, 1024);
        QCOMPARE(back.tcp.family, IpFamily::V6);
        QCOMPARE(back.tcp.tls.serverName, request.tcp.tls.serverName);
        QVERIFY(back.tcp.tls.alpn.isEmpty());
        QCOMPARE(back.tcp.tls.caFile, request.tcp.tls.caFile);
        QCOMPARE(back.tcp.tls.pinSha256, request.tcp.tls.pinSha256);
        QCOMPARE(back.tcp.tls.minVersion, TlsVersion::Tls13);
        QCOMPARE(back.tcp.socketOptions, request.tcp.socketOptions);
        QVERIFY(back.tcp.localAddress == request.tcp.localAddress);
        QVERIFY(written.contains(QLatin1StringView("# @socketlab-sockopt linger=off\n")));
        QVERIFY(written.contains(QLatin1StringView("# @socketlab-local [::1]:5000\n")));
        QVERIFY(written.contains(QLatin1StringView("GET https://example.org/x HTTP/1.1\n")));
        QVERIFY(!written.contains(QLatin1StringView("@socketlab-bytes")));
        // A target the URL cannot name (a service name) goes in its own line.
        SavedRequest named = httpRequest("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n");
        named.tcp.service = QStringLiteral("http-alt");
        QCOMPARE(roundTrip(named).tcp.service, QStringLiteral("http-alt"));
    }

    void editedAfterExact()
    {
        const QByteArray payload = QByteArray("POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 6\r\n\r\nhello") + '\0';
        CollectionError error;
        const QString written = writeHttpFile({httpRequest(payload)}, &error);
        QVERIFY(!error.isError());
        QVERIFY(written.contains(QLatin1StringView("@socketlab-bytes")));
        // A CRLF checkout is no edit.
        QString crlf = written;
        crlf.replace(QLatin1StringView("\n"), QLatin1StringView("\r\n"));
        QVERIFY(!parseHttpFile(crlf).entries.constFirst().error.isError());
        QString edited = written;
        edited.replace(QLatin1StringView("hello"), QLatin1StringView("HELLO"));
        const CollectionError editError = parseHttpFile(edited).entries.constFirst().error;
        QCOMPARE(editError.kind, CollectionError::Kind::EditedAfterExact);
        QCOMPARE(editError.line, 3);
    }

    void refusesWhatIsNotHttp()
    {
        CollectionError error;
        SavedRequest udp;
        udp.kind = SavedRequest::Kind::Udp;
        udp.name = QStringLiteral("ping");
        writeHttpFile({udp}, &error);
        QCOMPARE(error.kind, CollectionError::Kind::NotHttp);
        QCOMPARE(error.detail, QStringLiteral("ping"));
        writeHttpFile({httpRequest("HELO example.org\r\n")}, &error);
        QCOMPARE(error.kind, CollectionError::Kind::NotHttp);
    }

    // Requests made of the pieces the reader gives a meaning to: each is either written and read back
    // byte for byte, or refused as not HTTP; never written as something else.
    void randomRoundTrip()
    {
        static const QByteArray pieces[] = {"GET", "POST", " ", "/", "/a?b=1", "HTTP/1.1", "HTTP/1.0", "\r\n", "\n", "\r",
                                            "\r\n\r\n", "\n\n", ":", "Host: h", "Content-Length: 3", "{{", "}}", "{{x}}",
                                            "###", "# c", "// c", "@x = 1", "# @socketlab-until eof", "\t", "\xc3\xa9",
                                            "\xff", "http://e/", "  ?q", "*"};
        QRandomGenerator random(16);
        int written = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray payload = i % 2 ? QByteArray("GET / HTTP/1.1\r\n") : QByteArray();
            const int count = int(random.bounded(40));
            for (int j = 0; j < count; ++j) {
                if (random.bounded(8) == 0)
                    payload.append(char(random.bounded(256)));
                else
                    payload.append(pieces[random.bounded(int(std::size(pieces)))]);
            }
            SavedRequest request = httpRequest(payload, random.bounded(2) ? SavedRequest::Kind::Tls : SavedRequest::Kind::Tcp);
            CollectionError error;
            const QString text = writeHttpFile({request}, &error);
            if (error.isError()) {
                QCOMPARE(error.kind, CollectionError::Kind::NotHttp);
                continue;
            }
            ++written;
            const HttpFileParse parse = parseHttpFile(text);
            QCOMPARE(parse.entries.size(), 1);
            const HttpFileEntry &entry = parse.entries.constFirst();
            QVERIFY2(!entry.error.isError(), qPrintable(describeCollectionError(entry.error) + QLatin1Char('\n') + text));
            QVERIFY2(entry.request.tcp.payload == payload, qPrintable(text));
            QCOMPARE(entry.request.kind, request.kind);
            QCOMPARE(entry.request.tcp.host, request.tcp.host);
            QCOMPARE(entry.request.tcp.service, request.tcp.service);
        }
        // About half of them are HTTP enough to be written (1454 with this seed).
        QVERIFY2(written > 1000, qPrintable(QString::number(written)));
    }

    void severalRequests()
    {
        SavedRequest a = httpRequest("GET /a HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
        a.name = QStringLiteral("a");
        SavedRequest b = httpRequest("GET /b HTTP/1.0\r\n\r\n");
        b.name = QStringLiteral("b");
        b.tcp.stopRule = {StopRule::Kind::PeerClose, 0};
        CollectionError error;
        const HttpFileParse parse = parseHttpFile(writeHttpFile({a, b}, &error));
        QCOMPARE(parse.entries.size(), 2);
        QCOMPARE(parse.entries.at(0).request.tcp.payload, a.tcp.payload);
        QCOMPARE(parse.entries.at(1).request.tcp.payload, b.tcp.payload);
        QCOMPARE(parse.entries.at(1).request.tcp.stopRule.kind, StopRule::Kind::PeerClose);
    }
};

QTEST_GUILESS_MAIN(TstHttpFile)
#include "tst_httpfile.moc"
