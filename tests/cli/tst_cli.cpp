#include "smalltmpfs.h"
#include "clitestsupport.h"
#include "hexdumpcheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace CliTest;
using namespace Qt::StringLiterals;

namespace {

const QByteArray NotebookHttp10 = "GET / HTTP/1.0\r\n\r\n"_ba;
const QByteArray NotebookHttp11 = "GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n"_ba;
// The same requests as a person types them on a command line, escapes and all.
const QString NotebookHttp10Text = uR"(GET / HTTP/1.0\r\n\r\n)"_s;
const QString NotebookHttp11Text = uR"(GET / HTTP/1.1\r\nHost: www.perdu.com\r\nConnection: close\r\n\r\n)"_s;
// The page www.perdu.com served in the notebook; misbehaving_peer.py's "notebook" mode and the demo
// server both serve it.
const QByteArray NotebookBody =
    "<html><head><title>Vous Etes Perdu ?</title></head><body><h1>Perdu sur l'Internet ?</h1>"
    "<h2>Pas de panique, on va vous aider</h2><strong><pre>    * <----- vous &ecirc;tes ici</pre>"
    "</strong></body></html>\n"_ba;
const QByteArray NotebookReplyHead = "HTTP/1.1 200 OK\r\nServer: Apache\r\nUpgrade: h2\r\nConnection: Upgrade, close\r\n"
                                     "Content-Length: 204\r\nContent-Type: text/html\r\n\r\n"_ba;
const QByteArray NotebookReply = NotebookReplyHead + NotebookBody;

// A loopback port with nothing behind it: bound, then closed.
quint16 closedPort(int type, int family = AF_INET)
{
    const int fd = ::socket(family, type, 0);
    sockaddr_storage storage{};
    socklen_t len = 0;
    if (family == AF_INET6) {
        auto *address = reinterpret_cast<sockaddr_in6 *>(&storage);
        address->sin6_family = AF_INET6;
        address->sin6_addr = in6addr_loopback;
        len = sizeof(sockaddr_in6);
    } else {
        auto *address = reinterpret_cast<sockaddr_in *>(&storage);
        address->sin_family = AF_INET;
        address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof(sockaddr_in);
    }
    ::bind(fd, reinterpret_cast<sockaddr *>(&storage), len);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &len);
    ::close(fd);
    return family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port)
                              : ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// What process pid has written so far to the file it holds open in dir: --out has no name until the
// exchange ends, so it is read through the process's descriptor.
QByteArray writtenSoFar(qint64 pid, const QString &dir)
{
    const QByteArray prefix = QFile::encodeName(QFileInfo(dir).absoluteFilePath()) + '/';
    const QDir fdDir(u"/proc/%1/fd"_s.arg(pid));
    const QStringList entries = fdDir.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        const QByteArray link = QFile::encodeName(QFile::symLinkTarget(fdDir.filePath(entry)));
        if (link.startsWith(prefix))
            return readFile(fdDir.filePath(entry));
    }
    return {};
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QJsonObject jsonOf(const Result &result)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

QByteArray base64Data(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QStringList lines(const QByteArray &text)
{
    QStringList list = QString::fromUtf8(text).split(u'\n');
    if (!list.isEmpty() && list.constLast().isEmpty())
        list.removeLast();
    return list;
}

QByteArray letters(int count)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes.append(char('a' + i % 26));
    return bytes;
}

QByteArray pattern251(int count)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes.append(char(i % 251));
    return bytes;
}

// Every byte as \xNN: how a test hands binary bytes to `serve reply --reply`.
QString escapedBytes(const QByteArray &bytes)
{
    QString text;
    for (const char c : bytes)
        text += u"\\x"_s + QString::number(uchar(c), 16).rightJustified(2, u'0');
    return text;
}

// ---- checks of the JSON documents, field by field ----

void checkKeys(const QJsonValue &value, QStringList expected)
{
    QVERIFY2(value.isObject(), "not a JSON object");
    std::sort(expected.begin(), expected.end());
    QCOMPARE(value.toObject().keys(), expected);
}

// port 0 means "some port, chosen by the system"
void checkAddress(const QJsonValue &value, const QString &family, const QString &address, int port)
{
    CHECKED(checkKeys(value, {u"family"_s, u"address"_s, u"port"_s}));
    const QJsonObject object = value.toObject();
    QCOMPARE(object.value("family"_L1).toString(), family);
    QCOMPARE(object.value("address"_L1).toString(), address);
    QVERIFY(object.value("port"_L1).isDouble());
    if (port == 0) {
        QVERIFY(object.value("port"_L1).toInt() > 0);
        QVERIFY(object.value("port"_L1).toInt() <= 65535);
    } else {
        QCOMPARE(object.value("port"_L1).toInt(), port);
    }
}

void checkError(const QJsonValue &value, const QString &code, const QString &call)
{
    CHECKED(checkKeys(value, {u"code"_s, u"call"_s, u"message"_s}));
    const QJsonObject object = value.toObject();
    QCOMPARE(object.value("code"_L1).toString(), code);
    QCOMPARE(object.value("call"_L1).toString(), call);
    const QString message = object.value("message"_L1).toString();
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.contains(code), qPrintable(message));
}

void checkStop(const QJsonValue &value, const QString &reason, const QString &detail = {})
{
    // tcp's stop also says whether a TLS reply may have been cut off (checkTcpReport requires it).
    QStringList keys{u"reason"_s, u"detail"_s};
    if (value.toObject().contains("possibly_truncated"_L1)) {
        keys << u"possibly_truncated"_s;
        QVERIFY(value["possibly_truncated"_L1].isBool());
    }
    CHECKED(checkKeys(value, keys));
    QCOMPARE(value["reason"_L1].toString(), reason);
    QVERIFY(!value["detail"_L1].toString().isEmpty());
    if (!detail.isEmpty())
        QCOMPARE(value["detail"_L1].toString(), detail);
}

void checkSegments(const QJsonObject &report, bool emptyAllowed)
{
    const QJsonArray segments = report.value("segments"_L1).toArray();
    qint64 offset = 0;
    double lastMs = 0;
    for (const QJsonValue &segment : segments) {
        CHECKED(checkKeys(segment, {u"offset"_s, u"length"_s, u"t_ms"_s}));
        QCOMPARE(qint64(segment["offset"_L1].toDouble()), offset);
        const qint64 length = qint64(segment["length"_L1].toDouble());
        QVERIFY(emptyAllowed ? length >= 0 : length > 0);
        offset += length;
        const double ms = segment["t_ms"_L1].toDouble(-1);
        QVERIFY2(ms >= lastMs, "segment times go backwards");
        lastMs = ms;
    }
    QCOMPARE(offset, qint64(report.value("received_bytes"_L1).toDouble()));
    const double totalMs = report.value("timings"_L1)["total_ms"_L1].toDouble();
    QVERIFY(lastMs <= totalMs);
}

void checkTrace(const QJsonValue &value)
{
    QVERIFY(value.isArray());
    const QJsonArray trace = value.toArray();
    QVERIFY(!trace.isEmpty());
    double lastMs = 0;
    for (const QJsonValue &entry : trace) {
        const int count = entry["count"_L1].toInt();
        QVERIFY(count >= 1);
        QStringList keys{u"t_ms"_s, u"call"_s, u"args"_s, u"ret"_s, u"errno"_s, u"count"_s, u"status"_s, u"status_detail"_s};
        if (count > 1)
            keys << u"total_bytes"_s << u"last_t_ms"_s;
        CHECKED(checkKeys(entry, keys));
        const double ms = entry["t_ms"_L1].toDouble(-1);
        QVERIFY2(ms >= lastMs, "trace times go backwards");
        lastMs = count > 1 ? entry["last_t_ms"_L1].toDouble() : ms;
        QVERIFY(lastMs >= ms);
        QVERIFY(!entry["call"_L1].toString().isEmpty());
        QVERIFY(entry["args"_L1].isString());
        QVERIFY(entry["ret"_L1].isDouble());
        const QJsonValue err = entry["errno"_L1];
        QVERIFY(err.isNull() || (err.isString() && err.toString().startsWith(u'E')));
        if (!err.isNull())
            QVERIFY(entry["ret"_L1].toInteger() < 0);
    }
}

QStringList tracedCalls(const QJsonValue &trace)
{
    QStringList calls;
    for (const QJsonValue &entry : trace.toArray())
        calls << entry["call"_L1].toString();
    return calls;
}

// The bytes the successful calls named `call` moved, folded runs included.
qint64 tracedBytes(const QJsonValue &trace, const QString &call)
{
    qint64 bytes = 0;
    for (const QJsonValue &entry : trace.toArray()) {
        if (entry["call"_L1].toString() != call || !entry["errno"_L1].isNull())
            continue;
        bytes += entry["count"_L1].toInt() > 1 ? entry["total_bytes"_L1].toInteger() : entry["ret"_L1].toInteger();
    }
    return bytes;
}

// `expected` appear in `calls` in this order, other calls in between allowed.
bool inOrder(const QStringList &calls, const QStringList &expected)
{
    qsizetype at = 0;
    for (const QString &call : calls) {
        if (at < expected.size() && call == expected.at(at))
            ++at;
    }
    return at == expected.size();
}

// tcp's timings have tls_ms (the handshake's end) between connect_ms and first_byte_ms.
void checkTimings(const QJsonValue &value, bool tcp)
{
    QStringList keys{u"resolve_ms"_s, u"connect_ms"_s, u"first_byte_ms"_s, u"total_ms"_s};
    if (tcp)
        keys.insert(2, u"tls_ms"_s);
    CHECKED(checkKeys(value, keys));
    double last = 0;
    for (const QString &key : std::as_const(keys)) {
        const double ms = value[key].toDouble(-2);
        QVERIFY2(ms == -1 || ms >= 0, qPrintable(key));
        if (ms >= 0) {
            QVERIFY2(ms >= last, qPrintable(key));
            last = ms;
        }
    }
    QVERIFY(value["total_ms"_L1].toDouble() >= 0);
}

void checkRow(const QJsonValue &row)
{
    CHECKED(checkKeys(row, {u"family"_s, u"socktype"_s, u"protocol"_s, u"canonname"_s, u"address"_s, u"port"_s,
                            u"python"_s}));
}

// The header ranges are checked against the reply's bytes when the report carries them (not with --out).
void checkHttp(const QJsonValue &value, const std::optional<QByteArray> &data)
{
    CHECKED(checkKeys(value, {u"version"_s, u"status"_s, u"reason"_s, u"headers"_s, u"framing"_s,
                              u"content_length"_s, u"body_bytes"_s, u"decoded_bytes"_s, u"content_encoding"_s,
                              u"charset"_s, u"complete"_s, u"message_end"_s, u"interim_statuses"_s,
                              u"deviations"_s, u"error"_s}));
    QVERIFY(value["decoded_bytes"_L1].isDouble());
    QVERIFY(value["content_encoding"_L1].isNull() || !value["content_encoding"_L1].toString().isEmpty());
    QVERIFY(value["charset"_L1].isNull() || !value["charset"_L1].toString().isEmpty());
    for (const QJsonValue &header : value["headers"_L1].toArray()) {
        CHECKED(checkKeys(header, {u"name"_s, u"value"_s, u"offset"_s, u"length"_s}));
        if (!data)
            continue;
        // Each header's range is its line in the reply: name, colon, value.
        const QByteArray line = data->mid(header["offset"_L1].toInteger(), header["length"_L1].toInteger());
        QVERIFY2(line.startsWith(header["name"_L1].toString().toLatin1() + ':'), line.constData());
        QVERIFY2(line.contains(header["value"_L1].toString().toLatin1()), line.constData());
    }
    for (const QJsonValue &deviation : value["deviations"_L1].toArray())
        CHECKED(checkKeys(deviation, {u"kind"_s, u"offset"_s}));
    if (!value["error"_L1].isNull())
        CHECKED(checkKeys(value["error"_L1], {u"code"_s, u"offset"_s}));
}

// What every tcp report must be, whatever the exchange did.
void checkTcpReport(const QJsonObject &report)
{
    CHECKED(checkKeys(report, {u"transport"_s, u"resolved"_s, u"attempts"_s, u"connected_to"_s, u"local"_s,
                               u"sent_bytes"_s, u"received_bytes"_s, u"segments"_s, u"stop"_s, u"error"_s,
                               u"timings"_s, u"trace"_s, u"tls"_s, u"http"_s, u"data_base64"_s, u"sockopts"_s}));
    QCOMPARE(report.value("transport"_L1).toString(), u"tcp"_s);
    // One per --sockopt given; none here (tst_clisockopt checks them).
    QVERIFY(report.value("sockopts"_L1).isArray());
    for (const QJsonValue &row : report.value("resolved"_L1).toArray())
        CHECKED(checkRow(row));
    for (const QJsonValue &attempt : report.value("attempts"_L1).toArray())
        CHECKED(checkKeys(attempt, {u"address"_s, u"error"_s, u"t_ms"_s, u"duration_ms"_s}));
    CHECKED(checkTimings(report.value("timings"_L1), true));
    CHECKED(checkSegments(report, false));
    CHECKED(checkTrace(report.value("trace"_L1)));
    const qint64 received = report.value("received_bytes"_L1).toInteger();
    QCOMPARE(tracedBytes(report.value("trace"_L1), u"recv"_s), received);
    QCOMPARE(tracedBytes(report.value("trace"_L1), u"send"_s), report.value("sent_bytes"_L1).toInteger());
    const QJsonValue data = report.value("data_base64"_L1);
    QVERIFY(data.isNull() || data.isString());
    if (data.isString())
        QCOMPARE(base64Data(data).size(), received);
    CHECKED(checkKeys(report.value("stop"_L1), {u"reason"_s, u"detail"_s, u"possibly_truncated"_s}));
    if (!report.value("error"_L1).isNull())
        CHECKED(checkKeys(report.value("error"_L1), {u"code"_s, u"call"_s, u"message"_s}));
    if (!report.value("http"_L1).isNull())
        CHECKED(checkHttp(report.value("http"_L1), data.isString() ? std::optional(base64Data(data)) : std::nullopt));
}

void checkUdpReport(const QJsonObject &report)
{
    CHECKED(checkKeys(report, {u"transport"_s, u"resolved"_s, u"target"_s, u"local"_s, u"sent_bytes"_s,
                               u"received_bytes"_s, u"datagrams"_s, u"segments"_s, u"stop"_s, u"error"_s,
                               u"timings"_s, u"trace"_s,
                               u"kernel_drops"_s, u"sockopts"_s}));
    QCOMPARE(report.value("transport"_L1).toString(), u"udp"_s);
    QVERIFY(report.value("sockopts"_L1).isArray());
    // A count wherever reading began (Linux always keeps one), null before.
    const QJsonValue drops = report.value("kernel_drops"_L1);
    QVERIFY(drops.isNull() || (drops.isDouble() && drops.toInteger() >= 0));
    for (const QJsonValue &row : report.value("resolved"_L1).toArray())
        CHECKED(checkRow(row));
    CHECKED(checkTimings(report.value("timings"_L1), false));
    CHECKED(checkSegments(report, true));
    CHECKED(checkTrace(report.value("trace"_L1)));
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    const QJsonArray segments = report.value("segments"_L1).toArray();
    QCOMPARE(datagrams.size(), segments.size());
    for (qsizetype i = 0; i < datagrams.size(); ++i) {
        const QJsonValue datagram = datagrams.at(i);
        CHECKED(checkKeys(datagram, {u"from"_s, u"size"_s, u"kept"_s, u"truncated"_s, u"t_ms"_s, u"data_base64"_s}));
        const qint64 kept = datagram["kept"_L1].toInteger();
        QCOMPARE(kept, segments.at(i)["length"_L1].toInteger());
        QCOMPARE(datagram["truncated"_L1].toBool(), datagram["size"_L1].toInteger() > kept);
        QCOMPARE(datagram["t_ms"_L1].toDouble(), segments.at(i)["t_ms"_L1].toDouble());
        if (!datagram["data_base64"_L1].isNull())
            QCOMPARE(base64Data(datagram["data_base64"_L1]).size(), kept);
    }
    const QStringList calls = tracedCalls(report.value("trace"_L1));
    if (report.value("target"_L1).isObject() && report.value("error"_L1).isNull())
        QVERIFY(calls.contains(u"sendto"_s) || calls.contains(u"send"_s));
    CHECKED(checkKeys(report.value("stop"_L1), {u"reason"_s, u"detail"_s}));
}

// A usage error: exit 2, nothing on stdout, one line on stderr.
void checkUsageError(const Result &result)
{
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QByteArray());
    QVERIFY2(result.err.endsWith('\n') && result.err.count('\n') == 1, result.err.constData());
    QVERIFY2(result.err.startsWith("socketlab-cli: "), result.err.constData());
}

// A Python script that prints what getaddrinfo()/getnameinfo() give for the same arguments as JSON:
// the reference the CLI's resolve and reverse are held to.
const QString PythonGetAddrInfo = uR"(
import json, socket, sys
host, service, family, socktype, protocol, flags = sys.argv[1:7]
fam = {'any': 0, 'inet': socket.AF_INET, 'inet6': socket.AF_INET6}[family]
typ = {'any': 0, 'stream': socket.SOCK_STREAM, 'dgram': socket.SOCK_DGRAM}[socktype]
bits = 0
for name in filter(None, flags.split(',')):
    bits |= getattr(socket, 'AI_' + name.upper())
eai = {getattr(socket, n): n for n in dir(socket) if n.startswith('EAI_')}
try:
    rows = socket.getaddrinfo(host or None, service or None, fam, typ, int(protocol), bits)
except socket.gaierror as e:
    print(json.dumps({'error': eai.get(e.errno, str(e.errno))}))
else:
    print(json.dumps({'rows': [{'family': r[0].name, 'socktype': r[1].name, 'protocol': r[2], 'canonname': r[3],
                                'address': r[4][0], 'port': r[4][1], 'python': repr(r)} for r in rows]}))
)"_s;

const QString PythonGetNameInfo = uR"(
import json, socket, sys
address, port, flags = sys.argv[1], int(sys.argv[2]), sys.argv[3]
bits = 0
for name in filter(None, flags.split(',')):
    bits |= getattr(socket, 'NI_' + name.upper())
eai = {getattr(socket, n): n for n in dir(socket) if n.startswith('EAI_')}
try:
    host, service = socket.getnameinfo((address, port), bits)
except socket.gaierror as e:
    print(json.dumps({'error': eai.get(e.errno, str(e.errno))}))
else:
    print(json.dumps({'host': host, 'service': service, 'python': repr((host, service))}))
)"_s;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tcpAgainstServeHttp();
    void tcpExplain();
    void tcpPayloadSources_data();
    void tcpPayloadSources();
    void tcpUntilHttpOnKeptAliveConnection_data();
    void tcpUntilHttpOnKeptAliveConnection();
    void tcpUntilBytes();
    void tcpUntilIdle();
    void tcpTotalTimeout();
    void tcpConnectTimeout();
    void tcpRefused();
    void tcpMaxBytes();
    void tcpFamilies();
    void tcpFamilyMismatch_data();
    void tcpFamilyMismatch();
    void tcpOutFile();
    void tcpOutFileLarge();
    void tcpOutFullDisk();
    void tcpOutKilled_data();
    void tcpOutKilled();
    void tcpFormatRaw();
    void tcpHexDump_data();
    void tcpHexDump();
    void tcpTraceLines();
    void tcpMalformedHttp_data();
    void tcpMalformedHttp();
    void tcpHttpAnalysisWithoutHttpRule();
    void tcpHttpDeviationsAndChunks();
    void tcpResetAfterData();
    void tcpBody_data();
    void tcpBody();
    void tcpBodyCorruptSaysWhere();
    void tcpBodyCutByUntil();
    void tcpBodyWriteError();
    void tcpBodyJsonWithoutFile();
    void tcpInterruptedBySigint();
    void tcpInterruptedBySigtermWithOut();

    void udpEcho_data();
    void udpEcho();
    void udpEmptyDatagram();
    void udpCountsKernelDrops_data();
    void udpCountsKernelDrops();
    void udpLargestDatagram_data();
    void udpLargestDatagram();
    void udpTruncation();
    void udpCount();
    void udpCountNotReached();
    void udpWait();
    void udpConnectRefused();
    void udpUnconnectedIgnoresIcmp();
    void udpBind();
    void udpBindBusy();
    void udpHexDump();

    void resolveMatchesPython_data();
    void resolveMatchesPython();
    void resolveJson_data();
    void resolveJson();
    void resolveUnknownName();
    void reverseMatchesPython_data();
    void reverseMatchesPython();
    void reverseJson_data();
    void reverseJson();

    void usageErrors_data();
    void usageErrors();
    void help_data();
    void help();

    void serveHttpStopsOnSigterm();
    void serveEcho();
    void serveLogsOpenClientsOnStop();
    void serveReplyAndLog();
    void serveStopsOnSigint_data();
    void serveStopsOnSigint();
    void serveUdpCountsDatagrams();
    void serveBusyPort_data();
    void serveBusyPort();
    void serveIpv6();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "SOCKETLAB_CLI is not set: run this test through CTest");
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    QVERIFY(QFileInfo::exists(peerScript(u"misbehaving_peer.py"_s)));
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(path(u"http11.txt"_s), NotebookHttp11));
    QVERIFY(writeFile(path(u"http11-lf.txt"_s), "GET / HTTP/1.1\nHost: www.perdu.com\nConnection: close\n\n"_ba));
    QVERIFY(writeFile(path(u"65507.bin"_s), pattern251(65507)));
}

// ---- tcp ----

void TestCli::tcpAgainstServeHttp()
{
    Server server({u"http"_s, u"--port"_s, u"0"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    QCOMPARE(server.host(), u"127.0.0.1"_s);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, NotebookHttp10Text,
                               u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    QVERIFY2(!report.isEmpty(), result.out.constData());
    CHECKED(checkTcpReport(report));

    const int port = server.port();
    const QJsonArray resolved = report.value("resolved"_L1).toArray();
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.at(0)["family"_L1].toString(), u"AF_INET"_s);
    QCOMPARE(resolved.at(0)["socktype"_L1].toString(), u"SOCK_STREAM"_s);
    QCOMPARE(resolved.at(0)["protocol"_L1].toInt(), 6);
    QCOMPARE(resolved.at(0)["canonname"_L1].toString(), QString());
    QCOMPARE(resolved.at(0)["address"_L1].toString(), u"127.0.0.1"_s);
    QCOMPARE(resolved.at(0)["port"_L1].toInt(), port);
    QCOMPARE(resolved.at(0)["python"_L1].toString(),
             u"(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', %1))"_s.arg(port));
    const QJsonArray attempts = report.value("attempts"_L1).toArray();
    QCOMPARE(attempts.size(), 1);
    CHECKED(checkAddress(attempts.at(0)["address"_L1], u"AF_INET"_s, u"127.0.0.1"_s, port));
    QVERIFY(attempts.at(0)["error"_L1].isNull());
    QVERIFY(attempts.at(0)["duration_ms"_L1].toDouble(-1) >= 0);
    CHECKED(checkAddress(report.value("connected_to"_L1), u"AF_INET"_s, u"127.0.0.1"_s, port));
    CHECKED(checkAddress(report.value("local"_L1), u"AF_INET"_s, u"127.0.0.1"_s, 0));
    QCOMPARE(report.value("sent_bytes"_L1).toInteger(), NotebookHttp10.size());
    QVERIFY(report.value("error"_L1).isNull());

    const QByteArray data = base64Data(report.value("data_base64"_L1));
    QCOMPARE(report.value("received_bytes"_L1).toInteger(), data.size());
    QVERIFY2(data.startsWith("HTTP/1.1 200 OK\r\n"), data.constData());
    QVERIFY(data.endsWith("\r\n\r\n" + NotebookBody));
    CHECKED(checkStop(report.value("stop"_L1), u"peer_closed"_s,
                      u"The server closed the connection after %1 bytes."_s.arg(data.size())));

    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["version"_L1].toString(), u"HTTP/1.1"_s);
    QCOMPARE(http["status"_L1].toInt(), 200);
    QCOMPARE(http["reason"_L1].toString(), u"OK"_s);
    QCOMPARE(http["framing"_L1].toString(), u"content-length"_s);
    QCOMPARE(http["content_length"_L1].toInteger(), NotebookBody.size());
    QCOMPARE(http["body_bytes"_L1].toInteger(), NotebookBody.size());
    QCOMPARE(http["complete"_L1].toBool(), true);
    QCOMPARE(http["message_end"_L1].toInteger(), data.size());
    QCOMPARE(http["interim_statuses"_L1].toArray(), QJsonArray());
    QCOMPARE(http["deviations"_L1].toArray(), QJsonArray());
    QVERIFY(http["error"_L1].isNull());
    QStringList headerNames;
    for (const QJsonValue &header : http["headers"_L1].toArray()) {
        headerNames << header["name"_L1].toString();
        if (header["name"_L1].toString() == "Content-Length"_L1)
            QCOMPARE(header["value"_L1].toString(), u"204"_s);
    }
    QVERIFY2(headerNames.contains(u"Date"_s) && headerNames.contains(u"Content-Length"_s),
             qPrintable(headerNames.join(u',')));

    const QStringList calls = tracedCalls(report.value("trace"_L1));
    QVERIFY2(inOrder(calls, {u"getaddrinfo"_s, u"socket"_s, u"connect"_s, u"send"_s, u"recv"_s, u"close"_s}),
             qPrintable(calls.join(u',')));
    QCOMPARE(calls.constLast(), u"close"_s);

    // The server saw the same connection from its side.
    QCOMPARE(server.stop(SIGTERM), 0);
    const QStringList log = lines(server.process().readAllStandardOutput());
    const QString local = u"127.0.0.1:%1"_s.arg(report.value("local"_L1)["port"_L1].toInt());
    QVERIFY2(log.contains(u"client 1 connected from %1"_s.arg(local)), qPrintable(log.join(u'\n')));
    QVERIFY2(log.contains(u"client 1 closed: 18 bytes in, %1 bytes out"_s.arg(data.size())),
             qPrintable(log.join(u'\n')));
    QCOMPARE(log.constLast(), u"Stopped."_s);
}

void TestCli::tcpPayloadSources_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("request");

    QTest::newRow("notebook HTTP/1.0, escapes") << QStringList{u"--send"_s, NotebookHttp10Text} << NotebookHttp10;
    QTest::newRow("notebook HTTP/1.1, escapes") << QStringList{u"--send"_s, NotebookHttp11Text} << NotebookHttp11;
    QTest::newRow("notebook HTTP/1.0, spaced hex")
        << QStringList{u"--send-hex"_s, u"47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a 0d 0a"_s} << NotebookHttp10;
    QTest::newRow("notebook HTTP/1.1, 0x hex")
        << QStringList{u"--send-hex"_s, u"0x"_s + QString::fromLatin1(NotebookHttp11.toHex())} << NotebookHttp11;
    QTest::newRow("notebook HTTP/1.1, file") << QStringList{u"--send-file"_s, path(u"http11.txt"_s)} << NotebookHttp11;
    QTest::newRow("HTTP/1.0, escaped LF and --crlf")
        << QStringList{u"--send"_s, uR"(GET / HTTP/1.0\n\n)"_s, u"--crlf"_s} << NotebookHttp10;
    QTest::newRow("HTTP/1.0, typed LF and --crlf")
        << QStringList{u"--send"_s, u"GET / HTTP/1.0\n\n"_s, u"--crlf"_s} << NotebookHttp10;
    QTest::newRow("HTTP/1.1, LF file and --crlf")
        << QStringList{u"--send-file"_s, path(u"http11-lf.txt"_s), u"--crlf"_s} << NotebookHttp11;
    QTest::newRow("--crlf leaves CRLF alone") << QStringList{u"--send"_s, NotebookHttp10Text, u"--crlf"_s}
                                              << NotebookHttp10;
    QTest::newRow("every escape")
        << QStringList{u"--send"_s, uR"(A\tB\0C\\D\x41\x7e\xff\r\n\r\n)"_s} << "A\tB\0C\\DA~\xff\r\n\r\n"_ba;
}

void TestCli::tcpPayloadSources()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, request);

    const QString record = path(u"record.bin"_s);
    QFile::remove(record);
    const Peer peer(u"misbehaving_peer.py"_s, {u"notebook"_s, u"--once"_s, u"--record"_s, record});
    QVERIFY(peer.port());
    const Result result = cli(QStringList{u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--format"_s, u"json"_s} + arguments);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));

    QCOMPARE(readFile(record), request);
    QCOMPARE(report.value("sent_bytes"_L1).toInteger(), request.size());
    QCOMPARE(base64Data(report.value("data_base64"_L1)), NotebookReply);
    QCOMPARE(report.value("received_bytes"_L1).toInteger(), NotebookReply.size());
    CHECKED(checkStop(report.value("stop"_L1), u"peer_closed"_s,
                      u"The server closed the connection after %1 bytes."_s.arg(NotebookReply.size())));
    QVERIFY(report.value("error"_L1).isNull());

    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["version"_L1].toString(), u"HTTP/1.1"_s);
    QCOMPARE(http["status"_L1].toInt(), 200);
    QCOMPARE(http["reason"_L1].toString(), u"OK"_s);
    QStringList headers;
    for (const QJsonValue &header : http["headers"_L1].toArray())
        headers << header["name"_L1].toString() + u'=' + header["value"_L1].toString();
    QCOMPARE(headers, QStringList({u"Server=Apache"_s, u"Upgrade=h2"_s, u"Connection=Upgrade, close"_s,
                                   u"Content-Length=204"_s, u"Content-Type=text/html"_s}));
    const QJsonArray headerArray = http["headers"_L1].toArray();
    QCOMPARE(headerArray.at(0)["offset"_L1].toInteger(), qint64(strlen("HTTP/1.1 200 OK\r\n")));
    // A header's range is its whole line, line ending included.
    QCOMPARE(headerArray.at(0)["length"_L1].toInteger(), qint64(strlen("Server: Apache\r\n")));
    QCOMPARE(http["framing"_L1].toString(), u"content-length"_s);
    QCOMPARE(http["content_length"_L1].toInt(), 204);
    QCOMPARE(http["body_bytes"_L1].toInt(), 204);
    QCOMPARE(http["complete"_L1].toBool(), true);
    QCOMPARE(http["message_end"_L1].toInteger(), NotebookReply.size());
    QCOMPARE(http["deviations"_L1].toArray(), QJsonArray());
    QVERIFY(http["error"_L1].isNull());
}

void TestCli::tcpUntilHttpOnKeptAliveConnection_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("framing");
    QTest::addColumn<QString>("detailStart");

    // HTTP/1.1 without "Connection: close": the server keeps the connection open, so only the
    // response's own framing can end the read.
    QTest::newRow("Content-Length") << uR"(GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n)"_s << u"content-length"_s
                                    << u"Content-Length 204 reached: the response is complete ("_s;
    QTest::newRow("chunked") << uR"(GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n)"_s << u"chunked"_s
                             << u"The last chunk arrived: the chunked response is complete ("_s;
    QTest::newRow("HEAD") << uR"(HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n)"_s << u"no-body"_s
                          << u"The response has no body: it is complete after its headers ("_s;
}

void TestCli::tcpUntilHttpOnKeptAliveConnection()
{
    QFETCH(QString, request);
    QFETCH(QString, framing);
    QFETCH(QString, detailStart);

    Server server({u"http"_s});
    QVERIFY(server.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, request, u"--until"_s,
                               u"http"_s, u"--timeout"_s, u"20000"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    const QByteArray data = base64Data(report.value("data_base64"_L1));
    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["framing"_L1].toString(), framing);
    QCOMPARE(http["complete"_L1].toBool(), true);
    QCOMPARE(http["status"_L1].toInt(), 200);
    QCOMPARE(http["message_end"_L1].toInteger(), data.size());
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"http_complete"_s);
    QVERIFY2(report.value("stop"_L1)["detail"_L1].toString().startsWith(detailStart),
             qPrintable(report.value("stop"_L1)["detail"_L1].toString()));
    if (framing == "chunked"_L1) {
        QVERIFY(data.endsWith("\r\n0\r\n\r\n"));
        QVERIFY(http["body_bytes"_L1].toInteger() > 0);
        QCOMPARE(http["content_length"_L1].toInteger(), -1);
    } else if (framing == "content-length"_L1) {
        QVERIFY(data.endsWith("\r\n\r\n" + NotebookBody));
        QCOMPARE(http["body_bytes"_L1].toInteger(), NotebookBody.size());
    } else {
        QVERIFY(data.endsWith("\r\n\r\n"));
        QCOMPARE(http["body_bytes"_L1].toInteger(), 0);
    }
}

void TestCli::tcpExplain()
{
    Server server({u"http"_s});
    QVERIFY(server.port());
    const QString request = uR"(GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n)"_s;
    // The hex dump takes the bytes away to stdout, the JSON report keeps them: both explain alike.
    for (const QString &format : {u"hexdump"_s, u"json"_s}) {
        const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, request, u"--until"_s,
                                   u"http"_s, u"--timeout"_s, u"20000"_s, u"--format"_s, format, u"--explain"_s});
        QVERIFY2(result.finished, result.describe().constData());
        QCOMPARE(result.exitCode, 0);
        const QString err = QString::fromUtf8(result.err);
        QVERIFY2(err.contains(u"* Why reading stopped, on the bytes:"_s), result.describe().constData());
        QVERIFY2(err.contains(QRegularExpression(uR"(\* \[0x[0-9a-f]+-0x[0-9a-f]+\] “Transfer-Encoding: chunked” decided the framing)"_s)),
                 result.describe().constData());
        QVERIFY2(err.contains(QRegularExpression(uR"(\* \[0x[0-9a-f]+-0x[0-9a-f]+\] Chunk 1: size line “30”, 0x30 = 48 bytes\.)"_s)),
                 result.describe().constData());
        QVERIFY2(err.contains(u"size 0: the last chunk, the body is complete."_s), result.describe().constData());
        QVERIFY2(err.contains(u"The message ends after 410 bytes, at offset 410 (0x19a), in recv #"_s), result.describe().constData());
        QVERIFY2(err.contains(u"until the server's idle timeout, which it did not announce."_s), result.describe().constData());
    }
}

void TestCli::tcpUntilBytes()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"never-close"_s, u"--bytes"_s, u"5000"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text,
                               u"--until"_s, u"bytes:700"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), QByteArray(700, 'y'));
    CHECKED(checkStop(report.value("stop"_L1), u"bytes_reached"_s, u"The 700 bytes asked for were received."_s));
    QVERIFY(report.value("error"_L1).isNull());
    QVERIFY(report.value("http"_L1).isNull());
}

void TestCli::tcpUntilIdle()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"never-close"_s, u"--bytes"_s, u"600"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text,
                               u"--until"_s, u"idle:300"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), QByteArray(600, 'y'));
    CHECKED(checkStop(report.value("stop"_L1), u"idle"_s, u"No data for 300 ms: stopped reading after 600 bytes."_s));
    QVERIFY(report.value("error"_L1).isNull());
    // Idle is measured from the last byte, so the exchange lasted at least that long after it.
    const QJsonArray segments = report.value("segments"_L1).toArray();
    QVERIFY(report.value("timings"_L1)["total_ms"_L1].toDouble() >= segments.last()["t_ms"_L1].toDouble() + 300);
}

void TestCli::tcpTotalTimeout()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"never-close"_s, u"--bytes"_s, u"700"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text,
                               u"--timeout"_s, u"500"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 4);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    CHECKED(checkError(report.value("error"_L1), u"ETIMEDOUT"_s, u"recv"_s));
    CHECKED(checkStop(report.value("stop"_L1), u"timeout"_s, u"The 500 ms time limit passed after 700 bytes."_s));
    // What came before the deadline is kept.
    QCOMPARE(base64Data(report.value("data_base64"_L1)), QByteArray(700, 'y'));
    CHECKED(checkAddress(report.value("connected_to"_L1), u"AF_INET"_s, u"127.0.0.1"_s, peer.port()));
}

void TestCli::tcpConnectTimeout()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"full-backlog"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text,
                               u"--connect-timeout"_s, u"300"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 4);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    CHECKED(checkError(report.value("error"_L1), u"ETIMEDOUT"_s, u"connect"_s));
    CHECKED(checkStop(report.value("stop"_L1), u"timeout"_s, u"The 300 ms time limit passed after 0 bytes."_s));
    const QJsonArray attempts = report.value("attempts"_L1).toArray();
    QCOMPARE(attempts.size(), 1);
    CHECKED(checkError(attempts.at(0)["error"_L1], u"ETIMEDOUT"_s, u"connect"_s));
    QVERIFY(attempts.at(0)["duration_ms"_L1].toDouble() >= 300);
    QVERIFY(report.value("connected_to"_L1).isNull());
    QVERIFY(report.value("local"_L1).isNull());
    QCOMPARE(report.value("sent_bytes"_L1).toInt(), 0);
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 0);
    QCOMPARE(report.value("timings"_L1)["connect_ms"_L1].toDouble(), -1.0);
    QVERIFY(!tracedCalls(report.value("trace"_L1)).contains(u"send"_s));
}

void TestCli::tcpRefused()
{
    const quint16 port = closedPort(SOCK_STREAM);
    const QString service = QString::number(port);
    const Result json = cli({u"tcp"_s, u"127.0.0.1"_s, service, u"--send"_s, NotebookHttp10Text, u"--format"_s, u"json"_s});
    QVERIFY2(json.finished, json.describe().constData());
    QCOMPARE(json.exitCode, 3);
    const QJsonObject report = jsonOf(json);
    CHECKED(checkTcpReport(report));
    CHECKED(checkError(report.value("error"_L1), u"ECONNREFUSED"_s, u"connect"_s));
    QVERIFY(report.value("error"_L1)["message"_L1].toString().contains(u"127.0.0.1:%1"_s.arg(port)));
    CHECKED(checkStop(report.value("stop"_L1), u"error"_s));
    const QJsonArray attempts = report.value("attempts"_L1).toArray();
    QCOMPARE(attempts.size(), 1);
    CHECKED(checkAddress(attempts.at(0)["address"_L1], u"AF_INET"_s, u"127.0.0.1"_s, port));
    CHECKED(checkError(attempts.at(0)["error"_L1], u"ECONNREFUSED"_s, u"connect"_s));
    QVERIFY(report.value("connected_to"_L1).isNull());
    QCOMPARE(report.value("sent_bytes"_L1).toInt(), 0);
    QCOMPARE(report.value("data_base64"_L1).toString(), QString());
    QVERIFY(report.value("http"_L1).isNull());

    // The same failure in the other formats: nothing on stdout, the reason on stderr.
    const Result raw = cli({u"tcp"_s, u"127.0.0.1"_s, service, u"--format"_s, u"raw"_s});
    QVERIFY2(raw.finished, raw.describe().constData());
    QCOMPARE(raw.exitCode, 3);
    QCOMPARE(raw.out, QByteArray());
    QVERIFY2(raw.err.contains("ECONNREFUSED"), raw.err.constData());
    const Result dump = cli({u"tcp"_s, u"127.0.0.1"_s, service});
    QVERIFY2(dump.finished, dump.describe().constData());
    QCOMPARE(dump.exitCode, 3);
    QCOMPARE(dump.out, QByteArray());
    QVERIFY2(dump.err.contains("ECONNREFUSED"), dump.err.constData());
}

void TestCli::tcpMaxBytes()
{
    Server server({u"http"_s});
    QVERIFY(server.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s,
                               uR"(GET /bytes/100000 HTTP/1.0\r\n\r\n)"_s, u"--max-bytes"_s, u"500"_s, u"--format"_s,
                               u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 500);
    const QByteArray data = base64Data(report.value("data_base64"_L1));
    QVERIFY(data.startsWith("HTTP/1.1 200 OK\r\n"));
    CHECKED(checkStop(report.value("stop"_L1), u"size_cap"_s,
                      u"The size cap of 500 bytes was reached: the rest was not read."_s));
    QVERIFY(report.value("error"_L1).isNull());
    QCOMPARE(report.value("http"_L1)["complete"_L1].toBool(), false);
}

void TestCli::tcpFamilies()
{
    const Peer peer6(u"misbehaving_peer.py"_s, {u"notebook"_s, u"--family"_s, u"inet6"_s});
    QVERIFY(peer6.port());
    const Result six = cli({u"tcp"_s, u"-6"_s, u"::1"_s, peer6.service(), u"--send"_s, NotebookHttp10Text,
                            u"--format"_s, u"json"_s});
    QVERIFY2(six.finished, six.describe().constData());
    QCOMPARE(six.exitCode, 0);
    QJsonObject report = jsonOf(six);
    CHECKED(checkTcpReport(report));
    QCOMPARE(report.value("resolved"_L1).toArray().size(), 1);
    QCOMPARE(report.value("resolved"_L1)[0]["family"_L1].toString(), u"AF_INET6"_s);
    QCOMPARE(report.value("resolved"_L1)[0]["python"_L1].toString(),
             u"(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('::1', %1, 0, 0))"_s.arg(peer6.port()));
    CHECKED(checkAddress(report.value("connected_to"_L1), u"AF_INET6"_s, u"::1"_s, peer6.port()));
    CHECKED(checkAddress(report.value("local"_L1), u"AF_INET6"_s, u"::1"_s, 0));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), NotebookReply);

    const Peer peer4(u"misbehaving_peer.py"_s, {u"notebook"_s});
    QVERIFY(peer4.port());
    const Result four = cli({u"tcp"_s, u"-4"_s, u"localhost"_s, peer4.service(), u"--send"_s, NotebookHttp10Text,
                             u"--format"_s, u"json"_s});
    QVERIFY2(four.finished, four.describe().constData());
    QCOMPARE(four.exitCode, 0);
    report = jsonOf(four);
    CHECKED(checkTcpReport(report));
    QVERIFY(!report.value("resolved"_L1).toArray().isEmpty());
    for (const QJsonValue &row : report.value("resolved"_L1).toArray())
        QCOMPARE(row["family"_L1].toString(), u"AF_INET"_s);
    CHECKED(checkAddress(report.value("connected_to"_L1), u"AF_INET"_s, u"127.0.0.1"_s, peer4.port()));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), NotebookReply);
}

void TestCli::tcpFamilyMismatch_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("host");

    QTest::newRow("-4 with an IPv6 address") << u"-4"_s << u"::1"_s;
    QTest::newRow("-6 with an IPv4 address") << u"-6"_s << u"127.0.0.1"_s;
}

void TestCli::tcpFamilyMismatch()
{
    QFETCH(QString, option);
    QFETCH(QString, host);

    const Result result = cli({u"tcp"_s, option, host, u"80"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    const QString code = report.value("error"_L1)["code"_L1].toString();
    QVERIFY2(code.startsWith("EAI_"_L1), qPrintable(code));
    CHECKED(checkError(report.value("error"_L1), code, u"getaddrinfo"_s));
    QCOMPARE(report.value("resolved"_L1).toArray(), QJsonArray());
    QCOMPARE(report.value("attempts"_L1).toArray(), QJsonArray());
    QCOMPARE(tracedCalls(report.value("trace"_L1)), QStringList{u"getaddrinfo"_s});
}

void TestCli::tcpOutFile()
{
    const Peer peer(u"misbehaving_peer.py"_s,
                    {u"trickle"_s, u"--bytes"_s, u"30"_s, u"--interval"_s, u"0.01"_s, u"--once"_s});
    QVERIFY(peer.port());
    const QString out = path(u"trickle.bin"_s);
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text, u"--out"_s,
                               out, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(readFile(out), letters(30));
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 30);
    QVERIFY(report.value("data_base64"_L1).isNull());
    QVERIFY(report.value("segments"_L1).toArray().size() > 1);
    CHECKED(checkStop(report.value("stop"_L1), u"peer_closed"_s, u"The server closed the connection after 30 bytes."_s));
}

// A disk with 1 MiB free (a tmpfs of that size in a mount namespace of this test's own; the CLI
// started from it shares it): a 3 MB reply fails with ENOSPC naming the file, exit code 3 as other
// write errors, and the file there before is as it was, with nothing else left.
void TestCli::tcpOutFullDisk()
{
    const SmallTmpfs dir;
    if (!dir.whyNot().isEmpty())
        QSKIP(qPrintable(dir.whyNot()));

    const QString out = dir.filePath(u"reply.bin"_s);
    const QByteArray before = "a reply streamed earlier\n"_ba;
    QVERIFY(writeFile(out, before));
    Server server({u"http"_s});
    QVERIFY(server.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s,
                               uR"(GET /bytes/3000000 HTTP/1.0\r\n\r\n)"_s, u"--out"_s, out});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(QFile::encodeName(out)) && result.err.contains("ENOSPC"), result.err.constData());
    QCOMPARE(readFile(out), before);
    QCOMPARE(entriesOf(dir.path()), QStringList{u"reply.bin"_s});
}

// Killed while the reply streams from a peer that never ends: no half file under the name, and an
// earlier file keeps what it had.
void TestCli::tcpOutKilled_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::newRow("new file") << QByteArray();
    QTest::newRow("earlier file") << "a reply streamed earlier\n"_ba;
}

void TestCli::tcpOutKilled()
{
    QFETCH(QByteArray, before);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"greeting.bin"_s);
    if (!before.isEmpty())
        QVERIFY(writeFile(out, before));
    const Peer peer(u"misbehaving_peer.py"_s, {u"greet"_s});
    QVERIFY(peer.port());
    QProcess client;
    client.setProcessEnvironment(environment());
    client.start(cliPath(), {u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--out"_s, out});
    QVERIFY(client.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(writtenSoFar(client.processId(), dir.path()), "220 hello\r\n"_ba, 20000);
    QCOMPARE(readFile(out), before);
    client.kill();
    QVERIFY(client.waitForFinished(20000));
    QCOMPARE(client.exitStatus(), QProcess::CrashExit);
    QCOMPARE(readFile(out), before);
    QCOMPARE(entriesOf(dir.path()), before.isEmpty() ? QStringList() : QStringList{u"greeting.bin"_s});
}

void TestCli::tcpOutFileLarge()
{
    Server server({u"http"_s});
    QVERIFY(server.port());
    const QString out = path(u"bytes.bin"_s);
    const int size = 3 * 1000 * 1000 + 7;
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s,
                               uR"(GET /bytes/%1 HTTP/1.0\r\n\r\n)"_s.arg(size), u"--out"_s, out, u"--format"_s,
                               u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    const QByteArray file = readFile(out);
    QCOMPARE(qint64(file.size()), report.value("received_bytes"_L1).toInteger());
    QVERIFY(report.value("data_base64"_L1).isNull());
    const qsizetype bodyStart = file.indexOf("\r\n\r\n") + 4;
    QVERIFY(bodyStart > 4);
    QVERIFY(file.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(file.size() - bodyStart, size);
    // /bytes/N is the pattern 0x00..0xff over and over.
    bool patternHolds = true;
    for (qsizetype i = bodyStart; i < file.size() && patternHolds; ++i)
        patternHolds = static_cast<unsigned char>(file.at(i)) == ((i - bodyStart) & 0xff);
    QVERIFY(patternHolds);
    QCOMPARE(report.value("http"_L1)["body_bytes"_L1].toInt(), size);
    QCOMPARE(report.value("http"_L1)["complete"_L1].toBool(), true);
}

void TestCli::tcpFormatRaw()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"notebook"_s, u"--once"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp11Text, u"--format"_s,
                               u"raw"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, NotebookReply);
}

void TestCli::tcpHexDump_data()
{
    QTest::addColumn<QStringList>("peerArguments");
    QTest::addColumn<QByteArray>("reply");

    QTest::newRow("notebook reply") << QStringList{u"notebook"_s, u"--once"_s} << NotebookReply;
    QTest::newRow("one byte at a time")
        << QStringList{u"trickle"_s, u"--bytes"_s, u"40"_s, u"--interval"_s, u"0.01"_s, u"--once"_s} << letters(40);
}

void TestCli::tcpHexDump()
{
    QFETCH(QStringList, peerArguments);
    QFETCH(QByteArray, reply);

    const Peer peer(u"misbehaving_peer.py"_s, peerArguments);
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);

    static const QRegularExpression label(u"^# recv #(?<n>\\d+): (?<bytes>[0-9,]+) bytes? at [0-9.,]+ ms$"_s);
    QList<DumpSegment> segments;
    const QByteArray bytes = parseHexDump(lines(result.out), label, &segments);
    QCOMPARE(bytes, reply);
    QVERIFY(!segments.isEmpty());
    for (qsizetype i = 0; i < segments.size(); ++i)
        QCOMPARE(label.match(segments.at(i).label).captured(u"n"_s).toInt(), int(i + 1));

    const QStringList err = lines(result.err);
    QVERIFY2(err.contains(u"* Sent 18 bytes"_s), result.err.constData());
    QCOMPARE(err.constLast(), u"* The server closed the connection after %1 bytes."_s.arg(reply.size()));
    for (const QString &line : err)
        QVERIFY2(line.startsWith("* "_L1), qPrintable(line));
}

void TestCli::tcpTraceLines()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"notebook"_s});
    QVERIFY(peer.port());
    static const QRegularExpression traceLine(
        u"^\\* (?<ms>[0-9]+\\.[0-9]{3}) ms  (?<call>[a-z_0-9]+)\\((?<args>.*)\\) = (?<ret>-?[0-9]+)"
        "(?: (?<errno>E[A-Z0-9]+) \\(.+\\))?(?: \\[.+\\])?$"_s);

    const Result traced = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text, u"--trace"_s});
    QVERIFY2(traced.finished, traced.describe().constData());
    QCOMPARE(traced.exitCode, 0);
    QStringList calls;
    double lastMs = 0;
    bool sendSeen = false;
    for (const QString &line : lines(traced.err)) {
        const QRegularExpressionMatch match = traceLine.match(line);
        if (!match.hasMatch())
            continue;
        calls << match.captured(u"call"_s);
        const double ms = match.captured(u"ms"_s).toDouble();
        QVERIFY2(ms >= lastMs, qPrintable(line));
        lastMs = ms;
        if (match.captured(u"call"_s) == "send"_L1) {
            QCOMPARE(match.captured(u"ret"_s).toInt(), NotebookHttp10.size());
            QVERIFY2(match.captured(u"args"_s).contains(uR"("GET / HTTP/1.0\r\n\r\n")"_s), qPrintable(line));
            sendSeen = true;
        }
        if (match.captured(u"call"_s) == "connect"_L1)
            QVERIFY2(match.captured(u"args"_s).contains(u"127.0.0.1:%1"_s.arg(peer.port())), qPrintable(line));
    }
    QVERIFY(sendSeen);
    QVERIFY2(inOrder(calls, {u"getaddrinfo"_s, u"socket"_s, u"connect"_s, u"send"_s, u"recv"_s, u"close"_s}),
             qPrintable(calls.join(u',')));
    // The trace does not touch the reply's bytes on stdout.
    static const QRegularExpression label(u"^# recv #(?<n>\\d+): (?<bytes>[0-9,]+) bytes? at [0-9.,]+ ms$"_s);
    QList<DumpSegment> segments;
    QCOMPARE(parseHexDump(lines(traced.out), label, &segments), NotebookReply);

    const Result plain = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text});
    QVERIFY2(plain.finished, plain.describe().constData());
    QCOMPARE(plain.exitCode, 0);
    for (const QString &line : lines(plain.err))
        QVERIFY2(!traceLine.match(line).hasMatch(), qPrintable(line));

    // A failed call shows its errno by name.
    const Result refused = cli({u"tcp"_s, u"127.0.0.1"_s, QString::number(closedPort(SOCK_STREAM)), u"--trace"_s});
    QVERIFY2(refused.finished, refused.describe().constData());
    QCOMPARE(refused.exitCode, 3);
    const QStringList refusedLines = lines(refused.err);
    const bool refusedTraced = std::any_of(refusedLines.cbegin(), refusedLines.cend(), [](const QString &line) {
        return traceLine.match(line).hasMatch() && line.contains("ECONNREFUSED"_L1);
    });
    QVERIFY2(refusedTraced, refused.err.constData());
}

void TestCli::tcpMalformedHttp_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("code");

    QTest::newRow("bad chunk size") << u"bad-chunk"_s << u"bad_chunk_size"_s;
    QTest::newRow("two Content-Lengths") << u"dup-content-length"_s << u"conflicting_content_length"_s;
    QTest::newRow("closed before Content-Length") << u"truncated"_s << u"truncated"_s;
    QTest::newRow("1 MiB header") << u"huge-headers"_s << u"header_section_too_large"_s;
}

void TestCli::tcpMalformedHttp()
{
    QFETCH(QString, mode);
    QFETCH(QString, code);

    const Peer peer(u"misbehaving_peer.py"_s, {mode, u"--hold"_s, u"20"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp11Text, u"--until"_s,
                               u"http"_s, u"--timeout"_s, u"15000"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 5);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"malformed"_s);
    CHECKED(checkError(report.value("error"_L1), u"EMALFORMED"_s, u"recv"_s));
    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["error"_L1]["code"_L1].toString(), code);
    const qint64 errorOffset = http["error"_L1]["offset"_L1].toInteger();
    const QByteArray data = base64Data(report.value("data_base64"_L1));
    QVERIFY(errorOffset >= 0 && errorOffset <= data.size());
    QCOMPARE(http["complete"_L1].toBool(), false);
    // The bytes are kept whatever their shape.
    QVERIFY(data.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(report.value("received_bytes"_L1).toInteger(), data.size());
}

void TestCli::tcpHttpAnalysisWithoutHttpRule()
{
    // Without --until http the reply is still analysed, but a malformed one is not a failure.
    const Peer peer(u"misbehaving_peer.py"_s, {u"bad-chunk"_s, u"--hold"_s, u"20"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp11Text, u"--until"_s,
                               u"idle:300"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QVERIFY(report.value("error"_L1).isNull());
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"idle"_s);
    const QByteArray sent = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nbad\r\n0\r\n\r\n"_ba;
    QCOMPARE(base64Data(report.value("data_base64"_L1)), sent);
    QCOMPARE(report.value("http"_L1)["error"_L1]["code"_L1].toString(), u"bad_chunk_size"_s);
    QCOMPARE(report.value("http"_L1)["error"_L1]["offset"_L1].toInteger(), sent.indexOf("zz"));
}

void TestCli::tcpHttpDeviationsAndChunks()
{
    const Peer bareLf(u"misbehaving_peer.py"_s, {u"bare-lf"_s, u"--hold"_s, u"20"_s});
    QVERIFY(bareLf.port());
    Result result = cli({u"tcp"_s, u"127.0.0.1"_s, bareLf.service(), u"--send"_s, NotebookHttp11Text, u"--until"_s,
                         u"http"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    const QByteArray bareLfReply = "HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"_ba;
    QCOMPARE(base64Data(report.value("data_base64"_L1)), bareLfReply);
    QJsonArray expectedDeviations;
    for (qsizetype at = bareLfReply.indexOf('\n'); at >= 0 && at < bareLfReply.indexOf("hello");
         at = bareLfReply.indexOf('\n', at + 1))
        expectedDeviations.append(QJsonObject{{u"kind"_s, u"bare_lf"_s}, {u"offset"_s, at}});
    QCOMPARE(report.value("http"_L1)["deviations"_L1].toArray(), expectedDeviations);
    CHECKED(checkStop(report.value("stop"_L1), u"http_complete"_s,
                      u"Content-Length 5 reached: the response is complete (40 bytes in all)."_s));

    const Peer chunked(u"misbehaving_peer.py"_s, {u"chunked"_s, u"--hold"_s, u"20"_s});
    QVERIFY(chunked.port());
    result = cli({u"tcp"_s, u"127.0.0.1"_s, chunked.service(), u"--send"_s, NotebookHttp11Text, u"--until"_s, u"http"_s,
                  u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["framing"_L1].toString(), u"chunked"_s);
    QCOMPARE(http["body_bytes"_L1].toInt(), int(strlen("Wikipedia")));
    QCOMPARE(http["complete"_L1].toBool(), true);
    QCOMPARE(http["headers"_L1][0]["name"_L1].toString(), u"Transfer-Encoding"_s);
    QCOMPARE(http["headers"_L1][0]["value"_L1].toString(), u"chunked"_s);
}

// A response the test writes byte for byte, served by `socketlab-cli serve reply`, the body read back
// with --body and described in the JSON report.
void TestCli::tcpBody_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("contentEncoding");
    QTest::addColumn<QJsonValue>("charset");
    QTest::addColumn<QString>("said");

    // printf 'hello, gzip body\n' | gzip -n, and "Hello, brotli!" from libbrotlienc.
    const QByteArray gzipped = QByteArray::fromHex("1f8b0800000000000203cb48cdc9c9d75148afca2c5048ca4fa9e4020090ee52af11000000");
    const QByteArray brotli = QByteArray::fromHex("8b068048656c6c6f2c2062726f746c692103");
    QTest::newRow("gzip, charset quoted")
        << "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\nContent-Encoding: gzip\r\n"
           "Content-Length: " + QByteArray::number(gzipped.size()) + "\r\n\r\n" + gzipped
        << "hello, gzip body\n"_ba << QJsonValue(u"gzip"_s) << QJsonValue(u"utf-8"_s)
        << u"Body: %1 bytes, gzip-encoded; 17 bytes once decoded, written to %2."_s.arg(gzipped.size());
    QTest::newRow("br in chunks")
        << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: br\r\n\r\n5\r\n" + brotli.left(5)
               + "\r\n" + QByteArray::number(brotli.size() - 5, 16) + "\r\n" + brotli.mid(5) + "\r\n0\r\n\r\n"
        << "Hello, brotli!"_ba << QJsonValue(u"br"_s) << QJsonValue(QJsonValue::Null)
        << u"Body: %1 bytes, br-encoded; 14 bytes once decoded, written to %2."_s.arg(brotli.size());
    QTest::newRow("chunked, no coding")
        << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html;charset=ISO-8859-1\r\n\r\n"
           "4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"_ba
        << "Wikipedia"_ba << QJsonValue(QJsonValue::Null) << QJsonValue(u"iso-8859-1"_s)
        << u"Body: 9 bytes, written to %2."_s;
    QTest::newRow("unknown coding, as received")
        << "HTTP/1.1 200 OK\r\nContent-Encoding: zstd\r\nContent-Length: 8\r\n\r\nnot zstd"_ba << "not zstd"_ba
        << QJsonValue(u"zstd"_s) << QJsonValue(QJsonValue::Null) << u"Body: 8 bytes, written to %2."_s;
}

void TestCli::tcpBody()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, contentEncoding);
    QFETCH(QJsonValue, charset);
    QFETCH(QString, said);

    // serve reply keeps the connection open: only the response's framing, which --body reads by
    // default, ends the exchange.
    Server server({u"reply"_s, u"--reply"_s, escapedBytes(response)});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    const QString bodyPath = path(u"body-%1.out"_s.arg(QLatin1StringView(QTest::currentDataTag())).replace(u' ', u'-'));
    Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, NotebookHttp11Text, u"--body"_s,
                         bodyPath, u"--timeout"_s, u"20000"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(readFile(bodyPath), body);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), response);
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"http_complete"_s);
    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["decoded_bytes"_L1].toInteger(), body.size());
    QCOMPARE(http["content_encoding"_L1], contentEncoding);
    QCOMPARE(http["charset"_L1], charset);
    const bool unknown = contentEncoding == QJsonValue(u"zstd"_s);
    QJsonArray deviations;
    if (unknown)
        deviations.append(QJsonObject{{u"kind"_s, u"unknown_content_encoding"_s},
                                      {u"offset"_s, response.indexOf("Content-Encoding")}});
    QCOMPARE(http["deviations"_L1].toArray(), deviations);

    // The same in the hexdump format: the body's line on stderr says what was written where.
    QFile::remove(bodyPath);
    result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, NotebookHttp11Text, u"--body"_s, bodyPath,
                  u"--timeout"_s, u"20000"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(readFile(bodyPath), body);
    const QStringList err = lines(result.err);
    QVERIFY2(err.contains(u"* "_s + said.arg(bodyPath)), result.err.constData());
    QCOMPARE(err.contains(u"* Content-Encoding \"zstd\" cannot be decoded here: the body is left as received."_s),
             unknown);
}

void TestCli::tcpBodyCorruptSaysWhere()
{
    // gzip's flag byte (the body's fourth) with reserved bits set: corrupt from there.
    QByteArray gzipped = QByteArray::fromHex("1f8b0800000000000203cb48cdc9c9d75148afca2c5048ca4fa9e4020090ee52af11000000");
    gzipped[3] = char(0xe0);
    const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
        + QByteArray::number(gzipped.size()) + "\r\n\r\n" + gzipped;
    const qint64 bodyStart = response.size() - gzipped.size();
    Server server({u"reply"_s, u"--reply"_s, escapedBytes(response)});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    const QString bodyPath = path(u"corrupt.out"_s);
    Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, NotebookHttp11Text, u"--body"_s,
                         bodyPath, u"--timeout"_s, u"20000"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    // A decoding error is a deviation of the reply, not a failed exchange.
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    const QJsonArray expected{QJsonObject{{u"kind"_s, u"corrupt_encoded_data"_s}, {u"offset"_s, bodyStart + 4}}};
    QCOMPARE(report.value("http"_L1)["deviations"_L1].toArray(), expected);
    QCOMPARE(report.value("http"_L1)["decoded_bytes"_L1].toInteger(), 0);
    QCOMPARE(readFile(bodyPath), QByteArray());

    result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, NotebookHttp11Text, u"--body"_s, bodyPath,
                  u"--timeout"_s, u"20000"_s, u"--format"_s, u"raw"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, response);
    QVERIFY2(lines(result.err).contains(u"* The gzip data is corrupt at byte 4 of the body (byte %1 of the reply): only "
                                        "what comes before it is decoded."_s.arg(bodyStart + 4)),
             result.err.constData());
}

void TestCli::tcpBodyCutByUntil()
{
    // An explicit --until decides even with --body: 30 bytes of the notebook's 204-byte body.
    const Peer peer(u"misbehaving_peer.py"_s, {u"notebook"_s});
    QVERIFY(peer.port());
    const QString bodyPath = path(u"cut.out"_s);
    const int cut = int(NotebookReplyHead.size()) + 30;
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp11Text, u"--until"_s,
                               u"bytes:%1"_s.arg(cut), u"--body"_s, bodyPath});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(readFile(bodyPath), NotebookBody.left(30));
    QVERIFY2(lines(result.err).contains(u"* The body is not complete: %1 holds what arrived of it."_s.arg(bodyPath)),
             result.err.constData());
}

void TestCli::tcpBodyWriteError()
{
    // Linux always has it: a file that takes no byte.
    QVERIFY(QFileInfo::exists(u"/dev/full"_s));
    const Peer peer(u"misbehaving_peer.py"_s, {u"notebook"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp11Text, u"--body"_s,
                               u"/dev/full"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains("/dev/full") && result.err.contains("ENOSPC"), result.err.constData());
}

void TestCli::tcpBodyJsonWithoutFile()
{
    // Without --body the JSON report still says what the body decodes to; the reply is read as before.
    Server server({u"http"_s});
    QVERIFY(server.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s,
                               uR"(GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n)"_s,
                               u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"peer_closed"_s);
    const QJsonValue http = report.value("http"_L1);
    QCOMPARE(http["framing"_L1].toString(), u"chunked"_s);
    QCOMPARE(http["decoded_bytes"_L1].toInteger(), http["body_bytes"_L1].toInteger());
    QVERIFY(http["decoded_bytes"_L1].toInteger() > 0);
    QVERIFY(http["content_encoding"_L1].isNull());
}

void TestCli::tcpResetAfterData()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"reset-after-data"_s, u"--bytes"_s, u"900"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, NotebookHttp10Text, u"--format"_s,
                               u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    CHECKED(checkError(report.value("error"_L1), u"ECONNRESET"_s, u"recv"_s));
    CHECKED(checkStop(report.value("stop"_L1), u"error"_s, u"Stopped by an error after 900 bytes."_s));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), QByteArray(900, 'x'));
    QVERIFY(report.value("http"_L1).isNull());
}

void TestCli::tcpInterruptedBySigint()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"greet"_s});
    QVERIFY(peer.port());
    Background client(cliPath(), {u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--format"_s, u"raw"_s});
    // Its first line is the greeting, streamed as it arrived: the exchange is in recv() now.
    QCOMPARE(client.firstLine(), u"220 hello"_s);
    QCOMPARE(client.stop(SIGINT), 130);
    QCOMPARE(client.process().readAllStandardOutput(), QByteArray());
    const QStringList err = lines(client.process().readAllStandardError());
    QCOMPARE(err.size(), 1);
    QVERIFY2(err.constFirst().contains("ECANCELED"_L1), qPrintable(err.constFirst()));
}

void TestCli::tcpInterruptedBySigtermWithOut()
{
    const Peer peer(u"misbehaving_peer.py"_s, {u"greet"_s});
    QVERIFY(peer.port());
    const QString out = path(u"greeting.bin"_s);
    QFile::remove(out);
    QProcess client;
    client.setProcessEnvironment(environment());
    client.start(cliPath(), {u"tcp"_s, u"127.0.0.1"_s, peer.service(), u"--out"_s, out, u"--format"_s, u"json"_s});
    QVERIFY(client.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(writtenSoFar(client.processId(), m_dir.path()), "220 hello\r\n"_ba, 20000);
    ::kill(pid_t(client.processId()), SIGTERM);
    QVERIFY(client.waitForFinished(20000));
    QCOMPARE(client.exitStatus(), QProcess::NormalExit);
    QCOMPARE(client.exitCode(), 130);
    Result result;
    result.finished = true;
    result.out = client.readAllStandardOutput();
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    CHECKED(checkError(report.value("error"_L1), u"ECANCELED"_s, u"recv"_s));
    CHECKED(checkStop(report.value("stop"_L1), u"cancelled"_s, u"Cancelled after 11 bytes."_s));
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 11);
    QVERIFY(report.value("data_base64"_L1).isNull());
    // Cancelled, the file still gets what arrived, under its name.
    QCOMPARE(readFile(out), "220 hello\r\n"_ba);
}

// ---- udp ----

void TestCli::udpEcho_data()
{
    QTest::addColumn<bool>("embedded");
    QTest::addColumn<QString>("family");

    QTest::newRow("serve udp-echo") << true << u"inet"_s;
    QTest::newRow("udp_peer.py echo") << false << u"inet"_s;
    QTest::newRow("udp_peer.py echo, IPv6") << false << u"inet6"_s;
}

void TestCli::udpEcho()
{
    QFETCH(bool, embedded);
    QFETCH(QString, family);

    const bool v6 = family == "inet6"_L1;
    const QString host = v6 ? u"::1"_s : u"127.0.0.1"_s;
    const QString familyName = v6 ? u"AF_INET6"_s : u"AF_INET"_s;
    std::unique_ptr<Server> server;
    std::unique_ptr<Peer> peer;
    quint16 port = 0;
    if (embedded) {
        server = std::make_unique<Server>(QStringList{u"udp-echo"_s});
        port = server->port();
    } else {
        peer = std::make_unique<Peer>(u"udp_peer.py"_s, QStringList{u"echo"_s, u"--family"_s, family});
        port = peer->port();
    }
    QVERIFY(port);
    const Result result = cli({u"udp"_s, host, QString::number(port), u"--send"_s, uR"(Test en classe\n)"_s,
                               u"--count"_s, u"1"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));

    const QJsonArray resolved = report.value("resolved"_L1).toArray();
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.at(0)["family"_L1].toString(), familyName);
    QCOMPARE(resolved.at(0)["socktype"_L1].toString(), u"SOCK_DGRAM"_s);
    QCOMPARE(resolved.at(0)["protocol"_L1].toInt(), 17);
    CHECKED(checkAddress(report.value("target"_L1), familyName, host, port));
    CHECKED(checkAddress(report.value("local"_L1), familyName, v6 ? u"::"_s : u"0.0.0.0"_s, 0));
    QCOMPARE(report.value("sent_bytes"_L1).toInt(), 15);
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 15);
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    QCOMPARE(datagrams.size(), 1);
    CHECKED(checkAddress(datagrams.at(0)["from"_L1], familyName, host, port));
    QCOMPARE(datagrams.at(0)["size"_L1].toInt(), 15);
    QCOMPARE(datagrams.at(0)["kept"_L1].toInt(), 15);
    QCOMPARE(datagrams.at(0)["truncated"_L1].toBool(), false);
    QVERIFY(datagrams.at(0)["t_ms"_L1].toDouble(-1) >= 0);
    QCOMPARE(base64Data(datagrams.at(0)["data_base64"_L1]), "Test en classe\n"_ba);
    CHECKED(checkStop(report.value("stop"_L1), u"count_reached"_s, u"1 datagram received, as asked."_s));
    QVERIFY(report.value("error"_L1).isNull());
    QCOMPARE(report.value("kernel_drops"_L1), QJsonValue(0));
    const QStringList calls = tracedCalls(report.value("trace"_L1));
    QVERIFY2(inOrder(calls, {u"getaddrinfo"_s, u"socket"_s, u"setsockopt"_s, u"sendto"_s, u"recvmsg"_s, u"close"_s}),
             qPrintable(calls.join(u',')));
    if (server)
        QCOMPARE(server->stop(SIGTERM), 0);
}

void TestCli::udpCountsKernelDrops_data()
{
    QTest::addColumn<QString>("format");

    QTest::newRow("json") << u"json"_s;
    QTest::newRow("hexdump") << u"hexdump"_s;
}

void TestCli::udpCountsKernelDrops()
{
    QFETCH(QString, format);

    // A reply of 20,000 datagrams sent as fast as Python goes, to a client that dumps each one:
    // the receive buffer overflows, and every datagram is either read or counted as dropped.
    constexpr int Count = 20000;
    const Peer peer(u"udp_peer.py"_s, {u"flood"_s, u"--count"_s, QString::number(Count), u"--size"_s, u"64"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, QString::number(peer.port()), u"--send"_s, u"go"_s,
                               u"--wait"_s, u"1500"_s, u"--format"_s, format});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    if (format == "json"_L1) {
        const QJsonObject report = jsonOf(result);
        CHECKED(checkUdpReport(report));
        const qint64 drops = report.value("kernel_drops"_L1).toInteger(-1);
        QVERIFY(drops >= 0);
        QCOMPARE(report.value("datagrams"_L1).toArray().size() + drops, qint64(Count));
        return;
    }
    const QString text = QString::fromUtf8(result.out + result.err);
    static const QRegularExpression said(
        u"The kernel dropped ([\\d,]+) datagrams?: the receive buffer \\(([\\d,]+) bytes\\) was full; raise SO_RCVBUF "
        u"\\(rcvbuf=(\\d+)\\)\\."_s);
    const QRegularExpressionMatch match = said.match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text.right(400)));
    const qint64 drops = match.captured(1).remove(u',').toLongLong();
    const qint64 buffer = match.captured(2).remove(u',').toLongLong();
    QCOMPARE(match.captured(3).toLongLong(), 2 * buffer);
    QCOMPARE(text.count(u"datagram #"_s) + drops, qint64(Count));
}

void TestCli::udpEmptyDatagram()
{
    const Peer peer(u"udp_peer.py"_s, {u"echo"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--count"_s, u"1"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    QCOMPARE(report.value("sent_bytes"_L1).toInt(), 0);
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    QCOMPARE(datagrams.size(), 1);
    QCOMPARE(datagrams.at(0)["size"_L1].toInt(), 0);
    QCOMPARE(datagrams.at(0)["kept"_L1].toInt(), 0);
    QCOMPARE(datagrams.at(0)["truncated"_L1].toBool(), false);
    QVERIFY(datagrams.at(0)["data_base64"_L1].isString());
    QCOMPARE(datagrams.at(0)["data_base64"_L1].toString(), QString());
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 0);
}

void TestCli::udpLargestDatagram_data()
{
    QTest::addColumn<bool>("embedded");

    QTest::newRow("serve udp-echo") << true;
    QTest::newRow("udp_peer.py echo") << false;
}

void TestCli::udpLargestDatagram()
{
    QFETCH(bool, embedded);

    std::unique_ptr<Background> echo;
    quint16 port = 0;
    if (embedded) {
        auto server = std::make_unique<Server>(QStringList{u"udp-echo"_s});
        port = server->port();
        echo = std::move(server);
    } else {
        auto peer = std::make_unique<Peer>(u"udp_peer.py"_s, QStringList{u"echo"_s});
        port = peer->port();
        echo = std::move(peer);
    }
    QVERIFY(port);
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, QString::number(port), u"--send-file"_s, path(u"65507.bin"_s),
                               u"--count"_s, u"1"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    QCOMPARE(report.value("sent_bytes"_L1).toInt(), 65507);
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    QCOMPARE(datagrams.size(), 1);
    QCOMPARE(datagrams.at(0)["size"_L1].toInt(), 65507);
    QCOMPARE(datagrams.at(0)["kept"_L1].toInt(), 65507);
    QCOMPARE(datagrams.at(0)["truncated"_L1].toBool(), false);
    QVERIFY(base64Data(datagrams.at(0)["data_base64"_L1]) == pattern251(65507));
}

void TestCli::udpTruncation()
{
    const Peer peer(u"udp_peer.py"_s, {u"big"_s, u"--size"_s, u"2000"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"x"_s, u"--recv-size"_s,
                               u"100"_s, u"--count"_s, u"1"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    QCOMPARE(datagrams.size(), 1);
    QCOMPARE(datagrams.at(0)["truncated"_L1].toBool(), true);
    QCOMPARE(datagrams.at(0)["size"_L1].toInt(), 2000);
    QCOMPARE(datagrams.at(0)["kept"_L1].toInt(), 100);
    QCOMPARE(base64Data(datagrams.at(0)["data_base64"_L1]), pattern251(100));
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 100);

    const Result dump = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--recv-size"_s, u"100"_s, u"--count"_s, u"1"_s});
    QVERIFY2(dump.finished, dump.describe().constData());
    QCOMPARE(dump.exitCode, 0);
    static const QRegularExpression label(
        u"^# datagram #(?<n>\\d+) from 127\\.0\\.0\\.1:(?<port>\\d+): (?<bytes>[0-9,]+) bytes? at [0-9.,]+ ms "
        "\\(truncated: the datagram had 2,?000 bytes\\)$"_s);
    QList<DumpSegment> segments;
    QCOMPARE(parseHexDump(lines(dump.out), label, &segments), pattern251(100));
    QCOMPARE(segments.size(), 1);
}

void TestCli::udpCount()
{
    const Peer peer(u"udp_peer.py"_s, {u"double"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"hi"_s, u"--count"_s, u"2"_s,
                               u"--wait"_s, u"20000"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    const QJsonArray datagrams = report.value("datagrams"_L1).toArray();
    QCOMPARE(datagrams.size(), 2);
    QCOMPARE(base64Data(datagrams.at(0)["data_base64"_L1]), "hi"_ba);
    QCOMPARE(base64Data(datagrams.at(1)["data_base64"_L1]), "again:hi"_ba);
    QVERIFY(datagrams.at(1)["t_ms"_L1].toDouble() >= datagrams.at(0)["t_ms"_L1].toDouble());
    QCOMPARE(report.value("received_bytes"_L1).toInt(), 10);
    CHECKED(checkStop(report.value("stop"_L1), u"count_reached"_s, u"2 datagrams received, as asked."_s));
    // Stopped by the count, long before the wait.
    QVERIFY(report.value("timings"_L1)["total_ms"_L1].toDouble() < 20000);
}

void TestCli::udpCountNotReached()
{
    const Peer peer(u"udp_peer.py"_s, {u"double"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"hi"_s, u"--count"_s, u"3"_s,
                               u"--wait"_s, u"400"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 4);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    QCOMPARE(report.value("datagrams"_L1).toArray().size(), 2);
    CHECKED(checkStop(report.value("stop"_L1), u"wait_elapsed"_s,
                      u"The 400 ms wait for datagrams ended (10 bytes received)."_s));
}

void TestCli::udpWait()
{
    const Peer peer(u"udp_peer.py"_s, {u"echo"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"ping"_s, u"--wait"_s, u"300"_s,
                               u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    QCOMPARE(report.value("datagrams"_L1).toArray().size(), 1);
    CHECKED(checkStop(report.value("stop"_L1), u"wait_elapsed"_s,
                      u"The 300 ms wait for datagrams ended (4 bytes received)."_s));
    QVERIFY(report.value("timings"_L1)["total_ms"_L1].toDouble() >= 300);
}

void TestCli::udpConnectRefused()
{
    const quint16 port = closedPort(SOCK_DGRAM);
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, QString::number(port), u"--send"_s, u"hi"_s, u"--connect"_s,
                               u"--wait"_s, u"5000"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    const QString call = report.value("error"_L1)["call"_L1].toString();
    QVERIFY2(call == "recvmsg"_L1 || call == "recv"_L1, qPrintable(call));
    CHECKED(checkError(report.value("error"_L1), u"ECONNREFUSED"_s, call));
    QCOMPARE(report.value("datagrams"_L1).toArray(), QJsonArray());
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"error"_s);
    QVERIFY(tracedCalls(report.value("trace"_L1)).contains(u"connect"_s));
    // Reported by the ICMP error, not by the end of the wait.
    QVERIFY(report.value("timings"_L1)["total_ms"_L1].toDouble() < 5000);
}

void TestCli::udpUnconnectedIgnoresIcmp()
{
    const quint16 port = closedPort(SOCK_DGRAM);
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, QString::number(port), u"--send"_s, u"hi"_s, u"--wait"_s,
                               u"300"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    QVERIFY(report.value("error"_L1).isNull());
    QCOMPARE(report.value("stop"_L1)["reason"_L1].toString(), u"wait_elapsed"_s);
}

void TestCli::udpBind()
{
    const Peer peer(u"udp_peer.py"_s, {u"echo"_s});
    QVERIFY(peer.port());
    const quint16 local = closedPort(SOCK_DGRAM);
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"hi"_s, u"--bind"_s,
                               QString::number(local), u"--count"_s, u"1"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    CHECKED(checkAddress(report.value("local"_L1), u"AF_INET"_s, u"0.0.0.0"_s, local));
    QCOMPARE(base64Data(report.value("datagrams"_L1)[0]["data_base64"_L1]), "hi"_ba);
    bool bindTraced = false;
    for (const QJsonValue &entry : report.value("trace"_L1).toArray()) {
        if (entry["call"_L1].toString() == "bind"_L1) {
            QVERIFY2(entry["args"_L1].toString().contains(QString::number(local)), qPrintable(entry["args"_L1].toString()));
            QCOMPARE(entry["ret"_L1].toInt(), 0);
            bindTraced = true;
        }
    }
    QVERIFY(bindTraced);
}

void TestCli::udpBindBusy()
{
    const Peer peer(u"udp_peer.py"_s, {u"echo"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"hi"_s, u"--bind"_s,
                               peer.service(), u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkUdpReport(report));
    CHECKED(checkError(report.value("error"_L1), u"EADDRINUSE"_s, u"bind"_s));
    QCOMPARE(report.value("sent_bytes"_L1).toInt(), 0);
}

void TestCli::udpHexDump()
{
    const Peer peer(u"udp_peer.py"_s, {u"double"_s});
    QVERIFY(peer.port());
    const Result result = cli({u"udp"_s, u"127.0.0.1"_s, peer.service(), u"--send"_s, u"Test en classe"_s, u"--count"_s,
                               u"2"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QRegularExpression label(u"^# datagram #(?<n>\\d+) from 127\\.0\\.0\\.1:%1: (?<bytes>[0-9,]+) bytes? at "
                                   "[0-9.,]+ ms$"_s.arg(peer.port()));
    QList<DumpSegment> segments;
    QCOMPARE(parseHexDump(lines(result.out), label, &segments), "Test en classeagain:Test en classe"_ba);
    QCOMPARE(segments.size(), 2);
    QCOMPARE(segments.at(0).length, 14);
    QCOMPARE(segments.at(1).length, 20);
    const QStringList err = lines(result.err);
    QVERIFY2(!err.isEmpty() && err.constFirst().startsWith(u"* Sent 14 bytes to 127.0.0.1:%1 from "_s.arg(peer.port())),
             result.err.constData());
    QCOMPARE(err.constLast(), u"* 2 datagrams received, as asked."_s);
}

// ---- resolve and reverse ----

void TestCli::resolveMatchesPython_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("flags");

    QTest::newRow("localhost") << u"localhost"_s << QString() << u"any"_s << u"any"_s << u"0"_s << QString();
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << QString() << u"any"_s << u"any"_s << u"0"_s << QString();
    QTest::newRow("::1") << u"::1"_s << QString() << u"any"_s << u"any"_s << u"0"_s << QString();
    QTest::newRow("localhost http") << u"localhost"_s << u"http"_s << u"any"_s << u"any"_s << u"0"_s << QString();
    QTest::newRow("127.0.0.1 80 stream") << u"127.0.0.1"_s << u"80"_s << u"any"_s << u"stream"_s << u"0"_s << QString();
    QTest::newRow("::1 domain dgram") << u"::1"_s << u"domain"_s << u"any"_s << u"dgram"_s << u"0"_s << QString();
    QTest::newRow("localhost inet") << u"localhost"_s << u"https"_s << u"inet"_s << u"any"_s << u"0"_s << QString();
    QTest::newRow("::1 inet6 protocol 17") << u"::1"_s << u"53"_s << u"inet6"_s << u"any"_s << u"17"_s << QString();
    QTest::newRow("localhost canonname") << u"localhost"_s << u"80"_s << u"any"_s << u"stream"_s << u"0"_s
                                         << u"canonname"_s;
    QTest::newRow("numerichost,numericserv") << u"127.0.0.1"_s << u"8080"_s << u"any"_s << u"any"_s << u"0"_s
                                             << u"numerichost,numericserv"_s;
    QTest::newRow("passive, no host") << QString() << u"8080"_s << u"inet"_s << u"stream"_s << u"0"_s << u"passive"_s;
    QTest::newRow("numerichost refuses a name") << u"localhost"_s << QString() << u"any"_s << u"any"_s << u"0"_s
                                                << u"numerichost"_s;
    QTest::newRow("inet6 for an IPv4 address") << u"127.0.0.1"_s << QString() << u"inet6"_s << u"any"_s << u"0"_s
                                               << QString();
    QTest::newRow("unknown service") << u"localhost"_s << u"no-such-service"_s << u"any"_s << u"any"_s << u"0"_s
                                     << QString();
}

void TestCli::resolveMatchesPython()
{
    QFETCH(QString, host);
    QFETCH(QString, service);
    QFETCH(QString, family);
    QFETCH(QString, type);
    QFETCH(QString, protocol);
    QFETCH(QString, flags);

    const Result reference = python({u"-c"_s, PythonGetAddrInfo, host, service, family, type, protocol, flags});
    QVERIFY2(reference.finished && reference.exitCode == 0, reference.describe().constData());
    const QJsonObject expected = QJsonDocument::fromJson(reference.out).object();

    QStringList arguments{u"resolve"_s, host};
    if (!service.isEmpty())
        arguments << service;
    arguments << u"--family"_s << family << u"--type"_s << type << u"--protocol"_s << protocol;
    if (!flags.isEmpty())
        arguments << u"--flags"_s << flags;
    const Result result = cli(arguments);
    QVERIFY2(result.finished, result.describe().constData());

    if (expected.contains("error"_L1)) {
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.out, QByteArray());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("(" + expected.value("error"_L1).toString().toLatin1() + ")"), result.err.constData());
        return;
    }
    QCOMPARE(result.exitCode, 0);
    QStringList pythonLines;
    for (const QJsonValue &row : expected.value("rows"_L1).toArray())
        pythonLines << row["python"_L1].toString();
    QVERIFY(!pythonLines.isEmpty());
    QCOMPARE(lines(result.out), pythonLines);
    const QStringList err = lines(result.err);
    QCOMPARE(err.size(), 1);
    const QString rows = pythonLines.size() == 1 ? u"# 1 row in "_s : u"# %1 rows in "_s.arg(pythonLines.size());
    QVERIFY2(err.constFirst().startsWith(rows), qPrintable(err.constFirst()));
}

void TestCli::resolveJson_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("socktypeName");

    QTest::newRow("localhost http stream") << u"localhost"_s << u"http"_s << u"stream"_s << QString() << u"SOCK_STREAM"_s;
    QTest::newRow("::1 canonname") << u"::1"_s << u"443"_s << u"any"_s << u"canonname,numericserv"_s << u"0"_s;
}

void TestCli::resolveJson()
{
    QFETCH(QString, host);
    QFETCH(QString, service);
    QFETCH(QString, type);
    QFETCH(QString, flags);
    QFETCH(QString, socktypeName);

    const Result reference = python({u"-c"_s, PythonGetAddrInfo, host, service, u"any"_s, type, u"0"_s, flags});
    QVERIFY2(reference.finished && reference.exitCode == 0, reference.describe().constData());
    const QJsonArray expected = QJsonDocument::fromJson(reference.out).object().value("rows"_L1).toArray();
    QVERIFY(!expected.isEmpty());

    QStringList arguments{u"resolve"_s, host, service, u"--type"_s, type, u"--format"_s, u"json"_s};
    if (!flags.isEmpty())
        arguments << u"--flags"_s << flags;
    const Result result = cli(arguments);
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkKeys(report, {u"query"_s, u"resolved"_s, u"error"_s, u"elapsed_ms"_s}));
    CHECKED(checkKeys(report.value("query"_L1),
                      {u"host"_s, u"service"_s, u"family"_s, u"socktype"_s, u"protocol"_s, u"flags"_s}));
    const QJsonValue query = report.value("query"_L1);
    QCOMPARE(query["host"_L1].toString(), host);
    QCOMPARE(query["service"_L1].toString(), service);
    QCOMPARE(query["family"_L1].toString(), u"AF_UNSPEC"_s);
    QCOMPARE(query["socktype"_L1].toString(), socktypeName);
    QCOMPARE(query["protocol"_L1].toInt(), 0);
    QCOMPARE(query["flags"_L1].toString(), flags);
    QVERIFY(report.value("error"_L1).isNull());
    QVERIFY(report.value("elapsed_ms"_L1).toDouble(-1) >= 0);

    const QJsonArray rows = report.value("resolved"_L1).toArray();
    QCOMPARE(rows.size(), expected.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        CHECKED(checkRow(rows.at(i)));
        for (const char *key : {"family", "socktype", "protocol", "canonname", "address", "port", "python"})
            QCOMPARE(rows.at(i)[QLatin1StringView(key)], expected.at(i)[QLatin1StringView(key)]);
    }
}

void TestCli::resolveUnknownName()
{
    // The test runs in a network namespace of its own, so this lookup cannot leave the machine.
    const QString name = u"no-such-host.invalid"_s;
    const Result reference = python({u"-c"_s, PythonGetAddrInfo, name, QString(), u"any"_s, u"any"_s, u"0"_s, QString()});
    QVERIFY2(reference.finished && reference.exitCode == 0, reference.describe().constData());
    const QString code = QJsonDocument::fromJson(reference.out).object().value("error"_L1).toString();
    QVERIFY2(code.startsWith("EAI_"_L1), reference.out.constData());

    const Result result = cli({u"resolve"_s, name, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 3);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkKeys(report, {u"query"_s, u"resolved"_s, u"error"_s, u"elapsed_ms"_s}));
    CHECKED(checkError(report.value("error"_L1), code, u"getaddrinfo"_s));
    QVERIFY(report.value("error"_L1)["message"_L1].toString().contains(name));
    QCOMPARE(report.value("resolved"_L1).toArray(), QJsonArray());

    const Result text = cli({u"resolve"_s, name});
    QVERIFY2(text.finished, text.describe().constData());
    QCOMPARE(text.exitCode, 3);
    QCOMPARE(text.out, QByteArray());
    QCOMPARE(text.err.count('\n'), 1);
    QVERIFY2(text.err.contains(code.toLatin1()), text.err.constData());

    const Result tcp = cli({u"tcp"_s, name, u"80"_s, u"--format"_s, u"json"_s});
    QVERIFY2(tcp.finished, tcp.describe().constData());
    QCOMPARE(tcp.exitCode, 3);
    const QJsonObject tcpReport = jsonOf(tcp);
    CHECKED(checkTcpReport(tcpReport));
    CHECKED(checkError(tcpReport.value("error"_L1), code, u"getaddrinfo"_s));
}

void TestCli::reverseMatchesPython_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("flags");

    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << QString() << QString();
    QTest::newRow("127.0.0.1 80") << u"127.0.0.1"_s << u"80"_s << QString();
    QTest::newRow("127.0.0.1 80 numerichost,numericserv") << u"127.0.0.1"_s << u"80"_s << u"numerichost,numericserv"_s;
    QTest::newRow("127.0.0.1 53 dgram") << u"127.0.0.1"_s << u"53"_s << u"dgram"_s;
    QTest::newRow("::1 443 numerichost") << u"::1"_s << u"443"_s << u"numerichost"_s;
    QTest::newRow("::1 25") << u"::1"_s << u"25"_s << QString();
    QTest::newRow("no name, namereqd") << u"192.0.2.1"_s << u"80"_s << u"namereqd"_s;
    QTest::newRow("no name, numerichost") << u"192.0.2.1"_s << u"80"_s << u"numerichost"_s;
}

void TestCli::reverseMatchesPython()
{
    QFETCH(QString, address);
    QFETCH(QString, port);
    QFETCH(QString, flags);

    const Result reference = python({u"-c"_s, PythonGetNameInfo, address, port.isEmpty() ? u"0"_s : port, flags});
    QVERIFY2(reference.finished && reference.exitCode == 0, reference.describe().constData());
    const QJsonObject expected = QJsonDocument::fromJson(reference.out).object();

    QStringList arguments{u"reverse"_s, address};
    if (!port.isEmpty())
        arguments << port;
    if (!flags.isEmpty())
        arguments << u"--flags"_s << flags;
    const Result result = cli(arguments);
    QVERIFY2(result.finished, result.describe().constData());
    if (expected.contains("error"_L1)) {
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.out, QByteArray());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("(" + expected.value("error"_L1).toString().toLatin1() + ")"), result.err.constData());
        return;
    }
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(lines(result.out), QStringList{expected.value("python"_L1).toString()});
}

void TestCli::reverseJson_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("flags");

    QTest::newRow("127.0.0.1 80") << u"127.0.0.1"_s << 80 << QString();
    QTest::newRow("127.0.0.1 80 numeric") << u"127.0.0.1"_s << 80 << u"numerichost,numericserv"_s;
    QTest::newRow("no name, namereqd") << u"192.0.2.1"_s << 0 << u"namereqd"_s;
}

void TestCli::reverseJson()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, flags);

    const Result reference = python({u"-c"_s, PythonGetNameInfo, address, QString::number(port), flags});
    QVERIFY2(reference.finished && reference.exitCode == 0, reference.describe().constData());
    const QJsonObject expected = QJsonDocument::fromJson(reference.out).object();

    QStringList arguments{u"reverse"_s, address, QString::number(port), u"--format"_s, u"json"_s};
    if (!flags.isEmpty())
        arguments << u"--flags"_s << flags;
    const Result result = cli(arguments);
    QVERIFY2(result.finished, result.describe().constData());
    const QJsonObject report = jsonOf(result);
    CHECKED(checkKeys(report, {u"query"_s, u"host"_s, u"service"_s, u"numeric_fallback"_s, u"error"_s, u"elapsed_ms"_s}));
    CHECKED(checkKeys(report.value("query"_L1), {u"address"_s, u"port"_s, u"flags"_s}));
    QCOMPARE(report.value("query"_L1)["address"_L1].toString(), address);
    QCOMPARE(report.value("query"_L1)["port"_L1].toInt(), port);
    QCOMPARE(report.value("query"_L1)["flags"_L1].toString(), flags);
    QVERIFY(report.value("elapsed_ms"_L1).toDouble(-1) >= 0);
    if (expected.contains("error"_L1)) {
        QCOMPARE(result.exitCode, 3);
        CHECKED(checkError(report.value("error"_L1), expected.value("error"_L1).toString(), u"getnameinfo"_s));
        QVERIFY(report.value("host"_L1).isNull());
        QVERIFY(report.value("service"_L1).isNull());
        return;
    }
    QCOMPARE(result.exitCode, 0);
    QVERIFY(report.value("error"_L1).isNull());
    QCOMPARE(report.value("host"_L1).toString(), expected.value("host"_L1).toString());
    QCOMPARE(report.value("service"_L1).toString(), expected.value("service"_L1).toString());
    QCOMPARE(report.value("numeric_fallback"_L1).toBool(), false);
}

// ---- usage ----

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    const QString http10 = NotebookHttp10Text;
    QTest::newRow("no arguments") << QStringList();
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::newRow("tcp port 0") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"0"_s};
    QTest::newRow("tcp port 70000") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"70000"_s};
    QTest::newRow("tcp port 8x") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"8x"_s};
    QTest::newRow("udp port 0") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"0"_s};
    QTest::newRow("udp port 70000") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"70000"_s};
    QTest::newRow("tcp without port") << QStringList{u"tcp"_s, u"127.0.0.1"_s};
    QTest::newRow("tcp three arguments") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"81"_s};
    QTest::newRow("tcp unknown option") << QStringList{u"tcp"_s, u"--bogus"_s, u"127.0.0.1"_s, u"80"_s};
    QTest::newRow("udp unknown option") << QStringList{u"udp"_s, u"--until"_s, u"eof"_s, u"127.0.0.1"_s, u"80"_s};
    QTest::newRow("bad hex") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--send-hex"_s, u"47 4"_s};
    QTest::newRow("--body and --out the same file")
        << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--out"_s, u"reply.bin"_s, u"--body"_s, u"./reply.bin"_s};
    QTest::newRow("not hex") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"80"_s, u"--send-hex"_s, u"4g"_s};
    QTest::newRow("bad escape") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--send"_s, uR"(\q)"_s};
    QTest::newRow("short \\x escape") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--send"_s, uR"(\x4)"_s};
    QTest::newRow("two payloads")
        << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--send"_s, http10, u"--send-hex"_s, u"41"_s};
    QTest::newRow("-4 and -6") << QStringList{u"tcp"_s, u"-4"_s, u"-6"_s, u"localhost"_s, u"80"_s};
    QTest::newRow("unknown --until") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--until"_s, u"forever"_s};
    QTest::newRow("--until bytes:0") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--until"_s, u"bytes:0"_s};
    QTest::newRow("--until idle:x") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--until"_s, u"idle:x"_s};
    QTest::newRow("tcp unknown --format") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--format"_s, u"xml"_s};
    QTest::newRow("udp unknown --format") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"80"_s, u"--format"_s, u"text"_s};
    QTest::newRow("negative --timeout") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--timeout"_s, u"-5"_s};
    QTest::newRow("--max-bytes x") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--max-bytes"_s, u"x"_s};
    QTest::newRow("--recv-size 0") << QStringList{u"tcp"_s, u"127.0.0.1"_s, u"80"_s, u"--recv-size"_s, u"0"_s};
    QTest::newRow("udp --bind 70000") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"80"_s, u"--bind"_s, u"70000"_s};
    QTest::newRow("udp --count -1") << QStringList{u"udp"_s, u"127.0.0.1"_s, u"80"_s, u"--count"_s, u"-1"_s};
    QTest::newRow("resolve without host") << QStringList{u"resolve"_s};
    QTest::newRow("resolve unknown flag") << QStringList{u"resolve"_s, u"localhost"_s, u"--flags"_s, u"bogus"_s};
    QTest::newRow("resolve unknown family") << QStringList{u"resolve"_s, u"localhost"_s, u"--family"_s, u"ipx"_s};
    QTest::newRow("resolve unknown type") << QStringList{u"resolve"_s, u"localhost"_s, u"--type"_s, u"raw"_s};
    QTest::newRow("resolve protocol 300") << QStringList{u"resolve"_s, u"localhost"_s, u"--protocol"_s, u"300"_s};
    QTest::newRow("resolve unknown --format") << QStringList{u"resolve"_s, u"localhost"_s, u"--format"_s, u"xml"_s};
    QTest::newRow("reverse a name") << QStringList{u"reverse"_s, u"localhost"_s};
    QTest::newRow("reverse port 70000") << QStringList{u"reverse"_s, u"127.0.0.1"_s, u"70000"_s};
    QTest::newRow("reverse unknown flag") << QStringList{u"reverse"_s, u"127.0.0.1"_s, u"--flags"_s, u"canonname"_s};
    QTest::newRow("serve nothing") << QStringList{u"serve"_s};
    QTest::newRow("serve unknown kind") << QStringList{u"serve"_s, u"gopher"_s};
    QTest::newRow("serve port 70000") << QStringList{u"serve"_s, u"http"_s, u"--port"_s, u"70000"_s};
    QTest::newRow("serve bind a name") << QStringList{u"serve"_s, u"http"_s, u"--bind"_s, u"localhost"_s};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    CHECKED(checkUsageError(cli(arguments)));
}

void TestCli::help_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");

    QTest::newRow("tcp") << u"tcp"_s
                         << QStringList{u"--send"_s, u"--send-hex"_s, u"--send-file"_s, u"--crlf"_s, u"--until"_s,
                                        u"--timeout"_s, u"--connect-timeout"_s, u"--max-bytes"_s, u"--format"_s,
                                        u"--out"_s, u"--body"_s, u"--trace"_s, u"-4"_s, u"-6"_s};
    QTest::newRow("udp") << u"udp"_s
                         << QStringList{u"--send"_s, u"--wait"_s, u"--count"_s, u"--connect"_s, u"--bind"_s,
                                        u"--recv-size"_s, u"--format"_s};
    QTest::newRow("resolve") << u"resolve"_s
                             << QStringList{u"--family"_s, u"--type"_s, u"--protocol"_s, u"--flags"_s, u"--format"_s};
    QTest::newRow("reverse") << u"reverse"_s << QStringList{u"--flags"_s, u"--format"_s};
    QTest::newRow("serve") << u"serve"_s << QStringList{u"--port"_s, u"--bind"_s};
}

void TestCli::help()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);

    const Result result = cli({command, u"--help"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QByteArray());
    const QStringList text = lines(result.out);
    QVERIFY(!text.isEmpty());
    // The usage line is the command a person types: the sub-command's name included.
    static const QRegularExpression usage(u"^Usage: (?:\\S*/)?socketlab-cli (\\w+) "_s);
    const QRegularExpressionMatch match = usage.match(text.constFirst());
    QVERIFY2(match.hasMatch(), qPrintable(text.constFirst()));
    QCOMPARE(match.captured(1), command);
    for (const QString &option : options)
        QVERIFY2(result.out.contains("  " + option.toLatin1() + ' ') || result.out.contains(", " + option.toLatin1() + ' '),
                 qPrintable(option));

    const Result top = cli({u"--help"_s});
    QVERIFY2(top.finished, top.describe().constData());
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains("  " + command.toLatin1() + ' '));
}

// ---- serve ----

void TestCli::serveHttpStopsOnSigterm()
{
    Server server({u"http"_s, u"--port"_s, u"0"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    QCOMPARE(server.firstLine(), u"Listening on 127.0.0.1:%1 (http). Stop with Ctrl+C."_s.arg(server.port()));
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s,
                               uR"(GET /nowhere HTTP/1.0\r\n\r\n)"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(report.value("http"_L1)["status"_L1].toInt(), 404);
    QCOMPARE(report.value("http"_L1)["reason"_L1].toString(), u"Not Found"_s);
    QCOMPARE(server.stop(SIGTERM), 0);
    QCOMPARE(lines(server.process().readAllStandardOutput()).constLast(), u"Stopped."_s);
    QCOMPARE(server.process().readAllStandardError(), QByteArray());
}

void TestCli::serveEcho()
{
    Server server({u"echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    QCOMPARE(server.firstLine(), u"Listening on 127.0.0.1:%1 (echo). Stop with Ctrl+C."_s.arg(server.port()));
    const Result result = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send-hex"_s, u"00 01 fe ff 0d 0a"_s,
                               u"--until"_s, u"bytes:6"_s, u"--format"_s, u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    QCOMPARE(base64Data(report.value("data_base64"_L1)), "\x00\x01\xfe\xff\r\n"_ba);
    QVERIFY(report.value("http"_L1).isNull());

    const Result idle = cli({u"tcp"_s, u"127.0.0.1"_s, server.service(), u"--send"_s, u"ping"_s, u"--until"_s,
                             u"idle:200"_s, u"--format"_s, u"raw"_s});
    QVERIFY2(idle.finished, idle.describe().constData());
    QCOMPARE(idle.exitCode, 0);
    QCOMPARE(idle.out, "ping"_ba);
    QCOMPARE(server.stop(SIGTERM), 0);
}

void TestCli::serveLogsOpenClientsOnStop()
{
    // A client still connected when the server stops, like one whose end was still being reported:
    // its lines come before "Stopped.", never lost with the queued report.
    Server server({u"echo"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(server.port());
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    socklen_t len = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &len);
    const QString connected = u"client 1 connected from 127.0.0.1:%1"_s.arg(ntohs(address.sin_port));
    const QDeadlineTimer deadline(10000);
    while (!server.process().canReadLine() && !deadline.hasExpired())
        server.process().waitForReadyRead(100);
    QCOMPARE(QString::fromUtf8(server.process().readLine()).trimmed(), connected);

    QCOMPARE(server.stop(SIGTERM), 0);
    char byte = 0;
    QCOMPARE(::recv(fd, &byte, 1, 0), ssize_t(0));
    ::close(fd);
    QCOMPARE(lines(server.process().readAllStandardOutput()),
             (QStringList{u"client 1 closed: 0 bytes in, 0 bytes out"_s, u"Stopped."_s}));
}

void TestCli::serveReplyAndLog()
{
    Server reply({u"reply"_s, u"--reply"_s, u"220 ready\\r\\n"_s});
    QVERIFY2(reply.port(), qPrintable(reply.firstLine()));
    const Result answered = cli({u"tcp"_s, u"127.0.0.1"_s, reply.service(), u"--send"_s, u"hello"_s, u"--until"_s,
                                 u"idle:200"_s, u"--format"_s, u"raw"_s});
    QCOMPARE(answered.exitCode, 0);
    QCOMPARE(answered.out, "220 ready\r\n"_ba);
    QCOMPARE(reply.stop(SIGTERM), 0);

    Server udpReply({u"udp-reply"_s, u"--reply"_s, u"\\x00pong"_s});
    QVERIFY2(udpReply.port(), qPrintable(udpReply.firstLine()));
    const Result pong = cli({u"udp"_s, u"127.0.0.1"_s, udpReply.service(), u"--send"_s, u"ping"_s, u"--count"_s, u"1"_s,
                             u"--format"_s, u"raw"_s});
    QCOMPARE(pong.exitCode, 0);
    QCOMPARE(pong.out, "\x00pong"_ba);
    QCOMPARE(udpReply.stop(SIGTERM), 0);

    Server log({u"log"_s});
    QVERIFY2(log.port(), qPrintable(log.firstLine()));
    const Result silent = cli({u"tcp"_s, u"127.0.0.1"_s, log.service(), u"--send"_s, u"anyone?"_s, u"--until"_s,
                               u"idle:200"_s, u"--format"_s, u"raw"_s});
    QCOMPARE(silent.exitCode, 0);
    QVERIFY(silent.out.isEmpty());
    QCOMPARE(log.stop(SIGTERM), 0);

    const Result missing = cli({u"serve"_s, u"reply"_s});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("--reply"));
}

void TestCli::serveStopsOnSigint_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("http") << u"http"_s;
    QTest::newRow("echo") << u"echo"_s;
    QTest::newRow("udp-echo") << u"udp-echo"_s;
}

void TestCli::serveStopsOnSigint()
{
    QFETCH(QString, kind);

    Server server({kind});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    QCOMPARE(server.stop(SIGINT), 0);
    // A UDP server says what it counted first.
    const QStringList said = kind.startsWith("udp-"_L1)
        ? QStringList{u"0 datagrams received, 0 dropped by the kernel."_s, u"Stopped."_s}
        : QStringList{u"Stopped."_s};
    QCOMPARE(lines(server.process().readAllStandardOutput()), said);
    QCOMPARE(server.process().readAllStandardError(), QByteArray());
    // Stopped means closed: the port is free again.
    Server again({kind, u"--port"_s, server.service()});
    QCOMPARE(again.port(), server.port());
    QCOMPARE(again.stop(SIGTERM), 0);
}

void TestCli::serveUdpCountsDatagrams()
{
    Server server({u"udp-log"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(server.port());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(::sendto(fd, "hello", 5, 0, reinterpret_cast<const sockaddr *>(&address), sizeof address), ssize_t(5));
    ::close(fd);
    // The sender's line comes once the server has read the datagrams.
    const QDeadlineTimer deadline(10000);
    while (!server.process().canReadLine() && !deadline.hasExpired())
        server.process().waitForReadyRead(100);
    QVERIFY(QString::fromUtf8(server.process().readLine()).startsWith(u"client 1 connected from 127.0.0.1:"_s));
    QCOMPARE(server.stop(SIGTERM), 0);
    QCOMPARE(lines(server.process().readAllStandardOutput()),
             (QStringList{u"3 datagrams received, 0 dropped by the kernel."_s, u"Stopped."_s}));
}

void TestCli::serveBusyPort_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("http") << u"http"_s;
    QTest::newRow("echo") << u"echo"_s;
    QTest::newRow("udp-echo") << u"udp-echo"_s;
}

void TestCli::serveBusyPort()
{
    QFETCH(QString, kind);

    Server first({kind, u"--port"_s, u"0"_s});
    QVERIFY2(first.port(), qPrintable(first.firstLine()));
    const Result second = cli({u"serve"_s, kind, u"--port"_s, first.service()});
    QVERIFY2(second.finished, second.describe().constData());
    QCOMPARE(second.exitCode, 3);
    QCOMPARE(second.out, QByteArray());
    QCOMPARE(second.err.count('\n'), 1);
    QVERIFY2(second.err.contains("EADDRINUSE"), second.err.constData());
    QCOMPARE(first.stop(SIGTERM), 0);
}

void TestCli::serveIpv6()
{
    Server server({u"http"_s, u"--bind"_s, u"::1"_s});
    QVERIFY2(server.port(), qPrintable(server.firstLine()));
    QCOMPARE(server.host(), u"[::1]"_s);
    const Result result = cli({u"tcp"_s, u"::1"_s, server.service(), u"--send"_s, NotebookHttp11Text, u"--format"_s,
                               u"json"_s});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitCode, 0);
    const QJsonObject report = jsonOf(result);
    CHECKED(checkTcpReport(report));
    CHECKED(checkAddress(report.value("connected_to"_L1), u"AF_INET6"_s, u"::1"_s, server.port()));
    QVERIFY(base64Data(report.value("data_base64"_L1)).endsWith(NotebookBody));
    QCOMPARE(server.stop(SIGTERM), 0);
}

QTEST_GUILESS_MAIN(TestCli)

#include "tst_cli.moc"
