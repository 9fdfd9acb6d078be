#include "conversation/conversationfile.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationrecord.h"
#include "conversationtesting.h"
#include "net/trace.h"
#include "text/conversationfiletext.h"
#include "threads/blockingcallpool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace SocketLab;
using Kind = ConversationEvent::Kind;
using ConversationTesting::addData;
using ConversationTesting::addEvent;

namespace {

QByteArray everyByte()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b)
        bytes.append(char(b));
    return bytes;
}

SocketAddress address(const char *host, quint16 port)
{
    return *SocketAddress::fromNumeric(QString::fromLatin1(host), port);
}

ConversationRequest tcpRequest()
{
    ConversationRequest request;
    request.host = QStringLiteral("example.test");
    request.service = QStringLiteral("7777");
    request.family = IpFamily::V4;
    request.tls.enabled = true;
    request.connectTimeoutMs = 1234;
    request.socketOptions = {{SocketOptionName::NoDelay, 1}, {SocketOptionName::Linger, SocketOptionSetting::LingerOff}};
    request.localAddress = address("127.0.0.1", 40000);
    return request;
}

void compareEvents(const ConversationRecord &a, const ConversationRecord &b)
{
    const QList<ConversationEvent> left = a.events();
    const QList<ConversationEvent> right = b.events();
    QCOMPARE(right.size(), left.size());
    for (qsizetype i = 0; i < left.size(); ++i) {
        const ConversationEvent &x = left.at(i);
        const ConversationEvent &y = right.at(i);
        QCOMPARE(int(y.kind), int(x.kind));
        QCOMPARE(y.timeUs, x.timeUs);
        QCOMPARE(y.size, x.size);
        QCOMPARE(y.peer, x.peer);
        QCOMPARE(y.truncated, x.truncated);
        QCOMPARE(y.closeNotifyMissing, x.closeNotifyMissing);
        QCOMPARE(y.step, x.step);
        QCOMPARE(int(y.error.kind), int(x.error.kind));
        QCOMPARE(y.error.systemCode, x.error.systemCode);
        QCOMPARE(y.error.errnoCode, x.error.errnoCode);
        QCOMPARE(y.error.call, x.error.call);
        QCOMPARE(y.error.detail, x.error.detail);
        QCOMPARE(y.error.message, x.error.message);
        QCOMPARE(y.error.symbol, x.error.symbol);
        QCOMPARE(bool(y.option), bool(x.option));
        if (x.option) {
            QCOMPARE(y.option->asked, x.option->asked);
            QCOMPARE(y.option->systemName, x.option->systemName);
            QCOMPARE(y.option->effective, x.option->effective);
            QCOMPARE(y.option->readBack, x.option->readBack);
            QCOMPARE(int(y.option->adjustment), int(x.option->adjustment));
            QCOMPARE(y.option->systemLimit, x.option->systemLimit);
        }
        if (x.carriesBytes()) {
            const ByteStore &xs = x.kind == Kind::Sent ? a.sent() : a.received();
            const ByteStore &ys = y.kind == Kind::Sent ? b.sent() : b.received();
            QCOMPARE(ys.read(y.offset, y.size), xs.read(x.offset, x.size));
        }
    }
    QCOMPARE(b.sent().toByteArray(), a.sent().toByteArray());
    QCOMPARE(b.received().toByteArray(), a.received().toByteArray());
    // One segment per message, as the worker's stores have.
    QCOMPARE(b.sent().segments().size(), a.sent().segments().size());
    QCOMPARE(b.received().segments().size(), a.received().segments().size());
    QCOMPARE(b.sentBytes(), a.sentBytes());
    QCOMPARE(b.receivedBytes(), a.receivedBytes());
    QCOMPARE(b.sentMessages(), a.sentMessages());
    QCOMPARE(b.receivedMessages(), a.receivedMessages());
    QCOMPARE(b.droppedEvents(), a.droppedEvents());
    QCOMPARE(b.eventCount(), a.eventCount());
    QVERIFY(b.isOver());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestConversationFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tcpConversationReadsBackExactly();
    void udpDatagramsReadBackExactly();
    void conversationNearItsCaps();
    void jsonIsWrittenInPieces();
    void cutShortIsSaid();
    void scriptIsKeptWhole();
    void summaryIsReadFromTheFileStartAlone();
    void refusedFiles_data();
    void refusedFiles();
    void tooLargeIsRefusedUnread();
    void historyListsNewestFirstAndSkipsBadFiles();
    void historyLimitsPrune();
    void historyRemovesAndClears();

private:
    QTemporaryDir m_dir;
};

void TestConversationFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestConversationFile::tcpConversationReadsBackExactly()
{
    ConversationRecord record(1 << 20, 1000);
    ConversationSetup setup;
    setup.connectedTo = address("192.0.2.7", 7777);
    setup.local = address("127.0.0.1", 40000);
    SocketOptionOutcome nodelay;
    nodelay.asked = {SocketOptionName::NoDelay, 1};
    nodelay.systemName = QStringLiteral("TCP_NODELAY");
    nodelay.readBack = true;
    nodelay.effective = 1;
    SocketOptionOutcome buffer;
    buffer.asked = {SocketOptionName::ReceiveBuffer, 1000};
    buffer.systemName = QStringLiteral("SO_RCVBUF");
    buffer.readBack = true;
    buffer.effective = 2304;
    buffer.adjustment = SocketOptionAdjustment::RaisedToMinimum;
    buffer.systemLimit = 212992;
    setup.socketOptions = {nodelay};
    record.setSetup(setup);
    addEvent(record, Kind::Connected, 1501);
    addData(record, Kind::Received, 2002, QByteArrayLiteral("HELLO\r\n"));
    addData(record, Kind::Sent, 3003, everyByte(), {}, false, 4);
    addData(record, Kind::Received, 3999, everyByte());
    addData(record, Kind::Received, 4000, QByteArray(1, '\0'));
    ConversationEvent option;
    option.kind = Kind::OptionSet;
    option.timeUs = 5123;
    option.step = 6;
    option.option = std::make_shared<const SocketOptionOutcome>(buffer);
    record.add(option);
    addEvent(record, Kind::ShutdownWrite, 6000);
    ConversationEvent fin;
    fin.kind = Kind::PeerClosed;
    fin.timeUs = 7000;
    fin.closeNotifyMissing = true;
    record.add(fin);
    NetError reset = NetError::fromErrno(ECONNRESET, QStringLiteral("recv"), QStringLiteral("detail"));
    reset.symbol = QStringLiteral("SYM");
    addEvent(record, Kind::PeerReset, 987654321012, reset);
    record.markOver();
    Trace trace;
    trace.record(QStringLiteral("connect"), QStringLiteral("fd, {AF_INET, 192.0.2.7:7777}, 16"), -1, EINPROGRESS);
    trace.recordStatus(QStringLiteral("SSL_connect"), QStringLiteral("ssl"), -1, QStringLiteral("SSL_ERROR_WANT_READ"),
                       QStringLiteral("waiting"));
    for (int i = 0; i < 3; ++i)
        trace.recordData("recv", 100, 0, [] { return QStringLiteral("fd, buf, 65536, 0"); });

    const QString path = m_dir.filePath(QStringLiteral("tcp.json"));
    const QDateTime started = QDateTime::fromString(QStringLiteral("2026-12-06T21:00:01.234Z"), Qt::ISODateWithMs);
    qint64 size = 0;
    QVERIFY(!ConversationFile::write(path, record, trace, tcpRequest(), started, false, &size).isError());
    QCOMPARE(size, QFileInfo(path).size());

    // The talk --format json keys are there as the CLI writes them, for any reader of the file.
    const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(root.value(QStringLiteral("transport")).toString(), QStringLiteral("tcp"));
    QCOMPARE(root.value(QStringLiteral("messages")).toArray().size(), 4);
    QCOMPARE(root.value(QStringLiteral("messages")).toArray().at(1).toObject().value(QStringLiteral("data_base64")).toString(),
             QString::fromLatin1(everyByte().toBase64()));
    QCOMPARE(root.value(QStringLiteral("stop")).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("peer_reset"));

    ConversationFileError error;
    const std::optional<SavedConversation> saved = ConversationFile::read(path, &error);
    QVERIFY2(saved, qPrintable(describeConversationFileError(path, error)));
    compareEvents(record, *saved->record);
    QCOMPARE(saved->record->setup().connectedTo, setup.connectedTo);
    QCOMPARE(saved->record->setup().local, setup.local);
    QCOMPARE(saved->record->setup().socketOptions.size(), 1);
    QCOMPARE(saved->record->setup().socketOptions.at(0).effective, 1);
    const QList<TraceEntry> entries = trace.entries();
    const QList<TraceEntry> back = saved->trace->entries();
    QCOMPARE(back.size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(back.at(i).timeUs, entries.at(i).timeUs);
        QCOMPARE(back.at(i).call, entries.at(i).call);
        QCOMPARE(back.at(i).args, entries.at(i).args);
        QCOMPARE(back.at(i).result, entries.at(i).result);
        QCOMPARE(back.at(i).errnoCode, entries.at(i).errnoCode);
        QCOMPARE(back.at(i).count, entries.at(i).count);
        QCOMPARE(back.at(i).totalBytes, entries.at(i).totalBytes);
        QCOMPARE(back.at(i).lastTimeUs, entries.at(i).lastTimeUs);
        QCOMPARE(back.at(i).status, entries.at(i).status);
        QCOMPARE(back.at(i).statusDetail, entries.at(i).statusDetail);
    }
    QCOMPARE(saved->trace->callCount(), trace.callCount());

    const ConversationSummary &summary = saved->summary;
    QCOMPARE(summary.startedAt, started);
    QCOMPARE(summary.request.host, QStringLiteral("example.test"));
    QCOMPARE(summary.request.service, QStringLiteral("7777"));
    QCOMPARE(int(summary.request.family), int(IpFamily::V4));
    QVERIFY(summary.request.tls.enabled);
    QCOMPARE(summary.request.connectTimeoutMs, 1234);
    QCOMPARE(summary.request.socketOptions, tcpRequest().socketOptions);
    QCOMPARE(summary.request.localAddress, tcpRequest().localAddress);
    QCOMPARE(summary.stop.code, QStringLiteral("peer_reset"));
    QCOMPARE(summary.stop.error.systemCode, ECONNRESET);
    QCOMPARE(summary.stop.error.symbol, QStringLiteral("SYM"));
    QVERIFY(!summary.cutShort);
    QCOMPARE(summary.sentBytes, 256);
    QCOMPARE(summary.receivedBytes, 7 + 256 + 1);

    // The summary alone reads the same and has the messages' start for the search.
    const std::optional<ConversationSummary> alone = ConversationFile::readSummary(path, &error);
    QVERIFY(alone);
    QVERIFY(alone->searchText.startsWith(QStringLiteral("HELLO\r\n")));
    QCOMPARE(alone->stop.code, summary.stop.code);
}

// Bytes this process has read so far (Linux's rchar: every read(), from the disk or its cache).
qint64 bytesReadSoFar()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("rchar: "))
            return line.mid(7).toLongLong();
    }
    return -1;
}

void TestConversationFile::summaryIsReadFromTheFileStartAlone()
{
    ConversationRecord record(8 << 20, 1000);
    addEvent(record, Kind::Connected, 1);
    addData(record, Kind::Sent, 2, QByteArrayLiteral("HELLO\r\n"));
    for (int i = 0; i < 20; ++i)
        addData(record, Kind::Received, 10 + i, QByteArray(100 * 1024, char('a' + i)));
    addEvent(record, Kind::PeerClosed, 100);
    record.markOver();
    Trace trace;
    const QString path = m_dir.filePath(QStringLiteral("lead.json"));
    const QString script = QStringLiteral("send \"HELLO\\r\\n\"\nexpect \"a\"\n");
    qint64 size = 0;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QVERIFY(!ConversationFile::write(path, record, trace, tcpRequest(), started, true, &size, script).isError());
    QCOMPARE(size, QFileInfo(path).size());

    // The same file as one written before summaries were: the lead taken off.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    file.close();
    const QRegularExpressionMatch lead = QRegularExpression(QStringLiteral("^\\{\"summary_bytes\":(\\d+),\"summary\":"))
                                             .match(QString::fromLatin1(whole.left(64)));
    QVERIFY(lead.hasMatch());
    const qsizetype leadEnd = lead.capturedLength(0) + lead.captured(1).toLongLong() + 1;
    QCOMPARE(whole.at(leadEnd - 1), ',');
    const QByteArray older = '{' + whole.mid(leadEnd);
    QJsonObject wholeObject = QJsonDocument::fromJson(whole).object();
    QVERIFY(wholeObject.contains(QStringLiteral("summary")));
    wholeObject.remove(QStringLiteral("summary"));
    wholeObject.remove(QStringLiteral("summary_bytes"));
    QCOMPARE(QJsonDocument::fromJson(older).object(), wholeObject);
    const QString olderPath = m_dir.filePath(QStringLiteral("older.json"));
    QFile olderFile(olderPath);
    QVERIFY(olderFile.open(QIODevice::WriteOnly));
    olderFile.write(older);
    olderFile.close();

    ConversationFileError error;
    const qint64 before = bytesReadSoFar();
    const std::optional<ConversationSummary> fast = ConversationFile::readSummary(path, &error);
    const qint64 read = bytesReadSoFar() - before;
    const std::optional<ConversationSummary> slow = ConversationFile::readSummary(olderPath, &error);
    QVERIFY(fast && slow);
    // The summary and the first 64 KiB of the messages' bytes it carries, not the 2 MiB after them.
    qInfo("summary read: %lld of %lld bytes", read, qint64(whole.size()));
    QVERIFY2(before < 0 || read < 256 * 1024, qPrintable(QString::number(read)));
    QCOMPARE(fast->fileSize, qint64(whole.size()));
    QCOMPARE(fast->request.host, slow->request.host);
    QCOMPARE(fast->request.service, slow->request.service);
    QCOMPARE(fast->request.connectTimeoutMs, slow->request.connectTimeoutMs);
    QCOMPARE(fast->startedAt, slow->startedAt);
    QCOMPARE(fast->stop.code, slow->stop.code);
    QCOMPARE(fast->stop.detail, slow->stop.detail);
    QCOMPARE(fast->stop.error.kind, slow->stop.error.kind);
    QCOMPARE(fast->cutShort, slow->cutShort);
    QCOMPARE(fast->script, script);
    QCOMPARE(slow->script, script);
    QCOMPARE(fast->sentBytes, slow->sentBytes);
    QCOMPARE(fast->receivedBytes, slow->receivedBytes);
    QCOMPARE(fast->searchText, slow->searchText);
    QCOMPARE(fast->searchText.size(), ConversationFile::SearchBytes);

    // Damage past the summary does not reach the list; opening the conversation finds it.
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(whole.size() / 2));
    file.write("\"]}}not json");
    file.close();
    QVERIFY(ConversationFile::readSummary(path, &error));
    QVERIFY(!ConversationFile::read(path, &error));
    QCOMPARE(error.kind, ConversationFileError::Kind::NotJson);
}

void TestConversationFile::udpDatagramsReadBackExactly()
{
    ConversationRecord record(1 << 20, 1000);
    ConversationSetup setup;
    setup.local = address("::1", 5353);
    record.setSetup(setup);
    addEvent(record, Kind::Connected, 10);
    addData(record, Kind::Sent, 20, QByteArrayLiteral("ping"), address("::1", 9999));
    addData(record, Kind::Received, 30, QByteArray(), address("::1", 9999));
    addData(record, Kind::Received, 40, everyByte(), address("127.0.0.1", 9998), true);
    addEvent(record, Kind::Failed, 50, NetError::cancelled());
    record.markOver();
    Trace trace;
    ConversationRequest request;
    request.transport = ConversationRequest::Transport::Udp;
    request.host = QStringLiteral("::1");
    request.service = QStringLiteral("9999");
    request.udpConnected = false;
    const QString path = m_dir.filePath(QStringLiteral("udp.json"));
    qint64 size = 0;
    QVERIFY(!ConversationFile::write(path, record, trace, request, QDateTime::currentDateTimeUtc(), false, &size).isError());
    ConversationFileError error;
    const std::optional<SavedConversation> saved = ConversationFile::read(path, &error);
    QVERIFY2(saved, qPrintable(describeConversationFileError(path, error)));
    compareEvents(record, *saved->record);
    QCOMPARE(saved->record->setup().local, setup.local);
    QCOMPARE(int(saved->summary.request.transport), int(ConversationRequest::Transport::Udp));
    QVERIFY(!saved->summary.request.udpConnected);
    QCOMPARE(saved->summary.stop.code, QStringLiteral("cancelled"));
}

void TestConversationFile::conversationNearItsCaps()
{
    // Kept up to 4 MiB each way; past it, counted only.
    ConversationRecord record(4 * 1024 * 1024, 200000);
    QByteArray piece(64 * 1024, '\0');
    for (int i = 0; i < piece.size(); ++i)
        piece[i] = char((i * 7 + 3) & 0xff);
    addEvent(record, Kind::Connected, 1);
    for (int i = 0; i < 70; ++i) {
        addData(record, Kind::Received, 100 + i, piece);
        addData(record, Kind::Sent, 200 + i, piece.left(1000 + i));
    }
    addEvent(record, Kind::Closed, 9999);
    record.markOver();
    QVERIFY(record.droppedEvents() > 0);
    Trace trace;
    const QString path = m_dir.filePath(QStringLiteral("caps.json"));
    qint64 size = 0;
    ConversationRequest request = tcpRequest();
    QVERIFY(!ConversationFile::write(path, record, trace, request, QDateTime::currentDateTimeUtc(), false, &size).isError());
    ConversationFileError error;
    const std::optional<SavedConversation> saved = ConversationFile::read(path, &error);
    QVERIFY2(saved, qPrintable(describeConversationFileError(path, error)));
    compareEvents(record, *saved->record);
    QCOMPARE(saved->summary.receivedBytes, 70 * piece.size());
}

void TestConversationFile::jsonIsWrittenInPieces()
{
    // One message of 8 MiB: its base64 (11 MiB) reaches the file a piece at a time.
    ConversationRecord record(16 * 1024 * 1024, 100);
    addEvent(record, Kind::Connected, 1);
    addData(record, Kind::Received, 2, QByteArray(8 * 1024 * 1024, 'x'));
    record.markOver();
    Trace trace;
    const ConversationTranscript transcript(record, trace, false, QStringLiteral("h"), QStringLiteral("1"));
    qint64 largest = 0;
    QByteArray whole;
    const int result = transcript.writeJson(
        [&](const char *data, qint64 n) {
            largest = std::max(largest, n);
            whole.append(data, n);
            return 0;
        },
        transcript.stopFromRecord(), {});
    QCOMPARE(result, 0);
    QVERIFY2(largest <= 2 * 1024 * 1024, QByteArray::number(largest));
    // The pieces make the same object the CLI's json() does.
    QCOMPARE(QJsonDocument::fromJson(whole).object(), transcript.json(transcript.stopFromRecord()));
}

void TestConversationFile::cutShortIsSaid()
{
    ConversationRecord record(1024, 100);
    addEvent(record, Kind::Connected, 1);
    addData(record, Kind::Sent, 2, QByteArrayLiteral("still talking"));
    Trace trace;
    const QString path = m_dir.filePath(QStringLiteral("open.json"));
    qint64 size = 0;
    QVERIFY(!ConversationFile::write(path, record, trace, tcpRequest(), QDateTime::currentDateTimeUtc(), true, &size).isError());
    ConversationFileError error;
    const std::optional<ConversationSummary> summary = ConversationFile::readSummary(path, &error);
    QVERIFY(summary);
    QVERIFY(summary->cutShort);
    QCOMPARE(summary->stop.code, QStringLiteral("window_closed"));
    QVERIFY(!summary->stop.detail.isEmpty());
}

void TestConversationFile::scriptIsKeptWhole()
{
    ConversationRecord record(1024, 100);
    addEvent(record, Kind::Connected, 1);
    addData(record, Kind::Sent, 2, QByteArrayLiteral("hi\n"));
    record.markOver();
    Trace trace;
    const QString script = QStringLiteral("# é\nsend hi\\n\nexpect-re [0-9]+\\r\\n\nclose\n");
    const QString path = m_dir.filePath(QStringLiteral("script.json"));
    qint64 size = 0;
    QVERIFY(!ConversationFile::write(path, record, trace, tcpRequest(), QDateTime::currentDateTimeUtc(), false, &size, script)
                 .isError());
    ConversationFileError error;
    const std::optional<SavedConversation> saved = ConversationFile::read(path, &error);
    QVERIFY(saved);
    QCOMPARE(saved->summary.script, script);
    QCOMPARE(ConversationFile::readSummary(path, &error)->script, script);

    // A conversation talked by hand has none, and its file no key for it.
    const QString byHand = m_dir.filePath(QStringLiteral("byhand.json"));
    QVERIFY(!ConversationFile::write(byHand, record, trace, tcpRequest(), QDateTime::currentDateTimeUtc(), false, &size).isError());
    QVERIFY(!readAll(byHand).contains("\"script\""));
    QVERIFY(ConversationFile::readSummary(byHand, &error)->script.isEmpty());
}

void TestConversationFile::refusedFiles_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("edit");
    QTest::newRow("future version") << int(ConversationFileError::Kind::FutureVersion) << QByteArray("version");
    QTest::newRow("truncated") << int(ConversationFileError::Kind::NotJson) << QByteArray("truncate");
    QTest::newRow("not a conversation") << int(ConversationFileError::Kind::NotAConversation) << QByteArray("format");
    QTest::newRow("bad base64") << int(ConversationFileError::Kind::Corrupt) << QByteArray("base64");
    QTest::newRow("size lies") << int(ConversationFileError::Kind::Corrupt) << QByteArray("size");
    QTest::newRow("a message missing") << int(ConversationFileError::Kind::Corrupt) << QByteArray("messages");
    QTest::newRow("event kind unknown") << int(ConversationFileError::Kind::Corrupt) << QByteArray("kind");
    QTest::newRow("time a string") << int(ConversationFileError::Kind::Corrupt) << QByteArray("time");
    QTest::newRow("array") << int(ConversationFileError::Kind::NotJson) << QByteArray("array");
    QTest::newRow("script a number") << int(ConversationFileError::Kind::Corrupt) << QByteArray("script");
}

void TestConversationFile::refusedFiles()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, edit);
    ConversationRecord record(1024, 100);
    addEvent(record, Kind::Connected, 1);
    addData(record, Kind::Sent, 2, QByteArrayLiteral("abc"));
    record.markOver();
    Trace trace;
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    qint64 size = 0;
    QVERIFY(!ConversationFile::write(path, record, trace, tcpRequest(), QDateTime::currentDateTimeUtc(), false, &size).isError());
    QByteArray bytes = readAll(path);
    QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QJsonObject history = root.value(QStringLiteral("history")).toObject();
    QJsonArray events = history.value(QStringLiteral("events")).toArray();
    QJsonArray messages = root.value(QStringLiteral("messages")).toArray();
    QJsonObject message = messages.at(0).toObject();
    QJsonObject event = events.at(1).toObject();
    if (edit == "version") {
        root.insert(QStringLiteral("version"), ConversationFile::Version + 1);
    } else if (edit == "format") {
        root.insert(QStringLiteral("format"), QStringLiteral("something-else"));
    } else if (edit == "base64") {
        message.insert(QStringLiteral("data_base64"), QStringLiteral("!!!!"));
    } else if (edit == "size") {
        event.insert(QStringLiteral("size"), 4);
    } else if (edit == "messages") {
        messages = {};
    } else if (edit == "kind") {
        event.insert(QStringLiteral("kind"), QStringLiteral("teleported"));
    } else if (edit == "time") {
        event.insert(QStringLiteral("t_us"), QStringLiteral("soon"));
    }
    if (!messages.isEmpty())
        messages.replace(0, message);
    events.replace(1, event);
    history.insert(QStringLiteral("events"), events);
    if (edit == "script")
        history.insert(QStringLiteral("script"), 42);
    root.insert(QStringLiteral("history"), history);
    root.insert(QStringLiteral("messages"), messages);
    bytes = QJsonDocument(root).toJson();
    if (edit == "truncate")
        bytes.chop(bytes.size() / 3);
    if (edit == "array")
        bytes = "[1, 2, 3]";
    writeAll(path, bytes);

    ConversationFileError error;
    QVERIFY(!ConversationFile::read(path, &error));
    QCOMPARE(int(error.kind), kind);
    QVERIFY(!describeConversationFileError(QStringLiteral("bad.json"), error).isEmpty());
    // The list reads the keys it shows; the events and bytes are checked when one is opened.
    if (kind != int(ConversationFileError::Kind::Corrupt)) {
        QVERIFY(!ConversationFile::readSummary(path, &error));
        QCOMPARE(int(error.kind), kind);
    }
}

void TestConversationFile::tooLargeIsRefusedUnread()
{
    // Sparse: past the limit without the disk or the memory to hold it.
    const QString path = m_dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ConversationFile::MaxFileBytes + 1));
    file.close();
    ConversationFileError error;
    QVERIFY(!ConversationFile::read(path, &error));
    QCOMPARE(int(error.kind), int(ConversationFileError::Kind::TooLarge));
    QVERIFY(describeConversationFileError(QStringLiteral("huge.json"), error).contains(QStringLiteral("huge.json")));
    QFile::remove(path);
}

namespace {

std::shared_ptr<ConversationRecord> smallRecord(const QByteArray &said)
{
    auto record = std::make_shared<ConversationRecord>(1024, 100);
    addEvent(*record, Kind::Connected, 1);
    addData(*record, Kind::Sent, 2, said);
    addEvent(*record, Kind::Closed, 3);
    record->markOver();
    return record;
}

void saveAndWait(ConversationHistory &history, const QByteArray &said, const QDateTime &started)
{
    QSignalSpy changed(&history, &ConversationHistory::changed);
    ConversationRequest request = tcpRequest();
    request.service = QString::fromLatin1(said);
    history.save(smallRecord(said), std::make_shared<Trace>(), request, started, false);
    QVERIFY(changed.wait(10000));
}

void loadAndWait(ConversationHistory &history)
{
    QSignalSpy loaded(&history, &ConversationHistory::loaded);
    history.load();
    QVERIFY(loaded.wait(10000));
}

} // namespace

void TestConversationFile::historyListsNewestFirstAndSkipsBadFiles()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("conversations"));
    const QDateTime base = QDateTime::currentDateTimeUtc();
    {
        ConversationHistory history(folder);
        saveAndWait(history, "one", base);
        saveAndWait(history, "two", base.addSecs(60));
        // Saved after a later one, started before it: listed by when it started.
        saveAndWait(history, "zero", base.addSecs(-60));
        QCOMPARE(history.conversations().size(), 3);
        QCOMPARE(history.conversations().at(0).request.service, QStringLiteral("two"));
        QCOMPARE(history.conversations().at(2).request.service, QStringLiteral("zero"));
    }
    writeAll(folder + QStringLiteral("/29990101-000000000-ffff.json"), "{\"format\":\"socketlab-conversation\",\"version\":99}");
    writeAll(folder + QStringLiteral("/29990101-000000000-fffe.json"), "not json");
    ConversationHistory history(folder);
    QSignalSpy notices(&history, &ConversationHistory::notice);
    loadAndWait(history);
    QCOMPARE(history.conversations().size(), 3);
    QCOMPARE(history.conversations().at(0).request.service, QStringLiteral("two"));
    QCOMPARE(history.conversations().at(1).request.service, QStringLiteral("one"));
    QCOMPARE(history.conversations().at(2).request.service, QStringLiteral("zero"));
    QCOMPARE(notices.size(), 2);
    QVERIFY(notices.at(0).at(0).toString().contains(QStringLiteral("newer")));
}

void TestConversationFile::historyLimitsPrune()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("conversations"));
    ConversationHistory history(folder);
    const QDateTime base = QDateTime::currentDateTimeUtc();
    history.setLimits(2, ConversationHistory::DefaultMaxBytes);
    saveAndWait(history, "a", base);
    saveAndWait(history, "b", base.addSecs(1));
    saveAndWait(history, "c", base.addSecs(2));
    QCOMPARE(history.conversations().size(), 2);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2);
    QCOMPARE(history.conversations().at(1).request.service, QStringLiteral("b"));

    // Bytes: room for one file, the newest.
    const qint64 one = history.conversations().at(0).fileSize;
    QSignalSpy changed(&history, &ConversationHistory::changed);
    history.setLimits(10, one + one / 2);
    QVERIFY(changed.wait(10000));
    QCOMPARE(history.conversations().size(), 1);
    QCOMPARE(history.conversations().at(0).request.service, QStringLiteral("c"));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);

    // A conversation larger than the whole allowance goes alone: the one kept before it stays.
    saveAndWait(history, QByteArray(2 * one, 'L'), base.addSecs(3));
    QCOMPARE(history.conversations().size(), 1);
    QCOMPARE(history.conversations().at(0).request.service, QStringLiteral("c"));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);

    // A restart with a lower limit lists only what is left.
    ConversationHistory again(folder);
    again.setLimits(0, ConversationHistory::DefaultMaxBytes);
    loadAndWait(again);
    QCOMPARE(again.conversations().size(), 0);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 0);
}

void TestConversationFile::historyRemovesAndClears()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("conversations"));
    ConversationHistory history(folder);
    const QDateTime base = QDateTime::currentDateTimeUtc();
    saveAndWait(history, "a", base);
    saveAndWait(history, "b", base.addSecs(1));
    saveAndWait(history, "c", base.addSecs(2));
    QSignalSpy changed(&history, &ConversationHistory::changed);
    const QString removed = history.conversations().at(1).path;
    history.remove(removed);
    QVERIFY(changed.wait(10000));
    QVERIFY(!QFileInfo::exists(removed));
    QCOMPARE(history.conversations().size(), 2);
    history.clear();
    QVERIFY(changed.wait(10000));
    QCOMPARE(history.conversations().size(), 0);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 0);
}

QTEST_GUILESS_MAIN(TestConversationFile)
#include "tst_conversationfile.moc"
