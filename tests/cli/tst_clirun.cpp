#include "clitestsupport.h"

#include "collections/collectionjson.h"
#include "collections/httpfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace CliTest;
using namespace SocketLab;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray bodyOf(const QByteArray &reply)
{
    const qsizetype end = reply.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : reply.mid(end + 4);
}

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!cliPath().isEmpty(), "SOCKETLAB_CLI is not set: run this test through CTest");
        QVERIFY(m_dir.isValid());
    }

    // A file as a person writes it from JetBrains' documentation, with both environment files.
    void handWrittenFileWithEnvironment()
    {
        Peer peer(QStringLiteral("login_peer.py"), {});
        QVERIFY(peer.port() != 0);
        QVERIFY(writeFile(path(QStringLiteral("http-client.env.json")),
                          R"({"$shared": {"host": "127.0.0.1"}, "dev": {"port": "1"}, "local": {"port": ")"
                              + QByteArray::number(peer.port()) + R"("}})"));
        QVERIFY(writeFile(path(QStringLiteral("http-client.private.env.json")), R"({"local": {"token": "s3cret"}})"));
        QVERIFY(writeFile(path(QStringLiteral("api.http")),
                          "### list\n"
                          "GET http://{{host}}:{{port}}/items?page=2\n"
                          "Accept: application/json\n"
                          "\n"
                          "### create\n"
                          "// a comment\n"
                          "POST http://{{host}}:{{port}}/items HTTP/1.1\n"
                          "Authorization: Bearer {{token}}\n"
                          "Content-Type: application/json\n"
                          "\n"
                          "{\"name\": \"x\"}\n"
                          "\n"));
        const Result result = cli({QStringLiteral("run"), path(QStringLiteral("api.http")), QStringLiteral("--name"),
                                   QStringLiteral("create"), QStringLiteral("--env"), QStringLiteral("local"),
                                   QStringLiteral("--format"), QStringLiteral("raw")});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QCOMPARE(bodyOf(result.out), QByteArray("POST /items HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(peer.port())
                                                + "\r\nAuthorization: Bearer s3cret\r\nContent-Type: application/json\r\n"
                                                  "Content-Length: 13\r\n\r\n{\"name\": \"x\"}"));
    }

    // Bytes no text holds, saved by SocketLab, sent exactly; the JSON report as tcp's.
    void exactBytesAsJson()
    {
        Peer peer(QStringLiteral("login_peer.py"), {});
        QVERIFY(peer.port() != 0);
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        SavedRequest request;
        request.name = QStringLiteral("all bytes");
        request.tcp.host = QStringLiteral("127.0.0.1");
        request.tcp.service = peer.service();
        request.tcp.payload = "POST /raw HTTP/1.1\r\nHost: x\r\nContent-Length: 258\r\n\r\n" + all + "\r\n";
        request.tcp.stopRule.kind = StopRule::Kind::Http;
        CollectionError error;
        const QString text = writeHttpFile({request}, &error);
        QVERIFY(!error.isError());
        QVERIFY(writeFile(path(QStringLiteral("exact.http")), text.toUtf8()));
        const Result result = cli({QStringLiteral("run"), path(QStringLiteral("exact.http")), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        const QJsonObject report = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(report.value(QStringLiteral("sent_bytes")).toInteger(), request.tcp.payload.size());
        const QByteArray received = QByteArray::fromBase64(report.value(QStringLiteral("data_base64")).toString().toLatin1());
        QVERIFY(bodyOf(received) == request.tcp.payload);
    }

    // REST Client's request variables: the request they name goes first, its reply feeds them; a
    // body from a file beside the .http file; a JetBrains handler left out, said once.
    void requestVariablesSendTheirRequestFirst()
    {
        Peer peer(QStringLiteral("login_peer.py"), {});
        QVERIFY(peer.port() != 0);
        QVERIFY(writeFile(path(QStringLiteral("credentials.json")), "{\"user\": \"zo\xc3\xa9\"}"));
        QVERIFY(writeFile(path(QStringLiteral("chain.http")),
                          "@base = http://127.0.0.1:" + QByteArray::number(peer.port()) + "\n"
                          "\n"
                          "# @name profile\n"
                          "GET {{base}}/me?id={{login.response.body.$.items[0].id}}\n"
                          "Authorization: Bearer {{login.response.body.$.token}}\n"
                          "X-Token: {{login.response.headers.X-Token}}\n"
                          "X-Sent: {{login.request.body.*}}\n"
                          "\n"
                          "> {%\n"
                          "    client.global.set(\"token\", response.body.token);\n"
                          "%}\n"
                          "\n"
                          "###\n"
                          "# @name login\n"
                          "POST {{base}}/login\n"
                          "Content-Type: application/json\n"
                          "\n"
                          "< ./credentials.json\n"));
        const Result result = cli({QStringLiteral("run"), path(QStringLiteral("chain.http")), QStringLiteral("--name"),
                                   QStringLiteral("profile"), QStringLiteral("--format"), QStringLiteral("raw")});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QCOMPARE(bodyOf(result.out), QByteArray("GET /me?id=7 HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(peer.port())
                                                + "\r\nAuthorization: Bearer t-42\r\nX-Token: xt-1\r\n"
                                                  "X-Sent: {\"user\": \"zo\xc3\xa9\"}\r\n\r\n"));
        QVERIFY2(result.err.contains("\xc2\xablogin\xc2\xbb was sent first for its reply: 131 bytes received."), result.describe());
        QVERIFY2(result.err.contains("\xc2\xabprofile\xc2\xbb, line 9: its response handler was not run"), result.describe());
        QCOMPARE(result.err.count("its response handler was not run"), 1);
    }

    // A reply's value with CRLF never adds a header to the request that uses it.
    void repliedValuesNeverAddHeaders()
    {
        Peer peer(QStringLiteral("login_peer.py"), {QStringLiteral("--inject")});
        QVERIFY(peer.port() != 0);
        QVERIFY(writeFile(path(QStringLiteral("inject.http")),
                          "@base = http://127.0.0.1:" + QByteArray::number(peer.port()) + "\n"
                          "# @name login\n"
                          "POST {{base}}/login\n"
                          "\n"
                          "###\n"
                          "# @name profile\n"
                          "GET {{base}}/me\n"
                          "Authorization: Bearer {{login.response.body.$.token}}\n"));
        const Result result = cli({QStringLiteral("run"), path(QStringLiteral("inject.http")), QStringLiteral("--name"),
                                   QStringLiteral("profile"), QStringLiteral("--format"), QStringLiteral("raw")});
        QVERIFY2(result.finished && result.exitCode == 2, result.describe());
        QVERIFY2(!result.out.contains("X-Injected"), result.describe());
        QVERIFY2(result.err.contains("line 8, column 23: the value of the variable \"login.response.body.$.token\" holds a line break"),
                 result.describe());
    }

    // The request sent reads its own body files only: another's "< ./fifo" is never opened, and a
    // FIFO of its own is refused at once.
    void onlyTheSentRequestReadsItsBodyFiles()
    {
        Peer peer(QStringLiteral("login_peer.py"), {});
        QVERIFY(peer.port() != 0);
        QVERIFY(::mkfifo(QFile::encodeName(path(QStringLiteral("fifo"))).constData(), 0600) == 0);
        QVERIFY(writeFile(path(QStringLiteral("fifo.http")),
                          "# @name waits\n"
                          "POST http://127.0.0.1:" + QByteArray::number(peer.port()) + "/\n"
                          "\n"
                          "< ./fifo\n"
                          "\n"
                          "###\n"
                          "# @name sent\n"
                          "GET http://127.0.0.1:" + QByteArray::number(peer.port()) + "/\n"));
        Result result = cli({QStringLiteral("run"), path(QStringLiteral("fifo.http")), QStringLiteral("--name"), QStringLiteral("sent"),
                             QStringLiteral("--format"), QStringLiteral("raw")}, 15000);
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QVERIFY2(bodyOf(result.out).startsWith("GET / HTTP/1.1\r\n"), result.describe());
        result = cli({QStringLiteral("run"), path(QStringLiteral("fifo.http")), QStringLiteral("--name"), QStringLiteral("waits")}, 15000);
        QVERIFY2(result.finished && result.exitCode == 2, result.describe());
        QVERIFY2(result.err.contains("line 4: the body file \"./fifo\" is not a regular file"), result.describe());
    }

    void udpFromCollection()
    {
        Server server({QStringLiteral("udp-echo")});
        QVERIFY(server.port() != 0);
        Collection collection;
        SavedRequest request;
        request.name = QStringLiteral("ping");
        request.folder = {QStringLiteral("udp")};
        request.kind = SavedRequest::Kind::Udp;
        request.udp.host = QStringLiteral("127.0.0.1");
        request.udp.service = server.service();
        request.udp.payload = QByteArray("\0ping\xff", 6);
        request.udp.maxDatagrams = 1;
        collection.requests = {request};
        QVERIFY(writeFile(path(QStringLiteral("lab.json")), CollectionJson::write(collection)));
        const Result result = cli({QStringLiteral("run"), path(QStringLiteral("lab.json")), QStringLiteral("--name"),
                                   QStringLiteral("udp/ping"), QStringLiteral("--format"), QStringLiteral("raw")});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
        QVERIFY(result.out == request.udp.payload);
    }

    void scriptFromCollection()
    {
        Server server({QStringLiteral("echo")});
        QVERIFY(server.port() != 0);
        Collection collection;
        SavedRequest request;
        request.name = QStringLiteral("chat");
        request.kind = SavedRequest::Kind::Script;
        request.tcp.host = QStringLiteral("127.0.0.1");
        request.tcp.service = server.service();
        request.script = QStringLiteral("send hello\\n\nexpect hello\nclose\n");
        collection.requests = {request};
        QVERIFY(writeFile(path(QStringLiteral("script.json")), CollectionJson::write(collection)));
        const Result result = cli({QStringLiteral("run"), path(QStringLiteral("script.json")), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(result.finished && result.exitCode == 0, result.describe());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("stderr");
        const QByteArray two = "### one\nGET http://127.0.0.1:1/\n### two\nGET http://127.0.0.1:1/b\n";
        QTest::newRow("several, no --name") << two << QStringList{} << 2 << QByteArray("choose one with --name:\n  one\n  two");
        QTest::newRow("unknown name") << two << QStringList{QStringLiteral("--name"), QStringLiteral("three")} << 2
                                      << QByteArray("no request is named \"three\"");
        QTest::newRow("undefined variable") << QByteArray("# c\nGET http://{{host}}/\n") << QStringList{} << 2
                                            << QByteArray("line 2, column 12: the variable \"host\" has no value");
        QTest::newRow("unknown environment") << QByteArray("GET http://{{host}}/\n") << QStringList{QStringLiteral("--env"), QStringLiteral("nowhere")}
                                             << 2 << QByteArray("no environment is named \"nowhere\"");
        QTest::newRow("refused") << two << QStringList{QStringLiteral("--name"), QStringLiteral("one")} << 3 << QByteArray("ECONNREFUSED");
        QTest::newRow("bad format") << two << QStringList{QStringLiteral("--format"), QStringLiteral("xml")} << 2 << QByteArray("Unknown --format");
        const QByteArray cycle = "# @name a\nGET http://127.0.0.1:1/{{b.response.body.*}}\n###\n"
                                 "# @name b\nGET http://127.0.0.1:1/{{c.response.headers.X}}\n###\n"
                                 "# @name c\nGET http://127.0.0.1:1/{{a.response.body.$.x}}\n";
        QTest::newRow("requests waiting for each other") << cycle << QStringList{QStringLiteral("--name"), QStringLiteral("b")} << 2
                                                         << QByteArray("none can go first: b \xe2\x86\x92 c \xe2\x86\x92 a \xe2\x86\x92 b");
        QTest::newRow("request waiting for itself") << QByteArray("# @name a\nGET http://127.0.0.1:1/{{a.response.body.*}}\n")
                                                    << QStringList{} << 2 << QByteArray("none can go first: a \xe2\x86\x92 a");
        QTest::newRow("request sent first refused")
            << QByteArray("# @name login\nGET http://127.0.0.1:1/\n###\n# @name me\nGET http://127.0.0.1:1/{{login.response.body.*}}\n")
            << QStringList{QStringLiteral("--name"), QStringLiteral("me")} << 3
            << QByteArray("\xc2\xablogin\xc2\xbb was sent first for its reply, and failed:");
        QTest::newRow("body file missing") << QByteArray("POST http://127.0.0.1:1/\n\n< ./nothere.json\n") << QStringList{} << 2
                                           << QByteArray("line 3: the body file \"./nothere.json\" cannot be read");
        QTest::newRow("unknown system variable") << QByteArray("GET http://127.0.0.1:1/{{$nope}}\n") << QStringList{} << 2
                                                 << QByteArray("line 1, column 24: \"$nope\" is not a system variable SocketLab knows");
    }

    void errors()
    {
        QFETCH(QByteArray, file);
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, stderr);
        const QString name = path(QStringLiteral("errors.http"));
        QVERIFY(writeFile(name, file));
        const Result result = cli(QStringList{QStringLiteral("run"), name} + options);
        QVERIFY2(result.finished && result.exitCode == exitCode, result.describe());
        QVERIFY2(result.err.contains(stderr), result.describe());
    }

    void help()
    {
        const Result result = cli({QStringLiteral("run"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("--name <NAME>"));
        QVERIFY(result.out.contains("--env <ENV>"));
        QVERIFY(cli({QStringLiteral("--help")}).out.contains("run FILE"));
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
