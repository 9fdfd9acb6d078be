#include "freeport.h"
#include "clitestsupport.h"
#include "nginxprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace CliTest;
using namespace Qt::StringLiterals;

namespace {

// The two requests of the notebook "Les Sockets en Python", as typed on a command line.
const QString NotebookHttp10Text = uR"(GET / HTTP/1.0\r\n\r\n)"_s;
const QString NotebookHttp11Text = uR"(GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n)"_s;
// The page www.perdu.com served in the notebook, here the servers' index.html.
const QByteArray IndexPage =
    "<html><head><title>Vous Etes Perdu ?</title></head><body><h1>Perdu sur l'Internet ?</h1>"
    "<h2>Pas de panique, on va vous aider</h2><strong><pre>    * <----- vous &ecirc;tes ici</pre>"
    "</strong></body></html>\n"_ba;

// The reply without its Date header line, the one part that changes from one request to the next;
// *removed counts the lines taken out.
QByteArray withoutDate(const QByteArray &reply, int *removed)
{
    *removed = 0;
    const qsizetype headEnd = reply.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return reply;
    QByteArray kept;
    qsizetype at = 0;
    while (at <= headEnd) {
        const qsizetype next = reply.indexOf("\r\n", at) + 2;
        const QByteArray line = reply.mid(at, next - at);
        if (line.toLower().startsWith("date:"))
            ++*removed;
        else
            kept += line;
        at = next;
    }
    return kept + reply.mid(at);
}

// nginx serving dir/www on port: the notebook's pages, as a real web server sends them.
class Nginx : public NginxProcess
{
public:
    Nginx(const QString &binary, const QString &dir, quint16 port)
        : NginxProcess(binary, dir,
                       "    types { text/html html; }\n"
                       "    default_type application/octet-stream;\n"
                       "    server {\n"
                       "        listen 127.0.0.1:" + QByteArray::number(port) + ";\n"
                       "        root " + dir.toUtf8() + "/www;\n"
                       "        index index.html;\n"
                       "    }\n")
    {
    }
};

} // namespace

class TestNotebook : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pythonHttpServer_data();
    void pythonHttpServer();
    void nginx_data();
    void nginx();

private:
    void requests();
    void compareWithNotebook(quint16 port, const QString &request);

    QTemporaryDir m_dir;
};

void TestNotebook::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "SOCKETLAB_CLI is not set: run this test through CTest");
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    QVERIFY(QFileInfo::exists(peerScript(u"notebook_client.py"_s)));
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkdir(u"www"_s));
    QFile index(m_dir.filePath(u"www/index.html"_s));
    QVERIFY(index.open(QIODevice::WriteOnly));
    QCOMPARE(index.write(IndexPage), IndexPage.size());
}

void TestNotebook::requests()
{
    QTest::addColumn<QString>("request");

    QTest::newRow("notebook HTTP/1.0") << NotebookHttp10Text;
    QTest::newRow("notebook HTTP/1.1") << NotebookHttp11Text;
}

// socketlab-cli tcp must give exactly the bytes the notebook's own loop receives, Date aside.
void TestNotebook::compareWithNotebook(quint16 port, const QString &request)
{
    const QString service = QString::number(port);
    const Result notebook = python({peerScript(u"notebook_client.py"_s), u"127.0.0.1"_s, service, request});
    QVERIFY2(notebook.finished && notebook.exitCode == 0, notebook.describe().constData());
    int notebookDates = 0;
    const QByteArray expected = withoutDate(notebook.out, &notebookDates);
    QCOMPARE(notebookDates, 1);
    QVERIFY2(expected.startsWith("HTTP/1.") && expected.contains(" 200 OK\r\n"), notebook.out.constData());
    QVERIFY(expected.endsWith("\r\n\r\n" + IndexPage));

    const Result raw = cli({u"tcp"_s, u"127.0.0.1"_s, service, u"--send"_s, request, u"--format"_s, u"raw"_s});
    QVERIFY2(raw.finished && raw.exitCode == 0, raw.describe().constData());
    int rawDates = 0;
    QCOMPARE(withoutDate(raw.out, &rawDates), expected);
    QCOMPARE(rawDates, 1);

    // The same with the notebook's recv(1024), seen through the JSON report.
    const Result json = cli({u"tcp"_s, u"127.0.0.1"_s, service, u"--send"_s, request, u"--recv-size"_s, u"1024"_s,
                             u"--format"_s, u"json"_s});
    QVERIFY2(json.finished && json.exitCode == 0, json.describe().constData());
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    const QByteArray data = QByteArray::fromBase64(report.value("data_base64"_L1).toString().toLatin1());
    int jsonDates = 0;
    QCOMPARE(withoutDate(data, &jsonDates), expected);
    QCOMPARE(jsonDates, 1);
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"peer_closed"_s);
    const QJsonArray segments = report.value("segments"_L1).toArray();
    QVERIFY(!segments.isEmpty());
    for (const QJsonValue &segment : segments)
        QVERIFY(segment["length"_L1].toInteger() >= 1 && segment["length"_L1].toInteger() <= 1024);
}

void TestNotebook::pythonHttpServer_data()
{
    requests();
}

void TestNotebook::pythonHttpServer()
{
    QFETCH(QString, request);

    Background server(pythonPath(), {u"-u"_s, u"-m"_s, u"http.server"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s,
                                     u"--directory"_s, m_dir.filePath(u"www"_s)});
    static const QRegularExpression serving(u"^Serving HTTP on 127\\.0\\.0\\.1 port (\\d+) "_s);
    const QRegularExpressionMatch match = serving.match(server.firstLine());
    QVERIFY2(match.hasMatch(), qPrintable(server.firstLine()));
    CHECKED(compareWithNotebook(match.captured(1).toUShort(), request));
}

void TestNotebook::nginx_data()
{
    requests();
}

void TestNotebook::nginx()
{
    QFETCH(QString, request);

    const QString binary = nginxBinary();
    if (binary.isEmpty())
        QSKIP("nginx is not installed (no nginx in PATH, /usr/sbin or /usr/local/sbin); install nginx-light to run this check");
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::link(m_dir.filePath(u"www"_s), dir.filePath(u"www"_s)));
    const quint16 port = freeLoopbackPort();
    const Nginx server(binary, dir.path(), port);
    QTRY_VERIFY_WITH_TIMEOUT(server.listening() || !server.running(), 20000);
    QVERIFY2(server.listening() && server.running(), server.errors().constData());
    CHECKED(compareWithNotebook(port, request));
}

QTEST_GUILESS_MAIN(TestNotebook)

#include "tst_notebook.moc"
