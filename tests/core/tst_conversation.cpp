#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "conversationtesting.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "testcertificates.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <memory>

using namespace SocketLab;
using namespace ConversationTesting;
using Kind = ConversationEvent::Kind;

namespace {

QList<qint64> receivedSizes(const Conversation &conversation)
{
    QList<qint64> sizes;
    for (const ConversationEvent &event : conversation.record()->events()) {
        if (event.kind == Kind::Received)
            sizes.append(event.size);
    }
    return sizes;
}

// Big enough that no kernel buffer on either side holds it (tcp_wmem and tcp_rmem's maximums
// together): the peer must read while it is written.
constexpr qsizetype BigSend = 32 * 1024 * 1024;
constexpr QByteArrayView Greeting = "HELLO chat\n";
// "TICK 1\n" and more: three of them at least.
constexpr qint64 ThreeTicks = 3 * 7;

QByteArray bigPayload()
{
    const QByteArray alphabet("abcdefghijklmnopqrstuvwxyz");
    return alphabet.repeated(BigSend / alphabet.size() + 1).left(BigSend);
}

qsizetype lastIndexOf(const Conversation &conversation, Kind kind)
{
    return kinds(conversation).lastIndexOf(kind);
}

// Every Sent event's bytes follow the last one's, each with the step that asked; how many there were.
int checkSentEvents(const Conversation &conversation, int step)
{
    int count = 0;
    qint64 next = 0;
    for (const ConversationEvent &event : conversation.record()->events()) {
        if (event.kind != Kind::Sent)
            continue;
        ++count;
        if (event.offset != next || event.size <= 0 || event.step != step)
            return -1;
        next += event.size;
    }
    return count;
}

bool traceHas(const Conversation &conversation, const QString &call)
{
    for (const TraceEntry &entry : conversation.trace()->entries()) {
        if (entry.call == call)
            return true;
    }
    return false;
}

} // namespace

class TestConversation : public QObject
{
    Q_OBJECT

private slots:
    void greetingArrivesBeforeAnySend();
    void messagesBothWaysKeepEachRecv();
    void peerPushesWhileTheClientIsSilent();
    void progressIsCoalesced();
    void aStreamIsReadInLargerRecvs();
    void halfCloseThenGoodbye();
    void shutdownBothStopsReading();
    void resetKeepsWhatArrived();
    void severalConversationsAtOnce();
    void udpDatagramsBothWaysWithTheirSender();
    void refusedConnectionIsAFailedEvent();
    void connectedUdpReportsPortUnreachable();
    void capKeepsCountsExact();
    void cancelIsQuickAndClean();
    void destroyingMidConversationIsQuick();
    void bigSendKeepsReadingAPeerThatDoesNotRead();
    void closeWaitsForABigSendWhileReading();
    void halfCloseAfterABigSendDeliversEveryByte();
    void tlsBigSendWhileThePeerSendsBack();
    void sendPastTheUnsentLimitIsRefused();
};

void TestConversation::greetingArrivesBeforeAnySend()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QVERIFY(conversation.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(received(conversation), QByteArrayLiteral("HELLO chat\n"), 10000);
    QCOMPARE(kinds(conversation), (QList<Kind>{Kind::Connected, Kind::Received}));
    QCOMPARE(conversation.record()->sentBytes(), qint64(0));
    const ConversationSetup setup = conversation.record()->setup();
    QCOMPARE(setup.connectedTo.port(), peer.port());
    QCOMPARE(setup.attempts.size(), qsizetype(1));
    QVERIFY(traceHas(conversation, QStringLiteral("getaddrinfo")));
    QVERIFY(traceHas(conversation, QStringLiteral("connect")));
}

void TestConversation::messagesBothWaysKeepEachRecv()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("HELLO chat\n"), 10000);
    conversation.send("one\n", 3);
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("ECHO one\n"), 10000);
    conversation.send("two\n", 4);
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("ECHO two\n"), 10000);
    // Answered in two send() calls 500 ms apart: two recv() boundaries, kept apart.
    conversation.send("TWICE\n");
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("TWO\n"), 10000);

    QCOMPARE(kinds(conversation), (QList<Kind>{Kind::Connected, Kind::Received, Kind::Sent, Kind::Received, Kind::Sent,
                                               Kind::Received, Kind::Sent, Kind::Received, Kind::Received}));
    QCOMPARE(receivedSizes(conversation), (QList<qint64>{11, 9, 9, 4, 4}));
    const ConversationRecord &record = *conversation.record();
    QCOMPARE(record.received().segments().size(), qsizetype(5));
    QCOMPARE(record.sent().toByteArray(), QByteArrayLiteral("one\ntwo\nTWICE\n"));
    QCOMPARE(record.sent().segments().size(), qsizetype(3));
    QCOMPARE(record.sentBytes(), qint64(14));
    QCOMPARE(record.receivedBytes(), qint64(37));
    qint64 lastTime = -1;
    QList<int> steps;
    for (const ConversationEvent &event : record.events()) {
        QVERIFY(event.timeUs >= lastTime);
        lastTime = event.timeUs;
        if (event.carriesBytes()) {
            const ByteStore &store = event.kind == Kind::Sent ? record.sent() : record.received();
            QCOMPARE(store.read(event.offset, event.size).size(), event.size);
        }
        if (event.kind == Kind::Sent)
            steps.append(event.step);
    }
    QCOMPARE(steps, (QList<int>{3, 4, -1}));
    QCOMPARE(record.received().read(record.events().at(3).offset, 9), QByteArrayLiteral("ECHO one\n"));
    QVERIFY(traceHas(conversation, QStringLiteral("send")));
    QVERIFY(traceHas(conversation, QStringLiteral("recv")));
}

void TestConversation::peerPushesWhileTheClientIsSilent()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("3")});
    QVERIFY(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("TICK 3\n"), 10000);
    QCOMPARE(received(conversation), QByteArrayLiteral("HELLO chat\nTICK 1\nTICK 2\nTICK 3\n"));
    // 100 ms apart: each its own recv(), with nothing sent.
    QCOMPARE(receivedSizes(conversation), (QList<qint64>{11, 7, 7, 7}));
    QVERIFY(!kinds(conversation).contains(Kind::Sent));
}

void TestConversation::progressIsCoalesced()
{
    // 300 lines about a millisecond apart: hundreds of recv() calls.
    PeerProcess peer(QStringLiteral("chat_peer.py"),
                     {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("300"), QStringLiteral("--interval"),
                      QStringLiteral("1")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy progress(&conversation, &Conversation::progress);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("TICK 300\n"), 20000);
    QTest::qWait(100);
    const qint64 elapsed = clock.elapsed();
    const qint64 recvs = conversation.record()->eventCount() - 1;
    QVERIFY2(recvs > 50, QByteArray::number(recvs));
    // At most one signal every ~30 ms, however many recv() calls.
    QVERIFY2(progress.count() <= elapsed / 25 + 2,
             QByteArray::number(progress.count()) + " signals in " + QByteArray::number(elapsed) + " ms for "
                 + QByteArray::number(recvs) + " recv() calls");
}

void TestConversation::aStreamIsReadInLargerRecvs()
{
    // 500 lines a quarter of a millisecond apart: read as each comes, that would be 500 recv()
    // calls and as many wake-ups. Bytes that come again within a millisecond of a read are a
    // stream, and the worker lets a millisecond's worth gather before it reads again.
    PeerProcess peer(QStringLiteral("chat_peer.py"),
                     {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("500"), QStringLiteral("--interval"),
                      QStringLiteral("0.2")});
    QVERIFY(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("TICK 500\n"), 20000);
    QByteArray expected("HELLO chat\n");
    for (int i = 1; i <= 500; ++i)
        expected += "TICK " + QByteArray::number(i) + '\n';
    QCOMPARE(received(conversation), expected);
    const QList<qint64> sizes = receivedSizes(conversation);
    QVERIFY2(sizes.size() < 250, QByteArray::number(sizes.size()) + " recv() calls");
    // Read as it goes, not held until the stream ends: it lasts well over 100 ms. (A bound closer
    // to 100 would fail a worker slowed by a sanitizer on a loaded machine, not a wrong hold.)
    QVERIFY2(sizes.size() > 3, QByteArray::number(sizes.size()) + " recv() calls");
}

void TestConversation::halfCloseThenGoodbye()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    conversation.send("a\n");
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("ECHO a\n"), 10000);
    conversation.shutdownWrite(9);
    QTRY_VERIFY_WITH_TIMEOUT(kinds(conversation).contains(Kind::PeerClosed), 10000);
    QCOMPARE(received(conversation), QByteArrayLiteral("HELLO chat\nECHO a\nBYE 1\n"));
    const QList<Kind> list = kinds(conversation);
    QVERIFY(list.indexOf(Kind::ShutdownWrite) < list.lastIndexOf(Kind::Received));
    QCOMPARE(list.last(), Kind::PeerClosed);
    QCOMPARE(conversation.record()->events().at(list.indexOf(Kind::ShutdownWrite)).step, 9);
    // The peer's FIN ends nothing by itself: the socket is ours to close.
    QTest::qWait(100);
    QVERIFY(conversation.isRunning());
    QCOMPARE(finished.count(), 0);
    conversation.close();
    QVERIFY(finished.wait(5000));
    QCOMPARE(kinds(conversation).last(), Kind::Closed);
    QVERIFY(traceHas(conversation, QStringLiteral("shutdown")));
    QVERIFY(traceHas(conversation, QStringLiteral("close")));
    QVERIFY(conversation.record()->isOver());
}

void TestConversation::shutdownBothStopsReading()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).endsWith("HELLO chat\n"), 10000);
    conversation.shutdownBoth();
    QTRY_VERIFY_WITH_TIMEOUT(kinds(conversation).contains(Kind::ShutdownBoth), 10000);
    QTest::qWait(200);
    // recv() after our own SHUT_RDWR returns 0, or ECONNRESET once the peer's goodbye met the closed
    // socket: neither is the peer's doing, and nothing is read after it.
    QCOMPARE(kinds(conversation).last(), Kind::ShutdownBoth);
    conversation.close();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(kinds(conversation).last(), Kind::Closed);
}

void TestConversation::resetKeepsWhatArrived()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("reset")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    conversation.send("x\n");
    QVERIFY(finished.wait(10000));
    QCOMPARE(received(conversation), QByteArrayLiteral("HELLO chat\nECHO x\n"));
    const ConversationEvent last = conversation.record()->events().constLast();
    QCOMPARE(last.kind, Kind::PeerReset);
    QCOMPARE(last.error.systemCode, ECONNRESET);
    QCOMPARE(last.error.call, QStringLiteral("recv"));
    QVERIFY(!conversation.isRunning());
}

void TestConversation::severalConversationsAtOnce()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    constexpr int Count = 4;
    std::vector<std::unique_ptr<Conversation>> conversations;
    for (int i = 0; i < Count; ++i) {
        conversations.push_back(std::make_unique<Conversation>());
        QVERIFY(!conversations.back()->start(chatRequest(peer.port())).isError());
    }
    for (int i = 0; i < Count; ++i)
        conversations[size_t(i)]->send("n" + QByteArray::number(i) + "\n");
    for (int i = 0; i < Count; ++i) {
        const QByteArray expected = "HELLO chat\nECHO n" + QByteArray::number(i) + "\n";
        QTRY_COMPARE_WITH_TIMEOUT(received(*conversations[size_t(i)]), expected, 10000);
    }
    for (auto &conversation : conversations)
        conversation->close();
    for (auto &conversation : conversations)
        QTRY_VERIFY_WITH_TIMEOUT(!conversation->isRunning(), 5000);
}

void TestConversation::udpDatagramsBothWaysWithTheirSender()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("udp")});
    QVERIFY(peer.port());
    for (const bool connected : {false, true}) {
        ConversationRequest request = chatRequest(peer.port());
        request.transport = ConversationRequest::Transport::Udp;
        request.udpConnected = connected;
        Conversation conversation;
        QVERIFY(!conversation.start(request).isError());
        conversation.send("ping");
        conversation.send("");
        conversation.send("pong!");
        QTRY_COMPARE_WITH_TIMEOUT(receivedSizes(conversation).size(), qsizetype(3), 10000);
        QCOMPARE(receivedSizes(conversation), (QList<qint64>{9, 5, 10}));
        QCOMPARE(received(conversation), QByteArrayLiteral("ECHO pingECHO ECHO pong!"));
        for (const ConversationEvent &event : conversation.record()->events()) {
            if (event.carriesBytes()) {
                QCOMPARE(event.peer.host(), QStringLiteral("127.0.0.1"));
                QCOMPARE(event.peer.port(), peer.port());
                QVERIFY(!event.truncated);
            }
        }
        QVERIFY(traceHas(conversation, connected ? QStringLiteral("send") : QStringLiteral("sendto")));
        QVERIFY(traceHas(conversation, QStringLiteral("recvmsg")));
        conversation.close();
        QTRY_VERIFY_WITH_TIMEOUT(!conversation.isRunning(), 5000);
    }
}

void TestConversation::refusedConnectionIsAFailedEvent()
{
    quint16 closedPort = 0;
    {
        PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
        closedPort = peer.port();
    }
    QVERIFY(closedPort);
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(closedPort)).isError());
    QVERIFY(finished.wait(10000));
    QCOMPARE(kinds(conversation), QList<Kind>{Kind::Failed});
    const ConversationEvent failed = conversation.record()->events().constFirst();
    QCOMPARE(failed.error.systemCode, ECONNREFUSED);
    QCOMPARE(conversation.record()->setup().error.systemCode, ECONNREFUSED);
}

void TestConversation::connectedUdpReportsPortUnreachable()
{
    quint16 closedPort = 0;
    {
        PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("udp")});
        closedPort = peer.port();
    }
    QVERIFY(closedPort);
    ConversationRequest request = chatRequest(closedPort);
    request.transport = ConversationRequest::Transport::Udp;
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(request).isError());
    conversation.send("anyone?");
    QVERIFY(finished.wait(10000));
    QCOMPARE(kinds(conversation), (QList<Kind>{Kind::Connected, Kind::Sent, Kind::Failed}));
    const ConversationEvent failed = conversation.record()->events().constLast();
    QCOMPARE(failed.error.systemCode, ECONNREFUSED);
    QCOMPARE(failed.error.call, QStringLiteral("recvmsg"));
}

void TestConversation::capKeepsCountsExact()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("3")});
    QVERIFY(peer.port());
    ConversationRequest request = chatRequest(peer.port());
    request.recvSize = 16;
    request.maxKeptBytes = 20;
    Conversation conversation;
    QVERIFY(!conversation.start(request).isError());
    QTRY_COMPARE_WITH_TIMEOUT(conversation.record()->receivedBytes(), qint64(32), 10000);
    // The greeting fits the cap; the three ticks after it are counted, not kept.
    QCOMPARE(received(conversation), QByteArrayLiteral("HELLO chat\n"));
    QCOMPARE(receivedSizes(conversation), QList<qint64>{11});
    QCOMPARE(conversation.record()->droppedEvents(), qint64(3));
    QCOMPARE(conversation.record()->eventCount(), qint64(5));
}

void TestConversation::cancelIsQuickAndClean()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"),
                     {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("100000"), QStringLiteral("--interval"),
                      QStringLiteral("5")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).contains("TICK 2\n"), 10000);
    QElapsedTimer clock;
    clock.start();
    conversation.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY2(clock.elapsed() < 1000, QByteArray::number(clock.elapsed()));
    const ConversationEvent last = conversation.record()->events().constLast();
    QCOMPARE(last.kind, Kind::Failed);
    QCOMPARE(last.error.kind, NetError::Kind::Cancelled);
    QVERIFY(traceHas(conversation, QStringLiteral("close")));
}

void TestConversation::destroyingMidConversationIsQuick()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"),
                     {QStringLiteral("push"), QStringLiteral("--ticks"), QStringLiteral("100000"), QStringLiteral("--interval"),
                      QStringLiteral("5")});
    QVERIFY(peer.port());
    auto conversation = std::make_unique<Conversation>();
    QVERIFY(!conversation->start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(*conversation).contains("TICK 2\n"), 10000);
    const std::shared_ptr<const ConversationRecord> record = conversation->record();
    QElapsedTimer clock;
    clock.start();
    conversation.reset();
    QVERIFY2(clock.elapsed() < 1000, QByteArray::number(clock.elapsed()));
    QVERIFY(record->isOver());
}

void TestConversation::bigSendKeepsReadingAPeerThatDoesNotRead()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("flood"), QStringLiteral("--interval"), QStringLiteral("20")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).startsWith(Greeting), 10000);
    conversation.send(bigPayload(), 7);
    const ConversationRecord &record = *conversation.record();
    QTRY_VERIFY_WITH_TIMEOUT(record.sentBytes() > 0, 10000);
    // The peer never reads, so the send never ends; its ticks go on arriving all the same.
    for (int more = 0; more < 2; ++more) {
        const qint64 before = record.receivedBytes();
        QTRY_VERIFY_WITH_TIMEOUT(record.receivedBytes() >= before + ThreeTicks, 10000);
    }
    QVERIFY2(record.sentBytes() < BigSend, QByteArray::number(record.sentBytes()));
    QVERIFY(lastIndexOf(conversation, Kind::Received) > kinds(conversation).indexOf(Kind::Sent));
    QVERIFY(checkSentEvents(conversation, 7) >= 1);
    // close() waits its turn behind the bytes not yet written; reading goes on meanwhile.
    conversation.close();
    const qint64 atClose = record.receivedBytes();
    QTRY_VERIFY_WITH_TIMEOUT(record.receivedBytes() >= atClose + ThreeTicks, 10000);
    QVERIFY(!kinds(conversation).contains(Kind::Closed));
    QVERIFY(conversation.isRunning());
    // Only cancel ends it before then, at once.
    QElapsedTimer clock;
    clock.start();
    conversation.cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY2(clock.elapsed() < 1000, QByteArray::number(clock.elapsed()));
    QCOMPARE(record.events().constLast().error.kind, NetError::Kind::Cancelled);
    QVERIFY(record.received().toByteArray().contains("TICK 3\n"));
}

void TestConversation::closeWaitsForABigSendWhileReading()
{
    // The peer sends back what it reads, and stops reading while its own sends wait: without a
    // client that reads while it writes, each waits for the other for ever.
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("bytes")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    const QByteArray payload = bigPayload();
    conversation.send(payload, 2);
    conversation.close(3);
    QVERIFY(finished.wait(60000));
    const ConversationRecord &record = *conversation.record();
    const ConversationEvent last = record.events().constLast();
    QCOMPARE(last.kind, Kind::Closed);
    QCOMPARE(last.step, 3);
    QCOMPARE(record.sentBytes(), qint64(BigSend));
    QVERIFY(record.sent().toByteArray() == payload);
    QVERIFY(checkSentEvents(conversation, 2) >= 1);
    // Echoes were read while the send went on, before the close().
    QVERIFY2(record.receivedBytes() > qint64(Greeting.size()), QByteArray::number(record.receivedBytes()));
    QVERIFY(lastIndexOf(conversation, Kind::Received) > kinds(conversation).indexOf(Kind::Sent));
}

void TestConversation::halfCloseAfterABigSendDeliversEveryByte()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("bytes")});
    QVERIFY(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    const QByteArray payload = bigPayload();
    conversation.send(payload, 4);
    conversation.shutdownWrite(5);
    QTRY_VERIFY_WITH_TIMEOUT(kinds(conversation).contains(Kind::PeerClosed), 60000);
    const ConversationRecord &record = *conversation.record();
    // The FIN came after the last byte: the peer counted them all, and sent each back.
    const QByteArray goodbye = "GOT " + QByteArray::number(BigSend) + "\n";
    QCOMPARE(record.receivedBytes(), qint64(Greeting.size()) + BigSend + goodbye.size());
    QVERIFY(record.received().toByteArray() == "HELLO chat\n" + payload + goodbye);
    const QList<Kind> list = kinds(conversation);
    QVERIFY(list.indexOf(Kind::ShutdownWrite) > list.lastIndexOf(Kind::Sent));
    QCOMPARE(record.events().at(list.indexOf(Kind::ShutdownWrite)).step, 5);
    // One Sent event per send() that wrote bytes: the kernel took this message in parts.
    const int sends = checkSentEvents(conversation, 4);
    QVERIFY2(sends > 1, QByteArray::number(sends));
    QCOMPARE(record.sent().segments().size(), qsizetype(sends));
    QCOMPARE(record.sentBytes(), qint64(BigSend));
    QVERIFY(!record.events().at(list.indexOf(Kind::PeerClosed)).closeNotifyMissing);  // no TLS, nothing missing
}

void TestConversation::tlsBigSendWhileThePeerSendsBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestCertificates certificates(dir.path());
    const TestCertificates::Issued server = certificates.signedByCa(QStringLiteral("server"));
    PeerProcess peer(QStringLiteral("chat_peer.py"),
                     {QStringLiteral("bytes"), QStringLiteral("--cert"), server.certPath, QStringLiteral("--key"), server.keyPath});
    QVERIFY(peer.port());
    ConversationRequest request = chatRequest(peer.port());
    request.tls.enabled = true;
    request.tls.caFile = certificates.ca().certPath;
    Conversation conversation;
    QVERIFY(!conversation.start(request).isError());
    const QByteArray payload = bigPayload();
    conversation.send(payload);
    conversation.shutdownWrite();
    QTRY_VERIFY_WITH_TIMEOUT(kinds(conversation).contains(Kind::PeerClosed), 60000);
    const ConversationRecord &record = *conversation.record();
    QVERIFY2(!kinds(conversation).contains(Kind::Failed), qPrintable(record.events().constLast().error.message));
    QVERIFY(record.setup().tls.has_value());
    const QByteArray goodbye = "GOT " + QByteArray::number(BigSend) + "\n";
    QCOMPARE(record.receivedBytes(), qint64(Greeting.size()) + BigSend + goodbye.size());
    QVERIFY(record.received().toByteArray() == "HELLO chat\n" + payload + goodbye);
    QCOMPARE(record.sentBytes(), qint64(BigSend));
    QVERIFY(checkSentEvents(conversation, -1) > 1);
    QVERIFY(traceHas(conversation, QStringLiteral("SSL_write")));
    // chat_peer.py closes its socket without unwrap(): no close_notify came, and the FIN says so.
    QVERIFY(record.events().at(kinds(conversation).indexOf(Kind::PeerClosed)).closeNotifyMissing);
}

void TestConversation::sendPastTheUnsentLimitIsRefused()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("flood"), QStringLiteral("--interval"), QStringLiteral("20")});
    QVERIFY(peer.port());
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(chatRequest(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(received(conversation).startsWith(Greeting), 10000);
    // One message alone waits whatever its size; behind it, 64 MiB may wait, no more.
    conversation.send(bigPayload(), 1);
    const ConversationRecord &record = *conversation.record();
    QTRY_VERIFY_WITH_TIMEOUT(record.sentBytes() > 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(conversation.unsentBytes(), BigSend - record.sentBytes(), 5000);
    conversation.send(bigPayload(), 2);
    QVERIFY(conversation.isRunning());
    conversation.send(QByteArray(BigSend, 'z'), 3);
    QVERIFY(finished.wait(10000));
    const ConversationEvent last = record.events().constLast();
    QCOMPARE(last.kind, Kind::Failed);
    QCOMPARE(last.step, 3);
    QCOMPARE(last.error.kind, NetError::Kind::System);
    QCOMPARE(last.error.systemCode, ENOBUFS);
    QCOMPARE(last.error.call, QStringLiteral("send"));
    // What went before stays: the greeting and the part of the first message the socket took.
    QVERIFY(received(conversation).startsWith(Greeting));
    QVERIFY(record.sentBytes() > 0);
    QCOMPARE(record.sent().size(), record.sentBytes());
    QVERIFY(checkSentEvents(conversation, 1) >= 1);
}

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
