#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationtranscript.h"
#include "conversationtesting.h"
#include "net/trace.h"
#include "text/translations.h"
#include "peerprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <cstring>

using namespace SocketLab;
using namespace ConversationTesting;
using Kind = ConversationEvent::Kind;
using Format = ConversationTranscript::Format;

namespace {

ConversationTranscript transcriptOf(const Conversation &conversation, const QString &service)
{
    return ConversationTranscript(*conversation.record(), *conversation.trace(), false, QStringLiteral("127.0.0.1"), service);
}

qsizetype receivedMessageCount(const ConversationRecord &record)
{
    qsizetype n = 0;
    for (const ConversationEvent &event : record.events())
        n += event.kind == Kind::Received ? 1 : 0;
    return n;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A byte of every value, then a line end the chat peer answers.
QByteArray binaryLine()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b) {
        if (b != '\n')
            bytes.append(char(b));
    }
    return bytes + '\n';
}

} // namespace

class TestConversationTranscript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void textAndJsonOfAChat();
    void openConversationSavesWhatIsThere();
    void capIsSaid();
    void textIsWrittenInPieces();
    void failedSaveLeavesTheEarlierFile();

private:
    // A whole chat: the greeting, "one", "two", a binary line, TWICE (two recv()), half-close, BYE, FIN, close().
    void chat(Conversation &conversation, quint16 port);
};

void TestConversationTranscript::initTestCase()
{
    // The English catalogue gives the plurals ("1 message", "3 messages").
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestConversationTranscript::chat(Conversation &conversation, quint16 port)
{
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(port)).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("HELLO chat\n"), 10000);
    conversation.send("one\n");
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("ECHO one\n"), 10000);
    conversation.send("two\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("ECHO two\r\n"), 10000);
    conversation.send(binaryLine());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("\xfe\xff\n"), 10000);
    conversation.send("TWICE\n");
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("TWO\n"), 10000);
    conversation.shutdownWrite();
    QTRY_VERIFY_WITH_TIMEOUT(kinds(conversation).contains(Kind::PeerClosed), 10000);
    conversation.close();
    QVERIFY(finished.wait(5000));
}

void TestConversationTranscript::textAndJsonOfAChat()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    Conversation conversation;
    chat(conversation, peer.port());
    if (QTest::currentTestFailed())
        return;
    const ConversationRecord &record = *conversation.record();
    const QString service = QString::number(peer.port());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // The text: every message in time order, each with its time, direction, size and bytes.
    const QString textPath = dir.filePath(QStringLiteral("chat.txt"));
    qint64 size = -1;
    QVERIFY(!transcriptOf(conversation, service).save(Format::Text, textPath, &size).isError());
    const QByteArray text = readFile(textPath);
    QCOMPARE(size, text.size());
    QVERIFY2(text.startsWith("Conversation with 127.0.0.1 port " + service.toLatin1() + " (TCP)\n"), text.left(200));
    QVERIFY(text.contains("Connected to 127.0.0.1:" + service.toLatin1() + " from 127.0.0.1:"));
    QVERIFY(QRegularExpression(QStringLiteral("^Started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(text))
                .hasMatch());
    const QStringList expected{
        QStringLiteral("ms  connected"),
        QStringLiteral("ms  ← received 11 bytes\n    HELLO chat\\n\n"),
        QStringLiteral("ms  → sent 4 bytes\n    one\\n\n"),
        QStringLiteral("ms  ← received 9 bytes\n    ECHO one\\n\n"),
        QStringLiteral("ms  → sent 5 bytes\n    two\\r\\n\n"),
        QStringLiteral("ms  ← received 10 bytes\n    ECHO two\\r\\n\n"),
        QStringLiteral("ms  → sent 256 bytes\n    00000000  00 01 02 03 04 05 06 07  08 09 0b 0c 0d 0e 0f 10  |................|\n"),
        QStringLiteral("    000000f0  f1 f2 f3 f4 f5 f6 f7 f8  f9 fa fb fc fd fe ff 0a  |................|\n"),
        QStringLiteral("ms  → sent 6 bytes\n    TWICE\\n\n"),
        QStringLiteral("ms  ← received 4 bytes\n    ONE\\n\n"),
        QStringLiteral("ms  ← received 4 bytes\n    TWO\\n\n"),
        QStringLiteral("ms  shutdown(SHUT_WR)"),
        QStringLiteral("ms  ← received 6 bytes\n    BYE 4\\n\n"),
        QStringLiteral("ms  the peer closed its side (FIN)"),
        QStringLiteral("ms  close()"),
        QStringLiteral("Sent 271 bytes in 4 messages.\n"),
        QStringLiteral("Received 305 bytes in %1 messages.\n").arg(receivedMessageCount(record)),
    };
    const QString written = QString::fromUtf8(text);
    qsizetype at = 0;
    for (const QString &piece : expected) {
        const qsizetype found = written.indexOf(piece, at);
        QVERIFY2(found >= 0, qPrintable(QStringLiteral("not found after %1: %2\n%3").arg(at).arg(piece, written)));
        at = found + piece.size();
    }
    // Each event's line starts with its time, three decimals.
    QRegularExpression timeLine(QStringLiteral("^ +[\\d,]+\\.\\d{3} ms  "), QRegularExpression::MultilineOption);
    QCOMPARE(written.count(timeLine), record.events().size());
    QVERIFY(!written.contains(QStringLiteral("not kept")));
    QVERIFY(!written.contains(QStringLiteral("still open")));

    // The JSON: the shape of talk --format json; every message's bytes exactly, each recv() its own.
    const QString jsonPath = dir.filePath(QStringLiteral("chat.json"));
    QVERIFY(!transcriptOf(conversation, service).save(Format::Json, jsonPath, &size).isError());
    const QByteArray json = readFile(jsonPath);
    QCOMPARE(size, json.size());
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(object.value(u"transport").toString(), QStringLiteral("tcp"));
    QCOMPARE(object.value(u"connected_to").toObject().value(u"port").toInt(), int(peer.port()));
    QCOMPARE(object.value(u"sent_bytes").toInteger(), qint64(271));
    QCOMPARE(object.value(u"received_bytes").toInteger(), qint64(305));
    QCOMPARE(object.value(u"messages_not_kept").toInteger(), qint64(0));
    QCOMPARE(object.value(u"stop").toObject().value(u"reason").toString(), QStringLiteral("peer_closed"));
    QVERIFY(object.value(u"error").isNull());
    QVERIFY(!object.value(u"trace").toArray().isEmpty());
    QVERIFY(object.value(u"tls").isNull());
    const QJsonArray messages = object.value(u"messages").toArray();
    QList<ConversationEvent> dataEvents;
    for (const ConversationEvent &event : record.events()) {
        if (event.carriesBytes())
            dataEvents.append(event);
    }
    QCOMPARE(messages.size(), dataEvents.size());
    QByteArray sentBytes;
    QByteArray receivedBytes;
    QList<QByteArray> receivedMessages;
    double lastTime = -1;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const ConversationEvent &event = dataEvents.at(i);
        const bool sent = event.kind == Kind::Sent;
        QCOMPARE(message.value(u"direction").toString(), sent ? QStringLiteral("sent") : QStringLiteral("received"));
        const QByteArray bytes = QByteArray::fromBase64(message.value(u"data_base64").toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
        QCOMPARE(bytes, (sent ? record.sent() : record.received()).read(event.offset, event.size));
        QCOMPARE(message.value(u"size").toInteger(), event.size);
        const double time = message.value(u"t_ms").toDouble();
        QVERIFY(time >= lastTime);
        lastTime = time;
        QVERIFY(message.value(u"step").isNull());
        (sent ? sentBytes : receivedBytes) += bytes;
        if (!sent)
            receivedMessages.append(bytes);
    }
    QCOMPARE(sentBytes, QByteArray("one\ntwo\r\n" + binaryLine() + "TWICE\n"));
    QCOMPARE(receivedBytes, record.received().toByteArray());
    // TWICE's answer came in two send() calls 500 ms apart: two messages, as two recv() returned them.
    QVERIFY(receivedMessages.contains(QByteArrayLiteral("ONE\n")));
    QVERIFY(receivedMessages.contains(QByteArrayLiteral("TWO\n")));
}

void TestConversationTranscript::openConversationSavesWhatIsThere()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    conversation.send("one\n");
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("ECHO one\n"), 10000);
    const ConversationTranscript transcript = transcriptOf(conversation, QString::number(peer.port()));
    QCOMPARE(transcript.stopFromRecord().code, QStringLiteral("open"));
    QByteArray text;
    QCOMPARE(transcript.writeText([&text](const char *data, qint64 n) {
        text.append(data, n);
        return 0;
    }),
             0);
    QVERIFY(text.contains("ECHO one\\n"));
    QVERIFY(text.contains("The conversation was still open when this transcript was written."));
    QCOMPARE(transcript.json(transcript.stopFromRecord()).value(u"stop").toObject().value(u"reason").toString(),
             QStringLiteral("open"));
}

void TestConversationTranscript::capIsSaid()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("3")});
    QVERIFY(peer.port());
    ConversationRequest request = chatRequest(peer.port());
    request.recvSize = 16;
    request.maxKeptBytes = 20;
    Conversation conversation;
    QVERIFY(!conversation.start(request).isError());
    QTRY_COMPARE_WITH_TIMEOUT(conversation.record()->receivedBytes(), qint64(32), 10000);
    const ConversationTranscript transcript = transcriptOf(conversation, QString::number(peer.port()));
    QByteArray text;
    transcript.writeText([&text](const char *data, qint64 n) {
        text.append(data, n);
        return 0;
    });
    QVERIFY2(text.contains("    HELLO chat\\n\n"), text);
    QVERIFY2(!text.contains("TICK"), text);
    // The counts stay exact: the ticks are counted in the totals and said not kept.
    QVERIFY2(text.contains("Received 32 bytes in 1 message.\n"), text);
    QVERIFY2(text.contains("3 messages past the conversation's cap were counted but not kept"), text);
    const QJsonObject json = transcript.json(transcript.stopFromRecord());
    QCOMPARE(json.value(u"received_bytes").toInteger(), qint64(32));
    QCOMPARE(json.value(u"messages_not_kept").toInteger(), qint64(3));
    QCOMPARE(json.value(u"messages").toArray().size(), 1);
}

void TestConversationTranscript::textIsWrittenInPieces()
{
    // 16 MiB of binary in 64 KiB sends, as a flood of data would leave it: the text never in one piece.
    ConversationRecord record(64 * 1024 * 1024, 1000);
    Trace trace;
    QByteArray chunk(64 * 1024, '\0');
    for (qsizetype i = 0; i < chunk.size(); ++i)
        chunk[i] = char(i * 7);
    for (int i = 0; i < 256; ++i) {
        ByteStore &store = record.sentStore();
        qint64 done = 0;
        while (done < chunk.size()) {
            const std::span<char> room = store.writableSpan(chunk.size() - done);
            const qint64 n = qMin<qint64>(qint64(room.size()), chunk.size() - done);
            std::memcpy(room.data(), chunk.constData() + done, size_t(n));
            store.commit(n);
            done += n;
        }
        store.endSegment(i);
        ConversationEvent event;
        event.kind = Kind::Sent;
        event.timeUs = i;
        event.offset = qint64(i) * chunk.size();
        event.size = chunk.size();
        record.addData(event, true);
    }
    record.markOver();
    const ConversationTranscript transcript(record, trace, false, QStringLiteral("localhost"), QStringLiteral("7"));
    qint64 largest = 0;
    qint64 total = 0;
    qint64 rows = 0;
    QCOMPARE(transcript.writeText([&](const char *data, qint64 n) {
        largest = qMax(largest, n);
        total += n;
        // A row ends in "|\n"; a '|' byte in the text column is not followed by a line end.
        for (const char *at = data; (at = static_cast<const char *>(std::memchr(at, '\n', size_t(data + n - at)))); ++at)
            rows += at > data && at[-1] == '|' ? 1 : 0;
        return 0;
    }),
             0);
    QVERIFY2(largest <= 2 * 1024 * 1024, QByteArray::number(largest));
    // Every byte on a hex row of 16.
    QCOMPARE(rows, qint64(16 * 1024 * 1024 / 16));
    QVERIFY(total > 16 * 1024 * 1024 * 4);
    // A write that fails stops the text there, with its errno.
    int calls = 0;
    QCOMPARE(transcript.writeText([&calls](const char *, qint64) {
        ++calls;
        return ENOSPC;
    }),
             ENOSPC);
    QCOMPARE(calls, 1);
}

void TestConversationTranscript::failedSaveLeavesTheEarlierFile()
{
    ConversationRecord record(1024, 100);
    Trace trace;
    record.markOver();
    const ConversationTranscript transcript(record, trace, true, QStringLiteral("localhost"), QStringLiteral("7"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qint64 size = -1;
    const NetError missing = transcript.save(Format::Text, dir.filePath(QStringLiteral("no/such/dir/t.txt")), &size);
    QCOMPARE(missing.kind, NetError::Kind::File);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("no/such/dir/t.txt"))));

    // A write that fails half-way: the earlier file stays whole, and nothing else is left beside it.
    const QString path = dir.filePath(QStringLiteral("t.txt"));
    QFile earlier(path);
    QVERIFY(earlier.open(QIODevice::WriteOnly));
    earlier.write("earlier\n");
    earlier.close();
    const NetError full = writeToFile(path, [](const FileWriter &write) {
        if (const int code = write("half", 4); code != 0)
            return code;
        return ENOSPC;
    });
    QCOMPARE(full.kind, NetError::Kind::File);
    QCOMPARE(full.systemCode, ENOSPC);
    QCOMPARE(readFile(path), QByteArrayLiteral("earlier\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("t.txt")});
    QVERIFY(!transcript.save(Format::Text, path, &size).isError());
    const QByteArray text = readFile(path);
    QCOMPARE(size, text.size());
    QVERIFY(text.startsWith("Conversation with localhost port 7 (UDP)\n"));
}

QTEST_GUILESS_MAIN(TestConversationTranscript)
#include "tst_conversationtranscript.moc"
